"""Commands: what a message asks for, as frozen dataclasses. Platform-neutral and storage-free.

One module per area (`base`, `sales`, `team`, `workspace`); this package names them all, so
`from handlers.grammar import commands as c` and `c.LogVisit` read every command."""
from __future__ import annotations

from handlers.grammar.amounts import Money  # noqa: F401 - the type of commands' amounts
from handlers.grammar.commands.base import Command, DealRef, Help, ParseError, Period, Scope, Several  # noqa: F401 - the catalogue
from handlers.grammar.commands.sales import (  # noqa: F401 - the catalogue
    AddTask,
    AddTip,
    ChangeDeal,
    ChangeVisit,
    CloseDeal,
    Delete,
    DoneFollowups,
    DoneTask,
    FindTips,
    FixCustomer,
    LikeTip,
    ListCustomers,
    ListDeals,
    ListFollowups,
    ListTasks,
    ListVisits,
    LogVisit,
    MoveTask,
    Reassign,
    ReassignDeal,
    ReassignTask,
    ReopenTask,
    Restore,
    SetCustomer,
    ShowDealHistory,
    ShowDueVisits,
    ShowTrash,
    SnoozeFollowup,
    Undo,
    UpsertDeal,
)
from handlers.grammar.commands.team import (  # noqa: F401 - the catalogue
    AnswerStandup,
    ConfigureSchedule,
    EditContest,
    ListTargets,
    SetTarget,
    SetTierRhythm,
    ShowContest,
    ShowDigest,
    ShowLeaderboard,
    ShowPipeline,
    ShowProgress,
    ShowReasons,
    ShowSchedule,
    ShowScorecard,
    ShowStalled,
    StartContest,
)
from handlers.grammar.commands.workspace import (  # noqa: F401 - the catalogue
    ChangeTeam,
    ConfigureTeam,
    CorrectCalendar,
    CreateTeam,
    Crm,
    Link,
    ListTeams,
    SetLanguage,
    SetRate,
    SetRole,
    Stages,
    TakeLeave,
)
