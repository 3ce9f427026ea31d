"""Commands said in everyday words instead of the grammar's: `pls delete visit 393`, `👍 tip 5, so
true`, `followups?? 😅` (`rewrite`: a word order of the grammar's own words is the command, read
before the keyword is looked for); a visit on a day still to come (`visit Acme Corp in april`,
`visit_ahead`: offered as a task, never logged today); money in a currency or unit this workspace
keeps none in (`S$60k`, `5 lakh`, `foreign_money`: refused naming it, or asked).

Sentences with no command word (`who's top on visits this wk?`): handlers/grammar/everyday_said.py;
several days of leave (`tmrw + mon`): handlers/grammar/several_days.py.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern

_EMOJI = r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]"

#: `delete visit 393` · `remove task #5` · `del tip 3`: the grammar's `visit #393 delete`
#: (said after another delete: `also delete task 8`, `delete task 8 too`, `task 8 too, delete it`, r32);
#: words after it are why (`delete task 14 - not needed`), said back, not kept
_DELETE = pattern(r"^(?:(?:and|also|oh\s+and|and\s+also)[\s,]+)?"
                  r"(?:(?:delete|remove|del|bin|trash)\s+(?:the\s+|my\s+)?"
                  r"(?P<kind>visit|deal|task|tip|contest)\s*(?:#|no\.?\s*|number\s+)?(?P<id>\d{1,9})"
                  r"(?:\s+(?:too|as\s+well))?|(?:the\s+)?(?P<kind2>visit|deal|task|tip|contest)\s*(?:#|no\.?\s*)?"
                  r"(?P<id2>\d{1,9})(?:\s+(?:too|as\s+well|also))?[\s,]+(?:delete|remove)"
                  r"(?:\s+(?:it|that|this|too|as\s+well))*)"
                  r"(?:[\s,]+(?:pls|please|plz|thanks|thx|ty))*"
                  r"(?:(?:\s*[,;:.]\s*|\s+[-–—]\s*|\s+)(?!(?:co?n?f\w{0,6}|yes)[\s.!]*$)(?P<why>[^\d\s][^\d]*?))?"
                  r"[\s.!]*$", re.I)
#: `删除任务14` · `把任务14删了` · `删掉拜访 #5` · `帮我把商机5删除吧`: the grammar's `任务 #14 删除`
#: (after another: `任务8也删掉`, `把任务8也删了`, `还有任务8也删除`, `也把任务8删了`, r32)
_DELETE_ZH = pattern(r"^(?:还有|另外|再)?[\s,，]*(?:请|帮我|麻烦)?也?(?:把|将)?\s*"
                     r"(?P<pre>删除|删掉|删了|删|刪除|刪掉|刪)?\s*"
                     r"(?P<kind>拜访|商机|任务|经验|竞赛|任務|拜訪|經驗|競賽)\s*(?:#|＃|第)?\s*(?P<id>\d{1,9})\s*号?\s*"
                     r"(?:也|也一起|一起|一并)?\s*"
                     r"(?P<post>删除|删掉|删了|删|刪除|刪掉|刪了)?(?:吧|了|一下|掉)*"
                     r"(?:[\s,，;；:：。]+(?!(?:确认|confirm|yes)[\s。.!！]*$)(?P<why>[^\d\s][^\d]*?))?"
                     r"[\s。.!！]*$")  # `任务14删掉 不用了`: why
_ZH_KIND = {"任務": "任务", "拜訪": "拜访", "經驗": "经验", "競賽": "竞赛"}
#: `deal 19 history`, `商机 19 历史`: a number's history, its `#` left out
_HISTORY = pattern(r"^(?P<kind>deal|商机)\s+(?P<id>\d{1,9})\s+(?P<word>history|changes|log|历史|记录)"
                   r"[\s?？.!]*$", re.I)
#: Liking said with an emoji or a word: `👍 tip 5, so true`, `+1 tip #5`, `tip 5 is gold 🔥`. One emoji
#: a word, so a run of them reads one way only (`(?:emoji+)+` took exponential time on a long run)
_PRAISE = (r"(?:" + _EMOJI + r"|\+1|like|liked|love|loved|love it|love this|great|great one|nice|nice one|"
           r"so true|true|agree|agreed|100%|this|gold|is gold|spot on|yes|yess+|useful|helpful|"
           r"really useful|works|it works|thanks|thx)")
_LIKE = pattern(r"^(?:(?P<before>(?:" + _PRAISE + r"[\s,!.]*)+)(?:with\s+)?)?tip\s*#?(?P<id>\d{1,9})"
                r"(?P<after>(?:[\s,!.:\-]*" + _PRAISE + r")*)[\s,!.]*$", re.I)
#: A command word with `?` or `!` glued on (`followups??`, `pipeline?!`)
_GLUED_MARKS = pattern(r"^(?P<word>[^\s?？!！]+)[?？!！]+(?=\s|$)")


#: `把任务3完成了` · `帮我把3号任务搞定了` · `把392推到下周五` · `将任务3改到周五`: a record's number after
#: 把/将, then a word of it done or moved; the grammar's own order is the words without 把 (r26zh W4)
_BA = pattern(r"^(?:请|帮我|麻烦|顺便)?\s*(?:把|将)\s*"
              r"(?P<rest>(?:(?:任务|待办|跟进|回访|拜访|任務|拜訪)\s*)?(?:第\s*)?"
              r"[#＃]?\d{1,9}.*?(?:完成|搞定|做完|办完|弄完|办好|做好|结束|推到|推迟到|改到|改成|挪到|移到|延到|"
              r"调到|往后推|推后).*)$")


#: A month said alone at a task's end after a comma (`…, march`: never a word of the title, r26 W14), or
#: its start in words (`start of april`, `early april`): read as the month is (its first working day)
_MONTH_SAID = pattern(r"(?:\s*,\s*|\s+)(?:in\s+)?(?:the\s+)?(?:start|beginning)\s+of\s+"
                      r"(?P<month>(?:jan|feb|mar|apr|may|"
                      r"jun|jul|aug|sep|oct|nov|dec)[a-z]*)(?![a-z])|\s*,\s*(?:in\s+)?(?P<month2>march|may)\s*$"
                      r"|\s+early\s+(?P<month3>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
                      r"(?![a-z])", re.I)
_TASK_OR_VISIT = pattern(r"^(?:task|todo|visit)(?![A-Za-z])", re.I)


def rewrite(text: str) -> str:
    """`text` in the grammar's own word order, when it is one of its commands said otherwise;
    else `text` as it is."""
    said = " ".join(text.split())
    if _TASK_OR_VISIT.match(said) and _MONTH_SAID.search(said):  # `task …, march`: `task … in march`
        said = text = _MONTH_SAID.sub(lambda m: f" in {m['month'] or m['month2'] or m['month3']}", said)
    if (found := _BA.match(said)) and not _DELETE_ZH.match(said):
        said = text = found["rest"]  # `把任务3完成了`: `任务3完成了`
    if found := _DELETE.match(said):  # the why after it said back, not kept (asked to confirm)
        why = f", {found['why']}" if found["why"] else ""
        return f"{(found['kind'] or found['kind2']).lower()} #{found['id'] or found['id2']} delete{why}"
    if (found := _DELETE_ZH.match(said)) and bool(found["pre"]) != bool(found["post"]):
        return f"{_ZH_KIND.get(found['kind'], found['kind'])} #{found['id']} 删除" + (  # one verb, either
            f"，{found['why']}" if found["why"] else "")  # side
    if found := _HISTORY.match(said):  # `deal 19 history`: no customer is named `19 history`
        return f"{found['kind']} #{found['id']} {found['word']}"
    if "tip" in said.lower() and (found := _LIKE.match(said)) \
            and (found["before"] or found["after"].strip(" ,!.:-")):
        return f"like tip {found['id']}"
    if (glued := _GLUED_MARKS.match(said)) and _bare_command(glued["word"]) \
            and not re.sub(_EMOJI + r"|[\s?？!！.。~]", "", said[glued.end():]) \
            and len(said) - len(glued["word"]) > 1:  # `followups?? 😅`: the command word, no more
        return glued["word"]  # said (`my followups?` is answered with the `my` left out said)
    if _CODE_FIRST.search(said.split(":", 1)[0]) and _amounts_command(said):
        head, colon, tail = said.partition(":")  # `won Acme USD 120k: …`: the amount in dollars
        return _CODE_FIRST.sub(lambda m: f"{m['num']} {m['code']}", head) + colon + tail
    return text


#: A currency's code before its amount (`USD 120k`, `EUR50k`): the grammar reads it after
_CODE_FIRST = pattern(r"(?<![A-Za-z])(?P<code>USD|EUR|GBP|HKD|JPY|CNY|RMB)\s?"
                      r"(?P<num>\d[\d,.]*(?:k|m|w|万|千)?)(?![\w.])", re.I)


def _amounts_command(said: str) -> bool:
    from handlers.grammar.intents import intent_of  # intents imports the parsers; kept lazy

    return intent_of(said.split(" ", 1)[0]) in ("deal", "won", "lost", "target")


def _bare_command(word: str) -> bool:
    from handlers.grammar.intents import BY_NAME, intent_of  # intents imports the parsers; kept lazy

    name = intent_of(word)
    return name is not None and not BY_NAME[name].free_text


# --- a visit still to come -------------------------------------------------------------------

#: Words before a day that make it the day of something after the visit (`… follow up 15/12`)
_LATER_WORDS = pattern(r"(?<![A-Za-z])(?:follow(?:[\s-]?up)?|f/u|fu|remind|call|due|by|until|till|til|"
                       r"deadline|send|demo|meet|again)(?![A-Za-z])|跟进|回访|再|之前|前", re.I)
_HEAD_END = pattern(r"\s*(?:[:：;；,，。]|\s-\s|\.(?:\s|$))")


def visit_ahead(rest: str, command, today: dt.date, chinese: bool) -> c.ParseError | None:
    """`visit Acme Corp in april` · `visit Acme next tue: bring the contract` · `拜访 华为 明天`: a
    visit on a day still to come is no visit done: offered as a task to visit them by that day
    (`rest`: the words after the command word), never logged today."""
    from handlers.grammar.past_days import past_day
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
    if not who or head[at + len(found[0]):].strip() or "\n" in rest or _LATER_WORDS.search(who):
        return None  # the day inside the name's words, or a follow-up's day: not told apart here
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
_NUMBER = r"\d[\d,.]*\s{0,2}(?:k|m|mn|bn|b|w|万|千)?"
_MONEY_FOREIGN = pattern(rf"(?<![A-Za-z])(?P<sign>{_SIGN})\s*{_NUMBER}(?![A-Za-z])"
                         rf"|(?<![A-Za-z])(?P<pre>(?i:{_CODE}))\s*{_NUMBER}(?![A-Za-z])"
                         rf"|(?<![A-Za-z\d.,]){_NUMBER}\s*(?P<post>(?i:{_CODE}))(?![A-Za-z])", re.I)
_INDIAN = pattern(r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>lakhs?|lacs?|crores?|cr)(?![A-Za-z])",
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
