"""Where the rest of a message goes when a command is read from part of it (r26: `今天去了美的集团，见了
IT部王经理…月底前出方案` was offered as a visit with no notes; `lost initech renewal, they went
in-house…` as a loss with no reason; `move it to discovery, … make a task for that` without the task).

Every word lands somewhere the member can see, or is asked about:

- a command with a free-text field (a visit's notes, a win's or loss's reason, a task's title): the
  rest goes there, and the message is read again so, by the grammar, so that what may hide in it (a
  follow-up, a day something is due by, a task asked for) is read or asked about as it is when typed;
- a command with none: the rest is said, and offered to be kept as a task, beside the command alone
  (two options, never one tap that drops words).

Each option offered is a line the grammar reads to the command it shows (a tap runs what it says).
"""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar import commands as c
from handlers.grammar.language import answered_in
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.known_names import known_customers
from handlers.text.reply import Button, Reply

#: Words that join the rest to the command and say nothing (`and they want…`, `另外…`)
_JOINER = pattern(r"^(?:(?:and|also|plus|then|so|\+|&)(?![A-Za-z])|另外|还有|然后|顺便)[\s,，]*", re.I)
#: A task asked for in words (`make a task`, `remind me`, `提醒我`, `建个任务`)
_TASK_ASKED = pattern(r"(?<![A-Za-z])(?:(?:make|add|create|set)\s+(?:a\s+)?(?:task|reminder)|remind\s+me)"
                      r"(?![A-Za-z])|提醒我|建个任务|建一个任务|记个任务|加个任务", re.I)


def placed(ctx: Ctx, text: str, said: str, left: str, command: c.Command,
           why: bool = False) -> Reply | c.Command | None:
    """The answer to `text`, read as `command` (from the words `said`) with the words `left` over:
    the rest in the command's free text (offered, or asked about), or the command offered beside a
    task keeping the rest; None where neither reads (a later reader, or the refusal, answers)."""
    if not isinstance(command, c.Command) or isinstance(command, c.ParseError) or "\n" in said:
        return None
    left = re.sub(r"(?<=[，；、])\s+", "", " ".join(left.strip(" ,，;；").split()))  # `见了王经理， 他们…`
    if not left:
        return None
    zh = answered_in(text, ctx.locale) == "zh"
    if isinstance(command, (c.LogVisit, c.CloseDeal, c.AddTask)):
        if unknown_visit(ctx, command):
            return None  # `visit logged pls …` after `小米 demo went great`: no customer of ours
        if isinstance(command, c.LogVisit) and command.day == ctx.today:
            command = replace(command, day=None)  # `今天去了美的集团`: today, as any visit said now
        whole = _whole(command, said, left, zh)
        got = read(whole, ctx.today).command if whole else None
        if isinstance(got, c.Command) and _same(command, got):
            ctx.locale = "zh" if zh else "en"
            field = ctx.t({c.LogVisit: "taken_back_notes", c.CloseDeal: "taken_back_reason",
                           c.AddTask: "taken_back_title"}[type(command)])
            return Reply(lines=(ctx.t("rest_in_field", said=said, left=left, field=field),
                                ctx.t("answer_hint_one")), ok=False, locale=ctx.locale,
                         buttons=(Button(whole[:75], whole, action=got),))
        if isinstance(got, c.ParseError) and got.options and got.topic is not None:
            ctx.locale, ctx.text = ("zh" if zh else "en"), whole  # `…月底前出方案`: a follow-up, or notes?
            return replace(usage_reply(ctx.locale, got), locale=ctx.locale)
    if not more_than_why(ctx, left, why):
        return None  # `…, 周三我请假`: only why, said not kept by the caller
    return _beside_task(ctx, said, left, command, zh)


def more_than_why(ctx: Ctx, left: str, why: bool = False) -> bool:
    """Whether `left` holds more than why: a day, or a task asked for (`…they want a demo
    next tues so make a task for that`): something to do, never dropped."""
    from handlers.grammar.spans import date_in

    return bool(_TASK_ASKED.search(left)) or not why and date_in(left, ctx.today) is not None  # not a
    # bare number: `its a 3 yr contract` says why


