"""The app manifest a user pastes into Slack matches what the code listens to."""
import re
from pathlib import Path

from bot.slack.app import BOT_SCOPES
from bot.slack.listeners import COMMANDS

MANIFEST = (Path(__file__).parents[3] / "deploy" / "slack-manifest.yml").read_text()


def test_the_manifest_declares_every_slash_command_at_the_events_url():
    assert set(re.findall(r"- command: (/\w+)", MANIFEST)) == set(COMMANDS)
    urls = set(re.findall(r"url: (\S+)", MANIFEST))
    assert urls == {"https://YOUR-HOST/slack/events"}


def test_the_manifest_asks_for_the_scopes_the_oauth_install_asks_for():
    bot_scopes = MANIFEST.split("    bot:\n")[1].split("settings:")[0]
    assert set(re.findall(r"- ([\w:.]+)", bot_scopes)) == set(BOT_SCOPES)


def test_the_manifest_subscribes_to_the_events_the_app_handles():
    events = MANIFEST.split("bot_events:\n")[1].split("interactivity")[0]
    assert set(re.findall(r"- ([\w.]+)", events)) == {"app_home_opened", "app_mention", "message.im"}
    assert "/slack/oauth_redirect" in MANIFEST and "should_escape: true" in MANIFEST
