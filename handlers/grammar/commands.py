"""Commands: what a message asks for, as frozen dataclasses. Platform-neutral and storage-free."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from handlers.grammar.amounts import Money


class Command:
    """What a message asks the core to do; `handlers.grammar.intents` declares who runs each kind."""

    __slots__ = ()


@dataclass(frozen=True)
class Scope:
    """Whose numbers: `me`, a `team` (by name, or the asker's own), or a `member` by name."""

    kind: str = "me"
    name: str | None = None


@dataclass(frozen=True)
class Period:
    """A period kind and an offset from the current one (-1 last, 0 this, 1 next)."""

    kind: str = "month"
    offset: int = 0


@dataclass(frozen=True)
class DealRef:
    """How a message names a deal: `#12`, or customer words and an optional title."""

    deal_id: int | None = None
    words: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True)
class LogVisit(Command):
    customer: str
    notes: str = ""
    next_step: str = ""
    outcome: str = ""
    follow_up: dt.date | None = None
    #: No separator between customer and notes (`visit Acme Corp met the CTO`): the handler takes
    #: a known customer's name from the front, or asks.
    unsplit: bool = False
    #: The name was marked off by a comma only (`visit stark industries met Tony, …`): a new
    #: name of three words or more is asked about.
    comma: bool = False
    #: The day of the visit when it was not today (`visit Globex yesterday: …`, `拜访 华为 昨天：…`)
    day: dt.date | None = None


@dataclass(frozen=True)
class UpsertDeal(Command):
    ref: DealRef  # with an id, its title is the deal's new title (`deal #46 "ERP rollout"`)
    stage: str | None = None
    amount: Money | None = None
    close: dt.date | None = None
    customer: str | None = None  # `deal #46 customer Globex`: the deal moves to that customer
    #: the amount's currency becomes the deal's (said in words, `60k CNY`, or chosen from a question)
    switch_currency: bool = False
    #: a new deal though one of a similar title is open (chosen from the question that asked)
    new: bool = False


@dataclass(frozen=True)
class CloseDeal(Command):
    ref: DealRef
    won: bool
    amount: Money | None = None
    reason: str = ""
    switch_currency: bool = False  # as UpsertDeal's


@dataclass(frozen=True)
class ShowProgress(Command):
    scope: Scope = Scope()
    period: Period = Period()


@dataclass(frozen=True)
class SetTarget(Command):
    scope: Scope
    metric: str
    amount: Decimal
    currency: str | None = None
    period: Period = Period()
    split: bool = False
    split_all: bool = False  # `split all`: over every rep, replacing targets set for one by hand


@dataclass(frozen=True)
class ShowPipeline(Command):
    scope: Scope = Scope()


@dataclass(frozen=True)
class ShowStalled(Command):
    scope: Scope = Scope()


@dataclass(frozen=True)
class ShowLeaderboard(Command):
    metric: str = "revenue"
    period: Period = Period()
    team: str | None = None
    share: bool = False  # ranked by the share of each one's target (`leaderboard % month`)


@dataclass(frozen=True)
class ListFollowups(Command):
    pass


@dataclass(frozen=True)
class DoneFollowups(Command):
    visit_ids: tuple[int, ...]


@dataclass(frozen=True)
class SnoozeFollowup(Command):
    """`snooze 46 next week` · `推迟 46 下周`: the follow-up of visit #46 moves to that day; `snooze
    46 2 days` · `推迟 46 两天`: it moves that much later than it was due (`shift_days`, no `day`)."""

    visit_id: int
    day: dt.date | None
    shift_days: int = 0


@dataclass(frozen=True)
class AddTask(Command):
    """`task @ana send the quote to Acme by Fri` · `任务 @张三 周五前给华为发报价`; for oneself
    without `@`; about a deal (`task deal #46 …`) or a customer (`task customer Acme: …`)."""

    title: str
    assignee: str | None = None
    due: dt.date | None = None
    deal_id: int | None = None
    customer: str | None = None


@dataclass(frozen=True)
class ListTasks(Command):
    """`tasks` · `任务`: my to-do list (tasks and follow-ups); a manager's: the team's tasks;
    `tasks @ana`: Ana's open tasks (hers, or a manager's for a member of their team)."""

    member: str | None = None


@dataclass(frozen=True)
class DoneTask(Command):
    task_ids: tuple[int, ...]


@dataclass(frozen=True)
class SetTierRhythm(Command):
    """`tier A every 7 days` · `A类 每7天回访`: a team's customers of a tier are due a visit so often."""

    tier: str
    days: int
    team: str | None = None


