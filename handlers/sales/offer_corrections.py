"""A correction said while the bot's question about a record not saved yet is open (an offer:
`deal wayne security audit 250k … closing 12/30` asked about its title, `won initech 58k they
signed today` asked about its reason): `no, close date is jan 15`, `hmm no it was 55k`, `actually
make that 60k`, `不对，是8.5万`, `预计改成1月15号`. It is read as handlers/sales/said_again.py reads a
correction of what was saved; here it edits the message asked about, which runs again, so the offer
is asked again with the value put right (never dropped, never made on a record saved before).

The amount said replaces the offer's amount; a day replaces the offer's day (a close day named and
none in the offer: put after `close` · `预计`). A correction the offer has no place for is asked
again as an answer that picks none of the options (nothing saved)."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.amounts import amount_words
from handlers.grammar.correction_said import day_words, read_correction
from handlers.grammar.intents import split_keyword
from handlers.grammar.normal import view
from handlers.grammar.parse import amount_in, normalize
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read as read_line
from handlers.grammar.spans import date_in
from handlers.grammar.visit_day import days_of

#: `actually make that 115k`, `make it 1.2m`, `change it to fri`: a value said about "that"
_MADE = pattern(r"^(?:(?:actually|sorry|oops|wait|no+|nope|nah|ah+|hmm+)[\s,.!]+)*(?:make|change)\s+"
                r"(?:that|it)(?:\s+to)?\s+(\S+(?:\s+\S+)?)[\s.!]*$", re.I)
#: an amount as money is written (`55k`, `8.5万`, `$5000`), never a bare `2` (an option's number)
_MONEYISH = pattern(r"\d\s*[kmw千万亿元块]|[$¥€£]\s*\d|\d{3,}", re.I)
_CJK = pattern(r"[\u3400-\u9fff]")
#: the words a day of an offer follows (`close 12/30`, `closing`, `due`, `follow up`, `预计`, `跟进`)
#: or that moves it (`推迟 380 月底`, `380 推迟到月底`, `snooze 380 fri`, `push 380 to fri`)
_FIELD_BEFORE = pattern(r"(?:close|closing|due|by|follow[\s-]?up|fu|预计|跟进|回访|截止"
                        r"|(?:推迟|推|延期|延后|改|挪)到?|(?:snooze|push|move|postpone)\b.*?(?:to)?)"
                        r"\s*[:：]?\s*(?:\d+\s*)?$", re.I)

#: the words a due day comes before (`周三前发方案`: fix34b)
_DUE_AFTER = pattern(r"\s*(?:之前|以前|前)")


def offer_corrected(said: str, text: str, today: dt.date) -> str | bool | None:
    """`said` (the message asked about) with the value `text` corrects put in its place; True when
    `text` corrects a value `said` has no place for (or nothing was said); None when `text` is no
    correction."""
    typed = " ".join(view(amount_words(text, in_words=True)).split())
    if found := _MADE.match(typed):
        value, field = found[1], ""
        kind = "amount" if amount_in(value) and _MONEYISH.search(value) else "day" if date_in(value, today) \
            else None
    elif (read := read_correction(typed, today)) is not None and read.kind != "customer":
        value, field, kind = read.value, read.field, read.kind
    elif (day := day_words(typed)) is not None and days_of(day, today):  # `no wait close was last fri`
        value, field, kind = day, "close", "day"
    else:
        return None
    if kind is None or kind == "amount" and not _MONEYISH.search(value) and not _CJK.search(value):
        return None  # `no, 2`: an answer, not an amount
    if not said:
        return True
    closing = field == "close" and split_keyword(normalize(said))[0] in ("won", "lost")  # a win's day:
    old = amount_in(said) if kind == "amount" else date_in(said, today) \
        or (_gone_day(said, today) if closing else None)
    if old is not None and kind == "day" and not closing \
            and not _FIELD_BEFORE.search(said[:said.find(old[0])]) \
            and not _DUE_AFTER.match(said[said.find(old[0]) + len(old[0]):]):  # its close's, `周三前`'s
        old = None  # `they signed today` in a reason: no day of the offer's
    if old is not None:
        return said.replace(old[0], value, 1)
    if kind == "day" and field == "close":  # `no, close date is jan 15` to an offer with no close day
        closed = f"{said} {'预计' if _CJK.search(said) else 'close'} {value}"  # (a deal's: a visit
        if isinstance(read_line(closed, today).command, c.UpsertDeal):  # has no close day)
            return closed
    return True


def _gone_day(said: str, today: dt.date) -> tuple[str, None] | None:
    """The first words of `said` that name a day gone by (`yesterday`, `last fri`, `上周五`), or None."""
    words = said.split()
    return next(((" ".join(words[at:at + size]), None) for at in range(len(words)) for size in (3, 2, 1)
                 if days_of(" ".join(words[at:at + size]), today)), None)
