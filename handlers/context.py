"""What every handler works with: the session, who is asking, in which language, and their today."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from os.path import commonprefix
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers.grammar.commands import ParseError
from handlers.grammar.intents import usage
from handlers.text.reply import Button, Reply
from handlers.text.strings import t
from handlers.text.when_read import day_mark, say
from storage.address import Address
from storage.models.team import Team
from storage.models.workspace import Member, Tenant
from storage.people import PeopleRepository
from storage.rates import RateRepository, Rates


class Refusal(Exception):
    """Raised by a handler step to answer with an error Reply; nothing of the message is stored,
    except what `record(session, member)` writes after the rollback (the trail of a failed
    attempt that must count, such as a wrong link code)."""

    def __init__(self, reply: Reply, record: Callable[[Session, Member], None] | None = None):
        super().__init__(reply.text)
        self.reply = reply
        self.record = record


@dataclass
class Ctx:
    session: Session
    tenant: Tenant
    member: Member
    locale: str
    now: dt.datetime  # aware, UTC
    default_timezone: str = "Asia/Shanghai"
    default_calendar: str = "CN"
    platform: str = ""  # where this message came from (none for a job run)
    here: Address | None = None  # the channel or group chat it was said in
    text: str = ""  # the message as typed (one space between words), for offers to send it again
    command: object = None  # the command being run, for buttons that run it again changed
    created_customers: list[str] = field(default_factory=list)
    #: platform user ids the platform marked as mentions (`<@U1>`): each names that user only
    mentioned: frozenset[str] = frozenset()
    here_shared: bool = False  # `here` is shared with another organisation (Slack Connect)
    #: What the journal calls this message's change (`deal.delete` for the bin), when not the
    #: command's own name (storage/journal.py).
    change_kind: str = ""
    change_label: str = ""  # what the journal shows for it, when not the message as typed
    change_actor: object = None  # whose change it is, when not the sender's (a link: the member joined)
    journaled: list = field(default_factory=list)  # the changes this message made (one undo step)
    #: Said under the reply (`“ACME” taken as Acme Corp.`): what the handler read differently.
    notes: list[str] = field(default_factory=list)
    #: The reply waits in the outbox (a scheduled post): its days are worded when it is sent.
    queued: bool = False
    #: A correction sent while the bot's question about an offer is open, with no place in it: a
    #: correction of what was saved is asked, never made at once (handlers/sales/follow_on.py).
    offer_open: bool = False
    #: The message corrects the member's last change (`no I meant 50`, handlers/sales/follow_on.py,
    #: said_again.py): refused, it is not kept as their last message, so the correction said again
    #: (as the refusal says how) still corrects that change, and nothing older.
    correcting: bool = False
    #: What this message did to the question it found open: "answered" it (an offer tapped), left
    #: one asked of a message refused unanswered ("refused": that message, maybe not kept as the
    #: last one, was not understood: no reference looks past it, customer_referred.py), or "".
    question: str = ""
    #: A job run's reads, shared by the contexts it makes (one per member it writes to), so that a
    #: read is made once for the whole team: `ids` are the members a per-member read covers.
    #: None for a message, which reads only what it needs.
    shared: dict | None = None
    #: What happened that others must hear of (handlers/events.py), collected for the message's
    #: or run's unit of work to queue with what it stores; dropped with a refusal.
    events: list = field(default_factory=list)

    def emit(self, event) -> None:
        """Say what happened; the unit of work queues who must hear of it (handlers/outgoing.py)."""
        self.events.append(event)

    def once(self, key, read):
        """`read()`, made once per job run (each time for a message)."""
        if self.shared is None:
            return read()
        if key not in self.shared:
            self.shared[key] = read()
        return self.shared[key]

    def mine(self, key, read_many, default, member_id: int | None = None):
        """`read_many(ids)` (a {member: value} read) for one member, by default the asker: in a job
        run, read once for all the run's members; for a message, for this member alone."""
        member_id = self.member.id if member_id is None else member_id
        ids = (self.shared or {}).get("ids", ())
        if member_id not in ids:
            return read_many([member_id]).get(member_id, default)
        return self.once(key, lambda: read_many(list(ids))).get(member_id, default)

    def t(self, key: str, **values) -> str:
        return t(self.locale, key, **values)

    def day(self, value: dt.date, form: str = "") -> str:
        """`value` relative to the reader's today (`tomorrow` · `明天`, or a `form` of
        handlers/when_read): as of now, or, in a queued reply, as of when it is read."""
        if self.queued:
            return day_mark(value, self.zone.key, form)
        return say(value, self.today, self.locale, form)

    @cached_property
    def people(self) -> PeopleRepository:
        return PeopleRepository(self.session)

    @cached_property
    def rates(self) -> Rates:
        """The tenant's base currency and the exchange rates its admins set (today's, and each
        day's for deals closed on it)."""
        return RateRepository(self.session).of(self.tenant, self.today, self.default_timezone)

    @cached_property
    def teams(self) -> list[Team]:
        return self.people.teams_of(self.member.id)

    @property
    def team(self) -> Team | None:
        """The member's home team: the first they joined. An admin, who is in no team unless
        they join one, reads and runs the team everyone starts in."""
        if self.teams:
            return self.teams[0]
        return self.people.default_team(self.tenant.id) if self.is_admin else None

    @cached_property
    def zone(self) -> ZoneInfo:
        name = self.member.timezone or (self.team.timezone if self.team else self.default_timezone)
        return ZoneInfo(name)

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(self.zone).date()

    def day_of(self, at: dt.datetime) -> dt.date:
        """The member's day of a stored instant (stored in UTC; naive means UTC): a visit made at
        01:00 in Shanghai is that day, not the UTC day before."""
        return (at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)).astimezone(self.zone).date()

    @property
    def calendar(self) -> str:
        return self.team.calendar if self.team else f"{self.default_calendar}@{self.tenant.id}"

    @property
    def is_manager(self) -> bool:
        return self.member.role in ("manager", "admin")

    @property
    def is_admin(self) -> bool:
        return self.member.role == "admin"

    def utc_range(self, first: dt.date, end: dt.date, zone: ZoneInfo | None = None):
        """[first, end) in local days as a UTC datetime range."""
        zone = zone or self.zone
        return tuple(dt.datetime.combine(d, dt.time(), zone).astimezone(dt.timezone.utc)
                     for d in (first, end))

    def refuse(self, key: str, *, hint: str | None = None, record=None, buttons: tuple = (),
               **values) -> Refusal:
        """A refusal saying `key`; `buttons` offer what the user probably meant, one tap away."""
        lines = (self.t(key, **values),) + ((hint,) if hint else ())
        return Refusal(Reply(lines=lines, buttons=buttons, ok=False), record)


