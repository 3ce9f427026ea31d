"""Case review (案例复盘): why deals are won and lost, by category, and lessons kept as tips.

A closing reason is kept as typed and read into one category (price, product fit, competitor,
timing, budget, relationship, other; the close buttons offer them) and, when it names one, the
competitor (`lost Acme: competitor Oracle` · `输单 华为：输给了 SAP`); a win's into the win
categories (price, product fit, delivery, service, relationship, other: `交付周期短` is delivery).
A manager's bare `reasons quarter` is her team's. `reasons quarter` · `输赢分析
本季度` shows wins and losses by reason, count and amount, by rep, with a chart; the weekly digest
gets a "lessons" section. `tip pricing: bundle the service contract` · `经验 报价：打包服务合同`
keeps a lesson; `tips pricing` · `经验 报价` finds them, in either language's words for the topic;
`like tip 3` · `赞 经验 3` (a 👍 button) marks one useful, and the most liked come first.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar.commands import AddTip, FindTips, LikeTip, ShowReasons
from handlers.lookup import example
from handlers.members import managers_team, scope_members
from handlers.rules.close_reasons import (
    CATEGORIES,
    CATEGORY_WORDS,
    WIN_CATEGORIES,
    categories_said,
    categorize,
    rival_unnamed,
    rivals_of,
    says_no_name,
    without_rival,
)
from handlers.rules.name_likeness import same_company
from handlers.rules.working_days import period_bounds
from handlers.text import format as fmt
from handlers.text.reply import Button, Chart, Reply, Table
from handlers.text.strings import CLOSE_REASONS, WIN_REASONS, WORDS, name_of
from storage import activity, tips
from storage.deals_found import competitor_names
from storage.models.sales import Customer, Deal
from storage.models.team import Tip, TipVote
from storage.rates import Converted, zones_of

#: a close whose category nobody gave (no reason, or "which decided it?" unanswered): its own row
UNSAID = "unsaid"
_ORDER = (*CATEGORIES[:-1], "delivery", "service", "other", UNSAID)  # rows of `reasons`, both kinds
SHOWN_UNSAID = 8  # deal numbers listed under the report
SHOWN_TIPS = 10
BEST_TIPS = 3  # in the weekly digest
MAX_BUTTONS = 5


def category_of(deal: Deal) -> str:
    """A closed deal's category in the case review (`said_category`)."""
    return said_category(deal.reason_category, deal.reason, won=deal.stage == "won")


def said_category(stored: str, reason: str, *, won: bool) -> str:
    """The category a close was given: as stored, or read again from its reason where it was stored
    before wins had categories of their own (a win's `other` or a loss category); `UNSAID` where
    nobody said: no reason, or a reason naming two categories whose "which decided it?" was never
    answered. Never a default or the first of two words: the report counts only what was said."""
    if stored and stored in (WIN_CATEGORIES if won else CATEGORIES) and not (won and stored == "other"):
        return stored
    if not (reason or "").strip() or len(categories_said(reason, won=won)) > 1:
        return UNSAID
    category = categorize(reason, won=won)[0]
    if won and category in ("", "other"):  # `customer just loved us`: a win's reason naming none
        return UNSAID
    return category or "other"


