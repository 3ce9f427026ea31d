"""fix29a class 1: a manager set two targets of Ana for January in two messages (`Ana 1月 拜访目标40`,
`Ana 1月 收入目标5万`), then `不对 拜访目标改成45`: the member was read as "不对" and its one tap
changed November's visits target (this month's). A metric's target corrected after another message
is offered for the member and period of the targets just set, nothing changed before the tap; the
tap changes that target only. Fed through the real dispatch; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest

from support import make_team_chat, records, target_rows

pytestmark = pytest.mark.phrasing

_JAN = dt.date(2027, 1, 1)


def _targets(session_factory):
    return sorted((metric, start, int(amount)) for member, metric, start, amount
                  in target_rows(session_factory, "member_id", "metric", "period_start", "amount")
                  if member is not None)


def _chat(session_factory):
    return make_team_chat(session_factory, manager="王芳", reps=("Ana", "Bo"))


_TWO_MESSAGES = [
    (("Ana 1月 拜访目标40", "Ana 1月 收入目标5万"), "不对 拜访目标改成45", "2027年1月"),
    (("Ana 1月 拜访目标40", "Ana 1月 收入目标5万"), "不对，拜访目标应该是45", "2027年1月"),
    (("Ana 1月 拜访目标40", "Ana 1月 收入目标5万", "目标"), "不对 拜访改成45次", "2027年1月"),
    (("target @ana visits 40 jan", "target @ana revenue 50k jan"), "no, visits target 45", "January 2027"),
    (("target @ana visits 40 jan", "target @ana revenue 50k jan", "targets"), "no wait, visits should be 45",
     "January 2027"),
]


@pytest.mark.parametrize("setting, said, period", _TWO_MESSAGES)
def test_a_metric_set_by_an_earlier_message_is_offered_for_that_member_and_period(session_factory, setting,
                                                                                 said, period):
    chat = _chat(session_factory)
    for line in setting:
        assert chat.reply(line, user="王芳").ok, line
    before, rows = _targets(session_factory), records(session_factory)
    assert ("visits", _JAN, 40) in before
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    label = reply.buttons[0].label
    assert "45" in label and period in label and "Ana" in label, label
    assert _targets(session_factory) == before and records(session_factory) == rows
    assert chat.press(reply.buttons[0], user="王芳").ok
    after = _targets(session_factory)
    assert ("visits", _JAN, 45) in after and ("revenue", _JAN, 50000) in after
    assert [t for t in after if t[1] != _JAN] == [t for t in before if t[1] != _JAN]  # November untouched


@pytest.mark.parametrize("setting, said, words", [
    ("Ana 1月目标 拜访40 收入5万", "不对 拜访目标改成45", "原为 40"),
    ("target @ana jan visits 40 revenue 50k", "no, visits target 45", "it was 40"),
])
def test_one_message_of_both_metrics_is_still_corrected_at_once(session_factory, setting, said, words):
    chat = _chat(session_factory)
    assert chat.reply(setting, user="王芳").ok
    reply = chat.reply(said, user="王芳")
    assert reply.ok and words in reply.text, reply.text
    assert _targets(session_factory) == [("revenue", _JAN, 50000), ("visits", _JAN, 45)]


@pytest.mark.parametrize("setting, said", [
    ("Ana 4月目标 拜访40 收入5万", "不对 拜访目标改成45"),
    ("target @ana april visits 40 revenue 50k", "no, visits target 45"),
])
def test_a_period_months_ahead_is_corrected_not_said_gone(session_factory, setting, said):
    """A month five ahead was read as "no longer in effect": only two periods either side were looked at."""
    chat = _chat(session_factory)
    assert chat.reply(setting, user="王芳").ok
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    assert ("visits", dt.date(2027, 4, 1), 45) in _targets(session_factory)
