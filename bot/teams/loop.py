"""One asyncio event loop on a thread of its own, for the Agents SDK's async calls (token
validation, the connector client) from our threads: the web process's request threads and the
worker's sender. Started on first use; aiohttp sessions live on it for the process's life."""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import TypeVar

T = TypeVar("T")


class Loop:
    def __init__(self, name: str):
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def run(self, coro: Coroutine[object, object, T], timeout: float = 30.0) -> T:
        """Run `coro` on the loop and wait for its result (or raise what it raised)."""
        return asyncio.run_coroutine_threadsafe(coro, self._started()).result(timeout)

    def call_soon(self, coro) -> None:
        """Start `coro` on the loop without waiting for it (when the loop is running)."""
        if self._loop is not None and not self._loop.is_closed():
            asyncio.run_coroutine_threadsafe(coro, self._loop)
        else:
            coro.close()

    def _started(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            with self._lock:
                if self._loop is None:
                    loop = asyncio.new_event_loop()
                    threading.Thread(target=loop.run_forever, name=self.name, daemon=True).start()
                    self._loop = loop
        return self._loop


#: The process's loop for the SDK: one thread whoever calls (web requests, the outbox's sender).
LOOP = Loop("teams-sdk")
