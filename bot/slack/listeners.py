"""Slack listeners: slash commands, DMs and mentions, buttons. Each acks at once and turns the
request into an `Inbound` (who, what, where the answer goes); that runs after the ack
(`after_ack`: here when idle, else in a worker), through the same `handle_message` as the console,
and its answer leaves through the outbox.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from slack_bolt import App as BoltApp
from sqlalchemy.exc import OperationalError

from bot.handoff import Handoff
from bot.slack import forms, home
from bot.slack.after_ack import after_ack
from bot.slack.render import BUTTON_ACTION
from bot.slack.sender import SlackSender, bot_tokens, respond
from bot.slack.users import (
    PLATFORM,
    SlackDirectory,
    of_the_org,
    outsider,
    outsider_lines,
    own_teams,
    plain_text,
    tenant_of,
)
from bot.trouble import trouble_reply
from handlers.dispatch import Message, reply_locale
from handlers.grammar.intents import SLASH
from handlers.inbound import Inbound
from handlers.text.reply import Reply
from handlers.text.strings import WORDS, name_of
from handlers.unit_of_work import AnswerTo, answer_key, handle_message
from storage.address import Address, Kind
from worker.delivery import DeliveryWorker

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)
#: How long an answer the web process queued is its own to send, before a worker may (it died).
HELD = dt.timedelta(seconds=30)


class SlackRunner:
    """Runs Slack messages through the core. Typed messages, commands and clicks arrive as an
    `Inbound` (recorded in the inbox at the ack) whose answer is queued in the outbox with what
    the message stored; the web process then sends it itself at once (`outbox`), a worker sends
    what it leaves."""

    def __init__(self, core: App, directory: SlackDirectory, handoff: Handoff | None):
        self.core = core
        self.directory = directory
        self.handoff = handoff  # None in the worker
        self.home = home.HomeRefresher(self)
        self.sender = SlackSender(core.settings.slack_api_url, bot_tokens(core))
        #: the web process's own sender of the answers it queued (the worker's outbox sends the rest)
        self.outbox = DeliveryWorker(core.session_factory, self.sender) if handoff is not None else None
        #: Work after an ack that is not a bolt lazy listener (a form's confirmation message).
        self.background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="slack-after-ack")

    def run(self, client, workspace: str, user_id: str, message: Message,
            mentioned: tuple[str, ...] = ()) -> Reply:
        """Run a command App Home built, shown by the caller (nothing of it is sent)."""
        try:
            user = self.directory.sender(client, workspace, user_id)
            if user is None:  # an id Slack cannot vouch for: nothing of it stored
                return outsider_reply()
            self.directory.register_mentions(client, workspace, list(mentioned))
            return handle_message(self.core.session_factory, user, message, defaults=self.core.defaults)
        except OperationalError as error:
            return self._unavailable(client, workspace, user_id, message, error)

    def run_inbound(self, client, inbound: Inbound) -> None:
        """Run what a request asked for; its answer leaves through the outbox."""
        if inbound.work == "outsider" and of_the_org(client, inbound.workspace, inbound.user):
            # an org-wide install: another of its workspaces (App Home's opening has no answer)
            inbound = replace(inbound, work="message" if inbound.answer else "home")
        if inbound.work == "home" and self.directory.sender(client, inbound.workspace, inbound.user) is None:
            return  # App Home opened by an id Slack cannot vouch for: nothing published or stored
        if inbound.work == "home":
            home.publish(self, client, inbound.workspace, inbound.user)
            self.directory.note_home_opened(inbound.workspace, inbound.user)
            return
        if inbound.work == "outsider":  # one polite answer; nothing of them stored or posted
            self._refuse(inbound)
            return
        try:
            user = self.directory.sender(client, inbound.workspace, inbound.user)
            if user is None:  # an id Slack cannot vouch for (not found, a bot): the same
                self._refuse(inbound)
                return
            self.directory.register_mentions(client, inbound.workspace, list(inbound.mentioned))
            inbound.run(self.core.session_factory, user, self.core.defaults,
                        held=HELD if self.outbox is not None else None)
        except OperationalError as error:  # nothing can be queued: a worker tries again later; here, say so
            if self.outbox is None:
                raise
            reply = self._unavailable(client, inbound.workspace, inbound.user, inbound.message, error)
            try:
                self.sender.send(inbound.answer, reply)
            except Exception:
                log.warning("could not tell %s the database is away", inbound.user, exc_info=True)
            return
        if self.outbox is not None:
            key = answer_key(PLATFORM, inbound.delivery)
            try:
                self.outbox.send_now([key, f"{key}:announce"])
            except OperationalError as error:  # busy or away: a worker sends it once the hold is over
                log.warning("could not send the answer %s from here: %s", key, str(error)[:80])
        self.home.request(client, inbound.workspace, inbound.user)

    def _refuse(self, inbound: Inbound) -> None:
        """One polite answer in both languages to someone who is none of the workspace's people;
        none to Slackbot, nor where there is nowhere to say it (App Home)."""
        log.info("a Slack user who is none of the workspace's people was refused in %s", inbound.workspace)
        if inbound.user == "USLACKBOT" or not inbound.answer:
            return
        try:
            self.sender.send(inbound.answer, outsider_reply())
        except Exception as error:  # nothing to retry for a stranger: said once or not at all
            log.warning("could not answer a Slack user of another organisation: %s",
                        error.__class__.__name__)

    def _unavailable(self, client, workspace: str, user_id: str, message: Message,
                     error: OperationalError) -> Reply:
        try:
            known = self.directory.slack_locale(client, workspace, user_id)
        except Exception:  # Slack unreachable too: the message's own language, else both
            known = None
        return trouble_reply(error, reply_locale(message, known) if known else None, "Slack")

    def run_answered(self, client, workspace: str, user_id: str, message: Message, *, delivery: str,
                     target: Address, mentioned: tuple[str, ...] = (), errors_in_request: bool = False
                     ) -> Reply | None:
        """Run what a form or the Edit button built, its answer queued in the outbox in the same
        transaction under `delivery` (Slack's id for the request: twice is once) and sent from
        here at once (a worker sends it if that fails). `errors_in_request`: a refusal is shown
        in the form itself (kept as given). None: the request was run before."""
        answer_to = AnswerTo(delivery, workspace, target, held=HELD if self.outbox is not None else None,
                             in_request=(lambda reply: target if reply.ok else None) if errors_in_request
                             else None)
        try:
            user = self.directory.sender(client, workspace, user_id)
            if user is not None:
                self.directory.register_mentions(client, workspace, list(mentioned))
                reply = handle_message(self.core.session_factory, user, message, defaults=self.core.defaults,
                                       answer_to=answer_to)
                if reply is not None and self.outbox is not None:
                    key = answer_key(PLATFORM, delivery)
                    self.background.submit(self.outbox.send_now, [key, f"{key}:announce"])
                return reply
            reply = outsider_reply()  # an id Slack cannot vouch for: nothing of it stored
        except OperationalError as error:  # nothing could be queued: said straight away
            reply = self._unavailable(client, workspace, user_id, message, error)
        if reply.ok or not errors_in_request:
            self.background.submit(self.sender.send, target, reply)
        return reply


def register(bolt: BoltApp, runner: SlackRunner) -> None:
    _register_commands(bolt, runner)
    _register_messages(bolt, runner)

    def button(body, context) -> Inbound:
        """A button sends the command it stands for, as the user who clicked it (same checks)."""
        user_id, url, workspace = body["user"]["id"], body.get("response_url"), tenant_of(context)
        return Inbound(workspace, user_id, body["actions"][0].get("value") or "", _once(body),
                       respond(workspace, "private", user_id, url),
                       respond(workspace, "public", user_id, url), pressed=True,
                       work="outsider" if outsider(body["user"].get("team_id"), own_teams(context))
                       else "message")

    after_ack(bolt.action(re.compile(rf"^{re.escape(BUTTON_ACTION)}\.\d+$")), runner, "button", button)
    forms.register(bolt, runner)
    home.register(bolt, runner)


def _register_commands(bolt: BoltApp, runner: SlackRunner) -> None:
    for command, keyword in SLASH.items():
        ack_command, inbound = _command_listeners(runner, command, keyword)
        after_ack(bolt.command(command), runner, "run_command", inbound, first=ack_command)


def _command_listeners(runner: SlackRunner, command: str, keyword: str):
    """(ack, what to run) for one slash command. Bolt passes arguments by name: closures."""
    opens_form = command in forms.FORMS

    def ack_command(ack, body, client) -> bool:
        ack()
        if opens_form and not (body.get("text") or "").strip():
            forms.open_form(runner, client, body, command)
            return False  # the form is open; its submission does the work
        return True

    def inbound(body, context) -> Inbound:
        """Answered through the response_url: a report meant for the channel in it, all else to
        the sender alone; in a DM always to them alone, a celebration into the DM."""
        text, mentioned = plain_text(f"{keyword} {body.get('text') or ''}", context.bot_user_id)
        user_id, url, workspace = body["user_id"], body.get("response_url"), tenant_of(context)
        in_dm = body.get("channel_name") == "directmessage"
        answer = respond(workspace, "private" if in_dm else "auto", user_id, url)
        announce = Address(PLATFORM, workspace, Kind.CHANNEL, body["channel_id"]) if in_dm or not url \
            else respond(workspace, "public", user_id, url)
        return Inbound(workspace, user_id, text, _once(body), answer, announce, tuple(mentioned),
                       work="outsider" if outsider(body.get("user_team"), own_teams(context)) else "message",
                       keyword=keyword)  # `/pipeline`: its name says no language

    return ack_command, inbound


def _register_messages(bolt: BoltApp, runner: SlackRunner) -> None:
    def to_the_bot(ack, body, client) -> bool:
        ack()
        event = body["event"]  # a person's DM, not the bot's own or an edit
        return event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")

    def direct_message(body, context) -> Inbound:
        return _said(body, context, thread=False)

    def mention(body, context) -> Inbound:
        return _said(body, context, thread=True)

    after_ack(bolt.event("message"), runner, "direct_message", direct_message, first=to_the_bot)
    after_ack(bolt.event("app_mention"), runner, "mention", mention)


def _said(body, context, *, thread: bool) -> Inbound:
    """A DM or a mention, answered where it was said (a mention in its thread), once however
    often Slack retries the event."""
    event = body["event"]
    text, keyword = event.get("text") or "", ""
    if not thread and event.get("thread_ts") not in (None, event.get("ts")):
        # a reply in a thread of the DM: the thread is the bot's standup prompt
        keyword = name_of(WORDS, "standup", "en")  # ours: its language is the reply's
        text = f"{keyword} {text}"
    text, mentioned = plain_text(text, context.bot_user_id)
    in_thread = event.get("thread_ts") or (event["ts"] if thread else None)
    workspace, channel = tenant_of(context), event["channel"]
    here = Address(PLATFORM, workspace, Kind.CHANNEL, channel)
    where = Address(PLATFORM, workspace, Kind.THREAD, channel, thread=in_thread) if in_thread else here
    delivery = body.get("event_id") or event.get("client_msg_id") or f"{channel}:{event['ts']}"
    stranger = outsider(event.get("user_team"), own_teams(context))
    return Inbound(workspace, event["user"], text, delivery, where, where, tuple(mentioned),
                   here=here if thread else None,  # a mention is said in a channel
                   shared=bool(body.get("is_ext_shared_channel")),
                   work="outsider" if stranger else "message", keyword=keyword)


def outsider_reply() -> Reply:
    """The one answer to someone of another organisation, in both languages (we do not know theirs)."""
    return Reply(lines=outsider_lines(), ok=False, locale="en")


def _once(body: dict) -> str:
    """Slack's id for one command or click: run again (a process died mid-way), it stores nothing twice."""
    return f"trigger:{body['trigger_id']}" if body.get("trigger_id") else f"request:{uuid.uuid4().hex}"
