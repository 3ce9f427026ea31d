"""The parsers of the grammar's intents: each reads what follows its keyword (`Acme: met the CTO`
after `visit`) into a Command or a ParseError. Which keyword means which intent, and the whole
message's parse, are in `handlers.grammar.intents`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from handlers import places
from handlers.grammar import clauses
from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.dates import is_reversed_range, parse_date, parse_date_range
from handlers.grammar.glued import unglue
from handlers.grammar.normal import fold as _fold
from handlers.grammar.normal import view

_LIST_SEP = re.compile(r"[\s,，、]+")  # `@张三，@李四`, `done 3、4`
#: a title in quotes: `"…"` `“…”` `「…」` `《…》`, single `'…'` (not an apostrophe: `Acme's`) or `‘…’`
_TOKEN = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|《([^》]*)》|\'([^\'\s][^\']*)\'(?!\S)|‘([^’]*)’'
                    r'|(\S+)')
_CJK = re.compile(r"[\u3400-\u9fff]")
_NEXT_STEP = re.compile(r"^(?:next(?:\s+step)?|下一步|下步)\s*:?\s*(.*)$", re.IGNORECASE)
_OUTCOME = re.compile(r"^(?:outcome|result|结果)\s*:?\s*(.*)$", re.IGNORECASE)


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


def _head_and_body(rest: str, separators: re.Pattern | None = None) -> tuple[str, str]:
    """`Acme Corp: notes` → (folded head, body as typed)."""
    match = (separators or _COLON).search(fold(rest))
    if match is None:
        return fold(rest), ""
    return fold(rest)[:match.start()], rest[match.end():]


_COLON = re.compile(":")
#: What people put between the customer and the notes: `:` `：` `;` `；` `,` `，` `。` ` - ` ` — `,
#: and a full stop before a space (`visit acme corp. met cfo`).
#: A comma between digits (`$4,800`, `50,000元`) is a thousands mark, never a separator.
_COMMA = r"(?:(?<!\d)[,，]|[,，](?!\d{3}(?!\d)))"
_VISIT_SEP = re.compile(r"\s*(?:[:;。!]|" + _COMMA + r"|\.(?=\s)|\s[-–—]\s|—)\s*")


#: A follow-up's words that say what the customer did or said, not what we will do (`对方要求再降价`)
_THEIRS = re.compile(r"(?:对方|客户|他们|她们|甲方|(?:they|he|she|the customer|customer|client|the client)"
                     r"(?![A-Za-z]))", re.I)
_FOLLOW_WORD = re.compile(r"follow[\s-]?ups?|f/u|fu|跟进|回访", re.I)
_BY_ID = re.compile(r"^#(\d{1,9})\s+(\S+)\s*(.*)$", re.DOTALL)
SYMBOLS = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")


def parse_visit(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`CUSTOMER[: notes]`, with a follow-up clause anywhere (`follow up fri`, `跟进：月底`,
    `明天跟进`); a second command after a sentence break, or a follow-up whose day cannot be
    read, is asked about."""
    typed = rest.strip()
    if by_id := _BY_ID.match(view(typed)):  # `visit #12 delete`, `visit #12 notes …`
        word, text = by_id[2].lower().rstrip(":"), typed[by_id.start(3):].strip()
        if word in V.DELETE_WORDS and not text:
            return c.ChangeVisit(int(by_id[1]), delete=True)
        if word in V.NOTES_WORDS:
            return c.ChangeVisit(int(by_id[1]), notes=text)
        return c.ParseError("visit", "word", by_id[2])
    seen = view(rest)
    if (second := clauses.second_command(rest, seen)) is not None:
        whole = parse_visit(rest[:second].rstrip(), today)
        if isinstance(whole, c.LogVisit) and not whole.unsplit:  # the second part kept as notes
            whole = replace(whole, notes=f"{whole.notes} {rest[second:].strip()}".strip())
        return _two_commands("visit", rest, second,
                             whole if isinstance(whole, c.LogVisit) and not whole.unsplit else None)
    found = clauses.follow_ups(rest, seen, today)
    if isinstance(found, clauses.Unread) and found.typo:  # `folow up fri`: offered as meant
        word = "跟进" if _CJK.search(found.text) else "follow up"
        return c.ParseError("visit", "follow_up_typo", found.text, rest.replace(found.text, word, 1))
    if isinstance(found, clauses.Unread) and _FOLLOW_WORD.fullmatch(found.text):  # no day at all
        return c.ParseError("visit", "follow_up_day", found.text)
    if isinstance(found, clauses.Unread):
        return c.ParseError("visit", "date", found.text)
    if len({f.day for f in found}) > 1:
        return c.ParseError("visit", "two_dates", " · ".join(rest[f.start:f.end] for f in found))
    follow_up = found[0].day if found else None
    detail = "; ".join(f.detail for f in found if f.detail and not _THEIRS.match(view(f.detail)))
    said = "; ".join(f.detail for f in found if f.detail and _THEIRS.match(view(f.detail)))
    text = clauses.without(rest, [(f.start, f.end) for f in found]) if found else rest.strip()
    if said:  # `跟进12月18日 对方要求再降价`: what the customer said is notes, not our next step
        text = f"{text}; {said}" if _VISIT_SEP.search(view(text)) else f"{text}: {said}"
    customer, body = _head_and_body(text, _VISIT_SEP)
    customer = SYMBOLS.sub(" ", customer)  # `visit Globex 👍`: an emoji is no part of a name
    if not customer.strip():
        return c.ParseError("visit")
    first, _, more = customer.strip().partition(" ")
    if body and more and _CJK.search(first) and _CJK.search(more) \
            and not re.match(r"(?:[和与及、&+/]|and\b)", more, re.I):  # `拜访 京東 聊了續費，…`: Chinese
        customer, body = first, f"{more}，{body}"  # names have no spaces; the rest is notes
    if not body and " " in customer.strip():  # no separator: which words are the customer?
        first, _, notes = customer.strip().partition(" ")
        if _CJK.search(first):  # Chinese names have no spaces: `拜访 华为 见了客户`
            customer, body = first, notes
        else:
            return c.LogVisit(customer.strip(), next_step=detail, follow_up=follow_up, unsplit=True)
    command = _visit_body(customer, body, today)
    if isinstance(command, c.LogVisit):
        mark = _VISIT_SEP.search(view(text))
        command = replace(command, follow_up=command.follow_up or follow_up,
                          next_step=command.next_step or detail,
                          comma=bool(mark and mark[0].strip() in (",", "，")))
        if command.follow_up is None and (deadline := _deadline(body, today) or _day_in_notes(body, today)):
            said, day = deadline  # `send proposal by wed` · `下周三再联系`: a follow-up, or notes?
            options = [("as_follow_up", "", replace(command, follow_up=day))]
            other = _day_in_notes(body.replace(said, " " * len(said), 1), today)
            if other and other[1] != day:  # `下周五之前发过去，周四提醒我`: two days, which one?
                said = f"{said.strip()} · {other[0].strip()}"
                word = "；跟进" if _CJK.search(rest) else "; follow up"
                options = [("as_follow_up", f"{rest.rstrip()}{word} {d.isoformat()}",
                            replace(command, follow_up=d)) for d in (day, other[1])]
            return c.ParseError("visit", "deadline_in_notes", said.strip(),
                                options=(*options, ("as_notes", "", command)))
        if command.follow_up is None and (again := _CALL_AGAIN.search(view(body))):
            return c.ParseError("visit", "call_again_no_day", body[again.start():again.end()],
                                options=(("as_notes", "", command),))  # `月中再约`: when?
    return command


