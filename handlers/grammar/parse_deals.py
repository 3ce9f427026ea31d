"""The grammar of deals: `deal CUSTOMER ["TITLE"] [STAGE] [AMOUNT] [close DATE]`, `deal #N …`:
every word read as one of these, or the message refused saying which word."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import clauses
from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.comma_title import title_after_comma
from handlers.grammar.dates import parse_date
from handlers.grammar.deal_words import deal_ref, misread
from handlers.grammar.glued import unglue
from handlers.grammar.normal import view
from handlers.grammar.papers import NOT_AFTER_SIGNED
from handlers.grammar.parse import swap, tokens_of
from handlers.grammar.parse_closing import closing_parser
from handlers.grammar.patterns import pattern
from handlers.grammar.periods import quarter_end
from handlers.grammar.stage_moved import stage_slip
from handlers.grammar.stage_suffix import stage_word_dropped

_CLOSED_HOW = ("won", "lost")
#: A deal's win or loss said in a sentence's words (`商机 海尔 ERP 赢了 52万`): the stage, never a title
_CLOSE_SAID = {"赢了": "won", "输了": "lost", "丢了": "lost"}
_WON_SAID = ("won", "赢单", "赢了", "成交", "签约", "已签约")
#: A deal won or lost with its reason after a colon (`deal #5 closed lost: customer went dark`).
_CLOSED_WITH_REASON = pattern(r"^(?P<deal>[^:]*?\S)\s+(?:closed[\s_-]?)?"
                              r"(?P<how>won|lost|赢单|输单|赢了|输了|丢单|丢了|成交|签约|已签约)"
                              r"(?P<amount>\s+[^\s:]+)?\s*:\s*(?P<why>\S.*)$", re.I | re.DOTALL)
#: A word saying an amount is about so much (`roughly 50k`, `大约 30万`): the amount's, not the title's
_ABOUT = {"about", "around", "roughly", "approx", "approx.", "approximately", "~", "circa", "ca.", "约",
          "大约", "大概", "约莫"}


#: A comma or semicolon inside a word (`negotiation，fyi`), never a thousands mark (`$4,800`)
_HAN = pattern(r"[\u3400-\u9fff]")
_GLUED_COMMA = pattern(r"[,，;；](?!\d{3}(?!\d))")


#: A win or loss with its reason after a dash or a comma (`deal #12 lost - budget cut`, `deal #5
#: won 280k, they pushed hard on price`): the reason, as after a colon
_CLOSED_THEN_WORDS = pattern(r"^(?P<deal>[^:\"“”]*?\S)\s+(?:closed[\s_-]?)?"
                             r"(?P<how>won|lost|赢单|输单|赢了|输了|丢单|丢了|成交|签约|已签约)"
                             r"(?P<amount>\s+[^\s:,，;；]+)?\s*(?:[,，;；。]|\s[-–—]+\s|[-–—]{2}|—)\s*(?P<why>\S.*)$",
                             re.I | re.DOTALL)
#: A deal's number said first with a colon or comma after it (`deal 1: …`, `商机 #46，…`)
_NUMBER_SAID = pattern(r"^\s*#?(\d{1,9})\s*[:：,，]\s*")
#: Where a deal's fields end and words of no field begin (`deal soylent negotiation, also …`)
_WORDS_AFTER = pattern(r"\s*(?:[,，;；。]|\s[-–—]+\s)\s*")


#: A deal said signed, and no more than when (`deal signed`, `deal is signed fri`, `deal's signed!`)
_SIGNED_ALONE = pattern(r"^(?:'s\s*|is\s+|was\s+|has\s+been\s+|got\s+|just\s+|finally\s+)*signed(?![A-Za-z])"
                        + NOT_AFTER_SIGNED, re.I)  # `deal globex signed the nda`: no win


def parse_deal(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`CUSTOMER ["TITLE"] [STAGE] [AMOUNT [CURRENCY]] [close DATE]`: every word is read as one of
    these, or the message is refused saying which word (with the likely word offered); a win or
    loss with words after it has them as its reason, a stage moved with words after it is offered
    without them (a deal keeps no notes)."""
    rest = unglue(rest)  # `#11商务谈判` is `#11 商务谈判`
    rest = _NUMBER_SAID.sub(r"#\1 ", rest)  # `deal 1: close jan 20`: deal #1, never customer "1:"
    if _SIGNED_ALONE.match(rest):  # `deal signed!`, `deal's signed fri`: a win told of no deal named,
        return c.ParseError(None)  # asked which (handlers/sales/unnamed.py), never a customer "signed"
    for closing, loose in ((_CLOSED_WITH_REASON.match(view(rest)), False),
                           (_CLOSED_THEN_WORDS.match(view(rest)), True)):
        if closing is None or loose and closing["amount"] and parse_amount(closing["amount"].strip()) is None:
            continue  # `deal #5 closed lost: went dark` · `deal #12 lost - budget cut`
        amount = rest[closing.start("amount"):closing.end("amount")] if closing["amount"] else ""
        return closing_parser(closing["how"].lower() in _WON_SAID)(
            f"{rest[:closing.end('deal')]}{amount}: {rest[closing.start('why'):]}", today)
    read = _parse_deal(rest, today)
    if isinstance(read, c.ParseError) and read.problem == "word" and (cut := _WORDS_AFTER.search(rest)) \
            and isinstance(moved := _parse_deal(rest[:cut.start()], today), c.UpsertDeal) \
            and (moved.stage or moved.amount or moved.close):  # `deal soylent negotiation, also they
        left = rest[cut.end():].strip()  # asked for net 60`: the move, those words left out
        said, moved, left = _fields_after(rest[:cut.start()], moved, left, today)  # `…, close jan`: kept
        if not left:
            return moved
        return c.ParseError("deal", "deal_words_left", left, options=(("as_said", said, moved),))
    if isinstance(read, c.ParseError) and read.problem in ("word", "amount") \
            and (titled := _digit_title(rest, today)) is not None:
        return titled  # `deal Globex 4K screens 80k`: `4K screens` the title? asked, every word kept
    return title_after_comma(rest, read, lambda said: _parse_deal(said, today)) or read


