"""Slack Web API and response_url clients that wait out rate limits and retry failures, bounded."""
from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient, WebhookResponse


def retries() -> list:
    """Wait out 429s (Retry-After) and retry 5xx and dropped connections, bounded."""
    return [ConnectionErrorRetryHandler(max_retry_count=2), RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2)]


def web_client(base_url: str, token: str | None = None) -> WebClient:
    return WebClient(token=token, base_url=base_url, timeout=10, retry_handlers=retries())


def responder(response_url: str | None):
    """`respond(text=…, blocks=…, response_type=…)`: a post to the request's response_url with the
    Web API's retries (bolt's own `respond` has none)."""
    def respond(text: str = "", **message) -> WebhookResponse:
        if response_url is None:
            raise ValueError("this request has no response_url to answer")
        return WebhookClient(response_url, timeout=10, retry_handlers=retries()).send(text=text, **message)
    return respond
