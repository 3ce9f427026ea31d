"""A message of clauses joined by a word that says "a second thing" (r20 W2): `阿里巴巴那单拿下了 52万，
客户认可我们的服务响应，另外明天给阿里巴巴发个感谢信 建个任务`, `任务3搞定了 … 另外242推迟到下周五`,
`设置 周报 周五 18:00 另外 站会改到9点`, `won globex 52k, also task call them tmrw`.

The joining words (`另外`, `还有`, `然后`, `顺便`, `also`, `and also`, `plus`) split the message into
clauses, each read on its own. Where the clause after one is a command that stores something, read
in full (or said with the first clause's command word: `站会改到9点` after `设置 周报 …`), and the
clause before it is a command too (by its word, or said in words: a win, a task asked for), the
message is run as lines, in order, answered together; a line that needs a question asks it, the
other lines kept with its one-tap answers (handlers/dispatch.py `_run_several`). Never one clause
folded into another's title or notes.

>>> split("阿里巴巴那单拿下了 52万，客户认可我们的服务响应，另外明天给阿里巴巴发个感谢信 建个任务")
['阿里巴巴那单拿下了 52万，客户认可我们的服务响应', '明天给阿里巴巴发个感谢信 建个任务']
>>> split("设置 周报 周五 18:00 另外 站会改到9点")
['设置 周报 周五 18:00', '设置 站会 9点']
>>> split("拜访 华为：聊了预算，另外客户想要demo") is None
True
"""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.closed_words import closed_said
from handlers.grammar.due_said import due_said
from handlers.grammar.inner import read_only
from handlers.grammar.intents import split_keyword
from handlers.grammar.keyword_prose import prose
from handlers.grammar.normal import simplified, view
from handlers.grammar.parse import normalize
from handlers.grammar.parse_done import also_done
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.several import SPLITS, postponed, stores_alone
from handlers.grammar.task_joined import tasks
from handlers.grammar.task_said import as_task

#: A joining word at a clause's start: after a break (`，另外`, `; also`, ` 还有 `) or glued to
#: Chinese (`…响应另外明天…`: 另外 and 顺便 only; 还有 and 然后 glued are prose: `客户还有预算`)
_JOIN = pattern(r"(?:\s*[,，;；。!！]\s*|\s+)(?:and\s+also|also|plus|另外|还有|然后|顺便|同时)(?![A-Za-z])"
                r"[\s,，:：]*|(?<=[\u3400-\u9fff])(?:另外|顺便)[\s,，:：]*", re.I)
JOIN = _JOIN  # (handlers/sales/visit_joined.py reads a visit's notes by the same joining words)
#: A verb of change said before the new value (`站会改到9点`): the command's own word says it
_CHANGE_VERB = pattern(r"\s*(?:改到|改成|改为|调到|换到|(?<![A-Za-z])(?:change(?:d)?\s+to|move(?:d)?\s+to)"
                       r"(?![A-Za-z]))\s*", re.I)
#: Commands whose words are free text through the end (a standup's answer, a tip): never split
_FREE = ("standup", "tip")
#: Commands whose word a clause after them goes on with (`设置 周报 … 另外 站会改到9点`); never one
#: of prose (`拜访 …，然后去了工厂`: the notes go on; `deal Globex negotiation, also they asked for
#: net 60`: no customer named "they asked for net")
_INHERIT = ("schedule",)


def split(text: str) -> list[str] | None:
    """The message's clauses, each a command of its own, in order; None where it is no such message
    (one clause, or a clause that is no command alone: prose inside notes stays prose)."""

    said = " ".join(text.split())
    if "\n" not in text.strip() and (two := tasks(said)) is not None:
        return two  # `任务 …资料；还有给海尔发合同`: two tasks, never one title (grammar/task_joined.py)
    if "\n" in text.strip() or not _JOIN.search(view(said)) or also_done(simplified(normalize(said))):
        return None  # `還有`: matched simplified; `任务8搞定了。6也搞定了`: both done, one command
    first_word = split_keyword(simplified(normalize(said)))[0]
    if first_word in _FREE:
        return None
    for join in _JOIN.finditer(view(said)):
        first, other = said[:join.start()].strip(" ,，;；"), said[join.end():].strip()
        if not first or not other or not _a_command(first):
            continue
        second = _second(other, first)
        if second is None or _split_there(first, other):
            continue
        rest = split(second)
        return [first, *(rest or [second])]
    return None


def _split_there(first: str, second: str) -> bool:
    """Whether handlers/grammar/several.py decides this split already: a record's command word
    (`拜访 …`, `赢单 …`) and a second command word after the joining word; where it did not split
    them, the first asks a question that keeps the second (`拜访 … 我说周四前给答复 另外 商机 …`)."""
    def word(text: str) -> str | None:
        return split_keyword(simplified(normalize(text)))[0]
    return word(first) in SPLITS and word(second) is not None


def _a_command(clause: str) -> bool:
    """Whether `clause` alone is a command: by its word, by a number first (`258完成`), or said in
    words (a win or a loss, a task asked for, a leave)."""

    reading = read(clause).command
    if isinstance(reading, c.Command) or reading.topic is not None:
        return True
    return closed_said(clause) or as_task(clause) is not None or _stage_moved(clause)  # `小米的CRM推到
    # 方案阶段了，另外明天…建个任务`: the move and the task, each (r31zh #5)


