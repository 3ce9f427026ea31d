"""Issue #23, round 32: a correction said while a win is offered (or just after one was refused)
is about that win, never about a deal saved before it.

- `no wait close was last fri` with "is “yesterday” the reason?" open moved an older won deal's
  close day, silently: now the offer is asked again with the day put right (nothing stored);
- `no wait it was 88k` right after a refused win offered the older deal changed before it: now the
  refused message is offered again with the amount put right."""
import pytest

from storage.models.sales import Deal
from support import deal_rows, make_team_chat, rows_of

pytestmark = pytest.mark.phrasing


def _chat(session_factory, zh: bool):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "张伟"))
    user = "张伟" if zh else "Ana"
    chat.said_ok('deal Umbrella "Pilot" proposal 30k', user="Ana")
    chat.said_ok('商机 小米 "CRM" 方案呈现 3万', user="张伟")
    if zh:
        chat.said_ok('商机 格力 "续约" 方案呈现 5万', "赢单 格力 5万", '商机 华为 "ERP" 方案呈现 9万',
                     user=user)
    else:
        chat.said_ok('deal Globex "CRM" proposal 50k', "won Globex 50k", 'deal Acme "ERP" proposal 90k',
                     user=user)
    return chat, user


def _closed(session_factory):
    return rows_of(session_factory, Deal, ("id", "stage", "closed_at", "amount"))


@pytest.mark.parametrize("offer, fix, again, zh", [
    ("won acme 90k yesterday", "no wait close was last fri", "won acme 90k: last fri", False),
    ("won acme 90k yesterday", "actually it closed last fri", "won acme 90k: last fri", False),
    ("won acme 90k yesterday", "oops the close was on last thu", "won acme 90k: last thu", False),
    ("won acme 90k on fri", "no wait close was last thu", "won acme 90k: on last thu", False),
])
def test_a_close_day_said_to_a_win_offered_changes_the_offer(session_factory, offer, fix, again, zh):
    chat, user = _chat(session_factory, zh)
    assert not chat.reply(offer, user=user).ok
    before = _closed(session_factory)
    reply = chat.reply(fix, user=user)
    assert not reply.ok, reply.text
    assert [b.command for b in reply.buttons] == [again], reply.text
    assert _closed(session_factory) == before  # the deal won before: its close day as it was


@pytest.mark.parametrize("refused, fix, again, zh", [
    ("won 小米 90k", "no wait it was 88k", "won 小米 88k", False),
    ("won 小米 90k", "actually it was 88k", "won 小米 88k", False),
    ("won 小米 90k", "hmm no its 88k", "won 小米 88k", False),
    ("赢单 Umbrella 9万", "不对，是8.8万", "赢单 Umbrella 8.8万", True),
    ("赢单 Umbrella 9万", "其实是8.8万", "赢单 Umbrella 8.8万", True),
])
def test_an_amount_said_after_a_refused_win_is_that_wins(session_factory, refused, fix, again, zh):
    chat, user = _chat(session_factory, zh)
    assert not chat.reply(refused, user=user).ok  # another rep's deal: refused
    before = deal_rows(session_factory)
    reply = chat.reply(fix, user=user)
    assert not reply.ok, reply.text
    assert [b.command for b in reply.buttons] == [again], reply.text
    head = "你的上一条消息没有修改任何内容" if zh else "Your last message changed nothing"
    assert head in reply.text and "#3" not in reply.text and "#4" not in reply.text, reply.text
    assert deal_rows(session_factory) == before


def test_a_close_day_after_a_refused_message_is_asked_never_made(session_factory):
    chat, user = _chat(session_factory, False)
    assert not chat.reply("won 小米 90k", user=user).ok  # another rep's deal: refused
    before = _closed(session_factory)
    reply = chat.reply("no wait close was last fri", user=user)
    assert not reply.ok and "Move the close of deal #3 (CRM)" in reply.text, reply.text
    assert _closed(session_factory) == before
