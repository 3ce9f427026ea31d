"""A card whose button did what it said, shown again without its buttons and with what was
pressed, by whom (PUT …/activities/{id}, through the outbox)."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.teams.naming import TeamsNames
from bot.teams.render import BUTTON_LIMIT
from bot.teams.sender import PLATFORM, TeamsSender
from bot.teams.texts import teams_text
from handlers.events import MessageEdited
from handlers.grammar.command_json import button_values
from handlers.inbound import Inbound
from handlers.outgoing import queue
from handlers.unit_of_work import answer_key
from storage.models.base import utcnow
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)


def show_pressed(core: App, sender: TeamsSender, names: TeamsNames, inbound: Inbound, activity_id: str,
                 held: dt.timedelta | None) -> None:
    """The card whose button did what it said, shown again without its buttons and with what
    was pressed, by whom (a refused press leaves it as it was, for the right person). Read
    from the press's answer as stored, so that a press run again (a worker taking over a
    process that died) still updates it; queued in the outbox under the press's key, so the
    card is updated once, by whichever process sends it (PUT …/activities/{id})."""
    key = answer_key(PLATFORM, inbound.delivery)
    try:
        with core.session_factory() as session:
            answer = OutboxRepository(session).find(key)
        if answer is None or not answer.payload or not answer.payload.get("ok", True):
            return
        kept = sender.sent_card(inbound.workspace, activity_id)
        if kept is None:
            return
        to, card = kept
        label = next((b.label for b, value in button_values(card.buttons, BUTTON_LIMIT)
                      if value == inbound.message), None)
        if label is None:  # not one of this card's buttons
            return
        who = names.stored_name(inbound.workspace, inbound.user) or inbound.name
        done_line = teams_text(card.locale, "teams_card_done", button=label, name=who)
        pressed = replace(card, buttons=(), notes=(*card.notes, done_line))
        now = utcnow()
        with core.session_factory.begin() as session:
            queue(session, session.get(Tenant, answer.tenant_id), [MessageEdited(
                f"{key}:card", to, f"|{activity_id}", pressed,
                due=now + (held or dt.timedelta()))], now)
    except Exception:  # the answer went out; an unchanged card is a small loss
        log.warning("could not update the pressed Teams card %s", activity_id, exc_info=True)
