"""fix29b: wins and losses said without a deal the words name.

- `closed globex 160k 🎉 price was right`: the customer's open deal offered, the words after the
  amount its reason, the emoji dropped (never a title "🎉 price right").
- `丢单了`, `lost it`, `we lost`: no customer named "了"; the deal of the last message offered, else
  which of the member's open deals.
- `won foobar corp 190k`: an unknown customer is asked about (new customer + won deal, or one of
  the open deals), never made at once with a won deal (a new customer needs +Name).
Fed through the real dispatch; Mon, Dec 7, 2026."""
import pytest

from support import MON, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing

def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok('deal +Globex "CRM" 150k', 'deal +Initech "ERP" 80k')
    return chat


def _reasons(chat) -> list:
    return deal_rows(chat, "id", "title", "stage", "reason")


@pytest.mark.parametrize("said, reason", [
    ("closed globex 160k 🎉 price was right", "price was right"),
    ("closed globex 160k price was right 🎉", "price was right"),
    ("nailed globex 160k, pricing won it", "pricing won it"),
    ("签了 globex 16万 价格合适 🎉", "价格合适"),
    ("globex 拿下了 16万 🎉 客户认可方案", "客户认可方案"),
])
def test_a_win_said_with_closed_wins_the_open_deal_reason_kept(session_factory, said, reason):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and "#1" in reply.text, reply.text
    offered = reply.buttons[0].command
    assert "🎉" not in offered and reason in offered, offered
    assert records(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert _reasons(chat)[0] == (1, "CRM", "won", reason)
    assert [d[3] for d in deal_rows(chat)] == [160000, 80000]


@pytest.mark.parametrize("said, lost", [("丢单了", True), ("lost it", True), ("we lost", True),
                                        ("这单黄了", True), ("won it!", False), ("输单了", True)])
def test_a_close_with_no_customer_offers_the_last_messages_deal(session_factory, said, lost):
    chat = _chat(session_factory)
    assert chat.reply("deal #2 proposal", user="Ana").ok
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and "了" not in reply.text.replace(said, ""), reply.text
    assert len(reply.buttons) == 1 and reply.buttons[0].command.endswith("#2"), reply.buttons
    assert records(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert [d[2] for d in deal_rows(chat)] == ["lead", "lost" if lost else "won"]


@pytest.mark.parametrize("said, asked", [("丢单了", "是哪个商机"), ("lost it", "Which deal"),
                                         ("we lost", "Which deal")])
def test_a_close_with_no_customer_and_no_last_deal_asks_which(session_factory, said, asked):
    chat = _chat(session_factory)
    assert chat.reply("my deals", user="Ana").ok
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and asked in reply.text, reply.text
    assert len(reply.buttons) == 2 and "了" not in reply.text.replace(said, "")
    assert records(session_factory) == before
    assert chat.reply("2", user="Ana").ok
    assert [d[2] for d in deal_rows(chat)] == ["lead", "lost"]


@pytest.mark.parametrize("said, asked, new", [
    ("won foobar corp 190k", "“foobar corp” is none of your customers", "foobar corp"),
    ("won foobar 190k: great demo", "“foobar” is none of your customers", "foobar"),
    ("赢单 某某科技 19万", "“某某科技”不是已有客户", "某某科技"),
    ("赢单 某某科技 19万 价格好", "“某某科技”不是已有客户", "某某科技"),
])
def test_a_win_naming_an_unknown_customer_asks(session_factory, said, asked, new):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and asked in reply.text, reply.text
    assert len(reply.buttons) == 3 and new in reply.buttons[0].label
    assert records(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    rows = deal_rows(chat)
    assert rows[-1][1:3] == (new, "won") and len(rows) == 3 and int(rows[-1][3]) == 190000


@pytest.mark.parametrize("said, tap", [("won foobar corp 190k", "2"), ("赢单 某某科技 19万", "3"),
                                       ("lost foobar", "2"), ("输单 某某科技", "2")])
def test_an_unknown_customer_picked_as_an_open_deal(session_factory, said, tap):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and records(session_factory) == before
    assert chat.reply(tap, user="Ana").ok
    rows = deal_rows(chat)
    assert len(rows) == 2 and [r[1] for r in rows] == ["Globex", "Initech"]
    assert sum(r[2] in ("won", "lost") for r in rows) == 1


def test_a_new_customer_with_plus_is_made_at_once(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("won +foobar corp 190k", user="Ana").ok
    assert deal_rows(chat)[-1][1:3] == ("foobar corp", "won")
