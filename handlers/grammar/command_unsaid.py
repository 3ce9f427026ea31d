"""A sentence naming a known customer, no command word first, whose words are another command's
(r26): `acme corp tier A pls`, `小米 赢单 25万 价格有优势`, `give 腾讯 deal 37 to ana`, `张伟的海尔ERP转给
李娜跟`, `华为那个任务给Bo吧，周五前搞定`, `中石化那个商机阶段往前推一步`, `帮我看下美的的拜访记录`,
`万科 新商机 智慧园区 50万 线索`.

Such a sentence is never offered as a visit with all of it as the notes (a tap would store a visit
that never was, by a manager even). It is offered as THAT command, one tap building exactly it (a
list asked for is answered at once: nothing is stored); where the command cannot be built from the
words, the usage of the commands its words belong to is the answer. Nothing is stored unasked.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.normal import name_fold, view
from handlers.grammar.patterns import pattern
from handlers.grammar.stage_moved import moved_to, stage_named
from storage.deals_found import open_deals_of_customer_named
from storage.models.sales import OPEN_STAGES
from storage.people import PeopleRepository
from storage.tasks import open_tasks_with_customer_names

_W = r"(?<![A-Za-z]){}(?![A-Za-z])"
#: a deal moved, passed or handed to someone (`move it to Bo`, `hand it over to Bo`, `pass the deal to
#: Bo`): a member's name must follow (`move it to negotiation` is a stage), r31en #156
_MOVE_TO = _W.format(r"(?:move|pass|hand|assign|shift|switch)") + \
    r"(?:\s+(?:it|this|that|this\s+one|that\s+one|(?:the|this|that|their|his|her)\s+(?:deal|opp|account)))?" \
    r"(?:\s+over)?\s+to\s+@?\w"

#: Each command whose words may be said without its command word first: (its kind, its words, the
#: intent whose usage answers when the command cannot be built)
KINDS = (
    ("visits", pattern(r"^(?:帮我|请|麻烦)?(?:看下|看一下|看看|查下|查一下|查查|列出|列一下)|拜访记录|"
                       + _W.format(r"(?:show|list|see)\s+(?:me\s+)?(?:the\s+|all\s+|my\s+|our\s+)?visits"),
                       re.I), "visits"),
    ("tier", pattern(_W.format("tier") + r"|等级|级别|(?<![A-Za-z])[ABCabc]\s*类", re.I), "customer"),
    ("give", pattern(_W.format(r"(?:give|hand\s+over|reassign|transfer)") + r"|转给|转交|交给|给\s*@?\w|"
                     + _MOVE_TO, re.I),
     "reassign"),
    ("closed", pattern(r"赢单|输单|丢单|" + _W.format("won|lost"), re.I), "won"),
    ("task", pattern(r"任务|" + _W.format("task"), re.I), "task"),
    ("stage", pattern(r"阶段|推进|往前推|往后推|" + _W.format(r"stage|next\s+stage|advance"), re.I),
     "deal"),
    ("new_deal", pattern(r"新商机|新单子|新建.{0,3}商机|" + _W.format(r"new\s+(?:deal|opp)"), re.I), "deal"),
    ("correct", pattern(r"^(?:哦|噢|啊|额|呃)?\s*(?:不对|错了|搞错)|"
                        r"^(?:no\s+wait|oops|sorry|scratch\s+that)(?![A-Za-z])", re.I), "deal"),
)


def kinds_said(session, tenant_id: int, text: str, name: str) -> list[str]:
    """The kinds of command `text` says, its customer's `name` aside (`给` counts only before a
    member's name: `给他们发了报价` is a visit's words)."""
    said = _without(" ".join(view(text).split()), name)  # `華為那個任務給Bo吧`: as in simplified
    found = [kind for kind, words, _intent in KINDS if words.search(said)]
    if "give" in found and not _GIVE_WORD.search(said) \
            and _member_after_give(session, tenant_id, said) is None:
        found.remove("give")
    if found == ["correct"] and _A_VISIT.search(said):
        return []  # `oops forgot to log thu - saw huawei, demo went ok`: a visit told, the oops aside
    return found


#: Words telling a visit: a leading `oops`/`不对` before them corrects nothing of a deal
_A_VISIT = pattern(r"去了|见了|見了|拜访|拜訪|聊了|谈了|談了|(?<![A-Za-z])(?:visit(?:ed)?|met|saw|went|"
                   r"forgot to log|stopped by|dropped by|had (?:a )?(?:call|meeting|lunch|coffee))"
                   r"(?![A-Za-z])", re.I)


_GIVE_WORD = pattern(_W.format(r"(?:give|hand\s+over|reassign|transfer)") + r"|转给|转交|交给", re.I)


def offered(session, tenant_id: int, text: str, name: str, chinese: bool, today: dt.date,
            member_id: int | None = None) -> c.ParseError | c.Command | None:
    """The command a sentence naming the customer `name` says with another command's words: the
    list asked (answered at once), else one tap to it, else the usage of those commands; None where
    no other command's words are in it (a visit may be what it tells)."""
    kinds = kinds_said(session, tenant_id, text, name)
    if not kinds:
        return None
    said = " ".join(text.split())
    for kind in kinds:
        line = _BUILD[kind](session, tenant_id, said, name, chinese, today)
        if line is None:
            continue
        from handlers.grammar.reading import read  # reading imports the grammar; kept lazy

        commands = [read(part, today).command for part in line.split("\n")]
        if any(isinstance(command, c.ParseError) or command is None for command in commands):
            continue
        command = commands[0]
        if kind == "give" and not _manages(session, member_id):  # `…, move it to Bo` by a rep: a tap
            deal_id, _, who = line.partition("号单子转给") if chinese else \
                line[len("give deal "):].partition(" to ")
            return c.ParseError(None, "deal_give_not_yours", f"#{deal_id}", who)  # would be refused
        if kind == "visits":
            return command  # a question: answered, nothing stored
        label = f"as_{kind}_due_said" if kind == "task" and "\n" in line else f"as_{kind}_said"  # its day
        if kind == "stage" and (rate := PROBABILITY.search(view(said))):  # `…，另外概率改成40%`
            return c.ParseError(None, "stage_and_probability_said", said, rate["pct"],
                                options=(("as_stage_moved", line, None),))
        return c.ParseError(None, "command_said", said, options=((label, line, None),))
    return c.ParseError(None, "command_unsaid", name)


