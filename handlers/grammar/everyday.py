"""Commands said in everyday English instead of the grammar's words: `pls delete visit 393`, `👍
tip 5, so true`, `followups?? 😅`, `who's top on visits this wk?`, `move standup to 9:15`, `zenith
is actually an A account`, `gonna be OOO tmrw + mon`.

Two kinds. A word order of the grammar's own words (`delete visit 393` is `visit #393 delete`,
`👍 tip 5` is `like tip 5`) is the command (`rewrite`, applied before the keyword is looked for).
A sentence (`meant`) is read into the command line it says, every word of it claimed by a field
or by words that say nothing; a question is answered at once with the line said back, a change is
offered, one tap away. A sentence with a word no field claims is no match here: asked as before.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c

_EMOJI = r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]"

#: `delete visit 393` · `remove task #5` · `del tip 3`: the grammar's `visit #393 delete`
_DELETE = re.compile(r"^(?:delete|remove|del|bin|trash)\s+(?:the\s+|my\s+)?"
                     r"(?P<kind>visit|deal|task|tip|contest)\s*(?:#|no\.?\s*|number\s+)?"
                     r"(?P<id>\d{1,9})[\s.!]*$", re.I)
#: Liking said with an emoji or a word: `👍 tip 5, so true`, `+1 tip #5`, `tip 5 is gold 🔥`
_PRAISE = (r"(?:" + _EMOJI + r"+|\+1|like|liked|love|loved|love it|love this|great|great one|nice|nice one|"
           r"so true|true|agree|agreed|100%|this|gold|is gold|spot on|yes|yess+|useful|helpful|"
           r"really useful|works|it works|thanks|thx)")
_LIKE = re.compile(r"^(?:(?P<before>(?:" + _PRAISE + r"[\s,!.]*)+)(?:with\s+)?)?tip\s*#?(?P<id>\d{1,9})"
                   r"(?P<after>(?:[\s,!.:\-]*" + _PRAISE + r")*)[\s,!.]*$", re.I)
#: A command word with `?` or `!` glued on (`followups??`, `pipeline?!`)
_GLUED_MARKS = re.compile(r"^(?P<word>[^\s?？!！]+)[?？!！]+(?=\s|$)")


def rewrite(text: str) -> str:
    """`text` in the grammar's own word order, when it is one of its commands said otherwise;
    else `text` as it is."""
    said = " ".join(text.split())
    if found := _DELETE.match(said):
        return f"{found['kind'].lower()} #{found['id']} delete"
    if (found := _LIKE.match(said)) and (found["before"] or found["after"].strip(" ,!.:-")):
        return f"like tip {found['id']}"
    if (glued := _GLUED_MARKS.match(said)) and _bare_command(glued["word"]) \
            and not re.sub(_EMOJI + r"|[\s?？!！.。~]", "", said[glued.end():]):
        return glued["word"]  # `followups?? 😅`: the command word, no more said
    return text


def _bare_command(word: str) -> bool:
    from handlers.grammar.intents import BY_NAME, intent_of  # intents imports the parsers; kept lazy

    name = intent_of(word)
    return name is not None and not BY_NAME[name].free_text


# --- sentences -------------------------------------------------------------------------------

_PERIOD = r"(?P<period>(?:(?:this|last|previous|current)\s+)?(?:week|wk|month|mo|mth|quarter|qtr|q|year|yr))"
_PERIOD_KIND = {"wk": "week", "mo": "month", "mth": "month", "qtr": "quarter", "q": "quarter", "yr": "year"}
#: `who's top on visits this wk?` · `who is leading this month` · `top sellers this quarter`
_TOP = re.compile(r"^(?:so\s+|ok\s+|hey\s+)?(?:(?:who'?s|whos|who\s+is|who\s+has|who\s+had)\s+(?:the\s+)?"
                  r"(?:top|leading|winning|first|#1|no\.?\s*1|number\s+one|ahead|in\s+front|on\s+top|most|best)"
                  r"|(?:top|best)\s+(?:sellers?|reps?|performers?|people)|(?:show\s+(?:me\s+)?)?(?:the\s+)?"
                  r"(?:rankings?|standings))\b(?P<rest>.*)$", re.I)
_TOP_METRIC = {"visits": "visits", "visit": "visits", "revenue": "", "sales": "", "money": "", "won": "",
               "deals": "", "wins": "", "%": "%", "target": "%", "targets": "%", "attainment": "%"}
_TOP_FILLER = {"on", "in", "for", "by", "of", "the", "so", "far", "right", "now", "currently", "at", "our",
               "team", "overall", "today", "?", "pls", "please"}


def _leaderboard(said: str) -> str | None:
    found = _TOP.match(said)
    if found is None:
        return None
    rest = found["rest"].lower()
    period = re.search(r"(?<![a-z])" + _PERIOD + r"(?![a-z])", rest)
    kind, offset = "month", ""
    if period:
        words = period["period"].split()
        kind = _PERIOD_KIND.get(words[-1], words[-1])
        offset = "last " if words[0] in ("last", "previous") else ""
        rest = rest[:period.start()] + " " + rest[period.end():]
    metrics = set()
    for word in re.findall(r"%|[a-z']+", rest):
        if word in _TOP_METRIC:
            metrics.add(_TOP_METRIC[word])
        elif word not in _TOP_FILLER:
            return None  # `who's top at Acme`: a word no field claims
    if len(metrics) > 1:
        return None
    metric = next(iter(metrics), "")
    return " ".join(w for w in ("leaderboard", metric, f"{offset}{kind}") if w)


#: `move standup to 9:15` · `change the digest to fri 17:00` · `set reminders to 8:30`
_SCHEDULE = re.compile(r"^(?:(?:pls|please|can\s+you|could\s+you|let'?s)\s+)?"
                       r"(?:move|change|set|shift|push|reschedule|make|put|switch)\s+(?:the\s+|our\s+|"
                       r"daily\s+|weekly\s+|team\s+)*(?P<kind>stand-?up|digest|reminders?)\s+"
                       r"(?:to|at|for|till|until)\s+(?P<when>[^?]+?)"
                       r"(?:\s+(?:from now on|going forward|instead|pls|please))*[.!]*$", re.I)


def _schedule(said: str) -> str | None:
    found = _SCHEDULE.match(said)
    if found is None:
        return None
    kind = found["kind"].lower().replace("-", "")
    kind = "reminders" if kind.startswith("reminder") else kind
    return f"schedule {kind} {found['when'].strip()}"


#: `zenith is actually an A account` · `make Globex a B customer` · `upgrade Initech to tier A`
_TIER_IS = re.compile(r"^(?P<customer>.+?)\s+(?i:is|'s|are|should be|will be)\s+"
                      r"(?:(?i:actually|now|really|definitely|officially|more like|basically|clearly)\s+)*"
                      r"(?:(?i:an?|the)\s+)?(?:(?i:tier)[-\s]?(?P<t1>[abcABC])|(?P<t2>[ABC])(?:[-\s]?(?i:tier))?)"
                      r"(?:\s+(?i:account|customer|client|tier))?(?:\s+(?i:now|actually|then))?[.!]*$")
_TIER_MAKE = re.compile(r"^(?:(?:pls|please)\s+)?(?i:make|mark|set|upgrade|downgrade|move|bump|change)\s+"
                        r"(?P<customer>.+?)\s+(?:(?i:to|as|into)\s+)?(?:(?i:an?|the)\s+)?"
                        r"(?:(?i:tier)[-\s]?(?P<t1>[abcABC])|(?P<t2>[ABC])(?:[-\s]?(?i:tier))?)"
                        r"(?:\s+(?i:account|customer|client|tier))?[.!]*$")
_NOT_A_CUSTOMER = re.compile(r"^(?:it|this|that|he|she|they|who|what|which|there|here|i|we|you)$", re.I)


def _tier(said: str) -> str | None:
    found = _TIER_IS.match(said) or _TIER_MAKE.match(said)
    if found is None:
        return None
    customer = re.sub(r"^(?:so|btw|fyi|oh|ok|also|and)[\s,:]+|(?:\s*(?:…|\.\.\.+))+\s*$", "",
                      found["customer"].strip(" ,:"), flags=re.I).strip(" ,:…")
    customer = re.sub(r"\s*(?:…|\.\.\.+)\s*", " ", customer).strip()
    if not customer or _NOT_A_CUSTOMER.match(customer) or len(customer.split()) > 5:
        return None
    return f"customer {customer} tier {(found['t1'] or found['t2']).upper()}"


def meant(text: str, today: dt.date) -> tuple[str, c.Command] | c.ParseError | None:
    """A sentence read as one command: (its line, the command) for a question answered at once,
    the question offering it for a change, or None."""
    from handlers.grammar.inner import read_only
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    said = " ".join(re.sub(_EMOJI, " ", text).split()).strip()
    said = re.sub(r"\s*[?？!！]+$", "", said) if _TOP.match(said) else said
    for line, problem in ((_leaderboard(said), ""), (_schedule(said), "schedule_said"),
                          (_tier(said), "tier_said")):
        if line is None:
            continue
        command = read(line, today).command
        if not isinstance(command, c.Command):
            return None
        if read_only(command):
            return line, command
        return c.ParseError(None, problem, said, options=(("as_said", line, None),))
    return None


# --- several days ----------------------------------------------------------------------------

_DAYS_APART = re.compile(r"\s*(?:\+|&|,|，|、|(?<![A-Za-z])(?:and|plus)(?![A-Za-z]))\s*", re.I)


def days_apart(said: str, today: dt.date) -> list[str] | None:
    """The days of `tmrw + mon` · `fri and mon` · `12/24, 12/31`, each as said, when there are two
    or more and each is a day (or a range of days); else None."""
    from handlers.grammar.dates import parse_date_range

    parts = [p.strip() for p in _DAYS_APART.split(said.strip(" .!")) if p.strip()]
    if len(parts) < 2 or any(parse_date_range(p, today) is None for p in parts):
        return None
    return parts


def leave_days(rest: str, today: dt.date, word: str = "leave", *, whole: bool = False) -> c.ParseError | None:
    """`leave tmrw + mon`: leave on each of the days (each a line of its own), asked; the option a
    message of its own (`whole`, no command word said), or after the command's word (a new line)."""
    days = days_apart(rest, today)
    if days is None:
        return None
    lines = "\n".join(f"{word} {day}" for day in days)
    return c.ParseError("leave", "leave_days", " · ".join(days),
                        options=(("as_leave_days", lines if whole else "\n" + lines, None),))