def _digit_title(rest: str, today: dt.date) -> c.ParseError | None:
    """`deal Globex 4K screens 80k`: a word read as an amount (`4K`) with words after it that no
    field claims, offered as the start of a title in quotes (`"4K screens"`), or None."""
    tokens = tokens_of(rest)
    if not tokens or re.fullmatch(r"#\d{1,9}", tokens[0][0]):
        return None  # `deal #1 90k after the discount`: words after a deal's number are no title
    for j in range(1, len(tokens)):
        word, quoted = tokens[j]
        if quoted or not re.search(r"\d", word) or not (parse_amount(word) or misread(word, rest, "deal",
                                                                                      False, False)):
            continue
        k = j + 1
        while k < len(tokens) and not tokens[k][1] and not _is_field(tokens[k][0]):
            k += 1
        if k == j + 1 or k == len(tokens):
            continue  # a field after the title's words (`4K screens 80k`), else no title said
        start = _title_start(tokens, j)  # `deal 小米, crm licenses 50 seats 80k`: from `crm`
        title = " ".join(w for w, _q in tokens[start:k])
        said = rest.replace(title, f'"{title}"', 1)
        if title in rest and isinstance(command := _parse_deal(said, today), c.UpsertDeal | c.CloseDeal):
            return c.ParseError("deal", "digit_title", tokens[j][0],
                                options=(("title_quoted", said, command),))
    return None


def _title_start(tokens: list[tuple[str, bool]], j: int) -> int:
    """Where a title that holds the number at `j` starts: after the customer's comma, the words
    before the number no field claims are the title's too (`小米, crm licenses 50 seats`), else at `j`."""
    comma = next((i for i, (w, q) in enumerate(tokens[:j]) if not q and w[-1:] in ",，"), None)
    if comma is None or any(q or _is_field(w) for w, q in tokens[comma + 1:j]):
        return j
    return comma + 1


