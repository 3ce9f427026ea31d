"""Who may call `/api/messages`, and the bot's own token for calling back.

Inbound: every request carries a JWT from the Bot Framework. PyJWT checks it as the Agents SDK's
`JwtTokenValidator` does (RS256 signature with the channel's published keys, expiry with 5
minutes' leeway, audience = our app id), and its issuer must be the metadata's (the Bot
Framework's); we add what the Bot Framework's rules ask of a bot beyond that: the signing key is
endorsed for the activity's channel, the token's `serviceurl` claim is the activity's service URL,
and a single-tenant app takes only its own tenant's activities. The keys come from the OpenID
metadata at `TEAMS_OPENID_URL` (its `jwks_uri`, through PyJWT's key client: cached, refetched
when a token names a key it has not seen).

Outbound: the connector takes a token the bot gets from Microsoft Entra ID with its app id and
secret (client credentials, scope `https://api.botframework.com/.default`), through MSAL, which
caches it until shortly before it expires.
"""
from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request

import jwt

log = logging.getLogger(__name__)
SCOPE = "https://api.botframework.com/.default"
CHECK_TIMEOUT = 10.0  # seconds: fetching the metadata or the keys
LEEWAY = 300.0  # seconds of clock skew allowed on expiry and not-before (the SDK's)
CACHE_SIZE = 1024  # validated tokens kept (the channel reuses a token for many activities)
_ENDORSED = "_endorsed"  # the channels a token's key is endorsed for, kept with its claims


class Unauthorized(Exception):
    """The request does not come from the Bot Framework for this bot."""


class NotEndorsed(Exception):
    """The token is signed by a published key that is not endorsed for the activity's channel
    (the Bot Connector's rules: 403)."""


class _MetadataKeys:
    """Signing keys from the OpenID metadata document's `jwks_uri`, and its issuer."""

    def __init__(self, metadata_url: str):
        self.metadata_url = metadata_url
        self._client: jwt.PyJWKClient | None = None
        self.issuer = ""
        self._lock = threading.Lock()

    def client(self) -> jwt.PyJWKClient:
        with self._lock:
            if self._client is None:
                with urllib.request.urlopen(self.metadata_url, timeout=CHECK_TIMEOUT) as response:
                    metadata = json.load(response)
                self.issuer = metadata["issuer"]
                self._client = jwt.PyJWKClient(metadata["jwks_uri"], timeout=int(CHECK_TIMEOUT))
            return self._client


class TokenCheck:
    def __init__(self, settings):
        self.app_id = settings.teams_app_id
        self.tenant = settings.teams_tenant_id.lower()  # a GUID: compared in lower case
        self.keys = _MetadataKeys(settings.teams_openid_url)
        self._valid: dict[str, dict] = {}  # token → its claims, while it has not expired

    def claims(self, authorization: str, service_url: str, tenant: str | None,
               channel: object = "msteams") -> dict:
        """The token's claims when the request is the Bot Framework's for this bot, for this
        activity's service URL and tenant; else Unauthorized. NotEndorsed when the key that
        signed it is not endorsed for the activity's channel."""
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("no bearer token")
        claims = self._valid.get(token)
        if claims is None or claims.get("exp", 0) < time.time():
            claims = self._validate(token.strip())
            if len(self._valid) >= CACHE_SIZE:
                self._valid.clear()
            self._valid[token] = claims
        if (str(claims.get("serviceurl", "")).rstrip("/").lower()
                != (service_url or "").rstrip("/").lower()):
            raise Unauthorized("the token is for another service URL")
        if self.tenant and (tenant or "").lower() != self.tenant:
            raise Unauthorized("an activity from another tenant (the app is single-tenant)")
        if not isinstance(channel, str) or channel not in claims[_ENDORSED]:
            raise NotEndorsed("the signing key is not endorsed for the activity's channel")
        return claims

    def _validate(self, token: str) -> dict:
        """The claims of a valid token, with the channels its key is endorsed for. Only the
        metadata's issuer (the Bot Framework's, `https://api.botframework.com`) calls a bot, so
        only it is accepted."""
        try:
            key = self.keys.client().get_signing_key(jwt.get_unverified_header(token)["kid"])
            claims = jwt.decode(token, key=key, algorithms=["RS256"], leeway=LEEWAY,
                                audience=self.app_id, issuer=self.keys.issuer,
                                options={"require": ["exp", "aud", "iss"]})
        except Exception as error:  # a bad signature, expiry, audience, issuer, key, or junk
            raise Unauthorized(f"{error.__class__.__name__}: {str(error)[:80]}") from None
        endorsed = key._jwk_data.get("endorsements")  # PyJWK keeps the published entry
        claims[_ENDORSED] = frozenset(e for e in endorsed if isinstance(e, str)) \
            if isinstance(endorsed, list) else frozenset()
        return claims


class BotToken:
    """The bot's access token for the connector, from Entra ID through MSAL (cached by MSAL)."""

    def __init__(self, settings):
        self.settings = settings
        self._app = None
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            if self._app is None:
                import msal

                settings = self.settings
                tenant = settings.teams_tenant_id or "botframework.com"  # multi-tenant: the Bot Framework's
                authority = f"{settings.teams_login_url.rstrip('/')}/{tenant}"
                self._app = msal.ConfidentialClientApplication(
                    settings.teams_app_id, client_credential=settings.teams_app_password,
                    authority=authority, instance_discovery=False)
            result = self._app.acquire_token_for_client(scopes=[SCOPE])
        if "access_token" not in result:
            raise RuntimeError(f"Entra ID gave no token: {result.get('error')}: "
                               f"{result.get('error_description', '')[:200]}")
        return result["access_token"]