def note_reason(ctx: Ctx, deal: Deal, reason: str, won: bool) -> tuple[str, tuple[Button, ...]]:
    """Keep a closing reason on its deal, read into its category and competitor; where it names two
    categories and says neither decided (`better price and faster delivery`), the category is left
    to the rep: (the question, one tap per category), else ("", ())."""
    deal.reason = reason
    deal.reason_category, deal.competitor = read_reason(ctx, reason, won, deal.customer_id)
    if won and deal.reason_category == "other":  # a win's reason naming no category: none stored (not
        deal.reason_category = ""  # given), never "other" guessed for it
    if deal.competitor:  # said which name is kept as the competitor, or which words are not
        count = len(rivals_of(deal.competitor))  # `lost to Siemens and SAP`: both, said so
        shown = deal.competitor.replace(", ", "、") if ctx.locale == "zh" else deal.competitor
        key = "competitors_noted" if count > 1 else "competitor_noted"
        ctx.notes.append(ctx.t(key, name=shown, count=count))
    elif unnamed := rival_unnamed(reason, won):
        ctx.notes.append(ctx.t("competitor_unnamed", text=unnamed))
    said = categories_said(reason, won=won)
    if not said and not deal.reason_category and reason.strip():  # `客户满意`: no category said, none
        word = name_of(WORDS, "won" if won else "lost", ctx.locale)  # guessed: one tap files it
        names = [category_name(category, ctx.locale) for category in (WIN_CATEGORIES if won else CATEGORIES)
                 if category != "other"]
        return (ctx.t("reason_which_none", id=deal.id),
                tuple(Button(name, f"{word} #{deal.id}: {name}") for name in names))
    if len(said) < 2:
        return "", ()
    deal.reason_category = ""  # asked: counted as not given (`said_category`) until answered
    word = name_of(WORDS, "won" if won else "lost", ctx.locale)
    names = [category_name(category, ctx.locale) for category in said[:MAX_BUTTONS]]
    return (ctx.t("reason_which", id=deal.id, names=" · ".join(names)),
            tuple(Button(name, f"{word} #{deal.id}: {name}") for name in names))


def category_answer(ctx: Ctx, deal: Deal, reason: str, won: bool, again: bool = False) -> Reply | None:
    """`won #5: delivery` (a tap) for a deal whose reason named two categories: its category, the
    reason as typed kept; None where the deal was not asked about or `reason` names no category.
    `again`: a category already set is changed (`lost #53: timing` after `competitor` was picked)."""
    if not deal.reason or (deal.reason_category and not again):
        return None
    names = {category_name(category, locale): category for category in (WIN_CATEGORIES if won else CATEGORIES)
             for locale in ("en", "zh")}
    if (category := names.get(reason.strip().lower())) is None:
        return None
    said = categories_said(deal.reason, won=won) if deal.reason_category else ()
    if deal.reason_category and (category not in said or len(said) < 2):
        return None  # a category changed only among those its reason named (`competitor · timing`)
    was, deal.reason_category = deal.reason_category, category
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reason", "deal", deal.id, category=category)
    name = category_name(category, ctx.locale)
    if was and was != category:
        return Reply(lines=(ctx.t("reason_category_changed", id=deal.id, name=name,
                                  was=category_name(was, ctx.locale)),))
    return Reply(lines=(ctx.t("reason_category_noted", id=deal.id, name=name),))


def read_reason(ctx: Ctx, reason: str, won: bool, customer_id: int | None = None) -> tuple[str, str]:
    """(category, competitor) of a closing reason, the competitors already named known in any case
    (`lost to oracle` after `Oracle`). The deal's own customer, in any script (`beat BYD's in-house
    team` on a win at 比亚迪: r29en), is never its competitor: the words stay in the reason."""
    known = tuple(dict.fromkeys(name for stored in competitor_names(ctx.session, ctx.tenant.id)
                                for name in rivals_of(stored) if not says_no_name(name)))
    category, competitor = categorize(reason, won=won, known=known)
    customer = ctx.session.get(Customer, customer_id) if customer_id is not None and competitor else None
    if customer is not None:
        competitor = ", ".join(n for n in rivals_of(competitor) if not same_company(n, customer.name))
        category = category if competitor or category != "competitor" else ""
    return category, competitor


def competitor_added(ctx: Ctx, deal: Deal, said: str) -> Reply | None:
    """`lost #23: competitor was huawei cloud`, `输单 #23：竞争对手是华为云` for a deal lost with its
    reason already: words that only name whom it was lost to set its competitor, the reason and its
    category kept (one `undo` from what it was); None for any other words."""
    if deal.stage != "lost" or without_rival(said).strip(" ,.，。!！;；:："):
        return None
    name = read_reason(ctx, said, False)[1]
    if not name:
        return None
    was, deal.competitor = deal.competitor, name
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reason", "deal", deal.id, competitor=name)
    shown = (lambda names: names.replace(", ", "、") if ctx.locale == "zh" else names)
    key = "competitor_changed" if was else "competitor_set"
    return Reply(lines=(ctx.t(key, id=deal.id, title=deal.title, name=shown(name), was=shown(was)),))


