"""The console as a platform plugin (`bot/platforms.py`): `salesbot say` and `salesbot chat`, the
demo, and the tests' chat backend. It has no web route and no credentials; its sender prints the
worker's posts, and every team has a room on it, named after the team, with no setting."""
from __future__ import annotations

import sys

import click

from bot.console.place import PLACE, PLATFORM


class Console:
    name = PLATFORM
    prefix = "/console/"  # no route: `web` serves nothing
    body_limit = 0
    settings = None
    place = PLACE

    def __init__(self):
        #: where its sender prints, and who is at the keyboard in a chat (`run_chat` says)
        self.write = print
        self.chatting: dict | None = None

    def enabled(self, _settings) -> bool:
        return True

    def serves_over_web(self, _settings) -> bool:
        return False

    def standalone(self, _settings) -> tuple[str, ...]:
        return ()

    def web(self, core, handoff):
        return None

    def sender(self, core):
        from bot.console.sender import ConsoleSender

        return ConsoleSender(self.write, self.chatting)

    def inbox_runner(self, core):
        return None  # it answers at once: nothing of it waits in the inbox

    def commands(self) -> list[click.Command]:
        return [_say, _chat]


@click.command("say")
@click.option("--user", "user", required=True, help="Who is speaking (created on first use).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, help="Reply language.")
@click.argument("text", nargs=-1, required=True)
def _say(user: str, lang: str | None, text: tuple[str, ...]) -> None:
    """Send one message as USER and print the reply; exit 1 when the bot answered with an error."""
    from bot.runtime import runtime, uncollected

    with uncollected():  # one message: what it imports and makes is kept to the end anyway
        from bot.console.chat import ConsoleBot, render

        app = runtime().app(platforms=False)  # it speaks to the console only
        said = ConsoleBot(app.session_factory, app.defaults).exchange(user, " ".join(text), lang=lang)
    click.echo(render(said.reply, said.posts))
    app.close()
    sys.exit(0 if said.reply.ok else 1)


@click.command("chat")
@click.option("--user", "user", required=True, help="Who is speaking (created on first use).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, help="Reply language.")
def _chat(user: str, lang: str | None) -> None:
    """An interactive chat with the bot as USER (`/user NAME` switches, `/quit` leaves)."""
    from bot.runtime import runtime, uncollected

    with uncollected():
        from bot.console.chat import run_chat
    run_chat(runtime().app(), runtime(), user, lang)
