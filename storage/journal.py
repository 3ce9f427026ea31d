"""The journal of changes made from chat: each change is the rows it touched, as they were before
and after, so `undo` can put them back exactly, and a deletion stays restorable (the bin).

A `Recorder` watches one message's session: the first time a tracked row is about to be written
(changed, deleted, or the rows a deletion cascades to or unlinks), its state is read from the
database; when the handler is done, every such row is read again. Nothing else needs to know: a
handler writes through the ORM as usual. `revert` puts a change's rows back only while they are
exactly as the change left them, so nobody's later work is undone with it. Standup answers are tracked too."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import JSON, Date, Numeric, Table, and_, delete, event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models.base import Base, UTCDateTime
from storage.models.sales import Change, Customer, Deal, DealEvent, Task, Visit
from storage.models.team import Contest, Leave, Target, Team, TeamDestination, TeamMember, Tip, TipVote
from storage.models.workspace import ExchangeRate, Identity, Member, Tenant, TenantLink
from storage.standups import StandupAnswer

TRACKED = (Customer, Visit, Deal, DealEvent, Task, Tip, TipVote, Contest, Target, Leave, ExchangeRate,
           StandupAnswer, Team, TeamMember, TeamDestination,  # (a standup answer is undone too: r32zh)
           Tenant, TenantLink, Member, Identity)  # a `link` joins members (and workspaces)
TABLES = {model.__table__.name: model.__table__ for model in TRACKED}
_ORDER = [t.name for t in Base.metadata.sorted_tables if t.name in TABLES]  # parents first
WINDOW = dt.timedelta(hours=24)  # how far back `undo` goes
BIN_DAYS = 30  # how long a deleted record can be restored (then purged)

Key = tuple[str, tuple]


def _plain(column, value):
    """A column's value as JSON, the same whichever way it was read (ORM, SQLite, PostgreSQL)."""
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(value, Decimal) or isinstance(column.type, Numeric):
        return format(Decimal(value).normalize(), "f")
    if isinstance(column.type, Date) or isinstance(value, dt.date):
        return value.isoformat()
    return value


def _typed(column, value):
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column.type, Numeric):
        return Decimal(value)
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(value)
    return value


def _where(table: Table, pk: tuple):
    return and_(*(column == value for column, value in zip(table.primary_key.columns, pk, strict=True)))


def read(session: Session, table: Table, pk: tuple, *, lock: bool = False) -> dict | None:
    """A row as stored now; `lock`: held for this transaction (PostgreSQL `FOR UPDATE`: a
    concurrent edit or undo of it waits for ours, then sees what we did)."""
    query = select(table).where(_where(table, pk))
    if lock and session.bind.dialect.name == "postgresql":
        query = query.with_for_update()
    row = session.connection().execute(query).mappings().first()
    return None if row is None else {c.name: _plain(c, row[c.name]) for c in table.columns}


class Recorder:
    """Records what one handler run changes in tracked tables (see the module's docstring)."""

    def __init__(self, session: Session):
        self.session = session
        self.before: dict[Key, dict | None] = {}
        self._new: list = []

    def __enter__(self) -> Recorder:
        self.session.info["journal_recorder"] = self  # `revert` (a restore) writes below the ORM: it tells us
        event.listen(self.session, "before_flush", self._before_flush)
        event.listen(self.session, "after_flush", self._after_flush)
        event.listen(self.session, "do_orm_execute", self._bulk)
        return self

    def __exit__(self, *_exc) -> None:
        self.session.info.pop("journal_recorder", None)
        event.remove(self.session, "before_flush", self._before_flush)
        event.remove(self.session, "after_flush", self._after_flush)
        event.remove(self.session, "do_orm_execute", self._bulk)

    def _bulk(self, state) -> None:
        """An UPDATE or DELETE statement (`close_followups`, a merge): the rows it will touch."""
        if not (state.is_update or state.is_delete):
            return
        table = state.statement.table
        if table.name not in TABLES:
            return
        where = state.statement.whereclause
        query = select(*table.primary_key.columns)
        rows = self.session.connection().execute(query if where is None else query.where(where)).all()
        for row in rows:
            self._see(table, tuple(row), deleted=state.is_delete)

    def _before_flush(self, session, _context, _instances) -> None:
        for obj in session.new:
            if isinstance(obj, TRACKED):
                self._new.append(obj)
        for obj in [*session.dirty, *session.deleted]:
            if isinstance(obj, TRACKED) and obj not in session.new:
                self._see(obj.__table__, _pk(obj), deleted=obj in session.deleted)

    def _after_flush(self, _session, _context) -> None:
        for obj in self._new:
            self.before.setdefault((obj.__table__.name, _pk(obj)), None)
        self._new.clear()

    def see(self, table: Table, pk: tuple) -> None:
        """A row about to be written outside the ORM (`revert`)."""
        self._see(table, pk)

    def _see(self, table: Table, pk: tuple, deleted: bool = False) -> None:
        key = (table.name, pk)
        if key not in self.before:
            self.before[key] = read(self.session, table, pk)
        if deleted:  # what the database will cascade to, or unlink, is part of the change
            for child, column, rule in _references(table):
                rows = self.session.connection().execute(
                    select(*child.primary_key.columns).where(column == pk[0])).all()
                for row in rows:
                    self._see(child, tuple(row), deleted=rule == "CASCADE")

    def rows(self) -> list[dict]:
        """[{t: table, k: primary key, b: before, a: after}] of every row that differs."""
        self.session.flush()
        out = []
        for (name, pk), before in self.before.items():
            after = read(self.session, TABLES[name], pk)
            if after != before:
                out.append({"t": name, "k": list(pk), "b": before, "a": after})
        return out


