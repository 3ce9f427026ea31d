"""A `Reply` as JSON-ready data and back: how replies wait in the outbox (a button keeps the
command it runs, encoded as it travels in the button itself)."""
from __future__ import annotations

import dataclasses

from handlers.grammar.command_json import decode, encode
from handlers.text.reply import Bar, Button, Chart, Heading, Reply, Table


def to_payload(reply: Reply) -> dict:
    """A Reply as JSON-ready data, for the outbox (a shallow walk: `asdict` deep-copies, and a
    fan-out makes thousands of these)."""
    return _plain(reply)


def _plain(value):
    if isinstance(value, Heading):  # JSON has no str subclass: a heading travels marked
        return {"heading": str(value)}
    if isinstance(value, Button):  # the command a button runs, as it travels in the button
        return {"label": value.label, "command": value.command, "style": value.style,
                "action": encode(value.action) if value.action is not None else None}
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value


def from_payload(data: dict) -> Reply:
    fields = dict(data)
    fields["lines"] = tuple(Heading(line["heading"]) if isinstance(line, dict) else line
                            for line in fields.get("lines", ()))
    fields["notes"] = tuple(fields.get("notes", ()))
    fields["fields"] = tuple(tuple(pair) for pair in fields.get("fields", ()))
    fields["bars"] = tuple(Bar(**bar) for bar in fields.get("bars", ()))
    fields["buttons"] = tuple(Button(**{**b, "action": b.get("action") and decode(b["action"])})
                              for b in fields.get("buttons", ()))
    if fields.get("table"):
        table = fields["table"]
        fields["table"] = Table(tuple(table["headers"]), tuple(tuple(r) for r in table["rows"]))
    if fields.get("chart"):
        fields["chart"] = Chart(**{k: tuple(v) if isinstance(v, list) else v
                                   for k, v in fields["chart"].items()})
    fields.pop("announcement", None)  # rows queued before a celebration became an event
    return Reply(**fields)
