"""A rep's commands: visits and follow-ups, deals, tasks, tips, customers, corrections, the bin, undo."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from handlers.grammar.amounts import Money
from handlers.grammar.commands.base import Command, DealRef, Period, Scope


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

    @property
    def renames(self) -> bool:
        """Whether it renames a deal and changes nothing else (`deal #49 "Annual license"`)."""
        return self.ref.title is not None and not (self.stage or self.amount or self.close or self.customer)


@dataclass(frozen=True)
class CloseDeal(Command):
    ref: DealRef
    won: bool
    amount: Money | None = None
    reason: str = ""
    switch_currency: bool = False  # as UpsertDeal's


@dataclass(frozen=True)
class ListFollowups(Command):
    pass


@dataclass(frozen=True)
class DoneFollowups(Command):
    """`done 392` · `392 done, sent the proposal` (`note`: what came of it, kept with the visit)."""

    visit_ids: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True)
class SnoozeFollowup(Command):
    """`snooze 46 next week` · `推迟 46 下周`: the follow-up of visit #46 moves to that day; `snooze
    46 2 days` · `推迟 46 两天`: it moves that much later than it was due (`shift_days`, no `day`;
    `working`: days said as days count the team calendar's working days, weeks count weeks)."""

    visit_id: int
    day: dt.date | None
    shift_days: int = 0
    working: bool = False
    earlier: bool = False  # a day before the one it is due: asked, then confirmed (the button)
    why: str = ""  # `snooze 12 to mon, client traveling`: why, added to the visit's notes


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
    `tasks @ana`: Ana's open tasks (hers, or a manager's for a member of their team); `tasks due
    tomorrow` (`whats due tmrw`, `任务 明天`): my tasks and follow-ups due that `day`; `tasks due
    this week` (`任务 本周`): due from `day` to `last`."""

    member: str | None = None
    day: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True)
class MoveTask(Command):
    """`task 7 due fri` · `snooze task 7 2 days` · `任务7 改到周五`: task #7 is due that day
    (`day`), or that much later than it was due (`shift_days`, no `day`; `working`: in working
    days, as `SnoozeFollowup`'s). No `task_id` (`任务 改到周四`, `task move to fri`): the task the
    member just made or changed, else asked which; `was` (`任务 明天 改成 后天`): the one due then;
    `named` (`任务 报价 改到周四`): the one whose title has those words."""

    task_id: int | None
    day: dt.date | None
    shift_days: int = 0
    working: bool = False
    was: dt.date | None = None
    named: str | None = None


@dataclass(frozen=True)
class DoneTask(Command):
    """`done task 7` · `done task 8 - deck shared in drive` (`note`: what came of it; a task keeps
    none, so it goes only to the one who gave the task, and the reply says it is not kept)."""

    task_ids: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True)
class ReopenTask(Command):
    """`task 6 not done` · `任务6还没完成`: a task marked done open again."""

    task_id: int


@dataclass(frozen=True)
class ReassignTask(Command):
    """`task 6 to ana` · `任务6 给Ana`: the task given to another member (a manager's, or its giver's);
    `why`: the words saying why (`because he knows them`), said back as not kept, never a day or title."""

    task_id: int
    assignee: str
    why: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class ReassignDeal(Command):
    """`give deal 46 to bo` · `46号单子转给张伟`: one deal's owner changed (a manager's); `why` as a
    task's (ReassignTask)."""

    deal_id: int
    owner: str
    why: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class ShowDueVisits(Command):
    """`due visits` · `待回访`: my customers due a visit by their tier; `… team`: my team's."""

    team: bool = False


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
    """`reassign @bo to @ana` · `转交 @李四 给 @张三`: a leaver's customers and open deals; one who
    is still active only once confirmed (`… confirm` · `… 确认`, the question's button)."""

    source: str
    target: str
    confirmed: bool = False


@dataclass(frozen=True)
class ListVisits(Command):
    """`visits Acme Corp` · `拜访记录 华为`: the latest visits (of one customer); `visits this week`
    · `拜访记录 本月`: those of that period."""

    customer: str | None = None
    period: Period | None = None


@dataclass(frozen=True)
class ListCustomers(Command):
    tier: str | None = None


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
    action: str  # delete | reopen | closed_on (`no wait close was last fri`, right after a win)
    day: dt.date | None = None  # closed_on: the day the win or loss happened


@dataclass(frozen=True)
class Delete(Command):
    """`deal #46 delete` · `task #6 delete` · `contest #2 cancel` · `customer Acme delete` (and
    删除 / 取消): asks first; `… delete confirm` (the question's button) moves it to the bin."""

    kind: str  # deal | visit | task | tip | contest | customer
    ref: str  # its number, or a customer's name
    confirmed: bool = False
    why: str = ""  # `customer hooli delete, its a dup`: said, not kept (a deletion keeps no why)


@dataclass(frozen=True)
class Restore(Command):
    """`restore deal #46` · `恢复 商机 #46` · `restore customer Acme`: back from the bin."""

    kind: str
    ref: str


@dataclass(frozen=True)
class ShowTrash(Command):
    """`trash` · `回收站`: what was deleted and can still be restored."""


@dataclass(frozen=True)
class Undo(Command):
    """`undo` · `撤销`: reverse my last change (within a day); `undo that snooze` · `撤销刚才的推迟`
    (`kind`: a key of `plain_undo.KINDS`): the same, only when the last change is of that kind;
    `undo the umbrella move` (`named`): only when it is about what is named."""

    kind: str = ""
    named: str = ""  # `undo the umbrella move`: only when the last change is about Umbrella
    sure: bool = False  # `undo confirm` · `撤销 确认`: a change from longer ago, undone as asked


@dataclass(frozen=True)
class ListDeals(Command):
    """`deals` · `我的商机`: open deals (a manager's bare one: the team's) · `deals team` · `deals @ana`."""

    scope: Scope = Scope()


@dataclass(frozen=True)
class ShowDealHistory(Command):
    """`deal #46 history` · `商机 #46 历史`: every stage and amount change, who and when."""

    deal_id: int
