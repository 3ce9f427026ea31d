"""r20: corrections right after a message that made several changes, or said with their why.
`不对 业绩是65万` / `业绩改成65万` after a three-metric target message; `不好意思 赢单金额是51.8万 不是52`
after a win plus a task; `改成70万 客户又砍了一刀` after a deal's amount. Rule: a correction naming a
field (业绩/revenue, 赢单金额, 金额) is the change of that field among the last message's changes;
naming none, the one change with that kind of value (an amount of money); else asked. Words after
the value with no value of their own say why: the correction offered, one tap, the why not kept.
Today is Mon, Nov 23, 2026."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
from storage.models.team import Target

pytestmark = pytest.mark.phrasing


def _targets(chat):
    with chat.session_factory() as s:
        return sorted((t.metric, t.amount) for t in s.scalars(select(Target)))


@pytest.mark.parametrize("fix", ["不对 业绩是65万", "业绩改成65万", "不对，是65万", "业绩目标应该是65万",
                                 "no, revenue is 650k", "make revenue 650k"])
def test_a_revenue_correction_after_three_targets_corrects_the_revenue_one(zh_chat, fix):
    out = zh_chat("给张伟定个目标 下个月业绩六十万 新客户3个 拜访四十次", user="王芳")
    assert "3. " in out, out
    out = zh_chat(fix, user="王芳")
    assert "65万" in out or "650K" in out, out
    assert "原为 ¥60万" in out or "it was ¥600K" in out, out
    assert _targets(zh_chat) == [("new_customers", 3), ("revenue", 650000), ("visits", 40)]


def test_two_revenue_targets_are_asked_which(zh_chat):
    out = zh_chat("目标 @张伟 业绩 50万 下个月\n目标 @Ana 业绩 40万 下个月", user="王芳")
    assert "2. " in out, out
    out = zh_chat("不对，是55万", user="王芳")
    assert "可以填入你刚设的 2 个目标" in out and "张伟 · 业绩 ¥50万 → 55万" in out, out
    assert _targets(zh_chat) == [("revenue", 400000), ("revenue", 500000)]
    out = zh_chat("1", user="王芳")
    assert "目标已设定：张伟，业绩 ¥55万" in out, out
    assert _targets(zh_chat) == [("revenue", 400000), ("revenue", 550000)]


@pytest.mark.parametrize("fix, amount", [
    ("不好意思 赢单金额是51.8万 不是52", Decimal("518000")),
    ("不对 金额是51.8万", Decimal("518000")),
    ("sorry the amount is 518k not 520k", Decimal("518000")),
    ("不对，是51万", Decimal("510000")),
])
def test_a_win_amount_corrected_after_a_win_and_a_task(zh_chat, fix, amount):
    zh_chat("商机 阿里巴巴 ERP 商务谈判 50万", user="张伟")
    [deal_id] = zh_chat.session_factory().scalars(select(Deal.id)).all()
    out = zh_chat(f"赢单 #{deal_id} 52万：服务响应好 另外 任务 明天给阿里巴巴发感谢信", user="张伟")
    assert "1. 🎉" in out and "2. 任务" in out, out
    out = zh_chat(fix, user="张伟")
    assert "¥52万 →" in out or "¥520K →" in out, out
    with zh_chat.session_factory() as s:
        deal = s.get(Deal, deal_id)
        assert (deal.stage, deal.amount) == ("won", amount)
        assert len(s.scalars(select(Task)).all()) == 1


@pytest.mark.parametrize("fix, said, amount", [
    ("改成70万 客户又砍了一刀", "“客户又砍了一刀”是原因", Decimal("700000")),
    ("不对 是70万 老板又压价了", "“老板又压价了”是原因", Decimal("700000")),
    ("make it 700k they cut us again", "“they cut us again” says why", Decimal("700000")),
])
def test_a_correction_with_its_why_is_offered_and_the_why_not_kept(zh_chat, fix, said, amount):
    zh_chat("商机 腾讯 云服务 方案呈现 50万", user="张伟")
    [deal_id] = zh_chat.session_factory().scalars(select(Deal.id)).all()
    zh_chat(f"商机 #{deal_id} 75万", user="张伟")
    out = zh_chat(fix, user="张伟")
    assert said in out and f"#{deal_id}" in out, out
    with zh_chat.session_factory() as s:
        assert s.get(Deal, deal_id).amount == 750000
    out = zh_chat("好", user="张伟")
    with zh_chat.session_factory() as s:
        assert s.get(Deal, deal_id).amount == amount, out