#: The first line says all (the date's forms, a slip's fix): no block of the command's usage after it.
_FIX_SAYS_IT = ("date", "word_typo", "mention_missing", "count_money")


#: The examples under "didn't get that": a rep's day, or a manager's (the team's progress, targets).
#: A rep's: a visit, a deal, a win, a task, a follow-up pushed, a slip taken back.
_REP_EXAMPLES = (("visit", 0), ("deal", 0), ("won", 0), ("task", 0), ("snooze", 0), ("undo", 0),
                 ("progress", 0), ("help", 0))
_MANAGER_EXAMPLES = (("progress", 1), ("target", 0), ("pipeline", 1), ("leaderboard", 0), ("task", 1),
                     ("help", 0))


def _told_apart(label: str, key: str, said: str, options) -> str:
    """An option's label, with the end of what it sends where another option has the same label
    (two follow-up days: `… · 跟进 2026-12-15`, `… · 跟进 2027-01-04`)."""
    others = [other for same, other, _c in options if same == key and other != said]
    if not said or not others:
        return label
    common = len(commonprefix([said, *others]))
    tail = said[said.rfind(" ", 0, common) + 1:].strip()[:30]  # from the word where they differ
    return f"{re.split(r' ?[（(]', label)[0]} · {tail}"


def usage_reply(locale: str, error: ParseError, *, manager: bool = False) -> Reply:
    """A friendly answer to text that is no command: what went wrong and the right forms; a
    misspelt word comes back with the message as it was probably meant, as a button."""
    if error.problem == "too_long":
        return Reply(lines=(t(locale, "too_long"),), ok=False)
    offer = (Button(error.fixed[:75], error.fixed),) if error.fixed else ()
    if error.options:  # a question: each reading of the message, one tap away
        offer = tuple(Button(_told_apart(t(locale, f"option_{label}"), label, said, error.options), said,
                             action=command) for label, said, command in error.options)
        lines = [t(locale, error.problem, text=error.detail, fixed=error.fixed)]
        lines += [f"{i}. {t(locale, f'option_{label}')}" + (f": {said}" if said else "")
                  for i, (label, said, _command) in enumerate(error.options, 1)]
        hint = t(locale, "answer_hint", count=len(offer)) if len(offer) > 1 else t(locale, "answer_hint_one")
        return Reply(lines=(*lines, hint), buttons=offer, ok=False)
    head = {"date": "bad_date", "count": "bad_count", "count_money": "count_money",
            "split": "split_needs_team",
            "schedule_word": "bad_schedule_word", "typo": "did_you_mean", "stage_typo": "not_a_stage",
            "amount": "bad_amount", "word": "unread_word",
            "reversed": "reversed_range", "follow_up_typo": "follow_up_typo", "rate": "bad_rate",
            "follow_up_day": "follow_up_day", "reason_colon": "reason_colon",
            "currency": "not_a_currency", "quote_name": "quote_name",
            "contact": "bad_contact", "stage_list": "bad_stages",
            "unread_words": "unread_words", "word_typo": "word_typo",
            "mention_missing": "mention_missing", "currency_foreign": "currency_foreign",
            "done_note_fields": "done_note_fields"}.get(error.problem)
    if error.topic is None and not offer:
        examples = tuple(usage(topic, locale)[index]
                         for topic, index in (_MANAGER_EXAMPLES if manager else _REP_EXAMPLES))
        return Reply(lines=(t(locale, "unknown"), *(f"  {e}" for e in examples)), ok=False)
    if head == "unread_word" and error.topic != "deal":  # the title in quotes is a deal's advice only
        head = "unread_word_plain"
    first = t(locale, head, text=error.detail, fixed=error.fixed) if head else t(locale, "usage_title")
    examples = usage(error.topic, locale) if error.topic and error.problem not in _FIX_SAYS_IT else ()
    return Reply(lines=(first, *(f"  {e}" for e in examples)), buttons=offer, ok=False)


class Said:
    """A line said to more than one reader, each in their own words: `ctx.t(key, **values)` where
    a value may be a function of the reader's context (a stage's name in their language, a day as
    they read it), so that a rep told of a manager's change reads it in the rep's language.

    >>> Said("deal_created")
    Said('deal_created')
    """

    def __init__(self, key: str, **values):
        self.key, self.values = key, values

    def __call__(self, ctx: Ctx) -> str:
        return ctx.t(self.key, **{name: value(ctx) if callable(value) else value
                                  for name, value in self.values.items()})

    def __repr__(self) -> str:
        return f"Said({self.key!r})"
