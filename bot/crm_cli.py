"""`salesbot crm …`: connect a workspace to Zoho CRM or 纷享销客, and see how its sync stands.

Secrets are asked for without echo (or read from the environment variables named in `--help`),
so they stay out of shell history and process lists; they are never printed.
"""
from __future__ import annotations

import click

from handlers.text.strings import counted


def built_app():
    from bot.runtime import runtime

    return runtime().app()


@click.group("crm")
def crm() -> None:
    """Connect this workspace to its CRM (Zoho CRM, 纷享销客) and see the sync: docs/crm.md."""


@crm.group("connect")
def connect() -> None:
    """Connect to Zoho CRM or 纷享销客 (reconnecting replaces the credentials)."""


_TENANT = click.option("--tenant", default=None,
                       help="PLATFORM:ID of the workspace (default: the only one there is).")


@connect.command("zoho")
@click.option("--dc", "data_centre", type=click.Choice(["us", "eu", "in", "au", "jp", "ca", "cn"]),
              default="us", show_default=True, help="The org's data centre (cn: accounts.zoho.com.cn).")
@click.option("--client-id", required=True, help="The Self Client's client id (Zoho API console).")
@click.option("--client-secret", envvar="ZOHO_CLIENT_SECRET", prompt=True, hide_input=True,
              help="The Self Client's secret (or ZOHO_CLIENT_SECRET; asked for when omitted).")
@click.option("--refresh-token", envvar="ZOHO_REFRESH_TOKEN", default="",
              help="A refresh token (or ZOHO_REFRESH_TOKEN) …")
@click.option("--grant-code", envvar="ZOHO_GRANT_CODE", default="",
              help="… or a grant code made in the API console with the scopes in docs/crm.md.")
@_TENANT
@click.option("--no-import", is_flag=True, help="Connect only; import later with salesbot crm import.")
def connect_zoho(data_centre, client_id, client_secret, refresh_token, grant_code, tenant, no_import) -> None:
    """Connect Zoho CRM with a Self Client (any data centre, China's included)."""
    from crm.connect import connect_zoho as run

    if not (refresh_token or grant_code):
        raise click.UsageError("give --refresh-token or --grant-code (docs/crm.md says how to make one).")
    _connect(lambda app, t, urls: run(app, t, urls, data_centre=data_centre, client_id=client_id,
                                      client_secret=client_secret, refresh_token=refresh_token,
                                      grant_code=grant_code), tenant, no_import)


@connect.command("fxiaoke")
@click.option("--app-id", required=True, help="The self-built app's AppId (纷享 admin console).")
@click.option("--app-secret", envvar="FXIAOKE_APP_SECRET", prompt=True, hide_input=True,
              help="Its AppSecret (or FXIAOKE_APP_SECRET; asked for when omitted).")
@click.option("--permanent-code", envvar="FXIAOKE_PERMANENT_CODE", prompt=True, hide_input=True,
              help="Its permanentCode (or FXIAOKE_PERMANENT_CODE; asked for when omitted).")
@click.option("--admin-mobile", required=True,
              help="The mobile of a CRM admin: salesbot reads and writes the CRM as them.")
@_TENANT
@click.option("--no-import", is_flag=True, help="Connect only; import later with salesbot crm import.")
def connect_fxiaoke(app_id, app_secret, permanent_code, admin_mobile, tenant, no_import) -> None:
    """Connect 纷享销客 with a self-built app's AppId, AppSecret and permanentCode."""
    from crm.connect import connect_fxiaoke as run

    _connect(lambda app, t, urls: run(app, t, urls, app_id=app_id, app_secret=app_secret,
                                      permanent_code=permanent_code, admin_mobile=admin_mobile),
             tenant, no_import)


def _connect(run, tenant_spec: str | None, no_import: bool) -> None:
    from crm.connect import CrmUrls
    from crm.errors import CrmError
    from crm.exports import NAMES
    from crm.workspaces import ImportProblems, workspace_of

    app = built_app()
    try:
        with app.session_factory() as session:
            tenant = workspace_of(session, tenant_spec)
        connected = run(app, tenant, CrmUrls.of(app.settings))
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None
    except CrmError as failure:
        raise click.ClickException(f"Not connected: {failure}") from None
    click.echo(f"Connected {tenant.name or tenant.external_id} to {NAMES[connected.crm]} "
               f"({connected.org}).")
    click.echo(f"CRM users matched to members: {len(connected.matched)}")
    for user, member in connected.matched:
        click.echo(f"  {user} = {member}")
    if connected.unmatched:
        click.echo(f"Not matched ({len(connected.unmatched)}); match one in chat with "
                   "crm map @name email-or-mobile:")
        for user, contact in connected.unmatched:
            click.echo(f"  {user} <{contact}>")
    if not no_import:
        _import(app, tenant)


@crm.command("import")
@_TENANT
def import_(tenant: str | None) -> None:
    """Import the CRM's accounts and open deals again (what is already here is updated, not doubled)."""
    from crm.workspaces import ImportProblems, workspace_of

    app = built_app()
    try:
        with app.session_factory() as session:
            found = workspace_of(session, tenant)
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None
    _import(app, found)


