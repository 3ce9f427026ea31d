"""A day said right after the task word (#23, r20): `任务 12月30号 给华为发报价`, `task 12/30 send
quote to acme`, `任务 下周三 回访京东`, `task jan 2027 renew the contract` is the task's due day, never
words of its title; the reply shows it with its weekday."""
import datetime as dt

import pytest

from support import task_rows

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday; Jan 1 2027 is a holiday


@pytest.mark.parametrize("said, title, day, shown, lang", [
    ("任务 12月30号 给华为发报价", "给华为发报价", dt.date(2026, 12, 30), "12月30日周三", "zh"),
    ("任务 12月30日给华为发报价", "给华为发报价", dt.date(2026, 12, 30), "12月30日周三", "zh"),
    ("任务：12月30号，给华为发报价", "给华为发报价", dt.date(2026, 12, 30), "12月30日周三", "zh"),
    ("任务 下周三 回访京东", "回访京东", dt.date(2026, 12, 9), "12月9日周三", "zh"),
    ("任务 下周三前 回访京东", "回访京东", dt.date(2026, 12, 9), "12月9日周三", "zh"),
    ("任务 1月5日 给比亚迪发合同", "给比亚迪发合同", dt.date(2027, 1, 5), "2027年1月5日周二", "zh"),
    ("task 12/30 send quote to acme", "send quote to acme", dt.date(2026, 12, 30), "Wed, Dec 30", None),
    ("task 12/30: send quote to acme", "send quote to acme", dt.date(2026, 12, 30), "Wed, Dec 30", None),
    ("task dec 30 send quote to globex", "send quote to globex", dt.date(2026, 12, 30), "Wed, Dec 30", None),
    ("task fri: call umbrella", "call umbrella", dt.date(2026, 12, 11), "Fri, Dec 11", None),
    ("task jan 2027 renew the contract", "renew the contract", dt.date(2027, 1, 4), "Mon, Jan 4, 2027", None),
])
def test_a_day_right_after_the_task_word_is_its_due_day(team_chat, said, title, day, shown, lang):
    team_chat.now = DEC6
    out = team_chat(said, user="Ana", lang=lang)
    assert shown in out and f"{title}" in out, out
    assert task_rows(team_chat) == [(title, day)]
