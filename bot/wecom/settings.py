"""WeCom's settings: a self-built app (corp id, agent, secret, callback token and AES key)."""
from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings


class WeComSettings(BaseSettings):
    wecom_corp_id: str = Field("", validation_alias=AliasChoices("WECOM_CORP_ID"))
    wecom_agent_id: int = Field(0, validation_alias=AliasChoices("WECOM_AGENT_ID"))
    wecom_secret: str = Field("", validation_alias=AliasChoices("WECOM_SECRET"))
    wecom_token: str = Field("", validation_alias=AliasChoices("WECOM_TOKEN"))
    wecom_encoding_aes_key: str = Field("", validation_alias=AliasChoices("WECOM_ENCODING_AES_KEY"))
    wecom_api_url: str = Field("https://qyapi.weixin.qq.com/cgi-bin/",
                               validation_alias=AliasChoices("WECOM_API_URL"))

    @property
    def wecom_enabled(self) -> bool:
        return bool(self.wecom_corp_id and self.wecom_token and self.wecom_encoding_aes_key)
