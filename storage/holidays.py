"""Tenants' corrections of their holiday calendars. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models.team import Team
from storage.models.workspace import CalendarDay, CalendarYear

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

    def declare_official(self, tenant_id: int, calendar: str, year: int, actor_id: int | None) -> bool:
        """Mark a year of a calendar as entered in full; False when it was already."""
        found = self.s.scalar(select(CalendarYear.id).where(
            CalendarYear.tenant_id == tenant_id, CalendarYear.calendar == calendar,
            CalendarYear.year == year))
        if found is not None:
            return False
        self.s.add(CalendarYear(tenant_id=tenant_id, calendar=calendar, year=year, set_by=actor_id))
        self.s.flush()
        return True

    def official_years(self, tenant_id: int | None = None) -> dict[int, dict[str, set[int]]]:
        """{tenant id: {calendar: years declared official}}, of one tenant or all."""
        query = select(CalendarYear.tenant_id, CalendarYear.calendar, CalendarYear.year)
        if tenant_id is not None:
            query = query.where(CalendarYear.tenant_id == tenant_id)
        out: dict[int, dict[str, set[int]]] = {}
        for tenant, calendar, year in self.s.execute(query):
            out.setdefault(tenant, {}).setdefault(calendar, set()).add(year)
        return out

    def calendars_in_use(self, tenant_id: int) -> set[str]:
        """The calendars the tenant's teams follow."""
        return set(self.s.scalars(select(Team.holiday_calendar).where(Team.tenant_id == tenant_id)))