def category_name(category: str, locale: str) -> str:
    names = (dict(zip(CATEGORIES[:-1], CLOSE_REASONS, strict=True))
             | dict(zip(WIN_CATEGORIES[:-1], WIN_REASONS, strict=True)) | {"other": ("other", "其他")}
             | {UNSAID: ("not given", "未填写")})
    return names.get(category, names["other"])[locale == "zh"]


def handle_reasons(ctx: Ctx, cmd: ShowReasons) -> Reply:
    """Wins and losses closed in the period by category (count and amount), by rep, and a chart."""
    label, members, team = scope_members(ctx, managers_team(ctx, cmd.scope), team_needs_manager=True)
    start, end = period_bounds(cmd.period, ctx.today)
    since, until = ctx.utc_range(start, end, ctx.zone)
    names = {m.id: m.display_name for m in members}
    deals = activity.closed_in(ctx.session, names, since, until)
    title = ctx.t("reasons_title", who=label, period=fmt.period_label(cmd.period.kind, start, ctx.locale))
    if not deals:
        return Reply(title=title, lines=(ctx.t("reasons_none"),))
    money = Converted(ctx.rates)  # each deal at the rate in force on its close day
    zones = zones_of(ctx.session, list(names), ctx.rates.zone) if ctx.rates.dated else {}
    by = defaultdict(lambda: {"won": [0, Decimal(0)], "lost": [0, Decimal(0)]})
    per_rep: dict[int, Counter] = defaultdict(Counter)
    rivals = Counter()
    unsaid = []
    for deal in deals:
        category = category_of(deal)
        if category == UNSAID:
            unsaid.append(deal.id)
        cell = by[category][deal.stage]
        cell[0] += 1
        cell[1] += money(deal.amount, deal.currency,
                         ctx.rates.at(deal.currency, deal.closed_at, zones.get(deal.owner_id)))
        per_rep[deal.owner_id][(deal.stage, category)] += 1
        rivals.update(rival for rival in rivals_of(deal.competitor)  # `Siemens, SAP`: each counted;
                      if not says_no_name(rival))  # not `another`, kept before it was read so
    order = sorted(by, key=lambda k: (-by[k]["lost"][0] - by[k]["won"][0], _ORDER.index(k)))
    amount = lambda value: fmt.money(value, ctx.tenant.currency, ctx.locale)
    rows = tuple((category_name(k, ctx.locale), f"{by[k]['won'][0]} · {amount(by[k]['won'][1])}",
                  f"{by[k]['lost'][0]} · {amount(by[k]['lost'][1])}") for k in order)
    lines = [ctx.t("reasons_rep", name=names[rep], won=sum(n for (s, _), n in c.items() if s == "won"),
                   lost=sum(n for (s, _), n in c.items() if s == "lost"), top=_top(ctx, c))
             for rep, c in sorted(per_rep.items(), key=lambda item: names[item[0]])]
    if unsaid:  # which closes wait for a reason or a pick, so that someone can ask for it
        ids = ", ".join(f"#{n}" for n in sorted(unsaid)[:SHOWN_UNSAID])
        lines.append(ctx.t("reasons_unsaid", ids=ids + ("…" if len(unsaid) > SHOWN_UNSAID else "")))
    if rivals:
        lines.append(ctx.t("reasons_rivals", names=", ".join(f"{n} ({k})" for n, k in rivals.most_common(5))))
    chart = Chart(title=title, labels=tuple(category_name(k, ctx.locale) for k in order),
                  values=tuple(float(by[k]["lost"][0]) for k in order),
                  targets=tuple(float(by[k]["won"][0]) for k in order),
                  value_label=ctx.t("reasons_lost"), target_label=ctx.t("reasons_won"))
    headers = (ctx.t("reasons_reason"), ctx.t("reasons_won"), ctx.t("reasons_lost"))
    from handlers.team.reports import currency_notes

    return Reply(title=title, table=Table(headers, rows), lines=tuple(lines), chart=chart,
                 notes=currency_notes(ctx, money), for_channel=team is not None)