def _pk(obj) -> tuple:
    return tuple(getattr(obj, c.key) for c in obj.__table__.primary_key.columns)


def _references(table: Table):
    """(tracked table, its column, ON DELETE rule) for each column pointing at `table`'s key."""
    for child in TABLES.values():
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk.parent, (fk.ondelete or "").upper()


def record(session: Session, *, tenant_id: int, actor_id: int, at: dt.datetime, kind: str,
           label: str, rows: list[dict], main_table: str | None = None) -> Change | None:
    """Keep a change (None when it touched nothing). Its main record is the first of its rows in
    the order `MAIN` lists tables (a deletion's: the row deleted of `main_table`)."""
    if not rows:
        return None
    deleted_main = [r for r in rows if r["t"] == main_table and r["a"] is None]
    main = deleted_main[0] if deleted_main else min(
        rows, key=lambda r: MAIN.index(r["t"]) if r["t"] in MAIN else len(MAIN))
    change = Change(tenant_id=tenant_id, actor_id=actor_id, at=at, kind=kind[:32], entity=main["t"],
                    entity_id=main["k"][0] if len(main["k"]) == 1 else None, label=label[:200],
                    rows=rows, status="done")
    session.add(change)
    session.flush()
    return change


def together(changes: list[Change]) -> None:
    """The changes one message made carry the first one's id (`together_with`), so that `undo`
    takes them back together (`made_together`)."""
    if len(changes) > 1:
        for change in changes:
            change.together_with = changes[0].id


def made_together(session: Session, change: Change) -> list[Change]:
    """The changes (not undone yet) the message that made `change` made, in order (itself alone)."""
    first = change.together_with
    if first is None:
        return [change]
    return list(session.scalars(select(Change).where(
        Change.actor_id == change.actor_id, Change.status == "done", Change.id >= first,
        Change.id <= change.id, Change.together_with == first).order_by(Change.id)))


MAIN = ("deals", "visits", "tasks", "tips", "contests", "targets", "leaves", "exchange_rates",
        "customers", "teams", "team_members", "tip_votes", "team_destinations", "deal_events")


@dataclass(frozen=True)
class Blocked:
    """Why a change cannot be put back: a row of it (`table`, `key`) that is `why` (changed
    since, in use by another record, or taken again)."""

    table: str
    key: tuple
    why: str  # changed | in_use | taken
    current: dict | None = None


def revert(session: Session, change: Change, only_deleted: bool = False) -> Blocked | list[dict]:
    """Put a change's rows back as they were before it, or say why not (nothing changed then).

    Every row must be exactly as the change left it. A customer the change created that other
    records use now, or someone changed since, is kept (the kept rows are returned); any other
    row they use is a refusal. `only_deleted` (a restore from the bin): only the rows the change
    deleted come back (and what pointed at them points at them again when unchanged since).
    """
    rows, kept = [], []
    main_first = sorted(change.rows, key=lambda r: (r["t"], r["k"][0]) != (change.entity, change.entity_id))
    for row in main_first:
        table = TABLES[row["t"]]
        pk = tuple(row["k"])
        current = read(session, table, pk, lock=True)
        if only_deleted and row["a"] is not None and row["b"] is not None and current != row["a"]:
            continue  # a link the deletion cut, changed since: left as it is now
        if only_deleted and row["b"] is None:
            continue
        if current != row["a"] and row["t"] == "customers" and row["b"] is None and current is not None:
            kept.append({**row, "a": current})  # a customer it created, changed by others since: kept
            continue
        if current != row["a"]:
            return Blocked(row["t"], pk, "taken" if row["a"] is None else "changed", current)
        if row["t"] == "deal_events" and row["b"] is None and not any(
                r["t"] == "deals" and r["b"] is None for r in change.rows):
            continue  # a deal's history keeps what happened; `undo` adds the step back to it
        if row["b"] is None:
            users = _users(session, table, pk, {(r["t"], tuple(r["k"])) for r in change.rows})
            if users and row["t"] == "customers":
                kept.append(row)
                continue
            if users:
                return Blocked(row["t"], pk, "in_use", current)
        rows.append(row)
    order = {name: i for i, name in enumerate(_ORDER)}
    recorder = session.info.get("journal_recorder")
    if recorder is not None:  # a restore, itself a change: what it puts back is recorded, to undo
        for row in rows:
            recorder.see(TABLES[row["t"]], tuple(row["k"]))
    try:
        with session.begin_nested():
            connection = session.connection()
            for row in sorted((r for r in rows if r["a"] is None), key=lambda r: order[r["t"]]):
                table = TABLES[row["t"]]
                connection.execute(insert(table).values(_values(table, row["b"])))
            for row in rows:
                if row["a"] is not None and row["b"] is not None:
                    table = TABLES[row["t"]]
                    connection.execute(update(table).where(_where(table, tuple(row["k"])))
                                       .values(_values(table, row["b"])))
            for row in sorted((r for r in rows if r["b"] is None), key=lambda r: -order[r["t"]]):
                table = TABLES[row["t"]]
                connection.execute(delete(table).where(_where(table, tuple(row["k"]))))
    except IntegrityError:  # a name or a key someone took again meanwhile
        return Blocked(change.entity, (change.entity_id,), "taken")
    session.expire_all()
    return kept


