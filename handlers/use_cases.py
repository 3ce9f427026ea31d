"""Every command's use case and the least role that may run it: the table `dispatch` runs commands by.

An intent's words, parser and usage are declared in `grammar/intents.py`, with the commands it
makes; this says how each of those is run. Two modules, so that the grammar (and the usage quoted
in refusals) imports no use case; `tests/handlers/test_parse.py` keeps the two in step.
"""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.intent_kinds import Handles
from handlers.grammar.intents import INTENTS
from handlers.sales import (
    corrections,
    customers,
    deal_owner,
    deal_views,
    deals,
    reasons,
    task_changes,
    task_due,
    tasks,
    tiers,
    trash,
    undo,
    visit_list,
    visits,
)
from handlers.team import contests, reports, schedule_commands, scorecards, targets
from handlers.team import digest as digests
from handlers.text.reply import Reply
from handlers.workspace import admin, crm, linking, rates, stages
from handlers.workspace import holidays as calendars

_MANAGER, _ADMIN = "manager", "admin"


def _help(ctx: Ctx, cmd: c.Help) -> Reply:
    from handlers.text.help import handle_help  # one screen per role; `help WORD` for every word

    return handle_help(ctx, cmd.topic, INTENTS)


#: command type → how it is run, by the intent that makes it
HANDLERS: dict[type, Handles] = {handles.command: handles for handles in (
    # visit
    Handles(c.LogVisit, visits.handle_log_visit),
    Handles(c.ChangeVisit, corrections.handle_change_visit),
    # visits
    Handles(c.ListVisits, visit_list.handle_list_visits),
    # deal
    Handles(c.UpsertDeal, deals.handle_upsert_deal),
    Handles(c.ChangeDeal, corrections.handle_change_deal),
    Handles(c.ShowDealHistory, deal_views.handle_deal_history),
    Handles(c.Delete, trash.handle_delete),
    # won
    Handles(c.CloseDeal, deals.handle_close_deal),
    # progress
    Handles(c.ShowProgress, reports.handle_progress),
    # target
    Handles(c.SetTarget, targets.handle_set_target, _MANAGER),
    Handles(c.ListTargets, targets.handle_list_targets),
    # pipeline
    Handles(c.ShowPipeline, reports.handle_pipeline),
    # digest
    Handles(c.ShowDigest, digests.handle_show_digest, _MANAGER),
    # stalled
    Handles(c.ShowStalled, reports.handle_stalled),
    # leaderboard
    Handles(c.ShowLeaderboard, reports.handle_leaderboard),
    # followups
    Handles(c.ListFollowups, lambda ctx, _cmd: tasks.todo(ctx)),
    # task
    Handles(c.AddTask, tasks.handle_add_task),
    Handles(c.ListTasks, tasks.handle_list_tasks),
    Handles(c.MoveTask, task_due.handle_move_task),
    Handles(c.ReopenTask, task_changes.handle_reopen_task),
    Handles(c.ReassignTask, task_changes.handle_reassign_task),
    Handles(c.ReassignDeal, deal_owner.handle_reassign_deal),  # a rep's `deal 46 to acme`: asked
    # scorecard
    Handles(c.ShowScorecard, scorecards.handle_scorecard),
    # reasons
    Handles(c.ShowReasons, reasons.handle_reasons),
    # tip
    Handles(c.AddTip, reasons.handle_add_tip),
    Handles(c.FindTips, reasons.handle_find_tips),
    # like
    Handles(c.LikeTip, reasons.handle_like_tip),
    # contest
    Handles(c.StartContest, contests.handle_start, _MANAGER),
    Handles(c.ShowContest, contests.handle_show),
    Handles(c.EditContest, contests.handle_edit, _MANAGER),
    # due
    Handles(c.ShowDueVisits, tiers.handle_due_visits),
    # tier
    Handles(c.SetTierRhythm, tiers.handle_set_rhythm, _MANAGER),
    # done
    Handles(c.DoneFollowups, visits.handle_done_followups),
    Handles(c.DoneTask, tasks.handle_done_task),
    # customer
    Handles(c.SetCustomer, admin.handle_set_customer),
    Handles(c.FixCustomer, customers.handle_fix_customer, _MANAGER),
    # customers
    Handles(c.ListCustomers, admin.handle_list_customers),
    # team
    Handles(c.ListTeams, admin.handle_list_teams),
    Handles(c.CreateTeam, admin.handle_create_team, _ADMIN),
    Handles(c.ChangeTeam, admin.handle_change_team),
    Handles(c.ConfigureTeam, admin.handle_configure_team),
    # role
    Handles(c.SetRole, admin.handle_set_role, _ADMIN),
    # leave
    Handles(c.TakeLeave, admin.handle_take_leave),
    # language
    Handles(c.SetLanguage, admin.handle_set_language),
    # link
    Handles(c.Link, linking.handle_link),
    # undo
    Handles(c.Undo, undo.handle_undo),
    # trash
    Handles(c.ShowTrash, trash.handle_trash),
    # restore
    Handles(c.Restore, trash.handle_restore),
    # rate
    Handles(c.SetRate, rates.handle_rate, _ADMIN, when=lambda cmd: cmd.currency is not None),
    # crm
    Handles(c.Crm, crm.handle_crm, _ADMIN, when=lambda cmd: cmd.member is not None),
    # stages
    Handles(c.Stages, stages.handle_stages, _ADMIN,
            when=lambda cmd: cmd.items is not None or cmd.reset),
    # reassign
    Handles(c.Reassign, customers.handle_reassign, _MANAGER),
    # snooze
    Handles(c.SnoozeFollowup, visits.handle_snooze),
    # deals
    Handles(c.ListDeals, deal_views.handle_list_deals),
    # calendar
    Handles(c.CorrectCalendar, calendars.handle_calendar, _ADMIN,
            when=lambda cmd: cmd.first_day is not None or cmd.official_year is not None),
    # schedule
    Handles(c.ShowSchedule, schedule_commands.handle_show_schedule),
    Handles(c.ConfigureSchedule, schedule_commands.handle_configure_schedule),
    # standup
    Handles(c.AnswerStandup, schedule_commands.handle_answer_standup),
    # help
    Handles(c.Help, _help),
)}
