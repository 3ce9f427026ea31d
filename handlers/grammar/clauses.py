"""Clauses inside free text (a visit's notes, a win's reason) that are fields, not prose: a
follow-up with its date (`follow up fri`, `跟进：月底`, `明天跟进`, anywhere, before or after the
date), and a second command after a sentence break (`demo done. deal Globex negotiation 90k`).

Free text stays free text only after these have been looked for; every function here reads the
*view* of a text (`handlers.grammar.normal.view`, the same length as what was typed) and gives spans of
the text as typed.
"""
from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass

from handlers.grammar.dates import WEEKDAY_AND_DATE, parse_date
from handlers.grammar.day_cut import tidy
from handlers.grammar.festivals import cut_from_holiday
from handlers.grammar.patterns import pattern

#: A follow-up word: `follow up`, `follow-up`, `followup`, `f/u`, `fu`, `跟进`, `回访`.
_FU_WORD = pattern(r"(?<![A-Za-z])(?:follow[\s-]?ups?|f/u|fu|跟进|回访)(?![A-Za-z])", re.IGNORECASE)
#: A follow-up word mistyped (`folow up`, `follwo up`, `follow pu`, `跟近`): asked about, never notes.
_FU_TYPO = pattern(r"(?<![A-Za-z])(?:fol+o?w+|fo?l+ow+|fol+wo|follwo|flolow|follo|folllow)"
                   r"[\s-]?(?:up|pu|uo)(?![A-Za-z])|(?<![A-Za-z])follow[\s-]?(?:pu|uo|ip)(?![A-Za-z])|跟近|根进|跟紧|跟尽",
                   re.IGNORECASE)
#: A next contact said with no day, only "then" or "later" (`budget frozen till Q2, revisit then`):
#: a follow-up meant, its day to be asked, never left in the notes
_NEXT_THEN = pattern(r"(?<![A-Za-z])(?:revisit|circle back|check back|check in|touch base|reconnect|"
                     r"reach out|follow[\s-]?up|fu|f/u)(?:\s+again)?\s+"
                     r"(?P<when>then|later|afterwards|after that|at that point|down the road)(?![A-Za-z])",
                     re.IGNORECASE)
#: A follow-up said by an event, not a day (`after CNY`, `once legal signs`): its day is asked
_AFTER_EVENT = pattern(r"(?:after|post|once|when|until|till|til)(?![A-Za-z])", re.IGNORECASE)
#: Where a clause ends: `,` `，` `;` `；` `。` `!` a period before a space, ` - `, a new line.
CLAUSE_END = pattern(r"\s*(?:[,，;；。!！?？\n]|\.(?=\s|$)|\s[-–—]\s|—)\s*")
#: What a follow-up is, said after its word with no day (`follow up call`): no date misread
_FU_TOPIC = pattern(r"^(?:call|calls|meeting|mtg|email|e-mail|demo|visit|chat|lunch|dinner|meet|convo|"
                    r"discussion|session|workshop|proposal|quote)$", re.IGNORECASE)
