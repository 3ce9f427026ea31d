"""Helpers the tests share: the console chat backend as tests use it, a WSGI test server, and
checks that hostile input was refused quietly and stored nothing."""
from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import re
import shlex
import subprocess
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from bot.console.chat import ConsoleBot
from bot.web import create_app
from bot.worker import inbox_runners, platform_senders
from databases import start_empty
from handlers.grammar.command_json import button_values, pressed
from handlers.senders import Defaults
from storage.models.base import Base
from storage.models.team import Team, TeamMember
from storage.models.workspace import Member
from worker.delivery import DeliveryWorker
from worker.inbox import InboxWorker

# A Monday in the middle of a month and quarter, so that "today" is the same in every run.
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
LONG_AGO = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
#: A Monday at the start of a month's second week (Dec 7, 2026), the day of many later tests.
MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


class Chat:
    """The console backend as tests use it: `chat("visit Acme: …", user="Ana")` → what Ana reads."""

    def __init__(self, session_factory, tenant: str = "local", platform: str = "console"):
        self.bot = ConsoleBot(session_factory, Defaults(), tenant=tenant, platform=platform)
        self.now = NOW
        self.session_factory = session_factory

    def __call__(self, text: str, user: str = "Ana", lang: str | None = None) -> str:
        return self.bot.say(user, text, lang=lang, now=self.now)

    def reply(self, text: str, user: str = "Ana", lang: str | None = None):
        return self.bot.send(user, text, lang=lang, now=self.now)

    def exchange(self, text: str, user: str = "Ana", lang: str | None = None):
        """The answer and the team posts the message caused, as the outbox sent them here."""
        return self.bot.exchange(user, text, lang=lang, now=self.now)

    def press(self, button, user: str = "Ana", lang: str | None = None):
        """A button pressed: its value as a chat platform sends it back, decoded as the bot does."""
        [(_button, value)] = button_values([button], 2000)
        return self.bot.send(user, pressed(value), lang=lang, now=self.now)

    def said_ok(self, *lines, user: str = "Ana") -> None:
        """Each line said in turn, by `user` or by the one named with it (`(text, user)`), each done."""
        for line in lines:
            text, who = line if isinstance(line, tuple) else (line, user)
            assert self.reply(text, user=who).ok, text

    def team(self, manager: str = "Mia", reps: tuple[str, ...] = ("Ana", "Bo")) -> None:
        """Register a manager (the tenant's first member: admin) and reps in the default team,
        which has been there since long before the days tests run jobs on (a scheduled run
        belongs only to the teams and members that existed at its time). On an empty database
        of the run's, made by these messages once a run and copied after (databases.start_empty)."""
        def make() -> None:
            self.reply("help", user=manager)
            for rep in reps:
                self.reply("help", user=rep)
            self.backdate(LONG_AGO)
        said = ("team", manager, *reps, self.bot.tenant, self.bot.platform, self.now.isoformat())
        start_empty(said, self.session_factory.kw["bind"], make)

    def backdate(self, when: dt.datetime) -> None:
        """Every team, member and membership as made at `when`."""
        with self.session_factory.begin() as s:
            for model in (Team, Member):
                s.execute(update(model).values(created_at=when))
            s.execute(update(TeamMember).values(joined_at=when))


ROOT = Path(__file__).parents[1]


def procfile_command(kind: str) -> list[str]:
    """The Procfile's command for a process kind (`web`, `worker`), as a Procfile host runs it."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{kind}:"):
            return shlex.split(line.split(":", 1)[1])
    raise AssertionError(f"no {kind} line in the Procfile")


def eventually(condition, timeout: float = 120.0):
    """Poll `condition()` until it is truthy (work another thread or process does); its value.
    The timeout only bounds a test that fails: generous, for a loaded machine."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError("the condition the test waited for never held")
        time.sleep(0.02)
    return result