def _manages(session, member_id: int | None) -> bool:
    """Whether the member may give a deal to another (a manager or an admin; unknown: the handler
    decides)."""
    roles = PeopleRepository(session).roles_of((member_id,)) if member_id is not None else {}
    return member_id is None or roles.get(member_id) in ("manager", "admin")


def topics(session, tenant_id: int, text: str, name: str) -> tuple[str, ...]:
    """The intents whose usage answers a sentence whose command could not be built from its words."""
    kinds = kinds_said(session, tenant_id, text, name)
    return tuple(dict.fromkeys(intent for kind, _words, intent in KINDS if kind in kinds))


def _without(said: str, name: str) -> str:
    """`said` without the customer's name (said in any case)."""
    at = said.lower().find(name.lower())
    return said if at < 0 else " ".join(f"{said[:at]} {said[at + len(name):]}".split())


def _visits(session, tenant_id, said, name, chinese, today) -> str | None:
    return f"拜访记录 {name}" if chinese else f"visits {name}"


_LETTER = pattern(r"(?:tier|等级|级别)\s*(?:改成|改为|调成|调到|升到|升为|降到|降为|设为|定为|是|为|"
                  r"to|->|=|is|now|"
                  r"should\s+be|\s)*\s*(?P<a>[ABCabc])(?![A-Za-z])|(?<![A-Za-z])(?P<b>[ABC])\s*(?:类|级|tier)",
                  re.I)


def _tier(session, tenant_id, said, name, chinese, today) -> str | None:
    found = _LETTER.search(_without(said, name))
    if found is None:
        return None
    letter = (found["a"] or found["b"]).upper()
    return f"客户 {name} {letter}类" if chinese else f"customer {name} tier {letter}"


def _members(session, tenant_id: int) -> list[str]:
    return list(PeopleRepository(session).names_in(tenant_id).values())


def _member_after_give(session, tenant_id: int, said: str) -> str | None:
    """The member a deal or task is given to: the name after `to`/`给`/`转给` (`to ana`, `给Bo吧`)."""
    folded = name_fold(said)
    best = None
    for member in _members(session, tenant_id):
        key = name_fold(member)
        if len(key) < 2:
            continue
        for found in re.finditer(r"(?:(?<![a-z])to\s+@?|给\s*@?|转给\s*@?|交给\s*@?)" + re.escape(key)
                                 + r"(?![a-z])", folded):
            if best is None or len(member) > len(best[1]) or found.start() > best[0]:
                best = (found.start(), member)
    return best[1] if best else None


def _owner_before(session, tenant_id: int, said: str) -> int | None:
    """`张伟的海尔ERP`, `tom's deal`: the member whose record it is, named before `的`/`'s`."""
    folded = name_fold(said)
    for member_id, member in PeopleRepository(session).names_in(tenant_id).items():
        if re.search(re.escape(name_fold(member)) + r"(?:的|'s)", folded):
            return member_id
    return None


_NUMBER = pattern(r"(?:#|(?<![A-Za-z])(?:deal|task)\s*#?|商机\s*#?|任务\s*#?)(?P<n>\d{1,9})(?!\d)"
                  r"|(?P<m>\d{1,9})号", re.I)


def _open_deals(session, tenant_id: int, name: str, owner: int | None = None) -> list[tuple[int, str, str]]:
    return open_deals_of_customer_named(session, tenant_id, name, owner)


