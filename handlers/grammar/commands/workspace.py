"""Running the workspace: teams and their places, roles, leave, calendars, stages, the CRM, rates,
linking accounts, the language."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from handlers.grammar.commands.base import Command


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
    replaces: int | None = None  # the leave just entered, corrected to these days (`no, 12/28-12/31`)
    overlap: str = ""  # over leave already there: "merge" (all the days) or "replace" (these days)
    note: str = ""  # why, as said after the days (`leave fri, dentist`, `请假 周五 看牙`): kept with them
    note_checked: bool = False  # a why naming a day, kept (or dropped) as the member answered


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
