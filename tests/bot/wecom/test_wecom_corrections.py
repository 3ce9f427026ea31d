"""Every correction a phone user makes, end to end over encrypted WeCom callbacks: each is authorised like the
original action, changes only what it says, and leaves an audit row naming who, before and after."""
from sqlalchemy import select

from storage.models.sales import Customer, Deal
from storage.models.workspace import Member
from support import audit_trail as audit
from support import deal_rows as deals


def test_corrections_over_wecom(wecom):
    def say(text, user):
        return wecom.ask(text, user=user)  # the passive reply, or message/send on a loaded machine

    say("帮助", "wangfang")  # 王芳, the first: admin
    assert "商机 #1" in say("商机 华为 ERP项目 方案呈现 5万", "zhangwei")
    assert "属于张伟" in say("商机 #1 删除", "lina")
    say("商机 #1 6万", "zhangwei")
    assert deals(wecom.core) == [(1, "华为", "proposal", 60000)]
    assert "已撤销" in say("撤销", "zhangwei")
    assert deals(wecom.core) == [(1, "华为", "proposal", 50000)]
    say("拜访 华为技术：见面", "zhangwei")  # a near-duplicate: asked, nothing stored
    with wecom.core.session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == ["华为"]
    assert "只有" in say("转交 @zhangwei 给 @lina", "lina")
    say("转交 @zhangwei 给 @lina 确认", "wangfang")
    with wecom.core.session_factory() as s:
        assert s.scalar(select(Member.display_name).join(Deal, Deal.owner_id == Member.id)) == "李娜"
    history = say("商机 #1 历史", "lina")
    assert "5万 → 6万" in history or "¥5万 → ¥6万" in history
    actions = [(who, action) for who, action, _ in audit(wecom.core)]
    for expected in [("张伟", "deal.create"), ("张伟", "deal.change"), ("张伟", "undo"),
                     ("王芳", "member.reassign")]:
        assert expected in actions, (expected, actions)


def test_a_day_years_away_is_refused_over_wecom_and_nothing_is_stored(wecom):
    from storage.models.sales import Visit
    from support import count

    answer = wecom.ask("拜访 华为：演示 跟进 9999年12月31日", user="zhangwei")
    assert "离今天太远" in answer
    assert count(wecom.core.session_factory, Visit) == 0
