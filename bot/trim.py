"""The heap a burst of requests leaves in the web process, handed back once the process is quiet.

Under load the web process holds many requests' objects at once (64 threads, each request's
inbox row, its token check and activity, the work run here when no worker takes it). When the
burst is over Python frees them, but glibc keeps the freed pages inside its arenas (one per
thread group, up to 8 × cores of them) for the next allocation, so the process's resident memory
stays at the burst's high-water mark for good. Once requests have stopped for `QUIET` seconds
after at least `BURST` of them, this collects cyclic garbage and asks glibc to give its free
pages back (`malloc_trim(0)`, which returns whole free pages in every arena, not only the top
of the main heap). Nothing runs while requests arrive; a C library without `malloc_trim`
(musl, macOS) is left alone.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)
QUIET = 1.0  # seconds without a request before the heap is trimmed
BURST = 500  # requests since the last trim that make one worth it


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


class Trimmer:
    """Watches `served()` (requests served so far) and trims after a burst, once quiet."""

    def __init__(self, served: Callable[[], int], stopping: threading.Event,
                 quiet: float = QUIET, burst: int = BURST):
        self.served, self.stopping, self.quiet, self.burst = served, stopping, quiet, burst
        self.trims = 0  # how many times the heap was trimmed

    def start(self) -> None:
        trim = _malloc_trim()
        if trim is not None:
            threading.Thread(target=self._watch, args=(trim,), name="heap-trim", daemon=True).start()

    def _watch(self, trim: Callable[[int], int]) -> None:
        trimmed = seen = self.served()
        while not self.stopping.wait(self.quiet):
            served = self.served()
            if served == seen and served - trimmed >= self.burst:  # quiet after a burst
                gc.collect()
                trim(0)
                trimmed = served
                self.trims += 1
            seen = served
