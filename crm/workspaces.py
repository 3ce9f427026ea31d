"""Which workspace (tenant) a command-line import or export is about: `--tenant PLATFORM:ID`, or
the only one there is. Shared by the CSV files (`bot/csv_import.py`, `bot/csv_export.py`) and the CRMs' files
(`crm/exports.py`, the `salesbot crm` commands)."""
from __future__ import annotations

from storage.people import PeopleRepository


class ImportProblems(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def workspace_of(session, spec: str | None, create_with_currency: str | None = None):
    """The workspace `PLATFORM:ID` (a roster import may create it before anyone has talked), or
    with no spec the only workspace there is."""
    people = PeopleRepository(session)
    if spec is None:
        known = people.all_tenants()
        if len(known) == 1:
            return known[0]
        spec = "console:local"
        if known or not create_with_currency:
            raise ImportProblems([_which(known)])
    platform, _, external_id = spec.partition(":")
    tenant = people.tenant(platform, external_id)
    if tenant is None and create_with_currency and external_id:
        tenant = people.add_tenant(platform, external_id, external_id, create_with_currency)
    if tenant is None:
        raise ImportProblems([f"No workspace {spec}: nobody from it has talked to salesbot yet.",
                              _which(people.all_tenants())])
    return tenant


def _which(known) -> str:
    if not known:
        return "No workspace has talked to salesbot yet."
    listed = ", ".join(f"{t.platform}:{t.external_id} ({t.name})" for t in known)
    return f"Workspaces here: {listed}. Pick one with --tenant PLATFORM:ID."
