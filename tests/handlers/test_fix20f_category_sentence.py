"""Round 20 (en): after a win whose reason named no category, the bot asked which one decided it;
`what decided it: relationship w/ the cfo mostly` was not understood, though `relationship` alone
worked. Rule: an answer to "which category?" typed as a sentence that names exactly one category
by its name (the question said back before it or not) files the deal under it, as the tap would, and its words
are added to the reason kept as typed; the question said back is never kept in a reason."""
import pytest

from support import deal_rows

pytestmark = pytest.mark.phrasing


_REASONS = ("reason", "reason_category")  # what the tests read


@pytest.mark.parametrize("user, deal, win, answer, name, category, joined", [
    ("Ana", 'deal Umbrella "renewal" negotiation 200k', "won #1 220k: cfo signed today",
     "what decided it: relationship w/ the cfo mostly", "relationship", "relationship", "; "),
    ("Ana", 'deal Umbrella "renewal" negotiation 200k', "won #1 220k: cfo signed today",
     "mostly the relationship, known their cfo for years", "relationship", "relationship", "; "),
    ("Ana", 'deal Umbrella "renewal" negotiation 200k', "won #1 220k: cfo signed today",
     "it was the faster delivery", "delivery", "delivery", "; "),
    ("Ana", 'deal Umbrella "renewal" negotiation 200k', "lost #1: they went quiet",
     "reason - budget was frozen", "budget", "budget", "; "),
    ("张伟", "商机 华为 ERP 商务谈判 50万", "赢单 #1 50万：客户签了", "主要是客户关系好，跟采购很熟",
     "客户关系", "relationship", "；"),
    ("张伟", "商机 华为 ERP 商务谈判 50万", "赢单 #1 50万：客户签了", "原因：交付快", "交付", "delivery",
     "；"),
])
def test_a_category_said_in_a_sentence_files_the_deal(team_chat, session_factory, user, deal, win,
                                                      answer, name, category, joined):
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    assert team_chat.reply(deal, user=user).ok
    asked = team_chat.reply(win, user=user)
    assert asked.buttons, asked.text
    [(reason, unfiled)] = deal_rows(session_factory, *_REASONS)
    assert unfiled == ""
    reply = team_chat.reply(answer, user=user)
    assert reply.ok and "#1" in reply.text and name in reply.text, reply.text
    words = answer.split(":", 1)[-1].split("：", 1)[-1].removeprefix("reason - ").strip() \
        if answer.startswith(("what decided", "原因", "reason", "why")) else answer
    assert words in reply.text, reply.text
    assert deal_rows(session_factory, *_REASONS) == [(f"{reason}{joined}{words}", category)]


def test_a_sentence_naming_two_categories_files_nothing(team_chat, session_factory):
    assert team_chat.reply('deal Umbrella "renewal" negotiation 200k').ok
    assert team_chat.reply("won #1 220k: cfo signed today").buttons
    reply = team_chat.reply("what decided it: better price and faster delivery")
    assert "counted under" not in reply.text, reply.text
    assert deal_rows(session_factory, *_REASONS) == [("cfo signed today", "")]


def test_the_question_said_back_is_no_part_of_a_first_reason(team_chat, session_factory):
    assert team_chat.reply('deal Globex "erp" negotiation 100k').ok
    assert team_chat.reply("won #1 100k").buttons  # "What decided it?"
    reply = team_chat.reply("what decided it: relationship w/ the cfo mostly")
    assert reply.ok and "relationship w/ the cfo mostly" in reply.text, reply.text
    assert deal_rows(session_factory, *_REASONS) == [("relationship w/ the cfo mostly", "relationship")]
