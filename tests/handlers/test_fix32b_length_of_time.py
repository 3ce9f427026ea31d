"""fix32b: `visit Acme: agreed 60 day payment terms` asked whether "60 day" was a follow-up day. A
count of days, weeks or months with no word making it a day from now (payment terms, a 30-day
trial, 90天账期) is a length of time, never a date: the visit is logged with all of it as notes and no
follow-up. A count after a follow-up word (`follow up 3 days`, `跟进 3天`) is still the follow-up."""
import datetime as dt

import pytest

from support import MON, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("customer +Acme Corp", "customer +Globex", "customer +华为", user="Ana")
    return chat


@pytest.mark.parametrize("said, notes", [
    ("visit Acme Corp: agreed 60 day payment terms", "agreed 60 day payment terms"),
    ("visit Globex: they want a 30 day trial, net 45 days", "they want a 30 day trial, net 45 days"),
    ("visit Globex: agreed on a 2 weeks pilot", "agreed on a 2 weeks pilot"),
    ("拜访 华为：谈了90天账期", "谈了90天账期"),
    ("拜访 华为：给了60天的账期，30天免费试用", "给了60天的账期，30天免费试用"),
    ("拜访 华为：3个月试用期", "3个月试用期"),
])
def test_a_length_of_time_in_notes_is_no_follow_up_day(session_factory, said, notes):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert "follow-up day" not in reply.text and "跟进日" not in reply.text
    assert [(n, f) for n, f in visit_rows(session_factory, "notes", "follow_up_on")] == [(notes, None)]


@pytest.mark.parametrize("said, notes", [
    ("visit Globex: 2 week pilot agreed. follow up 3 days", "2 week pilot agreed"),
    ("拜访 华为：30天免费试用，跟进 3天", "30天免费试用"),
])
def test_a_count_after_a_follow_up_word_is_still_the_follow_up(session_factory, said, notes):
    chat = _chat(session_factory)
    assert chat.reply(said, user="Ana").ok
    [(stored, day)] = visit_rows(session_factory, "notes", "follow_up_on")
    assert stored == notes and day is not None and day > dt.date(2026, 12, 7)
