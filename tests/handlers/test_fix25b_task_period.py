"""r23 W5: `task @bo visit tencent this week its overdue` (from the manager) saved a task with no due
day titled "visit tencent this week its overdue", unasked. A period in a task (`this week`, `本周`)
is asked about: due that week's Friday (said back), or the title as typed. Today is Sun, Dec 6."""
import datetime as dt

import pytest

from support import task_rows

pytestmark = pytest.mark.phrasing
SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(("said", "title", "shown"), [
    ("task @Bo visit tencent this week its overdue", "visit tencent its overdue", "Dec 11"),
    ("task @Bo call globex this wk", "call globex", "Dec 11"),
    ("任务 @Bo 本周 拜访腾讯", "拜访腾讯", "12月11日"),
])
def test_a_period_in_a_task_is_asked_as_its_due(team_chat, said, title, shown):
    team_chat.now = SUN
    reply = team_chat.reply(said, user="Mia")
    assert not reply.ok and shown in reply.text, reply.text
    assert task_rows(team_chat) == []
    out = team_chat.press(reply.buttons[0], user="Mia")
    assert out.ok, out.text
    assert task_rows(team_chat) == [(title, dt.date(2026, 12, 11))]


def test_the_title_as_typed_where_answered(team_chat):
    team_chat.now = SUN
    reply = team_chat.reply("task @Bo visit tencent this week its overdue", user="Mia")
    assert team_chat.press(reply.buttons[1], user="Mia").ok
    assert task_rows(team_chat) == [("visit tencent this week its overdue", None)]
