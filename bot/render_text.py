"""`render_text(reply, locale)`: a Reply as plain text, for the console and plain-text channels."""
from __future__ import annotations

import unicodedata

from handlers.text import format as fmt
from handlers.text.reply import Reply, Table

_BUTTON_HINT = {"en": "Shortcuts", "zh": "快捷操作"}


def width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def table_lines(table: Table) -> list[str]:
    """A table as lines of aligned columns (CJK characters count two columns)."""
    rows = [table.headers, *table.rows]
    widths = [max(width(row[i]) for row in rows) for i in range(len(table.headers))]
    return ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def render_text(reply: Reply, locale: str) -> str:
    """Title, lines, fields, bars, an aligned table and the button shortcuts, one per line."""
    out = []
    if reply.title:
        out.append(reply.title)
    out.extend(reply.lines)
    for bar in reply.bars:
        out.append(f"  {bar.label}  {fmt.bar(bar.share)} {fmt.percent(bar.share)}")
        if bar.detail:
            out.append(f"    {bar.detail}")
    if reply.fields:
        label_width = max(width(k) for k, _ in reply.fields)
        out.extend(f"  {_pad(k, label_width)}  {v}" for k, v in reply.fields)
    if reply.table:
        out.extend("  " + line for line in table_lines(reply.table))
    out.extend(reply.notes)
    if reply.buttons:
        hint = _BUTTON_HINT["zh" if locale == "zh" else "en"]
        # a button that answers a question with no text of its own is typed as its number
        out.append(f"{hint}: " + " | ".join(f"[{b.label}] {b.command or i}"
                                            for i, b in enumerate(reply.buttons, 1)))
    return "\n".join(out)
