"""Issue #23 (never silently wrong), round 12: a correction said after a target (`no I meant 1.8m`,
`不对，是45`) corrects only the target the manager set last while it is in effect, with an amount
its metric counts, never one undone (nor anything before it); and a team target with `split` that
has no one to split over says that nothing was saved, the team's target neither, one tap each
for splitting over everyone and for the team's target alone. Fed through the real dispatch with
a real database; today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from handlers.senders import UserRef
from handlers.unit_of_work import AnswerTo, handle_message
from storage.address import Address, Kind
from storage.models.sales import Deal
from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory, reps=("Ana", "Bo", "张伟")) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=reps)
    return chat


def _targets(session_factory):
    """(whose, metric, kind, first day, amount) of every target, sorted."""
    with session_factory() as s:
        names = {m.id: m.display_name for m in s.scalars(select(Member))}
        return sorted((names.get(t.member_id, "team"), t.metric, t.period_kind, str(t.period_start),
                       int(t.amount)) for t in s.scalars(select(Target)))


# 1. A correction corrects only the target set last, while it is in effect ------------------------
@pytest.mark.parametrize("target, undo, fix, said", [
    ("target @Bo visits 45 q1", "undo", "no I meant 1.8m", "Nothing to correct: “target @Bo visits 45 q1”"),
    ("target @Ana revenue 300k month", "undo", "sorry, I meant 350k", "Nothing to correct"),
    ("目标 @张伟 拜访 40 本月", "撤销", "不对，是45", "没有可更正的：“目标 @张伟 拜访 40 本月”"),
    ("目标 张伟 本月 80万", "撤销", "不对，是150万", "没有可更正的"),
])
def test_a_correction_after_an_undone_target_brings_nothing_back(session_factory, target, undo, fix, said):
    chat = _chat(session_factory)
    assert chat.reply("target @Ana new customers 4 next month", user="Mia").ok  # set before: kept
    kept = _targets(session_factory)
    assert chat.reply(target, user="Mia").ok
    assert chat.reply(undo, user="Mia").ok
    assert _targets(session_factory) == kept
    reply = chat.reply(fix, user="Mia")
    assert not reply.ok and said in reply.text, reply.text
    assert "target @ana revenue 500k month" in reply.text or "目标 @张三 业绩 50万 本月" in reply.text
    assert _targets(session_factory) == kept  # neither the undone target back, nor Ana's changed


def test_the_testers_messages_leave_every_target_as_it_was(session_factory):
    """#206–#210: a target, undo, a team split that saved nothing, then `no I meant 1.8m`."""
    chat = _chat(session_factory)
    assert chat.reply("target @Ana revenue 400k month", user="Mia").ok
    assert chat.reply("target @Bo revenue 400k month", user="Mia").ok
    assert chat.reply("target @张伟 revenue 400k month", user="Mia").ok
    assert chat.reply("target @bo visits 45 q1", user="Mia").ok
    assert chat.reply("undo", user="Mia").ok
    before = _targets(session_factory)
    assert not chat.reply("target team revenue 2m this month split", user="Mia").ok
    reply = chat.reply("no I meant 1.8m", user="Mia")  # the team's figure, asked again with it
    assert not reply.ok and "Nothing was saved" in reply.text and "¥1.8M over" in reply.text, reply.text
    assert "Corrected" not in reply.text and "Visits" not in reply.text
    assert _targets(session_factory) == before
    reply = chat.reply("no I meant 1.9m", user="Mia")  # and again: still asked, still nothing saved
    assert not reply.ok and "¥1.9M over" in reply.text, reply.text
    assert _targets(session_factory) == before
    done = chat.reply("2", user="Mia")  # the team's target alone
    assert done.ok and "Target set: Sales, Revenue won ¥1.9M for November 2026." in done.text, done.text
    team = ("team", "revenue", "month", "2026-11-01", 1_900_000)
    assert _targets(session_factory) == sorted([*before, team])
    assert ("Bo", "visits", "quarter", "2027-01-01") not in [t[:4] for t in _targets(session_factory)]


