"""The per-process memo of what the database holds (`bot/recent.py`): bounded, latest kept."""
from bot.recent import Recent


def test_a_memo_keeps_only_its_latest_entries_however_many_come():
    memo = Recent(size=3)
    for i in range(1000):
        memo.put(f"29:rep{i}", f"Rep {i}")
    assert len(memo) == 3
    assert [memo.get(f"29:rep{i}") for i in (996, 997, 998, 999)] == [None, "Rep 997", "Rep 998", "Rep 999"]


def test_an_entry_read_again_stays_while_older_ones_leave():
    memo = Recent(size=2)
    memo.put("service", {"serviceUrl": "https://smba.trafficmanager.net/amer/"})
    memo.put("user:29:ana", {"conversationId": "a:1"})
    assert memo.get("service") == {"serviceUrl": "https://smba.trafficmanager.net/amer/"}  # used again
    memo.put("user:29:bo", {"conversationId": "a:2"})
    assert memo.get("user:29:ana") is None
    assert memo.get("service") is not None and memo.get("user:29:bo") == {"conversationId": "a:2"}
    memo.pop("service")
    assert memo.get("service") is None and len(memo) == 1
