"""One inbound message, one transaction: identify the sender, parse, authorise, run, reply."""
from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from handlers import questions
from handlers.context import Ctx, Refusal, usage_reply
from handlers.grammar import command_json, several
from handlers.grammar import commands as c
from handlers.grammar.dates import READING_CALENDAR
from handlers.grammar.intents import HANDLERS, parse, read, split_keyword
from handlers.grammar.parse import normalize
from handlers.rules import limits
from handlers.sales import changes, said_again
from handlers.team import fact_posts as facts
from handlers.team import schedule_commands
from handlers.text.reply import Button, Reply
from handlers.text.reply_json import to_payload
from handlers.text.strings import WORDS, name_of, t
from handlers.workspace import admin
from handlers.workspace import holidays as calendars
from storage import pipelines
from storage.destinations import MemberAddresses, team_destinations
from storage.models import Delivery, Member, Tenant, utcnow
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class UserRef:
    """Who sent a message, as the platform adapter saw them (platform ids stay at the edge)."""

    platform: str
    tenant: str
    user: str
    name: str
    locale: str | None = None  # the platform's setting for them: applied whenever given
    timezone: str | None = None
    default_locale: str | None = None  # the platform's default, for a new member only


@dataclass(frozen=True)
class Defaults:
    """Installation defaults for new tenants, teams and members (from Settings)."""

    timezone: str = "Asia/Shanghai"
    calendar: str = "CN"
    currency: str = "CNY"


Message = str | c.Command | c.ParseError  # text as typed, what a form or button built, or junk


def reply_locale(message: Message, member_locale: str) -> str:
    """Chinese when the message is Chinese text; English when it is written in English (three
    English words or more, `tier B every 3 weeks`, from a member whose language is Chinese);
    else the member's own (a bare command word, `progress`, says nothing of a language)."""
    if not isinstance(message, str):
        return member_locale
    if split_keyword(normalize(message))[1] == "zh":
        return "zh"
    return "en" if len(_ENGLISH_WORD.findall(message)) >= 3 else member_locale


_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")


def identify(session: Session, user: UserRef, defaults: Defaults,
             first_words_locale: str = "en") -> tuple[Tenant, Member, bool]:
    """(tenant, member, new) for a sender; a new member joins the default team, the first is
    admin (and in no team: an admin is in no manager's team unless they join one).

    A new member's language is the platform's, else that of their first message.
    """
    people = PeopleRepository(session)
    tenant = people.tenant(user.platform, user.tenant)
    if tenant is None:
        tenant = people.add_tenant(user.platform, user.tenant, user.tenant, defaults.currency)
    member = people.by_identity(tenant.id, user.platform, user.user)
    if member is not None:
        if user.locale and user.locale != member.locale:
            member.locale = user.locale
        return tenant, member, False
    # one first admin whatever the timing: a new member's registration holds the tenant's row
    # (PostgreSQL; SQLite has one writer at a time), so the next sees the first's member
    session.execute(select(Tenant.id).where(Tenant.id == tenant.id).with_for_update())
    role = "rep" if people.has_members(tenant.id) else "admin"
    name = limits.display_name(user.name) or limits.display_name(user.user)
    member = people.add_member(tenant.id, name, role=role,
                               locale=user.locale or user.default_locale or first_words_locale,
                               timezone=user.timezone, identity=(user.platform, user.user))
    team = people.default_team(tenant.id) or people.add_team(
        tenant.id, "Sales" if member.locale != "zh" else "销售团队",
        timezone=user.timezone or defaults.timezone, holiday_calendar=defaults.calendar)
    if role != "admin":
        people.join_team(team.id, member.id)
    return tenant, member, True


def dispatch(session: Session, tenant: Tenant, member: Member, message: Message, now: dt.datetime,
             defaults: Defaults = Defaults(), *, platform: str = "console",
             here: str | None = None, mentioned: tuple[str, ...] = (), shared: bool = False) -> Outcome:
    """Run one message for a known member inside the caller's transaction: text is parsed here,
    once; a command a form or button built runs as it is. `mentioned`: the platform user ids the
    platform marked as mentions in the text (each names that user only, never a display name).
    Stages are read and shown as the workspace's pipeline has them."""
    with pipelines.use(pipelines.of(session, tenant.id)):
        return _dispatch(session, tenant, member, message, now, defaults, platform=platform, here=here,
                         mentioned=mentioned, shared=shared)