#: Before a follow-up word that names a visit made, not one to come (`第一次回访`, `例行回访`)
_ONE_OF_THEM = pattern(r"(?:第\s*[一二两三四五六七八九十\d]+\s*次|首次|这次|本次|上次|那次|例行|定期)\s*$")
#: The label of a visit's notes said after a follow-up clause (`纪要 客户要POC环境`, `notes: …`)
NOTES_LABEL = pattern(r"(?:^|(?<=\s)|(?<=[,，;；]))(?:纪要|备注|notes?\s*:)\s*[:：]?", re.I)
_LEAD_IN = pattern(r"\s*(?::|：)?\s*(?:on\s+|by\s+|在\s*)?", re.IGNORECASE)
_BEFORE = pattern(r"\s*(?:前|之前|以前|before)\s*", re.IGNORECASE)
DATE_LIKE = pattern(r"\d|^(?:mon|tue|wed|thu|fri|sat|sun|next|nxt|this|tom|tmr|tod|end|eo[wmyd]|cob|mid|"
                     r"early|late|beginning|start|middle|"
                     r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^[下本这今明后上]|^周|^星期|^月[底中]|"
                     r"^年[底末终]|^(?:before\s+|pre-?)?(?:the\s+)?(?:x-?mas|christmas|new\s+year|nye|cny|chinese\s+new|lunar\s+new|"
                     r"spring\s+festival|valentine|halloween|eoq)|^圣诞|^平安夜|^元旦|^春节|"
                     r"^(?:in|by)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                     r"^(?:in\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                     r"(?:days?|weeks?|wks?|months?)|^(?:tonight|tonite|noon|midday|first\s+thing)|"
                     r"^after\s+\S|^(?:in\s+)?(?:a\s+)?(?:few|couple(?:\s+of)?|several)\s+(?:days|weeks|months)|^before\s+(?:the\s+)?(?:new\s+year|cny|golden|national|chinese|spring|lunar)|"
                     r"^过\s*[一二两三四五六七八九十几\d]|^[一二两三四五六七八九十半]{1,3}个?(?:天|周|星期|礼拜|月)",
                     re.IGNORECASE)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up clause: its day, the span it covers in the text, and what it says to do."""

    day: dt.date
    start: int
    end: int
    detail: str = ""


@dataclass(frozen=True)
class Unread:
    """A follow-up word whose date could not be read (`follow up someday`, `跟进` alone), or a
    mistyped follow-up word (`typo`: `folow up fri`)."""

    text: str
    typo: bool = False


def follow_ups(text: str, view: str, today: dt.date) -> list[FollowUp] | Unread:
    """Every follow-up clause of `text` (`view`: its folded, simplified view), or the first one
    that names a date that cannot be read. A follow-up word in prose (`follow-up call`,
    `跟进客户需求`) is no clause."""
    found: list[FollowUp] = []
    bare: Unread | None = None  # a follow-up word with no day in its clause (`签约后回访，…`)
    if then := _NEXT_THEN.search(view):  # `revisit then`, `circle back later`: which day?
        return Unread(text[then.start("when"):then.end()])
    for typo in _FU_TYPO.finditer(view):
        if not _FU_WORD.fullmatch(typo[0]):
            return Unread(text[typo.start():typo.end()], typo=True)
    for word in _FU_WORD.finditer(view):
        if any(f.start <= word.start() < f.end for f in found) or _ONE_OF_THEM.search(view, 0, word.start()):
            continue  # `第一次回访`: the visit it was, no follow-up to come
        glued = word.start() > 0 and bool(_CJK.match(word[0]) and _CJK.match(view[word.start() - 1]))
        past = bool(_CJK.match(word[0])) and view.startswith(("了", "过"), word.end())  # `跟进了报价`:
        # what was done, prose for the notes (r25zh); a day before it (`周五跟进了`) is still one
        clause = (None if past else _after(text, view, word, today, first_only=glued)) \
            or _before(text, view, word, today)
        if isinstance(clause, Unread):
            return clause
        if clause is None and (vague := _VAGUE_BEFORE.search(view, 0, word.start())):
            return Unread(text[vague.start():word.end()])  # `下旬再回访`: which day?
        if clause is None and (glued or past):  # `签约后回访 客户满意 下个月…`: a kind of visit, no day right
            continue  # after it: prose, kept in the notes as typed (a day later on is asked about there)
        if isinstance(clause, FollowUp):
            found.append(clause)
            continue
        tail = view[word.end():]
        lead = _LEAD_IN.match(tail)
        rest = tail[lead.end():]
        if (again := _FU_WORD.search(rest)) is not None:
            rest = rest[:again.start()]
        stop = CLAUSE_END.search(rest)
        said = rest[:stop.start()] if stop else rest
        if not said.strip():  # `follow up` with no day: the day is the one thing missing,
            bare = bare or Unread(text[word.start():word.end()])  # unless another clause has it
            continue
        verb = " " in word[0] or word[0].lower() in ("fu", "f/u", "跟进", "回访")
        if (verb and _FU_TOPIC.match(said.strip())) or (lead[0].strip().lower() == "on" and len(
                said.split()) >= 3 and said.strip().lower().startswith("the ")):  # `follow up call`,
            bare = bare or Unread(text[word.start():word.end()])  # `followup on the 200 seat
            continue  # pricing`: what the follow-up is about; its day is what is missing
        if _FU_WORD.search(view, word.end()):  # `跟进618大促 …，跟进 周五`: prose, if a later clause
            bare = bare or Unread(text[word.start():word.end()])  # says the day (else asked as a
            continue  # follow-up without a day)
        if _AFTER_EVENT.match(said.strip()):  # `fu after CNY`, `follow up once they sign`: which day?
            return Unread(said.strip())
        if (DATE_LIKE.search(said.strip()) and not re.match(r"^[A-Za-z]+\s+[A-Za-z]{4,}", said.strip())) \
                or (verb and len(said.split()) == 1 and (said.isascii() or lead.end() > 0)):
            return Unread(said.strip())  # `follow up someday`: a day meant, none read
    return bare if bare and not found else found  # `签约后回访，…，跟进 周五`: the word is prose


#: A word that makes the date after it another day (`mid jan`, `late dec`, `around the 20th`): a date
#: read without it would be a wrong one, so the whole is asked about
_QUALIFIER = pattern(r"(?<![A-Za-z])(?:mid|early|late|end|end of|beginning of|start of|around|about|"
                     r"approx\.?|roughly|sometime|some time|(?:first|second|third|last|1st|2nd|3rd|4th)\s+"
                     r"(?:wk|week)s?\s+(?:of|in))\s*$", re.I)
#: A day said too vaguely to read, just before a follow-up word (`下旬再回访`, `节后跟进`)
_VAGUE_BEFORE = pattern(r"(?:[上中下]旬|月初|月末|周末|节后|节前|年后|年前|改天|回头)\s*(?:再|要|去)?\s*$")


def _after(text: str, view: str, word: re.Match, today: dt.date,
           first_only: bool = False) -> FollowUp | Unread | None:
    """`follow up fri`, `跟进：月底`, `跟进12月31日`, `follow up on 12/20 with the quote`, and a date
    later in the clause (`follow up with the CFO next week`; `first_only`: right after the word)."""
    lead = _LEAD_IN.match(view, word.end())
    begin = lead.end()
    stop = CLAUSE_END.search(view, begin)
    limit = stop.start() if stop else len(view)
    if (again := _FU_WORD.search(view, begin, limit)) is not None:  # `跟进报价 客户在比价 跟进 周五`:
        limit = again.start()  # the later day is the later word's; this one is prose
    if (label := NOTES_LABEL.search(view, begin, limit)) is not None:  # `跟进 下周二 纪要 客户要POC`:
        limit = label.start()  # the notes begin at their label, never the follow-up's words
    starts = [begin] + [m.start() for m in re.finditer(r"(?<=\s)\S", view[:limit])
                        if m.start() > begin and not first_only]
    for start in starts:
        said = view[start:limit]
        for size in _prefix_sizes(said):
            if cut_from_holiday(said, size):
                continue  # `元旦|后`: never the holiday itself
            day = parse_date(said[:size], today)
            if day is None and WEEKDAY_AND_DATE.match(" ".join(said[:size].lower().split())):
                return Unread(text[begin:limit].strip())  # `monday the 15th`, a Tuesday: which day?
            if day is not None and _QUALIFIER.search(view[begin:start]):  # `fu mid jan`: not Jan 4
                return Unread(text[begin:limit].strip())
            if day is not None:
                after = start + size
                before = _BEFORE.match(view, after)
                tail = text[(before.end() if before else after):limit]
                tail = tidy(tail, to=False)  # `fu fri & send the deck`: no `&` left hanging
                detail = " ".join(p for p in (text[begin:start].strip(), tail) if p)
                return FollowUp(day, word.start(), limit, _said(detail))
    return None


#: What follows a follow-up word and says nothing to do (`再跟进一下`, `follow up again`)
_NOTHING = {"一下", "下", "一下吧", "吧", "了", "一次", "一下子", "again", "once more", "then"}


def _said(detail: str) -> str:
    """What a follow-up's words say to do; "" where they say nothing (`一下`, `again`, an emoji:
    `下周三再跟进一下😅` has no next step "😅")."""
    bare = _EMOJI.sub(" ", detail)
    if bare.strip(" ，,。.!！~～…").lower() in _NOTHING or not bare.strip(" ，,。.!！~～…"):
        return ""
    return detail.removeprefix("一下").strip() or detail  # `跟进一下报价`: 报价


_EMOJI = pattern(r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")


def _before(text: str, view: str, word: re.Match, today: dt.date) -> FollowUp | None:
    """`明天跟进`, `下周二跟进报价`, `fri follow up`: the date just before the word, in its clause."""
    starts = [m.end() for m in CLAUSE_END.finditer(view, 0, word.start())]
    begin = starts[-1] if starts else 0
    raw = view[begin:word.start()].rstrip()
    said = re.sub(r"\s*(?:之前|以前|前|before|再|要|去|来)$", "", raw)  # `周五前跟进` · `下下周一再跟进`
    if said != raw and cut_from_holiday(raw, len(said)):
        said = raw  # `春节前跟进`: the last working day before it, never the holiday
    for size in _suffix_sizes(said):
        day = parse_date(said[len(said) - size:], today)
        if day is not None:
            stop = CLAUSE_END.search(view, word.end())
            limit = stop.start() if stop else len(view)
            return FollowUp(day, begin + len(said) - size, limit, _said(text[word.end():limit].strip(" :：")))
    return None


_CJK = pattern(r"[\u3400-\u9fff]")


def _cut(said: str, at: int) -> bool:
    """Whether a date may end (or start) at `at` of `said` inside a word: where Chinese meets
    anything (`12月31日|前`, `明天|跟进`), never inside a Latin word (`mon|thly`)."""
    left, right = said[at - 1:at], said[at:at + 1]
    return not right or not left or bool(_CJK.match(left) or _CJK.match(right))


def _prefix_sizes(said: str) -> list[int]:
    """Lengths of the leading pieces of `said` that may be a date, longest first: up to five
    words (`end of the week`, `the 15th of next month`), or a glued piece up to ten characters
    (`12月31日前`)."""
    words = list(re.finditer(r"\S+", said))
    sizes = {w.end() for w in words[:5]}
    sizes.update(size for size in range(1, min(10, len(said)) + 1)
                 if not said[:size].isspace() and " " not in said[:size].strip() and _cut(said, size))
    return sorted((s for s in sizes if said[:s].strip()), reverse=True)


def _suffix_sizes(said: str) -> list[int]:
    """As `_prefix_sizes`, from the end: `下周二|`, `见了客户 明天|`."""
    words = list(re.finditer(r"\S+", said))
    sizes = {len(said) - w.start() for w in words[-3:]}
    sizes.update(size for size in range(1, min(10, len(said)) + 1)
                 if " " not in said[len(said) - size:] and _cut(said, len(said) - size))
    return sorted((s for s in sizes if said[len(said) - s:].strip()), reverse=True)


def without(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans taken out; what was on both sides joined by a separator."""
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    pieces = [p.strip(" ,，;；.。:：-") for p in out]
    return "; ".join(p for p in pieces if p)


