"""r29en D: `vist acme corp - demo went great 👍 CTO wants pricing, follow up eow` was offered as a visit
whose notes began "vist acme corp -" (or a task titled so): its follow-up made it a sentence with no
command word. A misspelt command word is that command, asked as "did you mean", before any reading of
the words as a sentence; the visit tapped keeps no slip in its notes. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


@pytest.mark.parametrize("said, user, fixed, customer", [
    ("vist acme corp - demo went great 👍 CTO wants pricing, follow up eow", "Ana",
     "visit acme corp - demo went great 👍 CTO wants pricing, follow up eow", "Acme Corp"),
    ("vsit globex: demo done, follow up fri", "Bo", "visit globex: demo done, follow up fri", "Globex"),
    ("visti acme corp: pricing call; follow up next tue", "Ana",
     "visit acme corp: pricing call; follow up next tue", "Acme Corp"),
    ("拜方 华为：见了采购，跟进 周五", "张伟", "拜访 华为：见了采购，跟进 周五", "华为"),
    ("拜仿 华为：聊了续约，周四跟进", "张伟", "拜访 华为：聊了续约，周四跟进", "华为"),
])
def test_a_misspelt_command_word_with_a_follow_up_is_that_command(session_factory, said, user, fixed,
                                                                  customer):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for name in ("Acme Corp", "Globex", "华为"):
        assert chat.reply(f"customer +{name}", user="王芳").ok
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and [b.command for b in reply.buttons] == [fixed], reply.text
    assert records(session_factory) == before
    assert chat.press(reply.buttons[0], user=user).ok
    [(name, notes, follow_up)] = visit_rows(session_factory)
    assert name == customer and follow_up is not None
    assert not any(w in notes for w in ("vist", "vsit", "visti", "拜方", "拜仿", "acme", "globex")), notes