#: A bare number a title may hold (`618`, a year: `renewal 2027`): with an amount said after it, a title word
_TITLE_NUMBER = pattern(r"\d{1,3}|(?:19|20)\d\d")


def _parse_deal(rest: str, today: dt.date) -> c.Command | c.ParseError:
    tokens = [(part, q) for w, q in tokens_of(rest)  # `proposal 90k, close …` · `商务谈判，老板特别关心`
              for part in ([w] if q else [p for p in _GLUED_COMMA.split(w) if p] or [""])]
    tokens = [(w, q) for w, q in tokens if q or (w and w not in ("→", "->", "=>", "➡"))]  # `ERP → proposal`
    tokens = stage_word_dropped(tokens)  # `qualification stage`, `需求挖掘阶段`: that stage
    if len(tokens) == 2 and re.fullmatch(r"#\d{1,9}", tokens[0][0]) \
            and tokens[1][0].lower() in V.HISTORY_WORDS:  # `deal #46 history`
        return c.ShowDealHistory(int(tokens[0][0][1:]))
    if len(tokens) == 2 and re.fullmatch(r"#\d{1,9}", tokens[0][0]) \
            and tokens[1][0].lower() in V.DELETE_WORDS | V.REOPEN_WORDS:  # `deal #46 delete`
        action = "delete" if tokens[1][0].lower() in V.DELETE_WORDS else "reopen"
        return c.ChangeDeal(int(tokens[0][0][1:]), action)
    stage = amount = close = lone = None
    switch = False  # a currency said in words (`60k CNY`): the deal's currency, meant
    kept: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        word, quoted = tokens[i]
        lower = word.lower()
        fields_read = stage is not None or amount is not None or close is not None or any(
            q for _w, q in tokens[1:i])  # after a title (`acme "cloud" qualification`) no name goes on
        if i == 1 and tokens[0][1] and not quoted and not _is_field(word):  # `"Big 4" Ltd`
            return c.ParseError("deal", "word", word)
        label = V.FIELD_LABELS.get(lower) if not quoted and i + 1 < len(tokens) else None
        if label and (parse_amount(tokens[i + 1][0]) if label == "amount"
                      else tokens[i + 1][0].lower() in V.STAGE_WORDS):
            i += 1  # `amount 60k`: the label says what the next word is
            continue
        if quoted:
            kept.append((word, quoted))
        elif lower in V.CLOSE_WORDS and i + 1 < len(tokens):
            close, used = _date_at(tokens, i + 1, today)
            if close is None:
                return c.ParseError("deal", "date", tokens[i + 1][0])
            i += 1 + used
            continue
        elif close is None and (glued := _glued_close(word, today)):  # `預計１２月３１日`
            close = glued
        elif stage is None and (lower == "closed" or V.near_word(lower, ("closed",))) \
                and i + 1 < len(tokens) and not tokens[i + 1][1] \
                and (tokens[i + 1][0].lower() in _CLOSED_HOW or V.near_word(tokens[i + 1][0], _CLOSED_HOW)):
            how = tokens[i + 1][0].lower()  # `closed won`: one stage in two words; `clsoed wonn` asked
            if lower != "closed" or how not in ("won", "lost"):
                fixed = swap(swap(rest, word, "closed"), tokens[i + 1][0],
                              how if how in ("won", "lost") else V.near_word(how, ("won", "lost")))
                return c.ParseError("deal", "stage_typo", f"{word} {tokens[i + 1][0]}", fixed)
            stage = how
            i += 2
            continue
        elif stage is None and (several := _stage_of_words(tokens, i)):
            stage, i = several[0], i + several[1]  # `Needs Analysis`: a stage of the team's, in words
            continue
        elif stage is None and lower in V.STAGE_WORDS:
            stage = V.STAGE_WORDS[lower]
        elif stage is None and i > 0 and lower in _CLOSE_SAID:
            stage = _CLOSE_SAID[lower]
        elif amount is None and lower in _ABOUT and i + 1 < len(tokens) and not tokens[i + 1][1] \
                and parse_amount(tokens[i + 1][0]):  # `roughly 50k`: the amount, no title word
            i += 1
            continue
        elif amount is None and (money := parse_amount(word)):
            amount, lone = money, (len(kept), word) if _TITLE_NUMBER.fullmatch(word) else None
        elif amount is not None and lone and (money := parse_amount(word)) and not re.fullmatch(r"\d+", word):
            kept.insert(lone[0], (lone[1], False))  # `商机 京东 618 初步接触 20万`, `renewal 2027 60k`: a
            # title word
            amount, lone = money, None
        elif amount is None and lower in V.CURRENCY_WORDS and len(lower) > 1 and i + 1 < len(tokens) \
                and not tokens[i + 1][1] and (money := parse_amount(tokens[i + 1][0])) \
                and money.currency in (None, V.CURRENCY_WORDS[lower]):  # `RMB 3万`: its currency
            amount, switch = replace(money, currency=V.CURRENCY_WORDS[lower]), True
            i += 2
            continue
        elif amount is not None and parse_amount(word) and parse_amount(tokens[0][0]) == amount \
                and not tokens[0][1]:  # `deal 3M "ERP" 50k`: the first word was a name
            first = tokens[0][0]
            return c.ParseError("deal", "quote_name", first, swap(rest, first, f'"{first}"'))
        elif amount is not None and lower in V.CURRENCY_WORDS and tokens[i - 1][0] != "" \
                and parse_amount(tokens[i - 1][0]) == amount:
            if amount.currency not in (None, V.CURRENCY_WORDS[lower]):
                return c.ParseError("deal", "amount", f"{tokens[i - 1][0]} {word}")
            amount, switch = replace(amount, currency=V.CURRENCY_WORDS[lower]), len(lower) > 1
        elif close is None and fields_read and clauses.DATE_LIKE.search(view(word)) \
                and (bare := _date_at(tokens, i, today))[0]:  # `商务谈判 3.5万 月底`: the close day
            close, i = bare[0], i + bare[1]
            continue
        elif stage is None and i > 0 and not quoted and (short := V.stage_prefix(word)):
            if not re.fullmatch(r"#\d{1,9}", tokens[0][0]) and len(word) < 4:  # `deal acme neg 50k`: a
                return c.ParseError("deal", "stage_typo", word, swap(rest, word, short[1]))  # name's word?
            stage = short[0]  # `deal #46 nego`, `deal globex nego 130k`: the stage said short (four
            # letters or more, `nego` `prop` `qual`, as README shows it; `neg` `pro` may be a name's)
        elif stage is None and not quoted and (slip := stage_slip(*(said := _slip_said(tokens, i, rest)))):
            fixed = swap(rest, said[0], said[0].replace(*slip, 1))  # `推进到方按阶段`, `阶段改成谈盼`: the
            return c.ParseError("deal", "stage_typo", slip[0], fixed)  # stage meant offered, never a title
        elif error := misread(word, rest, "deal", stage is None, fields_read):
            return error
        else:
            kept.append((word, quoted))
        i += 1
    ref = deal_ref(kept)
    customer = None
    if ref.deal_id is not None and ref.words:  # `deal #46 customer Globex`, else a stray word
        if ref.words[0].lower() not in V.CUSTOMER_WORDS or len(ref.words) < 2:
            return c.ParseError("deal", "word", ref.words[0])
        customer, ref = " ".join(ref.words[1:]), replace(ref, words=())
    if not ref.words and ref.deal_id is None:
        first = tokens[0][0] if tokens and not tokens[0][1] else ""
        if parse_amount(first):  # `deal 3M proposal`: the only word that can be a name is a number
            return c.ParseError("deal", "quote_name", first, swap(rest, first, f'"{first}"'))
        return c.ParseError("deal")
    if stage == "won" and close is not None and any(w in ("签约", "签单") for w, _q in tokens):
        stage = "negotiation"  # `签约 预计月底`: to be signed by then, not signed
    if stage in ("won", "lost") and customer is None:
        return c.CloseDeal(ref, stage == "won", amount, switch_currency=switch)
    if stage in ("won", "lost"):
        return c.ParseError("deal")
    return c.UpsertDeal(ref, stage, amount, close, customer, switch_currency=switch)


