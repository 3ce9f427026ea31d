"""Corrections and changes said the way a phone user types them, which the stricter readers of
handlers/sales/follow_on.py and said_again.py miss:

- a filler before the correction (`不好意思 金额是46万 不是48`, `hmm 应该是65w`, `哦不对 是B类`,
  `算了 改成…`): read as the correction alone (`unfilled`);
- a contest's day put right just after it was started or changed (`改成23号结束`, `算了 改成12月14号
  开始`, `make it end on the 23rd`): that contest's days (`contest_day`);
- a follow-up moved by the visit's number (`388 跟进推到下周五吧`): that visit's follow-up;
- a change with why after it (`388 跟进推到下周五吧 周三我请假`, `跟进改成下周五 周四请假`, `哦周四我请假
  改到周五`): the change read without the why, offered with one tap, the why said not kept
  (`with_why`), never refused flat; a change of a record by its number (`task 7 not done actually,
  cfo wants another call`, `任务12 没完成 客户说没收到`) made at once, the why said not kept (r24).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.correction_said import unfilled
from handlers.grammar.dates import parse_date
from handlers.grammar.language import answered_in
from handlers.grammar.patterns import pattern
from handlers.grammar.range_edit import said_and_why
from handlers.grammar.reading import parse
from handlers.grammar.spans import date_in
from handlers.grammar.task_moved import task_move_said
from handlers.sales import rest_kept
from handlers.sales.last_said import nothing_since
from handlers.sales.said_again import RECENT, latest_change, made_last
from handlers.text.reply import Button, Reply
from handlers.text.strings import t
from storage.models.sales import Change
from storage.models.team import Contest

_CONTEST_ZH = pattern(r"^(?:(?:不对|错了)[\s,，]*)?(?:改成|改为|改到|应该是|是)?\s*(?P<day>\S+?)\s*"
                      r"(?P<end>开始|结束|截止|为止)[\s吧。!！]*$")
_CONTEST_EN = pattern(r"^(?:(?:actually|no|sorry|oops|wait|hmm+)[\s,.!]+)*(?:(?:make|have)\s+it\s+)?"
                      r"(?P<end>start|begin|end|finish)s?\s+(?:(?:it|that|them)\s+)?(?:on\s+)?"
                      r"(?P<day>.+?)[\s.!]*$", re.I)


def contest_day(ctx: Ctx, text: str) -> c.EditContest | Reply | None:
    """`改成23号结束` just after the member started or changed a contest: its new days (the other
    day kept; the day it was said after it dropped: `start it feb 23 not 22`); with why after a
    pause (`…, 4th is still new yr hangover lol`) offered with one tap, the why said not kept; None
    where `text` says no such day or no contest was the last change."""
    said, why = said_and_why(unfilled(" ".join(text.split())), ctx.today)
    command = _contest_day(ctx, said, text)
    if command is None or not why:
        return command
    return Reply(lines=(ctx.t("why_not_kept", said=ctx.text, left=why), ctx.t("answer_hint_one")),
                 ok=False, locale=ctx.locale, buttons=(Button(ctx.text[:75], ctx.text, action=command),))


def _contest_day(ctx: Ctx, said: str, text: str) -> c.EditContest | None:
    found = _CONTEST_ZH.match(said) or _CONTEST_EN.match(said)
    day = parse_date(found["day"], ctx.today) if found else None
    change = latest_change(ctx) if day else None
    if change is None or change.entity != "contests" or change.status != "done" or not change.entity_id \
            or change.at < ctx.now - RECENT \
            or not (made_last(ctx, change) or _asked_just_now(ctx, change, said)):
        return None
    contest = ctx.session.get(Contest, change.entity_id)
    if contest is None or contest.tenant_id != ctx.tenant.id:
        return None
    ctx.locale = answered_in(text, ctx.locale)
    starts = found["end"].lower() in ("开始", "start", "begin")
    first, last = (day, contest.ends_on) if starts else (contest.starts_on, day)
    if starts and first > last:  # `其实1月11号开始` of a contest ending before: all of it moved
        last = first + (contest.ends_on - contest.starts_on)
    zh = ctx.locale == "zh"
    shown = "-".join(d.isoformat() if d.year != ctx.today.year else f"{d.month}月{d.day}日" if zh
                     else f"{d.month}/{d.day}" for d in (first, last))
    ctx.text = f"{'竞赛' if ctx.locale == 'zh' else 'contest'} #{contest.id} {shown}"  # what an offer of it
    # sends, read the same with no contest just started (r21: `1` to it was not understood)
    return c.EditContest(contest.id, first, last)


def _asked_just_now(ctx: Ctx, change: Change, said: str) -> bool:
    """Whether the member's previous message changed nothing and said this same day with words after
    it (`改成23号结束 元旦前大家要休息`, asked about): `改成23号结束` typed again is the one-tap answer."""
    before = nothing_since(ctx, change)
    return bool(before) and unfilled(" ".join(before.split())).startswith(said)


_ID_FOLLOW_UP = pattern(r"^#?(?P<id>\d{1,9})\s*(?:的)?\s*(?:跟进|回访|跟進|回訪)\s*"
                        r"(?:推到|推迟到|延到|延后到|改到|改成|挪到|放到)\s*(?P<day>.+?)[\s吧。!！]*$")


def id_follow_up(ctx: Ctx, text: str) -> c.SnoozeFollowup | None:
    """`388 跟进推到下周五吧`: visit #388's follow-up moved to that day; None for other text."""
    found = _ID_FOLLOW_UP.match(" ".join(text.split()))
    day = parse_date(found["day"], ctx.today) if found else None
    if day is None:
        return None
    ctx.locale = answered_in(text, ctx.locale)
    return c.SnoozeFollowup(int(found["id"]), day)


