"""Corrections of the member's last change said as people say them, which the other readers miss
(r23):

- a done taken back with no command word (`wait no, 6 isnt done yet`, `#6还没完成`): that task open
  again (handlers/sales/task_changes.py says it back; `undo` undoes it);
- who a task just given is for (`no that was for ana`, `不对，那是给Ana的`): that task given to Ana;
- a number right after a tier's rhythm was set (`oops 7` after `tier B every 3 weeks`): the rhythm
  again, in the unit it was said in (weeks), never an amount of some deal;
- a leave's days put a week later (`oops the week after, 17th-18th`, `推后一周`): the leave just
  entered, those days (handlers/workspace/leave_corrected.py makes it);
- a done, a making, a deletion or a role change taken back in a few words (`oops wrong one, not done
  yet`, `算了 删掉吧`, `bring it back`, `不对 她还是销售`: handlers/sales/said_short.py).

Only the member's previous message here made the change (within RECENT, still in effect)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar import commands as c
from handlers.grammar.fillers import LEAD
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.task_reopen import alone, alone_why
from handlers.sales import said_short
from handlers.sales.last_said import last_said
from handlers.sales.said_again import RECENT, latest_change, made_last
from handlers.text.reply import Reply
from storage.models.sales import Change, Task
from storage.models.team import Leave

_FOR = pattern(LEAD + r"(?:(?:i\s+)?meant\s+)?(?:(?:that|it|this)(?:\s+one)?\s*"
               r"(?:was|is|'s|should\s+(?:have\s+)?be(?:en)?)?\s+)?(?:for|to)\s+@?(?P<who>[^\s,.!]+)(?:\s+(?:instead|not\s+\S+))?[\s.!]*$"
               r"|" + LEAD + r"(?:(?:那|这|那个|这个|那条|这条|刚才那个|刚才那条)(?:任务)?)?(?:是|应该是)?"
               r"(?:给|給|派给|交给)"
               r"\s*@?(?P<zwho>[^\s,，。!！的]+?)\s*(?:的)?(?:吧|啦)?[\s。!！]*$", re.I)
_WEEKS = pattern(LEAD + r"(?:(?:i\s+)?meant\s+|make\s+it\s+|it'?s\s+|should\s+be\s+|应该是|是|改成|改为)?"
                 r"(?:every\s+)?(?P<n>\d{1,3})\s*(?P<unit>weeks?|wks?|w|days?|d|周|星期|礼拜|天)?"
                 r"[\s.!。！]*$", re.I)
_WEEK_AFTER = pattern(LEAD + r"(?:(?:make\s+it|i\s+meant|it'?s|应该是|是|改成|改到)\s*)?"
                      r"(?:the\s+)?(?:week\s+after|following\s+week|next\s+week|一周后|推后一周|往后推?一周|"
                      r"晚一周|下一周|再下一周|后一周)(?:\s*(?:instead|then))?[\s,，:：]*(?P<days>.*?)[\s.!。！]*$",
                      re.I)


_TASK_WORD = pattern(r"(?<![A-Za-z])task(?![A-Za-z])|任务|任務", re.I)


def answer(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The command `text` means of the member's last change, or None."""
    said = " ".join(view(text).split())
    if (reopened := alone(text)) is not None:
        task = ctx.session.get(Task, reopened.task_id)
        named = _TASK_WORD.search(said)  # `reopen task 7` of no task 7: said so (a bare `7 not done`
        # may be another record's number: left to the other readers)
        if task is not None and task.tenant_id == ctx.tenant.id or named:  # open already: said so
            ctx.locale = _language(said)
            ctx.text = f"{'任务' if ctx.locale == 'zh' else 'task'} {reopened.task_id} " \
                       f"{'未完成' if ctx.locale == 'zh' else 'not done'}"
            return reopened
        return None
    if (why := alone_why(text, ctx.today)) is not None:  # `7还没完成 方案里缺了报价部分`: the task's
        task = ctx.session.get(Task, int(re.sub(r"\D", "", why.options[0][1])))  # done taken back,
        if task is not None and task.tenant_id == ctx.tenant.id:  # the words said not kept: offered
            ctx.locale = _language(said)
            why = replace(why, options=tuple((k, line.strip(), cmd) for k, line, cmd in why.options))
            return replace(usage_reply(ctx.locale, why), locale=ctx.locale)
        return None
    change = latest_change(ctx)
    if change is None or change.status != "done" or change.at < ctx.now - RECENT \
            or not made_last(ctx, change):
        return None
    if (short := said_short.answer(ctx, change, said)) is not None:
        return short  # `oops wrong one, not done yet`, `算了 删掉吧`, `bring it back`, `不对 她还是销售`
    if change.kind == "AddTask" and change.entity == "tasks" and (found := _FOR.match(said)):
        who = found["who"] or found["zwho"]
        if who.lower() in ("me", "i", "myself", "the", "a", "that", "it") or re.search(r"\d", who):
            return None
        ctx.locale = _language(said)
        ctx.text = f"{'任务' if ctx.locale == 'zh' else 'task'} {change.entity_id} " \
                   f"{'给' if ctx.locale == 'zh' else 'to'} {who}"
        return c.ReassignTask(change.entity_id, who)
    if change.kind == "SetTierRhythm" and (found := _WEEKS.match(said)):
        return _rhythm(ctx, found, said)
    if change.kind == "TakeLeave" and change.entity_id and (found := _WEEK_AFTER.match(said)):
        return _week_after(ctx, change, found["days"])
    return None


def _language(said: str) -> str:
    return "zh" if re.search(r"[\u3400-\u9fff]", said) else "en"


def _rhythm(ctx: Ctx, found: re.Match, said: str) -> c.Command | None:
    """The tier's rhythm just set, set again to the number said, in the unit the member used."""
    before = last_said(ctx)
    was = read(before.text, ctx.today).command if before is not None and before.text else None
    if not isinstance(was, c.SetTierRhythm):
        return None
    unit = (found["unit"] or "").lower()
    weeks = unit.startswith(("w", "周", "星期", "礼拜")) or not unit and re.search(
        r"weeks?|wks?|周|星期|礼拜", before.text, re.I) is not None
    days = int(found["n"]) * (7 if weeks else 1)
    ctx.locale = _language(said) if _language(said) == "zh" else _language(before.text)
    ctx.text = f"{was.tier}类 每{days}天回访" if ctx.locale == "zh" else f"tier {was.tier} every {days} days"
    return replace(was, days=days)


def _week_after(ctx: Ctx, change: Change, days: str) -> c.Command | None:
    """The leave just entered a week later (`the week after`), or on the days said after it."""
    from handlers.workspace import leave_corrected  # kept lazy: workspace reads sales

    leave = ctx.session.get(Leave, change.entity_id)
    if leave is None or leave.member_id != ctx.member.id:
        return None
    if days.strip():
        return leave_corrected.corrected(ctx, f"no {days}")
    ctx.locale = _language(days or ctx.text)
    week = dt.timedelta(days=7)
    first, last = leave.first_day + week, leave.last_day + week
    ctx.text = f"{'请假' if ctx.locale == 'zh' else 'leave'} {first.isoformat()} - {last.isoformat()}"
    return c.TakeLeave(first, last, replaces=leave.id)