def _fields_after(said: str, moved: c.UpsertDeal, left: str,
                  today: dt.date) -> tuple[str, c.UpsertDeal, str]:
    """(the line offered, its change, the words still left) where the words after a move say
    fields of it too (`deal #47 negotiation, they asked for net 60, close end of jan`): every
    field said is kept in the offer, only words of no field are left out."""
    from handlers.grammar.deal_change import change_in

    change = change_in(left, today)
    if not change.fields:
        return said, moved, left
    word = "预计" if _HAN.search(left) else "close"
    more = " ".join(part for part in (
        not moved.stage and change.stage, not moved.amount and change.amount,
        not moved.close and change.close and f"{word} {change.close.isoformat()}") if part)
    merged = _parse_deal(f"{said} {more}", today) if more else moved
    if not isinstance(merged, c.UpsertDeal):
        return said, moved, left
    start = left.find(change.left[0]) if change.left else -1
    words = left[start:left.find(change.left[-1], start) + len(change.left[-1])] if start >= 0 else ""
    return f"{said} {more}".strip(), merged, words


def _glued_close(word: str, today: dt.date) -> dt.date | None:
    """The close day of a Chinese close word glued to its date (`预计12月31日`), or None."""
    said = _CLOSE_SAID_GLUED.fullmatch(view(word))
    return parse_date(said["day"], today) if said and (said["before"] or said["after"]) else None