def quiet(*cores, timeout: float = 120.0) -> None:
    """Wait until the apps of `cores` (or the processes on these session factories) have nothing
    left to do: every request in the inbox run (done or failed) and every message in the outbox
    sent or given up. A message sent twice has arrived by then, so a test can count what arrived
    (where it once slept "long enough", which a loaded machine is not, and an idle one waited for
    nothing)."""
    from storage.models.messaging import Delivery, InboxItem

    def idle(session_factory) -> bool:
        with session_factory() as s:
            return not any(s.scalar(select(func.count()).select_from(model).where(model.status == "pending"))
                           for model in (InboxItem, Delivery))
    factories = [getattr(core, "session_factory", core) for core in cores]  # or session factories
    eventually(lambda: all(idle(factory) for factory in factories), timeout=timeout)


class ManualClock:
    """A monotonic clock that moves only when the test says (`Handoff(clock=…)`): what waits on it
    waits as long as the test needs, however slow a loaded machine is."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def count(session_factory, model, *where) -> int:
    """How many rows of `model` (matching `where`) are stored."""
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128  # a burst of connections waits to be accepted, as with the web server


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *_args):
        pass


@contextmanager
def web_and_worker(settings):
    """The web app served on a loopback port, and beside it a worker's inbox runner and outbox
    sender (as a Procfile host runs `web` and `worker`): yields (base URL, the WSGI app)."""
    app = create_app(settings)
    server = serve(app)
    inbox = InboxWorker(app.core.session_factory, inbox_runners(app.core), poll=0.05)
    inbox.start()
    outbox = DeliveryWorker(app.core.session_factory, platform_senders(app.core))
    stop = threading.Event()

    def deliver():  # as the worker's loop: a database away for a moment does not end it
        while not stop.is_set():
            try:
                if not outbox.run_once():
                    stop.wait(0.05)
            except OperationalError:
                stop.wait(0.2)
    sender = threading.Thread(target=deliver, daemon=True)
    sender.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", app
    finally:
        server.shutdown()
        server.server_close()
        # the work this process took on after its acks ends before the database is emptied
        # for the next test (else a late row of this test's lands in the next one's)
        app.handoff.stop()  # first: its thread that takes back late work runs it on the executor
        app.handoff.executor.shutdown(wait=True)
        inbox.stop()
        stop.set()
        sender.join(timeout=10)
        app.core.close()


def serve(app):
    """Serve a WSGI app on a free loopback port in a background thread."""
    server = make_server("127.0.0.1", 0, app, server_class=_ThreadingServer,
                         handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()  # quick to stop
    return server


def stored(session_factory) -> dict[str, int]:
    """How many rows each table holds (nothing refused may add one); a running worker's word
    that it runs (`storage.inbox.RUNS`, said again every few seconds) is no row a request made."""
    from storage.inbox import RUNS
    from storage.models.messaging import CachedToken

    with session_factory() as s:
        counts = {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
                  if t.name not in ("alembic_version", CachedToken.__tablename__)}
        counts[CachedToken.__tablename__] = s.scalar(
            select(func.count()).select_from(CachedToken).where(~CachedToken.key.startswith(RUNS)))
        return counts


def records(session_factory) -> dict[str, int]:
    """`stored` but the rows every message adds (its answer's delivery, the chat's own record of what
    was said and asked): what a message that changes nothing leaves as it was."""
    return {name: rows for name, rows in stored(session_factory).items()
            if name not in ("deliveries", "said_messages", "open_questions", "last_said")}


def refused_quietly(caplog, status: int) -> None:
    assert 400 <= status < 500
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged for client input"
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) <= 1


def call(app, path: str, body: bytes, extra: dict, method: str = "POST", query: str = "") -> int:
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_PROTOCOL": "HTTP/1.1",  # as every server sets it (bolt answers 400 without)
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body), **extra}
    seen = []
    b"".join(app(environ, lambda status, headers, exc=None: seen.append(int(status.split()[0]))))
    return seen[0]


def salesbot(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`salesbot ARGS` run in this process (no interpreter start-up per call), as a finished
    process: its exit code, stdout and stderr, a traceback in stderr as Python prints one.
    `env`: variables set for the call (None: unset)."""
    from click.testing import CliRunner

    from bot.cli import main

    result = CliRunner().invoke(main, list(args), env=env, input=stdin)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(
            traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["salesbot", *args], result.exit_code, result.stdout, stderr)


