"""The Procfile's web process against slow, stalled and oversized clients: idle connections hold
no thread, so /healthz and signed requests keep answering; chunked bodies work; limits answer 413."""
import http.client
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest

from fakes.slack_api import _all_text
from fakes.slack_driver import sign


def _visit_body(n: int, fake_url: str) -> str:
    return urlencode({"team_id": "T1", "channel_id": "C1", "channel_name": "sales", "user_id": "U1",
                      "command": "/visit", "text": f"Client {n}: slow day", "api_app_id": "A1",
                      "trigger_id": f"slow-{n}", "response_url": f"{fake_url}/response/slow-{n}"})


def test_200_slow_clients_do_not_starve_healthz_or_real_requests(shared_procfile_web):
    web = shared_procfile_web
    stop = threading.Event()
    slow = []
    for n in range(200):
        conn = socket.create_connection(("127.0.0.1", web.port))
        if n % 2:  # headers a few bytes at a time
            conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")
        else:  # complete headers, then a body that trickles
            conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\nab")
        slow.append(conn)

    def trickle():
        while not stop.wait(0.5):
            for conn in slow:
                try:
                    conn.sendall(b"X")
                except OSError:
                    pass
    threading.Thread(target=trickle, daemon=True).start()
    try:
        assert web.get("/healthz")[0] == 200
        with ThreadPoolExecutor(10) as pool:
            statuses = list(pool.map(lambda n: web.post(
                "/slack/events", _visit_body(n, web.fake.url), "application/x-www-form-urlencoded")[0],
                range(100)))
        assert statuses == [200] * 100
        assert web.get("/healthz")[0] == 200
    finally:
        stop.set()
        for conn in slow:
            conn.close()


def test_a_client_stalled_in_its_headers_is_cut_off(shared_procfile_web):
    web = shared_procfile_web
    conn = socket.create_connection(("127.0.0.1", web.port))
    conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")
    conn.settimeout(20)
    started = time.monotonic()
    try:
        data = conn.recv(1024)  # the server closes (or answers) it …
    except ConnectionResetError:
        data = b""
    assert data == b"" or data.startswith(b"HTTP/1.1 4")
    assert time.monotonic() - started < 15  # … within its header deadline, not when the client gives up
    conn.close()


def test_a_signed_chunked_request_works(shared_procfile_web):
    web = shared_procfile_web
    body = _visit_body(1000, web.fake.url)  # numbered apart from the other tests' visits
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=10)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked",
               **sign(body)}
    conn.request("POST", "/slack/events", body=iter([body[:50].encode(), body[50:].encode()]),
                 headers=headers, encode_chunked=True)
    assert conn.getresponse().status == 200
    assert "Visit to Client 1000 logged." in _all_text(web.answers("/response/slow-1000")[0])


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "chunked"])
def test_ten_megabytes_get_413(shared_procfile_web, chunked):
    web = shared_procfile_web
    conn = socket.create_connection(("127.0.0.1", web.port))
    head = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {10 * 1024 * 1024}"
    conn.sendall(f"POST /slack/events HTTP/1.1\r\nHost: x\r\n{head}\r\n\r\n".encode())
    block = b"a" * 65536
    try:
        for _ in range(160):
            conn.sendall(b"10000\r\n" + block + b"\r\n" if chunked else block)
    except OSError:
        pass  # the server answered and closed before the rest was sent
    conn.settimeout(10)
    assert conn.recv(64).startswith(b"HTTP/1.1 413")
    conn.close()
    assert web.get("/healthz")[0] == 200
