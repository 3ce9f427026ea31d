"""Hypercorn settings for the `web` process (Procfile): `bot/asgi.py` says why an asyncio server.

Deadlines for slow or stalled clients: a connection whose request headers are not complete within
`keep_alive_timeout` seconds is closed (Hypercorn's idle timer runs until a request's headers are
in, and between requests); each read waits at most `read_timeout`; a whole body at most
`bot.asgi.BODY_DEADLINE`. Header size is bounded by `h11_max_incomplete_size`.
"""
import importlib.util
import os

bind = [f"0.0.0.0:{os.environ.get('PORT', '3000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# uvloop's event loop where it installs (Linux, macOS): acks ~15% faster than asyncio's
worker_class = os.environ.get("WEB_WORKER_CLASS",
                              "uvloop" if importlib.util.find_spec("uvloop") else "asyncio")
keep_alive_timeout = 5
read_timeout = 10
h11_max_incomplete_size = 16 * 1024
graceful_timeout = 10
backlog = 1024
accesslog = "-" if os.environ.get("WEB_ACCESS_LOG") else None
