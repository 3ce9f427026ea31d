"""Forms for phones on Teams: `visit`, `deal` or `target` alone (typed, or picked from the bot's
command menu) answer with a card to fill in; its Save sends the inputs back, which become the
typed command itself (`handlers/forms.py`). What is wrong comes back as the same card, filled in
as it was, with the reason under each field; nothing is stored until the whole form is right.

Required fields are also marked for Teams itself (`isRequired` with an `errorMessage`), which
shows the message on the card before sending anything.
"""
from __future__ import annotations

import json

from handlers.forms import label
from handlers.grammar.intents import BY_NAME
from handlers.text.reply import Reply
from handlers.text.strings import METRIC_NAMES, PERIOD_NAMES, name_of
from storage import pipelines
from storage.models.team import METRICS

FORM_KEY = "form"  # the submitted data's field that names the form
SUBJECT = "form:"  # a Reply about a form: `form:{"kind": …, "values": …, "errors": …}`
FIELDS = {"visit": ("customer", "notes", "next_step", "follow_up"),
          "deal": ("customer", "title", "stage", "amount", "close"),
          "target": ("who", "metric", "amount", "period")}
REQUIRED = {"visit": ("customer",), "deal": ("customer", "title", "stage"),
            "target": ("metric", "amount", "period")}
#: the words that, alone, ask for a form
WORDS = {word.lower(): kind for kind in FIELDS for word in (*BY_NAME[kind].en, *BY_NAME[kind].zh)}


def form_reply(kind: str, locale: str, values: dict | None = None, errors: dict | None = None,
               pipeline: pipelines.Pipeline = pipelines.DEFAULT) -> Reply:
    """The answer that shows the form (its fallback text for anything that cannot: the usage),
    with the workspace's open stages to pick from."""
    lines = tuple(errors.values()) if errors else BY_NAME[kind].examples(locale)[:1]
    stages = [[key, pipeline.name(key, locale)] for key in pipeline.open]
    subject = SUBJECT + json.dumps({"kind": kind, "values": values or {}, "errors": errors or {},
                                    "stages": stages}, ensure_ascii=False)
    return Reply(title=label(f"{kind}_title", locale), lines=lines, ok=not errors, locale=locale,
                 subject=subject)


def submitted(value: dict) -> tuple[str, dict[str, str]] | None:
    """(form, {field: text}) of a card's submission, or None when it is no form of ours. Inputs
    are client input: only the form's own fields, as text."""
    kind = value.get(FORM_KEY)
    if not isinstance(kind, str) or kind not in FIELDS:  # a list or an object is no form's name
        return None
    return kind, {name: value[name].strip()[:2000] for name in FIELDS[kind]
                  if isinstance(value.get(name), str)}


def wrong_types(kind: str, value: dict) -> set[str]:
    """The form's fields that hold something other than text (an object, a list, a number): an
    error on the field, never taken for an empty one."""
    return {name for name in FIELDS[kind] if value.get(name) is not None and not isinstance(value[name], str)}


def card(reply: Reply) -> dict:
    """The Adaptive Card of a form reply."""
    form = json.loads(reply.subject.removeprefix(SUBJECT))
    kind, values, errors, locale = form["kind"], form["values"], form["errors"], reply.locale
    body = [{"type": "TextBlock", "text": reply.title, "size": "Medium", "weight": "Bolder", "wrap": True}]
    for name in FIELDS[kind]:
        body.append(_input(name, kind, locale, values.get(name, ""), form.get("stages")))
        if errors.get(name):
            body.append({"type": "TextBlock", "text": errors[name], "color": "Attention", "wrap": True,
                         "size": "Small", "spacing": "None"})
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.5", "body": body, "fallbackText": reply.text,
            "actions": [{"type": "Action.Submit", "title": label("submit", locale), "style": "positive",
                         "data": {FORM_KEY: kind}}]}


_CHOICES = {"stage": lambda locale: [(s, pipelines.DEFAULT.name(s, locale)) for s in pipelines.DEFAULT.open],
            "metric": lambda locale: [(m, name_of(METRIC_NAMES, m, locale)) for m in METRICS],
            "period": lambda locale: [(p, name_of(PERIOD_NAMES, p, locale))
                                      for p in ("week", "month", "quarter")]}
_DEFAULT = {"metric": METRICS[0], "period": "month"}


def _input(name: str, kind: str, locale: str, value: str, stages: list | None = None) -> dict:
    required = name in REQUIRED[kind]
    common = {"id": name, "label": label(name, locale), "isRequired": required}
    if required:  # what Teams shows on the card when it is left empty
        common["errorMessage"] = label("pick_one" if name in _CHOICES else "required", locale)
    if name in _CHOICES:
        choices = [tuple(pair) for pair in stages] if name == "stage" and stages else _CHOICES[name](locale)
        first = _DEFAULT.get(name, choices[0][0])
        return {"type": "Input.ChoiceSet", "style": "compact", "value": value or first,
                "choices": [{"title": text, "value": key} for key, text in choices], **common}
    if name in ("follow_up", "close"):
        return {"type": "Input.Date", "value": value, **common}
    return {"type": "Input.Text", "value": value, "isMultiline": name == "notes", "maxLength": 2000, **common}
