"""Exchange rates into a tenant's base currency, as its admins set them. Callers own the transaction."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import ExchangeRate, Tenant

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rates:
    """The base currency and, per other currency, what one unit of it is worth in the base."""

    base: str
    to_base: dict[str, Decimal] = field(default_factory=dict)

    def rate_of(self, currency: str) -> Decimal | None:
        """What one unit of `currency` is worth in the base currency, or None when not set."""
        return Decimal(1) if currency == self.base else self.to_base.get(currency)

    def convert(self, amount: Decimal, currency: str) -> Decimal | None:
        """`amount` in the base currency, or None when no rate is set for `currency`."""
        if currency == self.base:
            return amount
        rate = self.rate_of(currency)
        return None if rate is None else (amount * rate).quantize(CENT)


class Converted:
    """What a sum over amounts in several currencies adds up to: the rates it used, and the
    amounts in currencies without a rate, which it leaves out (per currency)."""

    def __init__(self, rates: Rates):
        self.rates = rates
        self.used: dict[str, Decimal] = {}
        self.left_out: dict[str, Decimal] = {}

    def __call__(self, amount: Decimal, currency: str) -> Decimal:
        """`amount` in the base currency (0 when it cannot be converted: it is kept aside)."""
        value = self.rates.convert(Decimal(amount), currency)
        if value is None:
            self.left_out[currency] = self.left_out.get(currency, Decimal(0)) + Decimal(amount)
            return Decimal(0)
        if currency != self.rates.base and amount:
            self.used[currency] = self.rates.to_base[currency]
        return value


class RateRepository:
    def __init__(self, session: Session):
        self.s = session

    def of(self, tenant: Tenant) -> Rates:
        rows = self.s.execute(select(ExchangeRate.currency, ExchangeRate.rate)
                              .where(ExchangeRate.tenant_id == tenant.id))
        return Rates(tenant.currency, {currency: Decimal(rate) for currency, rate in rows})

    def set(self, tenant_id: int, currency: str, rate: Decimal, actor_id: int | None,
            now: dt.datetime) -> Decimal | None:
        """Set (or replace) a rate; returns the one it replaced."""
        row = self.s.scalar(select(ExchangeRate).where(ExchangeRate.tenant_id == tenant_id,
                                                       ExchangeRate.currency == currency))
        before = None if row is None else Decimal(row.rate)
        if row is None:
            row = ExchangeRate(tenant_id=tenant_id, currency=currency)
            self.s.add(row)
        row.rate, row.set_by, row.set_at = rate, actor_id, now
        self.s.flush()
        return before

    def remove(self, tenant_id: int, currency: str) -> None:
        self.s.execute(delete(ExchangeRate).where(ExchangeRate.tenant_id == tenant_id,
                                                  ExchangeRate.currency == currency))

    def listing(self, tenant_id: int) -> list[ExchangeRate]:
        return list(self.s.scalars(select(ExchangeRate).where(ExchangeRate.tenant_id == tenant_id)
                                   .order_by(ExchangeRate.currency)))
