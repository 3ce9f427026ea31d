"""Money has a currency: reports never add different currencies. Admins set exchange rates from
chat (`rate USD 7.10` · `汇率 美元 7.10`); totals then convert and say at which rate, and without a
rate the amounts are left out of the totals and listed beside, with what to set."""
from decimal import Decimal

from sqlalchemy import select

from storage.models.sales import DealEvent
from storage.models.workspace import AuditLog, ExchangeRate


def rates(session_factory):
    """{currency: the rate of its latest row}, as stored (rows without a rate left out)."""
    with session_factory() as s:
        rows = s.scalars(select(ExchangeRate).order_by(ExchangeRate.valid_from))
        return {r.currency: r.rate for r in rows if r.rate is not None}


def history(session_factory, currency: str = "USD"):
    with session_factory() as s:
        return [(r.valid_from.isoformat(), r.rate) for r in s.scalars(
            select(ExchangeRate).where(ExchangeRate.currency == currency).order_by(ExchangeRate.valid_from))]


def mixed_deals(team_chat):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat('deal Globex "Support" negotiation $20k', user="Ana")
    team_chat('deal Initech "Site" lead €10k', user="Bo")


def test_an_admin_sets_a_rate_in_either_language_and_can_undo_it(team_chat, session_factory):
    assert "No exchange rates set" in team_chat("rates", user="Mia")
    assert team_chat("rate USD 7.10", user="Mia") == (
        "Exchange rate set: 1 USD = 7.1 CNY, from today on. Deals closed before keep the rate of their "
        "close day; to date it back: “rate USD 7.1 from 2026-11-01”.")
    assert team_chat("汇率 美元 7.2", user="Mia", lang="zh").startswith(
        "已设置汇率：1 USD = 7.2 CNY（原为 7.1），自今天起生效。")
    assert team_chat("rate 7.8 eur", user="Mia", lang="en").startswith("Exchange rate set: 1 EUR = 7.8 CNY")
    assert rates(session_factory) == {"USD": Decimal("7.2"), "EUR": Decimal("7.8")}
    assert history(session_factory) == [("2026-11-23", Decimal("7.2"))]  # the same day: replaced
    listing = team_chat("汇率", user="Ana", lang="zh")  # anyone may read them
    assert "汇率（折合 CNY）" in listing
    assert "自 11月23日周一 起 1 USD = 7.2 CNY · Mia 于 今天 设置" in listing
    with session_factory() as s:
        trail = [(a.action, a.detail) for a in s.scalars(select(AuditLog).where(
            AuditLog.action == "rate.set").order_by(AuditLog.id))]
    assert trail[1] == ("rate.set", {"currency": "USD", "before": "7.1", "after": "7.2",
                                     "day": "2026-11-23", "rows": "2026-11-23=7.1"})
    assert "the exchange rate of EUR you set (there is none now)" in team_chat("undo", user="Mia")
    assert "USD is 7.1 again" in team_chat("undo", user="Mia")
    assert rates(session_factory) == {"USD": Decimal("7.1")}


def test_an_admin_ends_a_rate_from_today_and_undo_brings_it_back(team_chat, session_factory):
    team_chat("rate USD 7.1 from 2026-11-01", user="Mia")
    assert not team_chat.reply("rate USD off", user="Ana").ok  # admins only
    assert team_chat("rate USD off", user="Mia") == (
        "Exchange rate of USD ended from today on (it was 7.1 CNY): deals closed from that day in USD "
        "are left out of the totals; those closed before keep the rate of their day.")
    assert history(session_factory) == [("2026-11-01", Decimal("7.1")), ("2026-11-23", None)]
    assert not team_chat.reply("汇率 美元 删除", user="Mia", lang="zh").ok  # none in force to end
    assert "Undo it?" in team_chat("undo", user="Mia", lang="en")  # after a refusal: which change, asked
    assert "Undone: the exchange rate of USD you set" in team_chat("undo confirm", user="Mia", lang="en")
    assert history(session_factory) == [("2026-11-01", Decimal("7.1"))]


