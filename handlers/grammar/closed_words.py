"""A win or loss said in words of a known customer (`umbrella erp deal won 200k 🎉`, `ugh also lost
the initech thing, they went w/ a cheaper vendor`, `腾讯数据平台拿下了 20w 客户认可我们的方案`): offered
as the member's open deal of that customer, one tap each (`won #14 200k`, its title shown), never a
new deal titled with words of the sentence; the words around the customer that name no deal
(`deal`, `the`, `is`, `thing`, `单子`, `那个`) are no title, a currency beside the amount (`190k cny`)
belongs to the amount. Only a win with no open deal of the member's is offered as a new deal."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.clause_taken_back import clause_taken_back
from handlers.grammar.close_day_cut import close_day_cut, with_close_day
from handlers.grammar.money_said import amounts_said
from handlers.grammar.normal import name_fold, simplified
from handlers.grammar.papers import NOT_AFTER_SIGNED, NOT_BEFORE_SIGNED_EN, NOT_BEFORE_SIGNED_ZH
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern
from handlers.grammar.taken_back import taken_back
from storage.deals_found import deal_won_last_of_customer_named, open_deals_of_customer_named

_CJK = pattern(r"[\u3400-\u9fff]")
_EN = r"(?<![A-Za-z])(?:{})(?![A-Za-z])"
#: A digit of an amount, Arabic or Chinese (`16萬`, `二十二万`)
_NUMERAL = r"[\d一二两三四五六七八九十百千]"
#: A win in words; a paper signed on the way (`signed the nda`, `签了保密协议`, `框架签了`) is none
WON = pattern(NOT_BEFORE_SIGNED_ZH + r"(?:签了|签约了|签下)" + NOT_AFTER_SIGNED
              + r"|签单了|拿下了?|成交了|赢了|中标了|签下来了?|"
              + r"(?:谈下来了?|谈成了?|搞定了?)(?=.*?" + _NUMERAL + r"\s*(?:万|w|k|千|亿|元|块|m)(?![a-z]))|"
              # `谈下来了 16萬`, `谈下来了 二十二万`: with an amount, a win (`388搞定了`, `价格谈下来了`
              # alone say no win); so after a deal word (`格力那单搞定了`)
              + r"(?<=" + _NUMERAL + r"[万wk千])\s?(?:那单|这单|单子)?(?:谈下来了?|谈成了?|搞定了?)|"
              + r"(?<=那单|这单|单子)(?:谈下来了?|谈成了?|搞定了?)|"
              + r"(?<![A-Za-z])closed[\s-]*won(?![A-Za-z])|"  # `closed won` (a CRM's stage): a win
              + r"(?<![A-Za-z])(?:got\s+(?:it\s+)?done|closed|nailed(?:\s+it)?|landed|sealed)(?![A-Za-z])"
              + r"(?=.*?\d\s*(?:k|m|万|w)(?![a-z]))|"
              + NOT_BEFORE_SIGNED_EN  # `signed off on the design`: approved, no win
              + _EN.format("signed(?!\\s+off(?![A-Za-z]))" + NOT_AFTER_SIGNED + "|won|closed it"), re.I)
#: A rival signed instead (`they signed w oracle`, `went with sap`, `chose huawei`, `签了别家`, `选了华为`,
#: `跟别家签了`): a loss, its word of signing no win
RIVAL_SIGNED = pattern(r"签了?别家|(?:跟|和|与)(?:别家|别人|对手|竞争对手|[^，,。\s我]{1,8}?)签了"
                       r"|(?:客户|对方|他们)?(?:选了|选择了|改用了?)(?!我们|咱们)"
                       r"|(?<![A-Za-z])(?:(?:signed|signing|went|gone|going)\s+(?:up\s+)?(?:with|w/|w)"
                       r"|chose|picked|selected)\s+(?!(?:us|me|our|ours|we|you)(?![A-Za-z]))(?=\S)", re.I)
LOST = pattern(r"黄了|丢了|输了|丢单了?|输单了?|没戏了|飞了|输给|败给|被[^，,。\s]{1,12}?抢走|"
               + _EN.format("lost|fell through|dead") + "|" + RIVAL_SIGNED.pattern, re.I)


def won_in(seen: str) -> bool:
    """Whether `seen` (folded) says a win: a word of winning not part of a rival's signing (`they
    signed w oracle`), and no word of a loss beside it (`…is dead … close it lost`; both kinds of
    words: see `both_in`)."""
    rivals = [found.span() for found in RIVAL_SIGNED.finditer(seen)]
    wins = [found for found in WON.finditer(seen)
            if not any(start <= found.start() < end + 3 for start, end in rivals)]
    return bool(wins) and not LOST.search(seen)


def both_in(seen: str) -> bool:
    """Whether `seen` says both a win and a loss (`won haier, lost midea`): asked, never one read."""
    rivals = [found.span() for found in RIVAL_SIGNED.finditer(seen)]
    wins = [found for found in WON.finditer(seen)
            if not any(start <= found.start() < end + 3 for start, end in rivals)]
    return bool(wins) and bool(LOST.search(seen))




def closed_said(text: str) -> bool:
    """Whether `text` says a deal was won or lost in words (`美的ERP丢了`, `海尔CRM 赢了`)."""
    seen = simplified(normalize(text))
    return bool(WON.search(seen) or LOST.search(seen))


def rival(text: str, name: str) -> bool:
    """Whether `text` names the customer `name` as the one a deal was lost to or won against (`被华为
    抢走了`, `输给了华为`, `lost to Globex`, `went with Globex`, `打败了华为`, `beat Globex`): a competitor
    there, not the deal closed."""
    seen = simplified(normalize(text)).lower()
    return any(regex.search(seen) for alias in aliases(name) if len(alias) > 1
               for regex in (re.compile(form.format(re.escape(alias.lower()))) for form in _RIVAL))


#: How a competitor is named beside a win or loss (`{}`: the name)
_RIVAL = (r"(?:被|输给了?|败给了?|丢给了?|让)\s*{}",
          r"(?<![a-z]){}\s*(?:抢走|抢了|截胡|拿走了|拿走)",
          r"(?:客户|对方|他们)?(?:选了|选择了|改用了?|换成了?|用了)\s*{}",
          r"(?:打败了?|击败了?|战胜了?|赢了)\s*{}",
          r"(?<![a-z])(?:lost\s+(?:it\s+|out\s+)?to|losing\s+to|went\s+with|going\s+with|gone\s+with|"
          r"chose|picked|selected|switched\s+to|beat|beating|over)\s+(?:the\s+)?{}(?![a-z])")


def close_parts(said: str, name: str, won: bool) -> tuple[str, str, str | None]:
    """(title words, reason, amount) of a win or loss of `name` said in words (`_parts`)."""
    return _parts(said, name, won)


def stage_named(text: str) -> bool:
    """Whether `text` names a stage of the pipeline (`to negotiation`, `商务谈判`): never a close's
    reason. Words a reason says in passing (`quote`, `needs`, `方案`, `报价`) are no stage here."""
    from handlers.grammar.vocabulary import STAGE_WORDS

    folded = simplified(normalize(text)).lower()
    words = set(re.findall(r"[a-z][a-z_-]*", folded))
    return any(word in words or " " in word and word in folded if word.isascii() else
               len(word) >= 4 and word in folded for word in STAGE_WORDS if word not in _IN_PASSING)


_IN_PASSING = {"lead", "leads", "contact", "contacted", "needs", "quote", "quoted", "quotation", "quoting",
               "qualify", "qualified", "qualifying", "negotiate", "won", "lost"}


def closed_offer(session, tenant_id: int, name: str, said: str, chinese: bool,
                 member_id: int | None, today: dt.date | None = None) -> c.ParseError:
    """The question for a win or loss of `name` said in words: one tap per open deal of the
    member's the words may close (those whose title they name, else all of them); a win with
    none offered as a new deal (its title the words that name one); a loss with none said so."""
    seen = simplified(normalize(said))
    if both_in(seen):  # `won haier, lost the other one`: asked which, never a win read unasked
        lost = closed_offer(session, tenant_id, name, _WON_WORDS.sub(" ", said), chinese, member_id, today)
        return c.ParseError(None, "closed_both_kinds", name, options=lost.options + tuple(
            ("as_won", line.replace("输单" if chinese else "lost", "赢单" if chinese else "won", 1), command)
            for _kind, line, command in lost.options if line))
    won = won_in(seen)
    title, reason, money = _parts(said, name, won)
    taken = taken_back(reason) or clause_taken_back(reason)  # `… went with oracle, never mind`: no
    if taken:  # tap carries the words (a tap would only be asked about again, r26)
        reason = reason[:taken[0]].rstrip(" ,，.。;；!！:：、~-—–")
    reason, closed_day = close_day_cut(reason, chinese, today)  # `上周四就签了`: the day it closed, never
    # its reason; run after the close as a line of its own (`其实是上周四签的`: asked when ambiguous)
    mine = _open_of(session, tenant_id, name, member_id)
    kind = "as_won" if won else "as_lost"
    word, colon = (("赢单" if won else "输单"), "：") if chinese else (("won" if won else "lost"), ": ")
    tail = f"{colon}{reason}" if reason else ""
    if mine:
        hint = name_fold(title)
        fits = [(d, t) for d, t in mine if hint and (hint in name_fold(t) or name_fold(t) in hint)]
        unnamed = title if title and not fits else ""  # `tencent data platform deal won` (数据平台)
        fits = fits or mine
        listed = " · ".join(f"#{d} “{t}”" for d, t in fits[:5])
        lines = [" ".join(part for part in (word, f"#{d}", money) if part) + tail for d, _t in fits[:5]]
        problem = f"{'won' if won else 'lost'}_unsaid_{'unnamed' if unnamed else 'open'}"
        if taken:
            problem = f"{'won' if won else 'lost'}_unsaid_{'unnamed' if unnamed else 'taken_back'}"
            unnamed = " ".join(part for part in (unnamed, taken[1]) if part)
        return c.ParseError(None, problem, f"{name} ({listed})", unnamed, options=tuple(
            with_close_day((kind, line, _asked_currency(line)), closed_day) for line in lines))
    if not won:
        return c.ParseError(None, "lost_unsaid_none", name)

    if title and _told_in_sentence(said, title):  # `Initech: finally got legal sign off!! contract 120k,
        # won`: no title made up of the sentence's words (r31en #96): they are the win's reason, as typed
        title, tail = "", f"{colon}{' '.join(part for part in (title, reason) if part)}"
    if not title and _open_of(session, tenant_id, name, None):  # a colleague's open deal there: the
        title = name  # win is the member's own new deal, titled (never refused as the colleague's)
    head = " ".join(part for part in (word, name, title and f'"{title}"', money) if part)
    if won_lately := _won_of(session, tenant_id, name, member_id):  # `the acme support deal is won`,
        listed = " · ".join(f"#{d} “{t}”" for d, t in won_lately)  # minutes after `won #46`: never a
        return c.ParseError(None, "won_unsaid_already", name, listed,  # second win without a word
                            options=(with_close_day((kind, head + tail, None), closed_day),))
    if taken:  # `… won 50k, scratch that`: the new deal offered without the words, and they said
        return c.ParseError(None, "won_unsaid_taken_back", name, taken[1],
                            options=(with_close_day((kind, head + tail, None), closed_day),))
    return c.ParseError(None, "won_unsaid", name,
                        options=(with_close_day((kind, head + tail, None), closed_day),))


