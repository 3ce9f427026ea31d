"""Issue #23, round 15g, class 3: what the README says of a quarter or a month as a day is what is
stored: a deal's close said as a quarter (`close q1`, `预计 一季度`, `close next quarter`) is the
quarter's last calendar day (closing "in Q1" is by its end); a close said as a month (`close jan`,
`预计 2月`), and any other day said as a month or quarter (`task … q1`, `follow up q1`, `start of q1`),
is its first working day; `end of q1` / `季度末` is the last day wherever a day is read. Fed through
the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _days(session_factory):
    """Each deal's close, task's due day and visit's follow-up, as stored."""
    with session_factory() as s:
        return ([d.expected_close for d in s.scalars(select(Deal).order_by(Deal.id))],
                [t.due_on for t in s.scalars(select(Task).order_by(Task.id))],
                [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))])


@pytest.mark.parametrize("user, said, stored, shown", [
    ("Ana", 'deal +Acme "ERP" 50k close q1', ([dt.date(2027, 3, 31)], [], []), "Wed, Mar 31"),
    ("Ana", 'deal +Acme "ERP" 50k close next quarter', ([dt.date(2027, 3, 31)], [], []), "Wed, Mar 31"),
    ("张伟", '商机 +格力 "二期" 50万 预计 一季度', ([dt.date(2027, 3, 31)], [], []), "3月31日周三"),
    ("Ana", 'deal +Acme "ERP" 50k close jan', ([dt.date(2027, 1, 4)], [], []), "Mon, Jan 4"),
    ("张伟", '商机 +格力 "二期" 50万 预计 2月', ([dt.date(2027, 2, 1)], [], []), "2月1日周一"),
    ("Ana", 'deal +Acme "ERP" 50k close start of q1', ([dt.date(2027, 1, 4)], [], []), "Mon, Jan 4"),
    ("Ana", "task call Acme q1", ([], [dt.date(2027, 1, 4)], []), "Mon, Jan 4"),
    ("张伟", "任务 给格力打电话 一季度", ([], [dt.date(2027, 1, 4)], []), "1月4日周一"),
    ("Ana", "visit +Acme: intro, follow up q1", ([], [], [dt.date(2027, 1, 4)]), "Mon, Jan 4"),
    ("Ana", "task call Acme end of q1", ([], [dt.date(2027, 3, 31)], []), "Wed, Mar 31"),
    ("张伟", "任务 给格力打电话 季度末", ([], [dt.date(2026, 12, 31)], []), "12月31日周四"),
])
def test_a_quarter_or_month_as_a_day_is_stored_as_the_readme_says(session_factory, user, said, stored, shown):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _days(session_factory) == stored