def typed(table: Table, data: dict) -> dict:
    """A row kept in a change, with its values typed again (dates, amounts), by column key."""
    return {c.key: _typed(c, data.get(c.name)) if not isinstance(c.type, JSON) else data.get(c.name)
            for c in table.columns}


def _values(table: Table, data: dict) -> dict:
    return {c.name: _typed(c, data[c.name]) if not isinstance(c.type, JSON) else data[c.name]
            for c in table.columns if c.name in data}


def _users(session: Session, table: Table, pk: tuple, ours: set[Key]) -> list[Key]:
    """Rows outside the change that point at this row now (a deal's own history aside)."""
    found = []
    for child, column, _rule in _references(table):
        if child.name == "deal_events":
            continue
        for row in session.connection().execute(select(*child.primary_key.columns)
                                                .where(column == pk[0])).all():
            if (child.name, tuple(row)) not in ours:
                found.append((child.name, tuple(row)))
    return found


def latest(session: Session, tenant_id: int, actor_id: int, before: int | None = None) -> Change | None:
    """The actor's most recent change not undone or passed over yet (`before`: of those before it)."""
    earlier = (Change.id < before,) if before is not None else ()
    return session.scalar(select(Change).where(Change.tenant_id == tenant_id, Change.actor_id == actor_id,
                                               Change.status == "done", *earlier)
                          .order_by(Change.id.desc()).limit(1))


def take_latest(session: Session, tenant_id: int, actor_id: int) -> Change | None:
    """`latest`, held for this transaction so that two undos at once never put back the same
    change twice: on PostgreSQL the change's row is locked (`FOR UPDATE`) and read again, and
    one another undo took meanwhile is passed for the one before it; SQLite's write lock is
    taken first (one writer at a time: the other undo waits, then reads what this one did)."""
    if session.bind.dialect.name == "sqlite":
        session.execute(update(Change).where(Change.id == -1).values(status=Change.status))
    while (change := latest(session, tenant_id, actor_id)) is not None:
        if session.bind.dialect.name != "postgresql":
            return change
        held = session.scalar(select(Change).where(Change.id == change.id).with_for_update()
                              .execution_options(populate_existing=True))
        if held is not None and held.status == "done":
            return held
    return None


def who_changed(session: Session, change: Change, table: str, pk: tuple) -> Change | None:
    """The later change (anyone's) that touched this row last, if it came from chat."""
    later = session.scalars(select(Change).where(Change.tenant_id == change.tenant_id, Change.id > change.id,
                                                 Change.status != "undone").order_by(Change.id.desc()))
    for other in later:
        if any(r["t"] == table and tuple(r["k"]) == tuple(pk) for r in other.rows):
            return other
    return None


def deleted(session: Session, tenant_id: int, entity: str, entity_id: int) -> Change | None:
    """The change that deleted this record and is still in the bin."""
    return session.scalar(select(Change).where(Change.tenant_id == tenant_id, Change.entity == entity,
                                               Change.entity_id == entity_id,
                                               Change.kind.endswith(".delete"), Change.status == "done")
                          .order_by(Change.id.desc()).limit(1))


def back_in_bin(session: Session, tenant_id: int, entity: str, entity_id: int | None) -> None:
    """A restore undone: the deletion it undid is in the bin again (restorable, undoable)."""
    found = session.scalar(select(Change).where(Change.tenant_id == tenant_id, Change.entity == entity,
                                                Change.entity_id == entity_id,
                                                Change.kind.endswith(".delete"), Change.status == "restored")
                           .order_by(Change.id.desc()).limit(1))
    if found is not None:
        found.status = "done"


def in_bin(session: Session, tenant_id: int, since: dt.datetime, limit: int = 30) -> list[Change]:
    return list(session.scalars(select(Change).where(Change.tenant_id == tenant_id,
                                                     Change.kind.endswith(".delete"),
                                                     Change.status == "done", Change.at >= since)
                                .order_by(Change.id.desc()).limit(limit)))
