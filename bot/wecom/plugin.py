"""WeCom (企业微信) as a platform plugin (`bot/platforms.py`). wechatpy is imported when a method
is called, not when the CLI starts."""
from __future__ import annotations

from bot.wecom.settings import WeComSettings


class WeCom:
    name = "wecom"
    prefix = "/wecom/callback"
    #: A WeCom callback is one encrypted message (text ≤ 2,048 bytes, about 4 KB once encrypted
    #: and wrapped).
    body_limit = 64 * 1024
    settings = WeComSettings

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
        return []
