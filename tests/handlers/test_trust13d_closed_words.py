"""Round 13's fresh-eyes findings (issue #23): a win or loss said in words offers the member's open
deal of that customer, one tap each (`won #14 200k`, its title shown), never a new deal titled with
the sentence's words (`erp deal`, `data platform deal`, `ugh also`) nor "you have no open deal"
where they have one; a currency beside the amount is the amount's, never the reason; a win that
creates a deal says so; the prompt for a close's reason never takes a message telling of another
close, stage or customer; a reopened deal drops what its close set, and undo brings it back."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat
from tests.handlers.test_tester_round11_stage_said import _deal

pytestmark = pytest.mark.phrasing


def _rows(session_factory):
    with session_factory() as s:
        return {d.id: (d.stage, int(d.amount), d.currency, d.reason) for d in s.scalars(select(Deal))}


def _two_reps_deals(chat, customer, title, stage="negotiation"):
    """Ana's open deal of `customer` and Bo's (a colleague's deal is never offered to Ana)."""
    mine = _deal(chat, customer, title, stage)
    assert chat.reply(f'deal {customer} "Other" lead 10k', user="Bo").ok
    return mine


@pytest.mark.parametrize(("customer", "title", "said", "line"), [
    ("Umbrella", "ERP", "umbrella erp deal won 200k 🎉🎉", "won #{id} 200k"),
    ("Umbrella", "ERP", "Umbrella ERP deal - WON, 200k!!", "won #{id} 200k"),
    ("腾讯", "数据平台", "tencent data platform deal won!! 210k", "won #{id} 210k"),
    ("腾讯", "数据平台", "腾讯那个单子签了 21万", "赢单 #{id} 21万"),
    ("Umbrella", "ERP", "Umbrella的ERP单子拿下了！20万", "赢单 #{id} 20万"),
])
def test_a_win_in_words_offers_the_members_open_deal_not_a_new_one(session_factory, customer, title,
                                                                    said, line):
    chat = Chat(session_factory)
    chat.team()
    mine = _two_reps_deals(chat, customer, title)
    before = _rows(session_factory)
    offer = chat.reply(said)
    assert not offer.ok and [b.command for b in offer.buttons] == [line.format(id=mine)], offer.text
    assert f"#{mine} “{title}”" in offer.text  # the deal's own title shown, not the sentence's words
    assert _rows(session_factory) == before  # nothing saved by the question
    assert chat.reply("yes").ok
    after = _rows(session_factory)
    assert set(after) == set(before) and after[mine][0] == "won" and after[mine][3] == ""  # no new deal


@pytest.mark.parametrize(("customer", "title", "said", "line", "reason"), [
    ("小米", "ERP", "xiaomi erp deal lost, they went w SAP", "lost #{id}: they went w SAP",
     "they went w SAP"),
    ("京东", "数据平台", "the jd data platform deal is lost 😭 no budget till next yr",
     "lost #{id}: no budget till next yr", "no budget till next yr"),
    ("Initech", "Cloud", "ugh also lost the initech thing, they went w/ a cheaper vendor",
     "lost #{id}: they went w/ a cheaper vendor", "they went w/ a cheaper vendor"),
    ("小米", "ERP", "小米那个单子丢了，客户选了SAP", "输单 #{id}：客户选了SAP", "客户选了SAP"),
])
def test_a_loss_in_words_offers_the_members_open_deal_and_keeps_the_reason(session_factory, customer, title,
                                                                          said, line, reason):
    chat = Chat(session_factory)
    chat.team()
    mine = _two_reps_deals(chat, customer, title)
    before = _rows(session_factory)
    offer = chat.reply(said)
    assert not offer.ok and [b.command for b in offer.buttons] == [line.format(id=mine)], offer.text
    assert "no open deal" not in offer.text and _rows(session_factory) == before
    assert chat.reply("1").ok
    after = _rows(session_factory)
    assert set(after) == set(before) and after[mine][0] == "lost" and after[mine][3] == reason


def test_several_open_deals_are_each_offered_and_a_title_said_in_other_words_picks_none(session_factory):
    chat = Chat(session_factory)
    chat.team()
    crm, cloud = _deal(chat, "腾讯", "CRM"), _deal(chat, "腾讯", "云服务")
    offer = chat.reply("tencent data platform deal won!! 210k")
    assert sorted(b.command for b in offer.buttons) == sorted([f"won #{crm} 210k", f"won #{cloud} 210k"])
    assert f"#{crm} “CRM”" in offer.text and f"#{cloud} “云服务”" in offer.text, offer.text
    assert "goes without “data platform”" in offer.text  # the words no title has: said, not dropped
    assert chat.reply("2").ok
    assert {k: v[0] for k, v in _rows(session_factory).items()} == {crm: "discovery", cloud: "won"}


@pytest.mark.parametrize("said", ["ugh also lost the initech thing, they went w/ a cheaper vendor",
                                  "Initech那单黄了，太贵"])
def test_a_loss_of_a_customer_whose_open_deals_are_a_colleagues_is_said_at_once(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    theirs = _deal(chat, "Initech", "Cloud")  # Ana's, then closed: Bo's deal is the one open
    assert chat.reply(f"won #{theirs} 80k: price").ok
    assert chat.reply('deal Initech "Cloud" proposal 80k', user="Bo").ok
    before = _rows(session_factory)
    reply = chat.reply(said)
    assert not reply.ok and not reply.buttons, reply.text
    assert "no open deal with Initech" in reply.text or "在Initech没有进行中的商机" in reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize(("typed", "line"), [
    ('lost 小米 "erp deal": they went w SAP', "lost #{id}: they went w SAP"),
    ('输单 小米 "那个ERP项目"：价格太高', "输单 #{id}：价格太高"),
    ('won 小米 "erp deal"', "won #{id}"),
])
def test_a_typed_title_matching_none_asks_which_open_deal_never_no_open_deal(session_factory, typed, line):
    chat = Chat(session_factory)
    chat.team()
    mine = _deal(chat, "小米", "ERP单")
    before = _rows(session_factory)
    asked = chat.reply(typed)
    assert not asked.ok and [b.command for b in asked.buttons] == [line.format(id=mine)], asked.text
    assert "no open deal" not in asked.text and "没有进行中的商机。" not in asked.text
    assert _rows(session_factory) == before
    assert chat.reply("1").ok
    assert _rows(session_factory)[mine][0] == ("won" if typed.startswith("won") else "lost")


@pytest.mark.parametrize(("typed", "told"), [('won Acme "New title" 50k', "New deal created."),
                                            ('赢单 Acme "新项目" 5万', "已新建商机。")])
def test_a_win_that_creates_a_deal_says_so(session_factory, typed, told):
    chat = Chat(session_factory)
    chat.team()
    old = _deal(chat, "Acme", "ERP")
    reply = chat.reply(typed)
    assert reply.ok and told in reply.text, reply.text
    rows = _rows(session_factory)
    assert len(rows) == 2 and rows[old][0] == "discovery"
    assert [v[:2] for k, v in rows.items() if k != old] == [("won", 50_000)]


@pytest.mark.parametrize(("said", "line", "currency"), [
    ("lenovo laptops refresh won 190k cny!", "won #{id} 190k cny", "CNY"),
    ("Lenovo laptops refresh won RMB 190k", "won #{id} RMB 190k", "CNY"),
    ("联想签了 19万元", "赢单 #{id} 19万元", "CNY"),
    ("联想 laptops refresh 拿下了 19万 人民币，客户很满意", "赢单 #{id} 19万 人民币：客户很满意", "CNY"),
])
def test_a_currency_beside_the_amount_is_the_amounts_never_the_reason(session_factory, said, line, currency):
    chat = Chat(session_factory)
    chat.team()
    mine = _deal(chat, "联想", "laptops refresh")
    offer = chat.reply(said)
    assert [b.command for b in offer.buttons] == [line.format(id=mine)], offer.text
    assert chat.reply("yes").ok
    stage, amount, stored, reason = _rows(session_factory)[mine]
    assert (stage, amount, stored) == ("won", 190_000, currency)
    assert reason in ("", "客户很满意") and "cny" not in reason.lower() and "人民币" not in reason


def test_a_currency_said_in_a_sentence_for_a_deal_in_another_is_asked(session_factory):
    chat = Chat(session_factory)
    chat.team()
    mine = _deal(chat, "联想", "laptops refresh")
    assert chat.reply(f"deal #{mine} 50000 usd").ok
    assert _rows(session_factory)[mine][2] == "USD"
    assert chat.reply("lenovo laptops refresh won 190k cny!").buttons
    asked = chat.reply("yes")  # ¥ for a $ deal: the deal in ¥ now, or $190K? never switched unasked
    assert not asked.ok and len(asked.buttons) >= 2, asked.text
    assert _rows(session_factory)[mine][:3] == ("discovery", 50_000, "USD")
    assert chat.reply("2").ok
    assert _rows(session_factory)[mine] == ("won", 190_000, "USD", "")


@pytest.mark.parametrize("other", [
    "haier crm deal - lost, they're consolidating vendors",
    "海尔那单也丢了，客户在整合供应商",
    "globex deal to negotiation now, they liked the pilot",
])
def test_the_reason_prompt_never_takes_a_message_of_another_close_stage_or_customer(session_factory, other):
    chat = Chat(session_factory)
    chat.team()
    won, haier = _deal(chat, "Umbrella", "ERP"), _deal(chat, "海尔", "CRM")
    _deal(chat, "Globex", "Pilot")
    asked = chat.reply(f"won #{won} 200k")
    assert asked.ok and asked.buttons  # "what decided it?"
    reply = chat.reply(other)
    assert "Reason for deal" not in reply.text and "的原因" not in reply.text, reply.text
    rows = _rows(session_factory)
    assert rows[won] == ("won", 200_000, "CNY", "") and rows[haier][0] == "discovery"
    if "haier" in other or "海尔" in other:  # run as its own message: the loss of 海尔 offered
        assert [b.command.split("#")[1][:len(str(haier))] for b in reply.buttons] == [str(haier)], reply.text
        assert chat.reply("1").ok and _rows(session_factory)[haier][0] == "lost"


@pytest.mark.parametrize("reason", ["relationship w procurement, known their CTO for yrs", "老客户，关系好"])
def test_the_reason_prompt_still_takes_a_reason(session_factory, reason):
    chat = Chat(session_factory)
    chat.team()
    won = _deal(chat, "Umbrella", "ERP")
    assert chat.reply(f"won #{won} 200k").ok
    assert chat.reply(reason).ok
    assert _rows(session_factory)[won][3] == reason


@pytest.mark.parametrize("close", ["lost #{id}: went with Oracle, cheaper",
                                   "输单 #{id}：选了Oracle，价格更低"])
def test_reopen_clears_what_the_close_set_and_undo_brings_it_back(session_factory, close):
    chat = Chat(session_factory)
    chat.team()
    mine = _deal(chat, "Wayne", "Renewal")
    chat.reply(close.format(id=mine))
    chat.reply("1")  # which of two categories decided it: the first
    with session_factory() as s:
        closed = s.get(Deal, mine)
        kept = (closed.stage, closed.reason, closed.reason_category, closed.competitor)
    assert kept[0] == "lost" and kept[1] and kept[3] == "Oracle", kept
    assert chat.reply(f"deal #{mine} reopen").ok
    with session_factory() as s:
        opened = s.get(Deal, mine)
        opened = (opened.stage, opened.reason, opened.reason_category, opened.competitor)
    assert opened == ("discovery", "", "", "")
    assert chat.reply("undo").ok
    with session_factory() as s:
        back = s.get(Deal, mine)
        assert (back.stage, back.reason, back.reason_category, back.competitor) == kept


@pytest.mark.parametrize(("said", "reason"), [
    ("haier crm deal - lost, they're consolidating vendors", "they're consolidating vendors"),
    ("海尔那单丢了，客户在整合供应商", "客户在整合供应商"),
])
def test_a_loss_told_while_the_standup_awaits_an_answer_is_asked_never_taken_unasked(
        team_chat, session_factory, said, reason):
    from storage.models.team import StandupAnswer
    from support import count
    from tests.worker.test_jobs import at, deliver, run

    team_chat.now = at("2026-11-24", "09:00")
    haier = _deal(team_chat, "海尔", "CRM")
    run(session_factory, "standup", at("2026-11-24", "09:30"))
    deliver(session_factory)
    team_chat.now = at("2026-11-24", "09:40")
    asked = team_chat.reply(said)
    commands = [b.command for b in asked.buttons]
    assert not asked.ok and len(commands) == 2, asked.text
    assert f"#{haier}" in commands[0] and reason in commands[0], commands
    assert commands[1].endswith(said)  # the standup answer, one tap away
    assert count(session_factory, StandupAnswer) == 0 and _rows(session_factory)[haier][0] == "discovery"
    assert team_chat.reply("1").ok
    assert _rows(session_factory)[haier][::3] == ("lost", reason)
    assert count(session_factory, StandupAnswer) == 0
    assert "standup" in team_chat("Called Acme, demo for Initech today").lower()  # free text answers it
    assert count(session_factory, StandupAnswer) == 1
