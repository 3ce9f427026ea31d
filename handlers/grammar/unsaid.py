"""A visit told without the command word: `Acme Corp - quick call w/ procurement …`, `Lunch mtg w/
Umbrella's VP ops today, went well`, `今天去了华为见了张总，想下周三看demo`.

A message with no command word that names one known customer is asked about: a visit to that
customer with every word of the message as its notes (its follow-up read as in any visit), or,
where the message has a day and a follow-up word, a task. Nothing is stored until answered.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.brands import brand_of, brands_said
from handlers.grammar.deal_offer import colleague_has_open_deal, deal_or_words, has_open_deal, own_new_deal
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.task_assigned import assigned
from storage.sales import CustomerRepository

_CJK = pattern(r"[\u3400-\u9fff]")
_LATIN_EDGE = r"(?<![a-z0-9])"


def customers_in(text: str, names: list[tuple[int, str]]) -> list[str]:
    """The known customers `text` names: a Chinese name of two characters or more anywhere, a
    Latin one of three letters or more as whole words (`Umbrella's`, `acme corp`)."""
    folded = name_fold(text)
    found = []
    for _id, name in names:
        key = name_fold(name)
        if len(key) < 2 or (not _CJK.search(key) and len(key) < 3):
            continue
        if _CJK.search(key) and key in folded or not _CJK.search(key) and re.search(
                _LATIN_EDGE + re.escape(key) + r"(?![a-z0-9])", folded):
            found.append(name)
    said = brands_said(text)  # `JD.com黄了`: 京东, by the name it goes by abroad; `midea`: 美的集团
    from handlers.rules.name_likeness import core_name

    found += [name for _id, name in names if said and name not in found and brand_of(core_name(name)) in said]
    longest = [n for n in found if not any(n != m and name_fold(n) in name_fold(m) for m in found)]
    # in the order the message names them (`今天去了华为和海尔`: 华为's visit first), whatever the
    # database's order; a name said as a brand (`JD.com`) after those said as they are
    longest.sort(key=lambda n: folded.find(name_fold(n)) % (len(folded) + 1))
    rest = folded
    for name in longest:  # `今天去了华为和腾达`: 华为, and 腾达科技 by the start of its name
        rest = rest.replace(name_fold(name), " ")
    return longest + [name for name in _by_their_start(rest, names) if name not in longest]


#: What follows a company's own name (`腾达|科技`, `远航|物流`): two characters said are that name
_TRADE = pattern(r"(?:股份|有限|集团|科技|技术|公司|物流|电子|软件|网络|信息|实业|控股|电器|汽车|"
                 r"医疗|医药|制造|工业|贸易|国际|地产|能源|通信|智能|数据|传媒|教育|食品|化工|设备|系统|"
                 r"机械|建设|咨询|商贸|银行|保险|证券|速运|快递|快运|航空|运输|物联)")


#: A deal word right after a name's start (`阿里那单赢了`, `阿里的单子`): that start names the customer
_DEAL_AFTER = pattern(r"(?:的)?(?:那单|这单|那个单子?|单子|项目|商机|那边|这边|那儿|那里)")  # `顺丰那边`


def _by_their_start(folded: str, names: list[tuple[int, str]]) -> list[str]:
    """Where no customer is named in full: those whose name's start is said (`腾达` for 腾达科技,
    two characters or more; `Wayne` for Wayne Enterprises, a first word of four letters or more),
    each with the longest start said; the caller names the customer in full, or asks which."""
    best, found = 0, []
    for _id, name in names:
        key = name_fold(name)
        if _CJK.search(key[:1]):
            size = next((n for n in range(len(key) - 1, 1, -1) if key[:n] in folded
                         and (n > 2 or _TRADE.match(key[n:]) or _DEAL_AFTER.match(
                             folded[folded.find(key[:n]) + n:]))), 0)  # not 中国 for 中国移动; `阿里那单`
        else:
            first = key.split(" ", 1)[0]
            size = len(first) if " " in key and len(first) >= 4 and re.search(
                _LATIN_EDGE + re.escape(first) + r"(?![a-z0-9])", folded) else 0
        if size and size > best:
            best, found = size, [name]
        elif size and size == best:
            found.append(name)
    return found


def as_visit(session, tenant_id: int, text: str, error: c.ParseError, chinese: bool,
             today: dt.date, member_id: int | None = None) -> c.ParseError | c.Command | None:
    """The question for a message with no command word that names one known customer (a visit to
    it, the whole message its notes) or says a day to do something (`remind me to call Initech
    CFO mon`, `明天给京东打电话`, `@李娜 明天…`: a task), beside the question asked already."""
    if error.topic is not None or error.fixed:
        return None
    from handlers.grammar.change_unowned import change_unowned
    from handlers.grammar.unsaid_kinds import other_than_visit, visit_after_name, visits_each

    if (unowned := change_unowned(text, customers_in(text, CustomerRepository(session).names(tenant_id)),
                                  lambda name: has_open_deal(session, tenant_id, name, member_id))):
        return unowned  # `聯想那個續約 金額改成10萬` with no deal there of theirs: said so, no visit
    if (given := assigned(session, tenant_id, text, chinese, today, bare=not error.options)) is not None:
        return given  # `给李娜派个任务，周四前回访海尔`: a task for 李娜, never a visit
    if (each := visits_each(text, customers_in(text, CustomerRepository(session).names(tenant_id)),
                            chinese, today)) is not None:
        return each  # `今天去了华为和腾讯 ⏎ 华为下周二演示 腾讯月中回访`: a visit to each, its own follow-up
    if (not error.options or error.problem == "follow_up_as_task") and (named := visit_after_name(
            text, customers_in(text, CustomerRepository(session).names(tenant_id)), today)) is not None:
        return named  # `umbrella visit - …, follow up eow`: the visit, its word said after the name
    if (other := _other_command(session, tenant_id, text, error, chinese, today, member_id)) is not None:
        return other  # `acme corp tier A pls`, `小米 赢单 25万 …`: that command, never a visit (r26)
    if (told := _told(session, tenant_id, text, error, chinese, today)) is not None:
        return told  # `今天去了趟格力，跟王总聊了…，后天再跟进`: that visit, its follow-up read
    if error.options and error.problem != "follow_up_as_task":  # `今天去了华为和海尔`: read as one
        # a visit to 华为 with notes "和海尔"
        named = customers_in(text, CustomerRepository(session).names(tenant_id))
        return other_than_visit(session, tenant_id, text, named, chinese, today, member_id) \
            if len(named) == 2 else None
    said = " ".join(text.split())
    remind = _REMIND.match(said)
    body = said[remind.end():].strip() if remind else said
    todo = not remind and not error.options and _TO_DO.match(body) and _task(body, today, True, chinese)
    if todo:  # `call 比亚迪 … before friday`: a call still to make, by its day: a task, no visit
        return c.ParseError(None, "task_unsaid", said, options=tuple(todo))
    if not remind and not body.startswith("@") and not error.options:  # a win, a plan, a question…
        # …about a customer: no visit offered
        named = customers_in(text, CustomerRepository(session).names(tenant_id))
        other = other_than_visit(session, tenant_id, text, named, chinese, today, member_id)
        if other is not None:
            return other
    task = list(error.options) or _task(body, today, bool(remind), chinese)
    found = [] if remind or body.startswith("@") or _ASKING.search(said) else \
        customers_in(text, CustomerRepository(session).names(tenant_id))  # `…什么状态?` is no visit
    if len(found) == 1 and not error.options and (deal := _deal_said(found[0], said, chinese, today)):
        from handlers.grammar.unsaid_kinds import visit_and_deal  # `Met w Hooli…, proposal by Wed`

        mine = has_open_deal(session, tenant_id, found[0], member_id)  # else each offer says new
        if not mine and colleague_has_open_deal(session, tenant_id, found[0], member_id):
            deal = own_new_deal(deal, found[0])  # never a tap refused as a colleague's deal
        return visit_and_deal(said, found[0], deal, chinese, today, mine) or deal_or_words(
            said, found[0], deal, today, mine)
    from handlers.grammar.unsaid_kinds import visit_option

    visit = [visit_option(found[0], said, chinese, today)] if len(found) == 1 else []
    later = bool(task) and (_starts_with_day(body, today, later=True)  # `明天给京东打电话`: a task first,
                            or error.problem == "follow_up_as_task" and _next_contact_first(body))  # as
    # `call back huawei next week` (`umbrella mtg …, follow up next wed` is a visit first)
    if visit and not later and not error.options:
        task = []  # `今天去了华为…`: a visit told
    if not visit and not task:
        return None
    if task and not visit:
        return c.ParseError(None, error.problem if error.options else "task_unsaid", said, options=task)
    if visit and not task and _CALLED.search(said):  # `called 美的 today (phone not visit) - …`: said
        # as a call; there is no call kind, so the contact is offered as a visit whose notes say so
        visit = [("as_call", visit[0][1], None)]
        return replace(error, problem="call_unsaid", detail=found[0], options=tuple(visit))
    options = (*task, *visit) if later else (*visit, *task)
    return replace(error, problem="visit_or_task" if task else "visit_unsaid", detail=found[0],
                   options=options)


#: A contact said as a call, never a visit (`called acme`, `phone not visit`, `给美的打了电话`, `电话沟通`)
_CALLED = pattern(r"(?<![A-Za-z])(?:called|rang|phoned|(?:phone|zoom|teams|video)\s+call|call\s+with|"
                  r"on\s+the\s+phone|phone\s+not\s+visit|not\s+a\s+visit)(?![A-Za-z])"
                  r"|打了?(?:个|一?通)?电话|通了?(?:个)?电话|电话(?:沟通|联系|聊|里|会议)|视频会议|线上会议",
                  re.I)


def _other_command(session, tenant_id: int, text: str, error: c.ParseError, chinese: bool, today: dt.date,
                   member_id: int | None) -> c.ParseError | c.Command | None:
    """The command a sentence naming one known customer says with another command's words (a tier,
    a deal given, a win…), where no other reading of this module's takes it; None otherwise."""
    from handlers.grammar import command_unsaid
    from handlers.grammar.unsaid_kinds import other_than_visit

    named = customers_in(text, CustomerRepository(session).names(tenant_id))
    if len(named) != 1 or error.problem == "sentence_visit" \
            or other_than_visit(session, tenant_id, text, named, chinese, today, member_id) is not None:
        return None
    return command_unsaid.offered(session, tenant_id, text, named[0], chinese, today, member_id)