#: Words that tell what happened, before a win's words (`finally got`, `终于`): a sentence, no title
_TELLING = pattern(r"(?<![A-Za-z])(?:finally|got|just|officially|we|i|they|we've|i've)(?![A-Za-z])"
                   r"|终于|刚刚|刚才|已经|我们|总算", re.I)
_BREAK = pattern(r"[:：!！?？。;；,，]|\s[-–—]\s")


def _told_in_sentence(said: str, title: str) -> bool:
    """Whether the title words of a win are a sentence's (`finally got legal sign off!! contract`): a
    mark between them, or words telling what happened before them."""
    words = title.split()
    first = said.find(words[0])
    last = said.find(words[-1], first)
    if first < 0 or last < 0:
        return False
    return _BREAK.search(said, first, last) is not None or _TELLING.search(said, 0, first) is not None


def _won_of(session, tenant_id: int, name: str, member_id: int | None) -> list[tuple[int, str]]:
    """(id, title) of the deal of `name` the member won last, if any."""
    return deal_won_last_of_customer_named(session, tenant_id, name, member_id)


def _asked_currency(line: str) -> c.Command | None:
    """The win of a line whose amount names its currency (`won #53 190k cny`), as a win that asks
    where the deal is in another (the words typed were a sentence's, not `won … CNY` said to
    change it); None for any other line (run as typed)."""
    from handlers.grammar.reading import read  # the parsers import this module; kept lazy

    command = read(line, dt.date.today()).command  # a win's line says no day
    if isinstance(command, c.CloseDeal) and command.amount and command.amount.currency:
        return replace(command, switch_currency=False)
    return None