def _dispatch(session: Session, tenant: Tenant, member: Member, message: Message, now: dt.datetime,
              defaults: Defaults, *, platform: str, here: str | None, mentioned: tuple[str, ...],
              shared: bool) -> Outcome:
    ctx = Ctx(session, tenant, member, reply_locale(message, member.locale), now,
              defaults.timezone, defaults.calendar, platform, here=here, mentioned=frozenset(mentioned),
              here_shared=shared)
    if not member.active:  # an admin set them inactive (`role @name inactive`)
        admins = ", ".join(m.display_name for m in admin.active_admins(ctx))
        return Outcome(Reply(lines=(ctx.t("member_inactive", admins=admins),), ok=False,
                             locale=ctx.locale), refused=True)
    calendars.load_corrections(session, tenant.id)  # another process may have changed them
    asked, picked = False, None
    if isinstance(message, str):
        asked, picked, asked_in = questions.take(session, member, platform, message, now)  # any ends it
        if picked is not None and asked_in in ("en", "zh"):  # `1`, a label (`腾讯`), `80k`: in the
            # question's language; `好的`, `yes` in their own
            ctx.locale = reply_locale(message, asked_in) if questions.answer_word(message) is not None \
                else asked_in
        if picked == "":  # `no` to the question: nothing done
            return Outcome(Reply(lines=(ctx.t("question_dropped"),), locale=ctx.locale), refused=False)
        if picked is not None:
            message = picked
        if isinstance(message, str) and (lines := several.command_lines(message)):
            return _remember(_run_several(ctx, lines), platform, now, asked)
    outcome = _run(ctx, message)
    if picked is None and outcome.refused and isinstance(message, str) and questions.answer_word(message) \
            is not None and parse(message, ctx.today) == c.ParseError(None):  # `1` to no question
        outcome = replace(outcome, reply=Reply(lines=(ctx.t("no_question_open"),), ok=False,
                                               locale=ctx.locale))
    if asked and picked is None and outcome.refused and not outcome.reply.buttons \
            and questions.answer_word(message) is None:
        # an unrelated word ends the question: said, never silently
        outcome = replace(outcome, reply=replace(outcome.reply, lines=(*outcome.reply.lines,
                                                                        ctx.t("question_ended"))))
    return _remember(outcome, platform, now, asked)


def _remember(outcome: Outcome, platform: str, now: dt.datetime, asked: bool = False) -> Outcome:
    """A refusal's buttons become the open question, answerable by number; a refusal ends the
    question there was (both kept after the rollback that a refusal makes)."""
    if not outcome.refused or not (asked or outcome.reply.buttons or outcome.reply.fill):
        return outcome
    return replace(outcome, record=questions.remembering(outcome.reply, platform, now, outcome.record))


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
    if isinstance(command, Reply):  # no command: an answer about the text, or a question
        return Outcome(replace(command, locale=ctx.locale), refused=True)
    ctx.command = command
    handles = HANDLERS[type(command)]
    try:
        _authorise(ctx, handles.needs(command))
        reply = changes.run(ctx, command, handles.run)
    except Refusal as refusal:
        return Outcome(replace(refusal.reply, locale=ctx.locale), refused=True, record=refusal.record)
    if ctx.notes:  # `ACME` read as Acme Corp: said, so a wrong match is seen at once
        reply = replace(reply, lines=(*ctx.notes, *reply.lines))
    return Outcome(replace(reply, locale=ctx.locale), refused=False)


def _run_several(ctx: Ctx, lines: list[str]) -> Outcome:
    """Each line a command, in order, answered together; the first refusal refuses them all."""
    replies = []
    for index, line in enumerate(lines, 1):
        ctx.created_customers, ctx.notes = [], []
        outcome = _run(ctx, line)
        if outcome.refused:  # its offers keep the other lines: answering one stores them all
            reply = replace(outcome.reply, buttons=several.with_lines(lines, index, outcome.reply.buttons))
            return replace(outcome, reply=several.numbered(index, reply, ctx.locale))
        replies.append(outcome.reply)
    return Outcome(replace(several.together(replies), locale=ctx.locale), refused=False)


def _authorise(ctx: Ctx, role: str) -> None:
    """The role an intent declares for a command (finer rules, such as whose deal or which team,
    are the handler's)."""
    if role == "admin" and not ctx.is_admin:
        raise ctx.refuse("admin_only")
    if role == "manager" and not ctx.is_manager:
        raise ctx.refuse("not_allowed")


@dataclass(frozen=True)
class Outcome:
    """What came of a message: the reply, and whether it was refused (then nothing of it may be
    stored but `record`, the trail of a failed attempt that must count, written by the caller
    after it rolls the message back)."""

    reply: Reply
    refused: bool
    record: Callable[[Session, Member], None] | None = None