#: A visit told in the past tense (`去了趟格力`, `见了CIO`, `met with Globex`): no task
_TOLD = pattern(r"去了|見了|见了|拜访了|拜訪了|聊了|谈了|談了|"
                r"(?<![A-Za-z])(?:visited|met with|went to)(?![A-Za-z])", re.I)


#: a visit still to come beside one told (`聊了一下，打算明天去华为`): asked, never logged
_PLANNED = pattern(r"打算|准备|计划|要去|(?<![A-Za-z])(?:going to|plan(?:ning)? to|gonna)(?![A-Za-z])", re.I)
#: a day gone by other than today (`昨天去了…`): the visit's day, said only by a sentence's reading
_EARLIER = pattern(r"昨天|前天|上周|上星期|(?<![A-Za-z])(?:yesterday|last)(?![A-Za-z])", re.I)


def _told(session, tenant_id: int, text: str, error: c.ParseError, chinese: bool,
          today: dt.date) -> c.LogVisit | None:
    """The visit a message tells in the past tense to the one known customer it names (`今天去了趟
    格力，跟王总聊了新的渠道方案，后天再跟进`, `visited Globex, they want a quote`): read as the line a
    sentence was read as (its day kept), else the customer's visit with every word its notes;
    None where it says more than a visit (a win, a change, a question) or a day gone by unread."""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy
    from handlers.grammar.unsaid_kinds import other_than_visit

    said = " ".join(text.split())
    named = customers_in(text, CustomerRepository(session).names(tenant_id))
    if len(named) != 1 or not _TOLD.search(said) or _ASKING.search(said) or _PLANNED.search(said) or \
            other_than_visit(session, tenant_id, text, named, chinese, today) is not None:
        return None
    if error.problem == "sentence_visit":
        line = error.options[0][1]
    elif _EARLIER.search(said):
        return None
    else:
        line = f"拜访 {named[0]}：{said}" if chinese else f"visit {named[0]}: {said}"
    told = read(line, today).command
    return told if isinstance(told, c.LogVisit) and name_fold(told.customer) == name_fold(named[0]) else None


