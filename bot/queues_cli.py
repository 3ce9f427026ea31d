"""`salesbot deliveries` and `salesbot inbox`: what waits in the outbox and the inbox, and sending
or running again what was given up on."""
from __future__ import annotations

import click

from bot.runtime import runtime


@click.group(invoke_without_command=True)
@click.pass_context
def deliveries(ctx) -> None:
    """List outgoing messages not sent yet (pending) or given up on (failed)."""
    if ctx.invoked_subcommand:
        return
    from storage.models.base import utcnow
    from storage.outbox import OutboxRepository

    with runtime().app().session_factory() as session:
        rows = OutboxRepository(session).unsent()
    if not rows:
        click.echo("Nothing pending or failed.")
    now = utcnow()
    for row in rows:
        if row.status == "failed":
            when = "given up (salesbot deliveries retry sends it again)"
        else:
            wait = max(0, int((row.next_attempt_at - now).total_seconds()))
            when = (f"next try {row.next_attempt_at:%Y-%m-%d %H:%M:%S}Z"
                    + (f" (in {wait // 60} min {wait % 60} s)" if wait else " (due now)"))
        click.echo(f"{row.status:8} {row.key}  → {row.platform}:{row.target}  tries {row.attempts}"
                   f"  {when}" + (f"  ({_one_line(row.last_error)})" if row.last_error else ""))


def _one_line(error: str, most: int = 300) -> str:
    """An error (a platform's 500 with its HTML body) on one line, and not a page long."""
    flat = " ".join(error.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


@deliveries.command("retry")
def deliveries_retry() -> None:
    """Send failed deliveries again (with a fresh set of attempts)."""
    from storage.models.base import utcnow
    from storage.outbox import OutboxRepository

    with runtime().app().session_factory.begin() as session:
        count = OutboxRepository(session).requeue_failed(utcnow())
    from handlers.text.strings import counted

    click.echo(f"{counted(count, 'failed delivery', 'failed deliveries')} queued again.")


@click.group(invoke_without_command=True)
@click.pass_context
def inbox(ctx) -> None:
    """Show chat requests a busy web process handed on: how many wait, and those given up on."""
    if ctx.invoked_subcommand:
        return
    from storage.inbox import InboxRepository

    with runtime().app().session_factory() as session:
        repo = InboxRepository(session)
        (waiting, oldest), failed = repo.waiting(), repo.failed()
    click.echo(f"Chat requests waiting for a worker: {waiting} (the oldest received "
               f"{oldest:%Y-%m-%d %H:%M:%S}Z)." if waiting else "No chat request waiting.")
    for row in failed:
        click.echo(f"failed   {row.key}  received {row.created_at:%Y-%m-%d %H:%M:%S}Z"
                   f"  tries {row.attempts}  ({_one_line(row.last_error)})")


@inbox.command("retry")
def inbox_retry() -> None:
    """Run failed chat requests again (nothing they stored before is stored twice)."""
    from storage.inbox import InboxRepository

    with runtime().app().session_factory.begin() as session:
        count = InboxRepository(session).requeue_failed()
    click.echo(f"Failed chat requests queued again: {count}.")
