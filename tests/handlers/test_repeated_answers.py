"""A yes or no said twice with a space (`👍 👍`, `no no`) answers the open question as once does:
courtesy words beside an answer are dropped, not the answer itself when it is one of them."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _visits(session_factory) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(Visit))


@pytest.mark.parametrize("answer", ["👍 👍", "👍👍", "👍 thx", "ok 👍", "yes yes"])
def test_a_thumbs_up_twice_is_a_yes(session_factory, answer):
    chat = Chat(session_factory)
    chat.team()
    assert not chat.reply("went to see Globex today, met CFO").ok
    assert chat.reply(answer).ok
    assert _visits(session_factory) == 1


@pytest.mark.parametrize("answer", ["please please", "🙏 🙏"])
def test_courtesy_alone_answers_nothing(session_factory, answer):
    chat = Chat(session_factory)
    chat.team()
    assert not chat.reply("went to see Globex today, met CFO").ok
    chat.reply(answer)
    assert _visits(session_factory) == 0
