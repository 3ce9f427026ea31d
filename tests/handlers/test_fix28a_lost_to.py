"""r25en, fix28a D: `lost #4 to SAP, they bundled hardware` kept the reason but left the competitor
empty (and asked the category): "lost … to SAP" names the competitor as `went with oracle` does.
Fed through the real dispatch; the team's day is Mon, Dec 7, 2026 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    assert chat.reply('deal +Haier "data platform" 200k', user="Ana").ok
    return chat


def _deal(session_factory):
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        return deal.stage, deal.competitor, deal.reason_category, deal.reason


@pytest.mark.parametrize("said, reason, words", [
    ("lost #1 to SAP, they bundled hardware", "to SAP, they bundled hardware", "Competitor: SAP"),
    ("lost #1 to oracle", "to oracle", "Competitor: Oracle"),
    ("输单 #1 输给了SAP，他们捆绑了硬件", "输给了SAP，他们捆绑了硬件", "竞争对手：SAP"),
])
def test_a_loss_to_a_named_rival_fills_the_competitor(session_factory, said, reason, words):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok and words in reply.text and "Which one?" not in reply.text, reply.text
    stage, competitor, category, kept = _deal(session_factory)
    assert (stage, competitor, category) == ("lost", words.split("：")[-1].split(": ")[-1], "competitor")
    assert kept == reason


def test_a_loss_to_a_cause_names_no_competitor(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("lost #1 to timing, they froze it", user="Ana")
    assert reply.ok and "Competitor" not in reply.text and "timing" in reply.text, reply.text
    assert _deal(session_factory)[:3] == ("lost", "", "timing")