def _open_of(session, tenant_id: int, name: str, member_id: int | None) -> list[tuple[int, str]]:
    """(id, title) of the open deals of `name` the member owns (any owner's where no member is known)."""
    return [(deal_id, title) for deal_id, title, _stage in open_deals_of_customer_named(
        session, tenant_id, name, member_id)]


#: Words around a win that say no title nor reason: a deal word, a mark, `!!`, `🎉`
_NO_WORDS = pattern(r"^(?:[\W_]|那单|这单|单子|的|(?<![A-Za-z])(?:deal|the)(?![A-Za-z]))*$", re.I)
_EDGE = " ,，.。!！?？:：;；~～-–—的"
#: Words beside a win's customer that name no deal: who won it, when, how it felt, a deal word
#: (`we`, `the … deal is`, `ugh also … thing`, `今天`, `那个单子`)
_NO_TITLE = pattern(r"(?<![A-Za-z'])(?:we|i|we've|i've|they|finally|just|today|yesterday|our|my|so|yay|"
                    r"have|has|had|officially|deal|deals|the|a|an|is|was|were|got|been|thing|one|that|this|"
                    r"ugh|also|oh|well|lol|damn|sadly|unfortunately|opp|opportunity|for|with|w|at)(?![A-Za-z'])"
                    r"|我们|我|终于|今天|昨天|刚才|刚刚|已经|正式|也|都|那个|这个|那单|这单|单子|"
                    r"[!！?？,，.。~～\s]", re.I)
