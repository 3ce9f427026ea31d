"""Background work in the web process, kept from hurting the requests themselves."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

# About two seconds of work at ~250 messages/s: a request that waits for room still answers well
# inside Slack's 3 s and WeCom's 5 s.
MAX_PENDING = 500


class BoundedExecutor(ThreadPoolExecutor):
    """One worker thread (acks and callbacks keep most of the interpreter) and at most
    `max_pending` queued tasks: past that, `submit` waits for room, so a burst slows intake down
    instead of growing memory without bound."""

    def __init__(self, name: str, max_pending: int = MAX_PENDING):
        super().__init__(max_workers=1, thread_name_prefix=name)
        self._room = threading.BoundedSemaphore(max_pending)

    def submit(self, fn, /, *args, **kwargs):
        self._room.acquire()
        try:
            future = super().submit(fn, *args, **kwargs)
        except BaseException:
            self._room.release()
            raise
        future.add_done_callback(lambda _done: self._room.release())
        return future
