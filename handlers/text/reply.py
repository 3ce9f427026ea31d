"""`Reply`: what the bot says, platform-neutral. Renderers turn it into text, Block Kit or markdown."""
from __future__ import annotations

from dataclasses import dataclass


class Heading(str):
    """A line that heads the lines after it (`Tasks`, `Overdue`): each renderer marks it its own
    way (bold in Slack, WeCom markdown and Teams cards; as it is in plain text), so no handler
    writes a platform's markup."""

    __slots__ = ()


@dataclass(frozen=True)
class Bar:
    """A progress bar: `share` of 1.0 is the whole target; `mark` is where the pace says to be."""

    label: str
    share: float
    detail: str = ""
    mark: float | None = None


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Button:
    """A shortcut: pressing it sends `command` as if the user had typed it (same checks apply);
    where it carries `action`, the command object itself, pressing runs that (nothing re-parsed),
    and `command` is what to type where there are no buttons."""

    label: str
    command: str
    style: str = ""  # "" | "primary" | "danger"
    action: object | None = None  # a handlers.grammar.commands command


@dataclass(frozen=True)
class Chart:
    """Bars of `values` per label against `targets`: drawn as an image where the platform can."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    targets: tuple[float, ...] = ()
    value_label: str = ""
    target_label: str = ""
    unit: str = ""  # "万": the value axis in units of 10,000 (Chinese), else K and M


@dataclass(frozen=True)
class Reply:
    title: str = ""
    lines: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    bars: tuple[Bar, ...] = ()
    table: Table | None = None
    buttons: tuple[Button, ...] = ()
    ok: bool = True  # False: shown as a warning (what is stored follows `Outcome.refused`)
    locale: str = "en"
    #: What the reply is about, for adapters that offer more (`deal:12`: Slack's edit form).
    subject: str = ""
    #: Meant for everyone where it was asked (a team report asked in a channel), not only the asker.
    for_channel: bool = False
    chart: Chart | None = None
    #: Small print under everything else: the exchange rates a total used, what it left out.
    notes: tuple[str, ...] = ()
    #: A question answered by a value typed after it (`How much was it?` ⏎ `80k`): the message
    #: the value completes (`won Umbrella`), run as `won Umbrella 80k`.
    fill: str = ""
    #: A done reply that asks something more (a win's reason): its buttons' labels may be typed as
    #: the answer (`客户关系`), and any other message just lets the question go.
    asks: bool = False
    #: A question whose options are alike (which deal, or a new one): `yes`/`ok` picks none of them.
    which: bool = False

    @property
    def text(self) -> str:
        """Everything the reply says, as one plain string (for logs, search and tests)."""
        parts = [self.title, *self.lines, *(f"{k}: {v}" for k, v in self.fields),
                 *(f"{b.label} {b.detail}" for b in self.bars)]
        if self.table:
            parts += [" ".join(self.table.headers), *(" ".join(r) for r in self.table.rows)]
        parts += self.notes
        return "\n".join(p for p in parts if p)
