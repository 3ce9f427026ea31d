"""Corrections of the member's last change that the general readings miss (r20): a target of
several just set, named (`no ana should be 550k` after `targets next month: Bo 450k, Ana 500k`);
an exchange rate just set (`oops 7.21` after `rate usd 7.12`); a leave's days said as two days
(`actually make it thu and fri`, `make that thu and fri`, `改成周四周五`: a verb alone says it; two
days apart are no leave, said so); a tier after a refused tier change (`nah make it B`).

Right after the change (the member's previous message here made it, within RECENT) it is made at
once and said back old → new, as every correction is. With a message between that changed
nothing (a list such as `progress team`, or a refusal), nothing older is corrected unasked: the
reply says so, quotes that message, and offers the correction of the last change with one tap."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date, parse_date_range
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.sales.last_said import last_said, nothing_since
from handlers.sales.said_again import RECENT, latest_change, made_last
from handlers.team.target_corrections import target_corrected
from handlers.text.reply import Button, Reply
from storage.changes import changes_made_by
from storage.models.sales import Change
from storage.models.team import Leave, Target
from storage.models.workspace import ExchangeRate, Member

#: the words that open a correction (`no`, `oops`, `actually make it`, `不对 是`)
_LEAD = (r"^(?:(?:no+|nope|nah|sorry|oops|whoops|actually|wait|hmm+|correction|my\s+bad|typo|不对|错了|"
         r"说错了|更正)[\s,，.!！:：]*)+")
_VERB = r"(?:(?:i\s+meant|i\s+mean|make\s+(?:it|that)|it'?s|it\s+was|should\s+be|应该是|是|改成|改为)\s*)?"
_RATE = pattern(_LEAD + _VERB + r"(?P<rate>\d{1,6}(?:\.\d{1,6})?)\s*[.!。！]*$", re.I)
_TARGET = pattern(_LEAD + r"(?:(?:i\s+)?(?:meant|mean)\s+|我是说|我说的是)?"  # `no I meant ana 550k`
                  r"@?(?P<name>[^\s,，:：'’]+)(?:['’]s)?(?:\s+target)?\s*"
                  r"(?:[:：=]|->|→|should\s+be|is|to|应该是|改成|改为|是)?\s*"
                  r"(?P<value>[\d.,]+\s*(?:k|m|万|w|千|亿)?)\s*[.!。！]*$", re.I)
#: A verb that alone says the last change is put right (`make that thu and fri`, `改成周四周五`)
_REDO = r"^(?:make\s+(?:it|that|them)|(?:change|move)\s+(?:it|that)\s+to|改成|改为|改到|换成|挪到)\s*"
_LEAVE = pattern(rf"(?:{_LEAD}{_VERB}|{_REDO})(?:(?:my\s+)?leave\s+)?(?P<days>.+?)\s*[.!。！]*$", re.I)
_TIER = pattern(_LEAD + _VERB + r"(?:tier\s+)?(?P<tier>[ABCabc])(?:\s*类|\s+tier)?(?:\s+again)?"
                r"\s*[.!。！]*$", re.I)
_DAY = (r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?"
        r"|周[一二三四五六日天]|星期[一二三四五六日天]")
_WEEKDAYS = pattern(rf"(?:{_DAY})\s*(?:and|&|\+|-|–|to|和|跟|、|至|到)\s*(?:{_DAY})", re.I)
#: Two weekdays glued (`周四周五`): as `周四和周五`
_GLUED = pattern(r"((?:周|星期|礼拜)[一二三四五六日天])\s*(?=(?:周|星期|礼拜)[一二三四五六日天])")
_TWO_DAYS = pattern(r"^(?P<a>.+?)\s*(?:and|&|\+|和|跟|、)\s*(?P<b>.+)$", re.I)


def answer(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The correction `text` makes of the member's last change (or asks about), else None."""
    said = " ".join(text.split())
    if (tier := _TIER.match(said)) is not None:
        return _tier_after_nothing(ctx, tier["tier"].upper())
    change = latest_change(ctx)
    if change is None or change.status != "done" or change.at < ctx.now - RECENT:
        return None
    if change.kind == "SetRate" and (rate := _RATE.match(said)) and made_last(ctx, change):
        found = ctx.session.get(ExchangeRate, change.entity_id) if change.entity_id else None
        if found is None or found.tenant_id != ctx.tenant.id:
            return None
        ctx.locale = _language(said)
        ctx.text = f"{'汇率' if ctx.locale == 'zh' else 'rate'} {found.currency} {rate['rate']}"
        command = read(ctx.text, ctx.today).command  # `oops 7.21`: the rate just set, again
        return command if isinstance(command, c.SetRate) else None
    was, ctx.locale = ctx.locale, _language(said)  # answered in the language it is said in, if at all
    found = None
    if change.kind == "SetTarget" and (named := _TARGET.match(said)) and made_last(ctx, change):
        found = _target_named(ctx, named["name"], named["value"].replace(" ", ""))
    elif change.kind == "TakeLeave" and change.entity_id and (days := _LEAVE.match(said)):
        found = _leave(ctx, change, days["days"])
    if found is None:
        ctx.locale = was
    return found


def _language(said: str) -> str:
    return "zh" if re.search(r"[\u3400-\u9fff]", said) else "en"


