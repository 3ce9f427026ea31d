"""The `reasons` report counts only what people said (issue #23): a close nobody gave a category
(no reason, or a reason naming two whose "which decided it?" was never answered) is "not given" ·
"未填写", never "other" or the first category its words name; a category read from a reason's
words is told to the rep when the deal closes. On SQLite and PostgreSQL.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.sales import Deal
from worker.plan import fire, plan

pytestmark = pytest.mark.phrasing


def _stored(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [tuple(r) for r in s.execute(select(Deal.stage, Deal.reason, Deal.reason_category)
                                           .order_by(Deal.id))]


def _rows(reply) -> dict[str, tuple[str, ...]]:
    return {row[0]: row[1:] for row in reply.table.rows}


@pytest.mark.parametrize("close, lang, asked", [
    ("won +Acme 30k", "en", "What decided it?"),
    ("won +Acme 30k: better price and faster delivery", "en", "which one decided it?"),
    ("won +Acme 30k: cheaper, and their support team loved us", "en", "which one decided it?"),
    ("won +Acme 30k: great product and quick delivery", "en", "which one decided it?"),
    ("赢单 +Acme 3万", "zh", "主要原因是什么？"),
    ("赢单 +Acme 3万：服务好，价格也合适", "zh", "哪一个是决定因素？"),
    ("赢单 +Acme 3万：产品功能强，交付快", "zh", "哪一个是决定因素？"),
])
def test_a_win_whose_category_was_never_given_is_counted_as_not_given(team_chat, session_factory, close,
                                                                        lang, asked):
    reply = team_chat.reply(close, user="Ana", lang=lang)
    assert asked in reply.text and reply.buttons, reply.text
    [(stage, _reason, category)] = _stored(session_factory)
    assert (stage, category) == ("won", "")  # nothing chosen, nothing stored as chosen
    en = team_chat.reply("reasons team month", user="Mia", lang="en")
    assert _rows(en) == {"not given": ("1 · ¥30K", "0 · ¥0")}, en.text
    assert "Not given: #1 (no reason yet, or none picked of the two its reason names)." in en.text
    zh = team_chat.reply("输赢原因 本月", user="Mia", lang="zh")
    assert zh.title.startswith("输赢分析 · Sales"), zh.text
    assert _rows(zh) == {"未填写": ("1 · ¥3万", "0 · ¥0")}, zh.text
    assert "未填写：#1" in zh.text


@pytest.mark.parametrize("answer, lang, category, row", [
    ("won #1: delivery", "en", "delivery", "delivery"),
    ("won #1: price", "en", "price", "price"),
    ("赢单 #1：交付", "zh", "delivery", "delivery"),
])
def test_the_win_moves_to_the_category_picked_when_answered(team_chat, session_factory, answer, lang,
                                                            category, row):
    team_chat("won +Acme 30k: better price and faster delivery", user="Ana")
    assert _rows(team_chat.reply("reasons team month", user="Mia")) == {"not given": ("1 · ¥30K", "0 · ¥0")}
    assert team_chat.reply(answer, user="Ana", lang=lang).ok
    assert _stored(session_factory) == [("won", "better price and faster delivery", category)]
    report = team_chat.reply("reasons team month", user="Mia")
    assert _rows(report) == {row: ("1 · ¥30K", "0 · ¥0")} and "Not given" not in report.text


@pytest.mark.parametrize("close, lang", [
    ("lost Acme", "en"), ("lost Acme: too expensive and bad timing", "en"),
    ("输单 Acme", "zh"), ("输单 Acme：预算不够，而且时机不对", "zh"),
])
def test_a_loss_without_a_category_is_not_given_nor_what_it_was_most_lost_to(team_chat, session_factory,
                                                                              close, lang):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat(close, user="Ana", lang=lang)
    assert _stored(session_factory)[0][2] == ""
    report = team_chat.reply("reasons team month", user="Mia")
    assert _rows(report) == {"not given": ("0 · ¥0", "1 · ¥50K")}, report.text
    assert "Ana: won 0, lost 1 (most lost to: –)" in report.text
    assert "other" not in report.text and "price" not in report.text and "budget" not in report.text
    team_chat("tip pricing: bundle the service contract")
    with session_factory() as s:
        spec = next(p for p in plan(s) if p.kind == "digest")
    fire(session_factory, spec, dt.datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    with session_factory() as s:
        [payload] = s.scalars(select(Delivery.payload).where(Delivery.key.like("digest-weekly%"),
                                                             Delivery.key.notlike("%:chart"))).all()
    assert "Lost this week: not given 1" in from_payload(payload).text


@pytest.mark.parametrize("close, lang, filed, category", [
    ("won +Acme 30k: beat them on delivery time", "en", "Filed under: delivery.", "delivery"),
    ("won +Acme 30k: their after-sales support won it", "en", "Filed under: service.", "service"),
    ("赢单 +Acme 3万：交付周期短", "zh", "归类：交付。", "delivery"),
    ("赢单 +Acme 3万：老客户推荐的", "zh", "归类：客户关系。", "relationship"),
])
def test_a_category_read_from_a_reasons_words_is_told_to_the_rep_and_counted(team_chat, session_factory,
                                                                             close, lang, filed, category):
    reply = team_chat.reply(close, user="Ana", lang=lang)
    assert filed in reply.text and not reply.buttons, reply.text
    assert _stored(session_factory)[0][2] == category
    report = team_chat.reply("reasons team month", user="Mia")
    assert _rows(report) == {category: ("1 · ¥30K", "0 · ¥0")} and "Not given" not in report.text


def test_a_reason_that_is_a_category_name_is_not_told_again(team_chat, session_factory):
    reply = team_chat.reply("won +Acme 30k: delivery", user="Ana")
    assert "Thanks for noting why." in reply.text and "Filed under" not in reply.text
    assert _stored(session_factory) == [("won", "delivery", "delivery")]


def test_a_mixed_month_keeps_said_categories_and_not_given_apart(team_chat, session_factory):
    for text in ("won +Acme 30k: beat them on delivery time", "won +Globex 20k",
                 "won +Initech 10k: better price and faster delivery",
                 "won +Hooli 5k: customer just loved us"):
        team_chat(text, user="Ana")
    assert [r[2] for r in _stored(session_factory)] == ["delivery", "", "", ""]  # `loved us`: no category
    report = team_chat.reply("reasons team month", user="Mia")  # read, none stored (fix17c)
    assert _rows(report) == {"not given": ("3 · ¥35K", "0 · ¥0"),
                             "delivery": ("1 · ¥30K", "0 · ¥0")}, report.text
    assert "Not given: #2, #3, #4 " in report.text
    assert report.chart.labels == ("not given", "delivery")
