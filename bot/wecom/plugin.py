"""WeCom (企业微信) as a platform plugin (`bot/platforms.py`). wechatpy is imported when a method
is called, not when the CLI starts."""
from __future__ import annotations

import re

import click

from handlers.places import Place
from storage.address import Address, Kind


def _chat_or_robot(value: str) -> Address | None:
    kind, _, target = value.partition(":")
    return Address.parse("wecom", "", value) if kind in (Kind.CHAT, Kind.WEBHOOK) and target else None


#: `team set East wecom chat:CHATID` (an app chat) or `webhook:KEY` (a group robot) · `团队 设置 华东 群 …`
PLACE = Place("wecom", frozenset({"wecom", "企业微信", "群"}), ("WeCom", "企业微信"),
              ("chat:CHATID or webhook:ROBOT_KEY", "chat:群聊ID 或 webhook:机器人KEY"),
              address=_chat_or_robot, example=("wecom chat:CHAT_ID", "企业微信 webhook:ROBOT_KEY"))

_CHAT_ID = re.compile(r"^[0-9A-Za-z]{1,32}$")  # what appchat/create takes as a chatid


class WeCom:
    name = "wecom"
    prefix = "/wecom/callback"
    #: A WeCom callback is one encrypted message (text ≤ 2,048 bytes, about 4 KB once encrypted
    #: and wrapped).
    body_limit = 64 * 1024

    @property
    def settings(self) -> type:
        """Its fields of `bot.settings.Settings` (pydantic: imported when the settings are made)."""
        from bot.wecom.settings import WeComSettings

        return WeComSettings
    place = PLACE

    def enabled(self, settings) -> bool:
        return settings.wecom_enabled

    def serves_over_web(self, _settings) -> bool:
        return True

    def standalone(self, _settings) -> tuple[str, ...]:
        return ()

    def web(self, core, handoff):
        from bot.wecom.callback import build_wecom
        from bot.wecom.client import shared_tokens

        return build_wecom(core, shared_tokens(core.settings.redis_url, core.session_factory), handoff)

    def sender(self, core):
        from bot.wecom.client import WeComClient, shared_tokens
        from bot.wecom.sender import WeComSender

        settings = core.settings
        return WeComSender(WeComClient(
            settings.wecom_corp_id, settings.wecom_secret, settings.wecom_agent_id,
            settings.wecom_api_url, shared_tokens(settings.redis_url, core.session_factory)))

    def inbox_runner(self, core):
        from bot.wecom.callback import build_wecom
        from bot.wecom.client import shared_tokens

        return build_wecom(core, shared_tokens(core.settings.redis_url, core.session_factory)).handle

    def commands(self) -> list:
        return [_wecom]


@click.group("wecom")
def _wecom() -> None:
    """WeCom (企业微信) set-up."""


@_wecom.group("chat")
def _chat() -> None:
    """App group chats (群聊会话) the bot posts a team's messages to."""


@_chat.command("create")
@click.option("--name", required=True, help="The group chat's name (at most 50 characters).")
@click.option("--owner", default=None, help="The userid of its owner (default: WeCom picks a member).")
@click.option("--chat-id", default=None,
              help="Its id: up to 32 letters and digits (default: WeCom makes one).")
@click.argument("userids", nargs=-1, required=True)
def _chat_create(name: str, owner: str | None, chat_id: str | None, userids: tuple[str, ...]) -> None:
    """Create an app group chat with USERIDS (2 to 500 WeCom userids) through appchat/create, and
    print the chat id to give a team (`team set East wecom chat:CHATID`). The app must be visible
    at the root department (WeCom answers 60011 otherwise)."""
    from wechatpy.exceptions import WeChatClientException

    from bot.runtime import runtime
    from bot.wecom.client import WeComClient, shared_tokens

    members = list(dict.fromkeys(userids))
    if not 2 <= len(members) <= 500:
        raise click.BadParameter("a group chat needs 2 to 500 different userids.", param_hint="USERIDS")
    if chat_id is not None and not _CHAT_ID.match(chat_id):
        raise click.BadParameter("up to 32 letters and digits.", param_hint="--chat-id")
    app = runtime().app()
    settings = app.settings
    if not (settings.wecom_corp_id and settings.wecom_agent_id and settings.wecom_secret):
        raise click.UsageError("WeCom is not configured: set WECOM_CORP_ID, WECOM_AGENT_ID and "
                               "WECOM_SECRET (docs/wecom.md).")
    client = WeComClient(settings.wecom_corp_id, settings.wecom_secret, settings.wecom_agent_id,
                         settings.wecom_api_url, shared_tokens(settings.redis_url, app.session_factory))
    body = {"name": name[:50], "userlist": members, **({"owner": owner} if owner else {}),
            **({"chatid": chat_id} if chat_id else {})}
    try:
        made = client.post("appchat/create", data=body)
    except WeChatClientException as error:
        hint = (" The app must be visible at the root department (可见范围: 根部门)."
                if error.errcode == 60011 else "")
        raise click.ClickException(
            f"WeCom refused the chat ({error.errcode}: {error.errmsg}).{hint}") from None
    chat = made["chatid"]
    click.echo(f"Created the WeCom group chat {name} ({chat}). Give it to a team with:\n"
               f"  team set TEAM wecom chat:{chat}      (团队 设置 团队名 企业微信 chat:{chat})")
