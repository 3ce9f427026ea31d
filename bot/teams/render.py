"""A Reply as a Teams message: text alone when it is only lines, else an Adaptive Card (title,
lines, progress bars, facts, a table, notes, the chart as an image, buttons as `Action.Submit`
that send their command back) whose `fallbackText` is the plain text. Adaptive Card 1.5, what
Teams renders on desktop and phones.
"""
from __future__ import annotations

import base64
import json

from bot.render_text import render_text
from bot.teams import forms
from handlers.grammar.command_json import button_values
from handlers.text import format as fmt
from handlers.text.reply import Heading, Reply

CARD = "application/vnd.microsoft.card.adaptive"
BUTTON_KEY = "salesbot"  # the submitted data's field that holds a button's command
BUTTON_LIMIT = 2048  # characters of a button's command (a card's data, well within Teams' 28 KB)
MESSAGE_LIMIT = 24_000  # bytes of a card or text (Teams takes about 28 KB per message)
CHART_DPI = 72  # a chart of a 20-rep team stays within the message limit
TABLE_ROWS = 40  # rows of a table in one card (more reads badly on a phone: the rest as text)
_STYLE = {"primary": "positive", "danger": "destructive"}


def _text(text: str, **style) -> dict:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def card(reply: Reply, chart: bool = True) -> dict:
    body: list[dict] = []
    if reply.title:
        body.append(_text(reply.title, size="Medium", weight="Bolder"))
    for index, line in enumerate(reply.lines):
        colour = {"color": "Attention"} if index == 0 and not reply.ok else {}
        weight = {"weight": "Bolder"} if isinstance(line, Heading) else {}
        body.append(_text(line, spacing="Small", **colour, **weight))
    for bar in reply.bars:
        body.append({"type": "ColumnSet", "columns": [
            {"type": "Column", "width": "stretch", "items": [_text(bar.label, weight="Bolder")]},
            {"type": "Column", "width": "auto", "items": [
                _text(f"{fmt.bar(bar.share)} {fmt.percent(bar.share)}", fontType="Monospace")]}]})
        if bar.detail:
            body.append(_text(bar.detail, isSubtle=True, spacing="None", size="Small"))
    if reply.fields:
        body.append({"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in reply.fields]})
    if reply.table:
        table = reply.table
        rows = [table.headers, *table.rows[:TABLE_ROWS]]
        body.append({"type": "Table", "firstRowAsHeader": True, "gridStyle": "accent",
                     "columns": [{"width": 1} for _ in table.headers],
                     "rows": [{"type": "TableRow", "cells": [
                         {"type": "TableCell", "items": [_text(cell, size="Small")]} for cell in row]}
                         for row in rows]})
        if len(table.rows) > TABLE_ROWS:
            body.append(_text(f"… +{len(table.rows) - TABLE_ROWS}", isSubtle=True))
    if reply.chart is not None and chart:  # inline (Teams takes no upload from a bot in a chat)
        from bot.chart import render_png

        png = base64.b64encode(render_png(reply.chart, dpi=CHART_DPI)).decode()
        body.append({"type": "Image", "url": f"data:image/png;base64,{png}", "size": "Stretch",
                     "altText": reply.chart.title})
    body.extend(_text(note, isSubtle=True, size="Small") for note in reply.notes)
    actions = [{"type": "Action.Submit", "title": b.label, "data": {BUTTON_KEY: value},
                **({"style": _STYLE[b.style]} if b.style in _STYLE else {})}
               for b, value in button_values(reply.buttons, BUTTON_LIMIT)]
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.5", "body": body, "actions": actions,
            "fallbackText": render_text(reply, reply.locale), "msteams": {"width": "Full"}}


def activities(reply: Reply) -> list[dict]:
    """The message activities that carry `reply` (one, unless it is too long for one)."""
    if reply.subject.startswith(forms.SUBJECT):
        return [{"type": "message", "summary": reply.title,
                 "attachments": [{"contentType": CARD, "content": forms.card(reply)}]}]
    text = render_text(reply, reply.locale)
    plain = not (reply.title or reply.bars or reply.fields or reply.table or reply.buttons
                 or reply.chart or reply.notes)
    for content in (() if plain else (card(reply), card(reply, chart=False))):  # a chart too big: left out
        if len(json.dumps(content, ensure_ascii=False).encode()) <= MESSAGE_LIMIT:
            summary = (reply.title or text or (reply.chart.title if reply.chart else ""))[:200]
            return [{"type": "message", **({"summary": summary} if summary else {}),
                     "attachments": [{"contentType": CARD, "content": content}]}]
    return [{"type": "message", "text": piece, "textFormat": "plain"} for piece in _pieces(text)]


def _pieces(text: str) -> list[str]:
    """Text in messages of at most MESSAGE_LIMIT bytes, cut between lines."""
    pieces, current = [], ""
    for line in text.split("\n"):
        line = line.encode()[:MESSAGE_LIMIT].decode(errors="ignore")
        if current and len((current + "\n" + line).encode()) > MESSAGE_LIMIT:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    return [*pieces, current]