def _one_deal(session, tenant_id: int, said: str, name: str) -> tuple[int, str, str] | None:
    """The customer's one open deal the words name: by number, else by title words, else its only one."""
    deals = _open_deals(session, tenant_id, name, _owner_before(session, tenant_id, said))
    if (number := _NUMBER.search(said)) is not None:
        wanted = int(number["n"] or number["m"])
        return next((d for d in deals if d[0] == wanted), None)
    titled = [d for d in deals if d[1] and name_fold(d[1]) in name_fold(said)]
    return titled[0] if len(titled) == 1 else deals[0] if len(deals) == 1 else None


def _give(session, tenant_id, said, name, chinese, today) -> str | None:
    who = _member_after_give(session, tenant_id, said)
    if who is None or "任务" in said or re.search(_W.format("task"), said, re.I):
        return None
    deal = _one_deal(session, tenant_id, said, name)
    if deal is None:
        return None
    return f"{deal[0]}号单子转给{who}" if chinese else f"give deal {deal[0]} to {who}"


def _task(session, tenant_id, said, name, chinese, today) -> str | None:
    """`华为那个任务给Bo吧，周五前搞定`: the customer's one open task given to that member, and a day
    said in it its new due day (moved first: once given, the task is no longer the member's)."""
    who = _member_after_give(session, tenant_id, said)
    if who is None:
        return None
    rows = open_tasks_with_customer_names(session, tenant_id)
    tasks = [task_id for task_id, title, customer in rows if customer == name or name in (title or "")]
    if (number := _NUMBER.search(said)) is not None:
        tasks = [t for t in tasks if t == int(number["n"] or number["m"])]
    if len(tasks) != 1:
        return None
    give = f"任务 {tasks[0]} 给{who}" if chinese else f"task {tasks[0]} to {who}"
    from handlers.grammar.spans import date_in  # the grammar imports this module; kept lazy

    rest = re.sub(r"(?:(?<![a-z])to\s+@?|给\s*@?|转给\s*@?|交给\s*@?)" + re.escape(who), " ", said,
                  flags=re.I)
    if (due := date_in(_without(rest, name), today)) is None or due[1] < today:
        return give
    return f"任务 {tasks[0]} 截止 {due[1].isoformat()}\n{give}" if chinese \
        else f"task {tasks[0]} due {due[1].isoformat()}\n{give}"


def _closed(session, tenant_id, said, name, chinese, today) -> str | None:
    """`小米 赢单 25万 价格有优势`: the customer said before the command word, read after it."""
    found = KINDS[3][1].search(said)
    if found is None or found.start() > len(name) + 3:
        return None
    rest = f"{said[:found.start()]} {said[found.end():]}"
    return " ".join(f"{found[0]} {name} {_without(rest, name)}".split())


_NEXT = pattern(r"往前推|推进一步|下一(?:个)?阶段|下一步|" + _W.format(r"next\s+stage|advance"), re.I)


def _stage(session, tenant_id, said, name, chinese, today) -> str | None:
    """`中石化那个商机阶段往前推一步`: the customer's one open deal moved to the stage after its own;
    `华为的单子推进到方案阶段了`: to the stage named after a verb of moving."""
    named = next((stage for m in moved_to().finditer(_without(view(said), name))
                  if (stage := stage_named(m["stage"])) in OPEN_STAGES), None)
    if named is None and not _NEXT.search(said):
        return None
    deal = _one_deal(session, tenant_id, said, name)
    if deal is None or named is None and OPEN_STAGES.index(deal[2]) + 1 >= len(OPEN_STAGES):
        return None
    stage = named or OPEN_STAGES[OPEN_STAGES.index(deal[2]) + 1]
    return f"{'商机' if chinese else 'deal'} #{deal[0]} {stage}"


#: A deal's probability said beside its stage (`另外概率改成40%`, `prob 40%`): the stage's own, never
#: stored apart (handlers/sales/said_after.py), so the offer says so rather than drop the words
PROBABILITY = pattern(r"(?:赢率|概率|胜率|可能性|成交率|赢单率|(?<![A-Za-z])(?:prob(?:ability)?|odds|"
                      r"win[\s-]*(?:rate|%|chance)))\D{0,8}?(?P<pct>\d{1,3})\s*%?", re.I)


def _new_deal(session, tenant_id, said, name, chinese, today) -> str | None:
    """`万科 新商机 智慧园区 50万 线索`: a new deal, the words no field claims its title."""
    from handlers.grammar import vocabulary as V
    from handlers.grammar.money_said import amounts_said

    rest = KINDS[6][1].sub(" ", _without(said, name))
    stage = amount = ""
    title = []
    for word in re.split(r"[\s,，;；、]+", rest):
        if not word:
            continue
        if word.lower() in V.STAGE_WORDS and not stage:
            stage = word
        elif amounts_said(word) and not amount:
            amount = word
        else:
            title.append(word)
    if not title or len(title) > 4:
        return None
    title_said = " ".join(title).replace('"', "")
    return " ".join(f"{'商机' if chinese else 'deal'} {name} \"{title_said}\" {stage} {amount}".split())


def _nothing(*_args) -> None:
    return None


_BUILD = {"visits": _visits, "tier": _tier, "give": _give, "closed": _closed, "task": _task,
          "stage": _stage, "new_deal": _new_deal, "correct": _nothing}