def _target_named(ctx: Ctx, name: str, value: str) -> c.Command | Reply | None:
    """The target of the member named, of those the previous message set, set again at `value`."""
    said = last_said(ctx)
    changes = changes_made_by(ctx.session, ctx.tenant.id, ctx.member.id, kind="SetTarget", done=True,
                              after=said.changes_before, upto=said.changes_after)
    for change in changes:
        target = ctx.session.get(Target, change.entity_id) if change.entity_id else None
        owner = ctx.session.get(Member, target.member_id) if target and target.member_id else None
        if owner is not None and owner.display_name.lower() == name.lower():
            return target_corrected(ctx, change, value, f"target @{owner.display_name} {value}")
    return None


def _leave(ctx: Ctx, change: Change, said: str) -> c.Command | Reply | None:
    """The leave just entered with the days said (two days: `thu and fri`); asked when a message
    between changed nothing."""
    said = _GLUED.sub(r"\1和", said)  # `改成周四周五`: Thu and Fri
    days = parse_date_range(said, ctx.today)
    if days is None and (two := _TWO_DAYS.match(said)) is not None:
        first, last = parse_date(two["a"], ctx.today), parse_date(two["b"], ctx.today)
        days = (first, last) if first and last and 0 <= (last - first).days <= 1 else None
        if first and last and days is None:
            return _apart(ctx, change, two)  # `make that mon and wed`: no one leave, said so
    leave = ctx.session.get(Leave, change.entity_id)
    if days is None or leave is None or leave.member_id != ctx.member.id:
        return None
    if _WEEKDAYS.fullmatch(said):  # `thu and fri`: that week's, the week of the leave
        monday = leave.first_day - dt.timedelta(days=leave.first_day.weekday())
        days = tuple(monday + dt.timedelta(days=day.weekday()) for day in days)
    command = c.TakeLeave(days[0], days[1], replaces=leave.id)
    if made_last(ctx, change):
        ctx.text = f"{'请假' if ctx.locale == 'zh' else 'leave'} {said}"
        return command
    between = nothing_since(ctx, change)
    if between is None:
        return None
    offer = f"{ctx.day(days[0])} – {ctx.day(days[1])}"
    typed = (f"请假 {days[0].month}月{days[0].day}日-{days[1].month}月{days[1].day}日" if ctx.locale == "zh"
             else f"leave {days[0].month}/{days[0].day}-{days[1].month}/{days[1].day}")
    return Reply(lines=(ctx.t("correction_after_nothing_head", said=between),
                        ctx.t("leave_correction_offered", was=f"{ctx.day(leave.first_day)} – "
                              f"{ctx.day(leave.last_day)}", days=offer), ctx.t("answer_hint_one")),
                 buttons=(Button(offer, typed, action=command),), ok=False)


def _apart(ctx: Ctx, change: Change, two: re.Match) -> Reply | None:
    """Two days said for the leave just entered that are no run of days: nothing changed, said so."""
    first_said, second_said = two["a"].strip(), two["b"].strip()
    first, second = parse_date(first_said, ctx.today), parse_date(second_said, ctx.today)
    leave = ctx.session.get(Leave, change.entity_id)
    if leave is None or leave.member_id != ctx.member.id or not made_last(ctx, change):
        return None
    if re.fullmatch(_DAY, first_said, re.I) and re.fullmatch(_DAY, second_said, re.I):  # `mon and wed`:
        monday = leave.first_day - dt.timedelta(days=leave.first_day.weekday())  # the leave's week
        first, second = (monday + dt.timedelta(days=day.weekday()) for day in (first, second))
    first, second = sorted((first, second))
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    was = f"{ctx.day(leave.first_day)} – {ctx.day(leave.last_day)}"
    example = (f"请假 {first.month}月{first.day}日-{second.month}月{second.day}日" if ctx.locale == "zh"
               else f"leave {first.month}/{first.day}-{second.month}/{second.day}")
    return Reply(lines=(ctx.t("leave_days_apart", first=ctx.day(first), second=ctx.day(second),
                              was=was, example=example),),
                 ok=False)


def _tier_after_nothing(ctx: Ctx, tier: str) -> Reply | None:
    """`nah make it B` right after a tier change that was refused: said so, the message quoted, and
    what to type (the same message with the tier said)."""
    said = last_said(ctx)
    if said is None or not said.text or said.changes_after > said.changes_before:
        return None  # right after a tier set, the general correction makes it (follow_on)
    refused = read(said.text, ctx.today).command
    if not isinstance(refused, c.SetCustomer) or refused.tier is None:
        return None
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", said.text) else ctx.locale
    example = read_example(said.text, refused, tier)
    return Reply(lines=(ctx.t("correction_after_nothing", said=said.text, example=example),), ok=False,
                 buttons=(Button(example, example, action=replace(refused, tier=tier)),))


def read_example(typed: str, refused: c.SetCustomer, tier: str) -> str:
    """The refused tier message with the tier said instead (`customer initech tier B`)."""
    swapped = re.sub(r"(?<![A-Za-z])[abcABC](\s*类)?\s*$", lambda m: tier + (m[1] or ""), typed.rstrip())
    return swapped if swapped != typed.rstrip() else f"{typed.rstrip()} {tier}"
