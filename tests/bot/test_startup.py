"""What `salesbot start` and `salesbot --help` tell an admin: the platforms that are live and
where each listens."""
from click.testing import CliRunner

from bot import platforms
from bot.cli import live, main
from bot.settings import Settings


def test_start_names_each_live_platform_and_the_url_it_listens_on(monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    settings = Settings(slack_bot_token="xoxb-1", slack_signing_secret="s", wecom_corp_id="ww1",
                        wecom_token="t", wecom_encoding_aes_key="k" * 43, teams_app_id="a",
                        teams_app_password="p")
    lines = live(settings, platforms.enabled(settings))
    assert lines[:3] == ["Live: Slack: http://0.0.0.0:3000/slack/events",
                         "WeCom: http://0.0.0.0:3000/wecom/callback",
                         "Microsoft Teams: http://0.0.0.0:3000/api/messages"]
    assert "0.0.0.0:3000" in lines[3] and "/privacy" in lines[3]


def test_slack_over_socket_mode_is_said_to_need_no_public_url(monkeypatch):
    monkeypatch.setenv("PORT", "8080")
    settings = Settings(slack_bot_token="xoxb-1", slack_signing_secret="s", slack_app_token="xapp-1")
    assert live(settings, platforms.enabled(settings)) == [
        "Live: Slack: Socket Mode (an outbound connection: no public URL)"]


def test_help_names_all_three_platforms():
    result = CliRunner().invoke(main, ["--help"])
    assert "Slack, WeCom, Microsoft Teams or this console" in result.output
    assert {"teams", "wecom", "slack"} <= set(main.commands)
