"""The grammar of the workspace's settings: customers, teams, roles, leave, language, links,
calendar, CRM, exchange rates, reassignment and tier rhythms."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from handlers import places
from handlers.grammar import commands as c
from handlers.grammar import month_days, task_given_due
from handlers.grammar import vocabulary as V
from handlers.grammar.dates import parse_date, parse_date_range
from handlers.grammar.glued import unglue
from handlers.grammar.leave_words import dotted, part_of_day
from handlers.grammar.normal import view
from handlers.grammar.parse import CJK, LIST_SEP, swap, tokens_of
from handlers.grammar.patterns import pattern
from handlers.grammar.periods import is_reversed_range, whole_period
from handlers.grammar.several_days import days_said_why, days_then_words, leave_days, one_stretch

_TIER_EN = pattern(r"^tiers?\s+([abc])\s+(?:(?:customers?|clients?|accounts?)\s+)?(?:every\s+)?(\d{1,3})\s*"
                   r"(?:days?|d|(weeks?|wks?|w))?"
                   r"(?:\s+(?:team\s+)?(.+))?$", re.I)
_TIER_ZH = pattern(r"^(?:回访周期\s*)?([abc])类?\s*(?:的?客户)?\s*[,，]?\s*每隔?\s*(\d{1,3})\s*"
                   r"(?:天|(个?星期|周))"
                   r"\s*(?:(?:要|都|就)?(?:回访|拜访|跟进|联系)\s*(?:一次|1次|一回)?)?"
                   r"(?:\s+(?:团队\s*)?(.+))?$", re.I)


_TIER_UNITS = ("days", "weeks")


def parse_tier(text: str, _today: dt.date) -> c.Command | c.ParseError:
    """The whole message: `tier A every 7 days [East]` · `A类 每7天回访` · `回访周期 A类 7天`."""
    found = _TIER_EN.match(text) or _TIER_ZH.match(text)
    if not found:
        return c.ParseError("tier")
    unit = (found[4] or "").split(" ")[0]
    if (near := V.near_word(unit, _TIER_UNITS)) and not found[3]:  # `every 3 weks`: no team “weks”
        return c.ParseError("tier", "word_typo", unit, swap(text, unit, near))
    days = int(found[2]) * (7 if found[3] else 1)  # `every 3 weeks` is 21 days
    if not 0 < days <= 999:
        return c.ParseError("tier")
    team = (found[4] or "").strip('"“”\'‘’ ') or None  # `… "华东 East"`: quotes are no name
    return c.SetTierRhythm(found[1].upper(), days, team)


def parse_reassign(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    if (task := task_given_due.given(rest)) is not None:  # `reassign task 12 to tom`: that task only
        return c.ReassignTask(*task)
    words = [w for w in rest.split() if w.lower() not in ("to", "给", "->", "→")]
    confirmed = len(words) == 3 and words[2].lower() in ("confirm", "确认")
    if len(words) == 2 + confirmed and all(w.startswith("@") and len(w) > 1 for w in words[:2]):
        return c.Reassign(words[0][1:], words[1][1:], confirmed)
    return c.ParseError("reassign")


def parse_customer(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    tokens = tokens_of(rest)
    fix = next((i for i, (w, quoted) in enumerate(tokens) if not quoted and i > 0
                and w.lower() in V.CUSTOMER_FIXES), None)
    if fix is not None:  # `… merge into NAME`, `… rename NAME`, `… owner @bo`
        action = V.CUSTOMER_FIXES[tokens[fix][0].lower()]
        value = [w for w, _q in tokens[fix + 1:]]
        if value and value[0].lower() in ("into", "to", "with"):
            value = value[1:]
        if not value:
            return c.ParseError("customer")
        return c.FixCustomer(" ".join(w for w, _q in tokens[:fix]), action,
                             " ".join(value).lstrip("@") if action == "owner" else " ".join(value))
    parts = re.split(r"\s*[:;,，；、：]\s*", unglue(rest).strip())  # `客户 华为：A类` · `客户华为A类`
    words = [(w, n) for n, part in enumerate(parts) for w in part.split()]
    tier = lifecycle = None
    kept = []
    for i, (word, part) in enumerate(words):
        lower = word.lower()
        if lower in ("tier", "等级", "级别") and i + 1 < len(words) and V.tier_of(words[i + 1][0]):
            continue
        if i > 0 and tier is None and (found := V.tier_of(view(word))):  # `A類`
            tier = found
        elif i > 0 and lifecycle is None and lower in V.LIFECYCLE_WORDS:
            lifecycle = V.LIFECYCLE_WORDS[lower]
        elif tier or lifecycle or part > 0:  # `… tier C, new lead from expo`: a comment, no name
            return _comment(rest, kept, words[i:])
        else:
            kept.append(word)
    if not kept:
        return c.ParseError("customer")
    if changed := _CHANGED.match(kept[0]):  # `客户改成格力`: a correction, never a customer's name
        return c.ParseError("customer", "word", changed[0])
    return c.SetCustomer(" ".join(kept), tier, lifecycle)


_CHANGED = pattern(r"^(?:改成|改为|换成|改到|变成|应该是|应为|不是)")


def _comment(rest: str, kept: list[str], after: list[tuple[str, int]]) -> c.ParseError:
    """`customer Nexa Pharma tier C, new lead from expo`: the words after the tier are no name.
    Offered: the customer as set, and the words as a visit's notes (every word kept)."""
    said = " ".join(w for w, _n in after)
    start = rest.find(after[0][0])
    head = rest[:start].rstrip(" ,，;；:：、") if start > 0 else rest
    name = " ".join(kept)
    zh = bool(CJK.search(rest))
    visit = f"{'拜访' if zh else 'visit'} {name}{'：' if zh else ': '}{said}"
    lines = f"\n{'客户' if zh else 'customer'} +{head.lstrip('+')}\n{visit}"  # the option picked: made
    return c.ParseError("customer", "customer_comment", said, options=(("customer_and_visit", lines, None),))


