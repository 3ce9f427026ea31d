"""Who sent a message: the sender as the platform saw them (`UserRef`), the installation's
defaults for what is new (`Defaults`), and the tenant and member they are (`identify`: a new
member joins the default team; the first is admin)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from handlers.rules import limits
from storage.models.workspace import Member, Tenant
from storage.people import PeopleRepository


@dataclass(frozen=True)
class UserRef:
    """Who sent a message, as the platform adapter saw them (platform ids stay at the edge)."""

    platform: str
    tenant: str
    user: str
    name: str
    locale: str | None = None  # the platform's setting for them: applied whenever given
    timezone: str | None = None
    default_locale: str | None = None  # the platform's default, for a new member only


@dataclass(frozen=True)
class Defaults:
    """Installation defaults for new tenants, teams and members (from Settings)."""

    timezone: str = "Asia/Shanghai"
    calendar: str = "CN"
    currency: str = "CNY"


def identify(session: Session, user: UserRef, defaults: Defaults,
             first_words_locale: str = "en") -> tuple[Tenant, Member, bool]:
    """(tenant, member, new) for a sender; a new member joins the default team, the first is
    admin (and in no team: an admin is in no manager's team unless they join one).

    A new member's language is the platform's, else that of their first message.
    """
    people = PeopleRepository(session)
    tenant = people.tenant(user.platform, user.tenant)
    if tenant is None:
        tenant = people.add_tenant(user.platform, user.tenant, user.tenant, defaults.currency)
    member = people.by_identity(tenant.id, user.platform, user.user)
    if member is not None:
        if user.locale and user.locale != member.locale:
            member.locale = user.locale
        return tenant, member, False
    # one first admin whatever the timing: a new member's registration holds the tenant's row
    # (PostgreSQL; SQLite has one writer at a time), so the next sees the first's member
    people.hold_tenant(tenant.id)
    role = "rep" if people.has_members(tenant.id) else "admin"
    name = limits.display_name(user.name) or limits.display_name(user.user)
    member = people.add_member(tenant.id, name, role=role,
                               locale=user.locale or user.default_locale or first_words_locale,
                               timezone=user.timezone, identity=(user.platform, user.user))
    team = people.default_team(tenant.id) or people.add_team(
        tenant.id, "Sales" if member.locale != "zh" else "销售团队",
        timezone=user.timezone or defaults.timezone, holiday_calendar=defaults.calendar)
    if role != "admin":
        people.join_team(team.id, member.id)
    return tenant, member, True