#: A question about something, not a report of it (a question mark anywhere: `Initech那单我们接了？没有…`)
_ASKING = pattern(r"[?？]|什么|怎么|咋样|啥情况|有啥|有没有|哪些|多少|几个|[吗呢]\s*$"
                  r"|(?:几次|几回|有没有)[吗呢]?\s*$"
                  r"|(?<![A-Za-z])(?:what|how|which|status|whats|hows|anything)(?![A-Za-z])", re.I)


def _deal_said(customer: str, said: str, chinese: bool, today: dt.date) -> str | None:
    """`umbrella deal -> proposal, bumped to 15k`: the customer's deal at the stage named (with
    the amount and the close day named: `closing 15th`, `签约 预计月底`), or None when no stage is
    named."""
    from handlers.grammar import vocabulary as V
    from handlers.grammar.money_said import amounts_said

    # `120万，商务谈判，`: the words between marks
    from handlers.grammar.stage_moved import moved_to, stage_named, without_titles

    said = without_titles(said)  # `called their ops lead`: a person, no stage
    words = [w.strip(".") for w in re.split(r"[\s,，;；、:：。!！]+", said) if w.strip(".")]
    stages = {V.STAGE_WORDS[w.lower()] for w in words if w.lower() in V.STAGE_WORDS} - {"won", "lost"}
    moved = {stage_named(m["stage"]) for m in moved_to().finditer(said)} - {None, "won", "lost"}
    if len(moved) == 1:  # `globex to nego, they accepted the
        stages = moved  # proposal`: the stage it goes to, said whole or short
    if len(stages) != 1:
        return None
    stage = next((w for w in words if V.STAGE_WORDS.get(w.lower()) in stages), next(iter(stages)))
    amounts = amounts_said(said)  # never `2` of `the VP + 2 analysts`
    amount = f" {amounts[0]}" if len(amounts) == 1 else ""
    day = _close_day(said, today)  # `closing 15th`, `签约 预计月底`, `下周五签约`: never a follow-up's
    close = f" {'预计' if chinese else 'close'} {day.isoformat()}" if day and day > today else ""
    return f"{'商机' if chinese else 'deal'} {customer} {stage}{amount}{close}"