def unknown_visit(ctx: Ctx, command: c.Command) -> bool:
    """Whether `command` is a visit to no customer of ours (`visit logged pls + …`): the words before
    it (`小米 demo went great!!`) may be the visit, said without the command word."""
    return isinstance(command, c.LogVisit) and not known_customers(ctx, command.customer)


def _whole(command: c.Command, said: str, left: str, zh: bool) -> str | None:
    """The command as typed with `left` in its free text, or None where it cannot be said so."""
    colon, comma = ("：", "，") if zh else (": ", ", ")
    if isinstance(command, c.LogVisit):
        if command.next_step or command.outcome:
            return None
        notes = f"{command.notes}{comma}{left}" if command.notes else left
        day = f" {command.day.isoformat()}" if command.day else ""  # `visit Globex 2026-12-04: …`
        line = f"{'拜访' if zh else 'visit'} {command.customer}{day}{colon}{notes}"
        if command.follow_up:
            line += f"{'；跟进 ' if zh else '; follow up '}{command.follow_up.isoformat()}"
        return line
    said = said.rstrip(" ,，:：;；")
    if re.search(r"[\x21-\x7e]$", said):  # `won #49 5万`: after a Latin letter or digit, Latin punctuation
        colon, comma = ": ", ", "
    if isinstance(command, c.CloseDeal):
        return f"{said}{comma if command.reason else colon}{left}"
    return f"{said} {left}"


def _same(command: c.Command, got: c.Command) -> bool:
    """Whether `got` is `command` with more free text (nothing else of it read otherwise)."""
    if type(got) is not type(command):
        return False
    if isinstance(command, c.LogVisit):
        return (got.customer, got.day) == (command.customer, command.day) \
            and (got.follow_up == command.follow_up or command.follow_up is None)
    if isinstance(command, c.CloseDeal):
        return (got.ref, got.won, got.amount) == (command.ref, command.won, command.amount)
    fields = ("assignee", "customer", "deal_id")
    return all(getattr(got, name) == getattr(command, name) for name in fields) \
        and (got.due == command.due or command.due is None)


def _beside_task(ctx: Ctx, said: str, left: str, command: c.Command, zh: bool) -> Reply | None:
    """The command alone, or with a task keeping the rest: both offered, the rest said."""
    task_line = f"{'任务' if zh else 'task'} {_JOINER.sub('', left).strip()}"
    task = read(task_line, ctx.today).command
    if not isinstance(task, c.AddTask):
        return None
    said = _as_line(ctx, said, command, zh)
    if said is None:
        return None  # no line reads to it: a tap of both would not store what it says
    ctx.locale = "zh" if zh else "en"
    alone = Button(ctx.t("rest_option_alone", said=said)[:75], said, action=command)
    both = Button(ctx.t("rest_option_task", task=task_line)[:75], f"{said}\n{task_line}")
    buttons = (both, alone) if _TASK_ASKED.search(left) else (alone, both)
    return Reply(lines=(ctx.t("rest_no_place", said=said, left=left), ctx.t("answer_hint", count=2)),
                 ok=False, locale=ctx.locale, buttons=buttons)


def _as_line(ctx: Ctx, said: str, command: c.Command, zh: bool) -> str | None:
    """A line the grammar reads to `command`: `said` itself, or a deal's change by number (`move deal
    2 to proposal` is read by a later reader, not the grammar, so a line of it alone would not read)."""
    if read(said, ctx.today).command == command:
        return said
    if isinstance(command, c.UpsertDeal) and command.ref.deal_id and command.stage \
            and not (command.amount or command.close or command.customer or command.ref.title):
        line = f"{'商机' if zh else 'deal'} #{command.ref.deal_id} {command.stage}"
        return line if read(line, ctx.today).command == command else None
    return None
