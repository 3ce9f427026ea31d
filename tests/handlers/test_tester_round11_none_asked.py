"""Issue #23, class 4: a manager's question of who has none of something (`who hasnt logged any visits
this week?`, `这周谁还没拜访`) is answered from the leaderboard of it, the line it was read as said
back, and everyone with none named (all of them, not only the table's first ten); nothing stored."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _visits(session_factory):
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(Visit))


@pytest.mark.parametrize(("said", "read_as", "named"), [
    ("who hasnt logged any visits this week?", "leaderboard visits week",
     "With no visits in week of Nov 23: "),
    ("who hasn't made a single visit this week", "leaderboard visits week",
     "With no visits in week of Nov 23: "),
    ("who has no visits this month", "leaderboard visits month", "With no visits in November 2026: "),
    ("这周谁还没拜访", "排行榜 拜访 本周", "11月23日当周没有拜访："),
    ("本月哪些人没有拜访记录？", "排行榜 拜访 本月", "2026年11月没有拜访："),
])
def test_who_has_no_visits_is_answered_by_name(session_factory, said, read_as, named):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "Tom"))
    assert chat.reply("visit +Globex: demo").ok
    before = _visits(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and read_as in reply.text and named in reply.text, reply.text
    line = next(x for x in reply.text.splitlines() if named in x)
    names = line.split(named[-1] if named.endswith("：") else ": ", 1)[1].rstrip("。.")
    assert set(names.replace("、", ", ").split(", ")) >= {"Bo", "Tom"} and "Ana" not in names, line
    assert _visits(session_factory) == before


def test_everyone_with_a_visit_is_said_so(session_factory):
    chat = Chat(session_factory)
    chat.team(manager="Mia", reps=("Ana",))
    assert chat.reply("visit +Globex: demo").ok
    assert chat.reply("visit +Hooli: demo", user="Mia").ok
    reply = chat.reply("who hasn't logged any visits this week?", user="Mia")
    assert reply.ok and "Everyone has some visits in week of Nov 23." in reply.text, reply.text


def test_who_has_won_no_deals(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo"))
    assert chat.reply("visit +Globex: demo").ok
    assert chat.reply('deal Globex "Pilot" negotiation 80k').ok
    assert chat.reply("won Globex 80k: price").ok
    reply = chat.reply("who hasn't won any deals this month", user="Mia")
    assert reply.ok and "With no deals won in November 2026: " in reply.text, reply.text
    assert "Bo" in reply.text.split("With no deals won in November 2026: ")[1].splitlines()[0]


def test_a_question_about_something_else_is_not_read_as_it(session_factory):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply("who hasnt paid the invoice this week?", user="Mia")
    assert not reply.ok and "Read as" not in reply.text and "With no" not in reply.text, reply.text
