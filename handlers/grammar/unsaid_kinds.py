"""What a message without a command word says happened to a known customer, when it is no visit:
a win (`格力签了！！3.5万 🎉`), a loss (`海尔那单黄了`), a change to its deal (`华为POC那单 日期改到
下周五`, `…的单子 金额改成10万`), a question about its deal (`华为那单到哪一步了`), a contact still to
come (`节后再联系一下海尔`), a task done (`华为的报价已经发了`), or visits to two customers
(`今天去了华为和海尔`; each with its own next step: `… ⏎ 华为下周二演示 腾达月中回访`, one visit and
follow-up each; in English too, and after the visit's own word: `visited Globex and Initech today.
Globex demo next tue, Initech follow up fri`, handlers/lookup.py). A win or loss where two
customers fit (`签了！腾达6万`: 腾达科技 or 腾达物流) asks which. Each is offered as that command
(or a question answered at once), never as a visit: a visit offered where the words say something
else happened would count a visit that never was.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import close_slipped
from handlers.grammar import commands as c
from handlers.grammar.amounts import parse_amount
from handlers.grammar.closed_words import LOST as _LOST
from handlers.grammar.closed_words import WON as _WON
from handlers.grammar.closed_words import close_parts, closed_offer, rival, won_in
from handlers.grammar.field_said import field_change
from handlers.grammar.money_said import amounts_said
from handlers.grammar.normal import name_fold, simplified
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern
from handlers.grammar.vocabulary import AMOUNT_LABEL_EN
from storage.deals_found import open_deals_of_customer_named
from storage.tasks import open_tasks_with_customer_names

_CJK = pattern(r"[\u3400-\u9fff]")
_EN = r"(?<![A-Za-z])(?:{})(?![A-Za-z])"
_CHANGE = pattern(rf"(?:金额|日期|预计|成交日|{AMOUNT_LABEL_EN}|close|date)\s*"
                  r"(?:改成|改到|改为|调到|调成|推到|to)\s*(\S.*)$"
                  r"|(?:改成|改到|改为|推到)\s*(\S.*)$", re.I)
_DEAL_WORD = pattern(r"那单|这单|单子|项目|商机|POC|" + _EN.format("deal|opp|opportunity"), re.I)
_ASKED = pattern(r"到哪一?步|什么阶段|进展(?:如何|怎样|怎么样)?|(?:怎么|咋)样了?\s*$|(?:怎么|咋)样了|状态|"
                 r"(?:啥|什么)情况|如何了|[?？]\s*$|"
                 + _EN.format("status|where are we|how is|how'?s|hows|any update|any news|update on"), re.I)
_DONE = pattern(r"已经?.{0,6}?(?:发|交|给|完成|做完|搞定)[^，,。；;]{0,8}?了"
                r"|已经?.{0,6}?(?:完成|做完|搞定)"
                r"|发过去了|搞定了|做完了|"
                + _EN.format("sent|done|finished"), re.I)
_LATER = pattern(r"^\s*跟进|再(?:联系|约|去|跟进|拜访|聊|沟通|打电话)|回访|下次|打算|准备|计划|要去|"
                 + _EN.format("will|going to|plan to|planning to|planned|gonna|wanna|want to|intend to|"
                              "hoping to|scheduled|follow[\\s-]?up|fu|f/u"), re.I)
_PAST = pattern(r"去了|见了|拜访了|聊了|谈了|今天|昨天|刚才|刚刚|"
                + _EN.format("met|visited|went|today"), re.I)


def other_than_visit(session, tenant_id: int, text: str, found: list[str], chinese: bool,
                     today: dt.date, member_id: int | None = None) -> c.ParseError | c.Command | None:
    """The question (or the read-only command) for a message naming known customers `found` whose
    words say something other than one visit happened; None where a visit is what they say. A win
    or loss offers the open deals of `member_id` (handlers/grammar/closed_words.py)."""
    said = " ".join(text.split())
    seen = simplified(normalize(said))
    if len(found) > 1 and (_WON.search(seen) or _LOST.search(seen)):  # `被华为抢走了`: the competitor
        found = [name for name in found if not rival(said, name)] or found  # named, not the deal closed
    if len(found) == 2 and _PAST.search(seen) and not _LATER.search(seen):  # `今天去了华为和海尔`
        word = "拜访" if chinese else "visit"
        own = own_notes(said, found)  # `上午华为 聊了… 下午美的 …`: each visit its own notes (r29zh)
        both = "\n".join(f"{word} {name}{'：' if chinese else ': '}{notes}".rstrip(" ：:")
                         for name, notes in zip(found, own or [said, said], strict=True))
        return c.ParseError(None, "visits_unsaid", " · ".join(found),
                            options=(("as_visits_own" if own else "as_two_visits", both, None),))
    if len(found) > 1 and (_WON.search(seen) or _LOST.search(seen)):  # `签了！腾达6万`: 腾达科技 or 腾达物流?
        found = [name for name in found if _open_deals(session, tenant_id, name)] or found  # with a deal
    if len(found) > 1 and (_WON.search(seen) or _LOST.search(seen)):
        won = won_in(seen)  # `they signed w oracle, lost`: a loss, never a win
        money = next(iter(amounts_said(seen)), None) if won else None
        word = ("赢单" if chinese else "won") if won else ("输单" if chinese else "lost")
        colon = "：" if chinese else ": "
        reasons = [close_parts(said, name, won)[1] for name in found[:5]]  # each keeps the reason
        return c.ParseError(None, "closed_which", " · ".join(found[:5]), options=tuple(
            ("as_won" if won else "as_lost",
             f"{word} {name}{f' {money}' if money else ''}{colon + why if why else ''}", None)
            for name, why in zip(found[:5], reasons, strict=True)))
    if len(found) != 1:
        return None
    [name] = found
    deals = _open_deals(session, tenant_id, name)
    if _ASKED.search(seen) and _DEAL_WORD.search(seen):  # `华为那单到哪一步了`: answered with the deal
        if len(deals) == 1:
            return c.ShowDealHistory(deals[0])
        history = "商机 #{} 历史" if chinese else "deal #{} history"
        return c.ParseError(None, "deal_asked", name, options=tuple(
            ("as_deal_history", history.format(d), None) for d in deals[:5])) \
            if deals else c.ParseError(None, "customer_no_open_deal", name)
    if _WON.search(seen) or _LOST.search(seen):  # one tap per open deal the words may close
        return closed_offer(session, tenant_id, name, said, chinese, member_id, today)
    if (slipped := close_slipped.slipped(session, tenant_id, name, said, chinese, today, member_id)):
        return slipped  # `stark pilot slipping to feb`: its close day, one tap (r24)
    mine = [(deal_id, title) for deal_id, title, _stage in open_deals_of_customer_named(
        session, tenant_id, name, member_id)] if member_id is not None else []
    if (field := field_change(said, seen, name, mine, chinese, today)) is not None:
        return field  # `格力那单 概率改成70%`, `wayne erp close march`: that deal's change, never a visit
    if (change := _CHANGE.search(seen)) and _DEAL_WORD.search(seen[:change.start()]):
        value = (change.group(1) or change.group(2)).strip()
        words = said[len(said) - len(value):]
        deal = _deal_named(session, tenant_id, name, seen[:change.start()])  # `比亚迪储能那个单子`
        from handlers.grammar.reading import read

        head = f"{'商机' if chinese else 'deal'} {deal}"
        said_as = (f"{head} {words}", f"{head} {'预计' if chinese else 'close'} {words}")
        if not (parse_amount(value.split()[0]) is not None or re.match(r"(?:RMB|¥|\$)\s*\d", value)):
            said_as = said_as[::-1]  # `推到下个月`: the close day first
        command = next((line for line in said_as if not isinstance(read(line, today).command, c.ParseError)),
                       None)  # an offer that, answered, is understood (`15万 推近到方案`: not `预计 15万 …`)
        if command is None:
            return None
        return c.ParseError(None, "deal_change_unsaid", name, options=(("as_deal_change", command, None),))
    if _DONE.search(seen) and not _LATER.search(seen):
        tasks = _open_tasks(session, tenant_id, name)
        word = "完成 任务" if chinese else "done task"
        if tasks:
            return c.ParseError(None, "task_done_unsaid", name, options=tuple(
                ("as_done", f"{word} {task_id}", None) for task_id, _title in tasks[:5]))
    if _LATER.search(seen) and not _PAST.search(seen):  # `节后再联系一下海尔`: still to come
        return c.ParseError(None, "plan_unsaid", name,
                            options=(("as_task", f"任务 客户 {name}：{said}" if chinese  # its customer's
                                      else f"task customer {name}: {said}", None),))
    return None


def _open_deals(session, tenant_id: int, name: str) -> list[int]:
    return [deal_id for deal_id, _title, _stage in open_deals_of_customer_named(session, tenant_id, name)]


_THAT_DEAL = pattern(r"那个|这个|那单|这单|单子|项目|的|"
                     r"(?<![A-Za-z])(?:the|deal|opp|opportunity)(?![A-Za-z])", re.I)


def _deal_named(session, tenant_id: int, name: str, before: str) -> str:
    """How an offer names the deal said before its change (`比亚迪储能那个单子`): `#47`, the one open
    deal of `name` whose title has the words left (储能), else the name and those words."""
    hint = " ".join(_THAT_DEAL.sub(" ", before.replace(name, " ", 1)).split())
    if not hint:
        return name
    titled = [deal_id for deal_id, title, _stage in open_deals_of_customer_named(session, tenant_id, name)
              if name_fold(hint) in name_fold(title)]
    return f"#{titled[0]}" if len(titled) == 1 else f"{name} {hint}"


def _open_tasks(session, tenant_id: int, name: str) -> list[tuple[int, str]]:
    rows = open_tasks_with_customer_names(session, tenant_id)
    return [(task_id, title) for task_id, title, customer in rows if customer == name or name in title]


#: Where a message's clauses part: a new line, a comma or stop, or a space between two clauses
_CLAUSE = pattern(r"\s*[\n,，。；;!！]\s*|\s+")
#: English clauses end at punctuation, not at a space (`Globex demo next tue, Initech follow up fri`)
_CLAUSE_EN = pattern(r"\s*(?:[\n,，。；;!！：]|[.:](?=\s|$))\s*")


def visits_each(text: str, found: list[str], chinese: bool, today: dt.date,
                *, told: bool = False) -> c.ParseError | None:
    """`今天去了华为和腾讯 ⏎ 华为下周二演示 腾讯月中回访`: a visit to each customer named, each with
    its own clauses as notes and the day in them as its follow-up, asked as one line per visit;
    None unless a visit is told (in words, or `told` by the command word) and each customer has
    clauses of its own."""
    from handlers.grammar.normal import name_fold
    from handlers.grammar.spans import date_in

    said = " ".join(text.split())
    if len(found) < 2 or not (told or _PAST.search(simplified(normalize(said)))):
        return None
    if (_WON.search(simplified(normalize(said))) or _LOST.search(simplified(normalize(said)))) \
            and any(rival(said, name) for name in found):
        return None  # `比亚迪 lost, went with Globex`: a loss to a competitor, no visits
    own: dict[str, list[str]] = {name: [] for name in found}
    for clause in (part for part in (_CLAUSE if chinese else _CLAUSE_EN).split(text.strip()) if part):
        named = [name for name in found if _names(name_fold(clause), name_fold(name))]
        if len(named) == 1 and _BARE.sub("", name_fold(clause).replace(name_fold(named[0]), "")):
            own[named[0]].append(clause)
        elif not named and _BARE.sub("", clause):
            return None  # `visit Acme; Globex: joint call`: words of both, not each one's own
    if not all(own.values()):
        return None
    from handlers.grammar.command_json import encode

    went = _WENT.search(said)  # `昨天去了…`: the visits' day
    went = today - dt.timedelta(days=2 if went[0] == "前天" else 1) if went else None
    word, colon, then = ("拜访", "：", "；跟进 ") if chinese else ("visit", ": ", "; follow up ")
    lines, visits = [], []
    for name, clauses in own.items():
        notes = ("，" if chinese else ", ").join(clauses)
        day = date_in(notes, today)
        day = day if day and day[1] > today else None
        typed = notes[len(name):].lstrip(" ,，:：") if name_fold(notes).startswith(name_fold(name)) else notes
        told = day and not _FOLLOW.search(simplified(typed))  # `月中回访` says its follow-up itself
        lines.append(f"{word} {name}{colon}{typed}" + (f"{then}{day[0]}" if told else ""))
        visits.append(encode(c.LogVisit(name, notes=notes, follow_up=day[1] if day else None, day=went)))
    return c.ParseError(None, "visits_each_unsaid", " · ".join(found),
                        options=(("as_visits_each", "\n".join(lines), c.Several(tuple(visits))),))


def visit_and_deal(text: str, name: str, deal: str, chinese: bool, today: dt.date,
                   mine: bool = True) -> c.ParseError | None:
    """`Met w Hooli again today, demo for the VP. Sending proposal by Wed`: a visit told and a stage
    named: the visit (its follow-up the day said) and the deal moved (a new deal where the asker has
    none with them: `mine` false, said so), or the visit alone; None where no visit is told
    (`umbrella deal -> proposal`: the deal alone)."""
    from handlers.grammar.command_json import encode
    from handlers.grammar.spans import date_in

    said = " ".join(text.split())
    if not _PAST.search(simplified(normalize(said))):
        return None
    rest, day = said, None
    while (found := date_in(rest, today)) and not day:  # `today, … by Wed`: the day still to come
        day, rest = (found if found[1] > today else None), rest[rest.find(found[0]) + len(found[0]):]
    word, colon, then = ("拜访", "：", "；跟进 ") if chinese else ("visit", ": ", "; follow up ")
    told = day and not _FOLLOW.search(simplified(said))
    visit = f"{word} {name}{colon}{said}"
    both = encode(c.LogVisit(name, notes=said, follow_up=day[1] if day else None))
    label = "as_visit_and_deal" if mine else "as_visit_and_new_deal"
    return c.ParseError(None, "visit_deal_unsaid" if mine else "visit_new_deal_unsaid", name, options=(
        (label, f"{visit}{f'{then}{day[0]}' if told else ''}\n{deal}", c.Several((both, deal))),
        visit_option(name, said, chinese, today)))


def visit_option(name: str, said: str, chinese: bool, today: dt.date) -> tuple:
    """The choice of a visit to `name` with `said` as its words: labelled "all of it as the notes"
    only where the line, read, keeps all of it as the notes; where it reads a follow-up or next step
    from them (`fu globex monday re the discount`) the label says so."""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    if said.lower().startswith(name.lower()) and said[len(name):len(name) + 1] in (":", "："):
        said = said[len(name) + 1:].strip()  # `Umbrella: called their ops lead…`: the name said once
    line = f"拜访 {name}：{said}" if chinese else f"visit {name}: {said}"
    visit = read(line, today).command
    asked = isinstance(visit, c.LogVisit) and (visit.follow_up or visit.next_step)
    return ("as_visit_with_follow_up" if asked else "as_visit", line, None)


#: What a clause says besides a customer's name: no visit word, mark or space (`visit Acme`)
_BARE = pattern(r"(?<![A-Za-z])visit(?:ed)?(?![A-Za-z])|拜访|[\W_]+", re.I)
_WENT = pattern(r"昨天|前天|(?<![A-Za-z])yesterday(?![A-Za-z])", re.I)
_FOLLOW = pattern(r"跟进|回访|(?<![A-Za-z])follow[\s-]?up(?![A-Za-z])", re.I)


def _names(clause: str, name: str) -> bool:
    """Whether a clause (folded) names the customer: in full, or by the start of its name."""
    return name in clause or len(name) > 2 and bool(_CJK.search(name)) and name[:2] in clause


#: The visit's own word said after the customer's name (`umbrella visit - …`, `acme corp visit: …`)
_VISIT_AFTER = pattern(r"\s*(?:visit|拜访|拜訪)(?![A-Za-z])\s*[:：\-–—,，]?\s*(?=\S)", re.I)


def visit_after_name(text: str, found: list[str], today: dt.date) -> c.LogVisit | c.ParseError | None:
    """`umbrella visit - renewal looks good, follow up eow`, `acme corp visit: …`, `华为拜访：…`: the
    command word said after the one known customer the message starts with is the command word: the
    visit, read as `visit CUSTOMER: …` (its follow-up read, a day in the notes asked as it is
    there); None for anything else."""
    from handlers.grammar.normal import view
    from handlers.grammar.reading import read  # reading imports the grammar; kept lazy

    said = " ".join(text.split())
    seen = view(said).lower()
    name = next((n for n in found if seen.startswith(view(n).lower())), None)
    if len(found) != 1 or name is None or not (word := _VISIT_AFTER.match(said, len(name))):
        return None
    zh = bool(_CJK.search(word[0]))
    line = f"{'拜访' if zh else 'visit'} {name}{'：' if zh else ': '}{said[word.end():]}"
    read_as = read(line, today).command
    if isinstance(read_as, c.LogVisit) or isinstance(read_as, c.ParseError) and read_as.topic == "visit" \
            and read_as.options:
        return read_as
    return None


#: Words before the first customer that only say visits were made (`今天跑了两家：`, `today:`)
_ROUND = pattern(r"(?:今天|今日|上午|下午|刚才|today|this\s+morning)?\s*"
                 r"(?:跑了|去了|见了|拜访了|visited|saw|met)?\s*"
                 r"(?:两家|2家|两个客户|俩客户|two\s+customers|two|both)?\s*(?:today|今天)?"
                 r"[\s:：,，.。;；-]*", re.I)
#: Words between two customers that join them (`华为和海尔`): no notes of either
_JOIN = pattern(r"[\s和与及、&,，/+]*(?:and\s*)?", re.I)
#: A part of the day glued before a customer (`下午美的`): that visit's
_PART = pattern(r"(?:上午|下午|中午|晚上|早上|morning|afternoon|evening)[\s:：,，]*$", re.I)


def own_notes(said: str, found: list[str]) -> list[str] | None:
    """The notes of each customer's visit where the message tells them one after the other (`上午华为
    聊了云服务续费 下午美的 他们IT换人了`): the words after each name up to the next; None where the
    names are said together (`去了华为和海尔`) or not found as typed.

    >>> own_notes("今天跑了两家：上午华为 聊了云服务续费 下午美的 他们IT换人了", ["华为", "美的集团"])
    ['上午 聊了云服务续费', '下午 他们IT换人了']
    >>> own_notes("今天去了华为和海尔", ["华为", "海尔"]) is None
    True
    """
    from handlers.rules.name_likeness import core_name

    seen = simplified(said).lower()
    spans = []
    for name in found:
        key = next((k for k in (name.lower(), core_name(name)) if k and k in seen), None)
        if key is None:
            return None
        spans.append((seen.find(key), seen.find(key) + len(key)))
    if spans != sorted(spans) or spans[0][1] > spans[1][0]:
        return None
    starts = [start - len(part[0]) if (part := _PART.search(said, 0, start)) else start for start, _ in spans]
    if not _ROUND.fullmatch(said[:starts[0]]) or _JOIN.fullmatch(said[spans[0][1]:starts[1]]):
        return None
    notes = []
    for i, (start, end) in enumerate(spans):
        after = said[end:starts[i + 1] if i + 1 < len(spans) else len(said)].strip(" ,，;；。.")
        part = said[starts[i]:start].strip()  # `morning Globex - demo`: `morning - demo`, as typed
        notes.append(f"{part} {after}" if part else after.lstrip(" :：-–—"))
    return notes
