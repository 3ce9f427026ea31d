"""The report figures, through the console on SQLite and PostgreSQL, each checked against a figure
the test works out by hand from the stored rows: dated exchange rates (a deal converts at the rate
of its close day in the team's timezone), the average deal without deals that cannot be
converted, quarter targets summed from months, a manager's bare reports and who is ranked, and
the categories of wins' reasons.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import csv
import datetime as dt
import io
import statistics
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from bot.csv_export import export
from handlers.senders import Defaults
from handlers.text import format as fmt
from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.sales import Deal
from storage.models.team import Target
from storage.models.workspace import ExchangeRate, Member
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int = 10) -> dt.datetime:
    """`day` at `hour` in Shanghai (the team's timezone), in UTC."""
    local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), SHANGHAI)
    return local.astimezone(dt.timezone.utc)


def say(chat, when: dt.datetime, text: str, user: str, lang: str | None = None) -> str:
    chat.now = when
    return chat(text, user=user, lang=lang)


def member_id(session_factory, name: str) -> int:
    with session_factory() as s:
        return s.scalar(select(Member.id).where(Member.display_name == name))


def rate_on(session_factory, currency: str, day: dt.date) -> Decimal | None:
    """The rate in force on `day`, read from the stored rows the plain way: the latest row from
    that day or before."""
    with session_factory() as s:
        rows = s.execute(select(ExchangeRate.valid_from, ExchangeRate.rate)
                         .where(ExchangeRate.currency == currency)).all()
    earlier = [(start, rate) for start, rate in rows if start <= day]
    return max(earlier)[1] if earlier else None


def won_in(session_factory, name: str, first: str, end: str) -> list[Deal]:
    """`name`'s won deals closed on Shanghai days [first, end)."""
    with session_factory() as s:
        return list(s.scalars(select(Deal).where(
            Deal.owner_id == member_id(session_factory, name), Deal.stage == "won",
            Deal.closed_at >= at(first, 0), Deal.closed_at < at(end, 0))))


def revenue_by_hand(session_factory, name: str, first: str, end: str) -> Decimal:
    """The base-currency revenue of those deals, each at the rate of its Shanghai close day."""
    total = Decimal(0)
    for deal in won_in(session_factory, name, first, end):
        if deal.currency == "CNY":
            total += deal.amount
            continue
        rate = rate_on(session_factory, deal.currency, deal.closed_at.astimezone(SHANGHAI).date())
        total += (deal.amount * rate).quantize(Decimal("0.01")) if rate is not None else 0
    return total


def money(value: Decimal, locale: str = "en") -> str:
    return fmt.money(value, "CNY", locale)


# dated rates ------------------------------------------------------------------------------------

def _october_and_november(team_chat):
    """USD 7.00 from 15 Oct; Ana wins $10K on 20 Oct and $20K on 10 Nov; then, on 23 Nov, the
    admin sets USD 7.10."""
    say(team_chat, at("2026-10-15"), "rate USD 7.00", "Mia")
    say(team_chat, at("2026-10-20"), "won +Acme $10k", "Ana")
    say(team_chat, at("2026-11-10"), "won +Globex $20k", "Ana")
    return say(team_chat, at("2026-11-23"), "rate USD 7.10", "Mia")


def test_a_new_rate_does_not_rewrite_closed_months(team_chat, session_factory):
    reply = _october_and_november(team_chat)
    assert "from today on" in reply and "(was 7)" in reply
    october = revenue_by_hand(session_factory, "Ana", "2026-10-01", "2026-11-01")
    november = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert (october, november) == (Decimal(70000), Decimal(140000))  # both at 7.00: closed before
    last = team_chat("progress last month", user="Ana")
    assert f"Revenue won    {money(october)}" in last and "at 1 USD = 7 CNY" in last
    assert f"Revenue won    {money(november)}" in team_chat("progress", user="Ana")
    board = team_chat.reply("leaderboard last month", user="Mia")
    assert board.table.rows[0][1:] == ("Ana", money(october))
    say(team_chat, at("2026-11-23"), "won +Initech $1k", "Ana")  # today: at today's 7.10
    november = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert november == Decimal(147100)
    progress = team_chat("progress", user="Ana")
    assert f"Revenue won    {money(november)}" in progress
    assert "USD amounts are in the totals at the rate of each deal's close day (1 USD = 7 / 7.1 CNY)." \
        in progress
    zh = team_chat("进度", user="Ana", lang="zh")
    assert money(november, "zh") in zh
    assert "USD 金额已按各商机成交当天的汇率计入合计（1 USD = 7 / 7.1 CNY）" in zh


