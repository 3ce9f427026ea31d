"""A Reply as WeCom markdown (its subset: headers, bold, `<font color>`, quotes), as plain text,
and its buttons as a `template_card`. Every message fits WeCom's byte limits, split on line or
character boundaries, never inside a UTF-8 character.
"""
from __future__ import annotations

import uuid

from bot.render_text import render_text, table_lines
from handlers.grammar.command_json import button_values
from handlers.text import format as fmt
from handlers.text.reply import Heading, Reply

MARKDOWN_LIMIT = 2048  # bytes, app messages (message/send); group robots allow 4096
TEXT_LIMIT = 2048
KEY_BYTES = 1024  # a card button's key, sent back as the click's EventKey
_HINT = ("Reply with", "回复")


def split_utf8(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` UTF-8 bytes: whole lines where they fit, else whole characters."""
    pieces, current = [], ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate.encode()) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        while len(line.encode()) > limit:
            cut, size = 0, 0
            for index, char in enumerate(line):
                size += len(char.encode())
                if size > limit:
                    break
                cut = index + 1
            pieces.append(line[:cut])
            line = line[cut:]
        current = line
    if current or not pieces:
        pieces.append(current)
    return pieces


def render_markdown(reply: Reply, locale: str, limit: int = MARKDOWN_LIMIT) -> list[str]:
    """WeCom markdown, split into messages of at most `limit` bytes."""
    out = []
    if reply.title:
        out.append(f"### {reply.title}")
    color = "info" if reply.ok else "warning"
    out.extend(f'<font color="{color}">{line}</font>' if i == 0 and not reply.title
               else f"**{line}**" if isinstance(line, Heading) else line
               for i, line in enumerate(reply.lines))
    for bar in reply.bars:
        out.append(f"**{bar.label}** {fmt.bar(bar.share)} {fmt.percent(bar.share)}")
        if bar.detail:
            out.append(f'<font color="comment">{bar.detail}</font>')
    out.extend(f"> {key}：**{value}**" for key, value in reply.fields)
    if reply.table:
        out.extend(f"`{line}`" for line in table_lines(reply.table))
    out.extend(f'<font color="comment">{note}</font>' for note in reply.notes)
    if reply.buttons:
        hint = _HINT[locale == "zh"]
        out.append(f'<font color="comment">{hint}: ' +
                   " · ".join(f"`{b.command}`" if b.command else f"`{i}` {b.label}"  # an answer: its number
                              for i, b in enumerate(reply.buttons, 1)) + "</font>")
    return split_utf8("\n".join(out), limit)


def render_plain(reply: Reply, locale: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Plain text (passive replies and clients that do not show markdown), split by bytes."""
    return split_utf8(render_text(reply, locale), limit)


def template_card(reply: Reply) -> dict | None:
    """The reply's buttons as a `button_interaction` card; a click sends the button's command."""
    fitting = button_values(reply.buttons, KEY_BYTES, _bytes)[:6]
    if not fitting:
        return None
    return {"msgtype": "template_card", "template_card": {
        "card_type": "button_interaction",
        "main_title": {"title": (reply.title or (reply.lines[0] if reply.lines else ""))[:26],
                       "desc": (reply.lines[0] if reply.title and reply.lines else "")[:30]},
        "task_id": f"sb{uuid.uuid4().hex}",
        "button_list": [{"text": b.label[:10], "style": {"primary": 1, "danger": 3}.get(b.style, 2),
                         "key": key} for b, key in fitting],
    }}


def _bytes(text: str) -> int:
    return len(text.encode())
