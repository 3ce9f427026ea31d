"""Tenants' corrections of their holiday calendars. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import CalendarDay

Corrections = dict[str, dict[dt.date, bool]]  # calendar code → {day: working}


class CalendarRepository:
    def __init__(self, session: Session):
        self.s = session

    def correct(self, tenant_id: int, calendar: str, days: list[dt.date], working: bool | None,
                actor_id: int | None) -> None:
        """Make `days` working days (True), days off (False), or as published again (None)."""
        self.s.execute(delete(CalendarDay).where(CalendarDay.tenant_id == tenant_id,
                                                 CalendarDay.calendar == calendar,
                                                 CalendarDay.day.in_(days)))
        if working is not None:
            self.s.add_all(CalendarDay(tenant_id=tenant_id, calendar=calendar, day=day, working=working,
                                       set_by=actor_id) for day in days)
        self.s.flush()

    def corrections(self, tenant_id: int | None = None) -> dict[int, Corrections]:
        """{tenant id: {calendar: {day: working}}}, of one tenant or all."""
        query = select(CalendarDay.tenant_id, CalendarDay.calendar, CalendarDay.day, CalendarDay.working)
        if tenant_id is not None:
            query = query.where(CalendarDay.tenant_id == tenant_id)
        out: dict[int, Corrections] = {}
        for tenant, calendar, day, working in self.s.execute(query):
            out.setdefault(tenant, {}).setdefault(calendar, {})[day] = working
        return out
