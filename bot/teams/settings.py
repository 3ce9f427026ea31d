"""Teams' settings: an Azure Bot registration (app id and client secret; a tenant id for a
single-tenant app), and the Microsoft endpoints it talks to (tests point them at loopback fakes)."""
from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings


class TeamsSettings(BaseSettings):
    teams_app_id: str = Field("", validation_alias=AliasChoices("TEAMS_APP_ID", "MicrosoftAppId"))
    teams_app_password: str = Field("", validation_alias=AliasChoices("TEAMS_APP_PASSWORD",
                                                                      "MicrosoftAppPassword"))
    #: The app registration's tenant for a single-tenant bot (only that tenant's activities are
    #: taken); empty for a multi-tenant one.
    teams_tenant_id: str = Field("", validation_alias=AliasChoices("TEAMS_TENANT_ID", "MicrosoftAppTenantId"))
    #: Where the Bot Framework publishes the keys that sign the channel's tokens.
    teams_openid_url: str = Field("https://login.botframework.com/v1/.well-known/openidconfiguration",
                                  validation_alias=AliasChoices("TEAMS_OPENID_URL"))
    #: Microsoft Entra ID, which gives the bot its own token for the connector (client credentials).
    teams_login_url: str = Field("https://login.microsoftonline.com",
                                 validation_alias=AliasChoices("TEAMS_LOGIN_URL"))
    #: The connector for a first message to someone who never wrote to the bot (every other
    #: message goes to the service URL the conversation came from).
    teams_service_url: str = Field("https://smba.trafficmanager.net/teams/",
                                   validation_alias=AliasChoices("TEAMS_SERVICE_URL"))

    @property
    def teams_enabled(self) -> bool:
        return bool(self.teams_app_id and self.teams_app_password)
