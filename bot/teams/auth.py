"""Who may call `/api/messages`, and the bot's own token for calling back.

Inbound: every request carries a JWT from the Bot Framework. The Agents SDK's `JwtTokenValidator`
checks it (RS256 signature with the channel's published keys, expiry with 5 minutes' leeway,
audience = our app id, issuer on the allow-list); we add what the Bot Framework's rules ask of a
bot beyond that: the token's `serviceurl` claim is the activity's service URL, and a single-tenant
app takes only its own tenant's activities. The keys come from the OpenID metadata at
`TEAMS_OPENID_URL` (its `jwks_uri`, through PyJWT's key client, which the SDK uses too: cached,
refetched when a token names a key it has not seen); the SDK's own choice of key address is fixed
to Microsoft's hosts, so the validator is given this key source instead.

Outbound: the connector takes a token the bot gets from Microsoft Entra ID with its app id and
secret (client credentials, scope `https://api.botframework.com/.default`), through MSAL, which
caches it until shortly before it expires.
"""
from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
import urllib.request

import jwt
from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator

from bot.teams.loop import Loop

log = logging.getLogger(__name__)
# the validator logs each refusal itself; the endpoint's one line says why (docs/security.md)
logging.getLogger("microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator").setLevel(logging.ERROR)
SCOPE = "https://api.botframework.com/.default"
CHECK_TIMEOUT = 10.0  # seconds: fetching keys included
CACHE_SIZE = 1024  # validated tokens kept (the channel reuses a token for many activities)
_ENDORSED = "_endorsed"  # the channels a token's key is endorsed for, kept with its claims


class Unauthorized(Exception):
    """The request does not come from the Bot Framework for this bot."""


class NotEndorsed(Exception):
    """The token is signed by a published key that is not endorsed for the activity's channel
    (the Bot Connector's rules: 403)."""


class _MetadataKeys:
    """Signing keys from the OpenID metadata document's `jwks_uri` (what the validator's
    `get_signing_key` asks for; the SDK's own address is ignored for the configured one)."""

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

    async def get_signing_key(self, _jwks_uri: str, header: dict) -> jwt.PyJWK:
        return await asyncio.to_thread(lambda: self.client().get_signing_key(header["kid"]))


class TokenCheck:
    def __init__(self, settings, loop: Loop):
        self.app_id = settings.teams_app_id
        self.tenant = settings.teams_tenant_id.lower()  # a GUID: compared in lower case
        self.loop = loop
        self.keys = _MetadataKeys(settings.teams_openid_url)
        self._validator: JwtTokenValidator | None = None
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
        """The claims of a valid token, with the channels its key is endorsed for. The SDK also
        trusts Microsoft's own Entra issuers; only the metadata's issuer (the Bot Framework's,
        `https://api.botframework.com`) calls a bot, so only it is accepted."""
        try:
            identity = self.loop.run(self.validator().validate_token(token), CHECK_TIMEOUT)
            key = self.keys.client().get_signing_key(jwt.get_unverified_header(token)["kid"])
        except Exception as error:  # a bad signature, expiry, audience, issuer, key, or junk
            raise Unauthorized(f"{error.__class__.__name__}: {str(error)[:80]}") from None
        claims = dict(identity.claims)
        if claims.get("iss") != self.keys.issuer:
            raise Unauthorized("an issuer other than the Bot Framework's")
        endorsed = key._jwk_data.get("endorsements")  # PyJWK keeps the published entry
        claims[_ENDORSED] = frozenset(e for e in endorsed if isinstance(e, str)) \
            if isinstance(endorsed, list) else frozenset()
        return claims

    def validator(self) -> JwtTokenValidator:
        if self._validator is None:
            self.keys.client()  # the issuer comes with the metadata
            config = AgentAuthConfiguration(client_id=self.app_id, tenant_id=self.tenant or None,
                                            issuers=[self.keys.issuer], validate_issuer=True)
            validator = JwtTokenValidator(config)
            validator._jwk_client_manager = self.keys  # the configured key source (see above)
            self._validator = validator
        return self._validator


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