_TO_RIVAL = pattern(r"\s+(?:out\s+)?to\s", re.I)
#: Where the words of a deal named after the win word end and its reason starts
_CLAUSE_END = pattern(r"\s*(?:[,，;；:：。!！\n]|\.(?:\s|$)|\s[-–—]\s)")


def _parts(said: str, name: str, won: bool) -> tuple[str, str, str | None]:
    """(the words that name a deal, the reason, the amount as typed) of a win or loss in words:
    `ugh also lost the initech thing, they went w/ a cheaper vendor` → ("", "they went w/ a cheaper
    vendor", None); `lenovo laptops refresh won 190k cny!` → ("laptops refresh", "", "190k cny")."""
    told = (WON if won else LOST).search(simplified(said))  # `騰達簽了`: found as 签了, kept as typed
    money = _amount(simplified(normalize(said))) if won else None
    before, after = (said[:told.start()], said[told.end():]) if told else ("", said)
    if told and (told[0][:2] in ("输给", "败给") or told[0][0] == "被"  # `输给了华为`, `被华为抢走了`,
                 or _TO_RIVAL.match(after)  # `lost to Globex`, `went with oracle`: the competitor said in
                 or not won and RIVAL_SIGNED.match(simplified(said), told.start())):  # the reason, as
        after = said[told.start():]  # typed (`输了` alone is the close's word, no reason: r31zh #104)
    if money:  # the amount (its currency with it) is no title nor reason
        typed = re.compile(r"\s*".join(map(re.escape, money.split())), re.I)
        after, gone = _cut(after, typed, " , ")  # `closed globex 160k 🎉 price was right`: the
        before = before if gone else _cut(before, typed)[0]  # words after the amount are its reason
    for alias in aliases(name):  # `Haier CRM won!` · `腾达签了` (腾达科技) · `stark签了` (Stark Industries)
        if (at := simplified(before).lower().find(alias.lower())) >= 0:
            before = before[:at] + " " + before[at + len(alias):]
            break
        if (at := simplified(after).lower().find(alias.lower())) >= 0:  # `lost the initech thing, …`:
            end = _CLAUSE_END.search(after, at + len(alias))  # the clause naming it names the deal
            end = end.start() if end else len(after)
            before, after = f"{before} {after[:at]} {after[at + len(alias):end]}", after[end:]
            break
    title = " ".join(_blanked(_NO_TITLE, before).split()).strip(_EDGE)  # `華為的單子`: 单子 too
    title = _blanked(_TITLE_EDGE, title).strip(_EDGE)
    reason = "" if _NO_WORDS.match(simplified(after)) else \
        _EMOJI.sub("", " ".join(after.split())).strip(_EDGE)
    reason = re.sub(r"^[\W_]+", "", reason).strip(_EDGE)  # `🎉 price was right`: no mark kept
    if money:  # `47k usd final`, `19.5万 左右`: the amount's own words, never its reason (r27)
        reason = _OF_AMOUNT_AFTER.sub("", reason).strip(_EDGE)
        title = _OF_AMOUNT_BEFORE.sub("", title).strip(_EDGE)
    reason = _PARTICLE.sub("", reason).strip(_EDGE)  # `closed了 19.5万`: 了 is no reason
    return title, reason, money