#: A close day's word before it (`closing 15th`, `should close next fri`, `签约 预计月底`) or after
#: it (`下周五签约`, `月底前签约`)
_CLOSE_BEFORE = pattern(r"(?<![A-Za-z])(?:close|closes|closing|sign|signs|signing)(?:\s+(?:on|by|around))?\s+"
                        r"|(?:签约|成交|签单)?\s*预计\s*|(?:签约|成交|签单)\s*", re.I)
_CLOSE_AFTER = pattern(r"\s*(?:前|之前)?\s*(?:签约|成交|签单|签合同|签)")


def _close_day(said: str, today: dt.date) -> dt.date | None:
    """The day `said` names with a word of closing the deal, or None (a day said otherwise may be
    a follow-up: `Sending proposal by Wed`)."""
    from handlers.grammar.spans import date_in

    for word in _CLOSE_BEFORE.finditer(said):
        if (found := date_in(said[word.end():], today)) and said[word.end():].startswith(found[0]):
            return found[1]
    at = 0
    while found := date_in(said[at:], today):
        at = said.find(found[0], at) + len(found[0])
        if _CLOSE_AFTER.match(said, at):
            return found[1]
    return None


#: Something still to do, said by its verb first (`call 比亚迪 … before friday`, `send globex the deck by
#: wed`, `给京东打电话 周五前`, `催一下美的的合同 周三前`): a task where a day to do it by is said
_TO_DO = pattern(r"^(?:call|email|e-mail|mail|send|chase|ping|phone|ring|text|prep|prepare|book|get|"
                 r"draft|finish|submit|reply\s+to|follow\s+up\s+with)(?![A-Za-z])"
                 r"|^(?:给\S{1,12}?(?:打个?电话|打电话|发)|催一?下?|发给|准备|约一?下)", re.I)
