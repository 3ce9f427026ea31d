"""Exchange rates into a tenant's base currency, as its admins set them, each from a day on.

A currency's rates are rows (from day, rate): the rate in force on a day is the row with the
latest from-day not after it; a row without a rate (`rate USD off`) means none from that day.
A won or lost deal converts at the rate in force on its close day, in its owner's team's
timezone; open deals at today's. Rows from `ALWAYS` (rates set before rates had days) hold for
every day until the next row. Callers own the transaction.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.team import Team, TeamMember
from storage.models.workspace import ExchangeRate, Tenant

CENT = Decimal("0.01")
ALWAYS = dt.date(1, 1, 1)  # the from-day of a rate that holds for every day before its next one
_TODAY = object()  # `Converted(...)`'s default: the rate in force today

#: (from day, rate or None) of one currency, by from day
History = tuple[tuple[dt.date, Decimal | None], ...]


@dataclass(frozen=True)
class Rates:
    """The base currency; per other currency, what one unit is worth in the base today
    (`to_base`), and its dated rates (`history`); `zone`: the day of members without a team."""

    base: str
    to_base: dict[str, Decimal] = field(default_factory=dict)
    history: dict[str, History] = field(default_factory=dict)
    zone: str = "Asia/Shanghai"

    def rate_of(self, currency: str) -> Decimal | None:
        """What one unit of `currency` is worth in the base currency today, or None when not set."""
        return Decimal(1) if currency == self.base else self.to_base.get(currency)

    def on(self, currency: str, day: dt.date) -> Decimal | None:
        """The rate of `currency` in force on `day` (None: none was)."""
        if currency == self.base:
            return Decimal(1)
        rate = None
        for start, value in self.history.get(currency, ()):
            if start > day:
                break
            rate = value
        return rate

    def at(self, currency: str, when: dt.datetime, zone: str | None = None) -> Decimal | None:
        """The rate in force on the day of `when` in `zone` (a close day in the owner's team's)."""
        return self.on(currency, when.astimezone(ZoneInfo(zone or self.zone)).date())

    def convert(self, amount: Decimal, currency: str) -> Decimal | None:
        """`amount` in the base currency at today's rate, or None when no rate is set for `currency`."""
        if currency == self.base:
            return amount
        rate = self.rate_of(currency)
        return None if rate is None else (amount * rate).quantize(CENT)

    @property
    def dated(self) -> tuple[str, ...]:
        """The currencies whose rate is not the same on every day."""
        return tuple(sorted(c for c, rows in self.history.items()
                            if len(rows) > 1 or (rows and rows[0][0] != ALWAYS)))

    def spans(self, zone: str, since: dt.datetime, until: dt.datetime
              ) -> list[tuple[str, dt.datetime | None, dt.datetime | None, Decimal]]:
        """(currency, from, until, rate) in UTC for each rate of a dated currency in force for
        part of [since, until), its days cut in `zone`: what a query needs to pick each deal's."""
        where = ZoneInfo(zone)
        edge = lambda day: None if day == ALWAYS else dt.datetime.combine(day, dt.time(), where)  # noqa: E731
        out = []
        for currency in self.dated:
            rows = self.history[currency]
            for i, (start, rate) in enumerate(rows):
                low = edge(start)
                high = edge(rows[i + 1][0]) if i + 1 < len(rows) else None
                if rate is None or (low is not None and low >= until) or (high is not None and high <= since):
                    continue
                out.append((currency, low, high, rate))
        return out


class Converted:
    """What a sum over amounts in several currencies adds up to: the rates it used (per currency,
    all those of the days it covered), and the amounts in currencies without a rate, which it
    leaves out (per currency)."""

    def __init__(self, rates: Rates):
        self.rates = rates
        self.used: dict[str, set[Decimal]] = {}
        self.left_out: dict[str, Decimal] = {}
        self.left_out_on_their_day: set[str] = set()  # of closed deals, by the rate of their day

    def __call__(self, amount: Decimal, currency: str, rate=_TODAY) -> Decimal:
        """`amount` in the base currency at `rate` (by default today's; 0 when there is none: it
        is kept aside)."""
        amount = Decimal(amount)
        if currency == self.rates.base:
            return amount
        if rate is _TODAY:
            rate = self.rates.rate_of(currency)
        elif rate is None:
            self.left_out_on_their_day.add(currency)
        if rate is None:
            self.left_out[currency] = self.left_out.get(currency, Decimal(0)) + amount
            return Decimal(0)
        if amount:
            self.used.setdefault(currency, set()).add(Decimal(rate).normalize())
        return (amount * Decimal(rate)).quantize(CENT)


