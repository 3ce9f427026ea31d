"""A web process with no worker beside it: what it left for one is run here after a while, from
the inbox row as recorded (the process keeps nothing of the request meanwhile)."""
import asyncio
import gc
import json
import time

from sqlalchemy import select

from fakes.teams_driver import TeamsDriver
from handlers.inbound import Inbound
from storage.models.messaging import InboxItem
from storage.models.sales import Deal
from support import ManualClock, eventually, serve


def test_a_card_pressed_while_busy_with_no_worker_running_is_still_answered_and_updated(teams_settings,
                                                                                       fake_teams):
    from bot.web import create_app

    app = create_app(teams_settings)  # a web process alone
    app.handoff.clock = clock = ManualClock()  # the late run waits while the test looks at memory
    server = serve(app)
    try:
        teams = TeamsDriver(f"http://127.0.0.1:{server.server_address[1]}", fake_teams, app.core)
        teams.say("help")  # Ana: admin
        teams.say("deal Acme \"ERP\" proposal 50k", user="29:bo", name="Bo")
        card = fake_teams.wait_for(lambda: [p for p in fake_teams.to("a:chat-29:bo") if p.buttons()])[-1]
        won = next(b for b in card.buttons() if "Won" in b["title"])
        gc.collect()
        alive = {id(o) for o in gc.get_objects() if isinstance(o, Inbound)}  # other tests' too
        with app.handoff.serving():  # busy: the press is left for a worker, and none runs
            assert teams.post(teams.press(won, card=card, user="29:bo", name="Bo")) == 200
        gc.collect()  # while it waits for a worker, this process holds nothing of the press
        assert not [o for o in gc.get_objects() if isinstance(o, Inbound) and o.pressed
                    and id(o) not in alive]
        assert not fake_teams.updates
        clock.advance(app.handoff.late_after)  # no worker took it in time: run here
        app.handoff.look_again()
        [update] = fake_teams.wait_for(lambda: fake_teams.updates)
        assert update.id == card.id
        assert "✓ Won 🎉 (Bo)" in json.dumps(update.activity["attachments"][0]["content"], ensure_ascii=False)
        eventually(lambda: any(text.startswith("🎉 Deal #1 won") for text in teams.chat_of("29:bo")))
        eventually(lambda: _statuses(app.core) == {"done"})  # run here once, the row done
        with app.core.session_factory() as s:
            assert s.scalar(select(Deal.stage)) == "won"
        assert len(fake_teams.updates) == 1
    finally:
        server.shutdown()
        server.server_close()
        app.core.close()


def test_a_web_process_shut_down_leaves_what_it_left_for_a_worker_to_the_workers(teams_settings, fake_teams):
    """Hypercorn's lifespan shutdown (at SIGTERM) stops the late runs: a message left for a worker
    is not run by a process on its way out (it would be cut short): a worker runs it."""
    from bot.asgi import asgi
    from bot.web import create_app

    app = create_app(teams_settings)
    app.handoff.clock = clock = ManualClock()
    server = serve(app)
    try:
        teams = TeamsDriver(f"http://127.0.0.1:{server.server_address[1]}", fake_teams, app.core)
        teams.ask("help")  # Ana: admin, answered here (idle)
        with app.handoff.serving():  # busy: left for a worker, and none runs
            teams.say("visit Acme: demo")
        asyncio.run(_shut_down(asgi(app)))
        clock.advance(app.handoff.late_after)
        app.handoff.look_again()
        time.sleep(0.5)
        assert _statuses(app.core) == {"done", "pending"}  # the help done here, the visit waits
        assert not any("Acme" in text for text in teams.chat_of())
    finally:
        server.shutdown()
        server.server_close()
        app.core.close()


async def _shut_down(app) -> None:
    """The lifespan messages Hypercorn sends a process it starts and then stops."""
    sent, messages = [], iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message["type"])
    await app({"type": "lifespan"}, receive, send)
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def _statuses(core) -> set[str]:
    with core.session_factory() as s:
        return set(s.scalars(select(InboxItem.status)))
