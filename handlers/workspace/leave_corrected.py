"""A correction of the leave just entered (`no, 12/28-12/31, i'll work xmas eve`, `no 12/28-12/31`,
`actually make it 12/28-12/31`, `不对 是12月28日到12月31日`, `make it end 12/30`): that leave now has
the days said, old → new, one `undo` from what it was (#23, r17). Only right after the leave was
entered by the member's last message; the words after the days say why (a leave keeps no notes:
said back as read). One end of a contest just started or changed moves the same way (`make it end
12/23`, `改成12月14号开始`)."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date_range
from handlers.grammar.fillers import LEAD
from handlers.grammar.leave_words import dotted
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.range_edit import edited
from handlers.grammar.reading import read
from handlers.grammar.spans import date_in
from handlers.sales.said_again import RECENT, latest_change, made_last
from storage.models.team import Contest, Leave

#: The words that make a message a correction (`no`, `actually make it`, `不对 是`), then the days
_SAID = pattern(r"^(?:(?:no+|nope|nah|sorry|oops|oh|ah|hmm+|actually|wait|correction|my\s+bad|typo|"
                r"不对|不是|错了|"
                r"说错了|搞错了|更正|其实|哦|噢|哎呀|哎|呃)[\s,，.!！:：]*)+"
                r"(?:(?:假期|休假|请假|(?:the\s+|my\s+)?leave)\s*(?=改|应该|should|is\b))?"  # `假期改成…`
                r"(?:(?:i\s+meant|i\s+mean|make\s+it|it'?s|is(?=\s)|should\s+be|应该是|是|改成|改为|改到)\s*)?"
                r"(?:(?:my\s+)?leave\s+(?:is\s+|on\s+)?|请假\s*)?(?P<days>.+)$", re.I)
#: Two days one after the other joined by `and` (`17th and 18th`, `17号和18号`)
_AND_NEXT = pattern(r"((\d{1,2})(?:st|nd|rd|th|号|日)?)\s*(?:and|&|和|跟|与)\s*"
                    r"((\d{1,2})(?:st|nd|rd|th|号|日)?)(?![\d/.])", re.I)
#: An apology closing the message (`… my bad`): no why
_SORRY = pattern(r"[\s,，.。!！]+(?:my\s+bad|sorry|sry|soz|lol|oops|不好意思|抱歉)[\s.。!！]*$", re.I)
#: The days it was, said after the new ones (`mon 12/7 not fri`, `周一 不是周五`): said back, no why
_NOT = pattern(r"\s*[,，]?\s*(?<![A-Za-z])(?:not|instead\s+of|rather\s+than|不是)\s*"
               r"(?P<was>[^,，;；]+?)\s*[.。!！]*$", re.I)
#: Where the days end and the why starts (`12/28-12/31, i'll work xmas eve`, `12月28日到31日 平安夜上班`)
_WHY = pattern(r"\s*(?:[,，;；]|\s[-–—]\s|(?<=[\d日号])\s+(?=\D)|\s+(?:because|bc|cause|as|since)\s)\s*",
               re.I)

#: A range's join right after a cut (`12/21 to 12/31`, `21号 到 31号`): the days go on
_JOINED = pattern(r"\s*(?:to|till|until|thru|through|[-–—~～]|到|至)(?![A-Za-z])\s*(?:the\s+)?"
                  r"(?=\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                  r"next|end)|[周星下本这明后今][^\s]|[一二三四五六七八九十廿]+[月号日])", re.I)


#: A break after which the correction may follow its why (`其实24号还要上班，改成25号开始吧`)
_CLAUSE = pattern(r"\s*[,，;；。]\s*")


def corrected(ctx: Ctx, text: str) -> c.Command | None:
    """`_corrected`, or, where the why is said first (`其实24号还要上班，改成25号开始吧`, `actually i
    can work the 23rd, make it 12/24-12/31`), the correction after it, the why said back."""
    text = view(text)  # `不對，假期改成25號到31號`: its words read simplified
    if (command := _corrected(ctx, text)) is not None:
        return command
    said = " ".join(text.split())
    for cut in _CLAUSE.finditer(said):
        head, rest = said[:cut.start()], said[cut.end():]
        lead = re.match(LEAD, head)
        why = head[lead.end() if lead else 0:].strip()
        if not why or not rest:
            continue
        if (command := _corrected(ctx, f"{head[:lead.end()] if lead else ''} {rest}".strip())) is not None:
            return replace(_one_end(ctx, command, why), note=command.note or why)  # kept with the days
    return None


def _one_end(ctx: Ctx, command: c.TakeLeave, why: str) -> c.TakeLeave:
    """`make it 12/24, i can work the 23rd` of Dec 23-31: one day inside the leave, and the why
    names the leave's first (or last) day as one worked: that end moved, not a leave of one day."""
    leave = ctx.session.get(Leave, command.replaces) if command.replaces else None
    named = date_in(why, ctx.today) if why else None
    day = command.first_day
    if leave is None or named is None or day != command.last_day \
            or not leave.first_day <= day <= leave.last_day or leave.first_day == leave.last_day:
        return command
    if named[1] == leave.first_day and day > named[1]:
        return replace(command, last_day=leave.last_day)
    if named[1] == leave.last_day and day < named[1]:
        return replace(command, first_day=leave.first_day)
    return command


