"""The Teams app package: `manifest.json` (the bot, its scopes, its commands in English with a
Chinese localization file), and the two icons Teams asks for (192×192 colour, 32×32 white
outline on transparent). Made from what the code declares (`handlers.grammar.intents`), so the command
list is the one the bot understands. `salesbot teams package` writes it as a zip to upload.
"""
from __future__ import annotations

import io
import json
import re
import zipfile

from handlers.grammar.intents import GENERAL, INTENTS

MANIFEST_VERSION = "1.17"
SCHEMA = f"https://developer.microsoft.com/en-us/json-schemas/teams/v{MANIFEST_VERSION}"
SCOPES = ["personal", "team", "groupChat"]
COLOR = (29, 78, 137)  # the Slack app's colour
MOST_COMMANDS = 10  # Teams shows at most ten per list
#: the manifest schema's patterns: an app id is a GUID, a version is MAJOR.MINOR.PATCH
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_NAME = ("salesbot", "销售助手")
_DESCRIPTION = (("Visits, deals and targets from chat.",
                 "Log customer visits, move deals through the pipeline and see your pace against "
                 "target, in English or Chinese; standups, reminders and team digests in your channel."),
                ("在聊天里记录拜访、商机和目标。",
                 "用中文或英文记录客户拜访、推进商机、查看目标进度；每日站会、提醒和团队简报发到频道。"))


def commands() -> list[tuple[str, str, str, str]]:
    """(title, description) in English and Chinese of the bot's command menu."""
    listed = [(i.en[0], i.slash.description[0], i.zh[0], i.slash.description[1]) for i in INTENTS if i.slash]
    helps = next(i for i in INTENTS if i.name == "help")
    listed.append((helps.en[0], GENERAL.description[0], helps.zh[0], GENERAL.description[1]))
    return [(en[:32], about_en[:128], zh[:32], about_zh[:128])
            for en, about_en, zh, about_zh in listed][:MOST_COMMANDS]


def host_of(text: str) -> str:
    """The domain of `--host` however it was typed (`https://bot.example.com/`, `bot.example.com`);
    ValueError for what is no domain."""
    host = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", text.strip()).split("/")[0].strip().lower()
    if text.strip() and not _HOST.match(host):
        raise ValueError(f"{text!r} is not a host name (like bot.example.com)")
    return host


def manifest(app_id: str, host: str, version: str = "1.0.0") -> dict:
    site = f"https://{host or 'YOUR-HOST'}"
    return {
        "$schema": f"{SCHEMA}/MicrosoftTeams.schema.json", "manifestVersion": MANIFEST_VERSION,
        "version": version, "id": app_id,
        "developer": {"name": "salesbot", "websiteUrl": site, "privacyUrl": f"{site}/privacy",
                      "termsOfUseUrl": f"{site}/terms"},
        "name": {"short": _NAME[0], "full": _NAME[0]},
        "description": {"short": _DESCRIPTION[0][0], "full": _DESCRIPTION[0][1]},
        "icons": {"color": "color.png", "outline": "outline.png"}, "accentColor": "#1D4E89",
        "bots": [{"botId": app_id, "scopes": SCOPES, "supportsFiles": False, "isNotificationOnly": False,
                  "commandLists": [{"scopes": SCOPES, "commands": [
                      {"title": en, "description": about} for en, about, _zh, _about in commands()]}]}],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [host] if host else [],
        "localizationInfo": {"defaultLanguageTag": "en-us",
                             "additionalLanguages": [{"languageTag": "zh-cn", "file": "zh-cn.json"}]},
    }


def chinese() -> dict:
    """The manifest's strings in Chinese (Teams' localization file)."""
    out = {"$schema": f"{SCHEMA}/MicrosoftTeams.Localization.schema.json",
           "name.short": _NAME[1], "name.full": _NAME[1],
           "description.short": _DESCRIPTION[1][0], "description.full": _DESCRIPTION[1][1]}
    for index, (_en, _about, zh, about) in enumerate(commands()):
        out[f"bots[0].commandLists[0].commands[{index}].title"] = zh
        out[f"bots[0].commandLists[0].commands[{index}].description"] = about
    return out


def icon(size: int, outline: bool) -> bytes:
    """Rising bars: white on the app's colour (colour icon), or white on transparent (outline)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0) if outline else (*COLOR, 255))
    draw = ImageDraw.Draw(image)
    margin, gap = size // 6, max(1, size // 24)
    width = (size - 2 * margin - 2 * gap) // 3
    for index, height in enumerate((0.35, 0.6, 0.9)):
        left = margin + index * (width + gap)
        draw.rectangle((left, size - margin - int(height * (size - 2 * margin)), left + width - 1,
                        size - margin - 1), fill=(255, 255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def default_version() -> str:
    """The app's version when none is given: salesbot's own (an upgraded salesbot is an updated
    app Teams rolls out); 1.0.0 when it is not installed as a package."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("salesbot")
    except PackageNotFoundError:
        return "1.0.0"
    return found if VERSION.match(found) else "1.0.0"


def write_package(path: str, app_id: str, host: str = "", version: str = "1.0.0") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest(app_id, host, version), ensure_ascii=False,
                                                     indent=2))
        package.writestr("zh-cn.json", json.dumps(chinese(), ensure_ascii=False, indent=2))
        package.writestr("color.png", icon(192, outline=False))
        package.writestr("outline.png", icon(32, outline=True))