def zones_of(session: Session, member_ids: list[int], default: str) -> dict[int, str]:
    """{member: the timezone of their home team (the first they joined), else `default`}."""
    zones = dict.fromkeys(member_ids, default)
    seen: set[int] = set()
    rows = session.execute(select(TeamMember.member_id, Team.timezone)
                           .join(Team, Team.id == TeamMember.team_id)
                           .where(TeamMember.member_id.in_(member_ids))
                           .order_by(TeamMember.member_id, Team.id))
    for member_id, zone in rows:
        if member_id not in seen:
            seen.add(member_id)
            zones[member_id] = zone or default
    return zones


class RateRepository:
    def __init__(self, session: Session):
        self.s = session

    def of(self, tenant: Tenant, today: dt.date | None = None, zone: str = "Asia/Shanghai") -> Rates:
        """The tenant's rates; `to_base` as in force on `today` (by default, today in `zone`)."""
        today = today or dt.datetime.now(ZoneInfo(zone)).date()
        rows = self.s.execute(select(ExchangeRate.currency, ExchangeRate.valid_from, ExchangeRate.rate)
                              .where(ExchangeRate.tenant_id == tenant.id)
                              .order_by(ExchangeRate.currency, ExchangeRate.valid_from))
        history: dict[str, list] = {}
        for currency, start, rate in rows:
            history.setdefault(currency, []).append((start, None if rate is None else Decimal(rate)))
        rates = Rates(tenant.currency, {}, {c: tuple(rows) for c, rows in history.items()}, zone)
        for currency in history:
            rate = rates.on(currency, today)
            if rate is not None:
                rates.to_base[currency] = rate
        return rates

    def history(self, tenant_id: int, currency: str) -> History:
        return tuple((start, None if rate is None else Decimal(rate)) for start, rate in self.s.execute(
            select(ExchangeRate.valid_from, ExchangeRate.rate)
            .where(ExchangeRate.tenant_id == tenant_id, ExchangeRate.currency == currency)
            .order_by(ExchangeRate.valid_from)))

    def put(self, tenant_id: int, currency: str, rate: Decimal | None, day: dt.date,
            actor_id: int | None, now: dt.datetime) -> None:
        """`rate` (None: no rate) from `day` until the next row; a row that changes nothing (the
        same as the day before's, or no rate where there was none) is not kept."""
        row = self.s.scalar(select(ExchangeRate).where(
            ExchangeRate.tenant_id == tenant_id, ExchangeRate.currency == currency,
            ExchangeRate.valid_from == day))
        if row is None:
            row = ExchangeRate(tenant_id=tenant_id, currency=currency, valid_from=day)
            self.s.add(row)
        row.rate, row.set_by, row.set_at = rate, actor_id, now
        self.s.flush()
        self._tidy(tenant_id, currency)

    def set(self, tenant_id: int, currency: str, rate: Decimal, actor_id: int | None,
            now: dt.datetime, day: dt.date | None = None) -> Decimal | None:
        """`rate` from `day` (by default now's UTC day) on; returns the rate in force that day before."""
        day = day or now.date()
        before = Rates("", {}, {currency: self.history(tenant_id, currency)}).on(currency, day)
        self.put(tenant_id, currency, rate, day, actor_id, now)
        return before

    def remove(self, tenant_id: int, currency: str, day: dt.date | None = None) -> None:
        """No rate of `currency` from `day` (by default today, UTC) on."""
        self.put(tenant_id, currency, None, day or dt.datetime.now(dt.timezone.utc).date(), None,
                 dt.datetime.now(dt.timezone.utc))

    def _tidy(self, tenant_id: int, currency: str) -> None:
        rows = list(self.s.scalars(select(ExchangeRate).where(
            ExchangeRate.tenant_id == tenant_id, ExchangeRate.currency == currency)
            .order_by(ExchangeRate.valid_from)))
        before = None
        for row in rows:
            rate = None if row.rate is None else Decimal(row.rate)
            if rate == before:
                self.s.delete(row)
            before = rate
        self.s.flush()

    def listing(self, tenant_id: int) -> list[ExchangeRate]:
        return list(self.s.scalars(select(ExchangeRate).where(ExchangeRate.tenant_id == tenant_id)
                                   .order_by(ExchangeRate.currency, ExchangeRate.valid_from)))