def test_only_an_admin_sets_rates_and_bad_rates_change_nothing(team_chat, session_factory):
    team_chat("rate USD 7.1", user="Mia")
    cases = {
        ("rate USD 1", "Ana"): "only an admin",
        ("rate USD 7.1O", "Mia"): "I couldn't read “7.1O” as an exchange rate",
        ("rate USD 0", "Mia"): "as an exchange rate",
        ("rate USD -3", "Mia"): "as an exchange rate",
        ("rate XYZ 3", "Mia"): "I don't know the currency “XYZ”",
        ("rate pesos 3", "Mia"): "I don't know the currency “pesos”",
        ("rate CNY 1", "Mia"): "CNY is the base currency",
        ("rate USD 7.1 EUR", "Mia"): "rate USD 7.10",
    }
    for (text, who), said in cases.items():
        reply = team_chat.reply(text, user=who)
        assert not reply.ok and said in reply.text, (text, reply.text)
    assert rates(session_factory) == {"USD": Decimal("7.1")}
    assert "没认出汇率“七”" in team_chat("汇率 美元 七", user="Mia", lang="zh")


def test_reports_leave_out_currencies_without_a_rate_and_say_what_to_set(team_chat):
    mixed_deals(team_chat)
    pipeline = team_chat("pipeline team", user="Mia")
    assert "Open deals: 3 · ¥50K · weighted ¥30K" in pipeline  # not ¥50K + 20K + 10K
    assert ("Not in the totals (no exchange rate set): €10K · $20K.\n"
            "An admin sets a rate with “rate EUR N” (1 EUR = N CNY).") in pipeline
    zh = team_chat("漏斗 团队", user="Mia", lang="zh")
    assert "未计入合计（未设汇率）：€1万 · $2万。\n管理员可发“汇率 EUR N”设置汇率（1 EUR = N CNY）。" in zh
    team_chat("won Globex", user="Ana")
    team_chat("won Acme", user="Ana")
    progress = team_chat("progress", user="Ana")
    assert "Revenue won    ¥50K" in progress and "Deals won      2" in progress
    assert "Not in the totals (no exchange rate set): $20K." in progress
    board = team_chat("leaderboard month", user="Ana")
    assert "Ana   ¥50K" in board and "$20K" in board


def test_with_rates_totals_convert_and_say_at_which_rate(team_chat):
    mixed_deals(team_chat)
    team_chat("rate USD 7.2", user="Mia")
    team_chat("rate EUR 7.8", user="Mia")
    pipeline = team_chat("pipeline team", user="Mia")
    assert "Open deals: 3 · ¥272K" in pipeline  # 50K + 20K × 7.2 + 10K × 7.8
    assert ("EUR amounts are in the totals at 1 EUR = 7.8 CNY.\n"
            "USD amounts are in the totals at 1 USD = 7.2 CNY.") in pipeline
    assert "Not in the totals" not in pipeline
    team_chat("target @Ana revenue 200k month", user="Mia")
    team_chat("won Globex", user="Ana")
    team_chat("won Acme", user="Ana")
    progress = team_chat("progress", user="Ana")
    assert "¥194K of ¥200K" in progress  # 50K + 144K against the target in the base currency
    assert "at 1 USD = 7.2 CNY" in progress and "EUR" not in progress


def test_an_amount_without_a_currency_for_a_deal_in_another_is_asked_about(team_chat, session_factory):
    team_chat('deal Globex "Support" negotiation $20k', user="Ana")
    reply = team_chat.reply("商机 #1 6万", user="Ana", lang="zh")
    assert not reply.ok and "商机 #1 现为 $2万：你指的是哪个金额，$6万 · ¥6万？尚未修改。" in reply.text
    # the other currency's button says the deal moves to it (r24zh: picked, it does so at once, never
    # asked again)
    assert [b.label for b in reply.buttons] == ["$6万", "¥6万：商机改为 CNY"]
    reply = team_chat.reply(reply.buttons[1].command, user="Ana")  # as the console types it
    assert reply.ok
    team_chat("won #1 70k usd", user="Ana")
    with session_factory() as s:
        events = s.scalars(select(DealEvent).where(DealEvent.kind == "amount").order_by(DealEvent.id))
        history = [(e.old_amount, e.old_currency, e.new_amount, e.new_currency) for e in events]
    assert history == [(20000, "USD", 60000, "CNY"), (60000, "CNY", 70000, "USD")]
    assert "$2万 → ¥6万" in team_chat("商机 #1 历史", user="Ana", lang="zh")