#: a close day glued to the words that say so (`预计12月31日`, `预计月底成交`, `改到1月15号成交`)
_CLOSE_SAID_GLUED = pattern(rf"(?P<before>{'|'.join(V.CLOSE_LABELS_ZH)}|(?:改|推迟?|延期?|挪)到|改[成为])?"
                            r"(?P<day>.+?)(?P<after>(?:之?前)?(?:成交|签约|签单|签合同))?")


def _stage_of_words(tokens: list[tuple[str, bool]], i: int) -> tuple[str, int] | None:
    """A stage named in two or three words from token `i` (a workspace's own pipeline), and how
    many words it took."""
    for n in (3, 2):
        words = tokens[i:i + n]
        if len(words) == n and not any(quoted for _, quoted in words):
            joined = " ".join(word.lower() for word, _ in words)
            if joined in V.STAGE_WORDS:
                return V.STAGE_WORDS[joined], n
    return None


def _is_field(word: str) -> bool:
    lower = word.lower()
    return (lower in V.STAGE_WORDS or lower in V.CLOSE_WORDS or lower in V.CURRENCY_WORDS
            or parse_amount(word) is not None)


def _date_at(tokens, i, today) -> tuple[dt.date | None, int]:
    """The date starting at tokens[i], the longest first (`end of next month`, `next Tue`, `12/20`)."""
    for used in (5, 4, 3, 2, 1):  # `end of the month`, `end of nxt wk`: as the one date grammar reads them
        if i + used <= len(tokens):
            said = " ".join(w for w, _ in tokens[i:i + used])
            day = quarter_end(said, today) or parse_date(said, today) or _glued_close(said, today)
            # `明年Q2`: the quarter's last day; `预计 月底成交`
            if day is not None:
                return day, used
    return None, 0


#: Between a won/lost deal and its reason: `:` `;` `,` `，` `。` `!` ` - ` `—`, a full stop
#: before a space, or a new line (`won Acme - beat them on price`, `输单 海尔，价格太高`).


def _slip_said(tokens: list[tuple[str, bool]], i: int, rest: str) -> tuple[str, str]:
    """(the word a stage may be slipped in, the message before it): the word after `阶段`/`stage`
    for that label (`阶段 谈盼`)."""
    word = tokens[i][0]
    if word.lower() in ("阶段", "stage") and i + 1 < len(tokens) and not tokens[i + 1][1]:
        word = tokens[i + 1][0]
    return word, rest[:max(rest.find(word), 0)]