def _import(app, tenant) -> None:
    import sys

    from crm import first_import
    from crm.connect import CrmUrls, client_for
    from crm.errors import AuthFailed, CrmError
    from storage.crm import CrmRepository
    from storage.models.base import utcnow

    with app.session_factory() as session:
        connection = CrmRepository(session).connection(tenant.id)
    if connection is None:
        raise click.ClickException("No CRM connected: salesbot crm connect zoho|fxiaoke --help")
    bars: dict[str, list] = {}

    def progress(what: str, done: int, total: int | None) -> None:
        if total is None:
            click.echo(f"\rImporting {what}: {done}", nl=False, err=True)
            return
        if what not in bars:
            bar = click.progressbar(length=max(total, 1), label=f"Importing {what}", file=sys.stderr,
                                    show_pos=True)
            bars[what] = [bar.__enter__(), 0]
        bar, before = bars[what]
        bar.update(max(0, done - before))
        bars[what][1] = done

    try:
        result = first_import.run(app, tenant, client_for(app, connection, CrmUrls.of(app.settings)),
                                  progress)
    except CrmError as failure:
        with app.session_factory.begin() as session:
            stopped = "error" if isinstance(failure, AuthFailed) else "import"  # reconnect, or run again
            CrmRepository(session).record_sync(tenant.id, utcnow(), str(failure), status=stopped)
        raise click.ClickException(f"Import stopped (what came in is kept; run salesbot crm import "
                                   f"again): {failure}") from None
    finally:
        for bar, _done in bars.values():
            bar.__exit__(None, None, None)
    click.echo(f"Imported {counted(result.accounts, 'account', 'accounts')} and "
               f"{counted(result.deals, 'open deal', 'open deals')} "
               f"({counted(result.closed_skipped, 'closed deal stays', 'closed deals stay')} in the CRM).")
    for remote, ours in result.stages.items():
        click.echo(f"  stage {remote} → {ours}")
    for user, count in result.unowned.items():
        click.echo(f"  {counted(count, 'deal', 'deals')} of {user or 'an unknown user'} skipped: map them "
                   f"(crm map @name email) and run salesbot crm import")


@crm.command("status")
@_TENANT
def status(tenant: str | None) -> None:
    """The workspace's CRM, its last sync and what stopped it (chat: `crm` · `CRM`)."""
    from crm.exports import NAMES
    from crm.workspaces import ImportProblems, workspace_of
    from storage.crm import CrmRepository

    app = built_app()
    try:
        with app.session_factory() as session:
            found = workspace_of(session, tenant)
            repo = CrmRepository(session)
            connection = repo.connection(found.id)
            if connection is None:
                click.echo("No CRM connected: salesbot crm connect zoho|fxiaoke --help")
                return
            synced = connection.last_sync_at.isoformat(timespec="seconds") if connection.last_sync_at \
                else "not yet"
            click.echo(f"{NAMES[connection.crm]} ({connection.settings.get('org_name', '')}): "
                       f"{connection.status}, last sync {synced}")
            if connection.last_error:
                click.echo(f"Last error: {connection.last_error}")
            unmatched = [u for u in repo.unmapped_users(found.id) if not u.remote_id.startswith("email:")]
            click.echo(f"CRM users matched: {len(repo.remote_of(found.id, 'member'))}, "
                       f"not matched: {len(unmatched)}")
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None


@crm.command("encrypt")
def encrypt() -> None:
    """Encrypt CRM secrets stored before they were encrypted, and re-encrypt the rest under the
    first SALESBOT_SECRET_KEY (after adding a new key in front: key rotation). The worker does
    this on start too."""
    from crm.secrets import encrypt_stored

    app = built_app()
    plain = encrypt_stored(app)
    click.echo(f"CRM secrets encrypted: {counted(plain, 'was', 'were')} stored plain; every one is now under "
               "the first key.")


_STAGE_COLUMNS = {"name": "en", "stage": "en", "english": "en", "name_en": "en", "名称": "zh",
                  "阶段": "zh", "中文名": "zh", "name_zh": "zh", "chinese": "zh", "probability": "p",
                  "probability (%)": "p", "赢率": "p", "category": "c", "类别": "c"}


@click.command("stages")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@_TENANT
@click.option("--dry-run", is_flag=True, help="Check the file and show the stages; change nothing.")
def stages(file, tenant: str | None, dry_run: bool) -> None:
    """Set the workspace's pipeline from a CSV: one stage a row, in order, with columns name,
    中文名, probability and category (open, won, lost); as `stages …` · `阶段 …` in chat."""
    import csv

    from crm.workspaces import ImportProblems, workspace_of
    from handlers.grammar import commands as c
    from handlers.grammar.parse_stages import parse_stages
    from handlers.text.strings import t
    from handlers.workspace.stages import made
    from storage import pipelines

    rows = list(csv.DictReader(file))
    parts = []
    for n, row in enumerate(rows, 2):
        cells = {_STAGE_COLUMNS.get(k.strip().lower(), ""): (v or "").strip() for k, v in row.items() if k}
        en, zh = cells.get("en", ""), cells.get("zh", "")
        if any(mark in en + zh for mark in ",，;；、/") or not (en or zh):
            raise click.ClickException(f"row {n}: a stage needs a name without , ; or /")
        parts.append(" ".join(filter(None, (f"{en or zh}/{zh}" if zh and en else en or zh, cells.get("p", ""),
                                             cells.get("c", "") if cells.get("c") != "open" else ""))))
    command = parse_stages(", ".join(parts), None)
    if not isinstance(command, c.Stages) or command.items is None:
        raise click.ClickException(t("en", "bad_stages", text=getattr(command, "detail", "") or file.name))
    app = built_app()
    try:
        with app.session_factory.begin() as session:
            found = workspace_of(session, tenant)
            pipeline = made(command.items, pipelines.of(session, found.id))
            for n, stage in enumerate(pipeline.stages, 1):
                click.echo(f"{n}. {stage.en} / {stage.zh} · {stage.probability}% · {stage.category}")
            if dry_run:
                click.echo("Dry run: nothing changed.")
                session.rollback()
                return
            moved = pipelines.save(session, found.id, pipeline)
            click.echo(f"Stages saved; {counted(moved, 'open deal', 'open deals')} moved from a "
                       "stage that is gone.")
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None
