"""A team's commands: progress, pipeline, stalled deals, leaderboard, targets, case review, contests,
scorecards, tier rhythms, schedules and standup answers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from handlers.grammar.commands.base import Command, Period, Scope


@dataclass(frozen=True)
class ShowProgress(Command):
    scope: Scope = Scope()
    period: Period = Period()
    #: those behind pace named, each with how far (`whos behind pace`, `这个月谁落后了`)
    behind_named: bool = False


@dataclass(frozen=True)
class SetTarget(Command):
    scope: Scope
    metric: str
    amount: Decimal
    currency: str | None = None
    period: Period = Period()
    split: bool = False
    split_all: bool = False  # `split all`: over every rep, replacing targets set for one by hand
    split_even: bool = False  # `split evenly`: the same share each, whatever a rep's weight


@dataclass(frozen=True)
class ShowPipeline(Command):
    scope: Scope = Scope()


@dataclass(frozen=True)
class ShowStalled(Command):
    scope: Scope = Scope()


@dataclass(frozen=True)
class ShowDigest(Command):
    """`digest` · `周报`: the manager's weekly digest, now, so far this week; `日报` · `digest daily`:
    the daily one, so far today."""

    weekly: bool = True


@dataclass(frozen=True)
class ShowLeaderboard(Command):
    metric: str = "revenue"
    period: Period = Period()
    team: str | None = None
    share: bool = False  # ranked by the share of each one's target (`leaderboard % month`)
    #: those with none of the metric named first (`who hasn't logged any visits this week?`)
    none_named: bool = False


@dataclass(frozen=True)
class ShowReasons(Command):
    """`reasons quarter` · `输赢分析 本季度`: wins and losses by reason."""

    scope: Scope = Scope()
    period: Period = Period()


@dataclass(frozen=True)
class StartContest(Command):
    """`contest visits 12/1-12/15 [team]` · `竞赛 拜访 12月1日-12月15日`."""

    metric: str
    first: dt.date
    last: dt.date
    team: str | None = None


@dataclass(frozen=True)
class ShowContest(Command):
    """`contest` · `竞赛`: the standings; `contest revenue` · `竞赛 业绩`: of that metric's;
    `contest #1` · `竞赛 #1`: of that contest's."""

    metric: str | None = None
    contest_id: int | None = None


@dataclass(frozen=True)
class ShowScorecard(Command):
    """`scorecard [@name|team] [period]` · `绩效 [@名字|团队] [本季度]`."""

    scope: Scope = Scope()
    period: Period = Period()


@dataclass(frozen=True)
class EditContest(Command):
    """`contest #2 12/1-12/20` · `竞赛 #2 12月1日-12月20日`: its days changed; one end alone
    (`contest #2 end 12/23`, `比赛2 结束改成12月23日`): the other, None, kept as it is."""

    contest_id: int
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True)
class ListTargets(Command):
    """`targets` · `目标`: what is set for me this week, month, quarter and year (a manager: the
    team's and each member's); with a period (`targets next month`, `下个月团队目标多少`), that
    period's alone."""

    scope: Scope = Scope()
    period: Period | None = None


@dataclass(frozen=True)
class SetTierRhythm(Command):
    """`tier A every 7 days` · `A类 每7天回访`: a team's customers of a tier are due a visit so often."""

    tier: str
    days: int
    team: str | None = None


@dataclass(frozen=True)
class ShowSchedule(Command):
    team: str | None = None


@dataclass(frozen=True)
class ConfigureSchedule(Command):
    """`schedule standup 09:30 mon-fri`, `schedule reminders off`, `schedule standup questions A | B`."""

    kind: str
    team: str | None = None
    time: dt.time | None = None
    days: str | None = None
    on: bool | None = None
    questions: tuple[str, ...] | None = None


@dataclass(frozen=True)
class AnswerStandup(Command):
    """`standup y: … t: … b: …`, or a reply to the standup prompt (`read_as_command`: its words
    also read as a visit or a task, which is not stored: the reply says so)."""

    text: str
    read_as_command: bool = False
