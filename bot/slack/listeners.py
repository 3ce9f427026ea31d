"""Slack listeners: slash commands, DMs and mentions, buttons. Each acks at once; the work runs
after the ack (`after_ack`: here when idle, else in a worker), through the same `handle_message` as
the console.
"""
from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App as BoltApp
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import OperationalError

from bot.app import App
from bot.handoff import Handoff
from bot.slack import forms, home
from bot.slack.after_ack import after_ack
from bot.slack.render import BUTTON_ACTION, fallback_text, render_slack
from bot.slack.users import SlackDirectory, plain_text, tenant_of
from handlers.command_json import pressed
from handlers.dispatch import Message, handle_message, reply_locale
from handlers.intents import SLASH
from handlers.messages import WORDS, name_of, t
from handlers.reply import Reply
from scheduler.delivery import keep_answer

log = logging.getLogger(__name__)

class SlackRunner:
    """Runs one Slack message through the core and says what came of it."""

    def __init__(self, core: App, directory: SlackDirectory, handoff: Handoff | None):
        self.core = core
        self.directory = directory
        self.handoff = handoff  # None in the worker
        self.home = home.HomeRefresher(self)
        #: Work after an ack that is not a bolt lazy listener (a form's confirmation message).
        self.background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="slack-after-ack")

    def run(self, client, context, user_id: str, message: Message, delivery: str | None = None,
            mentioned: tuple[str, ...] = ()) -> Reply | None:
        """Run text as typed (mentions registered first) or a command a form built."""
        tenant = tenant_of(context)
        if isinstance(message, str):
            message, mentioned = plain_text(message, context.bot_user_id)
        try:
            user = self.directory.sender(client, tenant, user_id)
            self.directory.register_mentions(client, tenant, list(mentioned))
            return handle_message(self.core.session_factory, user, message, defaults=self.core.defaults,
                                  delivery=delivery)
        except OperationalError:
            log.warning("database unreachable while handling a Slack message", exc_info=True)
            locale = reply_locale(message, self.directory.slack_locale(client, tenant, user_id))
            return Reply(lines=(t(locale, "unavailable"),), ok=False, locale=locale)

    def deliver(self, context, user_id: str, reply: Reply, send) -> None:
        """Send an answer; one Slack will not take now (after the client's own retries) goes to
        the outbox, which posts it to the person's DM once Slack is back: never dropped."""
        try:
            response = send()
            failed = getattr(response, "status_code", 200) >= 400  # response_url posts do not raise
        except (SlackApiError, OSError):
            failed = True
        if failed:
            log.warning("Slack did not take an answer to %s: kept in the outbox", user_id)
            keep_answer(self.core.session_factory, "slack", tenant_of(context), user_id, reply)


def register(bolt: BoltApp, runner: SlackRunner) -> None:
    _register_commands(bolt, runner)
    _register_messages(bolt, runner)
    def button(body, client, context, respond):
        _button(runner, body, client, context, respond)

    after_ack(bolt.action(re.compile(rf"^{re.escape(BUTTON_ACTION)}\.\d+$")), runner.handoff, "button",
              button)
    forms.register(bolt, runner)
    home.register(bolt, runner)


def _register_commands(bolt: BoltApp, runner: SlackRunner) -> None:
    for command, keyword in SLASH.items():
        ack_command, run_command = _command_listeners(runner, command, keyword)
        after_ack(bolt.command(command), runner.handoff, "run_command", run_command, first=ack_command)


def _command_listeners(runner: SlackRunner, command: str, keyword: str):
    """(ack, work) for one slash command. Bolt passes arguments by name, hence the closures."""
    opens_form = command in forms.FORMS

    def ack_command(ack, body, client) -> bool:
        ack()
        if opens_form and not body.get("text", "").strip():
            forms.open_form(runner, client, body, command)
            return False  # the form is open; its submission does the work
        return True

    def run_command(body, client, context, respond):
        reply = runner.run(client, context, body["user_id"], f"{keyword} {body.get('text', '')}",
                           delivery=_once(body))
        if reply is None:  # run before (by a process that died before answering)
            return
        in_dm = body.get("channel_name") == "directmessage"
        public = reply.ok and reply.for_channel and not in_dm
        runner.deliver(context, body["user_id"], reply, lambda: respond(
            blocks=render_slack(reply, reply.locale), text=fallback_text(reply),
            response_type="in_channel" if public else "ephemeral"))
        if reply.announcement:  # the team has no channel (else the outbox posts it there): here
            announce = reply.announcement
            if in_dm:
                client.chat_postMessage(channel=body["channel_id"], text=fallback_text(announce),
                                        blocks=render_slack(announce, announce.locale))
            else:
                respond(blocks=render_slack(announce, announce.locale),
                        text=fallback_text(announce), response_type="in_channel")
        runner.home.request(client, context, body["user_id"])

    return ack_command, run_command


def _register_messages(bolt: BoltApp, runner: SlackRunner) -> None:
    def to_the_bot(ack, body, client) -> bool:
        ack()
        event = body["event"]  # a person's DM, not the bot's own or an edit
        return event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")

    def direct_message(body, client, context, respond):
        _answer(runner, body, body["event"], client, context, thread=False)

    def mention(body, client, context, respond):
        _answer(runner, body, body["event"], client, context, thread=True)

    after_ack(bolt.event("message"), runner.handoff, "direct_message", direct_message, first=to_the_bot)
    after_ack(bolt.event("app_mention"), runner.handoff, "mention", mention)


def _answer(runner: SlackRunner, body, event, client, context, *, thread: bool) -> None:
    """Answer a DM or a mention once, however often Slack retries the event."""
    delivery = body.get("event_id") or event.get("client_msg_id")
    text = event.get("text", "")
    if not thread and event.get("thread_ts") not in (None, event.get("ts")):
        # a reply in a thread of the DM: the thread is the bot's standup prompt
        text = f"{name_of(WORDS, 'standup', 'en')} {text}"
    reply = runner.run(client, context, event["user"], text, delivery=delivery)
    if reply is None:
        return
    for message in (reply, reply.announcement):  # an announcement here: the team has no channel
        if message is not None:
            post = lambda message=message: client.chat_postMessage(
                channel=event["channel"], text=fallback_text(message),
                blocks=render_slack(message, message.locale),
                thread_ts=event.get("thread_ts") or (event["ts"] if thread else None))
            runner.deliver(context, event["user"], message, post)
    runner.home.request(client, context, event["user"])


def _once(body: dict) -> str | None:
    """Slack's id for one command or click: run again (a process died mid-way), it stores nothing twice."""
    return f"trigger:{body['trigger_id']}" if body.get("trigger_id") else None


def _button(runner: SlackRunner, body, client, context, respond) -> None:
    """A button sends the command it stands for, as the user who clicked it (same checks)."""
    action = body["actions"][0]
    user_id = body["user"]["id"]
    reply = runner.run(client, context, user_id, pressed(action["value"]), delivery=_once(body))
    if reply is None:
        return
    blocks, text = render_slack(reply, reply.locale), fallback_text(reply)
    if body.get("response_url"):
        runner.deliver(context, user_id, reply, lambda: respond(
            blocks=blocks, text=text, response_type="ephemeral", replace_original=False))
    else:  # clicked in App Home: answer in the DM
        runner.deliver(context, user_id, reply,
                       lambda: client.chat_postMessage(channel=user_id, blocks=blocks, text=text))
    runner.home.request(client, context, user_id)