def _parsed(ctx: Ctx, text: str) -> c.Command | Reply:
    """The command a text stands for, or the answer to text that is none."""
    ctx.text = " ".join(text.split())
    reading = READING_CALENDAR.set(ctx.calendar)  # `next month`: its first working day here
    try:
        command = read(text, ctx.today).command  # every word read into a field, or asked about
    finally:
        READING_CALENDAR.reset(reading)
    if isinstance(command, c.ParseError) and command.topic is None and schedule_commands.awaits_answer(ctx):
        if command.problem != "typo":  # free text after the standup prompt answers it
            command = c.AnswerStandup(ctx.text)
        else:  # `vist Initech: …` looks like a command: ask which it is
            return _standup_or_command(ctx, command)
    if isinstance(command, c.ParseError) and command.topic is None \
            and (said := said_again.correction(ctx, text)) is not None:  # `no I meant 1.15m`
        return replace(said, locale=ctx.locale)
    if isinstance(command, c.ParseError):
        if not _CJK.search(text) and re.search("[A-Za-z]", text):  # answered in the message's language
            ctx.locale = "en"
        return replace(usage_reply(ctx.locale, command), locale=ctx.locale)
    return command


def _announce(session: Session, tenant: Tenant, member: Member, reply: Reply, now: dt.datetime) -> Reply:
    """Queue what the action caused for the team (a won deal's celebration) to every channel of
    the member's team, on every platform, in the transaction that stores the action: the outbox
    sends each once, whichever way the action came in. With nowhere to go, it stays on the reply
    for the adapter to show where it was said (the console shows it inline)."""
    people = PeopleRepository(session)
    teams = people.teams_of(member.id) or (  # an admin in no team: the one everyone starts in
        [team] if member.role == "admin" and (team := people.default_team(tenant.id)) else [])
    where, seen = [], set()
    for one in teams:  # every team of theirs with a place
        for d in team_destinations(session, tenant, one):
            if d.platform != "console" and (d.platform, d.target) not in seen:
                seen.add((d.platform, d.target))
                where.append(d)
    if not where:
        return reply
    facts.post(session, tenant.id, where, f"announce:{uuid.uuid4().hex}",
               to_payload(reply.announcement), now, fact=reply.announcement.subject or None)
    return replace(reply, announcement=None)


def _standup_or_command(ctx: Ctx, error: c.ParseError) -> Reply:
    standup = f"{name_of(WORDS, 'standup', ctx.locale)} {ctx.text}"
    return Reply(lines=(ctx.t("standup_or_command"),), ok=False, locale=ctx.locale,
                 buttons=(Button(error.fixed[:75], error.fixed),
                          Button(ctx.t("standup_answer_button"), standup)))


@dataclass(frozen=True)
class AnswerTo:
    """A message from a platform, answered through the outbox: the platform's id for the request
    (a retry of one handled stores and answers nothing), and where the answer goes, as outbox
    addresses. The answer is queued in the transaction that stores what the message did, under
    `answer_key`, so it is sent once whatever fails or crashes after. `announce`: where a
    celebration goes when the team has no channel of its own. `held`: the caller sends the
    answer itself within this long (the web process's fast path); workers take it after.
    `in_request`: what of a reply the caller gives back in the request itself (WeCom's passive
    reply): None when all of it (the row is kept as sent), else where the rest goes. `here`: the
    shared conversation (a channel, a group chat) the message was said in, as an address, for
    commands about "here" (`team set East channel here`)."""

    delivery: str
    workspace: str
    target: str
    announce: str | None = None
    held: dt.timedelta | None = None
    in_request: Callable[[Reply], str | None] | None = None
    here: str | None = None
    mentioned: tuple[str, ...] = ()
    shared: bool = False  # `here` is shared with another organisation


def answer_key(platform: str, delivery: str) -> str:
    return f"answer:{platform}:{delivery}"[:200]


def handle_message(session_factory: sessionmaker[Session], user: UserRef, message: Message, *,
                   defaults: Defaults = Defaults(), now: dt.datetime | None = None,
                   answer_to: AnswerTo | None = None) -> Reply | None:
    """The whole path of one message in one transaction; an error reply stores nothing.

    With `answer_to`, the answer is queued in the outbox with what the message did, and a retry
    of a message handled before returns None and changes nothing. When another process registers
    the same new workspace, default team or person at the same moment, the loser's insert fails;
    it goes again (once per thing it can lose: tenant, team, member).
    """
    for _lost in range(REGISTER_ATTEMPTS - 1):
        try:
            return _handle_once(session_factory, user, message, defaults, now or utcnow(), answer_to)
        except IntegrityError:
            continue
    return _handle_once(session_factory, user, message, defaults, now or utcnow(), answer_to)


REGISTER_ATTEMPTS = 4


