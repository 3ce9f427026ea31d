"""Round 18 (zh): a target changed with no period said, right after setting another period's
target, changed THIS month's (`给张伟定个目标：下个月业绩五十万` then `张伟的业绩目标改成60万` → this
month 40万→60万). Now it changes the period just set, and says old → new and the period; with no
target of theirs just set, it asks which period (one tap each) where they have targets for other
periods. Chat's today: Mon, Nov 23, 2026 (this month November, next December)."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("Ana", "张伟"))
    return chat


def _targets(session_factory, who: str, metric: str = "revenue") -> dict:
    with session_factory() as s:
        member = s.scalar(select(Member).where(Member.display_name == who))
        return {t.period_start: t.amount for t in s.scalars(select(Target).where(
            Target.member_id == member.id, Target.metric == metric))}


@pytest.mark.parametrize("said", ["张伟的业绩目标改成60万", "张伟的目标改成60万", "张伟业绩目标改成60万",
                                  "张伟的业绩目标调到60万"])
def test_a_change_right_after_next_months_target_changes_next_month(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 业绩 40万 本月", user="王芳").ok
    assert chat.reply("给张伟定个目标：下个月业绩五十万 新客户3个", user="王芳").ok
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    assert "2026年12月" in reply.text and "¥60万" in reply.text and "原为 ¥50万" in reply.text, reply.text
    assert _targets(session_factory, "张伟") == {dt.date(2026, 11, 1): Decimal(400000),
                                                 dt.date(2026, 12, 1): Decimal(600000)}


def test_a_change_right_after_a_february_target_changes_february(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @Ana 业绩 40万 本月", user="王芳").ok
    assert chat.reply("目标 @Ana 业绩 45万 2月", user="王芳").ok
    reply = chat.reply("Ana的目标改成55万", user="王芳")
    assert reply.ok, reply.text
    assert "2027年2月" in reply.text and "原为 ¥45万" in reply.text, reply.text
    assert _targets(session_factory, "Ana") == {dt.date(2026, 11, 1): Decimal(400000),
                                                dt.date(2027, 2, 1): Decimal(550000)}


def test_with_no_target_just_set_it_asks_which_period(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @Ana 业绩 40万 本月", user="王芳").ok
    assert chat.reply("目标 @Ana 业绩 45万 2月", user="王芳").ok
    assert chat.reply("进度", user="王芳")  # another message: the target is no longer the last change
    reply = chat.reply("Ana的目标改成58万", user="王芳")
    assert not reply.ok, reply.text
    assert "哪个时段" in reply.text and "尚未修改" in reply.text, reply.text
    assert [b.label for b in reply.buttons] == ["2026年11月: ¥40万 → ¥58万", "2027年2月: ¥45万 → ¥58万"]
    assert _targets(session_factory, "Ana") == {dt.date(2026, 11, 1): Decimal(400000),
                                                dt.date(2027, 2, 1): Decimal(450000)}
    done = chat.press(reply.buttons[1], user="王芳", lang="zh")
    assert done.ok, done.text
    assert _targets(session_factory, "Ana") == {dt.date(2026, 11, 1): Decimal(400000),
                                                dt.date(2027, 2, 1): Decimal(580000)}


def test_a_period_said_is_the_period_changed(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @Ana 业绩 40万 本月", user="王芳").ok
    assert chat.reply("目标 @Ana 业绩 45万 2月", user="王芳").ok
    reply = chat.reply("Ana本月目标改成50万", user="王芳")
    assert reply.ok and "2026年11月" in reply.text and "原为 ¥40万" in reply.text, reply.text
    assert _targets(session_factory, "Ana")[dt.date(2026, 11, 1)] == Decimal(500000)
    assert _targets(session_factory, "Ana")[dt.date(2027, 2, 1)] == Decimal(450000)


def test_only_this_months_target_is_changed_without_a_question(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 业绩 40万 本月", user="王芳").ok
    assert chat.reply("进度", user="王芳")
    reply = chat.reply("张伟的目标改成42万", user="王芳")
    assert reply.ok and "2026年11月" in reply.text and "原为 ¥40万" in reply.text, reply.text
    assert _targets(session_factory, "张伟") == {dt.date(2026, 11, 1): Decimal(420000)}


def test_a_visits_target_said_again_is_corrected_once(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 拜访 40次 下个月", user="王芳").ok
    reply = chat.reply("改成45次", user="王芳")
    assert reply.ok, reply.text
    assert reply.text.count("原为") == 1 and "2026年12月" in reply.text, reply.text
    assert _targets(session_factory, "张伟", "visits") == {dt.date(2026, 12, 1): Decimal(45)}


def test_in_english_a_change_after_februarys_target_changes_february(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("target @Bo revenue 40k this month", user="Mia").ok
    assert chat.reply("target @Bo revenue 45k feb", user="Mia").ok
    reply = chat.reply("change Bo's target to 55k", user="Mia")
    assert reply.ok, reply.text
    assert "February 2027" in reply.text and "Corrected: it was ¥45K" in reply.text, reply.text
    assert _targets(session_factory, "Bo") == {dt.date(2026, 11, 1): Decimal(40000),
                                               dt.date(2027, 2, 1): Decimal(55000)}