#: the web process's line saying where it listens (Hypercorn's, on stderr)
_RUNNING = re.compile(r"Running on https?://\S+:(\d+) ")


class WebProcess:
    """A web process started on a port it binds itself (`PORT=0`), read back from its "Running on"
    line: no port probed free here and taken by another process before the server binds it. Its
    stderr is read as it comes (kept for a failure's message), so that a chatty one never blocks."""

    def __init__(self, command: list[str], env: dict[str, str], **popen):
        self.process = subprocess.Popen(command, env={**env, "PORT": "0"}, stderr=subprocess.PIPE, **popen)
        self.pid = self.process.pid
        self.lines: list[str] = []
        self._port: int | None = None
        self._read = threading.Event()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stderr(self) -> None:
        for raw in self.process.stderr:
            line = raw.decode(errors="replace")
            self.lines.append(line)
            if self._port is None and (running := _RUNNING.search(line)):
                self._port = int(running[1])
                self._read.set()
        self._read.set()  # ended without saying where: `port` fails with what it said

    @property
    def port(self) -> int:
        """The port it listens on, once it says (a start-up on a loaded machine takes a while)."""
        self._read.wait(90)
        if self._port is None:
            raise AssertionError("the web process never said where it listens:\n" + self.stderr())
        return self._port

    def stderr(self) -> str:
        return "".join(self.lines)


