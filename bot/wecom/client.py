"""The WeCom API client: wechatpy's, with every call (`gettoken` included) on a configurable base
URL, the access_token shared by all processes, and a bounded refresh.

wechatpy retries 40001/40014/42001 recursively without a cap and fetches tokens from the real host
whatever the base URL; here a token error refreshes the shared token once (only one process
fetches; the others wait for its result) and retries once.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker
from wechatpy.enterprise import WeChatClient
from wechatpy.exceptions import APILimitedException, WeChatClientException

from storage.tokens import MARGIN, DatabaseTokens, Fetch

log = logging.getLogger(__name__)
TOKEN_ERRORS = {40001, 40014, 42001}  # invalid credential, invalid token, expired token
FREQUENCY_ERRORS = {45009, 45033, 45047}  # API frequency, concurrent calls, queue full


class RedisTokens:
    """Tokens in Redis (REDIS_URL); a short lock key makes one process fetch at a time."""

    def __init__(self, url: str, wait: float = 15.0):
        import redis

        self.redis = redis.Redis.from_url(url, decode_responses=True)
        self.wait = wait

    def get(self, key: str) -> str | None:
        return self.redis.get(key)

    def refresh(self, key: str, stale: str | None, fetch: Fetch) -> str:
        deadline = time.monotonic() + self.wait
        while time.monotonic() < deadline:
            current = self.redis.get(key)
            if current and current != stale:
                return current
            if self.redis.set(f"{key}:lock", "1", nx=True, ex=int(self.wait)):
                try:
                    current = self.redis.get(key)  # another process may have fetched meanwhile
                    if current and current != stale:
                        return current
                    token, ttl = fetch()
                    self.redis.set(key, token, ex=max(60, ttl - MARGIN))
                    return token
                finally:
                    self.redis.delete(f"{key}:lock")
            time.sleep(0.05)
        raise TimeoutError(f"no fresh token for {key} within {self.wait} s")


def shared_tokens(redis_url: str | None, session_factory: sessionmaker[Session]):
    """WeCom's access_token, shared by every process: in Redis when configured, else our database."""
    return RedisTokens(redis_url) if redis_url else DatabaseTokens(session_factory)


class WeComClient(WeChatClient):
    """wechatpy's enterprise client on `base_url`, with shared tokens and one bounded refresh."""

    def __init__(self, corp_id: str, secret: str, agent_id: int, base_url: str, tokens,
                 timeout: float = 10):
        super().__init__(corp_id, secret, timeout=timeout, auto_retry=False)
        self.API_BASE_URL = base_url
        self.agent_id = agent_id
        self.tokens = tokens

    def fetch_access_token(self):
        return self._fetch_access_token(url=f"{self.API_BASE_URL}gettoken",
                                        params={"corpid": self.corp_id, "corpsecret": self.secret})

    def _new_token(self) -> tuple[str, int]:
        result = self.fetch_access_token()
        return result["access_token"], int(result.get("expires_in", 7200))

    @property
    def access_token(self) -> str:
        key = self.access_token_key
        return self.tokens.get(key) or self.tokens.refresh(key, None, self._new_token)

    def _request(self, method, url_or_endpoint, **kwargs):
        params = dict(kwargs.pop("params", None) or {})
        token = self.access_token
        try:
            return super()._request(method, url_or_endpoint,
                                    params={**params, "access_token": token}, **kwargs)
        except WeChatClientException as error:
            if error.errcode not in TOKEN_ERRORS:
                raise
            log.info("WeCom token rejected (%s): refreshing once", error.errcode)
        fresh = self.tokens.refresh(self.access_token_key, token, self._new_token)
        return super()._request(method, url_or_endpoint,
                                params={**params, "access_token": fresh}, **kwargs)

    def webhook_send(self, key: str, msg: dict) -> dict:
        """A group robot post: a plain HTTP POST with the robot's key (wechatpy has no client)."""
        response = self._http.post(f"{self.API_BASE_URL}webhook/send", params={"key": key},
                                   json=msg, timeout=self.timeout)
        response.raise_for_status()
        result = response.json()
        if result.get("errcode"):
            error = APILimitedException if result["errcode"] in FREQUENCY_ERRORS \
                else WeChatClientException
            raise error(result["errcode"], result.get("errmsg"), client=self)
        return result


def with_backoff(call: Callable[[], dict], tries: int = 4, first_wait: float = 1.0) -> dict:
    """Run a WeCom call, waiting out frequency limits (45009 …) with doubling pauses; bounded."""
    wait = first_wait
    for attempt in range(tries):
        try:
            return call()
        except WeChatClientException as error:
            limited = isinstance(error, APILimitedException) or error.errcode in FREQUENCY_ERRORS
            if not limited or attempt == tries - 1:
                raise
            log.info("WeCom frequency limit (%s): retrying in %.1f s", error.errcode, wait)
            time.sleep(wait)
            wait *= 2
    raise AssertionError("unreachable")
