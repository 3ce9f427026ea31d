"""Classes of messages the round-9 fresh-eyes testers found stored other than meant or not
understood, fed through the real dispatch with a real database (SQLite and PostgreSQL): a target
said in words without @, a correction right after a target, `24万元整`, a member's name in
traditional characters, an amount in another currency than the deal's, and a team target split
again after a rep left."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from handlers.grammar.commands import Scope, SetTarget
from handlers.grammar.reading import read
from storage.models.sales import Deal, Task
from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


def _targets(session_factory):
    """(whose, metric, kind, first day, amount) of every target, sorted."""
    with session_factory() as s:
        names = {m.id: m.display_name for m in s.scalars(select(Member))}
        return sorted((names.get(t.member_id, "team"), t.metric, t.period_kind, str(t.period_start),
                       t.amount) for t in s.scalars(select(Target)))


def _deal(session_factory, deal_id):
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.amount, deal.currency


def _new_deal(chat, text: str, user: str = "Ana") -> int:
    assert chat.reply(text, user=user).ok
    with chat.session_factory() as s:
        return max(s.scalars(select(Deal.id)))


# 1. A target said in words, its member named without @ -------------------------------------------
@pytest.mark.parametrize("typed, said, stored", [
    ("目标 张伟 本月 80万", "目标已设定：张伟，业绩 ¥80万，2026年11月。",
     ("张伟", "revenue", "month", "2026-11-01", Decimal(800000))),
    ("给张伟定个目标：本月业绩八十万", "目标已设定：张伟，业绩 ¥80万，2026年11月。",
     ("张伟", "revenue", "month", "2026-11-01", Decimal(800000))),
    ("张伟下个月目标24万元整", "目标已设定：张伟，业绩 ¥24万，2026年12月。",
     ("张伟", "revenue", "month", "2026-12-01", Decimal(240000))),
    ("目标 张伟的 拜访 40次 本月", "目标已设定：张伟，拜访 40，2026年11月。",
     ("张伟", "visits", "month", "2026-11-01", Decimal(40))),
    ("set Bo's target for next month to 50k", "Target set: Bo, Revenue won ¥50K for December 2026.",
     ("Bo", "revenue", "month", "2026-12-01", Decimal(50000))),
    ("Ana target Q1 1.2m", "Target set: Ana, Revenue won ¥1.2M for Q1 2027.",
     ("Ana", "revenue", "quarter", "2027-01-01", Decimal(1200000))),
    ("target for Bo next month to 50k", "Target set: Bo, Revenue won ¥50K for December 2026.",
     ("Bo", "revenue", "month", "2026-12-01", Decimal(50000))),
    ("Ana's visits target this month: 40", "Target set: Ana, Visits 40 for November 2026.",
     ("Ana", "visits", "month", "2026-11-01", Decimal(40))),
    ("make Bo's Q1 revenue goal 300k", "Target set: Bo, Revenue won ¥300K for Q1 2027.",
     ("Bo", "revenue", "quarter", "2027-01-01", Decimal(300000))),
    ("Q1 target for Ana: 1.2m", "Target set: Ana, Revenue won ¥1.2M for Q1 2027.",
     ("Ana", "revenue", "quarter", "2027-01-01", Decimal(1200000))),
    ("set a revenue target for Bo of 50k next month", "Target set: Bo, Revenue won ¥50K for December 2026.",
     ("Bo", "revenue", "month", "2026-12-01", Decimal(50000))),
    ("帮张伟把本月目标设为80万", "目标已设定：张伟，业绩 ¥80万，2026年11月。",
     ("张伟", "revenue", "month", "2026-11-01", Decimal(800000))),
    ("张伟本月业绩目标改成八十万", "目标已设定：张伟，业绩 ¥80万，2026年11月。",
     ("张伟", "revenue", "month", "2026-11-01", Decimal(800000))),
])
def test_a_target_said_in_words_without_at_sets_that_members_target(session_factory, typed, said, stored):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    assert _targets(session_factory) == [stored]


@pytest.mark.parametrize("typed, name", [
    ("target James' 50k month", "James"), ("James' target for next month: 50k", "James"),
    ("target Bo's 50k", "Bo"), ("目标 张伟的 50万", "张伟"), ("target for Bo to 50k", "Bo"),
])
def test_a_possessive_names_the_member_whole(typed, name):
    command = read(typed, dt.date(2026, 11, 23)).command
    assert isinstance(command, SetTarget) and command.scope == Scope("member", name), command


@pytest.mark.parametrize("typed, user, said", [
    ("set Bo's target for next month to 50k", "Ana", "Sorry, only a manager can do that."),
    ("Ana target Q1 1.2m", "Bo", "Sorry, only a manager can do that."),
    ("目标 张伟 本月 80万", "Ana", "抱歉，只有经理可以这样操作。"),
    ("给张伟定个目标：本月业绩八十万", "张伟", "抱歉，只有经理可以这样操作。"),
])
def test_a_rep_saying_a_target_in_words_is_refused_politely(session_factory, typed, user, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user=user)
    assert not reply.ok and said in reply.text, reply.text
    assert _targets(session_factory) == []


@pytest.mark.parametrize("typed, said, pick", [
    ("target Zed 50k month", "I don't know anyone called “Zed”: whose target is it? Nothing was set yet.",
     "Bo"),
    ("目标 王五 本月 5万", "没有找到名叫“王五”的成员：这是谁的目标？尚未设定。", "张伟"),
])
def test_a_target_for_a_name_of_nobody_asks_whose_with_a_tap_per_rep(session_factory, typed, said, pick):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert not reply.ok and said in reply.text, reply.text
    assert sorted(b.label for b in reply.buttons) == ["Ana", "Bo", "张伟"]
    assert _targets(session_factory) == []
    [button] = [b for b in reply.buttons if b.label == pick]
    assert chat.press(button, user="Mia").ok
    assert [(who, amount) for who, *_rest, amount in _targets(session_factory)] == [
        (pick, Decimal(50000))]


def test_a_target_for_a_teams_name_without_team_offers_that_team(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("team create East", user="Mia").ok
    reply = chat.reply("target East 500k month", user="Mia")
    assert not reply.ok and "I don't know anyone called “East”" in reply.text, reply.text
    [team] = [b for b in reply.buttons if b.label == "team East"]
    assert team.command == "target team East 500k month"
    assert chat.press(team, user="Mia").ok
    with session_factory() as s:
        assert [(t.team_id is not None, t.member_id, t.amount) for t in s.scalars(select(Target))] == [
            (True, None, Decimal(500000))]


@pytest.mark.parametrize("typed, said", [
    ("target B 50k month", "“B” could be Bo: whose target is it? Nothing was set yet."),
    ("目标 张 本月 5万", "“张”可能是 张伟：这是谁的目标？尚未设定。"),
    ("target @B revenue 50k month", "“B” could be Bo: whose target is it? Nothing was set yet."),
])
def test_a_target_for_the_start_of_a_name_is_asked_never_taken(session_factory, typed, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert not reply.ok and said in reply.text, reply.text
    assert _targets(session_factory) == []
    assert chat.reply("1", user="Mia").ok  # the one tap, answered by its number
    assert len(_targets(session_factory)) == 1


# 2. A correction right after a target ----------------------------------------------------------------
@pytest.mark.parametrize("target, fix, said, stored", [
    ("set Bo's target for next month to 50k", "no I meant 1.5mil", "Corrected: it was ¥50K.",
     ("Bo", "revenue", "month", "2026-12-01", Decimal(1500000))),
    ("目标 张伟 本月 80万", "不对，是150万", "已更正：原为 ¥80万。",
     ("张伟", "revenue", "month", "2026-11-01", Decimal(1500000))),
    ("目标 @张伟 拜访 40 本月", "不对，是45", "已更正：原为 40。",
     ("张伟", "visits", "month", "2026-11-01", Decimal(45))),
    ("target @Ana revenue 300k quarter", "sorry, I meant 350k", "Corrected: it was ¥300K.",
     ("Ana", "revenue", "quarter", "2026-10-01", Decimal(350000))),
])
def test_a_correction_right_after_a_target_corrects_that_target(session_factory, target, fix, said, stored):
    chat = _chat(session_factory)
    assert chat.reply(target, user="Mia").ok
    reply = chat.reply(fix, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    assert _targets(session_factory) == [stored]
    with session_factory() as s:
        assert s.scalars(select(Deal)).all() == []  # never a new thing


def test_a_correction_of_a_split_team_target_splits_the_new_amount(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("target team revenue 900k month split", user="Mia").ok
    reply = chat.reply("no I meant 1.2m", user="Mia")
    assert reply.ok and "Corrected: it was ¥900K." in reply.text, reply.text
    assert "Ana ¥400K, Bo ¥400K, 张伟 ¥400K" in reply.text
    assert [(who, amount) for who, *_rest, amount in _targets(session_factory)] == [
        ("Ana", Decimal(400000)), ("Bo", Decimal(400000)), ("team", Decimal(1200000)),
        ("张伟", Decimal(400000))]


def test_a_correction_after_a_later_deal_change_or_long_after_leaves_the_target(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("target @Bo revenue 500k month", user="Mia").ok
    chat.now += dt.timedelta(minutes=1)
    deal = _new_deal(chat, 'deal +Globex "renewal" proposal 100k', user="Mia")
    reply = chat.reply("no I meant 90k", user="Mia")
    assert reply.ok and f"#{deal}" in reply.text, reply.text  # the deal just changed, changed (issue #23)
    assert _targets(session_factory) == [("Bo", "revenue", "month", "2026-11-01", Decimal(500000))]
    chat.now += dt.timedelta(minutes=1)
    assert chat.reply("target @Ana revenue 300k month", user="Mia").ok
    assert chat.reply("no I meant 320k", user="Mia").ok  # the target set after the deal: it
    chat.now += dt.timedelta(minutes=11)
    reply = chat.reply("no I meant 350k", user="Mia")
    assert "Corrected" not in reply.text
    assert ("Ana", "revenue", "month", "2026-11-01", Decimal(320000)) in _targets(session_factory)


# 3. 24万元整 and its kin are 240000 wherever an amount is read --------------------------------------
AMOUNTS = ["24万元整", "24万块", "二十四万", "¥24万元", "24万块钱", "二十四万元整", "240000元整"]


@pytest.mark.parametrize("amount", AMOUNTS)
def test_an_amount_said_as_on_a_cheque_is_the_deals_amount(session_factory, amount):
    chat = _chat(session_factory)
    deal = _new_deal(chat, "商机 +华为 ERP 方案呈现 5万", user="张伟")
    reply = chat.reply(f"商机 #{deal} {amount}", user="张伟")
    assert reply.ok and "¥24万" in reply.text, reply.text
    assert _deal(session_factory, deal) == ("proposal", Decimal(240000), "CNY")


@pytest.mark.parametrize("amount", AMOUNTS)
def test_an_amount_said_as_on_a_cheque_is_the_wins_amount_never_its_reason(session_factory, amount):
    chat = _chat(session_factory)
    deal = _new_deal(chat, "商机 +华为 ERP 方案呈现 5万", user="张伟")
    reply = chat.reply(f"赢单 #{deal} {amount}：价格优势", user="张伟")
    assert reply.ok and "¥24万" in reply.text, reply.text
    assert _deal(session_factory, deal) == ("won", Decimal(240000), "CNY")
    with session_factory() as s:
        assert s.get(Deal, deal).reason == "价格优势"


@pytest.mark.parametrize("amount", AMOUNTS)
def test_an_amount_said_as_on_a_cheque_is_the_targets_amount(session_factory, amount):
    chat = _chat(session_factory)
    reply = chat.reply(f"目标 @张伟 业绩 {amount} 本月", user="Mia")
    assert reply.ok and "目标已设定：张伟，业绩 ¥24万，2026年11月。" in reply.text, reply.text
    assert _targets(session_factory) == [("张伟", "revenue", "month", "2026-11-01", Decimal(240000))]


# 4. A member's name in traditional characters is that member -----------------------------------------
@pytest.mark.parametrize("typed", ["目标 @張偉 业绩 50万 本月", "目標 張偉 業績 50萬 本月",
                                   "張偉本月目標50萬"])
def test_a_members_name_in_traditional_characters_is_that_member(session_factory, typed):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and "张伟" in reply.text and "張偉" not in reply.text, reply.text
    assert _targets(session_factory) == [("张伟", "revenue", "month", "2026-11-01", Decimal(500000))]


def test_a_task_for_a_member_named_in_traditional_characters_is_theirs(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("任务 @張偉 明天给华为打电话", user="Mia")
    assert reply.ok and "张伟" in reply.text, reply.text
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
        assert s.get(Member, task.assignee_id).display_name == "张伟"
    assert "张伟" in chat("进度 @張偉", user="Mia")
    reply = chat.reply("任务 @張偉 后天给华为发报价", user="张伟")  # a rep naming themselves so
    assert reply.ok, reply.text
    with session_factory() as s:
        assert {s.get(Member, t.assignee_id).display_name for t in s.scalars(select(Task))} == {"张伟"}


@pytest.mark.parametrize("typed, said", [
    ("task @B call Globex", "“B” taken as Bo."), ("任务 @张 明天给华为打电话", "“张”按 张伟 处理。"),
])
def test_a_member_named_by_the_start_of_their_name_is_said_back(session_factory, typed, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and said in reply.text, reply.text


# 5. An amount in another currency than the deal's is asked about, both currencies named -------------
@pytest.mark.parametrize("typed, said", [
    ("won #{id} €50k", "€50K"), ("won #{id} 50k in euros", "€50K"), ("won #{id} 50k (EUR)", "€50K"),
    ("won #{id} for €50k", "€50K"), ("won #{id} 50 000€", "€50K"), ("won #{id} €50k.", "€50K"),
    ("won #{id} 50k; paid in EUR", "€50K"), ("won #{id} €50k - beat SAP", "€50K"),
    ("deal #{id} €50k", "€50K"), ("deal #{id} 50k in euros", "€50K"),
])
def test_an_amount_in_another_currency_is_asked_naming_both(session_factory, typed, said):
    chat = _chat(session_factory)
    deal = _new_deal(chat, 'deal +Umbrella "Support" proposal $80k')
    reply = chat.reply(typed.format(id=deal))
    assert not reply.ok and "$80K" in reply.text and said in reply.text, reply.text
    assert _deal(session_factory, deal) == ("proposal", Decimal(80000), "USD")
    labels = [b.label for b in reply.buttons]
    assert "$50K" in labels and any("EUR" in label for label in labels), labels
    [kept] = [b for b in reply.buttons if b.label == "$50K"]
    assert chat.press(kept).ok  # the tap that keeps the deal's currency: the number in $
    assert _deal(session_factory, deal)[1:] == (Decimal(50000), "USD")


@pytest.mark.parametrize("typed", ["赢单 #{id} 5万欧元：价格", "赢单 #{id} 5万欧", "商机 #{id} €5万"])
def test_an_amount_in_another_currency_is_asked_in_chinese_too(session_factory, typed):
    chat = _chat(session_factory)
    deal = _new_deal(chat, '商机 +伞公司 支持 方案呈现 $8万', user="张伟")
    reply = chat.reply(typed.format(id=deal), user="张伟")
    assert not reply.ok and "$8万" in reply.text and "€5万" in reply.text, reply.text
    assert _deal(session_factory, deal) == ("proposal", Decimal(80000), "USD")
    [switch] = [b for b in reply.buttons if "EUR" in b.label]
    assert chat.press(switch, user="张伟").ok  # the deal in EUR: said so, both kept apart
    assert _deal(session_factory, deal)[1:] == (Decimal(50000), "EUR")


@pytest.mark.parametrize("typed, said", [
    ("target @Bo revenue $50k month", "Targets are kept in CNY, and $50K is in USD: give the amount in CNY."),
    ("set Bo's target for next month to 50k in euros",
     "Targets are kept in CNY, and €50K is in EUR: give the amount in CNY."),
    ("目标 张伟 本月 5万美元", "目标以 CNY 计，而 $5万 是 USD：请用 CNY 写金额。尚未设定。"),
])
def test_a_target_in_another_currency_is_refused_naming_both(session_factory, typed, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert not reply.ok and said in reply.text, reply.text
    assert _targets(session_factory) == []


# 6. A team target split again after a rep left -------------------------------------------------------
@pytest.mark.parametrize("split, again, said", [
    ("target team revenue 1m month split", "target team revenue 1m month split",
     "Removed the targets of those who left the team: Bo ¥500K"),
    ("目标 团队 业绩 100万 本月 分解", "目标 团队 业绩 100万 本月 分解", "已移除离职成员的目标：Bo ¥50万"),
])
def test_a_split_after_a_rep_left_keeps_no_share_for_them(session_factory, split, again, said):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply(split, user="Mia").ok
    assert [(who, amount) for who, *_rest, amount in _targets(session_factory)] == [
        ("Ana", Decimal(500000)), ("Bo", Decimal(500000)), ("team", Decimal(1000000))]
    assert chat.reply("role @Bo inactive", user="Mia").ok
    reply = chat.reply(again, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    assert [(who, amount) for who, *_rest, amount in _targets(session_factory)] == [
        ("Ana", Decimal(1000000)), ("team", Decimal(1000000))]
    assert chat.reply("role @Bo rep", user="Mia").ok  # back: no old share of the team's target
    assert "Bo" not in [who for who, *_rest in _targets(session_factory)]


def test_a_split_after_a_rep_left_drops_their_target_set_by_hand_and_keeps_the_others(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "Cy"))
    assert chat.reply("target @Bo revenue 300k month", user="Mia").ok
    assert chat.reply("target @Cy revenue 200k month", user="Mia").ok
    assert chat.reply("target @Ana visits 20 month", user="Mia").ok  # another metric: untouched
    assert chat.reply("role @Bo inactive", user="Mia").ok
    reply = chat.reply("target team revenue 1m month split", user="Mia")
    assert reply.ok and "Bo ¥300K" in reply.text and "Cy ¥200K" in reply.text, reply.text
    assert [(who, metric, amount) for who, metric, *_rest, amount in _targets(session_factory)] == [
        ("Ana", "revenue", Decimal(800000)), ("Ana", "visits", Decimal(20)),
        ("Cy", "revenue", Decimal(200000)), ("team", "revenue", Decimal(1000000))]


def test_undo_of_a_split_after_a_rep_left_puts_their_target_back(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("target team revenue 1m month split", user="Mia").ok
    assert chat.reply("role @Bo inactive", user="Mia").ok
    assert chat.reply("target team revenue 1.2m month split", user="Mia").ok
    assert [(who, amount) for who, *_rest, amount in _targets(session_factory)] == [
        ("Ana", Decimal(1200000)), ("team", Decimal(1200000))]
    assert chat.reply("undo", user="Mia").ok
    assert [(who, amount) for who, *_rest, amount in _targets(session_factory)] == [
        ("Ana", Decimal(500000)), ("Bo", Decimal(500000)), ("team", Decimal(1000000))]