#: words that say why, not what (`周三我请假`, `客户说…`, `since I'm off wed`)
_WHY = pattern(r"请假|休假|出差|有事|开会|没空|不在|因为|由于|所以|客户说|他们说|家里|生病|放假|休息|调休|"
               r"(?<![A-Za-z])(?:since|because|cause|cos|as\s+i'?m|i'?m\s+(?:off|out|away|on\s+leave|sick)|"
               r"out\s+of\s+office|ooo|on\s+leave|off\s+that\s+day|sick|vacation|holiday|pto|busy)(?![A-Za-z])",
               re.I)


def with_why(ctx: Ctx, text: str, answer: Callable[[Ctx, str, c.ParseError], c.Command | Reply],
             pause: bool = False) -> Reply | c.Command | None:
    """A change said with why (`388 跟进推到下周五吧 周三我请假`): the change read without those words
    (`answer` reads what is no command of the grammar), offered with one tap, nothing saved; None
    where no words say why or the rest is no change. With `pause`, once no other reader took the
    message whole (a field may claim the words), prose after a comma or 吧/了 says why too."""
    words = re.sub(r"([，；])(?=\S)", r"\1 ", text).split()  # `改成135万，签了三年`: a pause, as typed
    if len(words) < 2 or _INSIDE.get():
        return None
    inside = _INSIDE.set(True)
    try:
        return _without_why(ctx, text, words, answer, pause)
    finally:
        _INSIDE.reset(inside)


_INSIDE = ContextVar("said_plainly_inside", default=False)  # the words without why read once, not again


def _value_then_why(ctx: Ctx, words: list[str]) -> list[tuple[list[str], list[str]]]:
    """`改成70万 客户又砍了一刀`, `make it 70k they cut us again`: a correction said with its value,
    then words with no value of their own: (the correction, the words saying why), or none."""
    from handlers.grammar.amounts import amount_words
    from handlers.grammar.normal import view
    from handlers.sales.said_again import read_correction

    for cut in range(1, len(words)):
        kept, left = " ".join(words[:cut]), " ".join(words[cut:])
        if not _prose(ctx, left):
            continue
        said = read_correction(" ".join(view(amount_words(unfilled(kept), in_words=True)).split()), ctx.today)
        if said is not None and not said.was and (said.kind == "tier" or said.kind in ("amount", "day")
                                                  and re.search(r"\d", words[cut - 1])):
            return [(words[:cut], words[cut:])]  # `哦不 改成A类 他们体量很大`: a tier said in full
    return []