def wait_until_healthy(driver, web: WebProcess) -> None:
    """Wait until the web process at `driver` answers /healthz (its stderr if it never does)."""
    deadline = time.monotonic() + 90  # a start-up on a loaded machine takes a while
    while time.monotonic() < deadline:
        try:
            if driver.get("/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(web.stderr() or "no start")


def delivery_statuses(core) -> list[tuple[str, str]]:
    """(target, status) of every outbox row, oldest first."""
    from storage.models.messaging import Delivery

    with core.session_factory() as s:
        return [tuple(r) for r in s.execute(select(Delivery.target, Delivery.status).order_by(Delivery.id))]


def audit_trail(core) -> list[tuple[str, str, dict]]:
    """(actor, action, detail) of every audit row, oldest first."""
    from storage.models.workspace import AuditLog, Member

    with core.session_factory() as s:
        return [(actor, row.action, row.detail) for row, actor in s.execute(
            select(AuditLog, Member.display_name).join(Member, Member.id == AuditLog.actor_id)
            .order_by(AuditLog.id))]


def deal_rows(core, *fields: str) -> list[tuple]:
    """(id, customer, stage, amount) of every deal, or the `fields` named (`rows_of`)."""
    from storage.models.sales import Deal

    return rows_of(core, Deal, fields or ("id", "customer", "stage", "amount"))


def make_team_chat(session_factory, now: dt.datetime | None = None, manager: str = "Mia",
              reps: tuple[str, ...] = ("Ana", "Bo")) -> Chat:
    """A `Chat` with its team registered (`Chat.team`), its clock at `now` (else `NOW`)."""
    chat = Chat(session_factory)
    chat.team(manager=manager, reps=reps)
    if now is not None:
        chat.now = now
    return chat


#: Fields read through another row: the name of the customer or member a row points at
_NAMED = {"customer": ("customer_id", "Customer", "name"),
          "assignee": ("assignee_id", "Member", "display_name"),
          "member": ("member_id", "Member", "display_name"),
          "owner": ("owner_id", "Member", "display_name")}


def rows_of(source, model, fields: tuple[str, ...], *where, by: str = "id") -> list[tuple]:
    """The `fields` of every row of `model` (that `where` keeps), oldest first (else in the order of
    the column `by`), each a tuple.
    `source` is a session factory or what has one (a `Chat`, a core); a field named in `_NAMED`
    (`customer`, `assignee`, `member`, `owner`) is the name of the row it points at."""
    from storage.models.sales import Customer

    models = {"Customer": Customer, "Member": Member}
    factory = getattr(source, "session_factory", source)
    with factory() as s:
        def value(row, field):
            if field not in _NAMED:
                return getattr(row, field)
            column, other, name = _NAMED[field]
            pointed = s.get(models[other], getattr(row, column)) if getattr(row, column) is not None else None
            return getattr(pointed, name) if pointed is not None else None
        return [tuple(value(row, f) for f in fields)
                for row in s.scalars(select(model).where(*where).order_by(getattr(model, by), model.id))]


def task_rows(source, *fields: str) -> list[tuple]:
    """(title, due day) of every task, or the `fields` named (`rows_of`)."""
    from storage.models.sales import Task

    return rows_of(source, Task, fields or ("title", "due_on"))


def visit_rows(source, *fields: str) -> list[tuple]:
    """(customer, notes, follow-up day) of every visit, or the `fields` named (`rows_of`)."""
    from storage.models.sales import Visit

    return rows_of(source, Visit, fields or ("customer", "notes", "follow_up_on"))


def target_rows(source, *fields: str) -> list[tuple]:
    """(member, metric, amount, period start) of every target, or the `fields` named (`rows_of`)."""
    from storage.models.team import Target

    return rows_of(source, Target, fields or ("member", "metric", "amount", "period_start"))


def leave_rows(source, *fields: str, member: str | None = None) -> list[tuple]:
    """(member, first day, last day) of every leave, or the `fields` named (`rows_of`); only the
    `member` named's, by first day, when one is."""
    from storage.models.team import Leave

    whose = select(Member.id).where(Member.display_name == member).scalar_subquery()
    return rows_of(source, Leave, fields or ("member", "first_day", "last_day"),
                   *((Leave.member_id == whose,) if member else ()), by="first_day" if member else "id")


def contest_rows(source, *fields: str) -> list[tuple]:
    """(metric, first day, last day) of every contest, or the `fields` named (`rows_of`)."""
    from storage.models.team import Contest

    return rows_of(source, Contest, fields or ("metric", "starts_on", "ends_on"))


def customer_names(source) -> list[str]:
    """The name of every customer, oldest first."""
    from storage.models.sales import Customer

    return [name for (name,) in rows_of(source, Customer, ("name",))]


def front_request(app, body: bytes = b"hi", path: str = "/wecom/callback", query: str = ""):
    """One POST through an ASGI app (the web front, bot/asgi.py); (status, body)."""
    sent = []
    scope = {"type": "http", "method": "POST", "path": path, "query_string": query.encode(),
             "headers": [(b"content-length", str(len(body)).encode())], "http_version": "1.1"}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        sent.append(message)
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], sent[1]["body"]


def standup_prompted(team_chat) -> None:
    """Today's standup prompt sent to Ana and Bo (and delivered: a prompt not delivered asked
    nothing), and the chat's clock ten minutes after it."""
    from zoneinfo import ZoneInfo

    from worker.plan import fire, plan

    shanghai = ZoneInfo("Asia/Shanghai")
    with team_chat.session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    fire(team_chat.session_factory, spec, dt.datetime(2026, 11, 24, 9, 30, tzinfo=shanghai))

    class Platform:
        def send(self, *_message):
            return None

    DeliveryWorker(team_chat.session_factory, Platform()).run_once(limit=100)
    team_chat.now = dt.datetime(2026, 11, 24, 9, 40, tzinfo=shanghai)