# --- a visit still to come -------------------------------------------------------------------

_HEAD_END = re.compile(r"\s*(?:[:：;；,，。]|\s-\s|\.(?:\s|$))")


def visit_ahead(rest: str, command, today: dt.date, chinese: bool) -> c.ParseError | None:
    """`visit Acme Corp in april` · `visit Acme next tue: bring the contract` · `拜访 华为 明天`: a
    visit on a day still to come is no visit done: offered as a task to visit them by that day
    (`rest`: the words after the command word), never logged today."""
    from handlers.grammar.dates import past_day
    from handlers.grammar.spans import date_in

    wanted = isinstance(command, c.LogVisit) or isinstance(command, c.ParseError) and any(
        len(option) > 2 and isinstance(option[2], c.LogVisit) for option in command.options or ())
    said = " ".join(rest.split())
    if not wanted or said.startswith("#"):
        return None
    cut = _HEAD_END.search(said)
    head, notes = (said[:cut.start()], said[cut.end():].strip()) if cut else (said, "")
    found = date_in(head, today)
    if found is None or found[1] <= today or past_day(found[0], today) is not None:
        return None
    at = head.rfind(found[0])
    who = re.sub(r"\s+(?:in|on|by|next|this|coming|this coming|around)$", "", head[:at].strip(), flags=re.I)
    if not who or head[at + len(found[0]):].strip():
        return None  # the day inside the name's words: not told apart here
    if chinese:
        task = f"任务 拜访 {who}" + (f"：{notes}" if notes else "") + f" {found[0]}"
    else:
        task = f"task visit {who}" + (f": {notes} by" if notes else "") + f" {found[0]}"
    return c.ParseError("visit", "visit_ahead", found[0], options=(("plan_visit", task, None),))