#: a pause after a value: a comma, or a Chinese particle closing the change (`周三吧`, `改好了`)
_PAUSE = pattern(r"(?:[,，、;；]|^[-–—]+|(?<=[\u3400-\u9fff])[吧了])$")  # `move it to fri - out tmrw`


def _prose(ctx: Ctx, left: str) -> bool:
    """Whether `left` is words no field claims: no number, no day of its own, no word of a deal's
    close (`签约 预计月底`: the close day, never a why)."""
    left = _SPAN.sub(" ", left)  # `its a 3 yr contract`, `签了3年`: how long, no field's number
    return not re.search(r"\d", left) and parse_date(left, ctx.today) is None \
        and not _CLOSE_WORD.search(left)


#: words of a deal's close day (`预计`, `签约`, `expected close`): a field's, never a why
_CLOSE_WORD = pattern(r"预计|预期|签约|成交日|(?<![A-Za-z])(?:expected|close\s+date|closing)(?![A-Za-z])",
                      re.I)


#: a length of time said as why (`3 yr contract`, `2年`): no field's value
_SPAN = pattern(r"\d+\s*-?\s*(?:yrs?|years?|months?|mos?)(?![A-Za-z])"
                r"|\d+\s*(?:年|个月)(?!\d|[月日号底初])", re.I)


def _value_then_pause(ctx: Ctx, words: list[str]) -> list[tuple[list[str], list[str]]]:
    """`snooze 69 next week, they're closed`, `跟进改成周三吧 周一周二都在外地`: a change, a pause (a
    comma, or 吧/了 then a space), then prose no field claims: (the change, the prose), first pause
    first. Whether the change reads in full is left to its reader: the words need not say `since`."""
    out = []
    for cut in range(1, len(words)):
        if _PAUSE.search(words[cut - 1]) and _prose(ctx, " ".join(words[cut:])):
            last = re.sub(r"[,，、;；]+$|^[-–—]+$", "", words[cut - 1])
            out.append(([*words[:cut - 1], last] if last else words[:cut - 1], words[cut:]))
    return out


