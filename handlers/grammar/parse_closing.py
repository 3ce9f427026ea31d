"""The grammar of a deal won or lost: `won CUSTOMER [AMOUNT][: reason]` · `lost …`; a
follow-up or an amount in the reason is asked about."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import clauses
from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.close_day_cut import close_day_cut, with_close_day
from handlers.grammar.deal_words import deal_ref, misread
from handlers.grammar.emoticons import edges_clean
from handlers.grammar.normal import view
from handlers.grammar.parse import (
    CJK,
    COMMA,
    SYMBOLS,
    amount_in,
    day_in_notes,
    head_and_body,
    tokens_of,
    two_commands,
)
from handlers.grammar.patterns import pattern
from handlers.grammar.win_rate import RATE_AFTER_WIN

#: Words after a deal's number or amount that start in Chinese: a reason, plainly (phones have no colon)
_CHINESE_START = pattern(r"[\u3400-\u9fff]")
_FOR_AMOUNT = pattern(r"(?<=\s)(?:for|at|@)\s*(?=[$¥€£]?\d[\d,.]*(?:k|m|w|万|千)?[$¥€£元]?(?:\s|$))",
                      re.I)
_TO_RIVAL = pattern(r"^\s*(?:out\s+)?to\s+(?=\S)", re.I)
_REASON_SEP = pattern(r"\s*(?:[:;。]|" + COMMA + r"|!+|\.(?=\s)|\s[-–—]\s|—|\n)\s*"
                      r"|(?<=\S)\s*[\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\u200d\u2600-\u27bf"
                      r"\U0001f000-\U0001faff]*\s+(?=\S)")  # `won byd 280k 🎉 they liked …`: an emoji


def closing_parser(won: bool):
    """The parser of `won …` or `lost …`. A follow-up clause in the reason (`; follow up fri`)
    is no reason: asked about, offering the win and a task for the follow-up."""
    topic = "won" if won else "lost"

    def parse_close(rest: str, today: dt.date) -> c.Command | c.ParseError:
        if not won and _TO_RIVAL.match(rest):  # `lost to alibaba cloud on price`: whom it was lost to,
            return c.ParseError(topic)  # never a customer `to alibaba cloud` (the deal is said elsewhere)
        if won and RATE_AFTER_WIN.match(rest):  # `win rate 80`, `赢单率80%`: a rate, never a win
            return c.ParseError("deal")  # (the deal's probability answer, handlers/sales/said_after.py)
        head, reason = head_and_body(rest, _REASON_SEP)
        head = SYMBOLS.sub(" ", head).rstrip("!.。 ")  # `won #7 🎉`
        head = _FOR_AMOUNT.sub(" ", head)  # `won #7 for €50k`: the amount, never a reason
        amount, kept, switch = None, [], False
        for word, quoted in tokens_of(head):
            plain = view(word)
            if not quoted and amount is None and (money := parse_amount(plain)):
                amount = money
            elif not quoted and amount is not None and plain.lower() in V.CURRENCY_WORDS:
                switch = len(plain) > 1 and amount.currency in (None, V.CURRENCY_WORDS[plain.lower()])
                amount = replace(amount, currency=amount.currency or V.CURRENCY_WORDS[plain.lower()])
            elif not quoted and (error := misread(plain, rest, topic, False, amount is not None)):
                if error.problem == "word" and (at := rest.find(word)) > 0:  # `won Acme 48k beat …`
                    if _CHINESE_START.match(rest[at:]):  # `赢单 阿里 4.8万 价格有优势`: after the
                        return parse_close(f"{rest[:at].rstrip()}：{rest[at:]}", today)  # amount, plain
                    error = replace(error, problem="reason_colon", detail=rest[at:].strip(),
                                    fixed=f"{rest[:at].rstrip()}: {rest[at:]}")
                return error
            else:
                kept.append((word, quoted))
        ref = deal_ref(kept)
        if not ref.words and ref.deal_id is None:
            return c.ParseError(topic)
        if ref.words and ref.deal_id is not None:  # `won #12 Acme`: the number says which deal
            number, at = rest.find(f"#{ref.deal_id}"), rest.find(ref.words[0])
            if 0 <= number < at and _CHINESE_START.match(rest[at:]):  # `輸單 #54 預算沒批下來`: no
                return parse_close(f"{rest[:at].rstrip()}：{rest[at:]}", today)  # colon needed in Chinese
            if 0 <= number < at:  # `lost #12 price` · `won #12` ⏎ `beat Oracle`: the reason?
                fixed = f"{rest[:at].rstrip()}: {rest[at:].strip()}"
                dated = parse_close(fixed, today)  # `lost #5 went with SAP, check back next month`:
                if isinstance(dated, c.ParseError) and dated.problem == "follow_up_in_reason":
                    return dated  # the day asked about at once, one tap from the close and its task
                return c.ParseError(topic, "reason_colon", rest[at:].strip(), fixed)
            return c.ParseError(topic, "word", ref.words[0])
        reason = reason.strip()
        command = c.CloseDeal(ref, won, amount, edges_clean(reason), switch_currency=switch)  # no `(` left
        seen = view(reason)
        if (second := clauses.second_command(reason, seen)) is not None:
            start = len(rest) - len(reason)
            return two_commands(topic, rest, start + second, None)
        found = clauses.follow_ups(reason, seen, today)
        if not found and (dated := day_in_notes(reason, today)):  # `…；下周一约他们吃饭`: no reason
            found = [_clause_around(reason, *dated)]
        if isinstance(found, clauses.Unread) or found:
            return _follow_up_in_reason(topic, rest, reason, command, found, today)
        if (dated := _close_day_in(topic, rest, reason, command, today)) is not None:
            return dated
        if won and amount is None and (money := amount_in(reason)):  # `won Acme: 48k, beat them`
            word, value = money
            moved = replace(command, amount=value, reason=" ".join(reason.replace(word, "", 1).split())
                            .strip(" ,，;；:：-–—"))
            return c.ParseError(topic, "amount_in_reason", word, options=(
                ("amount_moved", "", moved), ("as_reason", "", command)))
        return command
    return parse_close


def _close_day_in(topic: str, rest: str, reason: str, command: c.CloseDeal,
                  today: dt.date) -> c.ParseError | None:
    """`lost #3: went with a competitor, decided last wed`: a day gone by in the reason is the day
    the deal closed, never its reason: asked, offering the close on that day with the rest as the
    reason, or the whole as the reason, word for word; None where the reason says no such day."""
    shorter, day = close_day_cut(reason, bool(CJK.search(reason)), today)
    if day is None:
        return None
    head = rest[:len(rest) - len(reason)].rstrip()
    space = "" if head.endswith(("：", "，", "；")) else " "
    line = f"{head}{space}{shorter}" if shorter else head.rstrip(":：")
    return c.ParseError(topic, "close_day_in_reason", day, options=(
        with_close_day(("close_on_day", line, replace(command, reason=shorter)), day),
        ("as_reason", "", command)))


def _clause_around(text: str, said: str, day: dt.date) -> clauses.FollowUp:
    """The clause of `text` holding the day `said` (between clause ends), as a follow-up whose
    detail is the rest of the clause (`下周一约他们吃饭` → 约他们吃饭)."""
    at = text.find(said)
    before = [m.end() for m in clauses.CLAUSE_END.finditer(text, 0, at)]
    start = before[-1] if before else 0
    if CJK.search(text[start:at]) and (space := text.rfind(" ", start, at)) > start:
        start = space + 1  # `价格有优势  下周三签合同`: phones have no comma; the space ends the reason
    after = clauses.CLAUSE_END.search(text, at + len(said))
    end = after.start() if after else len(text)
    detail = " ".join(f"{text[start:at]} {text[at + len(said):end]}".split())
    detail = re.sub(r"\s+(?:on|by|at|before|in|在|于)$", "", detail, flags=re.I)  # `kickoff on`
    return clauses.FollowUp(day, start, end, detail)


def _follow_up_in_reason(topic: str, rest: str, reason: str, command: c.CloseDeal,
                         found, today: dt.date) -> c.ParseError:
    """`won #5 80k: beat SAP on price; follow up fri`: the follow-up is no reason. Offered: the
    deal closed with the rest as its reason and a task for the follow-up (two lines), or the
    whole as the reason, word for word."""
    as_typed = ("as_reason", "", command)
    typed = ""  # `folow up fri`: the follow-up as typed, read as meant (`follow up fri`)
    if isinstance(found, clauses.Unread) and found.typo:
        fixed = reason.replace(found.text, "跟进" if CJK.search(found.text) else "follow up", 1)
        meant = clauses.follow_ups(fixed, view(fixed), today)
        if meant and not isinstance(meant, clauses.Unread):
            at, grown = reason.find(found.text), len(reason) - len(fixed)
            typed = reason[min(meant[0].start, at):meant[0].end + grown].strip()
            rest, reason, found = rest[:len(rest) - len(reason)] + fixed, fixed, meant
    if isinstance(found, clauses.Unread) and (then := _then_day(reason, today)) is not None:
        found = [then]  # `no budget till march, revisit then`: revisit in March (asked, one tap)
    if isinstance(found, clauses.Unread):
        return c.ParseError(topic, "follow_up_in_reason", found.text, options=(as_typed,))
    clause = found[0]
    shorter = clauses.without(reason, [(clause.start, clause.end)])
    head = rest[:len(rest) - len(reason)].rstrip()
    space = "" if head.endswith(("：", "，", "；")) else " "
    closed = f"{head}{space}{shorter}" if shorter else head.rstrip(":：;；,， -")
    zh = bool(CJK.search(reason[clause.start:clause.end]))  # the task in the follow-up's own language
    what = clause.detail or ("跟进" if zh else "follow up")
    what = f"跟进{what}" if zh and what in ("看看", "一下", "问问", "看") else what  # `再跟进看看`: no
    # task `看看`; `下周一跟进回款`: `回款`
    what = re.sub(r"^(?:to|and)\s+(?=\S)", "", what, flags=re.I)  # `…in march to see how it's going`: a
    # title starting `to` reads as a handover (`task 7 to bo`), so the offer would not read (r26)
    ref = command.ref
    customer = ref.words[0] if zh and CJK.search(ref.words[0] if ref.words else "") \
        else " ".join(ref.words)  # `腾讯 私有云`: a Chinese name ends at its space, a title follows
    about = (f"商机 #{ref.deal_id}" if zh else f"deal #{ref.deal_id}") if ref.deal_id \
        else (f"客户 {customer}：" if zh else f"customer {customer}:")
    tasks = tuple(f"\n任务 {about} {day.isoformat()}前{what}" if zh
                  else f"\ntask {about} {what} by {day.isoformat()}"
                  for day in _both_ways(rest, reason[clause.start:clause.end], clause.day, today))
    typed = typed or reason[clause.start:clause.end].strip()
    return c.ParseError(topic, "follow_up_in_reason", typed, options=(
        *(("close_and_task", f"{closed}{task}", None) for task in tasks), as_typed))


#: A next contact said as `then` (`revisit then`, `check back at that point`): the day said before it
_THEN = pattern(r"(?<![A-Za-z])(?P<what>revisit|circle back|check back|check in|touch base|reconnect|"
                r"reach out|follow[\s-]?up|fu|f/u)(?:\s+again)?\s+(?:then|at that point|after that)"
                r"(?![A-Za-z])"
                r"|(?P<zh>到时(?:候)?再?(?P<zh_what>联系|跟进|回访|看|谈|说))", re.I)


def _then_day(reason: str, today: dt.date) -> clauses.FollowUp | None:
    """`no budget till march, revisit then`: the follow-up `then` stands for, on the day said before
    it (`march`: its first working day), still to come; None where no day comes before it."""
    from handlers.grammar.dates import parse_date
    from handlers.grammar.spans import date_in

    found = _THEN.search(reason)
    if found is None:
        return None
    before, days = reason[:found.start()], []
    for said in _SINCE.finditer(before):  # `till march`, `until after CNY`, `到明年3月`
        words = re.split(r"[\s,，;；.。]+", said["day"].strip())
        days += [day for size in (3, 2, 1) for lead in ("", "in ") if (day := parse_date(
            lead + " ".join(words[:size]), today))][:1]  # `till march`: as `in march`
    if not days and (dated := date_in(before, today)):
        days = [dated[1]]
    if not days or days[-1] <= today:
        return None
    return clauses.FollowUp(days[-1], found.start(), found.end(), found["what"] or found["zh_what"])


_SINCE = pattern(r"(?:(?<![A-Za-z])(?:till|until|til|in|by|after|before|from|to)\s+|直到|到|等到|等)"
                 r"(?P<day>[^,，;；.。]{1,24})", re.I)


_SLASHED = pattern(r"(?<![\d/#.:])(\d{1,2})/(\d{1,2})(?![\d/])")


def _both_ways(rest: str, said: str, day: dt.date, today: dt.date) -> tuple[dt.date, ...]:
    """The follow-up's day, and, when it was written `10/1` (Oct 1 or Jan 10), the other
    reading too: each offered, never one chosen unsaid (unless the message writes a day month
    first elsewhere, `11/23`)."""
    from handlers.grammar.dates import parse_date

    if any(int(m[2]) > 12 >= int(m[1]) for m in _SLASHED.finditer(rest)):
        return (day,)
    for found in _SLASHED.finditer(said):
        first, second = int(found[1]), int(found[2])
        if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
            continue
        other = parse_date(f"{second}/{first}", today)
        if parse_date(found[0], today) == day and other is not None and other != day:
            return day, other
    return (day,)