@dataclass(frozen=True)
class ShowDueVisits(Command):
    """`due visits` · `待回访`: my customers due a visit by their tier; `… team`: my team's."""

    team: bool = False


@dataclass(frozen=True)
class ShowReasons(Command):
    """`reasons quarter` · `输赢分析 本季度`: wins and losses by reason."""

    scope: Scope = Scope()
    period: Period = Period()


@dataclass(frozen=True)
class AddTip(Command):
    """`tip pricing: bundle the service contract` · `经验 报价：打包服务合同`."""

    topic: str
    text: str


@dataclass(frozen=True)
class FindTips(Command):
    """`tips pricing` · `经验 报价`: lessons kept about a topic (all of them without one)."""

    query: str = ""


@dataclass(frozen=True)
class LikeTip(Command):
    """`like tip 3` · `赞 经验 3`: I found this tip useful (the best come first)."""

    tip_id: int


@dataclass(frozen=True)
class StartContest(Command):
    """`contest visits 12/1-12/15 [team]` · `竞赛 拜访 12月1日-12月15日`."""

    metric: str
    first: dt.date
    last: dt.date
    team: str | None = None


@dataclass(frozen=True)
class ShowContest(Command):
    """`contest` · `竞赛`: the standings; `contest revenue` · `竞赛 业绩`: of that metric's."""

    metric: str | None = None


@dataclass(frozen=True)
class ShowScorecard(Command):
    """`scorecard [@name|team] [period]` · `绩效 [@名字|团队] [本季度]`."""

    scope: Scope = Scope()
    period: Period = Period()


@dataclass(frozen=True)
class SetCustomer(Command):
    name: str
    tier: str | None = None
    lifecycle: str | None = None


@dataclass(frozen=True)
class FixCustomer(Command):
    """`customer "Acme Crop" merge into "Acme Corp"` · `customer Acme Crop rename Acme Corp` ·
    `customer Acme Corp owner @bo` (and 合并到 / 改名 / 负责人)."""

    name: str
    action: str  # merge | rename | owner
    value: str


@dataclass(frozen=True)
class Reassign(Command):
    """`reassign @bo to @ana` · `转交 @李四 给 @张三`: a leaver's customers and open deals."""

    source: str
    target: str


@dataclass(frozen=True)
class ListVisits(Command):
    """`visits Acme Corp` · `拜访记录 华为`: the latest visits (of one customer)."""

    customer: str | None = None


@dataclass(frozen=True)
class ListCustomers(Command):
    tier: str | None = None


@dataclass(frozen=True)
class ListTeams(Command):
    pass


@dataclass(frozen=True)
class CreateTeam(Command):
    name: str
    channel: str = ""


@dataclass(frozen=True)
class ChangeTeam(Command):
    name: str
    members: tuple[str, ...]
    add: bool = True


@dataclass(frozen=True)
class ConfigureTeam(Command):
    """`team set East stall 21`: one setting (`stall`, `timezone`, `calendar`, or a word of a
    platform's place for team posts, `channel`, as typed) of one team."""

    name: str
    setting: str
    value: str


@dataclass(frozen=True)
class SetRole(Command):
    member: str
    role: str


@dataclass(frozen=True)
class TakeLeave(Command):
    """`leave 12/24-12/31` · `leave @bo 12/24-12/31` (a manager, for their rep) · `leave` lists
    what is coming · `leave cancel 12/24` takes back the leave that day is in."""

    first_day: dt.date | None = None
    last_day: dt.date | None = None
    member: str | None = None
    cancel: bool = False


@dataclass(frozen=True)
class ChangeVisit(Command):
    """`visit #12 delete` · `visit #12 notes …` · `拜访 #12 删除` · `拜访 #12 纪要 …`."""

    visit_id: int
    delete: bool = False
    notes: str | None = None
    customer: str | None = None  # `visit #12 customer Acme Corp`
    follow_up: dt.date | None = None  # `visit #12 follow up fri`
    day: dt.date | None = None  # `visit #12 day yesterday` · `拜访 #12 日期 昨天`
    add_notes: str | None = None  # `visit #12 add notes: also met the CTO` · `拜访 #12 补充 …`


@dataclass(frozen=True)
class ChangeDeal(Command):
    """`deal #46 delete` · `deal #46 reopen` · `商机 #46 删除` · `商机 #46 重开`."""

    deal_id: int
    action: str  # delete | reopen