#: What a rep writes for a next contact without the word follow-up (`再联系`, `remind me`, `call back`)
_CALL_AGAIN = re.compile(r"再(?:联系|打电话|打个电话|约|跟|聊|沟通|拜访|去|见)|回电|"
                         r"(?<![A-Za-z])(?:remind me|call (?:them |him |her )?back|check back|check in|"
                         r"ping (?:them|him|her)|touch base|circle back|reach out)(?![A-Za-z])", re.I)


def _day_in_notes(notes: str, today: dt.date) -> tuple[str, dt.date] | None:
    """A day still to come in a visit's notes (`下周三再联系`, `remind me tue`, `call back next
    week`): a follow-up meant, or only notes? (A day gone by, `met on 12/1`, is notes.)"""
    from handlers.grammar.spans import date_in

    found = date_in(notes, today)
    return found if found and found[1] > today else None


_BY_DAY = re.compile(r"(?<![A-Za-z])(?:by|before|due|until)\s+", re.I)
_ZH_BEFORE = re.compile(r"(?:之前|以前|前)")


def _deadline(notes: str, today: dt.date) -> tuple[str, dt.date] | None:
    """A day something is due by in a visit's notes (`send proposal by wed`, `下周五前发方案`):
    (the words, the day), or None."""
    seen = view(notes)
    for by in _BY_DAY.finditer(seen):
        words = seen[by.end():].split()
        for size in (3, 2, 1):
            if len(words) >= size and (day := parse_date(" ".join(words[:size]).rstrip(".,，。;"), today)):
                return notes[by.start():by.end() + len(" ".join(words[:size]))].rstrip(".,，。;"), day
    for before in _ZH_BEFORE.finditer(seen):
        for size in range(min(8, before.start()), 1, -1):
            if day := parse_date(seen[before.start() - size:before.start()], today):
                return notes[before.start() - size:before.end()], day
    return None


