"""r23 W2: right after `leave 12/21-1/1 skiing`, `actually 12/21 to 12/31, ill be in on the 1st` made
the leave one day (Dec 21) and kept "to 12/31, ill be in on the 1st" as its note. A range said with
`to` / `-` / `到` / `至` is a range; a why naming a day is asked about, never kept unasked.
Today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest

from support import leave_rows

pytestmark = pytest.mark.phrasing
D = dt.date
SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


_LEAVES = ("first_day", "last_day", "note")  # what the tests read


@pytest.mark.parametrize(("first", "said", "user", "note"), [
    ("leave 12/21-1/1 skiing", "actually 12/21 to 12/31, ill be in on the 1st", "Ana",
     "ill be in on the 1st"),
    ("leave 12/21-1/1 skiing", "no 12/21 - 12/31, back on the 1st", "Ana", "back on the 1st"),
    ("请假 12月21日到1月1日 滑雪", "其实是12月21日 到 12月31日，1号回来上班", "Bo", "1号回来上班"),
    ("请假 12月21日到1月1日 滑雪", "不对 12月21日 至 12月31日，1号回来上班", "Bo", "1号回来上班"),
])
def test_a_range_corrected_with_a_why_is_a_range(team_chat, first, said, user, note):
    """The why names the very day taken off: it says why the days changed (kept, said back)."""
    team_chat.now = SUN
    assert team_chat.reply(first, user=user).ok
    assert leave_rows(team_chat, *_LEAVES)[0][:2] == (D(2026, 12, 21), D(2027, 1, 1))
    reply = team_chat.reply(said, user=user)
    assert reply.ok and ("Leave changed" in reply.text or "请假已修改" in reply.text), reply.text
    assert note in reply.text and "31" in reply.text, reply.text
    assert leave_rows(team_chat, *_LEAVES) == [(D(2026, 12, 21), D(2026, 12, 31), note)]


@pytest.mark.parametrize(("first", "said", "user"), [
    ("leave 12/21-1/1 skiing", "actually 12/21 to 12/30, back on the 4th", "Ana"),
    ("请假 12月21日到1月1日 滑雪", "其实是12月21日 到 12月30日，4号回来上班", "Bo"),
])
def test_a_why_naming_another_day_is_asked(team_chat, first, said, user):
    team_chat.now = SUN
    assert team_chat.reply(first, user=user).ok
    was = leave_rows(team_chat, *_LEAVES)
    reply = team_chat.reply(said, user=user)
    assert ("names a day" in reply.text or "里有日期" in reply.text) and "30" in reply.text, reply.text
    assert leave_rows(team_chat, *_LEAVES) == was  # nothing saved before the answer
    keep, drop = reply.buttons[:2]
    assert "30" in keep.label and "30" in drop.label
    out = team_chat.press(drop, user=user)
    assert out.ok, out.text
    assert (D(2026, 12, 30)) in [x[1] for x in leave_rows(team_chat, *_LEAVES)]
    leaves = leave_rows(team_chat, *_LEAVES)
    assert all(x[2] in ("skiing", "滑雪", "", None) for x in leaves)  # never the days' words


def test_a_why_naming_another_day_kept_where_answered(team_chat):
    team_chat.now = SUN
    team_chat("leave 12/21-1/1 skiing", user="Ana")
    reply = team_chat.reply("actually 12/21 to 12/30, back on the 4th", user="Ana")
    out = team_chat.press(reply.buttons[0], user="Ana")
    assert "back on the 4th" in out.text, out.text
    assert leave_rows(team_chat, *_LEAVES) == [(D(2026, 12, 21), D(2026, 12, 30), "back on the 4th")]


@pytest.mark.parametrize(("said", "note"), [("leave 12/21-12/23 skiing", "skiing"),
                                            ("请假 12月21日到23日 家里有事", "家里有事")])
def test_a_why_naming_no_day_is_kept_unasked(team_chat, said, note):
    team_chat.now = SUN
    reply = team_chat.reply(said, user="Ana")
    assert note in reply.text, reply.text
    assert leave_rows(team_chat, *_LEAVES) == [(D(2026, 12, 21), D(2026, 12, 23), note)]
