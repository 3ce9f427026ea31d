"""What a Teams activity says, read from it alone (no database, no connector): its tenant and
whether its tenant fields agree, whether it has what every Teams activity has, where it was said
(a person's chat or a conversation, a channel thread's channel) and where the bot was installed,
its id for deduplication, the sender's language, timezone and profile, the text a message asks
with its mentions, and the name given to someone Teams has not named yet.
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import replace

from microsoft_agents.activity import Activity

from storage.address import Address, Kind

PLATFORM = "teams"  # the platform's word (bot/teams/sender.py says it too)
UNNAMED = "Teams user "  # + 4 letters of a hash: someone Teams never named to us (renamed when it does)
ID_LIMIT = 128  # a person's id as stored (identities)
MENTIONS_LIMIT = 25  # people named in one message that are read (more are left as their names)
_AT = re.compile(r"<at>(.*?)</at>", re.S)


def text_and_mentions(activity: Activity) -> tuple[str, tuple[str, ...]]:
    """A typed message's text, the bot's mention taken out and other mentions as `@id`, and the
    ids of the people it mentions."""
    text = activity.text or ""
    bot = activity.recipient.id if activity.recipient else None
    mentioned = []
    for entity in activity.entities or ():
        if getattr(entity, "type", None) != "mention" or not getattr(entity, "mentioned", None):
            continue
        who, said = entity.mentioned, getattr(entity, "text", None) or ""
        if not said or not isinstance(said, str) or not an_id(who.id):
            continue
        if who.id == bot:
            text = text.replace(said, " ")
        elif len(mentioned) < MENTIONS_LIMIT:  # the work of one message stays bounded
            text = text.replace(said, f"@{who.id}")
            mentioned.append((who.id, who.name if isinstance(who.name, str) and who.name
                              else unnamed(who.id)))
    text = html.unescape(_AT.sub(r"\1", text)).replace("\xa0", " ").strip()
    # a mention is the sender's word for who someone is: never a person by itself; whom the
    # connector vouches for becomes a member when the message runs (`TeamsNames.register_mentioned`)
    return text, tuple(dict.fromkeys(who for who, _name in mentioned))


def unnamed(user_id: str) -> str:
    """A name for someone Teams has not named to us yet: never their raw id."""
    return UNNAMED + hashlib.sha256(user_id.encode()).hexdigest()[:4]


def digest(text: str) -> str:
    """A short fixed-length stand-in for a long id, for keys."""
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def installed_in(activity: Activity) -> str:
    """Where the bot was installed: the channel picked at install (a team's), else the chat."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    chosen = settings.get("selectedChannel") if isinstance(settings.get("selectedChannel"), dict) else {}
    found = chosen.get("id")
    return found if isinstance(found, str) and 0 < len(found) <= 150 else root(activity.conversation.id)


def attached(activity: Activity) -> bool:
    """Whether a message carries a picture or a file (what Teams sends for a pasted image or an
    upload), beside the HTML copy of the message it adds."""
    return any((getattr(a, "content_type", "") or "") not in ("text/html", "")
               for a in activity.attachments or ())


def well_formed(activity: Activity) -> bool:
    """What every Teams activity has: a sender and a conversation, each with an id that fits
    (ids are at most 128 characters where we keep them)."""
    sender, conversation = activity.from_property, activity.conversation
    return (sender is not None and an_id(sender.id) and conversation is not None
            and isinstance(conversation.id, str) and bool(conversation.id))


def an_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= ID_LIMIT



def profile(activity: Activity) -> dict:
    """What Teams says of the sender with every activity: name, language, timezone."""
    return {"name": activity.from_property.name or "", "locale": language(activity.locale),
            "timezone": timezone_of(activity)}


def tenant_of(data: dict) -> str | None:
    """The Teams tenant of a raw activity (the conversation's, else the channel data's)."""
    conversation = data.get("conversation") if isinstance(data.get("conversation"), dict) else {}
    channel_data = data.get("channelData") if isinstance(data.get("channelData"), dict) else {}
    tenant = channel_data.get("tenant") if isinstance(channel_data.get("tenant"), dict) else {}
    found = conversation.get("tenantId") or tenant.get("id")
    # a tenant id is a GUID: one tenant whatever the case of its letters (kept in lower case)
    return found.lower() if isinstance(found, str) and 0 < len(found) <= 64 else None


def one_tenant(data: dict) -> bool:
    """Whether every tenant an activity names is the same one: the conversation's `tenantId`, the
    channel data's `tenant` (when sent, an object with an id) and the sender's `tenantId`."""
    named = []
    for holder, key in ((data.get("conversation"), "tenantId"), (data.get("from"), "tenantId")):
        if isinstance(holder, dict) and holder.get(key) is not None:
            named.append(holder[key])
    channel_data = data.get("channelData")
    if isinstance(channel_data, dict) and "tenant" in channel_data:
        tenant = channel_data["tenant"]
        named.append(tenant.get("id") if isinstance(tenant, dict) else None)
    return None not in named and len({str(v).lower() for v in named}) <= 1


def personal(activity: Activity) -> bool:
    return (activity.conversation.conversation_type or "personal") == "personal"


def root(conversation_id: str) -> str:
    """A channel thread's conversation id without the thread: the channel's."""
    return conversation_id.split(";messageid=")[0]


def conversation(tenant: str, activity: Activity) -> Address:
    """The address of the conversation an activity was said in (a channel's thread as it is)."""
    return Address(PLATFORM, tenant, Kind.CONV, activity.conversation.id)


def channel_of(address: Address | None) -> Address | None:
    """A channel thread's address without the thread: the channel itself."""
    return replace(address, id=root(address.id)) if address and address.kind is Kind.CONV else address


def delivery_id(activity: Activity) -> str:
    """Teams' id for an activity: its id within its conversation (a redelivery has the same)."""
    conversation = hashlib.sha256(activity.conversation.id.encode()).hexdigest()[:20]
    return f"{conversation}:{activity.id or activity.timestamp}"[:150]


def language(locale: str | None) -> str | None:
    return None if not locale else "zh" if locale.lower().startswith("zh") else "en"


def timezone_of(activity: Activity) -> str | None:
    """The client's timezone: `localTimezone`, or the clientInfo entity's (Teams sends both)."""
    from zoneinfo import ZoneInfo

    found = activity.local_timezone or next(
        (getattr(e, "timezone", None) for e in activity.entities or ()
         if getattr(e, "type", "") == "clientInfo"), None)
    try:
        return found if isinstance(found, str) and found and ZoneInfo(found) else None
    except (ValueError, KeyError, OSError):
        return None

