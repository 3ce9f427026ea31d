"""r31en #51/#53: the bot's own undo button (`undo confirm`) pressed or typed while another question
is open (a reopen suggestion) undid nothing and asked again; it undoes the last change, the question
closed, said so."""
import pytest

from support import MON, deal_rows, records

pytestmark = pytest.mark.phrasing


@pytest.fixture
def lost(chat):
    chat.team(manager="王芳", reps=("Ana", "张伟"))
    chat.now = MON
    chat.said_ok('deal +Wayne "cloud" lead 50k', "lost #1: they went with aliyun")
    assert deal_rows(chat, "stage", "reason") == [("lost", "they went with aliyun")]
    asked = chat.reply("lost #1: price, aliyun came in 30% cheaper")
    assert not asked.ok and "reopen" in asked.text, asked.text  # the reopen suggestion, open
    return chat


@pytest.mark.parametrize("said", ["undo confirm", "Undo Confirm", "undo  confirm", "撤销 确认", "撤销确认"])
def test_the_undo_button_undoes_while_a_question_is_open(lost, said):
    reply = lost.reply(said)
    assert reply.ok and ("Undone" in reply.text or "已撤销" in reply.text), reply.text
    assert [(stage, reason or "") for stage, reason in deal_rows(lost, "stage", "reason")] == [("lead", "")]


def test_a_plain_undo_still_only_cancels_the_question(lost):
    before = records(lost.session_factory)
    reply = lost.reply("undo")
    assert "undo confirm" in " ".join(b.command for b in reply.buttons), reply.text
    assert records(lost.session_factory) == before and deal_rows(lost, "stage")[0] == ("lost",)
    assert lost.press(reply.buttons[0]).ok and deal_rows(lost, "stage") == [("lead",)]
