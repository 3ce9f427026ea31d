"""Activities as Microsoft documents them, one recorded example per event kind, kept as published
(ids, names and all) so the tests send what Teams sends: no `from.name` on installs and
conversation updates, no names in `membersAdded`. `shaped()` only points an example at the test's
bot, tenant and fake connector (and gives it a fresh id); every other field stays as recorded.

Sources (learn.microsoft.com, MicrosoftDocs/msteams-docs):
- bots/how-to/conversations/subscribe-to-conversation-events.md: "Team members added" (the bot
  added to a team; the bot added to a one-to-one chat), "Team members removed", "Installation
  update event".
- task-modules-and-cards/cards/Universal-actions-for-adaptive-cards (the `adaptiveCard/action`
  invoke: `value.action` with `type`, `verb`, `data`; `trigger`).
- Teams SDK, "Receiving inline images" (a pasted picture: an `image/*` attachment and its
  `text/html` copy, no text).
"""
from __future__ import annotations

import copy
import itertools

from fakes.teams_driver import BOT, TENANT

DOCS_BOT = "28:608cacfd-1cea-40c9-b678-4b93e69bb72b"
DOCS_TENANT = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
DOCS_USER = "29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI...."
DOCS_CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"  # the channel picked at install
DOCS_TEAM = "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"

#: The bot added to a team (its conversation: the channel picked at install).
BOT_ADDED_TO_TEAM = {
    "type": "conversationUpdate",
    "membersAdded": [{"id": DOCS_BOT}],
    "timestamp": "2021-12-07T22:34:56.534Z",
    "id": "f:0b9079f4-d4d3-3d8e-b883-798298053c7e",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/amer/",
    "from": {"id": DOCS_USER, "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b"},
    "conversation": {"isGroup": True, "conversationType": "channel", "tenantId": DOCS_TENANT,
                     "id": DOCS_CHANNEL, "name": "2021 Test Channel"},
    "recipient": {"id": DOCS_BOT, "name": "Test Bot"},
    "channelData": {"settings": {"selectedChannel": {"id": DOCS_CHANNEL}},
                    "team": {"aadGroupId": "f3ec8cd2-e704-4344-8c47-9a3a21d683c0", "name": "TestTeam2022",
                             "id": DOCS_TEAM},
                    "eventType": "teamMemberAdded", "tenant": {"id": DOCS_TENANT}},
}

#: The app installed in a team (sent beside the conversationUpdate above, with another id).
INSTALLATION_ADD = {
    "type": "installationUpdate",
    "id": "f:816eb23d-bfa1-afa3-dfeb-d2aa338e9541",
    "timestamp": "2021-11-09T04:47:30.91Z",
    "serviceUrl": "https://smba.trafficmanager.net/amer/",
    "channelId": "msteams",
    "from": {"id": DOCS_USER, "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b"},
    "recipient": {"id": DOCS_BOT, "name": "Test Bot"},
    "locale": "en-US",
    "entities": [{"type": "clientInfo", "locale": "en-US"}],
    "conversation": {"isGroup": True, "id": DOCS_CHANNEL, "name": "2021 Test Channel",
                     "conversationType": "channel", "tenantId": DOCS_TENANT},
    "channelData": {"settings": {"selectedChannel": {"id": DOCS_CHANNEL}},
                    "channel": {"id": DOCS_CHANNEL},
                    "team": {"aadGroupId": "da849743-4259-475f-ae7a-4f4b0fb49943", "name": "TestTeam2022",
                             "id": DOCS_TEAM},
                    "tenant": {"id": DOCS_TENANT}, "source": {"name": "message"}},
    "action": "add",
}

#: The bot added to a one-to-one chat: the bot and the person, neither named.
BOT_ADDED_TO_PERSONAL_CHAT = {
    "membersAdded": [{"id": "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0"},
                     {"id": "29:<userID>", "aadObjectId": "***"}],
    "type": "conversationUpdate",
    "timestamp": "2019-04-23T10:17:44.349Z",
    "id": "f:5f85c2ad",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/amer-client-ss.msg/",
    "from": {"id": "29:<USERID>", "aadObjectId": "***"},
    "conversation": {"conversationType": "personal", "id": "***"},
    "recipient": {"id": "28:<BOT ID>", "name": "<BOT NAME>"},
    "channelData": {"tenant": {"id": "<TENANT ID>"}},
}