@pytest.mark.parametrize("target, fix, said, row", [
    ("target @Bo visits 45 q1", "no I meant 1.8m",
     "“1.8m” is no number of visits: Bo's visits target for Q1 2027 stays 45, nothing was changed.",
     ("Bo", "visits", "quarter", "2027-01-01", 45)),
    ("目标 @张伟 拜访 40 本月", "不对，是4万",
     "“4万”不是拜访的次数：张伟2026年11月的拜访目标仍为 40，未做修改。",
     ("张伟", "visits", "month", "2026-11-01", 40)),
    ("target @Ana new customers 3 month", "no I meant 50k", "is no number of new customers",
     ("Ana", "new_customers", "month", "2026-11-01", 3)),
    ("target @Bo deals 5 next month", "actually it's ¥6", "is no number of deals won",
     ("Bo", "deals_won", "month", "2026-12-01", 5)),
])
def test_a_count_target_is_never_corrected_to_an_amount_of_money(session_factory, target, fix, said, row):
    chat = _chat(session_factory)
    assert chat.reply(target, user="Mia").ok
    reply = chat.reply(fix, user="Mia")
    assert not reply.ok and said in reply.text and not reply.buttons, reply.text
    assert _targets(session_factory) == [row]
    count = "不对，是50" if "不对" in fix else "no I meant 50"  # the count, said as the reply shows
    assert count in reply.text
    done = chat.reply(count, user="Mia")
    assert done.ok and ("Corrected: it was" in done.text or "已更正：原为" in done.text), done.text
    assert _targets(session_factory) == [(*row[:4], 50)]


