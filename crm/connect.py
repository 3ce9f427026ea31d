"""Connecting a workspace to its CRM: check the credentials by using them, store them (the secret
apart from the settings), and link the CRM's users to members.

A connection is per workspace: its own credentials, its own cached access token (key
`crm:{crm}:{tenant id}` in `cached_tokens`, encrypted, shared by every process), its own client object.
Nothing here logs or returns a secret.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from crm.errors import Rejected
from crm.fxiaoke import FxiaokeClient, FxiaokeCredentials
from crm.secrets import SecretBox
from crm.zoho import DATA_CENTRES, ZohoClient, ZohoCredentials, exchange_grant_code
from storage.crm import CrmRepository, match_users
from storage.models.crm import CrmConnection


@dataclass(frozen=True)
class CrmUrls:
    """Base URLs; empty Zoho ones mean the data centre's own (tests point all three at fakes)."""

    zoho_accounts: str = ""
    zoho_api: str = ""
    fxiaoke_api: str = "https://open.fxiaoke.com"

    @classmethod
    def of(cls, settings) -> CrmUrls:
        return cls(settings.zoho_accounts_url, settings.zoho_api_url, settings.fxiaoke_api_url)

    def accounts(self, data_centre: str) -> str:
        return self.zoho_accounts or DATA_CENTRES[data_centre]


@dataclass
class Connected:
    crm: str
    org: str
    matched: list[tuple[str, str]] = field(default_factory=list)  # (CRM user, member)
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # (CRM user, email or mobile)


def token_key(crm: str, tenant_id: int) -> str:
    return f"crm:{crm}:{tenant_id}"


def client_for(app, connection: CrmConnection, urls: CrmUrls):
    """The client of a stored connection."""
    tokens = SecretBox(app.settings).tokens(app.session_factory)
    key = token_key(connection.crm, connection.tenant_id)
    settings = connection.settings
    secret = SecretBox(app.settings).open(connection.secret)
    if connection.crm == "zoho":
        return ZohoClient(accounts_url=urls.accounts(settings["data_centre"]),
                          credentials=ZohoCredentials.loads(settings["client_id"], secret),
                          tokens=tokens, token_key=key, api_url=urls.zoho_api)
    return FxiaokeClient(api_url=urls.fxiaoke_api,
                         credentials=FxiaokeCredentials.loads(settings["app_id"], secret),
                         tokens=tokens, token_key=key, open_user_id=settings.get("open_user_id", ""))


def connect_zoho(app, tenant, urls: CrmUrls, *, data_centre: str, client_id: str, client_secret: str,
                 refresh_token: str = "", grant_code: str = "") -> Connected:
    """Connect with a Self Client's refresh token, or its grant code (exchanged here, once)."""
    accounts = urls.accounts(data_centre)
    if grant_code and not refresh_token:
        refresh_token, _domain = exchange_grant_code(accounts, client_id, client_secret, grant_code)
    credentials = ZohoCredentials(client_id, client_secret, refresh_token)
    key = token_key("zoho", tenant.id)
    _forget(app, key)
    client = ZohoClient(accounts_url=accounts, credentials=credentials,
                        tokens=SecretBox(app.settings).tokens(app.session_factory), token_key=key,
                        api_url=urls.zoho_api)
    org = client.org()  # the first call: proves the refresh token and learns the API host
    users = [{"id": u["id"], "name": u.get("full_name") or u.get("email", ""), "email": u.get("email", ""),
              "mobile": u.get("mobile") or u.get("phone") or ""} for u in client.users()]
    settings = {"data_centre": data_centre, "client_id": client_id, "org": org.get("id", ""),
                "org_name": org.get("company_name", ""), "api_domain": client.api_url}
    return _store(app, tenant, "zoho", settings, credentials.dumps(), users)


def connect_fxiaoke(app, tenant, urls: CrmUrls, *, app_id: str, app_secret: str, permanent_code: str,
                    admin_mobile: str) -> Connected:
    """Connect a 纷享 self-built app; CRM reads run as the CRM admin whose mobile is given."""
    credentials = FxiaokeCredentials(app_id, app_secret, permanent_code)
    key = token_key("fxiaoke", tenant.id)
    _forget(app, key)
    client = FxiaokeClient(api_url=urls.fxiaoke_api, credentials=credentials,
                           tokens=SecretBox(app.settings).tokens(app.session_factory), token_key=key)
    admin = client.user_by_mobile(admin_mobile)
    if admin is None:
        raise Rejected(f"纷享销客 has no employee with mobile {admin_mobile}")
    users = [{"id": u["openUserId"], "name": u.get("name", ""), "email": u.get("email", ""),
              "mobile": u.get("mobile", "")} for u in client.users()]
    corp_id = client.corp_id()
    settings = {"app_id": app_id, "org": corp_id, "org_name": corp_id,
                "open_user_id": admin["openUserId"], "admin_mobile": admin_mobile}
    return _store(app, tenant, "fxiaoke", settings, credentials.dumps(), users)


def _forget(app, key: str) -> None:
    with app.session_factory.begin() as session:
        CrmRepository(session).forget_token(key)


def _store(app, tenant, crm: str, settings: dict, secret: str, users: list[dict]) -> Connected:
    from sqlalchemy import func, select

    from storage.models.sales import Visit
    from storage.models.workspace import Member

    with app.session_factory.begin() as session:
        # visits logged before connecting are history: only later ones become CRM activities
        floor = session.scalar(select(func.max(Visit.id)).where(Visit.tenant_id == tenant.id)) or 0
        CrmRepository(session).connect(tenant.id, crm, {**settings, "visits_after": floor},
                                       SecretBox(app.settings).seal(secret))  # crm/secrets.py
        matched, unmatched = match_users(session, tenant.id, users)
        names = {m.id: m.display_name for m in session.query(Member).filter(Member.tenant_id == tenant.id)}
        return Connected(crm, settings.get("org_name") or settings.get("org", ""),
                         [(link.name, names.get(link.local_id, "")) for link in matched],
                         [(link.name, link.email or link.mobile) for link in unmatched])