#: Words that qualify an amount said beside it (`47k final`, `about 50k`, `19.5万左右`, `含税`)
_QUALIFIER = (r"(?:(?<![A-Za-z])(?:final|total|in\s+total|all\s+in|approx\.?|approximately|about|around|"
              r"roughly|ish|or\s+so|incl\.?\s+tax|ex\.?\s+tax)(?![A-Za-z])|~|左右|上下|大概|大约|最终|一共|总共|"
              r"含税|不含税|税后|税前)")
_OF_AMOUNT_AFTER = pattern(r"^(?:[\s,，.。~～-]*" + _QUALIFIER + r")+", re.I)
_OF_AMOUNT_BEFORE = pattern(r"(?:[\s,，]*" + _QUALIFIER + r")+[\s,，]*$", re.I)
#: A particle or mark of feeling left alone at a reason's start (`了`, `啦 🎉`)
_PARTICLE = pattern(r"^(?:[\s,，.。!！~～]*(?:了|啦|的|喽|咯)(?=[\s,，.。!！~～]|$))+")


_TITLE_EDGE = pattern(r"^(?:的|项目)+$|^的+|的+$")


def _blanked(found: re.Pattern, text: str) -> str:
    """`text` with a space for every character of what `found` matches in its simplified form (the
    words are found in either script and kept as typed)."""
    seen, kept = simplified(text), list(text)
    for match in found.finditer(seen):
        kept[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(kept)


_WON_WORDS = pattern(WON.pattern)
#: A mark of feeling in a reason (`🎉`, `😞`): no word of it
_EMOJI = pattern(r"\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+")


def _cut(text: str, found: re.Pattern, mark: str = " ") -> tuple[str, bool]:
    """`text` with `mark` for the first match of `found` in its simplified form (`6萬` for `6万`)."""
    match = found.search(simplified(text))
    return (text[:match.start()] + mark + text[match.end():], True) if match else (text, False)


def aliases(name: str) -> list[str]:
    """How a sentence may name the customer `name`, the longest first: in full, by its brand's
    English names, by the start of a Chinese name (`腾达` of 腾达科技) or the first word of an
    English one (`stark` of Stark Industries)."""
    starts = [name[:end] for end in range(len(name) - 1, 1, -1)] if _CJK.search(name) else \
        [name.split()[0]] if " " in name and len(name.split()[0]) > 2 else []
    return [name, *_english_names(name), *starts]


def _english_names(name: str) -> list[str]:
    from handlers.grammar.brands import BRANDS, brand_of

    brand = brand_of(name)
    return sorted((english for english, chinese in BRANDS.items() if brand and chinese[0] == brand),
                  key=len, reverse=True)


def _amount(seen: str) -> str | None:
    return next(iter(amounts_said(seen)), None)