def test_a_correction_after_an_undone_deal_change_offers_no_earlier_deal(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "renewal" proposal 100k').ok
    assert chat.reply('deal +Initech "pilot" discovery 50k').ok
    assert chat.reply("undo").ok  # the pilot is gone
    with session_factory() as s:
        before = [(d.id, d.title, d.amount) for d in s.scalars(select(Deal).order_by(Deal.id))]
    for fix, said in (("no I meant 90k", "Nothing to correct: “deal +Initech"), ("改成9万", "没有可更正的")):
        reply = chat.reply(fix)
        assert not reply.ok and said in reply.text and "renewal" not in reply.text, reply.text
        assert not reply.buttons
    with session_factory() as s:
        assert [(d.id, d.title, d.amount) for d in s.scalars(select(Deal).order_by(Deal.id))] == before
    assert chat.reply('deal +Initech "pilot" discovery 50k').ok  # a change again: corrected (the
    reply = chat.reply("no I meant 60k")  # one deal the last message made, told by its changes' ids)
    assert reply.ok and "Changed deal #3 (pilot): amount ¥50K → ¥60K." in reply.text, reply.text


# 2. A team target with split: set and split, or nothing saved and said so --------------------------
@pytest.mark.parametrize("said, nothing, every, alone", [
    ("target team revenue 2m this month split", "Nothing was saved, the team's target neither",
     "target team revenue 2m this month split all", "target team revenue 2m this month"),
    ("目标 团队 业绩 200万 本月 分配", "未保存，团队目标也没有设定",
     "目标 团队 业绩 200万 本月 分配 全部", "目标 团队 业绩 200万 本月"),
    ("目标 团队 业绩 200万 本月 分解", "未保存，团队目标也没有设定",
     "目标 团队 业绩 200万 本月 分解 全部", "目标 团队 业绩 200万 本月"),
])
def test_a_split_with_every_rep_set_by_hand_saves_nothing_and_says_so(session_factory, said, nothing,
                                                                         every, alone):
    chat = _chat(session_factory)
    for rep in ("Ana", "Bo", "张伟"):
        assert chat.reply(f"target @{rep} revenue 400k month", user="Mia").ok
    by_hand = _targets(session_factory)
    reply = chat.reply(said, user="Mia")
    assert not reply.ok and nothing in reply.text, reply.text
    assert "Ana ¥400K" in reply.text or "Ana ¥40万" in reply.text
    assert [b.command for b in reply.buttons] == [every, alone]
    assert _targets(session_factory) == by_hand  # no team target, no rep's changed
    done = chat.reply("2", user="Mia")  # the team's target alone
    assert done.ok and ("¥2M" in done.text or "¥200万" in done.text), done.text
    team = ("team", "revenue", "month", "2026-11-01", 2_000_000)
    assert _targets(session_factory) == sorted([*by_hand, team])
    progress = chat("progress team", user="Mia")
    assert "of ¥2M" in progress, progress


def test_a_split_smaller_than_the_targets_set_by_hand_saves_nothing_then_splits_over_all(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("target @Ana revenue 600k month", user="Mia").ok
    assert chat.reply("target @Bo revenue 600k month", user="Mia").ok
    by_hand = _targets(session_factory)
    reply = chat.reply("target team revenue 1m month split", user="Mia")
    assert not reply.ok and "Nothing was saved, the team's target neither" in reply.text, reply.text
    assert "already add up to ¥1.2M, more than ¥1M" in reply.text
    assert _targets(session_factory) == by_hand
    done = chat.reply("1", user="Mia")  # over everyone, theirs replaced
    assert done.ok and "Split between the reps (3)" in done.text, done.text
    stored = _targets(session_factory)
    assert [who for who, *_r in stored] == ["Ana", "Bo", "team", "张伟"]
    assert [amount for *_r, amount in stored] == [333333, 333333, 1_000_000, 333333]  # ¥333,333.34 …


def test_a_split_for_a_team_with_no_reps_saves_nothing_and_offers_the_team_target(session_factory):
    chat = _chat(session_factory, reps=())
    reply = chat.reply("target team visits 100 month split", user="Mia")
    assert not reply.ok and "nothing was saved, the team's target neither" in reply.text, reply.text
    assert [b.command for b in reply.buttons] == ["target team visits 100 month"]
    assert _targets(session_factory) == []
    assert chat.reply("1", user="Mia").ok
    assert _targets(session_factory) == [("team", "visits", "month", "2026-11-01", 100)]


@pytest.mark.parametrize("said, row, shown", [
    ("target team revenue 2m this month", ("team", "revenue", "month", "2026-11-01", 2_000_000), "of ¥2M"),
    ("目标 团队 业绩 150万 本月", ("team", "revenue", "month", "2026-11-01", 1_500_000), "¥150万"),
    ("target team visits 90 month split", ("team", "visits", "month", "2026-11-01", 90), "of 90"),
])
def test_a_team_target_is_stored_and_team_progress_shows_it(session_factory, said, row, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok, reply.text
    assert row in _targets(session_factory)
    if "split" in said:
        assert "Split between the reps (3): Ana 30, Bo 30, 张伟 30" in reply.text
        assert [t for t in _targets(session_factory) if t[0] != "team"] == [
            (rep, "visits", "month", "2026-11-01", 30) for rep in ("Ana", "Bo", "张伟")]
    progress = chat("进度 团队" if "团队" in said else "progress team", user="Mia")
    assert shown in progress, progress


def test_a_correction_in_another_conversation_leaves_the_target(session_factory):
    """A target set in the team's channel is not corrected by `no I meant …` said in a DM."""
    mia, ana = UserRef("slack", "T1", "U1", "Mia"), UserRef("slack", "T1", "U2", "Ana")
    channel, direct = Address("slack", "T1", Kind.CHANNEL, "C1"), Address("slack", "T1", Kind.CHANNEL, "D1")
    said = iter(range(100))

    def send(user, text, where):  # a DM is no shared conversation: no `here`
        shared = where if where is channel else None
        return handle_message(session_factory, user, text,
                              answer_to=AnswerTo(f"Ev{next(said)}", "T1", where, here=shared))

    send(mia, "help", direct)
    send(ana, "help", direct)
    assert send(mia, "target @Ana revenue 500k month", channel).ok
    [(who, metric, kind, _start, amount)] = _targets(session_factory)
    assert (who, amount) == ("Ana", 500_000)
    reply = send(mia, "no I meant 600k", direct)
    assert not reply.ok and "was made in another conversation" in reply.text, reply.text
    assert "Corrected" not in reply.text
    assert [t[-1] for t in _targets(session_factory)] == [500_000]
    reply = send(mia, "no I meant 600k", channel)  # where it was set: corrected
    assert reply.ok and "Corrected: it was ¥500K." in reply.text, reply.text
    assert [t[-1] for t in _targets(session_factory)] == [600_000]
