"""Forms for phones, whatever shows them (a Slack modal, a Teams card): the fields of the visit,
deal and target forms, their labels in both languages, and what a submission means: the typed
command itself (never text to parse again: a customer "Big 5 Ltd" or notes with a `;` stay what
they are), or what is wrong with each field. Nothing is stored until the whole form is right; the
command then runs through the same handlers and checks as a typed message.
"""
from __future__ import annotations

import datetime as dt

from handlers.grammar import commands as c
from handlers.grammar.amounts import parse_amount, parse_count
from handlers.rules.limits import day_window

LABELS = {
    "visit_title": ("Log a visit", "记录拜访"), "deal_title": ("Deal", "商机"),
    "target_title": ("Set a target", "设定目标"), "submit": ("Save", "保存"),
    "cancel": ("Cancel", "取消"), "customer": ("Customer", "客户"), "notes": ("Notes", "纪要"),
    "next_step": ("Next step", "下一步"), "follow_up": ("Follow up on", "跟进日期"),
    "title": ("Title", "名称"), "stage": ("Stage", "阶段"), "amount": ("Amount", "金额"),
    "close": ("Expected close", "预计成交"), "who": ("Rep (leave empty for your team)",
                                                    "销售（留空表示团队）"),
    "metric": ("Metric", "指标"), "period": ("Period", "周期"),
    "new_customer": ("New customer: {name}", "新客户：{name}"),
    "bad_amount": ("Type an amount such as 50k, 5万 or 48000.", "请填写金额，例如 5万、50k 或 48000。"),
    "bad_count": ("Type a whole number such as 20.", "请填写整数，例如 20。"),
    "bad_day": ("Pick a day from the calendar.", "请从日历中选择日期。"),
    "far_day": ("Pick a day from {first} to {last}.", "请选择 {first} 至 {last} 之间的日期。"),
    "pick_one": ("Pick one of the options.", "请选择一项。"),
    "pick_customer": ("Pick a customer (type to search).", "请选择客户（输入以搜索）。"),
    "required": ("Fill this in.", "请填写此项。"),
    "not_text": ("This field could not be read: fill it in again.", "无法读取此项，请重新填写。"),
}


def label(key: str, locale: str, **values) -> str:
    return LABELS[key][locale == "zh"].format(**values)


_REQUIRED = {"visit": ("customer",), "deal": ("customer", "stage"), "deal_edit": ("stage",),
             "target": ("metric", "period")}


def _day(value: str) -> dt.date | None:
    """A datepicker's day; ValueError for anything else."""
    return dt.date.fromisoformat(value) if value else None


def command_of(kind: str, values: dict[str, str], locale: str,
               today: dt.date | None = None) -> tuple[c.Command | None, dict[str, str]]:
    """(the command a submission stands for, or None and {block_id: what is wrong}). A day must
    fall within the window a typed one must (`handlers.rules.limits.day_window` of `today`)."""
    errors = {}
    first, last = day_window(today or dt.date.today())
    if kind in ("visit", "deal") and not values.get("customer"):
        errors["customer"] = label("pick_customer", locale)
    amount = parse_amount(values.get("amount", "").replace(" ", "")) if values.get("amount") else None
    if (values.get("amount") and amount is None) or (kind == "target" and amount is None):
        errors["amount"] = label("bad_amount", locale)
    elif kind == "target" and values.get("metric", "revenue") != "revenue" \
            and parse_count(values["amount"]) is None:
        errors["amount"] = label("bad_count", locale)
    for field in ("follow_up", "close"):
        try:
            day = _day(values.get(field, ""))
        except ValueError:
            errors[field] = label("bad_day", locale)
        else:
            if day is not None and not first <= day <= last:
                errors[field] = label("far_day", locale, first=first.isoformat(), last=last.isoformat())
    for field in ("stage", "metric", "period"):
        if field in _REQUIRED[kind.partition(":")[0]] and not values.get(field):
            errors[field] = label("pick_one", locale)
    if errors:
        return None, errors
    picked = values.get("customer", "")  # a customer's name, or `new:NAME` (create it: `+NAME`)
    customer = f"+{picked.removeprefix('new:')}" if picked.startswith("new:") else picked
    if kind == "visit":
        return c.LogVisit(customer, notes=values.get("notes", ""), next_step=values.get("next_step", ""),
                          follow_up=_day(values.get("follow_up", ""))), {}
    if kind == "deal":
        return c.UpsertDeal(c.DealRef(words=(customer,), title=values.get("title", "")), values["stage"],
                            amount, _day(values.get("close", ""))), {}
    if kind.startswith("deal_edit:"):
        return c.UpsertDeal(c.DealRef(int(kind.removeprefix("deal_edit:"))), values["stage"], amount,
                            _day(values.get("close", ""))), {}
    scope = c.Scope("member", values["who"]) if values.get("who") else c.Scope("team")
    return c.SetTarget(scope, values["metric"], amount.amount, amount.currency,
                       c.Period(values["period"])), {}
