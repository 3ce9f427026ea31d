"""Every word of a message accounted for: where each field of a parsed command came from, and
the words no field claims.

`account(text, command, today)` reads a parsed visit, deal, win or loss, or task back against
the message as typed: each field gets the span of the message it came from (the customer, the
notes, a date, an amount, a stage, a deal number, a person), the command word and the grammar's
joining words (`by`, `close`, `follow up`, `前`) are claimed by the grammar, and what is left is
`unclaimed`. A message with unclaimed words was not read in full: dispatch asks about it rather
than store a part of it (STYLE.md §14).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from functools import lru_cache

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.clauses import DATE_LIKE as _DATE_LIKE
from handlers.grammar.dates import READING_CALENDAR
from handlers.grammar.dates import parse_date as _parse_date
from handlers.grammar.day_cut import MARK_BEFORE, part_first
from handlers.grammar.festivals import cut_from_holiday
from handlers.grammar.month_days import ordinals_in_digits
from handlers.grammar.normal import view
from handlers.grammar.past_days import past_day
from handlers.grammar.patterns import pattern
from handlers.grammar.task_filler import request_spans
from handlers.rules.working_days import corrections_of

#: Words the grammar reads as glue between fields (they say which field follows, not a value).
_GLUE = {"by", "on", "before", "due", "until", "at", "close", "closes", "closing", "next", "nxt", "step",
         "outcome", "result", "follow", "up", "follow-up", "followup", "fu", "f/u", "and", "customer",
         "deal", "task", "tasks", "跟进", "回访", "前", "之前", "以前", "截止", "期限", "客户", "商机",
         "任务", "下一步", "下步", "结果", "于", "在", "和", "再", "成交", "一下", "一下吧", "吧", "again",
         # a close day glued to signing or moved (`1月15号签`, `改到1月15号成交`, `月底签约`): the day's
         "签", "签约", "签单", "签合同", "签下来", "签掉", "改到", "推到", "推迟到", "延到", "延期到", "挪到",
         "改成", "改为",
         # between 拜访 and the name (`拜访了一趟海尔`): the visit's, no name's
         "了", "趟", "一趟", "了趟", "了一趟", "了下", "了一下",
         # an amount's `about` (`roughly 50k`): read with the amount
         "about", "around", "roughly", "approx", "approx.", "approximately", "circa", "~", "约", "大约",
         "大概", "约莫",
         # a close day said in words (`signing 12/18`, `should close next fri`), a deal said as the
         # customer's (`万科的单子`, `腾讯那边`): the deal's, no value
         "sign", "signs", "signing", "should", "expected", "的单子", "的商机", "那边", "这边"} \
    | set(V.FIELD_LABELS) | set(V.CURRENCY_WORDS) | set(V.CLOSE_WORDS)
_WORD = pattern(r"[A-Za-z0-9\u3400-\u9fff@#$¥€£][\w\u3400-\u9fff@#$¥€£.,'/&+-]*")
_CJK = pattern(r"[\u3400-\u9fff]")
_FOR = pattern(r"(?<![A-Za-z])(?:for|@)\s*$", re.I)


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """`dates.parse_date`, kept for the same words on the same day in the same calendar, as its
    admins corrected it (`calendar 2027-01-04 holiday` moves `next month` at once)."""
    calendar = READING_CALENDAR.get()
    fixed = frozenset(corrections_of(calendar).items()) if calendar else frozenset()
    return _kept_date(text, today, calendar, fixed)


@lru_cache(maxsize=8192)
def _kept_date(text: str, today: dt.date, _calendar: str | None, _fixed: frozenset) -> dt.date | None:
    return _parse_date(text, today)
_CJK_GLUE = pattern("|".join(sorted((w for w in _GLUE if _CJK.search(w)), key=len, reverse=True)))
#: what a date can start with: a digit, a weekday or month's letter, a Chinese day word
_DATE_START = pattern(r"[0-9A-Za-z下本这今明后上周星月大一二三四五六七八九十两半昨前年节春国过圣平元季]")
#: Where a day glued to Chinese may start (`让我们1月再来`, `eow跟进`): a run of digits before a
#: day's mark, or of letters before Chinese
_GLUED_START = pattern(r"(?<![A-Za-z0-9./])\d+(?=[月号號日天周]|个月|个?星期|个?礼拜)"
                       r"|(?<![A-Za-z0-9])[A-Za-z]+(?=[\u3400-\u9fff])")
_PART_OF_DAY = ("末", "底", "中", "初", "旬")  # `下周|末` is no 下周
_TEXT_FIELDS = ("customer", "notes", "next_step", "outcome", "title", "reason")


@dataclass(frozen=True)
class Span:
    """A field and the part of the message (`start`, `end`, as typed) it was read from."""

    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Accounted:
    spans: tuple[Span, ...]
    unclaimed: tuple[str, ...]  # the words no field claims, as typed


def account(text: str, command: c.Command, today: dt.date, keyword_end: int) -> Accounted:
    """The spans of `command`'s fields in `text` (one space between words, as typed), the command
    word ending at `keyword_end`."""
    seen = view(text).lower()
    covered = [False] * len(text)
    spans: list[Span] = []

    def claim(field: str, start: int, end: int) -> None:
        spans.append(Span(field, start, end))
        for i in range(start, end):
            covered[i] = True

    claim("command", 0, keyword_end)
    for name, value in _values(command):
        if isinstance(value, str):
            _claim_text(seen, name, value, claim, covered)
        elif isinstance(value, dt.date):
            _claim_date(text, name, value, today, claim, covered)
        elif isinstance(value, c.Money):
            _claim_words(text, name, lambda w, v=value: (m := parse_amount(view(w).rstrip("."))) is not None
                         and m.amount == v.amount, claim, covered)
        elif isinstance(value, int) and not isinstance(value, bool):  # `#12`, glued `商机#12`
            for number in re.finditer(rf"#?(?<!\d){value}(?!\d)", text):
                claim(name, number.start(), number.end())
                break
            for link in V.DEAL_LINKED.finditer(seen) if name == "deal_id" else ():  # `跟商机#48挂上`
                claim(name, link.start(), link.end())
    for span in [s for s in spans if s.field == "due"]:  # `prep the review for fri`: said with the day
        if glue := MARK_BEFORE.search(text, 0, span.start):
            claim("due", glue.start(), span.start)
    for span in [s for s in spans if s.field == "amount"]:  # `won #7 for €50k`: said with the amount
        if glue := _FOR.search(text, 0, span.start):
            claim("amount", glue.start(), span.start)
    if (stage := getattr(command, "stage", None)) or isinstance(command, c.CloseDeal):
        wanted = stage or ("won" if command.won else "lost")
        said = [w for w, s in V.STAGE_WORDS.items() if s == wanted]
        said += ["won", "lost", "closed", "赢单", "输单", "赢了", "输了", "丢了", "拿下了", "拿下"]
        for word in sorted(said, key=len, reverse=True):  # `closed won`, glued `#2商务谈判`
            regex = re.escape(word) if _CJK.search(word) else rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])"
            for found in re.finditer(regex, seen):
                if not all(covered[found.start():found.end()]):
                    claim("stage", found.start(), found.end())
        for found in re.finditer(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])", seen):  # `nego`: said short
            short = V.stage_prefix(found[0])
            if short and short[0] == wanted and not any(covered[found.start():found.end()]):
                claim("stage", found.start(), found.end())
    for start, end in request_spans(text) if isinstance(command, c.AddTask) else ():  # `pls`, `记一下`
        claim("request", start, end)  # the asking words, cut from the title (handlers/grammar/task_filler.py)
    unclaimed = []
    for word in _WORD.finditer(text):
        part = "".join(ch for i, ch in enumerate(word[0], word.start()) if not covered[i])
        bare = part.strip(".,'/&+-")
        if _CJK.search(bare):  # glued Chinese glue (`前跟进`): each glue word taken out
            bare = _CJK_GLUE.sub("", view(bare))
        if bare and bare.lower() not in _GLUE and view(bare).lower() not in _GLUE:
            unclaimed.append(bare)
    return Accounted(tuple(spans), tuple(unclaimed))


def _values(command: c.Command):
    """(field, value) of what a command holds that came from its text."""
    for f in fields(command):
        value = getattr(command, f.name)
        if isinstance(value, c.DealRef):
            yield from ((f"ref.{k}", v) for k, v in (("deal_id", value.deal_id), ("title", value.title))
                        if v is not None)
            yield from (("ref.words", w) for w in value.words)
        elif f.name == "assignee" and value:
            yield "assignee", f"@{value}"
        elif value is not None and (f.name in _TEXT_FIELDS or isinstance(value, dt.date | c.Money)
                                    or (f.name == "deal_id" and isinstance(value, int))):
            yield f.name, value


def _claim_text(seen: str, name: str, value: str, claim, covered) -> None:
    """Free text is claimed where it was typed: whole, else piece by piece where the parser joined
    pieces (`notes; said`), else word by word where it took a field out of the middle (`call
    Globex tmrw 10am` → `call Globex 10am`)."""
    if _find(seen, view(value.strip().lstrip("+")).lower(), name, claim, covered):
        return
    pieces = [p for p in re.split(r"\s*[;；,，:：]\s*", value) if p.strip()]
    left = [p for p in pieces if not _find(seen, view(p.strip()).lower(), name, claim, covered)]
    for word in (w for p in left for w in p.split()):
        if not _find(seen, view(word).lower(), name, claim, covered) and (split := part_first(word)):
            for piece in split:  # `给华为打电话 明天上午`: `上午给华为打电话`, each part where typed
                _find(seen, view(piece).lower(), name, claim, covered)


def _find(seen: str, key: str, name: str, claim, covered) -> bool:
    """Claim the first place `key` is typed that is not claimed yet."""
    if not key:
        return True
    whole = re.compile(rf"(?<![^\W_]){re.escape(key)}(?![^\W_])")  # `ERP`, not inside `Enterprises`
    places = [m.start() for m in whole.finditer(seen)]  # whole first, else inside (Chinese: `跟进格力`)
    places += [m.start() for m in re.finditer(re.escape(key), seen)] if not places or _CJK.search(key) else []
    start = next((i for i in places if not all(covered[i:i + len(key)])), None)
    if start is None:
        return False
    claim(name, start, start + len(key))
    return True


def _claim_date(text: str, name: str, day: dt.date, today: dt.date, claim, covered) -> None:
    """The words (or, in Chinese, the characters) that read as `day`, longest first; only words
    that can start a date are tried (a number, a weekday, `next`, `明`, `下`, `周` …). A visit's
    day is one gone by (`visit Globex mon`: last Monday)."""
    from handlers.grammar.periods import quarter_end

    future = name != "day"
    seen = view(text)
    words = [w for w in re.finditer(r"\S+", seen)]
    for size in (5, 4, 3, 2, 1):  # `the 15th of next month`
        for i in range(len(words) - size + 1):
            start, end = words[i].start(), words[i + size - 1].end()
            said = seen[start:end].strip(".,，;；:：。!")
            if all(covered[start:start + len(said)]):  # `demo next wk. fu mon`: a day in the notes
                continue  # is the notes'; the field's own words are where they are not claimed yet
            read = parse_date(said, today) if future else past_day(said.removeprefix("on "), today)
            if name == "close" and quarter_end(said, today) == day:  # `明年Q2`: by the quarter's end
                claim(name, start, start + len(said))
                return
            if read == day and _DATE_START.search(said[:1] or " ") \
                    and (_DATE_LIKE.search(ordinals_in_digits(said.lower())) or not future):  # `the 15th`
                claim(name, start, start + len(said))
                return
    if not _CJK.search(seen):
        return
    for start in (m.start() for m in _DATE_START.finditer(seen)):  # glued: `12月31日跟进` · `下周五前`
        for size in range(min(10, len(seen) - start), 1, -1):
            said = seen[start:start + size]
            if any(covered[start:start + size]):
                continue
            if (parse_date if future else past_day)(said, today) == day \
                    or name == "close" and quarter_end(said, today) == day:  # `预计Q1`: by its end
                claim(name, start, start + size)
                return


def date_in(text: str, today: dt.date) -> tuple[str, dt.date] | None:
    """The first words of free text that read as a day (`send the deck tmrw`), with the day."""
    seen = view(text)
    for word in re.finditer(r"\S+", seen):
        for size in (3, 2, 1):
            said = " ".join(seen[word.start():].split()[:size]).strip(".,，;；:：。!")
            if _DATE_START.search(said[:1] or " ") and _DATE_LIKE.search(said) \
                    and not re.search(r"(?:after|post|since)\s+$", seen[:word.start()], re.I) \
                    and not _length_of_time(seen, word.start(), said) \
                    and (day := parse_date(said, today)):  # `after cny`: a day after it, not that one
                return text[word.start():word.start() + len(said)], day
    for start in (m.start() for m in _DATE_START.finditer(seen) if _CJK.match(m[0])  # `明天上午`
                  or _GLUED_START.match(seen, m.start())):  # `让我们1月再来`, `eow跟进`: glued to Chinese
        for size in range(min(8, len(seen) - start), 1, -1):
            if seen[start + size:start + size + 1] not in _PART_OF_DAY \
                    and not cut_from_holiday(seen, start + size) \
                    and not _length_of_time(seen, start, seen[start:start + size]) \
                    and (day := parse_date(seen[start:start + size], today)):  # not `下周|末`, `元旦|后`
                return text[start:start + size], day
    return None


#: A count of days, weeks or months said with no word that makes it a day from now (`60 day`, `90天`,
#: `2 weeks`; not `in 3 days`, `3天后`)
_COUNT_ALONE = pattern(r"^(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*"
                       r"(?:天|days?|weeks?|wks?|个?星期|个?礼拜|周|个月|months?)$", re.I)  # `1月`: January
#: Words just before a count that ask for a next contact in it (`follow up 3 days`, `跟进 3天`)
_COUNT_CUE = pattern(r"(?:(?<![A-Za-z])(?:follow[\s-]*up|fu|f/u|remind(?:\s+me)?|call(?:\s+back)?|ping|"
                     r"check\s+in|again)|跟进|回访|提醒|联系|再约|再去|再来)\s*[:：]?\s*$", re.I)


def _length_of_time(seen: str, at: int, said: str) -> bool:
    """Whether a count said at `at` is a length of time, never a day (`agreed 60 day payment terms`,
    `net 30 days`, `90天账期`, `30天免费试用`): a count alone is a day only after a word asking for a
    next contact (`follow up 3 days`, `跟进 3天`)."""
    return bool(_COUNT_ALONE.match(said.strip())) and not _COUNT_CUE.search(seen[:at])


def _claim_words(text: str, name: str, test, claim, covered) -> None:
    for word in re.finditer(r"(?:(?<=\d)[,，](?=\d)|[^\s,，;；:：!！?？。])+", text):  # `$4,800` whole
        if not all(covered[word.start():word.end()]) and test(word[0]):
            claim(name, word.start(), word.end())
            return
