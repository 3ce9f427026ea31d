"""Contests (销售竞赛): a manager starts one for their team on a metric over some days
(`contest visits 12/1-12/15` · `竞赛 拜访 12月1日-12月15日`), which the team's channels hear at once;
anyone in the team sees the live standings (`contest` · `竞赛`, a Standings button), the team's
channels get them each day it runs, and the winner is announced the day after it ends.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from handlers.context import Ctx, Refusal
from handlers.events import ContestChanged, ContestStarted
from handlers.grammar.commands import EditContest, ShowContest, StartContest
from handlers.lookup import example
from handlers.members import managed_team, manages
from handlers.text import format as fmt
from handlers.text import when_read
from handlers.text.reply import Button, Reply, Table
from handlers.text.strings import METRIC_NAMES, WORDS, majority_locale, name_of, t
from storage import contests as contest_store
from storage.models.team import Contest, Team
from storage.rates import RateRepository
from storage.reports import metric_table

MEDALS = {0: "🥇", 1: "🥈", 2: "🥉"}
LONGEST = 92  # days a contest may run


def handle_start(ctx: Ctx, cmd: StartContest) -> Reply:
    try:
        team = managed_team(ctx, cmd.team)
    except Refusal as refused:  # `… dec 7 - dec 23 biggest number wins a dinner`: words after the
        if not cmd.team or refused.reply.buttons or cmd.team not in ctx.text \
                or ctx.people.team_by_name(ctx.tenant.id, cmd.team) is not None:  # days naming no team
            raise
        said = " ".join(ctx.text.replace(cmd.team, " ", 1).split()).rstrip(" ,，;；:：-–—")
        raise ctx.refuse("contest_words_unread", words=cmd.team, said=said, hint=ctx.t("answer_hint_one"),
                         buttons=(Button(said[:75], said, action=replace(cmd, team=None)),)) from None
    if cmd.last < cmd.first or (cmd.last - cmd.first).days >= LONGEST:
        raise ctx.refuse("contest_days", hint=example(ctx, "contest"))
    if cmd.last < ctx.today:
        raise ctx.refuse("contest_past", hint=example(ctx, "contest"))
    clash = contest_store.overlapping(ctx.session, team.id, cmd.metric, cmd.first, cmd.last)
    if clash is not None:  # the same race twice (a message sent again, or a day mistyped)
        first, last = cmd.first, cmd.last
        days = (f"{first.month}月{first.day}日-{last.month}月{last.day}日" if ctx.locale == "zh"
                else f"{first.month}/{first.day}-{last.month}/{last.day}")
        moved = f"{name_of(WORDS, 'contest', ctx.locale)} #{clash.id} {days}"  # its days changed instead
        raise ctx.refuse("contest_clash", team=team.name, what=contest_said(ctx.locale, clash),
                         hint=ctx.t("contest_clash_hint", command=moved), buttons=(Button(moved, moved),))
    contest = Contest(tenant_id=ctx.tenant.id, team_id=team.id, metric=cmd.metric, starts_on=cmd.first,
                      ends_on=cmd.last, creator_id=ctx.member.id, created_at=ctx.now)
    ctx.session.add(contest)
    ctx.session.flush()
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "contest.start", "contest", contest.id,
                     metric=cmd.metric, first=cmd.first, last=cmd.last, team=team.name)
    _tell_team(ctx, team, contest)
    return Reply(lines=(ctx.t("contest_started", team=team.name, what=contest_said(ctx.locale, contest)),),
                 buttons=(_standings_button(ctx.locale),))


def handle_edit(ctx: Ctx, cmd: EditContest) -> Reply:
    """New days for a contest of a team the asker manages; the team's channels hear of it."""
    contest = ctx.session.get(Contest, cmd.contest_id)
    if contest is None or contest.tenant_id != ctx.tenant.id:
        raise ctx.refuse("record_not_found", noun=ctx.t("noun_contest"), ref=f"#{cmd.contest_id}")
    team = ctx.session.get(Team, contest.team_id)
    managed_team(ctx, team.name)  # refuses a team the asker does not manage
    cmd = replace(cmd, first=cmd.first or contest.starts_on, last=cmd.last or contest.ends_on)  # one end
    if (cmd.first, cmd.last) == (contest.starts_on, contest.ends_on):  # said: the other kept
        return Reply(lines=(ctx.t("contest_same", what=contest_said(ctx.locale, contest)),))
    if cmd.last < cmd.first or (cmd.last - cmd.first).days >= LONGEST:
        raise ctx.refuse("contest_days", hint=example(ctx, "contest"))
    if cmd.last < ctx.today or contest.announced_at is not None:
        raise ctx.refuse("contest_past", hint=example(ctx, "contest"))
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "contest.edit", "contest", contest.id, at=ctx.now,
                     first=contest.starts_on, last=contest.ends_on)
    contest.starts_on, contest.ends_on = cmd.first, cmd.last
    locale = majority_locale(ctx.people.roster(team.id))
    post = Reply(title=t(locale, "contest_changed", team=team.name), lines=(contest_said(locale, contest),),
                 buttons=(_standings_button(locale),), for_channel=True, locale=locale)
    ctx.emit(ContestChanged(contest.id, team.id, post, ctx.now))
    return Reply(lines=(ctx.t("contest_changed", team=team.name), contest_said(ctx.locale, contest)))