def _stores(clause: str) -> bool:
    """Whether `clause` alone is a command that changes something, read in full (or a number and
    its new day, asked which record it is)."""

    command = read(clause).command
    if isinstance(command, c.SetCustomer) and not (command.tier or command.lifecycle) or prose(clause):
        return False  # `另外客户想要demo`: prose, not a customer named 想要demo
    if split_keyword(simplified(normalize(clause)))[0] is None and not re.match(r"#?\d", clause) \
            and as_task(clause) is None:
        return False  # a second command has its word, a number first, or asks for a task
    if stores_alone(clause):
        return True
    return isinstance(command, c.ConfigureSchedule | c.TakeLeave | c.SetCustomer | c.SetTarget) \
        and not read_only(command)


#: A verb of a deal's new amount in Chinese (`格力续约涨到55万`)
_ZH_CHANGE = pattern(r"涨到|降到|提到|加到|改成|改为|改到|调到|变成")


def _deal_changed(clause: str) -> bool:
    """Whether `clause` says a change to a deal in words, with a field and a word of change
    (`gree renewal bumped to 550k`, `格力续约涨到55万`): read as its own line (deal_sentence.py)."""
    import datetime as dt

    from handlers.grammar.deal_change import change_in

    change = change_in(clause, dt.date.today())
    return change.fields and (change.told or bool(_ZH_CHANGE.search(clause)))


#: A thing to be done (`要回个电话`, `得发报价`, `need to call`, `have to send`); the visit's own follow-up
#: (`跟进`, `回访`, `follow up`) is none: it stays the visit's
_MUST = pattern(r"要|得|需要|记得|别忘了|(?<![A-Za-z])(?:need\s+to|have\s+to|has\s+to|must|gotta"
                r"|remember\s+to)(?![A-Za-z])", re.I)
_CJK = pattern(r"[\u3400-\u9fff]")
_FOLLOW_UP = pattern(r"跟进|回访|(?<![A-Za-z])(?:follow[\s-]?up|f/u|fu)(?![A-Za-z])", re.I)


def _to_do(clause: str) -> str | None:
    """`clause` as a task (`任务 格力下周一要回个电话`) where it says a thing to be done on a day."""
    import datetime as dt

    from handlers.grammar.spans import date_in

    if not _MUST.search(clause) or _FOLLOW_UP.search(clause) or date_in(clause, dt.date.today()) is None:
        return None
    return f"{'任务' if _CJK.search(clause) else 'task'} {clause}"


def _dated(clause: str) -> bool:
    """Whether `clause` names a day."""
    import datetime as dt

    from handlers.grammar.spans import date_in

    return date_in(clause, dt.date.today()) is not None


#: a task asked for as a reminder (`remind me to send the contract fri`, `提醒我周五给联想发合同`)
_REMIND = pattern(r"^(?:pls\s+|please\s+)?(?:remind\s+me\s+to|提醒我一?下?|提醒一下)\s*(?=\S)", re.I)


def _stage_moved(clause: str) -> bool:
    """Whether `clause` is a deal moved to a stage, said in words that end with the stage (`联想云服务推进到
    谈判`, `move the acme renewal to negotiation`): words naming the deal before the verb, none after."""
    from handlers.grammar import vocabulary as V
    from handlers.grammar.stage_moved import moved_to

    found = moved_to().search(clause)
    return found is not None and found.start() > 0 and V.STAGE_WORDS.get(found["stage"].lower()) is not None \
        and not clause[found.end():].strip(" 了吧啊。.!！")


def _second(clause: str, first: str) -> str | None:
    """`clause` as the second command: itself where it stores something read in full, else with
    the first clause's command word (`站会改到9点` after `设置 周报 …`: `设置 站会 9点`); None."""

    first_read = read(first).command
    task = getattr(first_read, "task_id", None) if type(first_read).__name__.endswith("Task") else None
    if task is not None and (due := due_said(clause, task)) is not None:
        return due  # `task 6转给Bo 顺便截止改到下周三`: task 6's due moved too (fix29a)
    if _stores(clause) or closed_said(clause) and _a_command(clause):
        return postponed(clause)  # `242推迟到下周五`: `推迟 242 下周五`, as its verb says
    if _stage_moved(first) and (reminded := _REMIND.match(clause)) and _dated(clause):
        return f"{'任务' if _CJK.search(clause) else 'task'} {clause[reminded.end():]}"  # `…to negotiation;
    # also remind me to send the contract fri`: a task of its own beside the move
    if (todo := _to_do(clause)) is not None:  # `另外格力下周一要回个电话`: a thing to do on a day, a
        return todo  # task of its own (never the visit's notes, nor its follow-up: another customer's)
    if _stage_moved(clause):  # `另外 联想云服务推进到谈判`: a deal moved in words, read on its own
        return clause  # (handlers/sales/stage_said.py: which deal, or said why not)
    if closed_said(first) and _deal_changed(clause):
        return clause  # `lost haier …, also gree renewal bumped to 550k`: never the loss's reason
    name, _lang, _rest = split_keyword(simplified(normalize(first)))
    if name not in _INHERIT:  # (`站会改到9点` starts with a word of its own: a
        return None  # standup's answer alone; `拜访 …，然后去了工厂`: the visit's notes go on)
    word = first.split()[0] if " " in first else None
    if word is None or simplified(normalize(word)) != simplified(normalize(first))[:len(word)]:
        return None
    told = f"{word} {' '.join(_CHANGE_VERB.sub(' ', clause).split())}"
    return told if _stores(told) and split_keyword(simplified(normalize(told)))[0] == name else None
