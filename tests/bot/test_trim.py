"""The web process hands a burst's heap back once requests stop, not while they arrive
(bot/trim.py). Each second of the watch is a step here: how many requests were served by then."""
import threading

from bot.asgi import create_app
from bot.trim import Trimmer


class Seconds:
    """`stopping` for the trimmer: each wait is one quiet period; the count served moves as told."""

    def __init__(self, served_by_then: list[int]):
        self.steps = iter(served_by_then)
        self.served = 0

    def wait(self, _timeout: float) -> bool:
        step = next(self.steps, None)
        if step is None:
            return True  # the process winds down
        self.served = step
        return False


def trims(served_by_then: list[int], burst: int = 500) -> list[int]:
    """At which request count the heap was trimmed."""
    seconds = Seconds(served_by_then)
    trimmed: list[int] = []
    trimmer = Trimmer(lambda: seconds.served, seconds, burst=burst)
    trimmer._watch(lambda _pad: trimmed.append(seconds.served) or 1)
    assert trimmer.trims == len(trimmed)
    return trimmed


def test_a_burst_is_trimmed_once_requests_stop():
    assert trims([300, 700, 1200, 1200, 1200, 1200]) == [1200]


def test_nothing_is_trimmed_while_requests_keep_arriving():
    assert trims([300, 700, 1200, 1800, 2400]) == []


def test_a_few_requests_are_no_burst():
    assert trims([10, 20, 20, 20, 450, 450]) == []


def test_each_burst_is_trimmed_after_it_ends():
    assert trims([600, 600, 700, 1300, 1300]) == [600, 1300]


def test_the_web_process_runs_the_trimmer(tmp_path, monkeypatch):
    from storage.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'web.sqlite3'}"
    upgrade(make_engine(url))
    monkeypatch.setenv("DATABASE_URL", url)
    create_app()
    assert "heap-trim" in [thread.name for thread in threading.enumerate()]
