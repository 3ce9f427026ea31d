"""The app manifest a user pastes into Slack is what the code declares and listens to."""
import re
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from bot.slack.app import BOT_SCOPES
from bot.slack.manifest import manifest
from handlers.grammar.intents import INTENTS, SLASH

MANIFEST = (Path(__file__).parents[3] / "deploy" / "slack-manifest.yml").read_text()


def test_the_committed_manifest_is_the_one_the_declarations_make():
    assert MANIFEST == manifest(), "run: salesbot slack manifest > deploy/slack-manifest.yml"


def test_every_slash_command_is_declared_by_an_intent_and_served_at_the_events_url():
    assert set(re.findall(r"- command: (/\w+)", MANIFEST)) == set(SLASH) == {
        "/visit", "/deal", "/won", "/lost", "/progress", "/target", "/pipeline", "/leaderboard",
        "/followups", "/salesbot"}
    assert {SLASH[f"/{i.name}"] for i in INTENTS if i.slash} == {i.name for i in INTENTS if i.slash}
    assert set(re.findall(r"url: (\S+)", MANIFEST)) == {"https://YOUR-HOST/slack/events"}
    # every description is quoted: `(no text: a form)` would end a plain YAML scalar
    assert all(line.strip().startswith(("description: '", "description: Log visits"))
               for line in MANIFEST.splitlines() if "description:" in line)


def test_the_manifest_asks_for_the_scopes_the_oauth_install_asks_for():
    bot_scopes = MANIFEST.split("    bot:\n")[1].split("settings:")[0]
    assert set(re.findall(r"- ([\w:.]+)", bot_scopes)) == set(BOT_SCOPES)


def test_the_manifest_subscribes_to_the_events_the_app_handles():
    events = MANIFEST.split("bot_events:\n")[1].split("interactivity")[0]
    assert set(re.findall(r"- ([\w.]+)", events)) == {"app_home_opened", "app_mention", "message.im"}
    assert "/slack/oauth_redirect" in MANIFEST and "should_escape: true" in MANIFEST


def test_salesbot_slack_manifest_prints_it_for_a_host():
    result = CliRunner().invoke(main, ["slack", "manifest", "--host", "bot.example.com"])
    assert result.exit_code == 0
    assert "request_url: https://bot.example.com/slack/events" in result.output
    assert "- https://bot.example.com/slack/oauth_redirect" in result.output
    assert "YOUR-HOST" not in result.output.split("do not edit.")[1]


def test_the_socket_mode_manifest_has_no_url_for_anyone_to_replace_and_turns_socket_mode_on():
    result = CliRunner().invoke(main, ["slack", "manifest", "--socket"])
    assert result.exit_code == 0
    assert "YOUR-HOST" not in result.output and "https://" not in result.output
    assert "socket_mode_enabled: true" in result.output and "- command: /visit" in result.output
    events = result.output.split("bot_events:\n")[1].split("interactivity")[0]
    assert set(re.findall(r"- ([\w.]+)", events)) == {"app_home_opened", "app_mention", "message.im"}


def test_the_org_deploy_manifest_lets_an_enterprise_grid_org_install_it():
    result = CliRunner().invoke(main, ["slack", "manifest", "--host", "https://bot.example.com/",
                                       "--org-deploy"])
    assert "org_deploy_enabled: true" in result.output and "socket_mode_enabled: false" in result.output
    assert "request_url: https://bot.example.com/slack/events" in result.output
    assert "org_deploy_enabled: false" in MANIFEST  # the committed one: a workspace install
