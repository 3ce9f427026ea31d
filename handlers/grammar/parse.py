"""What every intent's parser shares: text folded for matching, words with quoted titles kept
whole, a head split from its body, a second command asked about. The parsers themselves are in
one module per command family (`parse_visits`, `parse_deals`, `parse_closing`, `parse_tasks`,
`parse_tips`, `parse_admin`, `parse_reports`, `parse_schedule`, `parse_corrections`); which
keyword means which intent is in `handlers.grammar.intents`, the whole message's reading in
`handlers.grammar.reading`."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import clauses
from handlers.grammar import commands as c
from handlers.grammar.amounts import parse_amount
from handlers.grammar.normal import fold as _fold
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

LIST_SEP = pattern(r"[\s,，、]+")  # `@张三，@李四`, `done 3、4`
#: a title in quotes: `"…"` `“…”` `「…」` `《…》`, single `'…'` (not an apostrophe: `Acme's`) or `‘…’`
_TOKEN = pattern(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|《([^》]*)》|\'([^\'\s][^\']*)\'(?!\S)|‘([^’]*)’'
                 r'|(\S+)')
CJK = pattern(r"[\u3400-\u9fff]")


fold = _fold


def normalize(text: str) -> str:
    """One space between words, full-width forms folded (`：；` → `:;`)."""
    return " ".join(fold(text).split())


def tokens_of(text: str) -> list[tuple[str, bool]]:
    """Words, with quoted titles kept whole: [(word, quoted)]."""
    out = []
    for match in _TOKEN.finditer(text):
        quoted = next((g for g in match.groups()[:6] if g is not None), None)
        out.append((quoted, True) if quoted is not None else (match[7], False))
    return out


def head_and_body(rest: str, separators: re.Pattern | None = None) -> tuple[str, str]:
    """`Acme Corp: notes` → (folded head, body as typed)."""
    match = (separators or _COLON).search(fold(rest))
    if match is None:
        return fold(rest), ""
    return fold(rest)[:match.start()], rest[match.end():]


_COLON = pattern(":")
#: What people put between the customer and the notes: `:` `：` `;` `；` `,` `，` `。` ` - ` ` — `,
#: and a full stop before a space (`visit acme corp. met cfo`).
#: A comma between digits (`$4,800`, `50,000元`) is a thousands mark, never a separator.
COMMA = r"(?:(?<!\d)[,，]|[,，](?!\d{3}(?!\d)))"

SYMBOLS = pattern(r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")


def day_in_notes(notes: str, today: dt.date) -> tuple[str, dt.date] | None:
    """A day still to come in a visit's notes (`下周三再联系`, `remind me tue`, `call back next
    week`): a follow-up meant, or only notes? (A day gone by, `met on 12/1`, is notes; so is the
    end of a state, `budget frozen till Q2`: what comes after it may be the next contact.)"""
    from handlers.grammar.spans import date_in

    seen = notes
    for _ in range(4):
        found = date_in(seen, today)
        if found is None:
            return None
        at = seen.find(found[0])
        weak = _WEAK_DAY.match(found[0]) and not _DAY_CUE.search(seen[:at]) \
            or _GONE_BEFORE.search(seen[:at])  # (`上周五去的`: never the next Friday) `sat in on their all
        if not weak and not _UNTIL.search(seen[:at]) and found[1] > today:  # hands`, `leaving the co in
            return found  # jan`, `1st mtg`; a day gone by (`今天见了…`) is notes: a later one may be next
        seen = seen[:at] + " " * len(found[0]) + seen[at + len(found[0]):]  # look past it
    return None


_GONE_BEFORE = pattern(r"(?:上个?|上一个?|(?<![A-Za-z])last\s+)$", re.I)
#: A day said in a word that is often no day in notes (`sat`, `in jan`, `1st`, `Q1`): a follow-up
#: only after a word that asks for one (`follow up sat`, `remind me in jan`, `meet on the 1st`)
_WEAK_DAY = pattern(r"^(?:in\s+|the\s+)?(?:sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
                    r"|q[1-4]|\d{1,2}(?:st|nd|rd|th))\.?$", re.I)
_DAY_CUE = pattern(r"(?<![A-Za-z])(?:follow[\s-]*up|fu|f/u|remind|call(?:\s+back)?|ping|touch\s+base|"
                   r"check\s+in|meet|see|visit|back|by|before|on|next|due|from|after|again)(?:\s+(?:me|us|them|him|her|"
                   r"it|again|on|in|the))*\s*[:：]?\s*$", re.I)

#: Before a day that is no next contact: the end of a state (`till Q2`, `直到明年`), or a length of
#: time compared (`比竞品快两周上线`, `took 3 days`)
_UNTIL = pattern(r"(?:(?<![A-Za-z])(?:till|until|til|through|thru|took|takes|within|faster by)|直到|"
                 r"一直到)\s*$|(?:快|早|提前|晚|慢|用了|花了|只要|只需|需要|缩短)$", re.I)  # `快两周` glued;
# `交货快 下周一签合同`: a space ends what was compared, the day after it is a day



def two_commands(topic: str, rest: str, second: int, first_command=None) -> c.ParseError:
    """A second command inside one line (`visit Globex: demo done. deal Globex negotiation 90k`):
    asked, offering both as two lines (each runs), or, where `first_command` is given, the
    whole of it as that command (the second part kept in its text)."""
    first, other = rest[:clauses.filler_before(rest, second)].rstrip(" ,，"), rest[second:].strip()
    options = [("both", f"{first}\n{other}", None)]
    if first_command is not None:
        options.append(("as_one", "", first_command))
    return c.ParseError(topic, "two_commands", other, options=tuple(options))



def swap(text: str, word: str, by: str) -> str:
    return re.sub(rf"(?<!\S){re.escape(word)}(?!\S)", by, text, count=1)


_MONEYISH = pattern(r"\d[kmw千万亿元块]|[$¥€£]\d|\d{4,}|\d,\d{3}", re.IGNORECASE)


def amount_in(text: str):
    """(the word, its amount) of the first amount in free text (`48k`, `4.8万`), or None."""
    for word in re.split(r"[\s,，;；:：。!！]+", text):
        if word and _MONEYISH.search(word) and (money := parse_amount(view(word))):
            return word, money  # `48k`, `4.8万`, `$5000`, `50,000`: not `top 3`
    for found in _AMOUNT_IN_WORDS.finditer(view(text)):  # glued to Chinese: `合同金额50万`
        if _MONEYISH.search(found[0]) and (money := parse_amount(found[0])):
            return text[found.start():found.end()], money
    return None


_AMOUNT_IN_WORDS = pattern(r"(?<![A-Za-z\d.,])[$¥€£]?\d[\d,.]*(?:[kmw]|千|万|亿|元|块)?(?![A-Za-z\d])",
                           re.I)