def parse_visits(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`visits [CUSTOMER]` · `拜访记录 [客户]`."""
    name = rest.strip(" :")
    return c.ListVisits(name or None) if len(name) <= 200 else c.ParseError("visits")


def _two_commands(topic: str, rest: str, second: int, first_command=None) -> c.ParseError:
    """A second command inside one line (`visit Globex: demo done. deal Globex negotiation 90k`):
    asked, offering both as two lines (each runs), or, where `first_command` is given, the
    whole of it as that command (the second part kept in its text)."""
    first, other = rest[:clauses.filler_before(rest, second)].rstrip(" ,，"), rest[second:].strip()
    options = [("both", f"{first}\n{other}", None)]
    if first_command is not None:
        options.append(("as_one", "", first_command))
    return c.ParseError(topic, "two_commands", other, options=tuple(options))


def _visit_body(customer: str, body: str, _today: dt.date) -> c.Command | c.ParseError:
    notes, next_step, outcome = [], "", ""
    for segment in filter(None, (s.strip() for s in re.split("[;；]", body))):
        if match := _NEXT_STEP.match(fold(segment)):
            next_step = segment[match.start(1):]
        elif match := _OUTCOME.match(fold(segment)):
            outcome = segment[match.start(1):]
        else:
            notes.append(segment)
    return c.LogVisit(customer.strip(), "; ".join(n for n in notes if n), next_step, outcome)


def _deal_ref(tokens: list[tuple[str, bool]]) -> c.DealRef:
    """Read a c.DealRef from tokens: `#12`, a quoted title, and the customer's words. A quoted
    first word is the customer (`deal "Big 4 Ltd" "ERP"`: names with numbers go in quotes)."""
    deal_id, title, words = None, None, []
    for i, (word, quoted) in enumerate(tokens):
        if quoted and i == 0 and word.strip():
            words.append(word.strip())
        elif quoted:
            title = word.strip() or None
        elif re.fullmatch(r"#\d{1,9}", word):
            deal_id = int(word[1:])
        else:
            words.append(word)
    return c.DealRef(deal_id, tuple(words), title)


_CLOSED_HOW = ("won", "lost")
#: A deal's win or loss said in a sentence's words (`商机 海尔 ERP 赢了 52万`): the stage, never a title
_CLOSE_SAID = {"赢了": "won", "输了": "lost", "丢了": "lost"}
_WON_SAID = ("won", "赢单", "赢了", "成交", "签约", "已签约")
#: A deal won or lost with its reason after a colon (`deal #5 closed lost: customer went dark`).
_CLOSED_WITH_REASON = re.compile(r"^(?P<deal>[^:]*?\S)\s+(?:closed[\s_-]?)?"
                                 r"(?P<how>won|lost|赢单|输单|赢了|输了|丢单|丢了|成交|签约|已签约)"
                                 r"(?P<amount>\s+[^\s:]+)?\s*:\s*(?P<why>\S.*)$", re.I | re.DOTALL)
#: A token that starts like an amount but is none (`50kk`, `1.2mm`, `5wan`): never part of a name.
_AMOUNTISH = re.compile(r"^[$¥]?\d[\d,.]*(?:[a-z]{1,6}|[千万亿元块]{1,3})$", re.IGNORECASE)


def parse_deal(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`CUSTOMER ["TITLE"] [STAGE] [AMOUNT [CURRENCY]] [close DATE]`: every word is read as one of
    these, or the message is refused saying which word (with the likely word offered)."""
    rest = unglue(rest)  # `#11商务谈判` is `#11 商务谈判`
    if closing := _CLOSED_WITH_REASON.match(view(rest)):  # `deal #5 closed lost: went dark`
        amount = rest[closing.start("amount"):closing.end("amount")] if closing["amount"] else ""
        return closing_parser(closing["how"].lower() in _WON_SAID)(
            f"{rest[:closing.end('deal')]}{amount}: {rest[closing.start('why'):]}", today)
    tokens = [(w if q else w.rstrip(",，;；"), q) for w, q in tokens_of(rest)]  # `proposal 90k, close …`
    tokens = [(w, q) for w, q in tokens if q or (w and w not in ("→", "->", "=>", "➡"))]  # `ERP → proposal`
    if len(tokens) == 2 and re.fullmatch(r"#\d{1,9}", tokens[0][0]) \
            and tokens[1][0].lower() in V.HISTORY_WORDS:  # `deal #46 history`
        return c.ShowDealHistory(int(tokens[0][0][1:]))
    if len(tokens) == 2 and re.fullmatch(r"#\d{1,9}", tokens[0][0]) \
            and tokens[1][0].lower() in V.DELETE_WORDS | V.REOPEN_WORDS:  # `deal #46 delete`
        action = "delete" if tokens[1][0].lower() in V.DELETE_WORDS else "reopen"
        return c.ChangeDeal(int(tokens[0][0][1:]), action)
    stage = amount = close = None
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
                fixed = _swap(_swap(rest, word, "closed"), tokens[i + 1][0],
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
        elif amount is None and (money := parse_amount(word)):
            amount = money
        elif amount is not None and parse_amount(word) and parse_amount(tokens[0][0]) == amount \
                and not tokens[0][1]:  # `deal 3M "ERP" 50k`: the first word was a name
            first = tokens[0][0]
            return c.ParseError("deal", "quote_name", first, _swap(rest, first, f'"{first}"'))
        elif amount is not None and lower in V.CURRENCY_WORDS and tokens[i - 1][0] != "" \
                and parse_amount(tokens[i - 1][0]) == amount:
            if amount.currency not in (None, V.CURRENCY_WORDS[lower]):
                return c.ParseError("deal", "amount", f"{tokens[i - 1][0]} {word}")
            amount, switch = replace(amount, currency=V.CURRENCY_WORDS[lower]), len(lower) > 1
        elif close is None and fields_read and clauses.DATE_LIKE.search(view(word)) \
                and (bare := _date_at(tokens, i, today))[0]:  # `商务谈判 3.5万 月底`: the close day
            close, i = bare[0], i + bare[1]
            continue
        elif error := _misread(word, rest, "deal", stage is None, fields_read):
            return error
        else:
            kept.append((word, quoted))
        i += 1
    ref = _deal_ref(kept)
    customer = None
    if ref.deal_id is not None and ref.words:  # `deal #46 customer Globex`, else a stray word
        if ref.words[0].lower() not in V.CUSTOMER_WORDS or len(ref.words) < 2:
            return c.ParseError("deal", "word", ref.words[0])
        customer, ref = " ".join(ref.words[1:]), replace(ref, words=())
    if not ref.words and ref.deal_id is None:
        first = tokens[0][0] if tokens and not tokens[0][1] else ""
        if parse_amount(first):  # `deal 3M proposal`: the only word that can be a name is a number
            return c.ParseError("deal", "quote_name", first, _swap(rest, first, f'"{first}"'))
        return c.ParseError("deal")
    if stage in ("won", "lost") and customer is None:
        return c.CloseDeal(ref, stage == "won", amount, switch_currency=switch)
    if stage in ("won", "lost"):
        return c.ParseError("deal")
    return c.UpsertDeal(ref, stage, amount, close, customer, switch_currency=switch)


def _glued_close(word: str, today: dt.date) -> dt.date | None:
    """The close day of a Chinese close word glued to its date (`预计12月31日`), or None."""
    seen = view(word)
    for close_word in ("预计成交", "成交日期", "预计"):
        if seen.startswith(close_word) and len(seen) > len(close_word):
            return parse_date(seen[len(close_word):], today)
    return None


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


def _misread(word: str, rest: str, topic: str, stage_free: bool, fields_read: bool) -> c.ParseError | None:
    """Why `word` cannot be part of a customer's name or title here, or None when it can: a
    misspelt stage (offered corrected), an amount that is none, or a word after the stage,
    amount or date, where only those may come."""
    lower = word.lower()
    near = V.near_word(lower, V.STAGE_WORDS) if stage_free else None
    if near:
        return c.ParseError(topic, "stage_typo", word, _swap(rest, word, near))
    if _AMOUNTISH.match(word) or (lower in V.CURRENCY_WORDS and fields_read):
        return c.ParseError(topic, "amount", word)
    if fields_read:
        return c.ParseError(topic, "word", word)
    return None


def _swap(text: str, word: str, by: str) -> str:
    return re.sub(rf"(?<!\S){re.escape(word)}(?!\S)", by, text, count=1)


def _date_at(tokens, i, today) -> tuple[dt.date | None, int]:
    """The date starting at tokens[i], the longest first (`end of month`, `next Tue`, `12/20`)."""
    for used in (3, 2, 1):
        if i + used <= len(tokens):
            day = parse_date(" ".join(w for w, _ in tokens[i:i + used]), today)
            if day is not None:
                return day, used
    return None, 0


#: Between a won/lost deal and its reason: `:` `;` `,` `，` `。` `!` ` - ` `—`, a full stop
#: before a space, or a new line (`won Acme - beat them on price`, `输单 海尔，价格太高`).
_REASON_SEP = re.compile(r"\s*(?:[:;。]|" + _COMMA + r"|!+|\.(?=\s)|\s[-–—]\s|—|\n)\s*")


def closing_parser(won: bool):
    """The parser of `won …` or `lost …`. A follow-up clause in the reason (`; follow up fri`)
    is no reason: asked about, offering the win and a task for the follow-up."""
    topic = "won" if won else "lost"

    def parse_close(rest: str, today: dt.date) -> c.Command | c.ParseError:
        head, reason = _head_and_body(rest, _REASON_SEP)
        head = SYMBOLS.sub(" ", head).rstrip("!.。 ")  # `won #7 🎉`
        amount, kept, switch = None, [], False
        for word, quoted in tokens_of(head):
            plain = view(word)
            if not quoted and amount is None and (money := parse_amount(plain)):
                amount = money
            elif not quoted and amount is not None and plain.lower() in V.CURRENCY_WORDS:
                switch = len(plain) > 1 and amount.currency in (None, V.CURRENCY_WORDS[plain.lower()])
                amount = replace(amount, currency=amount.currency or V.CURRENCY_WORDS[plain.lower()])
            elif not quoted and (error := _misread(plain, rest, topic, False, amount is not None)):
                if error.problem == "word" and (at := rest.find(word)) > 0:  # `won Acme 48k beat …`
                    error = replace(error, problem="reason_colon", detail=rest[at:].strip(),
                                    fixed=f"{rest[:at].rstrip()}: {rest[at:]}")
                return error
            else:
                kept.append((word, quoted))
        ref = _deal_ref(kept)
        if not ref.words and ref.deal_id is None:
            return c.ParseError(topic)
        if ref.words and ref.deal_id is not None:  # `won #12 Acme`: the number says which deal
            return c.ParseError(topic, "word", ref.words[0])
        reason = reason.strip()
        command = c.CloseDeal(ref, won, amount, reason, switch_currency=switch)
        seen = view(reason)
        if (second := clauses.second_command(reason, seen)) is not None:
            start = len(rest) - len(reason)
            return _two_commands(topic, rest, start + second, None)
        found = clauses.follow_ups(reason, seen, today)
        if not found and (dated := _day_in_notes(reason, today)):  # `…；下周一约他们吃饭`: no reason
            found = [_clause_around(reason, *dated)]
        if isinstance(found, clauses.Unread) or found:
            return _follow_up_in_reason(topic, rest, reason, command, found)
        if won and amount is None and (money := _amount_in(reason)):  # `won Acme: 48k, beat them`
            word, value = money
            moved = replace(command, amount=value, reason=" ".join(reason.replace(word, "", 1).split())
                            .strip(" ,，;；"))
            return c.ParseError(topic, "amount_in_reason", word, options=(
                ("amount_moved", "", moved), ("as_reason", "", command)))
        return command
    return parse_close


_MONEYISH = re.compile(r"\d[kmw千万亿元块]|[$¥€£]\d|\d{4,}|\d,\d{3}", re.IGNORECASE)


def _amount_in(text: str):
    """(the word, its amount) of the first amount in free text (`48k`, `4.8万`), or None."""
    for word in re.split(r"[\s,，;；:：。!！]+", text):
        if word and _MONEYISH.search(word) and (money := parse_amount(view(word))):
            return word, money  # `48k`, `4.8万`, `$5000`, `50,000`: not `top 3`
    return None


def _clause_around(text: str, said: str, day: dt.date) -> clauses.FollowUp:
    """The clause of `text` holding the day `said` (between clause ends), as a follow-up whose
    detail is the rest of the clause (`下周一约他们吃饭` → 约他们吃饭)."""
    at = text.find(said)
    before = [m.end() for m in clauses.CLAUSE_END.finditer(text, 0, at)]
    start = before[-1] if before else 0
    after = clauses.CLAUSE_END.search(text, at + len(said))
    end = after.start() if after else len(text)
    detail = " ".join(f"{text[start:at]} {text[at + len(said):end]}".split())
    detail = re.sub(r"\s+(?:on|by|at|before|in|在|于)$", "", detail, flags=re.I)  # `kickoff on`
    return clauses.FollowUp(day, start, end, detail)


def _follow_up_in_reason(topic: str, rest: str, reason: str, command: c.CloseDeal,
                         found) -> c.ParseError:
    """`won #5 80k: beat SAP on price; follow up fri`: the follow-up is no reason. Offered: the
    deal closed with the rest as its reason and a task for the follow-up (two lines), or the
    whole as the reason, word for word."""
    as_typed = ("as_reason", "", command)
    if isinstance(found, clauses.Unread):
        return c.ParseError(topic, "follow_up_in_reason", found.text, options=(as_typed,))
    clause = found[0]
    shorter = clauses.without(reason, [(clause.start, clause.end)])
    head = rest[:len(rest) - len(reason)].rstrip()
    space = "" if head.endswith(("：", "，", "；")) else " "
    closed = f"{head}{space}{shorter}" if shorter else head.rstrip(":：;；,， -")
    zh = bool(_CJK.search(rest))
    what = clause.detail or ("跟进" if zh else "follow up")
    ref, day = command.ref, clause.day.isoformat()
    customer = ref.words[0] if zh and _CJK.search(ref.words[0] if ref.words else "") \
        else " ".join(ref.words)  # `腾讯 私有云`: a Chinese name ends at its space, a title follows
    if zh:
        about = f"商机 #{ref.deal_id}" if ref.deal_id else f"客户 {customer}："
        task = f"\n任务 {about} {day}前{what}"
    else:
        about = f"deal #{ref.deal_id}" if ref.deal_id else f"customer {customer}:"
        task = f"\ntask {about} {what} by {day}"
    return c.ParseError(topic, "follow_up_in_reason", reason[clause.start:clause.end].strip(), options=(
        ("close_and_task", f"{closed}{task}", None), as_typed))


def parse_done(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`done 3 4` (follow-ups of visits #3 and #4) · `done task 7` · `完成 任务 7`."""
    words = rest.split(maxsplit=1)
    task = bool(words) and words[0].lower() in V.TASK_WORDS
    ids = [w.lstrip("#") for w in _LIST_SEP.split(words[1] if task and len(words) > 1 else
                                                  "" if task else rest.strip()) if w]
    if not ids or not all(i.isdigit() and len(i) < 10 for i in ids):
        return c.ParseError("done")
    return (c.DoneTask if task else c.DoneFollowups)(tuple(int(i) for i in ids))


_TIER_EN = re.compile(r"^tiers?\s+([abc])\s+(?:every\s+)?(\d{1,3})\s*(?:days?|d|(weeks?|wks?|w))?"
                      r"(?:\s+(?:team\s+)?(.+))?$", re.I)
_TIER_ZH = re.compile(r"^(?:回访周期\s*)?([abc])类?\s*每?\s*(\d{1,3})\s*(?:天|(个?星期|周))(?:回访一次|回访)?"
                      r"(?:\s+(?:团队\s*)?(.+))?$", re.I)


def parse_tier(text: str, _today: dt.date) -> c.Command | c.ParseError:
    """The whole message: `tier A every 7 days [East]` · `A类 每7天回访` · `回访周期 A类 7天`."""
    found = _TIER_EN.match(text) or _TIER_ZH.match(text)
    if not found:
        return c.ParseError("tier")
    days = int(found[2]) * (7 if found[3] else 1)  # `every 3 weeks` is 21 days
    if not 0 < days <= 999:
        return c.ParseError("tier")
    return c.SetTierRhythm(found[1].upper(), days, found[4])


def parse_tip(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`tip TOPIC: lesson` keeps one; `tips [words]` · `经验 [词]` (no colon) finds them. A lesson
    without a separator (`tip always bundle support when pricing`) or with only a comma is asked:
    kept, or found? The offer to keep it keeps every word in the tip."""
    topic, body = _head_and_body(rest, _TIP_SEP)
    words = " ".join(rest.split())
    comma = re.search(r"\s*[,，]\s*", rest) if not body.strip() else None
    if comma and rest[comma.end():].strip():  # `tip pricing, bundle …`: keep or find?
        head = rest[:comma.start()].strip()
        kept = f"{head}: {rest[comma.end():].strip()}" if _short_topic(head) else _general(words)
        return _tip_or_search(head if _short_topic(head) else "", kept, words)
    if not body.strip() and _a_lesson(words):  # a sentence is no search: keep or find?
        return _tip_or_search("", _general(words), words)
    if not body.strip():
        return c.FindTips(words[:100])
    if not topic.strip() or len(topic) > 100 or len(body) > 2000:
        return c.ParseError("tip")
    return c.AddTip(topic.strip(), body.strip())


def _short_topic(head: str) -> bool:
    """A topic a tip is kept under (`pricing`, `competitor X`, `报价`), not a sentence."""
    return len(head.split()) <= 2 and len(head) <= 30 and len(_CJK.findall(head)) <= 6


def _a_lesson(words: str) -> bool:
    """Words that say a lesson rather than what to look for: four words or more, or a Chinese
    sentence of eight characters or more (`报价时一定要捆绑服务`)."""
    return len(words.split()) >= 4 or len(_CJK.findall(words)) >= 8


def _general(words: str) -> str:
    """A tip under the general topic, with every word of the message in it."""
    return f"{'其他' if _CJK.search(words) else 'general'}: {words}"


def _tip_or_search(topic: str, kept: str, words: str) -> c.ParseError:
    return c.ParseError("tip", "tip_or_search" if topic else "lesson_or_search", topic, options=(
        ("keep_tip", kept, None), ("find_tips", "", c.FindTips(words[:100]))))


_TIP_SEP = re.compile(r"\s*(?:[:：;；。]|\.(?=\s)|\s[-–—]\s|—)\s*")  # `tip pricing - always bundle support`


def parse_like(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`like tip 3` · `赞 经验 3` (also `like #3`)."""
    found = re.fullmatch(r"(?:(?:tip|tips|经验)\s*)?#?(\d{1,9})", rest.strip(), re.I)
    return c.LikeTip(int(found[1])) if found else c.ParseError("like")


def parse_contest(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`contest METRIC FIRST-LAST [TEAM]` · `竞赛 指标 起-止 [团队]`; alone: the standings."""
    words = rest.split()
    if not words:
        return c.ShowContest()
    metric = V.METRIC_WORDS.get(words[0].lower())
    if metric and len(words) == 1:
        return c.ShowContest(metric)
    span = parse_date_range(words[1], today) if metric and len(words) > 1 else None
    if span is None:
        return c.ParseError("contest")
    return c.StartContest(metric, span[0], span[1], " ".join(words[2:]) or None)


def parse_due(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`due visits [team]` · `待回访 [团队]`."""
    words = [w for w in rest.lower().split() if w not in ("visits", "visit")]
    if words and words != ["team"] and words != ["团队"]:
        return c.ParseError("due")
    return c.ShowDueVisits(team=bool(words))


_DUE_EN = re.compile(r"^(?P<title>.+?)\s+(?:by|due|before)\s+(?P<due>[^,;]+?)\s*$", re.I)
_DUE_ZH_FRONT = re.compile(r"^(?P<due>\S+?)(?:之前|以前|前)(?P<title>.+)$")
_DATE_LIKE = re.compile(r"\d|^(?:mon|tue|wed|thu|fri|sat|sun|next|this|tom|tod|end|"
                        r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_DAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow",
              "today", "january", "february", "march", "april", "june", "july", "august", "september",
              "october", "november", "december")


def _date_meant(text: str) -> bool:
    """Whether what follows `by` was meant as a day: digits, a day's or month's word, or a typo
    of one (`Tomorow`, `Fir` for `Fri`)."""
    first = text.split()[0].lower()
    return bool(_DATE_LIKE.search(text) or V.near_word(first, _DAY_WORDS)
                or (len(first) == 3 and any(sorted(first) == sorted(day[:3]) for day in _DAY_WORDS)))


_DUE_ZH_END = re.compile(r"^(?P<title>.+?)[，,\s]*(?:截止|期限)[:：]?\s*(?P<due>\S+)$")


_AND = {"and", "&", "和", "与", "及", "、", ",", "，", "+"}


def parse_task(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`task [@who] [deal #46 | customer NAME:] what [by DAY | DAY]` · `任务 [@谁] [DAY前]做什么`;
    `tasks` / `任务` alone: the list; `tasks @ana`: Ana's. Several people (`task @ana and @bo …`)
    are asked about, offering one task each."""
    words = rest.split()
    if not words or (len(words) == 1 and words[0].lower() in ("team", "团队", "mine", "我的")):
        return c.ListTasks()
    if len(words) == 1 and words[0].startswith("@") and len(words[0]) > 1:  # `tasks @ana`
        return c.ListTasks(words[0][1:])
    if re.fullmatch(r"#?\d{1,9}", words[0]) and len(words) == 2 and words[1].lower() in V.DELETE_WORDS:
        number = words[0].lstrip("#")  # `task 6 delete`: no task titled "6 delete"
        done = "完成 任务" if _CJK.search(rest) else "done task"
        return c.ParseError("task", "task_delete", number,
                            options=(("done_task", f"\n{done} {number}", None),))
    people = [w for w in words if w.startswith("@") and len(w) > 1]
    if len(people) > 1:
        return _task_each(words, people)
    assignee = words.pop(0)[1:] if words[0].startswith("@") and len(words[0]) > 1 else None
    if words and _CJK.search(words[0]) and "#" in words[0]:  # `商机#51 下周一前…` is `商机 #51 …`
        words[:1] = unglue(words[0]).split()
    deal_id = customer = None
    if len(words) > 1 and words[0].lower() in V.DEAL_WORDS and re.fullmatch(r"#?\d{1,9}", words[1]):
        deal_id, words = int(words[1].lstrip("#")), words[2:]
    elif words and re.fullmatch(r"#\d{1,9}", words[0]):
        deal_id, words = int(words[0][1:]), words[1:]
    elif words and words[0].lower() in V.CUSTOMER_WORDS:
        customer, body = _head_and_body(" ".join(words[1:]))
        if not customer or not body:
            return c.ParseError("task")
        words = body.split()
    text, due = " ".join(words), None
    seen = view(text)  # matched in one script, cut from the text as typed
    for pattern in (_DUE_EN, _DUE_ZH_FRONT, _DUE_ZH_END):
        found = pattern.match(seen)
        day = found and parse_date(found["due"], today)
        if day:
            text, due = text[found.start("title"):found.end("title")].strip(" ，,"), day
            break
        if found and pattern is _DUE_EN and _date_meant(found["due"]):
            return c.ParseError("task")  # `by 11/31`, `by Fir`: a day meant, none read; asked
    if due is None:  # `task call Globex CFO tmrw` · `任务 明天给华为发报价`
        text, due = _bare_due(text, today)
    if not text or len(text) > 2000:
        return c.ParseError("task")
    return c.AddTask(text, assignee, due, deal_id, customer)


_TIME = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}"
                   r"|(?:上午|下午|晚上|早上)?\d{1,2}点(?:半|\d{1,2}分?)?", re.I)


def _bare_due(text: str, today: dt.date) -> tuple[str, dt.date | None]:
    """A day at the end (`… tmrw`, `… next Tue`) or, in Chinese, at the start (`明天给华为…`)."""
    words = text.split()
    for size in (1, 2):  # `… tmrw 10am` · `… tmrw at 10 am`: the day, the time kept in the title
        if len(words) > size + 1 and _TIME.fullmatch(view(" ".join(words[-size:]))):
            head = words[:-size]
            at = head[-1:] if len(head) > 2 and head[-1].lower() in ("at", "@", "around") else []
            title, day = _bare_due(" ".join(head[:len(head) - len(at)]), today)
            if day is not None:
                return f"{title} {' '.join(at + words[-size:])}", day
    last = view(words[-1]) if len(words) > 1 else ""
    for before in ("之前", "以前", "前"):  # `准备季度汇报 周五前`: the day it is due by, at the end
        if last.endswith(before) and (day := parse_date(last[:-len(before)], today)):
            return " ".join(words[:-1]), day
    for size in (3, 2, 1):
        if len(words) > size and (day := parse_date(" ".join(words[-size:]), today)):
            title = words[:-size]
            if len(title) > 1 and title[-1].lower() in ("on", "by", "at", "before", "due", "until"):
                title = title[:-1]  # `call Globex on monday`
            return " ".join(title), day
    seen = view(text)
    if _CJK.search(seen[:1]):
        for size in range(min(8, len(seen) - 1), 1, -1):
            if (_CJK.search(seen[size:size + 1]) or seen[size:size + 1] == " ") \
                    and (day := parse_date(seen[:size], today)):  # `明天给华为…` · `明天 call 华为`
                return text[size:].lstrip(" ，,").removeprefix("前").lstrip(), day
    return text, None


def _task_each(words: list[str], people: list[str]) -> c.ParseError:
    """`task @ana and @bo prep the QBR deck`: one task each, offered as one line per person."""
    rest = [w for w in words if w not in people and w.lower() not in _AND]
    keyword = "任务" if _CJK.search(" ".join(words)) else "task"
    lines = "\n".join(f"{keyword} {person} {' '.join(rest)}" for person in people)
    return c.ParseError("task", "task_people", " ".join(people), options=(("one_each", f"\n{lines}", None),))


def parse_reassign(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    words = [w for w in rest.split() if w.lower() not in ("to", "给", "->", "→")]
    if len(words) == 2 and all(w.startswith("@") and len(w) > 1 for w in words):
        return c.Reassign(words[0][1:], words[1][1:])
    return c.ParseError("reassign")


def parse_snooze(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`snooze 46 next week` · `推迟 #46 下周`."""
    match = re.match(r"^#?(\d{1,9})\s+(?:(?:to|until|till|到|至)\s*)?(.+)$", rest.strip(), re.I)
    if match is None:
        return c.ParseError("snooze")
    day = parse_date(match[2], today)
    if day is None:
        return c.ParseError("snooze", "date", match[2])
    return c.SnoozeFollowup(int(match[1]), day)


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
    words = [w for w in re.split(r"[\s:;,，；、]+", unglue(rest)) if w]  # `客户 华为：A类` · `客户华为A类`
    tier = lifecycle = None
    kept = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in ("tier", "等级", "级别") and i + 1 < len(words) and V.tier_of(words[i + 1]):
            continue
        if i > 0 and tier is None and (found := V.tier_of(view(word))):  # `A類`
            tier = found
        elif i > 0 and lifecycle is None and lower in V.LIFECYCLE_WORDS:
            lifecycle = V.LIFECYCLE_WORDS[lower]
        else:
            kept.append(word)
    if not kept:
        return c.ParseError("customer")
    return c.SetCustomer(" ".join(kept), tier, lifecycle)


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
             for w in ([word] if quoted else [x for x in _LIST_SEP.split(word) if x])]
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
    mention = next((i for i, w in enumerate(words) if w.startswith("@")), None)
    if verb in ("add", "remove") and mention and mention >= 2 and all(
            w.startswith("@") for w in words[mention:]):
        return c.ChangeTeam(" ".join(words[1:mention]), tuple(w[1:] for w in words[mention:]),
                            add=verb == "add")
    return c.ParseError("team")


def parse_role(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    if len(words) == 2 and words[0].startswith("@") and words[1].lower() in V.ROLE_WORDS:
        return c.SetRole(words[0][1:], V.ROLE_WORDS[words[1].lower()])
    return c.ParseError("role")


def parse_leave(rest: str, today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    member = words.pop(0)[1:] if words and words[0].startswith("@") and len(words[0]) > 1 else None
    cancel = bool(words) and words[0].lower() in V.CANCEL_WORDS
    rest = " ".join(words[1:] if cancel else words)
    if not rest.strip():
        return c.ParseError("leave") if cancel else c.TakeLeave(member=member)  # the listing
    days = parse_date_range(rest, today)
    if days is not None and (member or cancel):
        return c.TakeLeave(*days, member=member, cancel=cancel)
    if days is None and rest.strip() and is_reversed_range(rest, today):
        return c.ParseError("leave", "reversed", rest.strip())
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


_RATE_FROM = re.compile(r"\s+(?:(?:from|since)\b|自|从)\s*(?=\S)", re.I)
#: a month, quarter or year without a day's number (`from next month`) is a question, not a day
_RATE_NOT_A_DAY = re.compile(r"^\D*(?:month|quarter|year|月|季|年)\D*$", re.I)


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MOBILE = re.compile(r"\+?[\d\- ]{7,20}")


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