def _handle_once(session_factory, user: UserRef, message: Message, defaults: Defaults,
                 now: dt.datetime, answer_to: AnswerTo | None) -> Reply | None:
    with session_factory() as session:
        tenant, member, new = identify(session, user, defaults, reply_locale(message, "en"))
        if answer_to is not None and not _first(session, tenant.id, user.platform, answer_to, now):
            return None
        outcome = dispatch(session, tenant, member, message, now, defaults, platform=user.platform,
                           here=answer_to.here if answer_to else None,
                           mentioned=answer_to.mentioned if answer_to else (),
                           shared=bool(answer_to and answer_to.shared))
        reply = outcome.reply
        if not outcome.refused and reply.announcement is not None:
            reply = _announce(session, tenant, member, reply, now)
        if outcome.refused:
            session.rollback()
            if outcome.record or new:  # a newcomer stays a member (others may name them); what
                # a refusal must keep (a failed attempt) is written by the sender as they are
                tenant, member, _new = identify(session, user, defaults, reply.locale)
                if outcome.record:
                    outcome.record(session, member)
            # the retry of a refused message is still a retry: answered once (by whichever
            # process holds the key now)
            if answer_to is not None and not _first(session, tenant.id, user.platform, answer_to, now):
                return None
        if new:
            reply = _first_words(session, tenant, member, reply, now)
        if answer_to is not None:
            _fill_answer(session, tenant.id, user.platform, answer_to, reply, now)
        session.commit()
    return reply


def _first_words(session: Session, tenant: Tenant, member: Member, reply: Reply, now: dt.datetime) -> Reply:
    """A newcomer's first answer: a welcome (instead of "didn't get that" for a first `hi`),
    telling the first one they are the admin; and the team they joined has its managers (or,
    with none, the admins) told who joined."""
    locale = reply.locale
    head = (t(locale, "welcome", name=member.display_name),
            *((t(locale, "you_are_admin"),) if member.role == "admin" else ()))
    lines = reply.lines[1:] if reply.lines[:1] == (t(locale, "unknown"),) else reply.lines
    if member.role != "admin":
        _tell_managers(session, tenant, member, now)
    return replace(reply, lines=(*head, *lines))


def _tell_managers(session: Session, tenant: Tenant, member: Member, now: dt.datetime) -> None:
    people = PeopleRepository(session)
    for team in people.teams_of(member.id):
        managers = [m for m in people.roster(team.id) if m.role != "rep" and m.id != member.id] or [
            m for m in people.members(tenant.id) if m.role == "admin" and m.active]
        addresses = MemberAddresses(session, tenant, [m.id for m in managers])
        rows = [{"key": f"joined:{member.id}:{team.id}:{m.id}", "tenant_id": tenant.id,
                 "platform": where.platform, "workspace": where.workspace, "target": where.target,
                 "payload": to_payload(Reply(lines=(t(m.locale, "member_joined", name=member.display_name,
                                                      team=team.name),), locale=m.locale))}
                for m in managers if (where := addresses.of(m.id)) is not None]
        OutboxRepository(session).enqueue_many(rows, now)


def _first(session: Session, tenant_id: int, platform: str, answer_to: AnswerTo, now: dt.datetime) -> bool:
    """Take the message's answer key, as the transaction's first write of its own; False when
    it was taken before (by this or another process: on PostgreSQL the second insert waits for
    the first to commit). The answer itself is filled in when it is known."""
    session.add(Delivery(key=answer_key(platform, answer_to.delivery), tenant_id=tenant_id,
                         platform=platform, workspace=answer_to.workspace, target=answer_to.target,
                         payload={}, status="pending", attempts=0,
                         next_attempt_at=now + (answer_to.held or dt.timedelta()), last_error="",
                         created_at=now))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        return False
    return True


def _fill_answer(session: Session, tenant_id: int, platform: str, answer_to: AnswerTo, reply: Reply,
                 now: dt.datetime) -> None:
    key = answer_key(platform, answer_to.delivery)
    rest = answer_to.in_request(reply) if answer_to.in_request else answer_to.target
    OutboxRepository(session).fill(key, to_payload(replace(reply, announcement=None)),
                                   target=rest or answer_to.target, sent=None if rest else now)
    if reply.announcement is not None and answer_to.announce:
        OutboxRepository(session).enqueue_many(
            [{"key": f"{key}:announce"[:200], "tenant_id": tenant_id, "platform": platform,
              "workspace": answer_to.workspace, "target": answer_to.announce,
              "payload": to_payload(reply.announcement), "fact": facts.fact_of(reply.announcement)}],
            now, due=now + (answer_to.held or dt.timedelta()))