#: `remind me to …`, `提醒我…`: a task said in words
_REMIND = pattern(r"^(?:(?:pls|please)\s+)?"
                  r"(?:remind\s+me\s+(?:to\s+)?|reminder:?\s*|提醒我|提醒一下|记得)", re.I)




def _task(body: str, today: dt.date, reminded: bool, chinese: bool) -> list:
    """The task option for `body`, when it has a day to do it by and is said as one."""
    from handlers.grammar.dates import parse_date
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    if not body or not (reminded or body.startswith("@") or _starts_with_day(body, today, later=True)) \
            or parse_date(body, today) is not None:  # `fri` alone: nothing to do
        return []
    said = f"{'任务' if chinese else 'task'} {body}"
    command = read(said, today).command
    dated = isinstance(command, c.AddTask) and command.due is not None and bool(command.title.strip()) or \
        isinstance(command, c.ParseError) and command.problem == "date_in_title"
    return [("as_task", said, None)] if dated else []


def _next_contact_first(body: str) -> bool:
    """Whether `body` starts with a next contact (`call back huawei…`, `ping acme on fri`)."""
    from handlers.grammar.reading import NEXT_CONTACT  # reading imports the parsers; kept lazy

    found = NEXT_CONTACT.search(body)
    return found is not None and not body[:found.start()].strip(" ,:;-")


def _starts_with_day(text: str, today: dt.date, *, later: bool = False) -> bool:
    """Whether `text` (after an @person) starts with a day (`明天…`, `next tue …`): after today
    when `later`."""
    from handlers.grammar.dates import parse_date

    words = text.split()
    if words and words[0].startswith("@"):
        words = words[1:]
    head = " ".join(words[:2])
    days = (parse_date(head[:size], today) for size in range(2, min(len(head), 12) + 1)
            if not head[size:size + 1].isascii() or not head[size:size + 1].isalnum())
    return any(day is not None and (day > today or not later) for day in days)


def followup_task(text: str, error: c.ParseError, today: dt.date, chinese: bool) -> c.ParseError | None:
    """`followup 阿里巴巴 next wed re contract` (the follow-ups' list word with more after it): a
    task to follow up on that day?"""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    words = " ".join(text.split()).split(" ", 1)
    if error.topic != "followups" or len(words) < 2:
        return None
    said = f"任务 跟进 {words[1]}" if chinese else f"task follow up {words[1]}"
    command = read(said, today).command
    if not (isinstance(command, c.AddTask) and command.due is not None):
        return None
    return c.ParseError(None, "task_unsaid", " ".join(text.split()), options=(("as_task", said, None),))