def test_an_admin_re_dates_a_rate_in_either_language(team_chat, session_factory):
    _october_and_november(team_chat)
    reply = say(team_chat, at("2026-11-23"), "rate USD 7.05 from 2026-11-01", "Mia")
    assert reply.startswith("Exchange rate set: 1 USD = 7.05 CNY (was 7), from ")
    assert "(until today, when 7.1 takes over)" in reply
    november = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert november == Decimal(141000)  # $20K on 10 Nov at 7.05
    assert f"Revenue won    {money(november)}" in team_chat("progress", user="Ana")
    zh = say(team_chat, at("2026-11-23"), "汇率 美元 6.9 自 2026-10-01", "Mia", lang="zh")
    assert zh.startswith("已设置汇率：1 USD = 6.9 CNY，自10月1日周四起生效（至10月15日周四，届时改为 7）")
    assert revenue_by_hand(session_factory, "Ana", "2026-10-01", "2026-11-01") == Decimal(70000)
    listing = team_chat("rates", user="Ana", lang="en")
    assert "1 USD = 6.9 CNY from Thu, Oct 1" in listing and "1 USD = 7.05 CNY from Sun, Nov 1" in listing
    bad = team_chat.reply("rate USD 7.05 from 2026-13-01", user="Mia", lang="en")
    assert not bad.ok and "I couldn't read “2026-13-01” as a date" in bad.text
    for typo in ("rate USD 7.05 form 2026-11-01", "rate USD 7.05 fromm 2026-11-01", "rate USD 7.05 from",
                 "rate USD 7.05 from next month", "rate from 2026-11-01", "汇率 美元 7.05 自 明年"):
        assert not team_chat.reply(typo, user="Mia").ok, typo  # asks; stores nothing
    assert rate_on(session_factory, "USD", dt.date(2026, 11, 5)) == Decimal("7.05")


def test_rate_off_ends_it_from_today_and_leaves_later_deals_out(team_chat, session_factory):
    _october_and_november(team_chat)
    assert "ended from today on" in say(team_chat, at("2026-11-23"), "rate USD off", "Mia")
    say(team_chat, at("2026-11-23", 11), "won +Initech $1k", "Ana")
    november = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert november == Decimal(140000)  # the $1K of today has no rate; 10 Nov keeps 7.00
    progress = team_chat("progress", user="Ana")
    assert f"Revenue won    {money(november)}" in progress
    left_out = fmt.money(Decimal(1000), "USD", "en")
    assert f"Not in the totals (no exchange rate set): {left_out}." in progress
    assert ("Those deals closed on days without a USD rate; for them: “rate USD N from 2026-11-01”."
            in progress)
    zh = team_chat("进度", user="Ana", lang="zh")
    assert "这些商机成交当天没有 USD 汇率；如需折算：“汇率 USD N 自 2026-11-01”。" in zh
    say(team_chat, at("2026-11-23", 11), 'deal Hooli "CRM" proposal $5k', "Ana")
    pipeline = team_chat("pipeline team", user="Mia", lang="en")  # open deals: today's rate, none
    assert "Not in the totals (no exchange rate set)" in pipeline and "closed on days" not in pipeline


