"""Trust 13c (issue #23), product rules testers found wrong, part 1, through the real dispatch and
a real database:

1. a reply to the standup prompt said in prose (`昨天拜访了华为和小米，今天跟进腾讯的报价`,
   `yesterday: met globex. today: proposal for initech. blockers none`) is the standup answer,
   and only that: no visit or customer is logged from it unsaid (the reply says so); prose that
   reads as a visit or task while the prompt waits is asked about, the command and the answer one
   tap each; a command typed as one is the command;
2. a deal said with a title in the other language than the customer's open deal (`续约` beside
   Renewal, `CRM续约` beside CRM renewal) asks which open deal it is, or a new one: no duplicate.

The standup prompt goes out on Tuesday 2026-11-24 09:30 (Asia/Shanghai) and is delivered."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import StandupAnswer
from support import count, standup_prompted

pytestmark = pytest.mark.phrasing

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _answers(session_factory) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(StandupAnswer.text)))


def _nothing_else(session_factory) -> None:
    for model in (Visit, Customer, Task, Deal):
        assert count(session_factory, model) == 0, model.__tablename__


# -- 1. a standup answered in prose ---------------------------------------------------------------

@pytest.mark.parametrize("said, also_read", [
    ("yesterday: met globex. today: proposal for initech. blockers none", False),
    ("Yesterday met Globex; today proposal for Initech; no blockers", False),
    ("y: met globex t: proposal initech b: none", False),
    ("yesterday visited acme, today call with initech, blockers: waiting on legal", True),
    ("visited globex yesterday, today proposal for initech", True),  # reads as a visit too
    ("昨天拜访了华为和小米，今天跟进腾讯的报价", True),  # reads as a visit to 华为 too
    ("昨天拜访了华为,今天跟进腾讯", True),
    ("昨天：拜访华为；今天：跟进腾讯报价；困难：无", False),
    ("昨天见了华为的采购，今天准备小米的方案，没有困难", False),
])
def test_a_prose_reply_to_the_prompt_is_the_standup_answer_and_logs_nothing_else(team_chat, said,
                                                                                  also_read):
    standup_prompted(team_chat)
    out = team_chat(said, user="Ana")
    assert "Your standup answer is in" in out or "今天的站会回答已记录" in out
    assert ("no visit or task was logged" in out or "没有据此记录拜访或任务" in out) == also_read
    assert _answers(team_chat.session_factory) == [said]
    _nothing_else(team_chat.session_factory)


@pytest.mark.parametrize("said, offered, stored", [
    ("今天去了华为见了张总", "拜访 华为：见了张总", Visit),
    ("went to see Globex today, met the CFO", "visit Globex: met the CFO", Visit),
    ("今天跟进腾讯的报价", "任务 今天跟进腾讯的报价", Task),
    ("vist Initech: demo", "visit Initech: demo", Visit),  # a slip of the command word
])
def test_prose_that_reads_as_a_command_while_the_prompt_waits_is_asked_about(team_chat, said, offered,
                                                                             stored):
    standup_prompted(team_chat)
    reply = team_chat.reply(said, user="Ana")
    assert not reply.ok
    assert any(asked in reply.text for asked in ("standup answer, or did you mean the command",
                                                 "站会回答，还是想发命令"))
    command, answer = reply.buttons
    assert command.command == offered and answer.command.endswith(said)
    assert _answers(team_chat.session_factory) == []
    _nothing_else(team_chat.session_factory)
    assert team_chat.press(command, user="Ana").ok
    assert count(team_chat.session_factory, stored) == 1 and _answers(team_chat.session_factory) == []


@pytest.mark.parametrize("said", ["今天去了华为见了张总", "went to see Globex today, met the CFO"])
def test_the_asked_prose_is_the_answer_by_one_tap(team_chat, said):
    standup_prompted(team_chat)
    _command, answer = team_chat.reply(said, user="Ana").buttons
    pressed = team_chat.press(answer, user="Ana").text
    assert "Your standup answer is in" in pressed or "今天的站会回答已记录" in pressed
    assert _answers(team_chat.session_factory) == [said]
    _nothing_else(team_chat.session_factory)


@pytest.mark.parametrize("said", ["visit Acme: met the CTO", "拜访 华为：见了采购总监"])
def test_a_command_typed_as_one_is_the_command_and_the_prompt_still_waits(team_chat, said):
    standup_prompted(team_chat)
    assert team_chat.reply(said, user="Ana").ok
    assert count(team_chat.session_factory, Visit) == 1 and _answers(team_chat.session_factory) == []
    team_chat("yesterday: met globex. today: proposal for initech", user="Ana")
    assert _answers(team_chat.session_factory) == ["yesterday: met globex. today: proposal for initech"]


def test_without_a_prompt_a_standup_shaped_message_is_no_answer(team_chat):
    team_chat.now = dt.datetime(2026, 11, 24, 9, 40, tzinfo=SHANGHAI)
    team_chat("yesterday: met globex. today: proposal for initech. blockers none", user="Ana")
    assert _answers(team_chat.session_factory) == []


# -- 2. a deal's title in the other language ----------------------------------------------------

def _with_deals(team_chat):
    for line in ('deal Acme Corp "Renewal" proposal 50k', 'deal 华为 "续约" proposal 50k',
                 'deal Globex "CRM renewal" proposal 50k'):
        assert team_chat.reply(line).ok, line


def _deals(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(d.id, d.title, d.stage, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))]


BEFORE = [(1, "Renewal", "proposal", 50000), (2, "续约", "proposal", 50000),
          (3, "CRM renewal", "proposal", 50000)]


@pytest.mark.parametrize("said, deal, changed", [
    ("deal Acme Corp 续约 negotiation", "#1 Renewal", (1, "Renewal", "negotiation", 50000)),
    ("商机 Acme Corp 续约 商务谈判", "#1 Renewal", (1, "Renewal", "negotiation", 50000)),
    ("deal acme corp 续签 60k", "#1 Renewal", (1, "Renewal", "proposal", 60000)),
    ("deal 华为 renewal negotiation", "#2 续约", (2, "续约", "negotiation", 50000)),
    ("商机 华为 Renewal 6万", "#2 续约", (2, "续约", "proposal", 60000)),
    ("商机 Globex CRM续约 商务谈判", "#3 CRM renewal", (3, "CRM renewal", "negotiation", 50000)),
])
def test_a_title_in_the_other_language_asks_which_open_deal_it_is(team_chat, said, deal, changed):
    _with_deals(team_chat)
    reply = team_chat.reply(said)
    assert not reply.ok and ("Nothing was saved yet" in reply.text or "尚未保存" in reply.text)
    assert deal in reply.text
    assert reply.buttons[0].label.startswith(deal)
    assert _deals(team_chat.session_factory) == BEFORE  # no duplicate, nothing changed
    assert team_chat.press(reply.buttons[0]).ok
    assert _deals(team_chat.session_factory) == [changed if d[0] == changed[0] else d for d in BEFORE]


@pytest.mark.parametrize("said, title", [("deal Acme Corp 续约 negotiation", "续约"),
                                         ("deal 华为 renewal lead 5k", "renewal")])
def test_a_new_deal_of_that_title_is_one_tap(team_chat, said, title):
    _with_deals(team_chat)
    new = team_chat.reply(said).buttons[-1]
    assert title in new.label
    assert team_chat.press(new).ok
    assert [d[1] for d in _deals(team_chat.session_factory)] == ["Renewal", "续约", "CRM renewal", title]


@pytest.mark.parametrize("said, title", [('deal Acme Corp "Support" lead 10k', "Support"),  # quoted: new
                                         ("deal Initech 续约 lead 10k", "续约"),  # no open deal of hers
                                         ("商机 Initech 续约 线索 1万", "续约")])
def test_a_quoted_title_or_a_customer_without_open_deals_makes_the_deal(team_chat, said, title):
    _with_deals(team_chat)
    assert team_chat.reply("visit Initech: intro").ok  # a customer of hers, no deal open
    assert team_chat.reply(said).ok
    assert _deals(team_chat.session_factory)[-1][:2] == (4, title)
