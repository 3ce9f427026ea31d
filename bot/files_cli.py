"""`salesbot import` and `salesbot export`: CSV (and a CRM's own files) in and out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.runtime import runtime
from handlers.text.strings import counted


@click.command("import")
@click.argument("kind", type=click.Choice(["roster", "customers", "deals", "targets", "calendar"]))
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tenant", default=None,
              help="PLATFORM:ID of the workspace to import into (default: the only one there is, "
                   "else the console's).")
@click.option("--official", is_flag=True,
              help="calendar: the file is the official schedule (the State Council's list) of the "
                   "years it covers; their working days no longer count as estimated.")
@click.option("--dry-run", is_flag=True,
              help="Check every row and say what would be imported; store nothing.")
def import_(kind: str, path: Path, tenant: str | None, official: bool, dry_run: bool) -> None:
    """Import a CSV file (customers and deals: a Zoho or 纷享销客 export too, CSV or .xlsx); a bad
    row is reported by line and nothing of the file is stored."""
    from bot import csv_import
    from crm.workspaces import ImportProblems

    def progress(items):
        if len(items) < 200:
            return items
        return _with_bar(items, f"Importing {kind}")

    app = runtime().app()
    try:
        count = csv_import.import_file(app, kind, path, tenant, progress, official=official,
                                       dry_run=dry_run)
    except ImportProblems as problems:
        for problem in problems.problems:
            click.echo(problem, err=True)
        raise click.ClickException(
            f"{path}: nothing imported ({counted(len(problems.problems), 'problem', 'problems')}).") from None
    if dry_run:
        click.echo(f"Dry run: {_rows(count, kind)} of {path}, all good; "
                   f"nothing stored. Run again without --dry-run to import them.")
        return
    click.echo(f"Imported {_rows(count, kind)} from {path}.")



def _one(kind: str) -> str:
    """`customers` → `customer`: a kind's name for one of its rows."""
    return kind[:-1] if kind.endswith("s") else kind


def _rows(count: int, kind: str) -> str:
    """`1 customer row`, `2 deal rows`."""
    return counted(count, f"{_one(kind)} row", f"{_one(kind)} rows")


def _with_bar(items, label):
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield from bar


@click.command("export")
@click.argument("kind", type=click.Choice(["customers", "deals", "visits", "targets", "scorecards"]))
@click.option("--period", default=None, help="For scorecards: a month (2026-11) or a quarter (2026-Q4).")
@click.option("--crm", type=click.Choice(["zoho", "fxiaoke"]), default=None,
              help="Write the file this CRM imports as it is (its headers, stages, owners, dates); "
                   "with -o FILE.xlsx, an Excel workbook (纷享销客 imports .xlsx).")
@click.option("--csv", is_flag=True, expose_value=False, help="CSV (the default format).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write; standard output when omitted.")
@click.option("--tenant", default=None,
              help="PLATFORM:ID of the workspace to export (default: the only one there is).")
def export(kind: str, period: str | None, crm: str | None, output: Path | None,
           tenant: str | None) -> None:
    """Export customers, deals, visits or targets as CSV a CRM (Zoho, 纷享销客) can import;
    scorecards for HR."""
    from bot import csv_export
    from crm.workspaces import ImportProblems

    if kind == "scorecards" and not period:
        raise click.UsageError("scorecards need --period, a month (2026-11) or a quarter (2026-Q4).")
    if crm:
        _export_for_crm(crm, kind, output, tenant)
        return
    write = ((lambda out: csv_export.export_scorecards(app, out, tenant, period)) if kind == "scorecards"
             else (lambda out: csv_export.export(app, kind, out, tenant)))
    app = runtime().app()
    try:
        if output:
            with output.open("w", newline="", encoding="utf-8-sig") as out:
                count = write(out)
            click.echo(f"Wrote {counted(count, _one(kind), kind)} to {output}.", err=True)
        else:
            write(sys.stdout)
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None


def _export_for_crm(crm: str, kind: str, output: Path | None, tenant: str | None) -> None:
    from crm import exports
    from crm.workspaces import ImportProblems

    if kind not in exports.KINDS:
        raise click.UsageError(f"--crm {crm} exports customers, deals or visits, not {kind}.")
    app = runtime().app()
    try:
        count = exports.write(app, crm, kind, tenant, out=sys.stdout, path=output)
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None
    if output:
        wrote = counted(count, _one(kind), kind)
        click.echo(f"Wrote {wrote} to {output} for {exports.NAMES[crm]}.", err=True)
