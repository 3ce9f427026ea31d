"""fix34c case 5: a Chinese stage typed one character off (`-> 商务谈叛`, `推进到方按阶段`, `阶段改成谈盼`)
was stored as a new deal's title or not read. A stage word one character off, after a verb of moving,
an arrow or `阶段` (or glued to them), is offered as the stage meant (one tap), never stored as a title
or another stage; the tap moves the deal and `undo` takes back only that. Mon, Dec 7, 2026."""
import pytest

from support import MON, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok('商机 +华为 "云服务" 10万', user="张伟")
    chat.said_ok('deal +Globex "CRM" 60k', user="Ana")
    return chat


@pytest.mark.parametrize("said, user, stage", [
    ("商机 华为 -> 商务谈叛", "张伟", "negotiation"),
    ("商机 华为 推进到方按阶段", "张伟", "proposal"),
    ("商机 华为 阶段改成谈盼", "张伟", "negotiation"),
    ("商机 #1 推进到谈盼了", "张伟", "negotiation"),
    ("商机 华为 谈盼阶段", "张伟", "negotiation"),
    ("商机 #1 → 需求挖据", "张伟", "discovery"),
    ("deal #2 -> negotation", "Ana", "negotiation"),
])
def test_a_stage_one_character_off_is_offered_as_the_stage_meant(session_factory, said, user, stage):
    chat = _chat(session_factory)
    before, deals = records(session_factory), deal_rows(session_factory, "id", "title", "stage", "owner")
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert records(session_factory) == before and deal_rows(session_factory, "id", "title", "stage",
                                                            "owner") == deals
    assert chat.reply("1", user=user).ok
    moved = 1 if user == "张伟" else 2
    assert (moved, stage) in deal_rows(session_factory, "id", "stage")
    assert len(deal_rows(session_factory)) == len(deals)  # no new deal titled with the typo
    assert chat.reply("undo", user=user).ok
    assert deal_rows(session_factory, "id", "title", "stage", "owner") == deals


def test_a_two_character_word_alone_is_no_stage_typo(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply('商机 华为 "方法论" 5万', user="张伟")
    assert reply.ok and "不是商机阶段" not in reply.text, reply.text
    assert deal_rows(session_factory, "title", "stage")[-1] == ("方法论", "lead")
