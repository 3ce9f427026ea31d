"""Slack's settings: a bot token for one workspace, or client id/secret for installs through OAuth."""
from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings


class SlackSettings(BaseSettings):
    slack_bot_token: str = Field("", validation_alias=AliasChoices("SLACK_BOT_TOKEN"))
    slack_signing_secret: str = Field("", validation_alias=AliasChoices("SLACK_SIGNING_SECRET"))
    slack_app_token: str = Field("", validation_alias=AliasChoices("SLACK_APP_TOKEN"))
    slack_client_id: str = Field("", validation_alias=AliasChoices("SLACK_CLIENT_ID"))
    slack_client_secret: str = Field("", validation_alias=AliasChoices("SLACK_CLIENT_SECRET"))
    slack_api_url: str = Field("https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL"))

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_signing_secret and (self.slack_bot_token or self.slack_client_id))
