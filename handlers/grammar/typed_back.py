"""Free words of a command whose other words are matched folded (a task's title, a deal's title)
given back as typed: `任务 报价：小米 周五` stores "报价：小米", never "报价:小米". Full-width forms are
folded for matching only (handlers/grammar/normal.py); a folded mark is put back where every place
the message has that mark was typed the one same way."""
from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from handlers.grammar import commands as c

#: The fields that hold what a person wrote, stored as typed
_FREE = ("title", "notes", "reason", "add_notes", "next_step", "outcome")


def typed_marks(raw: str, folded: str) -> dict[str, str]:
    """{folded mark: the one form it was typed as} for the marks `raw` typed otherwise (`:` → `：`);
    a mark typed both ways is left out (no guess which place a word came from)."""
    if len(raw) != len(folded):
        return {}
    seen: dict[str, set[str]] = {}
    for typed, matched in zip(raw, folded, strict=True):
        if not matched.isspace():
            seen.setdefault(matched, set()).add(typed)
    return {mark: next(iter(forms)) for mark, forms in seen.items()
            if len(forms) == 1 and next(iter(forms)) != mark}


def as_typed(result, raw: str, folded: str):
    """`result` with its free words' marks as `raw` typed them (its options' commands too)."""
    marks = typed_marks(raw, folded)
    return _back(result, str.maketrans(marks)) if marks else result


def _back(value, table):
    if isinstance(value, c.ParseError):
        return replace(value, options=tuple((label, said, _back(command, table))
                                            for label, said, command in value.options))
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changed = {}
    for field in fields(value):
        inner = getattr(value, field.name)
        if (field.name in _FREE or field.name == "name" and isinstance(value, c.SetCustomer)) \
                and isinstance(inner, str):  # `客户 华为（北京） A类`: the name as typed
            changed[field.name] = inner.translate(table)
        elif is_dataclass(inner) and not isinstance(inner, type):
            changed[field.name] = _back(inner, table)
    return replace(value, **changed) if changed else value
