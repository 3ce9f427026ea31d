"""Round 14 (issue #23): `undo` after a message that set several targets takes back one command at a
time and says which, never that the whole message was taken back.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
from sqlalchemy import select

from storage.models.team import Target


def _targets(session_factory):
    with session_factory() as s:
        return sorted(int(t.amount) for t in s.scalars(select(Target)))


def test_undo_after_several_targets_in_one_message_says_what_it_took_back(team_chat, session_factory):
    # Changed on purpose (fix27c): one message is one undo step, so both targets go back together
    # and the reply names each of them.
    set_ = team_chat.reply("targets next month: Ana 500k, Bo 400k", user="Mia", lang="zh")
    assert set_.ok and _targets(session_factory) == [400_000, 500_000], set_.text
    undone = team_chat.reply("撤销", user="Mia", lang="zh")
    assert undone.ok and "全部 2 项" in undone.text, undone.text
    assert "Ana" in undone.text and "Bo" in undone.text
    assert _targets(session_factory) == []
    again = team_chat.reply("撤销", user="Mia", lang="zh")
    assert not again.ok and _targets(session_factory) == [], again.text


def test_a_win_post_a_worker_is_sending_when_the_win_is_undone_is_corrected_after_it(team_chat,
                                                                                    session_factory):
    import datetime as dt

    from handlers.outgoing import FIX
    from storage.models.base import utcnow
    from storage.models.messaging import Delivery

    team_chat("won +Globex 48k", user="Ana")
    with session_factory() as s:
        post = s.scalars(select(Delivery).where(Delivery.fact.startswith("won:"))).one()
        post.claimed_until = utcnow() + dt.timedelta(seconds=60)  # a worker is sending it right now
        s.commit()
        post_id = post.id
    assert team_chat.reply("undo", user="Ana").ok
    with session_factory() as s:
        assert s.get(Delivery, post_id) is not None  # never pulled from under the sender
        fixes = list(s.scalars(select(Delivery).where(Delivery.key.startswith(FIX))))
    assert len(fixes) == 1  # the one short correction after it