def _tell_team(ctx: Ctx, team: Team, contest: Contest) -> None:
    """The team's channels hear of it at once (in the team's language), with a Standings button."""
    locale = majority_locale(ctx.people.roster(team.id))
    post = Reply(title=t(locale, "contest_open_title", team=team.name),
                 lines=(t(locale, "contest_open", what=contest_said(locale, contest)),),
                 buttons=(_standings_button(locale),), for_channel=True, locale=locale)
    ctx.emit(ContestStarted(contest.id, team.id, post))


def _standings_button(locale: str) -> Button:
    return Button(t(locale, "contest_standings_button"), name_of(WORDS, "contest", locale))


def handle_show(ctx: Ctx, cmd: ShowContest) -> Reply:
    """The standings of my team's contest running now (else the latest), of a metric if named;
    the others running are named, each a tap away."""
    ids = [team.id for team in ctx.teams]
    if cmd.contest_id is not None:  # `contest #1`: that one, of my teams
        contest = ctx.session.get(Contest, cmd.contest_id)
        if contest is None or contest.tenant_id != ctx.tenant.id or contest.team_id not in ids \
                and not (ctx.is_manager and manages(ctx, ctx.session.get(Team, contest.team_id))):
            raise ctx.refuse("record_not_found", noun=ctx.t("noun_contest"), ref=f"#{cmd.contest_id}")
        return standings(ctx.session, ctx.tenant, contest, ctx.locale, ctx.today)
    found = contest_store.of_teams(ctx.session, ids, ctx.today, cmd.metric)
    running = [c for c in found if c.starts_on <= ctx.today <= c.ends_on]
    chosen = running[0] if running else (found[0] if found else None)
    if chosen is None:
        return Reply(lines=(ctx.t("contest_none", example=example(ctx, "contest")),))
    reply = standings(ctx.session, ctx.tenant, chosen, ctx.locale, ctx.today)
    others = [c for c in running if c.id != chosen.id]
    if not others:
        return reply
    also = ctx.t("contest_also", what=", ".join(contest_said(ctx.locale, c) for c in others))
    return replace(reply, lines=(*reply.lines, also), buttons=tuple(_other_button(ctx, c) for c in others))


def _other_button(ctx: Ctx, contest: Contest) -> Button:
    metric = name_of(METRIC_NAMES, contest.metric, ctx.locale)
    typed = f"{name_of(WORDS, 'contest', ctx.locale)} {metric}"
    return Button(metric, typed, action=ShowContest(contest.metric))


def standings(session, tenant, contest: Contest, locale: str, today: dt.date, final: bool = False, *,
              queued: bool = False) -> Reply:
    """The contest's standings as of `today` (`queued`: the days to go counted when it is read)."""
    team = session.get(Team, contest.team_id)
    from storage.people import PeopleRepository

    members = [m for m in PeopleRepository(session).roster(team.id) if m.role == "rep"] or \
        PeopleRepository(session).roster(team.id)
    zone = ZoneInfo(team.timezone)
    since = dt.datetime.combine(contest.starts_on, dt.time(), zone)
    until = dt.datetime.combine(contest.ends_on + dt.timedelta(days=1), dt.time(), zone)
    table = metric_table(session, [m.id for m in members], since, until,
                         RateRepository(session).of(tenant, today, team.timezone),
                         (contest.metric,))
    ranked = sorted(members, key=lambda m: (-table[m.id][contest.metric], m.display_name))
    value = lambda m: fmt.metric_value(contest.metric, table[m.id][contest.metric], tenant.currency, locale)
    rows = tuple((MEDALS.get(i, str(i + 1)), m.display_name, value(m)) for i, m in enumerate(ranked))
    what = contest_said(locale, contest)
    if final:
        leader = ranked[0] if ranked and table[ranked[0].id][contest.metric] else None
        lines = (t(locale, "contest_winner", name=leader.display_name, value=value(leader)) if leader
                 else t(locale, "contest_no_winner"),)
        title = t(locale, "contest_final_title", team=team.name, what=what)
    else:
        lines = (when_read.day_mark(contest.ends_on, team.timezone, "togo") if queued
                 else when_read.say(contest.ends_on, today, locale, "togo"),)
        title = t(locale, "contest_title", team=team.name, what=what)
    headers = (t(locale, "col_rank"), t(locale, "col_name"), name_of(METRIC_NAMES, contest.metric, locale))
    return Reply(title=title, lines=lines, table=Table(headers, rows), for_channel=True, locale=locale)


def running_or_just_ended(session, team_id: int, today: dt.date) -> tuple[list[Contest], list[Contest]]:
    """(contests running today, contests that ended yesterday or before and were not announced)."""
    rows = contest_store.started(session, team_id, today)
    return ([c for c in rows if c.ends_on >= today],
            [c for c in rows if c.ends_on < today and c.announced_at is None])


def contest_said(locale: str, contest: Contest) -> str:
    metric = name_of(METRIC_NAMES, contest.metric, locale)
    first = fmt.day(contest.starts_on, contest.starts_on, locale, relative=False)
    last = fmt.day(contest.ends_on, contest.ends_on, locale, relative=False)
    days = (contest.ends_on - contest.starts_on).days + 1
    if days == 1:  # `contest revenue 1/4`: one day said, one day run, and said so
        return f"{metric} · {first} ({t(locale, 'contest_one_day')})"
    short = f" ({t(locale, 'contest_few_days', days=days)})" if days < 7 else ""
    return f"{metric} · {first} – {last}{short}"
