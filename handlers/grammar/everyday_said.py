"""Commands said as English sentences with no command word: `who's top on visits this wk?`, `move
standup to 9:15`, `zenith is actually an A account`.

A sentence is read into the command line it says, every word of it claimed by a field or by words
that say nothing; a question is answered at once with the line said back, a change is offered,
one tap away. A sentence with a word no field claims is no match here: asked as before.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.inner import read_only
from handlers.grammar.manager_said import said as manager_said
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read

_EMOJI = r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]"


_PERIOD = r"(?P<period>(?:(?:this|last|previous|current)\s+)?(?:week|wk|month|mo|mth|quarter|qtr|q|year|yr))"
_PERIOD_KIND = {"wk": "week", "mo": "month", "mth": "month", "qtr": "quarter", "q": "quarter", "yr": "year"}
#: `who's top on visits this wk?` · `who is leading this month` · `top sellers this quarter`
_TOP = pattern(r"^(?:so\s+|ok\s+|hey\s+)?(?:(?:who'?s|whos|who\s+is|who\s+has|who\s+had)\s+(?:the\s+)?"
               r"(?:top|leading|winning|first|#1|no\.?\s*1|number\s+one|ahead|in\s+front|on\s+top|most|best)"
               r"|(?:top|best)\s+(?:sellers?|reps?|performers?|people)|(?:show\s+(?:me\s+)?)?(?:the\s+)?"
               r"(?:rankings?|standings))\b(?P<rest>.*)$", re.I)
_TOP_METRIC = {"visits": "visits", "visit": "visits", "revenue": "", "sales": "", "money": "", "won": "",
               "deals": "deals", "wins": "deals", "customers": "customers", "%": "%", "target": "%",
               "targets": "%", "attainment": "%"}
_TOP_FILLER = {"on", "in", "for", "by", "of", "the", "so", "far", "right", "now", "currently", "at", "our",
               "team", "overall", "today", "?", "pls", "please", "new", "seller", "sellers", "rep", "reps",
               "person", "one", "performer", "with", "number", "numbers", "most", "highest"}


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


#: `show my visits this week` · `how many visits this month?` · `list our visits last week`
_VISITS = pattern(r"^(?:(?:pls|please|can\s+you|could\s+you)\s+)?"
                  r"(?:show(?:\s+me)?|list|see|get|what\s+are|how\s+many|count)\s+(?:(?:my|our|the|all)\s+)?visits(?P<rest>(?:\s+[^\s?]+)*?)"
                  r"(?:\s+(?:pls|please))?[\s?!.]*$", re.I)


def _visits(said: str) -> str | None:
    found = _VISITS.match(said)
    if found is None:
        return None
    rest = _VISITS_SAID.sub(" ", found["rest"])
    return " ".join(f"visits {rest}".split())


#: Words around what `visits` takes (`for Acme`, `did I do`, `have we logged`)
_VISITS_SAID = pattern(r"^\s*(?:for|of|with|at|to)(?=\s)|"
                       r"(?<![A-Za-z])(?:(?:did|have|has)\s+(?:i|we|you)\s+(?:do|done|make|made|log|logged|had|have)|(?:i|we)\s+(?:did|made|logged|had))"
                       r"(?![A-Za-z])", re.I)


#: `move standup to 9:15` · `change the digest to fri 17:00` · `set reminders to 8:30`
_SCHEDULE = pattern(r"^(?:(?:pls|please|can\s+you|could\s+you|can\s+we|could\s+we|let'?s)\s+)?"
                    r"(?:move|change|set|shift|push|reschedule|make|put|switch)\s+(?:the\s+|our\s+|"
                    r"daily\s+|weekly\s+|team\s+)*(?P<kind>stand-?up|digest|reminders?)\s+"
                    r"(?:to|at|for|till|until|til)\s+(?P<when>[^?]+?)"
                    r"(?:\s+(?:from now on|going forward|instead|pls|please))*[.!?]*$", re.I)


def _schedule(said: str) -> str | None:
    found = _SCHEDULE.match(said)
    if found is None:
        return None
    kind = found["kind"].lower().replace("-", "")
    kind = "reminders" if kind.startswith("reminder") else kind
    return f"schedule {kind} {found['when'].strip()}"


#: `zenith is actually an A account` · `make Globex a B customer` · `upgrade Initech to tier A`
_TIER_IS = pattern(r"^(?P<customer>.+?)\s+(?i:is|'s|are|should be|will be)\s+"
                   r"(?:(?i:actually|now|really|definitely|officially|more like|basically|clearly)\s+)*"
                   r"(?:(?i:an?|the)\s+)?(?:(?i:tier)[-\s]?(?P<t1>[abcABC])|(?P<t2>[ABC])(?:[-\s]?(?i:tier))?)"
                   r"(?:\s+(?i:account|customer|client|tier))?(?:\s+(?i:now|actually|then))?[.!]*$")
_TIER_MAKE = pattern(r"^(?:(?:pls|please)\s+)?(?i:make|mark|set|upgrade|downgrade|move|bump|change)\s+"
                     r"(?P<customer>.+?)\s+(?:(?i:to|as|into)\s+)?(?:(?i:an?|the)\s+)?"
                     r"(?:(?i:tier)[-\s]?(?P<t1>[abcABC])|(?P<t2>[ABC])(?:[-\s]?(?i:tier))?)"
                     r"(?:\s+(?i:account|customer|client|tier))?[.!]*$")
_NOT_A_CUSTOMER = pattern(r"^(?:it|this|that|he|she|they|who|what|which|there|here|i|we|you)$|"
                          r"(?<![A-Za-z])(?:deal|deals|opportunity|task|visit|tip|lead)(?![A-Za-z])", re.I)


#: `Globex 这家 客户等级改成A` · `把Globex的等级调成B类` · `globex tier -> A`: a tier said changed, its
#: word (等级, 类, tier) said, never a bare letter
_TIER_ZH = pattern(r"^(?:把|将)?(?P<customer>[^\s，,]+?)\s*(?:这家|这个客户|这家客户|那家)?\s*(?:的)?"
                   r"\s*(?:客户)?"
                   r"(?:(?:等级|级别|分级|分类)\s*(?:改成|改为|调成|调为|调到|升到|升为|降到|降为|设为|设成|定为|是)"
                   r"\s*(?P<t1>[ABCabc])(?:\s*(?:类|级)(?:客户)?)?"
                   r"|(?:改成|改为|调成|调为|调到|升到|升为|降到|降为|设为|设成|定为)\s*(?P<t2>[ABCabc])\s*(?:类|级)(?:客户)?)"
                   r"(?:吧|了)?[!！。.~]*$")
_TIER_EN = pattern(r"^(?:(?:pls|please)\s+)?(?:(?:change|set|move)\s+)?(?P<customer>.+?)(?:'s)?\s+tier\s*"
                   r"(?:to|->|=|is now|should be|now)\s*(?P<t1>[abcABC])[.!]*$", re.I)


#: a pronoun said where a tier's customer goes (`这个客户设成A类`, `make this one tier A`): the customer of
#: the last message (handlers/sales/customer_referred.py), said as the reference it reads, never a name
_IT_ZH = pattern(r"^(?:把|将)?(?:它们?|它家|这个客户|那个客户|这家客户|那家客户|这家|那家|这个|那个|该客户)$")
_IT_EN = pattern(r"^(?:it|them|this|that|(?:this|that)\s+(?:one|customer|client|account))$", re.I)


def _tier(said: str) -> str | None:
    said = re.sub(r"^(?:顺便|另外|还有|也|再|对了|算了|不对|哦不对|哦|噢|其实|那就|还是)[\s,，]*", "",
                  said)  # a filler first is never a customer's name (`算了 改成B类`)
    if (found := _TIER_ZH.match(said)) is not None and _IT_ZH.match(found["customer"]):
        return f"客户 这家 {(found['t1'] or found['t2']).upper()}类"
    if (found := _TIER_ZH.match(said)) is not None and not _NOT_A_CUSTOMER.search(found["customer"]):
        return f"客户 {found['customer']} {(found['t1'] or found['t2']).upper()}类"
    found = _TIER_IS.match(said) or _TIER_MAKE.match(said) or _TIER_EN.match(said)
    if found is None:
        return None
    customer = re.sub(r"^(?:so|btw|fyi|oh|ok|also|and)[\s,:]+|(?:\s*(?:…|\.\.\.+))+\s*$", "",
                      found["customer"].strip(" ,:"), flags=re.I).strip(" ,:…")
    customer = re.sub(r"\s*(?:…|\.\.\.+)\s*", " ", customer).strip()
    if _IT_EN.match(customer):
        return f"customer it tier {(found['t1'] or found['t2']).upper()}"
    if not customer or _NOT_A_CUSTOMER.search(customer) or len(customer.split()) > 5:
        return None
    return f"customer {customer} tier {(found['t1'] or found['t2']).upper()}"


#: `who hasn't logged any visits this week?` · `who has no visits this month` · `这周谁还没拜访` ·
#: `本周哪些人没有拜访记录`: the leaderboard of that metric, those with none named first
_NONE_EN = pattern(r"^(?:so\s+|ok\s+|hey\s+)?(?:who|which\s+(?:reps?|people))\s+"
                   r"(?:(?:has|have|'s)\s+(?:not|no|zero)|hasn'?t|haven'?t|hasnt|havent|didn'?t|didnt|did\s+not|is\s+without)\s+(?:yet\s+)?"
                   r"(?:(?:logged|log|made|make|done|do|had|have|recorded|record|entered|put\s+in|won|win"
                   r"|closed)\s+)?"
                   r"(?:any\s+|a\s+single\s+|one\s+)?(?P<metric>visits?|deals?|wins?)(?P<rest>.*)$", re.I)
_NONE_ZH = pattern(r"^(?P<p1>本周|这周|这个?星期|本月|这个?月|今天)?(?:有)?(?:谁|哪些人|哪几个人?|哪个人?)"
                   r"(?P<p2>本周|这周|本月|这个?月)?"
                   r"(?:还|都)?(?:没有?|未|一直没)(?:有)?(?:记录?|登记|写|去|跑)?(?:过)?(?P<metric>拜访|赢单|签单)"
                   r"(?:过|记录)?(?P<p3>本周|这周|本月|这个?月)?(?:的?记录)?[?？吗呢啊]*$")
_NONE_PERIOD_ZH = {"本周": "week", "这周": "week", "这星期": "week", "这个星期": "week", "本月": "month",
                   "这月": "month", "这个月": "month", "今天": "week"}


def _none(said: str) -> str | None:
    """The leaderboard line a question of who has none of a metric asks for, or None."""
    if found := _NONE_EN.match(said):
        rest = re.sub(r"[?!.\s]+$", "", found["rest"]).lower()
        period = re.fullmatch(r"\s*(?:(?:so\s+far\s+)?(?:this|in\s+the|the)\s+)?"
                              r"(?P<kind>week|wk|month|mo|quarter|qtr)?(?:\s+(?:so\s+far|yet))?\s*", rest)
        if period is None:
            return None
        kind = _PERIOD_KIND.get(period["kind"] or "week", period["kind"] or "week")
        metric = "visits" if found["metric"].lower().startswith("visit") else "deals"
        return f"leaderboard {metric} {kind}"
    if (found := _NONE_ZH.match(said)) is None or sum(bool(found[g]) for g in ("p1", "p2", "p3")) > 1:
        return None
    period = _NONE_PERIOD_ZH[found["p1"] or found["p2"] or found["p3"] or "本周"]
    metric = "拜访" if found["metric"] == "拜访" else "赢单数"
    return f"排行榜 {metric} {'本周' if period == 'week' else '本月'}"


#: `oh wait no, tom stays rep` · `keep @bo as a manager` · `不对，张伟还是销售`: a member's role said
#: in words (a correction of a role change, most often), offered as the role command
_ROLE_EN = pattern(r"^(?:(?:oh|wait|no+|nope|sorry|actually|oops|hmm+|my bad|ok|so)[\s,.!]+)*"
                   r"(?:(?:keep|leave)\s+@?(?P<kept>[^\s,]+)\s+(?:as\s+)?|@?(?P<who>[^\s,]+)\s+(?:stays|remains|"
                   r"is still|should stay|will stay|can stay|stays on as|goes back to(?: being)?|"
                   r"is back to(?: being)?)"
                   r"\s+(?:as\s+)?)(?:an?\s+)?(?P<role>rep|sales rep|salesperson|manager|admin)"
                   r"(?:\s+(?:then|after all|pls|please))*[\s.!]*$", re.I)
_ROLE_ZH = pattern(r"^(?:(?:不对|算了|等等|等一下|哦|哎呀|不好意思)[\s，,。!！]*)*"
                   r"@?(?P<who>[^\s，,@]{1,12}?)\s*"
                   r"(?:还是|继续(?:做|当)?|仍然是|依然是|依旧是|仍是|还当|还做|恢复成?|改回)\s*"
                   r"(?P<role>销售代表|销售经理|销售|经理|管理员)[吧啊了呀。!！\s]*$")
_ROLE_SAID = {"rep": "rep", "sales rep": "rep", "salesperson": "rep", "manager": "manager", "admin": "admin",
              "销售": "rep", "销售代表": "rep", "经理": "manager", "销售经理": "manager", "管理员": "admin"}


def _role(said: str) -> str | None:
    if found := _ROLE_EN.match(said):
        return f"role @{found['kept'] or found['who']} {_ROLE_SAID[found['role'].lower()]}"
    if found := _ROLE_ZH.match(said):
        return f"角色 @{found['who']} {found['role']}"
    return None


def meant(text: str, today: dt.date) -> tuple[str, c.Command] | c.ParseError | None:
    """A sentence read as one command: (its line, the command) for a question answered at once,
    the question offering it for a change, or None."""
    said = " ".join(re.sub(_EMOJI, " ", text).split()).strip()
    said = re.sub(r"\s*[?？!！]+$", "", said) if _TOP.match(said) else said
    if (line := _none(said)) is not None \
            and isinstance(command := read(line, today).command, c.ShowLeaderboard):
        return line, replace(command, none_named=True)  # `who hasn't logged any visits this week?`
    for line, problem in ((_leaderboard(said), ""), (_visits(said), ""), (_schedule(said), "schedule_said"),
                          (_tier(said), "tier_said"), (_role(said), "role_said"),
                          manager_said(said) or (None, "")):  # `deactivate tom`, `日报改到晚上6点半`
        if line is None:
            continue
        command = read(line, today).command
        if not isinstance(command, c.Command):
            return None
        if read_only(command):
            return line, command
        return c.ParseError(None, problem, said, options=(("as_said", line, None),))
    return None
