"""Platforms are plugins: one registered in `bot.platforms.PLATFORMS` is served by the web
process (its routes and body limit), sent to by the worker (its outbox sender), run from the
inbox, and given its CLI commands, with nothing else changed."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot import platforms
from bot.asgi import asgi
from bot.http import plain
from bot.settings import Settings
from bot.web import create_app
from bot.worker import inbox_runners, platform_senders
from handlers import places
from handlers.inbound import Inbound
from handlers.text.reply import Reply
from storage import address
from storage.address import Address
from storage.models.base import utcnow
from storage.models.team import TeamDestination
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository
from support import delivery_statuses
from worker.delivery import DeliveryWorker


class Echo:
    """A made-up platform: answers its route with the path, records what it is sent."""

    name = "echo"
    prefix = "/echo/"
    body_limit = 100
    settings = None
    kinds = ("room",)  # an address kind of its own: no core module lists it
    place = places.Place("echo", frozenset({"room", "房间"}), ("Echo", "回声"),
                         ("a room named with #", "以 # 开头的房间名"),
                         address=lambda v: Address("echo", "", "room", v) if v.startswith("#") else None,
                         shown=lambda address: address.id)

    def __init__(self):
        self.sent: list[tuple[str, str, str]] = []

    def enabled(self, settings) -> bool:
        return True

    def serves_over_web(self, _settings) -> bool:
        return True

    def standalone(self, _settings) -> tuple[str, ...]:
        return ()

    def web(self, core, handoff):
        return lambda environ, start_response: plain(start_response, "200 OK", f"echo {environ['PATH_INFO']}")

    def sender(self, core):
        return self

    def send(self, to, reply: Reply):
        workspace, target = to.workspace, to.target
        self.sent.append((workspace, target, reply.text))

    def inbox_runner(self, core):
        return lambda payload: None

    def commands(self) -> list[click.Command]:
        return [click.Command("echo-setup", callback=lambda: click.echo("set up"))]


@pytest.fixture
def echo(monkeypatch):
    platform = Echo()
    monkeypatch.setattr(platforms, "PLATFORMS", platforms.PLATFORMS)  # as it was, after the test
    platforms.register(platform)
    yield platform
    places.forget("echo")
    address.forget_kinds("room")


def test_a_registered_platform_gets_its_routes_served_within_its_body_limit(echo, db_url):
    app = create_app(Settings(database_url=db_url))
    assert set(app.routes) == {"/echo/"}  # Slack and WeCom have no credentials here
    status, body = _asgi_post(asgi(app, threads=2), "/echo/hello", b"x" * 10)
    assert (status, body) == (200, b"echo /echo/hello")
    assert _asgi_post(asgi(app, threads=2), "/echo/hello", b"x" * 101)[0] == 413
    assert _asgi_post(asgi(app, threads=2), "/elsewhere", b"")[0] == 404
    app.core.close()


def test_the_worker_sends_and_runs_the_inbox_of_a_registered_platform(echo, session_factory, db_url):
    core = create_app(Settings(database_url=db_url)).core
    assert set(inbox_runners(core)) == {"echo"}
    with session_factory.begin() as s:
        tenant = Tenant(platform="echo", external_id="E1", name="Echo Co")
        s.add(tenant)
        s.flush()
        OutboxRepository(s).enqueue(key="k1", tenant_id=tenant.id, platform="echo", workspace="E1",
                                    target="room:7", payload={"lines": ["hello"]}, now=utcnow())
    assert DeliveryWorker(session_factory, platform_senders(core)).run_once() == 1
    assert echo.sent == [("E1", "room:7", "hello")]
    assert delivery_statuses(core) == [("room:7", "sent")]
    core.close()


def test_a_registered_platforms_own_kind_of_address_carries_its_team_posts_and_its_messages(
        echo, session_factory, db_url):
    """Echo's rooms are a kind of address only Echo declares: a team set to post in one gets a
    won deal's celebration there, sent by Echo's sender, and a message said in one keeps it as
    its `here` through the inbox."""
    from support import Chat

    chat = Chat(session_factory, "E1", "echo")
    chat.team()
    assert "Sales now posts to #lobby on Echo." in chat("team set Sales room #lobby", user="Mia")
    assert "Acme" in chat("won +Acme 48k", user="Ana")
    core = create_app(Settings(database_url=db_url)).core
    while DeliveryWorker(session_factory, platform_senders(core)).run_once():
        pass
    assert [target for _workspace, target, text in echo.sent if "Ana won Acme" in text] == ["room:#lobby"]
    core.close()
    lobby = Address("echo", "E1", "room", "#lobby")
    said = Inbound("E1", "U1", "team set Sales room here", "d1", answer=lobby, here=lobby)
    assert said.payload()["here"] == "room:#lobby"
    assert Inbound.of(said.payload(), "echo") == said
    address.forget_kinds("room")  # a platform gone: its rooms are no addresses
    with pytest.raises(ValueError):
        Inbound.of(said.payload(), "echo")


def test_a_registered_platforms_commands_join_the_cli(echo):
    from bot import cli

    cli._platform_commands()
    result = CliRunner().invoke(cli.main, ["echo-setup"])
    assert result.exit_code == 0 and result.output == "set up\n"
    cli.main.commands.pop("echo-setup")


def _asgi_post(app, path: str, body: bytes) -> tuple[int, bytes]:
    import asyncio

    sent, received = [], [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return received.pop(0)

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "query_string": b"", "http_version": "1.1",
             "headers": [(b"content-length", str(len(body)).encode())]}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_every_platform_is_a_platform_plugin():
    assert [p.name for p in platforms.PLATFORMS if isinstance(p, platforms.Platform)] == [
        "slack", "wecom", "teams", "console"]


def test_a_registered_platform_names_its_place_for_team_posts_in_the_grammar(echo, team_chat):
    """`team set` reads and `teams` shows a place as its platform declares it: nothing in the
    grammar or the handlers knows of Echo's rooms."""
    assert "Sales now posts to #lobby on Echo." in team_chat("team set Sales room #lobby", user="Mia")
    assert "Sales Echo #lobby — " in team_chat("team", user="Ana")
    reply = team_chat.reply("团队 设置 Sales 房间 大厅", user="Mia")
    assert not reply.ok and "“大厅”不是有效的回声团队消息目标：以 # 开头的房间名" in reply.text
    with team_chat.session_factory() as s:
        assert s.execute(select(TeamDestination.platform, TeamDestination.address)).all() == [
            ("echo", "room:#lobby")]
    assert "Sales no longer posts to Echo." in team_chat("team set Sales room off", user="Mia")
    places.forget("echo")  # a platform gone: its word is no setting
    assert not team_chat.reply("team set Sales room #lobby", user="Mia").ok


