"""An offer's command typed word for word (as the console's shortcut shows it, or a button whose
value is its text) is that offer taken: done, and never told "my earlier question is closed:
nothing from it was saved" (r31en, r31zh: the change was saved, the reply said the opposite)."""
import pytest

from support import MON, leave_rows, make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize(("said", "user"), [("off next thursday - kids", "Ana"), ("下周四下午请假", "张伟")])
def test_typing_the_offered_command_takes_the_offer(session_factory, said, user):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    offer = chat.reply(said, user=user)
    [button] = offer.buttons
    assert leave_rows(session_factory, "first_day") == []
    done = chat.reply(f"  {button.command.upper() if user == 'Ana' else button.command} ", user=user)
    assert done.ok, done.text
    assert "closed" not in done.text and "已结束" not in done.text, done.text
    assert len(leave_rows(session_factory, "first_day")) == 1


def test_another_message_still_says_the_question_ended(session_factory):
    chat = make_team_chat(session_factory, now=MON)
    chat.reply("off next thursday - kids")
    other = chat.reply("visit +Globex: demo")
    assert other.ok and "closed" in other.text, other.text
    assert leave_rows(session_factory, "first_day") == []