def _top(ctx: Ctx, counts: Counter) -> str:
    lost = Counter({category: n for (stage, category), n in counts.items()
                    if stage == "lost" and category != UNSAID})  # "most lost to" what was said
    return category_name(lost.most_common(1)[0][0], ctx.locale) if lost else "–"


def handle_add_tip(ctx: Ctx, cmd: AddTip) -> Reply:
    tip = Tip(tenant_id=ctx.tenant.id, author_id=ctx.member.id, topic=cmd.topic[:100], text=cmd.text,
              created_at=ctx.now)
    ctx.session.add(tip)
    ctx.session.flush()
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "tip.add", "tip", tip.id, at=ctx.now, topic=cmd.topic)
    return Reply(lines=(ctx.t("tip_added", id=tip.id, topic=tip.topic),))


def handle_find_tips(ctx: Ctx, cmd: FindTips) -> Reply:
    """Tips whose topic or text holds the words, or whose topic is the same category's in the
    other language (`tips pricing` finds `经验 报价：…`): the most liked first, then the newest,
    with a 👍 button for each one someone else kept."""
    words = {cmd.query.lower(), *_synonyms(cmd.query)} if cmd.query else set()
    rows = tips.find(ctx.session, ctx.tenant.id, words, SHOWN_TIPS)
    title = ctx.t("tips_title", query=cmd.query) if cmd.query else ctx.t("tips_all")
    if not rows:
        return Reply(title=title, lines=(ctx.t("tips_none", example=example(ctx, "tip")),))
    like = f"{name_of(WORDS, 'like', ctx.locale)} {name_of(WORDS, 'tip', ctx.locale)}"
    buttons = tuple(Button(f"👍 #{tip.id}", f"{like} {tip.id}") for tip, _name, _n in rows
                    if tip.author_id != ctx.member.id)[:MAX_BUTTONS]
    return Reply(title=title, lines=tuple(tip_line(tip.id, tip.topic, tip.text, name, votes)
                                          for tip, name, votes in rows), buttons=buttons)


def handle_like_tip(ctx: Ctx, cmd: LikeTip) -> Reply:
    tip = ctx.session.get(Tip, cmd.tip_id)
    if tip is None or tip.tenant_id != ctx.tenant.id:
        raise ctx.refuse("tip_unknown", id=cmd.tip_id, hint=example(ctx, "tip", 1))
    if tip.author_id == ctx.member.id:
        raise ctx.refuse("tip_own", id=tip.id)
    if ctx.session.get(TipVote, (tip.id, ctx.member.id)) is None:
        ctx.session.add(TipVote(tip_id=tip.id, member_id=ctx.member.id, tenant_id=ctx.tenant.id,
                                created_at=ctx.now))
        ctx.session.flush()  # two presses at once: the second fails here and is answered again
        key = "tip_liked"
    else:
        key = "tip_liked_before"
    votes = tips.vote_count(ctx.session, tip.id)
    return Reply(lines=(ctx.t(key, id=tip.id, votes=votes),))


def tip_line(tip_id: int, topic: str, text: str, author: str, votes: int) -> str:
    return f"#{tip_id} [{topic}] {text} — {author}" + (f" · 👍 {votes}" if votes else "")


def lesson_lines(ctx: Ctx, member_ids: list[int], since: dt.datetime, until: dt.datetime) -> list[str]:
    """The weekly digest's lessons: the week's losses by reason, and the team's best tips of the
    week (kept or liked this week; the most liked first)."""
    lost = activity.lost_reasons(ctx.session, member_ids, since, until)
    best = tips.best(ctx.session, member_ids, since, until, BEST_TIPS)
    if not lost and not best:
        return []
    lines = [ctx.t("digest_lessons")]
    if lost:
        counts = Counter(said_category(category, reason, won=False) for category, reason in lost)
        lines.append("  " + ctx.t("digest_lost_by", reasons=", ".join(
            f"{category_name(k, ctx.locale)} {n}" for k, n in counts.most_common())))
    lines += [f"  💡 {tip_line(*tip)}" for tip in best]
    return lines


def _synonyms(query: str) -> set[str]:
    """The words of the category a query's word belongs to, in both languages."""
    text = query.lower()
    return {word for words in CATEGORY_WORDS.values() if any(w in text for w in words) for word in words
            if len(word) > 1}