def _corrected(ctx: Ctx, text: str) -> c.Command | None:
    """The leave just entered, with the days `text` corrects it to (or the contest just started or
    changed, one end moved); None where `text` is no such correction or the member's last message
    entered no leave (nor contest)."""
    change = latest_change(ctx)
    if change is None or change.status != "done" or change.at < ctx.now - RECENT \
            or not made_last(ctx, change):
        return None
    line = change.label if edited(change.label, text, ctx.today) else _days_of(ctx, change)
    if change.kind in ("StartContest", "EditContest") and change.entity_id \
            and (moved := edited(line, text, ctx.today)) is not None:
        ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
        days = next((word for word in moved.split() if word not in line.split()), "")
        ctx.text = f"{'竞赛' if ctx.locale == 'zh' else 'contest'} #{change.entity_id} {days}"
        command = read(ctx.text, ctx.today).command  # `make it end 12/23`: `contest #2 12/7-12/23`
        return command if isinstance(command, c.Command) else None
    if change.kind != "TakeLeave" or change.entity != "leaves":
        return None
    text = dotted(text)  # `不对，是12.28-12.31`: Dec 28 to Dec 31
    text = _AND_NEXT.sub(lambda m: f"{m[1]}-{m[3]}" if int(m[4]) == int(m[2]) + 1 else m[0], text)  # `17th
    text = _SORRY.sub("", text)  # and 18th my bad`: the two days one after the other, a range
    found = _SAID.match(" ".join(text.split()))
    if found and (was := _NOT.search(found["days"])) and parse_date_range(was["was"], ctx.today):
        found = _SAID.match(" ".join(text.split())[:found.start("days") + was.start()])  # `not fri`: was
    days, why = _days(found["days"], ctx) if found else (None, "")
    if days is None and (moved := edited(change.label, text, ctx.today)) is not None:
        found, days = _SAID.match(f"no {moved.split(maxsplit=1)[-1]}"), read(moved, ctx.today).command
        days = (days.first_day, days.last_day) if isinstance(days, c.TakeLeave) and days.first_day else None
    if days is None:
        return None
    leave = ctx.session.get(Leave, change.entity_id) if change.entity_id else None
    if leave is None or leave.member_id != ctx.member.id:
        return None  # another member's leave (a manager's `leave @bo …`) is typed again in full
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    said = found["days"][:len(found["days"]) - len(why)].strip(" ,，;；")
    ctx.text = f"{'请假' if ctx.locale == 'zh' else 'leave'} {said}"  # what `undo` says it undoes
    return _one_end(ctx, c.TakeLeave(*days, replaces=leave.id, note=why), why)  # why: kept with the days


def _days_of(ctx: Ctx, change) -> str:
    """The contest just started as a line with its days (`contest #2 2026-12-07~2026-12-13`), where its
    words said a period (`contest revenue this week`: fix34b, `不对，比赛到月底`)."""
    if change.kind not in ("StartContest", "EditContest") or not change.entity_id:
        return ""
    contest = ctx.session.get(Contest, change.entity_id)
    if contest is None or contest.tenant_id != ctx.tenant.id:
        return ""
    return f"contest #{contest.id} {contest.starts_on.month}/{contest.starts_on.day}-" \
           f"{contest.ends_on.month}/{contest.ends_on.day}"


def _days(said: str, ctx: Ctx) -> tuple[tuple | None, str]:
    """(the days `said` starts with, the words after them: why), or (None, "")."""
    whole = parse_date_range(said.strip(" .。!！"), ctx.today)
    if whole is not None:
        return whole, ""
    for cut in _WHY.finditer(said):
        if _JOINED.match(said, cut.start()):
            continue  # `12/21 to 12/31, …`: a range, never cut after its first day
        days = parse_date_range(said[:cut.start()].strip(), ctx.today)
        if days is not None:
            return days, said[cut.end():].strip(" .。!！")
    return None, ""
