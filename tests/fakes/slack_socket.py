"""A loopback fake of Slack's Socket Mode server: the WebSocket handshake and frames (RFC 6455),
envelopes in, acknowledgements out. `apps.connections.open` on the fake Web API points here."""
from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
import time

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class FakeSocketMode:
    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self.listener.getsockname()[1]}/link"
        self.acks: list[dict] = []
        self._client: socket.socket | None = None
        self._ready = threading.Event()
        self._lock = threading.Condition()
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self):
        self.listener.close()
        if self._client:
            self._client.close()

    def send(self, envelope: dict, timeout: float = 10) -> None:
        """Deliver one envelope (events_api, slash_commands, interactive) to the connected app."""
        if not self._ready.wait(timeout):
            raise AssertionError("the app never connected over Socket Mode")
        self._client.sendall(_frame(json.dumps(envelope).encode()))

    def ack_for(self, envelope_id: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not (found := [a for a in self.acks if a.get("envelope_id") == envelope_id]):
                if time.monotonic() > deadline:
                    raise AssertionError(f"no ack for {envelope_id}")
                self._lock.wait(deadline - time.monotonic())
        return found[0]

    def _serve(self):
        try:
            client, _ = self.listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            request += client.recv(4096)
        key = next(line.split(":", 1)[1].strip() for line in request.decode().split("\r\n")
                   if line.lower().startswith("sec-websocket-key"))
        accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
        client.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n").encode())
        self._client = client
        client.sendall(_frame(json.dumps({"type": "hello", "num_connections": 1}).encode()))
        self._ready.set()
        try:
            while True:
                opcode, payload = _read_frame(client)
                if opcode == 0x8:  # close
                    return
                if opcode == 0x9:  # ping -> pong
                    client.sendall(_frame(payload, opcode=0xA))
                elif opcode == 0x1:
                    with self._lock:
                        self.acks.append(json.loads(payload))
                        self._lock.notify_all()
        except (OSError, ConnectionError):
            return


def _frame(payload: bytes, opcode: int = 0x1) -> bytes:
    """A final, unmasked server frame."""
    head = bytes([0x80 | opcode])
    if len(payload) < 126:
        return head + bytes([len(payload)]) + payload
    if len(payload) < 65536:
        return head + bytes([126]) + struct.pack("!H", len(payload)) + payload
    return head + bytes([127]) + struct.pack("!Q", len(payload)) + payload


def _read_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _read_frame(sock: socket.socket) -> tuple[int, bytes]:
    first, second = _read_exact(sock, 2)
    length = second & 0x7F
    if length == 126:
        length = struct.unpack("!H", _read_exact(sock, 2))[0]
    elif length == 127:
        length = struct.unpack("!Q", _read_exact(sock, 8))[0]
    mask = _read_exact(sock, 4) if second & 0x80 else b"\0\0\0\0"
    data = _read_exact(sock, length)
    return first & 0x0F, bytes(b ^ mask[i % 4] for i, b in enumerate(data))