#: Command words that store something: a sentence of free text starting with one of them (after
#: a break) is a second command, asked about.
SECOND_EN = {"visit", "visited", "deal", "won", "lost", "task", "tip"}
SECOND_ZH = ("拜访", "商机", "赢单", "输单", "任务", "经验")
_BREAK = pattern(r"(?:[。;；!！?？\n]|\.(?=\s))\s*")
_WORD = pattern(r"\S+")


#: Words that join a second command to the first (`; also deal acme …`, `，另外 商机 …`); after
#: one of them a comma is break enough.
FILLERS = {"also", "and", "then", "plus", "另外", "还有", "然后", "并且", "同时"}
_COMMA_FILLER = pattern(r"[,，]\s*(?=(?:also|and|then|plus|另外|还有|然后|并且|同时)[\s,，:]+\S"
                       r"|(?:另外|还有|同时)(?:拜访|商机|赢单|输单|任务|经验)(?=\s|#?\d))", re.I)
# (`，还有任务6…`: a command word glued on, with a number or a space after it; `，还有任务没排期` is prose)
#: A joining word that says "a second thing" on its own, with no break before it (`… 下周一跟进 另外
#: 任务 …`, `… also task …`); a Chinese one may be glued to the command word (`另外任务`).
_STRONG_FILLER = pattern(r"(?<=\s)(?=(?:also|plus)\s+\S)|(?<=\s)(?=(?:另外|还有|同时)\s*\S)", re.I)
STRONG_ZH = ("另外", "还有", "同时")