@dataclass(frozen=True)
class Delete(Command):
    """`deal #46 delete` · `task #6 delete` · `contest #2 cancel` · `customer Acme delete` (and
    删除 / 取消): asks first; `… delete confirm` (the question's button) moves it to the bin."""

    kind: str  # deal | visit | task | tip | contest | customer
    ref: str  # its number, or a customer's name
    confirmed: bool = False


@dataclass(frozen=True)
class EditContest(Command):
    """`contest #2 12/1-12/20` · `竞赛 #2 12月1日-12月20日`: its days changed."""

    contest_id: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class Restore(Command):
    """`restore deal #46` · `恢复 商机 #46` · `restore customer Acme`: back from the bin."""

    kind: str
    ref: str


@dataclass(frozen=True)
class ShowTrash(Command):
    """`trash` · `回收站`: what was deleted and can still be restored."""


@dataclass(frozen=True)
class ListTargets(Command):
    """`targets` · `目标`: what is set for me this week, month, quarter and year (a manager: the
    team's and each member's)."""

    scope: Scope = Scope()


@dataclass(frozen=True)
class Undo(Command):
    """`undo` · `撤销`: reverse my last change (within a day)."""


@dataclass(frozen=True)
class ListDeals(Command):
    """`deals` · `我的商机`: open deals (a manager's bare one: the team's) · `deals team` · `deals @ana`."""

    scope: Scope = Scope()


@dataclass(frozen=True)
class ShowDealHistory(Command):
    """`deal #46 history` · `商机 #46 历史`: every stage and amount change, who and when."""

    deal_id: int


@dataclass(frozen=True)
class CorrectCalendar(Command):
    """`calendar 2027-02-06 workday` · `calendar 2027-02-15..2027-02-21 holiday` · `… reset`;
    `calendar 2027 official` (the year's official schedule is entered); `calendar` alone lists
    the corrections and what the calendar lacks."""

    first_day: dt.date | None = None
    last_day: dt.date | None = None
    working: bool | None = None  # None with days: back to the published calendar
    code: str | None = None  # the calendar (CN, US …); by default the asker's team's
    official_year: int | None = None  # `calendar 2027 official`: that year is entered in full


@dataclass(frozen=True)
class Stages(Command):
    """`stages` · `阶段`: the pipeline; with stages (admins) the workspace's own, each (English name,
    Chinese name, probability or None, open|won|lost); `reset`: back to the default seven."""

    items: tuple[tuple[str, str, int | None, str], ...] | None = None
    reset: bool = False


@dataclass(frozen=True)
class Crm(Command):
    """`crm` · `CRM`: the CRM connection's status; `crm map @ana ana@corp.com` (admins): the CRM
    user (by email or mobile) a member is."""

    member: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class SetRate(Command):
    """`rate USD 7.10` · `汇率 美元 7.10`: one USD is worth 7.10 of the base currency from today
    (admins); `… from 2026-11-01` · `… 自 2026-11-01` from that day; `rates` alone lists them."""

    currency: str | None = None
    rate: Decimal | None = None  # None with a currency: no rate from the day on (`rate USD off`)
    from_day: dt.date | None = None  # None: today


@dataclass(frozen=True)
class Link(Command):
    """`link` (get a code) or `link 12345678` (use it on the other platform); `link 12345678 yes`
    confirms connecting the workspace it is typed in."""

    code: str | None = None
    confirm: bool = False


@dataclass(frozen=True)
class SetLanguage(Command):
    locale: str


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
    """`standup y: … t: … b: …`, or a reply to the standup prompt."""

    text: str


@dataclass(frozen=True)
class Help(Command):
    topic: str | None = None


@dataclass(frozen=True)
class Several:
    """The commands of one message of several lines, run in order as one (an answer to a question
    asked about one of them): each part a line's text, or the command an answer made of it,
    encoded (`command_json`). No `Command`: dispatch runs its parts, it has no handler."""

    parts: tuple[str, ...]


@dataclass(frozen=True)
class ParseError:
    """Text that is no command: `topic` is the intent it looked like (None: no keyword at all)."""

    topic: str | None
    problem: str = "usage"
    detail: str = ""
    fixed: str = ""  # the message as it was probably meant (`vist …` → `visit …`), to offer
    #: A question's one-tap answers, each (label key, the text it sends, the command it runs or
    #: None): readings of the message that keep all its words (`visit Acme: demo` and `deal Acme
    #: negotiation` as two lines).
    options: tuple[tuple[str, str, object], ...] = ()
