"""The floor for the WeCom web benchmark: an endpoint that only decrypts a callback and answers empty."""
import os
from urllib.parse import parse_qs

from wechatpy.enterprise.crypto import WeChatCrypto


def create_app():
    crypto = WeChatCrypto(os.environ["WECOM_TOKEN"], os.environ["WECOM_ENCODING_AES_KEY"],
                          os.environ["WECOM_CORP_ID"])

    def app(environ, start_response):
        query = {k: v[0] for k, v in parse_qs(environ["QUERY_STRING"]).items()}
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        crypto.decrypt_message(body, query["msg_signature"], query["timestamp"], query["nonce"])
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "0")])
        return [b""]
    return app


def create_asgi_app():
    """Served as ours is: `bot/asgi.py` in front (the same server, limits and thread pool)."""
    from bot.asgi import asgi

    return asgi(create_app())
