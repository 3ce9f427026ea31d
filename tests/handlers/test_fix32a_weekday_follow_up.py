"""Issue #23, round 32: `不对 跟进改成周三` right after a visit. The rule (handlers/sales/day_nearest.py):
a weekday alone that corrects a day just set is the one nearest that day (Fri Dec 18 → Wed Dec 16),
unless that one is today or gone by: then the next one after today, as the grammar reads a weekday
(handlers/grammar/dates.py). Never today, never a day gone by, unasked; the reply shows the weekday
and the date, old → new."""
import datetime as dt

import pytest

from support import MON, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing

_WED_9, _WED_16 = dt.date(2026, 12, 9), dt.date(2026, 12, 16)


@pytest.mark.parametrize("days_after_mon, fu, fix, shown, day", [
    (0, "周五", "不对 跟进改成周三", "12月11日周五 → 12月9日周三", _WED_9),
    (0, "下周五", "不对 跟进改成周三", "12月18日周五 → 12月16日周三", _WED_16),
    (2, "明天", "不对 跟进改成周三", "12月10日周四 → 12月16日周三", _WED_16),  # Dec 9 is today
    (3, "周五", "跟进改成星期三", "12月11日周五 → 12月16日周三", _WED_16),  # Dec 9 is gone
    (0, "fri", "no, make the follow up wed", "Fri, Dec 11 → Wed, Dec 9", _WED_9),
    (2, "tomorrow", "no, make the follow up wed", "Thu, Dec 10 → Wed, Dec 16", _WED_16),
    (3, "fri", "actually follow up wednesday", "Fri, Dec 11 → Wed, Dec 16", _WED_16),
])
def test_a_weekday_put_right_is_never_today_and_shown_with_its_date(session_factory, days_after_mon, fu, fix,
                                                                   shown, day):
    chat = make_team_chat(session_factory, MON + dt.timedelta(days=days_after_mon), manager="王芳",
                          reps=("张伟", "Ana"))
    zh = "跟进" in fix
    user = "张伟" if zh else "Ana"
    visit = f"拜访 华为：谈了续约；跟进 {fu}" if zh else f"visit Acme: renewal talk; follow up {fu}"
    chat.said_ok(visit, user=user)
    reply = chat.reply(fix, user=user)
    assert reply.ok, reply.text
    assert shown in reply.text, reply.text
    assert visit_rows(session_factory, "follow_up_on") == [(day,)]
    assert day > chat.now.date()  # never today, never a day gone by