#: Someone removed from a team the bot is in (the same shape says the bot was removed).
MEMBER_REMOVED = {
    "membersRemoved": [
        {"id": "29:1_LCi5Up14pAy65yZuaJzG1uIT7ujYhjjSTsUNqjORsZHjLHKiQIBJa4cX2XsAsRoaY7va2w6ZymA9-1VtSY_g"}],
    "type": "conversationUpdate",
    "timestamp": "2017-02-23T19:37:06.96Z",
    "localTimestamp": "2017-02-23T12:37:06.96-07:00",
    "id": "f:d8a6a4aa",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/amer-client-ss.msg/",
    "from": {
        "id": "29:1I9Is_Sx0OIy2rQ7Xz1lcaPKlO9eqmBRTBuW6XzkFtcjqxTjPaCMij8BVMdBcL9L_RwWNJyAHFQb0TRzXgyQvA"},
    "conversation": {"isGroup": True, "conversationType": "channel",
                     "id": "19:efa9296d959346209fea44151c742e73@thread.skype"},
    "recipient": {"id": "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", "name": "SongsuggesterBot"},
    "channelData": {"team": {"id": "19:efa9296d959346209fea44151c742e73@thread.skype"},
                    "eventType": "teamMemberRemoved",
                    "tenant": {"id": "72f988bf-86f1-41af-91ab-2d7cd011db47"}},
}

#: A card's Action.Execute: an invoke that must be answered in the HTTP response.
CARD_ACTION_INVOKE = {
    "type": "invoke",
    "name": "adaptiveCard/action",
    "id": "1481567603816",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/amer/",
    "from": {"id": DOCS_USER, "name": "Megan Bowen", "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b"},
    "conversation": {"conversationType": "personal", "tenantId": DOCS_TENANT, "id": "a:1personal-chat"},
    "recipient": {"id": DOCS_BOT, "name": "Test Bot"},
    "locale": "en-US",
    "channelData": {"tenant": {"id": DOCS_TENANT}, "source": {"name": "message"}},
    "value": {"action": {"type": "Action.Execute", "id": "won", "verb": "salesbot", "data": {}},
              "trigger": "manual"},
}

#: A picture pasted into the compose box and sent without text.
INLINE_IMAGE = {
    "type": "message",
    "id": "1700000000123",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/amer/",
    "from": {"id": DOCS_USER, "name": "Megan Bowen", "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b"},
    "conversation": {"conversationType": "personal", "tenantId": DOCS_TENANT, "id": "a:1personal-chat"},
    "recipient": {"id": DOCS_BOT, "name": "Test Bot"},
    "locale": "en-US",
    "channelData": {"tenant": {"id": DOCS_TENANT}},
    "attachments": [{"contentType": "image/png",
                     "contentUrl": "https://smba.trafficmanager.net/amer/v3/attachments/0-eus-d1/views/original"},
                    {"contentType": "text/html",
                     "content": "<p><img src=\"https://us-api.asm.skype.com/v1/objects/0-eus-d1/views/imgo\" "
                                "width=\"250\" height=\"250\"></p>"}],
}

_IDS = itertools.count(1)


def shaped(example: dict, service_url: str, *, user: str | None = None, conversation: str | None = None,
           team: str | None = None, **fields) -> dict:
    """`example` sent to the test's bot in the test's tenant through the fake connector: the
    documented bot, tenant and service URL replaced (and, when given, the person, the
    conversation and the team), a fresh activity id; all else as recorded."""
    activity = copy.deepcopy(example)
    documented_bot = activity["recipient"]["id"]
    documented_user = activity["from"]["id"]
    activity["id"] = f"{activity['id']}-{next(_IDS)}"
    activity["serviceUrl"] = service_url
    activity["recipient"]["id"] = BOT
    for key in ("membersAdded", "membersRemoved"):
        for member in activity.get(key, ()):
            if member["id"] == documented_bot or member["id"].startswith("28:"):
                member["id"] = BOT
            elif user and member["id"].lower() == documented_user.lower():
                member["id"] = user
    if user:
        activity["from"]["id"] = user
    data = activity.setdefault("channelData", {})
    data["tenant"] = {"id": TENANT}
    if "tenantId" in activity["conversation"]:
        activity["conversation"]["tenantId"] = TENANT
    if conversation:
        old = activity["conversation"]["id"]
        activity["conversation"]["id"] = conversation
        for holder in (data.get("settings", {}).get("selectedChannel"), data.get("channel")):
            if holder and holder.get("id") == old:
                holder["id"] = conversation
    if team and "team" in data:
        data["team"]["id"] = team
    activity.update(fields)
    return activity