# --- money in a currency or a unit the workspace does not keep -------------------------------

_FOREIGN = {"S$": "SGD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "₹": "INR",
            "₩": "KRW", "฿": "THB", "₱": "PHP", "₫": "VND", "₽": "RUB", "₺": "TRY", "RS": "INR", "RS.": "INR"}
_CODES = ("SGD", "AUD", "CAD", "NZD", "TWD", "BRL", "INR", "KRW", "THB", "PHP", "VND", "RUB", "TRY", "CHF",
          "MYR", "IDR", "AED", "SAR", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN")
_SIGN = "|".join(re.escape(s) for s in sorted(_FOREIGN, key=len, reverse=True))
_CODE = "|".join(_CODES)
_NUMBER = r"\d[\d,.]*\s*(?:k|m|mn|bn|b|w|万|千)?"
_MONEY_FOREIGN = re.compile(rf"(?<![A-Za-z])(?P<sign>{_SIGN})\s*{_NUMBER}(?![A-Za-z])"
                            rf"|(?<![A-Za-z])(?P<pre>(?i:{_CODE}))\s*{_NUMBER}(?![A-Za-z])"
                            rf"|(?<![A-Za-z\d.,]){_NUMBER}\s*(?P<post>(?i:{_CODE}))(?![A-Za-z])", re.I)
_INDIAN = re.compile(r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>lakhs?|lacs?|crores?|cr)(?![A-Za-z])",
                     re.I)
_INDIAN_UNIT = {"l": 100_000, "c": 10_000_000}
#: The commands whose amounts are fields (a visit's notes or a tip may name any money)
_WITH_AMOUNTS = ("deal", "won", "lost", "target", "contest")


def foreign_money(raw: str, intent: str | None, chinese: bool) -> c.ParseError | None:
    """`deal Acme S$60k` · `won Acme 5 lakh`: an amount in a currency this workspace keeps none in
    is refused with the currency named; a lakh or crore asked about, the amount in digits offered.
    Never an amount stored read in part (`5` for `5 lakh`) or in the wrong currency."""
    if intent not in _WITH_AMOUNTS:
        return None
    said = raw.split(":", 1)[0] if intent in ("won", "lost") else raw  # a reason may name any money
    if found := _MONEY_FOREIGN.search(said):
        marker = found["sign"] or found["pre"] or found["post"]
        code = _FOREIGN.get(marker.upper(), marker.upper())
        return c.ParseError(intent, "currency_foreign", f"{found[0].strip()} ({code})")
    if found := _INDIAN.search(said):
        value = float(found["num"]) * _INDIAN_UNIT[found["unit"][0].lower()]
        digits = f"{value:,.0f}".replace(",", "")
        line = raw[:found.start()] + digits + raw[found.end():]
        return c.ParseError(intent, "amount_lakh", f"{found[0]} = {int(value):,}",
                            options=(("as_number", line, None),))
    return None
