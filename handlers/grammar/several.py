"""Several commands in one message: lines that each start with a command word run as separate
commands, in order, in the message's one transaction, and are answered together. A line that
starts with no command word belongs to the line above it (notes typed over two lines).

If any line is no command, or any is refused, nothing of the message is stored and the answer
says which line and why: half a message is never stored.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import clauses
from handlers.grammar import commands as c
from handlers.grammar.intents import split_keyword
from handlers.grammar.keyword_prose import prose
from handlers.grammar.normal import simplified
from handlers.grammar.parse import normalize
from handlers.grammar.parse_done import also_done
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.targets_said import targets_said
from handlers.grammar.typos import keyword_typo
from handlers.text.reply import Button, Reply

MAX_LINES = 10
_CJK = pattern(r"[\u3400-\u9fff]")
#: What makes a second command in a line plain: `;` `；` or a joining word right before it
_PLAIN_BEFORE = pattern(r"(?:[;；]|(?<![A-Za-z])(?:also|plus)|另外|还有|同时)[\s,，:]*$", re.I)
#: A joining word before any command word (`…，还有 竞赛 …`, `… 另外 目标 @Bo …`, `…, also contest …`)
_ANY_TOO = pattern(r"(?:^|(?<=[\s,，;；]))(?:另外|还有|同时|also|plus)\s*[,，:：]?\s*(?=\S)", re.I)
_TASK_TOO = pattern(r"\s(?:另外|还有)\s*[,，:]?\s*(?=\S)|\s*[,，;；]\s*also\s+(?=\S)", re.I)
#: The commands a second one may follow in a line (never free text of its own: a standup answer)
SPLITS = ("visit", "deal", "won", "lost", "task")


#: A line that is a follow-up clause of the line above (`visit 比亚迪 met purchasing ⏎ follow up 15/12`)
_FOLLOW_LINE = pattern(r"(?:follow[\s-]?ups?|f/u|跟进|回访)(?![A-Za-z])\s*:?\s*\S", re.I)


def command_lines(text: str) -> list[str] | None:
    """The message's commands, one per line, when it has two or more; else None. A second command
    made plain inside a line (after `;` or a joining word such as `另外`/`also`) is a line of its own."""
    split = [_plain_parts(line.strip()) for line in text.splitlines() if line.strip()]
    lines = [part for parts in split for part in parts]
    alone = {part for parts in split if len(parts) > 1 for part in parts}  # each a command by itself
    first = split_keyword(simplified(normalize(lines[0])))[0] if lines else None
    if len(lines) < 2 or (first is None and lines[0] not in alone):
        return None
    out: list[str] = []
    for line in lines:
        seen = simplified(normalize(line))
        if line in alone:  # `258完成，另外271推到周五`: each part a command of its own
            out.append(line)
        elif split_keyword(seen)[0] is None and _FOLLOW_LINE.match(seen):  # `follow up 15/12`: the line above
            out[-1] = f"{out[-1]}; {line}"
        elif split_keyword(seen)[0] is not None or keyword_typo(seen):  # `vist …` is asked about
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
    return out if 1 < len(out) <= MAX_LINES else None


def numbered(index: int, reply: Reply, locale: str) -> Reply:
    """A refusal of line `index` (1-based) of several, saying which line."""
    label = f"({index})" if locale != "zh" else f"（第{index}条）"
    return replace(reply, lines=(f"{label} {reply.lines[0]}" if reply.lines else label, *reply.lines[1:]))


def lines_before(index: int, locale: str) -> str:
    """`line 1` · `lines 1-2` · `第1条` · `第1至2条`: the lines before line `index`."""
    if locale == "zh":
        return "第1条" if index == 2 else f"第1至{index - 1}条"
    return "line 1" if index == 2 else f"lines 1-{index - 1}"


def the_lines_before(lines: list, index: int, label: str) -> Button:
    """An offer to store only the lines before line `index` (1-based), which ran well: a refusal
    of one line stores none of them (`拜访 比亚迪：签约了` + `赢单 比亚迪` of a colleague's deal)."""
    from handlers.grammar.command_json import encode

    before = lines[:index - 1]
    typed = "\n".join(before) if all(isinstance(line, str) for line in before) else ""
    if len(before) == 1:  # one line: itself (a Several holds two or more)
        return Button(label, typed, action=None if isinstance(before[0], str) else before[0])
    parts = tuple(line if isinstance(line, str) else encode(line) for line in before)
    return Button(label, typed, action=c.Several(parts))


def with_lines(lines: list, index: int, buttons: tuple[Button, ...]) -> tuple[Button, ...]:
    """The offers for line `index` (1-based) of several, each running every line with that line
    as the offer has it: its command where it has one (`set as the follow-up day`), else its text.
    `lines`: each a line's text or the command an earlier answer made of it."""
    from handlers.grammar.command_json import STRUCTURED, encode, valid

    out = []
    for button in buttons:
        mine = [encode(button.action)] if isinstance(button.action, STRUCTURED) else [button.command]
        if isinstance(button.action, c.Several):  # `done 376: … ⏎ visit #376 follow up …`: its lines,
            mine = list(button.action.parts)  # each one of the message's (a Several holds no Several)
        if not "".join(mine).strip():
            continue  # an offer with nothing to send
        parts = [line if isinstance(line, str) else encode(line) for line in lines]
        parts[index - 1:index] = mine
        texts = [*lines[:index - 1], button.command, *lines[index:]]
        typed = "\n".join(texts) if button.command.strip() and all(isinstance(t, str) for t in texts) else ""
        several = c.Several(tuple(parts))
        out.append(replace(button, command=typed, action=several if valid(several) else None))
    return tuple(out)


def together(replies: list[Reply]) -> Reply:
    """The answers of several commands as one: each one's title, lines and fields in turn."""
    lines: list[str] = []
    buttons = []
    for index, reply in enumerate(replies, 1):
        said = [reply.title, *reply.lines] if reply.title else list(reply.lines)
        lines.append(f"{index}. {said[0]}" if said else f"{index}.")
        lines.extend(f"   {line}" for line in said[1:])
        lines.extend(f"   {name}: {value}" for name, value in reply.fields)
        buttons.extend(reply.buttons)
    asking = [reply for reply in replies if reply.asks and reply.buttons]  # a win's "which decided it?":
    if len(asking) == 1:  # still answerable by its word (`交付`) after the other lines' answers
        buttons = [*asking[0].buttons, *(b for b in buttons if b not in asking[0].buttons)]
    return Reply(lines=tuple(lines), buttons=tuple(buttons[:5]), asks=len(asking) == 1)


def _plain_parts(line: str) -> list[str]:
    """`line`, or its commands where a second one is plain (`visit …; deal Acme "Pilot" 300k`,
    `拜访 … 另外 任务 周三前…`, `任务 周五前 发方案 另外 下周二约演示`: each a full command alone);
    a second command that is not plain, or would not be read in full, stays for the parser to ask."""
    from handlers.grammar.spans import date_in

    raw = " ".join(line.split())
    seen = simplified(normalize(line))
    name = split_keyword(seen)[0]
    if name in (None, "target", "team", "visit") and (targets := targets_said(raw)) is not None:
        return targets  # `Bo下个月目标50万，Ana也是50万`: each member's target, set together
    if (dones := _done_again(raw, seen)) is not None:
        return dones  # `29 done they bought already, 46 done too`: each done, each its own outcome
    if (joined := _joined(raw, seen)) is not None:
        return joined  # `done 258, also snooze 271 to fri`, `258完成，另外271推到周五`: both, in order
    if name == "snooze" and (each := _each_id(raw)):
        return each  # `snooze 395 and 403 to fri`: each one snoozed, answered together
    if name not in SPLITS:
        return [line]
    second = clauses.second_command(raw, seen)
    if second is not None and _PLAIN_BEFORE.search(seen[:second]):
        first, other = raw[:clauses.filler_before(raw, second)].rstrip(" ,，;；"), raw[second:]
        if _full(first) and (_full(other) or _asks_alone(other)):  # `…，还有任务6搞定了 报价…`: its
            return [first, *_plain_parts(other)]  # own question asked, the first line kept with it
    if (other_command := _any_command_after(raw, seen)) is not None:
        return other_command
    if name == "task" and second is None and (also := _TASK_TOO.search(seen)) \
            and date_in(raw[also.end():], dt.date.today()):  # `任务 … 另外 下周二约演示`: two tasks
        first, other = raw[:also.start()].rstrip(" ,，;；"), raw[also.end():]
        other = f"{'任务' if _CJK.search(other) else 'task'} {other}"
        if _full(first) and _full(other):
            return [first, other]
    return [line]


#: `snooze 395 and 403 to fri` · `推迟 395、403 到周五`: several numbers, then what is done to each
_IDS = pattern(r"^(?P<word>\S+)\s*(?P<ids>#?\d{1,9}(?:\s*(?:,|，|、|&|\+|和|(?<![A-Za-z])and(?![A-Za-z]))"
               r"\s*#?\d{1,9})+)\s+(?P<rest>\S.*)$", re.I)


def _each_id(raw: str) -> list[str] | None:
    """A line for each number of `snooze 395 and 403 fri`, when each reads in full; else None."""
    found = _IDS.match(raw)
    if found is None:
        return None
    lines = [f"{found['word']} {number} {found['rest']}" for number in re.findall(r"\d+", found["ids"])]
    return lines if all(isinstance(read(each).command, c.Command) for each in lines) else None


#: A word joining a second command to the first in one line (`, also`, `then`, `and then`, `，另外`,
#: `然后`, `还有`, `同时`, `并且`), the same words wherever a second command is looked for
_JOIN = pattern(r"\s*[,，;；]?\s*(?:(?<![A-Za-z])(?:and\s+then|and\s+also|also|then|plus|and)(?![A-Za-z])"
                r"|另外|然后|还有|同时|并且|和)\s*[,，:：]?\s*|\s*[,，;；]\s*", re.I)
# (`done task 7 and done task 13`, `完成 388，推迟 389 两天`: each part a command alone, or no split)


_WEAK_JOIN = pattern(r"\s*[,，;；]?\s*(?:and|和)?\s*[,，:：]?\s*", re.I)


def _free_text(seen: str, first: str) -> bool:
    """Whether the line starts a command of free text (a tip, a visit's notes), which a comma or
    `and` does not end (`visit 331 done`, a follow-up done, has none)."""
    from handlers.grammar.intents import BY_NAME

    name = split_keyword(seen)[0]
    return name is not None and BY_NAME[name].free_text \
        and not isinstance(read(first).command, (c.DoneFollowups, c.DoneTask))


#: A second `N done` (`46 done too`, `完成 46`, `46也完成了`) after a comma in the outcome of a done
_DONE_AGAIN = pattern(r"[,，;；。.!！]\s*(?:(?:and|also|plus|then|然后|另外|还有)[\s,，]*)?"
                      r"(?=(?:no\.?\s*|#)?\d{1,9}\s*号?\s*(?:也|都)?\s*(?:已经?)?\s*"
                      r"(?:done|finished|completed?|完成|搞定|做完|办完|弄完)"
                      r"|(?:done|完成)\s*#?\d{1,9})", re.I)
_TOO = pattern(r"(?:\s+(?:too|as\s+well|also)|\s*也是?)\s*[!！。.~]*$", re.I)


def _done_again(raw: str, seen: str) -> list[str] | None:
    """`29 done they bought already, 46 done too` · `完成 29，客户买了，完成 46` ·
    `29搞定了，已买，46也完成了`:
    a done and, in what came of it, a second done: each its own line, each outcome its own; else None."""
    done = (c.DoneFollowups, c.DoneTask)
    if also_done(seen) is not None:
        return None  # `19完成了，20也完成了`: both said done and nothing else, one command of both
    for again in _DONE_AGAIN.finditer(seen):
        first, other = raw[:again.start()].rstrip(" ,，;；"), _TOO.sub("", raw[again.end():])
        if first and other and isinstance(read(first).command, done) \
                and isinstance(read(other).command, done):
            return [first, *_plain_parts(other)]
    return None


def _joined(raw: str, seen: str) -> list[str] | None:
    """`done 258, also snooze 271 to fri` · `258完成，另外271推到周五` · `done 258 then snooze 271
    fri`: two commands joined by a word, each read alone as a command that stores something (or
    a number's new day, asked which record it is: handlers/sales/unnamed.py); else None."""
    whole = read(raw).command
    if isinstance(whole, (c.DoneTask, c.DoneFollowups)) and len(getattr(whole, "task_ids", None)
                                                             or getattr(whole, "visit_ids", ())) > 1:
        return None  # `done task 7 and task 2, cfo back on the 15th`: both done, one command (r25)
    for join in _JOIN.finditer(seen):
        first, other = raw[:join.start()].rstrip(" ,，;；"), raw[join.end():]
        if _WEAK_JOIN.fullmatch(join[0]) and (split_keyword(simplified(normalize(other)))[0] is None
                                              or _free_text(seen, first)):
            continue  # `task 1, 2 done`, `经验 …，客户更容易接受`: after `and` or a comma, a command
            # word, never inside free text
        if prose(other):
            continue  # `推迟 414 下周一，客户出差`: the why, never a customer named 出差 (r26 W16)
        if first and other and stores_alone(first) and stores_alone(other) \
                and not _closed_after_done(first, other):
            return [first, *_plain_parts(postponed(other))]
    return None


def _closed_after_done(first: str, other: str) -> bool:
    """`93 done, lost it`: a deal won or lost after a done may be what came of it; the done's own
    grammar asks (handlers/grammar/parse_done.py), never a deal closed unasked (r25 #102)."""
    said = read(other).command
    customer = isinstance(said, c.SetCustomer) and not (said.tier or said.lifecycle)
    return isinstance(read(first).command, (c.DoneFollowups, c.DoneTask)) \
        and (isinstance(said, c.CloseDeal) or customer)  # `完成任务10，客户预算下周批`: what came of
    # it (the customer's budget), never a customer named `预算下周批` (fix29a)


#: The snooze command's own verb (`推迟`, `snooze`), said after a number with no command word
_POSTPONED = pattern(r"推迟|延后|(?<![A-Za-z])(?:snooze[sd]?|postpone[sd]?)(?![A-Za-z])", re.I)


def postponed(part: str) -> str:
    """`把392推迟到下周五` after `完成 388，然后`: the follow-up snoozed (`推迟 392 下周五`), as its
    verb says, one command after another; a bare number moved by any other verb stays asked which
    record it is."""
    from handlers.grammar.task_moved import NUMBER_MOVED

    seen = " ".join(simplified(normalize(part)).split())
    if not (found := NUMBER_MOVED.match(seen)) or not _POSTPONED.search(seen[:found.start("day")]):
        return part
    word = "推迟" if re.search(r"[\u3400-\u9fff]", seen) else "snooze"
    return f"{word} {found['id']} {seen[found.start('day'):found.end('day')]}"


def stores_alone(part: str) -> bool:
    """Whether `part` is, by itself, a command that changes something (or a number and a day)."""
    from handlers.grammar.task_moved import NUMBER_MOVED

    if NUMBER_MOVED.match(" ".join(simplified(normalize(part)).split())):
        return True
    command = read(part).command
    return isinstance(command, c.Command) and type(command).__name__.startswith(_CHANGES) and _full(part)


#: The commands that store (a report or a list is no second command: `… then progress` is prose)
_CHANGES = ("Done", "Snooze", "Move", "Log", "Upsert", "Close", "Add", "Set", "Change")


def _any_command_after(raw: str, seen: str) -> list[str] | None:
    """The two commands of `任务 … 还有 竞赛 新客户 12月14日-12月31日`: a command word of any kind
    after a joining word is a second command, never more words of the first, when both read in full."""
    for also in _ANY_TOO.finditer(seen):
        if also.start() == 0 or split_keyword(seen[also.end():])[0] is None:
            continue
        first, other = raw[:also.start()].rstrip(" ,，;；"), raw[also.end():]
        if _full(first) and _full(other):
            return [first, *_plain_parts(other)]
    return None


def _asks_alone(line: str) -> bool:
    """Whether `line`, said after a plain join, is a command of its own that asks a question with
    one-tap answers (`任务6搞定了 报价昨晚发了`: done, the words kept?)."""
    command = read(line).command
    return isinstance(command, c.ParseError) and bool(command.options) and command.topic is not None


def _full(line: str) -> bool:
    """Whether `line` alone is read in full as a command that stores something with its fields
    (a deal with a stage, amount, day or title; a visit whose customer and notes are told apart)."""
    command = read(line).command
    if isinstance(command, c.UpsertDeal):
        return bool(command.stage or command.amount or command.close or command.ref.title
                    or command.ref.deal_id)
    if isinstance(command, c.LogVisit):
        return not command.unsplit
    return not isinstance(command, c.ParseError)