def test_a_close_day_is_the_teams_day_not_utcs(team_chat, session_factory):
    """Won at 01:00 on 1 November in Shanghai (still 31 October in UTC): November's rate."""
    say(team_chat, at("2026-10-01"), "rate USD 7.00", "Mia")
    say(team_chat, at("2026-10-01"), "rate USD 7.50 from 2026-11-01", "Mia")
    say(team_chat, at("2026-11-01", 1), "won +Acme $1k", "Ana")
    [deal] = won_in(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert deal.closed_at.astimezone(dt.timezone.utc).date() == dt.date(2026, 10, 31)
    november = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert november == Decimal(7500)
    team_chat.now = at("2026-11-23")
    assert f"Revenue won    {money(november)}" in team_chat("progress", user="Ana")
    card = team_chat.reply("scorecard month", user="Ana")
    assert dict((row[0], row[1]) for row in card.table.rows)["Revenue"] == money(november)
    reasons = team_chat.reply("reasons team month", user="Mia")
    assert reasons.table.rows[0][1] == f"1 · {money(november)}"


def test_the_deals_export_gives_each_closed_deal_the_rate_of_its_close_day(team_chat, session_factory):
    _october_and_november(team_chat)
    say(team_chat, at("2026-11-23"), 'deal Hooli "CRM" proposal $5k', "Ana")
    out = io.StringIO()
    export(SimpleNamespace(session_factory=session_factory, defaults=Defaults()), "deals", out, None)
    rows = {r["Account Name"]: r["Exchange Rate"] for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows == {"Acme": f"{rate_on(session_factory, 'USD', dt.date(2026, 10, 20)).normalize():f}",
                    "Globex": f"{rate_on(session_factory, 'USD', dt.date(2026, 11, 10)).normalize():f}",
                    "Hooli": "7.1"} == {"Acme": "7", "Globex": "7", "Hooli": "7.1"}


# the average deal ------------------------------------------------------------------------------

def test_the_average_deal_leaves_out_deals_it_cannot_convert_and_says_so(team_chat, session_factory):
    for text, user in (("won +Acme 60k", "Ana"), ("won +Globex $10k", "Ana"), ("won +Umbrella 30k", "Ana"),
                       ("won +Initech 20k", "Bo"), ("won +Hooli $5k", "Bo")):
        say(team_chat, at("2026-11-23"), text, user)
    deals = won_in(session_factory, "Ana", "2026-11-01", "2026-12-01")
    counted = [d.amount for d in deals if d.currency == "CNY"]
    average = sum(counted) / len(counted)  # ¥45K, not ¥90K over 3 deals
    card = team_chat.reply("scorecard month", user="Ana")
    rows = {row[0]: row[1:] for row in card.table.rows}
    assert rows["Average deal"][0] == money(average) == "¥45K"
    assert rows["Deals won"][0] == "3"
    assert "Average deal leaves out 1 deal won in USD: no exchange rate on their close day." in card.text
    bo = won_in(session_factory, "Bo", "2026-11-01", "2026-12-01")
    bo_counted = [d.amount for d in bo if d.currency == "CNY"]
    bo_card = team_chat.reply("scorecard @bo month", user="Mia")
    assert {row[0]: row[1] for row in bo_card.table.rows}["Average deal"] == money(
        sum(bo_counted) / len(bo_counted))
    assert "Average deal leaves out 1 deal won in USD" in bo_card.text  # his own, not Ana's too
    usd = sum(d.amount for d in won_in(session_factory, "Ana", "2026-11-01", "2026-12-01")
              if d.currency == "USD")  # her own amounts only: a rep never sees a teammate's deals (issue #23)
    assert f"Not in the totals (no exchange rate set): {fmt.money(usd, 'USD', 'en')}." in card.text
    zh = team_chat.reply("绩效 本月", user="Ana", lang="zh")
    assert "平均单值未计入 1 笔 USD 赢单：成交当天没有汇率。" in zh.text
    say(team_chat, at("2026-11-23"), "rate USD 7 from 2026-11-01", "Mia")
    converted = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01") / len(deals)
    card = team_chat.reply("scorecard month", user="Ana", lang="en")
    assert {row[0]: row[1] for row in card.table.rows}["Average deal"] == money(converted) == "¥53.3K"
    assert "Average deal leaves out" not in card.text


# targets summed from months -------------------------------------------------------------------

def _monthly_targets_only(team_chat):
    """Monthly revenue targets for October to December only: Ana 100K a month, Bo 400K; in the
    quarter Ana wins 270K and Bo 600K."""
    for when in ("2026-10-05", "2026-11-05", "2026-12-05"):
        team_chat.now = at(when)
        team_chat("target @Ana revenue 100k month", user="Mia")
        team_chat("target @Bo revenue 400k month", user="Mia")
    say(team_chat, at("2026-10-20"), "won +Acme 170k", "Ana")
    say(team_chat, at("2026-11-20"), "won +Globex 100k", "Ana")
    say(team_chat, at("2026-11-21"), "won +Umbrella 600k", "Bo")
    team_chat.now = at("2026-11-23")


def quarter_target(session_factory, name: str) -> Decimal:
    with session_factory() as s:
        rows = s.scalars(select(Target).where(Target.member_id == member_id(session_factory, name)))
        return sum(t.amount for t in rows if t.period_kind == "month"
                   and dt.date(2026, 10, 1) <= t.period_start < dt.date(2027, 1, 1))


def test_a_quarter_without_a_target_sums_its_months(team_chat, session_factory):
    _monthly_targets_only(team_chat)
    target = quarter_target(session_factory, "Ana")
    done = revenue_by_hand(session_factory, "Ana", "2026-10-01", "2027-01-01")
    assert (target, done) == (Decimal(300000), Decimal(270000))
    progress = team_chat("progress @ana quarter", user="Mia")
    assert f"{money(done)} of {money(target)}" in progress and "No target set" not in progress
    assert ("No target is set for Q4 2026 itself: it is the sum of the targets set for October 2026, "
            "November 2026, December 2026.") in progress
    zh = team_chat("进度 @Ana 季度", user="Mia", lang="zh")
    assert f"已完成 {money(done, 'zh')} / 目标 {money(target, 'zh')}" in zh
    assert "2026年第4季度本身未设目标：按 2026年10月、2026年11月、2026年12月 的目标之和计算。" in zh
    card = team_chat.reply("scorecard @ana quarter", user="Mia", lang="en")
    assert {row[0]: row[1] for row in card.table.rows}["Of target"] == fmt.percent(float(done / target))


def test_the_quarter_leaderboard_by_share_ranks_on_the_summed_targets(team_chat, session_factory):
    _monthly_targets_only(team_chat)
    share = {name: revenue_by_hand(session_factory, name, "2026-10-01", "2027-01-01")
             / quarter_target(session_factory, name) for name in ("Ana", "Bo")}
    assert share == {"Ana": Decimal("0.9"), "Bo": Decimal("0.5")}
    board = team_chat.reply("leaderboard % quarter", user="Mia")
    order = sorted(share, key=lambda name: -share[name])
    assert [(row[0], row[1]) for row in board.table.rows] == [("🥇", order[0]), ("🥈", order[1])]
    assert board.table.rows[0][2].startswith(fmt.percent(float(share["Ana"])))
    team_chat("target @Ana revenue 540k quarter", user="Mia")  # a quarter's own target wins
    board = team_chat.reply("leaderboard % quarter", user="Mia")
    assert [row[1] for row in board.table.rows] == ["Ana", "Bo"]
    assert board.table.rows[0][2].startswith(fmt.percent(270000 / 540000))


def test_a_year_sums_its_quarters_where_set_and_else_their_months(team_chat, session_factory):
    _monthly_targets_only(team_chat)
    team_chat.now = at("2026-08-01")
    team_chat("target @Ana revenue 250k quarter", user="Mia")  # Q3
    team_chat.now = at("2026-11-23")
    with session_factory() as s:
        rows = list(s.scalars(select(Target).where(Target.member_id == member_id(session_factory, "Ana"))))
    year = sum(t.amount for t in rows if t.period_kind == "quarter") + sum(
        t.amount for t in rows if t.period_kind == "month" and t.period_start >= dt.date(2026, 10, 1))
    assert year == Decimal(550000)
    assert f"of {money(year)}" in team_chat("progress @ana year", user="Mia")


# managers' reports ------------------------------------------------------------------------------

def test_a_managers_bare_reasons_and_scorecard_are_her_teams(team_chat):
    _monthly_targets_only(team_chat)
    reasons = team_chat.reply("reasons quarter", user="Mia")
    assert reasons.title == "Wins and losses by reason · Sales · Q4 2026"
    assert "Ana: won 2" in reasons.text and "Bo: won 1" in reasons.text
    card = team_chat.reply("scorecard quarter", user="Mia")
    assert card.title == "Scorecard · Sales · Q4 2026" and [r[0] for r in card.table.rows] == ["Bo", "Ana"]
    assert team_chat.reply("绩效 本季度", user="Mia", lang="zh").title == "绩效 · Sales · 2026年第4季度"
    assert team_chat.reply("reasons quarter", user="Ana").title.endswith("· Ana · Q4 2026")  # a rep: hers


def test_a_manager_without_a_target_is_neither_ranked_nor_in_the_medians(team_chat, session_factory):
    _monthly_targets_only(team_chat)
    say(team_chat, at("2026-11-22"), "won +Hooli 900k", "Mia")  # a manager's own deal
    team_chat.now = at("2026-11-23")
    reps = {name: revenue_by_hand(session_factory, name, "2026-10-01", "2027-01-01")
            for name in ("Ana", "Bo")}
    card = team_chat.reply("scorecard @ana quarter", user="Mia")
    rows = {row[0]: row[1:] for row in card.table.rows}
    assert rows["Revenue"][1] == money(statistics.median(reps.values()))  # not moved by Mia's 900K
    assert rows["Revenue"][2] == "2/2" and "among the 2 reps" in card.text
    mine = {row[0]: row[1:] for row in team_chat.reply("scorecard @mia quarter", user="Mia").table.rows}
    assert mine["Revenue"][0] == money(Decimal(900000)) and mine["Revenue"][2] == "–"  # shown, not ranked
    board = team_chat.reply("leaderboard quarter", user="Mia")
    assert [row[1] for row in board.table.rows] == ["Bo", "Ana"]
    team_chat("target @Mia revenue 1m quarter", user="Mia")  # a selling manager is ranked
    board = team_chat.reply("leaderboard quarter", user="Mia")
    assert [row[1] for row in board.table.rows] == ["Mia", "Bo", "Ana"]
    mine = {row[0]: row[1:] for row in team_chat.reply("scorecard @mia quarter", user="Mia").table.rows}
    assert mine["Revenue"][2] == "1/3"


# wins' reasons ----------------------------------------------------------------------------------

def test_wins_reasons_have_categories_of_their_own_in_both_languages(team_chat, session_factory):
    for text, user, lang in (("won +Acme 30k: beat them on delivery time", "Ana", "en"),
                             ("赢单 +华为 4.8万：交付周期短", "Ana", "zh"),
                             ("won +Globex 20k: better integration", "Bo", "en"),
                             ("won +Umbrella 10k: great after-sales support", "Bo", "en"),
                             ("won +Initech 5k", "Bo", "en")):
        say(team_chat, at("2026-11-23"), text, user, lang)
    with session_factory() as s:
        stored = dict(s.execute(select(Deal.reason, Deal.reason_category)).all())
    assert stored == {"beat them on delivery time": "delivery", "交付周期短": "delivery",
                      "better integration": "product_fit", "great after-sales support": "service", "": ""}
    by_hand: dict[str, list] = {}
    for deal in won_in(session_factory, "Ana", "2026-11-01", "2026-12-01") + won_in(
            session_factory, "Bo", "2026-11-01", "2026-12-01"):
        if deal.reason_category:
            by_hand.setdefault(deal.reason_category, []).append(deal.amount)
    reply = team_chat.reply("reasons team month", user="Mia")
    rows = {row[0]: row[1] for row in reply.table.rows}
    assert rows["delivery"] == f"2 · {money(sum(by_hand['delivery']))}" == "2 · ¥78K"
    assert rows["product fit"] == f"1 · {money(sum(by_hand['product_fit']))}"
    assert rows["service"] == "1 · ¥10K"
    assert rows["not given"] == f"1 · {money(Decimal(5000))}" and "other" not in rows  # no reason: not given
    zh = {row[0] for row in team_chat.reply("输赢分析 团队 本月", user="Mia", lang="zh").table.rows}
    assert {"交付", "产品匹配", "服务"} <= zh
    asked = team_chat.reply('deal Hooli "CRM" proposal 10k', user="Bo")
    assert asked.ok
    won = team_chat.reply("won +Hooli", user="Bo")
    assert [b.label for b in won.buttons] == ["price", "product fit", "delivery", "service", "relationship"]


def test_a_win_stored_as_other_before_win_categories_is_read_again(team_chat, session_factory):
    say(team_chat, at("2026-11-23"), "won +Acme 30k: beat them on delivery time", "Ana")
    with session_factory.begin() as s:  # as deals won before this release were stored
        s.execute(update(Deal).values(reason_category="other"))
    rows = {row[0]: row[1] for row in team_chat.reply("reasons team month", user="Mia").table.rows}
    assert rows == {"delivery": "1 · ¥30K"}


# recognition -----------------------------------------------------------------------------------

def watch(session_factory, when: dt.datetime) -> list[str]:
    """Fire the team's target watch at `when`; the texts it queued."""
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "watch"]
        before = set(s.scalars(select(Delivery.id)))
    fire(session_factory, spec, when)
    with session_factory() as s:
        return [from_payload(d.payload).text for d in s.scalars(select(Delivery).order_by(Delivery.id))
                if d.id not in before]


def test_a_new_rate_does_not_push_anyone_over_a_target_for_deals_closed_before(team_chat, session_factory):
    say(team_chat, at("2026-10-15"), "rate USD 7.00", "Mia")
    say(team_chat, at("2026-11-05"), "target @Ana revenue 150k month", "Mia")
    say(team_chat, at("2026-11-10"), "won +Globex $20k", "Ana")
    say(team_chat, at("2026-11-23"), "rate USD 7.60", "Mia")  # $20K would now be ¥152K
    done = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    assert done == Decimal(140000) < Decimal(150000)
    assert watch(session_factory, at("2026-11-23", 11)) == []
    say(team_chat, at("2026-11-23", 11), "won +Acme 10k", "Ana")
    done = revenue_by_hand(session_factory, "Ana", "2026-11-01", "2026-12-01")
    [text] = watch(session_factory, at("2026-11-23", 12))
    assert f"Ana reached the Revenue won target for November 2026: {money(done)}!" in text
