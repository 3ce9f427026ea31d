"""Round 16 (issue #23): `close date end of jan` was offered as "did you mean: lose date end of
jan", one tap from a loss; a close day said while a question about a visit was open was put into
the visit's line (`visit acme: demo close next fri`). A field's own word is never a slip of a
command word, and a close day goes only into a deal's line."""
import re

from sqlalchemy import func, select

from storage.models.sales import Deal, Visit
from support import Chat
from tests.handlers.test_report_figures import at


def test_a_field_word_first_is_never_offered_as_a_loss(session_factory):
    chat = Chat(session_factory)
    chat.team()
    chat.now = at("2026-12-06")
    assert chat.reply('deal +Acme "CRM" proposal 50k').ok
    for said in ("close date end of jan", "closing next fri", "stage proposal", "amount 60k"):
        reply = chat.reply(said)
        assert "did you mean" not in reply.text.lower() and not re.search(r"\blose\b", reply.text), reply.text
        assert not any(b.command.startswith("lose ") for b in reply.buttons), reply.buttons
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() == "proposal"


def test_a_close_day_said_to_a_question_about_a_visit_is_not_put_in_the_visit(session_factory):
    chat = Chat(session_factory)
    chat.team()
    chat.now = at("2026-12-06")
    assert chat.reply("visit +Acme: intro").ok
    asked = chat.reply("vist acme: demo")
    assert not asked.ok and asked.buttons, asked.text
    reply = chat.reply("no, close date is jan 15")
    assert all("close" not in b.command for b in reply.buttons), reply.buttons
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.scalar(select(func.count()).select_from(Deal)) == 0
