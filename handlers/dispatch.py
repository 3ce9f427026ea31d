"""One inbound message as a command: parse, authorise, run, reply (the sender identified:
`handlers.senders`; its transaction and what leaves with it: `handlers.unit_of_work`)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from handlers import answer_then, no_command, offer_edited, questions
from handlers.context import Ctx, Refusal, usage_reply
from handlers.grammar import and_joined, clauses, command_json, joined_clauses, several, task_given_due
from handlers.grammar import commands as c
from handlers.grammar.answer_kinds import answer_like
from handlers.grammar.change_said import without_command_word
from handlers.grammar.day_off import MOVED_OFF, READING_CALENDAR, in_calendar
from handlers.grammar.festivals import unknown_in, unknown_key
from handlers.grammar.intents import MAX_TEXT
from handlers.grammar.language import written_in
from handlers.grammar.reading import parse, read
from handlers.grammar.said_over import said_over
from handlers.grammar.slips import lead_fixed
from handlers.grammar.unrecorded import unrecorded
from handlers.member_sounds import pinyin_mentions
from handlers.rules import limits
from handlers.sales import (
    changes,
    customer_referred,
    customers,
    day_said,
    number_meant,
    reason_only,
    said_plainly,
    second_joined,  # `… and move deal 13 close to feb`: both offered
    taken_back,
    tasks,
    undo,
    visit_joined,
)
from handlers.sales.category_said import category_said
from handlers.senders import Defaults
from handlers.team import metric_corrected, standup_said
from handlers.text.reply import Button, Reply
from handlers.text.strings import t
from handlers.text.when_read import offered_days
from handlers.use_cases import HANDLERS
from handlers.workspace import admin
from handlers.workspace import holidays as calendars
from storage import journal, pipelines
from storage.address import Address
from storage.models.sales import Deal
from storage.models.workspace import Member, Tenant

Message = str | c.Command | c.ParseError  # text as typed, what a form or button built, or junk


def reply_locale(message: Message, member_locale: str) -> str:
    """The message's language, else the member's own (`1`, a button; a bare `yes`: the question's)."""
    if not isinstance(message, str) or questions.answer_word(message) is not None \
            and written_in(message) != "zh":
        return member_locale
    return written_in(message) or member_locale

_DEFAULTS = Defaults()


def dispatch(session: Session, tenant: Tenant, member: Member, message: Message, now: dt.datetime,
             defaults: Defaults = _DEFAULTS, *, platform: str,
             here: Address | None = None, mentioned: tuple[str, ...] = (), shared: bool = False) -> Outcome:
    """Run one message for a known member inside the caller's transaction: text is parsed here,
    once; a command a form or button built runs as it is. `mentioned`: the platform user ids the
    platform marked as mentions in the text (each names that user only, never a display name).
    Stages are read and shown as the workspace's pipeline has them."""
    if isinstance(message, str):
        message = lead_fixed(message)  # `sry it was 290k`, `acutally close is jan 15`: the word meant
    with pipelines.use(pipelines.of(session, tenant.id)):
        events: list = []
        outcome = _dispatch(session, tenant, member, message, now, defaults, platform=platform, here=here,
                            mentioned=mentioned, shared=shared, events=events)
    return outcome if outcome.refused else replace(outcome, events=tuple(events))


def _dispatch(session: Session, tenant: Tenant, member: Member, message: Message, now: dt.datetime,
              defaults: Defaults, *, platform: str, here: Address | None, mentioned: tuple[str, ...],
              shared: bool, events: list) -> Outcome:
    ctx = Ctx(session, tenant, member, reply_locale(message, member.locale), now,
              defaults.timezone, defaults.calendar, platform, here=here, mentioned=frozenset(mentioned),
              here_shared=shared, events=events)
    if not member.active:  # an admin set them inactive (`role @name inactive`)
        admins = ", ".join(m.display_name for m in admin.active_admins(ctx))
        return Outcome(Reply(lines=(ctx.t("member_inactive", admins=admins),), ok=False,
                             locale=ctx.locale), refused=True)
    calendars.load_corrections(session, tenant.id)  # another process may have changed them
    asked, picked, unread, unanswered = False, None, None, None
    if isinstance(message, str):  # any ends it; its days read in the calendar; `no. leave …`, `yes and …`:
        asked, picked, asked_in = in_calendar(ctx.calendar, answer_then.take, ctx, message)  # the rest too
        if isinstance(picked, c.ParseError) and picked.problem == "reason_said" \
                and (back := taken_back.reason_taken_back(ctx, picked.fixed, message)) is not None:
            return _remember(Outcome(back, refused=True), platform, now, asked)  # `…撤销`: undo it?
        if isinstance(picked, c.ParseError) and picked.problem == "reason_said" \
                and (filed := category_said(ctx, picked.fixed, message)) is not None:
            return Outcome(filed, refused=False)  # `what decided it: relationship w/ the cfo`: filed
        if isinstance(picked, c.ParseError) and picked.problem == "reason_said":  # free text after
            told = _reason_untold(ctx, picked.fixed, message)
            picked = picked.fixed if told else None  # "what decided it?", of a deal with no reason yet
        if isinstance(picked, c.ParseError) and picked.problem == "answer_unread":  # words that pick
            ctx.offer_open = picked.fixed == "correction"  # (a correction: asked, never made at once)
            unread, picked = picked, None  # no option: the message as itself, else asked again
        if isinstance(picked, c.ParseError) and picked.problem == questions.DROPPED:  # `算了 推到下周吧`:
            message, picked = picked.detail, None  # the words after the no, a message of their own
        if isinstance(picked, c.ParseError) and picked.problem == questions.UNANSWERED:  # `3` of two:
            unanswered, picked = picked.detail, None  # the message as itself, else the question open
        if picked is not None and asked_in in ("en", "zh") \
                and getattr(picked, "problem", "") != questions.CANCELLED:  # `1`, a label, `80k`: in the
            ctx.locale = reply_locale(message, asked_in) if questions.answer_word(message) is not None \
                else asked_in  # question's language; `好的`, `yes`, `undo`, `算了` in their own
        if isinstance(picked, c.ParseError) and picked.problem == "festival_unknown":  # `春节后`, its
            said, year = unknown_in(picked.detail, ctx.today)  # year not published: asked again
            reply = Reply(lines=(ctx.t(unknown_key(said), text=said, year=year),), ok=False,
                          locale=ctx.locale, fill=picked.fixed)
            return _remember(Outcome(reply, refused=True), platform, now, asked)
        if isinstance(picked, c.ParseError) and picked.problem == "offer_edited":  # `make it end 12/23`
            return _remember(Outcome(offer_edited.asked(ctx, picked), refused=True), platform, now, asked)
        if isinstance(picked, c.ParseError) and picked.problem == questions.CANCELLED:  # `undo`, `算了`:
            return _remember(Outcome(undo.question_cancelled(ctx), refused=True), platform, now, asked)
        if picked == "":  # `no` to the question: nothing done
            return Outcome(Reply(lines=(ctx.t("question_dropped"),), locale=ctx.locale), refused=False)
        message = picked if picked is not None else message
        if isinstance(message, str) and (lines := several.command_lines(message)
                                         or joined_clauses.split(message) or and_joined.at_once(message)
                                         or task_given_due.lines(message, ctx.today)
                                         or visit_joined.split(ctx, message, _parsed)):
            return _remember(_run_several(ctx, lines), platform, now, asked)  # clauses after `另外`: each
        if isinstance(message, str) and (both := second_joined.offer(ctx, message)) is not None:
            return _remember(Outcome(both, refused=True), platform, now, asked)  # `… and move deal 13 …`
    if isinstance(message, c.Several) and command_json.valid(message):  # the answer about one line of several
        parts = [command_json.pressed(part) for part in message.parts]
        return _remember(_run_several(ctx, parts), platform, now, asked)
    outcome = _run(ctx, message)
    if asked and unanswered is not None and isinstance(message, str) and _still_open(ctx, message, outcome):
        ctx.locale = reply_locale(message, asked_in or ctx.locale)  # `3`: in the question's language
        key = "question_still_open_one" if unanswered == "1" else "question_still_open"
        return Outcome(Reply(lines=(ctx.t(key, count=unanswered),), ok=False,
                             locale=ctx.locale), refused=True)  # its rollback keeps the question
    if asked and unanswered is not None and isinstance(message, str) and _not_understood(outcome):
        key = "question_kept_open_one" if unanswered == "1" else "question_kept_open"  # `sry it was…`
        return Outcome(replace(outcome.reply, lines=(*outcome.reply.lines, ctx.t(key, count=unanswered))),
                       refused=True)  # not understood: its rollback keeps the question, said so
    if picked is None and outcome.refused and isinstance(message, str) and questions.answer_word(message) \
            is not None and _no_command(parse(message, ctx.today)):  # `1`, `不行` to no question
        outcome = replace(outcome, reply=Reply(lines=(ctx.t("no_question_open"),), ok=False,
                                               locale=ctx.locale))
    if unread is not None and outcome.refused and not outcome.reply.buttons and not outcome.reply.fill \
            and _no_command(parse(message, ctx.today)):  # `no, it's fine as is`: which one, again
        return _remember(Outcome(_asked_again(ctx, unread), refused=True), platform, now, asked)
    if asked and picked is None and isinstance(message, str) and questions.answer_word(message) is None:
        # another message ends the question, whatever comes of it: said, never silently
        outcome = replace(outcome, reply=replace(outcome.reply, lines=(*outcome.reply.lines,
                                                                        ctx.t("question_ended"))))
    return _remember(outcome, platform, now, asked, message if isinstance(message, str) else "")


def _asked_again(ctx: Ctx, unread: c.ParseError) -> Reply:
    """The open question asked once more, with its options, for an answer that picked none."""
    buttons = []
    for index, (label, value) in enumerate(unread.options, 1):
        action = command_json.pressed(value)
        buttons.append(Button(label[:75], value if isinstance(action, str) else str(index),
                              action=None if isinstance(action, str) else action))
    hint = ctx.t("answer_hint_one") if len(buttons) == 1 else ctx.t("answer_hint", count=len(buttons))
    return Reply(lines=(ctx.t("answer_unread", text=unread.detail), hint), ok=False, locale=ctx.locale,
                 buttons=tuple(buttons))


def _reason_untold(ctx: Ctx, line: str, text: str) -> bool:
    """Whether `text` is the reason of the deal of a reason's line (`won #5: …`): it has none yet
    (a question which of two categories decided it is answered by its taps, its words never a
    reason again) and `text` is only words of a reason (reason_only.only_a_reason)."""
    number = line.partition("#")[2].partition(":")[0].strip()
    deal = ctx.session.get(Deal, int(number)) if number.isdigit() else None
    return deal is not None and deal.tenant_id == ctx.tenant.id and not deal.reason \
        and reason_only.only_a_reason(ctx, text, deal.customer_id)


def _still_open(ctx: Ctx, message: str, outcome: Outcome) -> bool:
    """Whether a message sent while a question is open leaves it open: it answers none of its options
    (`3` of two) and is nothing the bot could read (no command, no question of its own, few words)."""
    if not outcome.refused or outcome.reply.buttons or outcome.reply.fill:
        return False
    number = questions.answer_word(message)
    return (number is not None and number > 0) or answer_like(message) \
        and _no_command(parse(message, ctx.today))  # words of their own: run as a message (issue #23)


def _not_understood(outcome: Outcome) -> bool:
    """Whether a message was not understood at all (the reply that shows what can be said)."""
    return outcome.refused and not outcome.reply.buttons and not outcome.reply.fill \
        and outcome.reply.lines[:1] in ((t("en", "unknown"),), (t("zh", "unknown"),))


def _no_command(parsed) -> bool:
    """Whether a message is no command at all (`1`; `不行`, which reads as a slip of `排行`)."""
    return isinstance(parsed, c.ParseError) and parsed.topic is None and not parsed.options


def _remember(outcome: Outcome, platform: str, now: dt.datetime, asked: bool = False,
              said: str = "") -> Outcome:
    """A refusal's buttons become the open question, answerable by number; a refusal ends the
    question there was (both kept after the rollback that a refusal makes)."""
    if not outcome.refused and outcome.reply.asks and outcome.reply.buttons:  # a win's reason: its
        return replace(outcome, record=questions.remembering(outcome.reply, platform, now, outcome.record))
    if not outcome.refused or not (asked or outcome.reply.buttons or outcome.reply.fill):
        return outcome
    return replace(outcome, record=questions.remembering(outcome.reply, platform, now, outcome.record, said))


def _run(ctx: Ctx, message: Message) -> Outcome:
    if isinstance(message, str) and limits.unreadable(message) or limits.unreadable_in(message):
        command = Reply(lines=(ctx.t("unreadable"),), ok=False)
    elif isinstance(message, str):
        command = _parsed(ctx, message)
    elif isinstance(message, c.ParseError) or not command_json.valid(message):  # forged or broken
        command = usage_reply(ctx.locale, c.ParseError(None))
    else:
        command = message
    if not isinstance(command, Reply) and (over := limits.too_long(command)):
        command = Reply(lines=(ctx.t("name_too_long", start=over[0][:20], limit=over[1]),), ok=False)
    elif not isinstance(command, Reply) and (far := limits.far_day(command, ctx.today)):
        first, last = limits.day_window(ctx.today)
        command = Reply(lines=(ctx.t("far_day", day=far.isoformat(), first=first.isoformat(),
                                     last=last.isoformat()),), ok=False)
    if isinstance(command, Reply):  # no command: an answer about the text, or a question (the days
        # its offered lines send shown as replies show days)
        return Outcome(offered_days(replace(command, locale=ctx.locale), ctx.today), refused=True,
                       correcting=ctx.correcting)
    ctx.command = command
    handles = HANDLERS[type(command)]
    try:
        _authorise(ctx, handles.needs(command), command)
        reply = in_calendar(ctx.calendar, changes.run, ctx, command, handles.run)  # `in jan`: Jan 4
    except Refusal as refusal:
        return Outcome(offered_days(replace(refusal.reply, locale=ctx.locale), ctx.today), refused=True,
                       record=refusal.record)
    if ctx.notes:  # `ACME` read as Acme Corp: said, so a wrong match is seen at once
        reply = replace(reply, lines=(*ctx.notes, *reply.lines))
    return Outcome(replace(reply, locale=ctx.locale), refused=False)


def _run_several(ctx: Ctx, lines: list[Message]) -> Outcome:
    """Each line a command, in order, answered together; the first refusal refuses them all."""
    replies = []
    for index, line in enumerate(lines, 1):
        ctx.created_customers, ctx.notes = [], []
        others = clauses.OTHER_LINES.set(tuple(other for other in lines[:index - 1] + lines[index:]
                                               if isinstance(other, str)))
        try:
            outcome = _run(ctx, line)
        finally:
            clauses.OTHER_LINES.reset(others)
        if outcome.refused:  # its offers keep the other lines: answering one stores them all
            buttons = several.with_lines(lines, index, outcome.reply.buttons)
            reply = several.numbered(index, replace(outcome.reply, buttons=buttons), ctx.locale)
            if index > 1:  # the lines before ran well, and are not stored either: said, and offered
                said = several.lines_before(index, ctx.locale)
                label = ctx.t("several_only_before", lines=said)
                reply = replace(reply, lines=(*reply.lines, ctx.t("several_none_saved", lines=said)),
                                buttons=(*reply.buttons, several.the_lines_before(lines, index, label)))
            return replace(outcome, reply=reply)
        replies.append(outcome.reply)
    journal.together(ctx.journaled)  # one message: one undo step
    return Outcome(replace(several.together(replies), locale=ctx.locale), refused=False)


def _authorise(ctx: Ctx, role: str, command: c.Command) -> None:
    """The role an intent declares for a command (finer rules, whose deal or team: the handler's);
    a rep's customer fix or target: what they can do instead, and whom to ask."""
    if role == "admin" and not ctx.is_admin:
        raise ctx.refuse("admin_only")
    if role == "manager" and not ctx.is_manager:
        raise customers.manager_only(ctx, command) if isinstance(command, (c.FixCustomer, c.SetTarget)) \
            else ctx.refuse("not_allowed")


@dataclass(frozen=True)
class Outcome:
    """What came of a message: the reply, and whether it was refused (then nothing of it may be
    stored but `record`, the trail of a failed attempt that must count, written by the caller
    after it rolls the message back)."""

    reply: Reply
    refused: bool
    record: Callable[[Session, Member], None] | None = None
    #: what happened that others must hear of (handlers/events.py); none when refused
    events: tuple = ()
    correcting: bool = False  # a correction of the last change, refused: not kept as the last message


def _parsed(ctx: Ctx, text: str) -> c.Command | Reply:
    """The command a text stands for, or the answer to text that is none."""
    if len(text) > MAX_TEXT:  # said at once: the readers below try the words many ways each
        return Reply(lines=(ctx.t("too_long"),), ok=False, locale=ctx.locale)
    if over := said_over(text, ctx.today):  # `8万 不对 是9万`: read as if only 9万 were said
        text = over[0]
        ctx.notes.append(ctx.t("said_over", dropped=over[1], kept=over[2]))
    if (metric := metric_corrected.corrected(ctx, text)) is not None:
        return metric  # `拜访也改成35次` just after a target: its visits target, never a visit (r25zh)
    if change := without_command_word(text):  # `拜访跟进改成周五`: a change of what was just done, read
        text = change  # without the command word; never a new customer named `跟进改成周五`
    text = pinyin_mentions(ctx, text)  # `progress @li na`: 李娜's, said
    ctx.text = " ".join(text.split())
    if words := unrecorded(text):  # `小米pilot输了 预算被砍 算了先别记`: nothing stored, said so
        return Reply(lines=(ctx.t("unrecorded", words=words),), ok=False, locale=ctx.locale)
    if (swapped := number_meant.meant(ctx, text)) is not None:
        return swapped  # `sorry meant #12 not 49` after `deal #49 proposal`: the change moved, offered
    if (closed := day_said.meant(ctx, text)) is not None:  # `the byd visit was yesterday`: its day
        return closed  # `deal #10 close thu`: a won deal's day, never "reopen"; `丢单了`: which deal?
    reading = READING_CALENDAR.set(ctx.calendar)  # `next month`: its first working day here
    moved = MOVED_OFF.set([])  # `in 2 weeks` on a Sunday: the Monday, said
    try:
        command = read(text, ctx.today).command  # every word read into a field, or asked about
        kept = _days_of(command)  # only a day the command keeps (the reading tries many words)
        ctx.notes.extend(ctx.t("moved_off", said=ctx.day(said), day=ctx.day(day))
                         for said, day in MOVED_OFF.get() if day in kept)
    finally:
        READING_CALENDAR.reset(reading)
        MOVED_OFF.reset(moved)
    command = standup_said.answer_or_command(ctx, command)  # a reply to today's standup prompt?
    command = customer_referred.referred(ctx, command)  # `a deal for it`: the last message's customer
    if isinstance(command, Reply):
        return command
    if isinstance(command, c.ParseError) and (back := taken_back.options_taken_back(ctx, command)):
        return back  # `…下个月再看 不对 撤回`: the take-back asked first, never stored by an option
    if isinstance(command, c.ParseError) and (refused := tasks.options_for_others(ctx, command)):
        return refused.reply  # `task @bo visit tencent this week` by a rep: refused, never asked
    if isinstance(command, c.ParseError):
        asked = in_calendar(ctx.calendar, no_command.answer, ctx, text, command)  # `push it to next month`
        if change is not None:  # `拜访时间改成昨天`: a change there is no way to make, said so
            asked = said_plainly.change_not_made(ctx, change, asked)
        return replace(asked, lines=(*ctx.notes[-1:], *asked.lines)) if over else asked
    return taken_back.command_taken_back(ctx, command) or command  # `…不对 还没输 撤回`: asked


def _days_of(command) -> set:
    """The days a command keeps (a follow-up, a due day, a close day), to say which were moved."""
    if not dataclasses.is_dataclass(command):
        return set()
    return {value for field in dataclasses.fields(command)
            if isinstance(value := getattr(command, field.name), dt.date)}