def filler_before(text: str, at: int) -> int:
    """Where the joining word before `at` starts (`…; also |deal`), or `at` where there is none."""
    from handlers.grammar.normal import view

    while (found := re.search(r"([^\s,，:;；。]+)[\s,，:]*$", text[:at])) \
            and view(found[1]).lower() in FILLERS:  # `還有`: 还有
        at = found.start(1)  # `and then`
    return at


def second_command(text: str, view: str) -> int | None:
    """Where a second command starts in `text` (after a sentence break, and a joining word
    such as `also`), or None."""
    stops = sorted([*_BREAK.finditer(view), *_COMMA_FILLER.finditer(view), *_STRONG_FILLER.finditer(view)],
                   key=lambda m: m.start())
    for stop in stops:
        word = _WORD.match(view, stop.end())
        if word is not None and (glued := next((f for f in STRONG_ZH if word[0].startswith(f)
                                                and len(word[0]) > len(f)), None)):
            word = _WORD.match(view, word.start() + len(glued))  # `另外任务 …`
        while word is not None and word[0].lower().strip(",，:") in FILLERS:  # `also`, `and then`
            word = _WORD.match(view, re.compile(r"[\s,，:]*").match(view, word.end()).end())
        if word is None:
            continue
        bare = word[0].rstrip(":").lower()
        rest = view[word.end():].strip()
        if (bare in SECOND_EN and rest) or any(word[0].startswith(k) and (rest or len(word[0]) > len(k))
                                               for k in SECOND_ZH):
            return word.start()
    return None


#: The other lines of a message of several commands, while each runs (handlers/dispatch.py)
OTHER_LINES: ContextVar[tuple[str, ...]] = ContextVar("other_lines", default=())
_CLOSING_LINE = pattern(r"^\s*(?:won|win|lost|lose|赢单|成交|输单|丢单)(?![A-Za-z])", re.I)


def closes_elsewhere() -> bool:
    """Whether another line of the message being run closes a deal (`visit Globex: deal done` ⏎
    `won Globex 80k`): then the visit's notes need not ask about it."""
    return any(_CLOSING_LINE.match(line) for line in OTHER_LINES.get())


_DEAL_LINE = pattern(r"^\s*(?:deal|商机)(?![A-Za-z])", re.I)


def moves_elsewhere() -> bool:
    """Whether another line of the message being run is a deal's own (`visit …: deal moved to
    negotiation` ⏎ `deal Globex negotiation`): then the visit's notes need not ask about it."""
    return any(_DEAL_LINE.match(line) for line in OTHER_LINES.get())