def _without_why(ctx: Ctx, text: str, words: list[str], answer, pause: bool) -> Reply | c.Command | None:
    said = " ".join(words)
    why = sorted({said[:found.start()].count(" ") for found in _WHY.finditer(said)})  # the words saying
    # why (`周四请假`; `I'm off`: where it starts)
    splits = ([(words[:why[0]], words[why[0]:])] if why and why[0] > 0 else []) \
        + ([(words[why[-1] + 1:], words[:why[-1] + 1])] if why and why[-1] < len(words) - 1 else []) \
        + _value_then_why(ctx, words)
    paused = _value_then_pause(ctx, words) if pause else []
    for kept, left in ((" ".join(k), " ".join(w)) for k, w in splits + paused):
        if not kept or _WHY.search(kept):
            continue
        text_was, notes, locale = ctx.text, list(ctx.notes), ctx.locale
        parsed = parse(kept, ctx.today)
        command = parsed if not isinstance(parsed, c.ParseError) else answer(ctx, kept, parsed)
        said = ctx.text if ctx.text != text_was else kept
        ctx.text, ctx.notes[:] = text_was, notes
        if isinstance(command, c.AddTask) and (kept.split(), left.split()) in paused \
                and date_in(left, ctx.today) is not None:
            continue  # `task call initech tmrw, the wed demo`, `…, then send globex the deck on friday`:
            # a day after the pause may be a task's own (asked elsewhere), never a why dropped
        if isinstance(command, c.SnoozeFollowup) and not command.why \
                and date_in(left, ctx.today) is None:  # a visit keeps notes: why is
            ctx.locale = answered_in(text, locale)  # added to them (r23), never asked to be dropped
            return replace(command, why=left.strip(" ,，;；"))
        why_words = bool(_WHY.search(left))  # `…, 周三我请假`: a day in them is the why's
        if (len(left.split()) > 1 or len(left) > 2 and re.search(r"[\u3400-\u9fff]", left)) \
                and not rest_kept.more_than_why(ctx, left, why_words) and by_number(ctx, command, kept, text):
            ctx.locale = answered_in(text, locale)  # `task 7 not done actually, cfo wants another call`:
            # made, as `done task 7 <why>` is (r24), the why said not kept (a day or a task asked: offered)
            ctx.notes.append(ctx.t("why_said_not_kept", left=left.strip(" ,，;；")))
            return command
        if isinstance(command, c.Command) and not isinstance(command, c.ParseError):
            ctx.locale = answered_in(text, locale)
            if (kept_rest := rest_kept.placed(ctx, text, said, left, command, why=why_words)) is not None:
                return kept_rest  # the rest in the command's notes or reason, or a task beside it (r26)
            return Reply(lines=(ctx.t("why_not_kept", said=said, left=left), ctx.t("answer_hint_one")),
                         ok=False, locale=ctx.locale, buttons=(Button(said[:75], said, action=command),))
        ctx.locale = locale
    return None


def by_number(ctx: Ctx, command, kept: str, text: str) -> bool:
    """Whether `command` changes a record named by its number in the words `kept` (`task 7 not
    done`, `task 8 -> 李娜`, `task 7 due thu`, `deal #40 negotiation`), every field from them:
    nothing of the why could belong in it (a title, a customer), so it is made with the why said,
    never asked. A correction of the last change (`改成70万 …`) names none: still offered; words
    before it (`hmm they might sign sooner, deal #1 close 12/18`, `text`), still offered too."""
    if not text.strip().startswith(kept.rstrip(" ,，")):
        return False
    if isinstance(command, (c.ReopenTask, c.ReassignTask)) or isinstance(command, c.MoveTask) \
            and command.day is not None:
        number = command.task_id
    elif isinstance(command, c.UpsertDeal) and not command.new and command.customer is None \
            and command.ref.title is None and (command.stage or command.amount or command.close):
        number = command.ref.deal_id
    else:
        return False
    if number is None or re.search(rf"(?<![\d.,]){number}(?![\d.,]*[kmw万千%\d])", kept) is None:
        return False
    said = _START.sub("", _END.sub("", kept))  # the grammar reads every word of it (never `task 8 ->
    return command in (parse(said, ctx.today), task_move_said(said, ctx.today))  # bo pls, Ana is`)


_START = pattern(r"^(?:(?:pls|plz|please|can\s+you|could\s+you|ok|so)[\s,，]+)+", re.I)
#: What ends a change and says nothing (`task 1 due thu,`, `task 7 not done actually`)
_END = pattern(r"(?:[\s,，]*(?:actually|pls|plz|please|thx|thanks|then|too))*[\s,，.。!！;；]*$", re.I)


def change_not_made(ctx: Ctx, change: str, asked: c.Command | Reply) -> c.Command | Reply:
    """`asked` for a change said after a command word (`拜访时间改成昨天` → `时间改成昨天`); where it
    was not understood, a reply saying the change cannot be made so, and how to put it right."""
    if not isinstance(asked, Reply) or asked.buttons or asked.lines[:1] not in (
            (t("en", "unknown"),), (t("zh", "unknown"),)):
        return asked
    ctx.locale = answered_in(change, ctx.locale)
    return Reply(lines=(ctx.t("change_not_made", said=change),), ok=False, locale=ctx.locale)