def parse_customers(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    if not words:
        return c.ListCustomers()
    tier = V.tier_of(words[-1]) if len(words) <= 2 else None
    return c.ListCustomers(tier) if tier else c.ParseError("customers")


_TEAM_VERBS = {"create": "create", "new": "create", "新建": "create", "创建": "create",
               "add": "add", "添加": "add", "加入": "add", "remove": "remove", "移除": "remove",
               "删除": "remove", "list": "list", "列表": "list", "set": "set", "设置": "set"}
_TEAM_SETTINGS = {"stall": "stall", "stalled": "stall", "停滞": "stall", "timezone": "timezone",
                  "tz": "timezone", "时区": "timezone", "calendar": "calendar", "holidays": "calendar",
                  "日历": "calendar", "假期": "calendar"}  # and the words of places (`handlers/places.py`)


def parse_team(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`team add East Coast @ana` or `team add "East Coast" @ana`: a team's name may have spaces."""
    words = [w for word, quoted in tokens_of(rest)
             for w in ([word] if quoted else [x for x in LIST_SEP.split(word) if x])]
    verb = _TEAM_VERBS.get(words[0].lower()) if words else "list"
    if words and verb is None and words[0].lower() in ("progress", "进度"):  # `team progress`
        from handlers.grammar.parse_reports import parse_progress
        return parse_progress(" ".join(["team", *words[1:]]), _today)
    if verb == "list" and len(words) <= 1:
        return c.ListTeams()
    if verb == "create" and len(words) >= 2:
        channel = " ".join(w for w in words[2:] if w.startswith("#"))
        name_words = [words[1]] + [w for w in words[2:] if not w.startswith("#")]
        return c.CreateTeam(" ".join(name_words), channel)
    settings = _TEAM_SETTINGS.keys() | places.words()
    setting = next((i for i, w in enumerate(words) if i >= 2 and w.lower() in settings), None)
    if verb == "set" and setting is not None and len(words) == setting + 2:
        word = words[setting].lower()
        return c.ConfigureTeam(" ".join(words[1:setting]), _TEAM_SETTINGS.get(word, word), words[setting + 1])
    if verb == "set" and setting is None and len(words) >= 4 and (
            near := _near_setting(words[-2], settings)):  # `team set East chanel #x`
        return c.ParseError("team", "word_typo", words[-2], swap(rest, words[-2], near))
    mention = next((i for i, w in enumerate(words) if w.startswith("@")), None)
    if verb in ("add", "remove") and mention is None and len(words) >= 3:  # `team add East Bo`
        return c.ParseError("team", "mention_missing", words[-1], swap(rest, words[-1], f"@{words[-1]}"))
    if verb in ("add", "remove") and mention and mention >= 2 and all(
            w.startswith("@") for w in words[mention:]):
        return c.ChangeTeam(" ".join(words[1:mention]), tuple(w[1:] for w in words[mention:]),
                            add=verb == "add")
    return c.ParseError("team")


def _near_setting(word: str, settings) -> str | None:
    """The team setting `word` is a slip of (`chanel` → channel, `时曲` → 时区: two characters, one off)."""
    if CJK.fullmatch(word[:1] or " ") and len(word) == 2:
        near = [w for w in settings if len(w) == 2 and sum(a != b for a, b in zip(w, word, strict=True)) == 1]
        return near[0] if len(near) == 1 else None
    return V.near_word(word, settings)


def parse_role(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    if len(words) == 2 and words[0].startswith("@") and words[1].lower() in V.ROLE_WORDS:
        return c.SetRole(words[0][1:], V.ROLE_WORDS[words[1].lower()])
    return c.ParseError("role")


def parse_leave(rest: str, today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    member = words.pop(0)[1:] if words and words[0].startswith("@") and len(words[0]) > 1 else None
    cancel = bool(words) and words[0].lower() in V.CANCEL_WORDS
    rest = month_days.ordinals_in_digits(" ".join(words[1:] if cancel else words).lower())  # `dec ninth and
    rest = dotted(rest)  # tenth`: `dec 9th and 10th`; `12.28-12.31`: `12/28-12/31`
    if not rest.strip():
        return c.TakeLeave(member=member, cancel=cancel)  # the listing; `请假 取消`: the one leave coming
    days = whole_period(rest, today) or parse_date_range(rest, today) or one_stretch(rest, today)
    # `leave next month`: all of it; `leave next wed and thurs`: from the one to the other
    if days is not None and (member or cancel):
        return c.TakeLeave(*days, member=member, cancel=cancel)
    if days is None and rest.strip() and is_reversed_range(rest, today):
        return c.ParseError("leave", "reversed", rest.strip())
    if days is None and (several := leave_days(rest, today, " ".join(
            ["请假" if CJK.search(rest) else "leave", *([f"@{member}"] if member else []),
             *(["取消" if CJK.search(rest) else "cancel"] if cancel else [])]))) is not None:
        return several  # `leave tmrw + mon`: leave on each day?
    if days is None and (part := part_of_day(rest, today)) is not None:  # `请假 明天上午`: leave is whole
        head = " ".join(w for w in (f"@{member}" if member else "", "cancel" if cancel else "") if w)
        return c.ParseError("leave", "leave_part_of_day", part[1], options=(  # days: the whole day?
            ("leave_whole_day", f"{head} {part[0]}".strip(), None),))
    if days is None and not cancel and (said := days_said_why(rest, " ".join(words), today)):
        return c.TakeLeave(*said[0], member=member, note=said[1])  # `leave fri, dentist`: kept, with why
    if days is None and (reason := days_then_words(rest, today)) is not None:
        kept, said = reason  # `请假 12月24日-12月31日 回老家`: leave has no place for the reason
        zh = CJK.search(rest) is not None  # (`请假 取消 12月9号 客户约了见面`: asked about in its own words)
        undo = ("取消" if zh else "cancel") if cancel else ""
        head = " ".join(w for w in (f"@{member}" if member else "", undo) if w)
        return c.ParseError("leave", "leave_cancel_reason" if cancel else "leave_reason", said, options=(
            ("leave_cancel_without" if cancel else "leave_without", f"{head} {kept}".strip(), None),))
    if days is None:
        return c.ParseError("leave", "date", rest) if rest.strip() else c.ParseError("leave")
    return c.TakeLeave(*days)


def parse_language(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    locale = V.LANGUAGE_WORDS.get(rest.strip().lower())
    return c.SetLanguage(locale) if locale else c.ParseError("language")


LINK_YES = ("yes", "确认")  # `link 12345678 yes`: connect the workspace it is typed in


def parse_link(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    said = rest.strip()
    confirm = said.lower().endswith(LINK_YES)
    if confirm:
        said = next(said[:-len(w)] for w in LINK_YES if said.lower().endswith(w))
    code = re.sub(r"[\s-]", "", said)  # `1234 5678` and `1234-5678` as phones split them
    if not code:
        return c.ParseError("link") if confirm else c.Link()
    return c.Link(code, confirm) if re.fullmatch(r"\d{8}", code) else c.ParseError("link")


def parse_calendar(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`[CODE] DAY[..DAY] workday|holiday|reset` (`..` or any range separator between days);
    `[CODE] YEAR official`: the year's schedule is entered in full."""
    words = rest.split()
    code = words.pop(0).upper() if words and re.fullmatch(r"[A-Za-z]{2,3}", words[0]) else None
    if not words:
        return c.CorrectCalendar(code=code)
    kind = words.pop().lower()
    if kind in V.OFFICIAL_WORDS and len(words) == 1 and re.fullmatch(r"\d{4}年?", words[0]):
        return c.CorrectCalendar(code=code, official_year=int(words[0].rstrip("年")))
    if kind not in V.DAY_KIND_WORDS or not words:
        return c.ParseError("calendar")
    typed = " ".join(words)
    text = typed.replace("..", "~")
    days = parse_date_range(text, today)
    if days is None:
        return c.ParseError("calendar", "reversed" if is_reversed_range(text, today) else "date", typed)
    return c.CorrectCalendar(*days, working=V.DAY_KIND_WORDS[kind], code=code)


_RATE_FROM = pattern(r"\s+(?:(?:from|since)\b|自|从)\s*(?=\S)", re.I)
#: a month, quarter or year without a day's number (`from next month`) is a question, not a day
_RATE_NOT_A_DAY = pattern(r"^\D*(?:month|quarter|year|月|季|年)\D*$", re.I)


_EMAIL = pattern(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MOBILE = pattern(r"\+?[\d\- ]{7,20}")


def parse_crm(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """Nothing: the status; `map @ana ana@corp.com` · `对应 @张三 13800000000`."""
    words = rest.split()
    if not words:
        return c.Crm()
    if words[0].lower() not in V.CRM_MAP_WORDS:
        return c.ParseError("crm")
    if len(words) != 3 or not words[1].startswith("@") or len(words[1]) < 2:
        return c.ParseError("crm")
    contact = words[2]
    if not (_EMAIL.fullmatch(contact) or _MOBILE.fullmatch(contact)):
        return c.ParseError("crm", "contact", contact)
    return c.Crm(words[1][1:], contact)


def parse_rate(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`USD 7.10` or `7.10 USD` (`美元 7.1`), from today; `… from 2026-11-01` (`… 自 2026-11-01`)
    from that day; nothing: the list."""
    rest, *dated = _RATE_FROM.split(rest.strip(), maxsplit=1)
    day = None
    if dated:
        text = dated[0].strip().removesuffix("起").strip()
        day = None if _RATE_NOT_A_DAY.match(text) else parse_date(text, today, future=False)
        if day is None:
            return c.ParseError("rate", "date", dated[0].strip())
    words = rest.split()
    if not words:
        return c.SetRate() if day is None else c.ParseError("rate")
    if len(words) != 2:
        return c.ParseError("rate")
    if words[1].lower() in V.DELETE_WORDS | V.OFF_WORDS:  # `rate USD off` · `汇率 美元 删除`
        currency = V.CURRENCY_WORDS.get(words[0].lower()) or words[0].upper()
        return c.SetRate(currency, from_day=day) if re.fullmatch(r"[A-Z]{3}", currency) \
            else c.ParseError("rate")
    numeric = [w for w in words if re.fullmatch(r"\d+(?:\.\d+)?", w)]
    if len(numeric) != 1:
        return c.ParseError("rate", "rate", next((w for w in words if w[0].isdigit()), words[-1]))
    word = next(w for w in words if w is not numeric[0])
    currency = V.CURRENCY_WORDS.get(word.lower()) or (word.upper() if re.fullmatch(r"[A-Za-z]{3}", word)
                                                      else None)
    rate = Decimal(numeric[0])
    if currency is None:
        return c.ParseError("rate", "currency", word)
    if not Decimal("0.000001") <= rate <= Decimal(1_000_000) or rate.as_tuple().exponent < -6:
        return c.ParseError("rate", "rate", numeric[0])
    return c.SetRate(currency, rate, from_day=day)