def test_a_platform_whose_teams_have_a_room_with_no_setting_gets_their_posts_as_the_console_does(
        echo, session_factory, db_url, monkeypatch):
    """The console's team rooms are no special case: any platform whose `Place.room` names a
    place for every team gets a won deal's celebration there, sent by its own sender."""
    from support import Chat

    monkeypatch.setattr(echo, "place", places.Place(
        "echo", frozenset(), ("Echo", "回声"), ("", ""),
        room=lambda team: Address("echo", "", "channel", team)))
    places.declare(echo.place)
    chat = Chat(session_factory, "E1", "echo")
    chat.team()
    assert "Acme" in chat("won +Acme 48k", user="Ana")
    core = create_app(Settings(database_url=db_url)).core
    while DeliveryWorker(session_factory, platform_senders(core)).run_once():
        pass
    posts = [(workspace, target) for workspace, target, text in echo.sent if "Acme" in text]
    assert posts == [("E1", "channel:Sales")]
    core.close()


def test_the_console_is_registered_as_the_others_are_and_serves_no_route(db_url):
    console = platforms.named("console")
    assert isinstance(console, platforms.Platform) and console.web(None, None) is None
    app = create_app(Settings(database_url=db_url))
    assert "/console/" not in app.routes and "console" in platform_senders(app.core).senders
    assert "console" not in inbox_runners(app.core)  # it answers at once: nothing waits for it
    app.core.close()
