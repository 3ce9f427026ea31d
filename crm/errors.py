"""What can go wrong talking to a CRM, as types the sync loop decides on.

`RateLimited` and `Unavailable` are waited out (the work stays queued); `AuthFailed` stops the
workspace's sync until an admin reconnects; `Rejected` is a record the CRM refuses (a missing field,
a bad value): that one write fails and says why, the rest go on. Messages never carry a secret.
"""
from __future__ import annotations


class CrmError(Exception):
    """Any CRM failure; `str()` is safe to show an admin and to log."""


class RateLimited(CrmError):
    """Too many calls (HTTP 429, 纷享's frequency limit) or the day's credits spent: retry after
    `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(CrmError):
    """The CRM did not answer, or answered 5xx: retry later."""


class AuthFailed(CrmError):
    """The credentials are refused (a revoked refresh token, a wrong appSecret): reconnect."""


class Rejected(CrmError):
    """The CRM refused this request for what it says, not for when it was sent."""
