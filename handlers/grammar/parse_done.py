"""The grammar of things done: `done 3 4` (follow-ups), `done task 7`, and done said without the
command word (`7号任务完成了`, `fu 392 done`, `392 done, sent the proposal`: the follow-up done, the
words after it kept as what came of it)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.parse import day_in_notes
from handlers.grammar.patterns import pattern
from handlers.grammar.push_words import PUSH_WORDS


def parse_done(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`done 3 4` (follow-ups of visits #3 and #4) · `done task 7` · `完成 任务 7`."""
    glued = re.sub(r"^(任务|task)\s*#?(?=\d)", r"\1 ", rest.strip(), flags=re.I)  # `完成任务9`
    words = glued.split(maxsplit=1)
    task = bool(words) and words[0].lower() in V.TASK_WORDS
    ids = [_TASK_GLUED.sub("", w).lstrip("#") for w in _IDS_SEP.split(words[1] if task and len(words) > 1 else
                                                 "" if task else rest.strip())
           if w and w.lower() not in ("and", "&", "和", "及", "#")  # `done 257 and 270`
           and not (task and w.lower() in V.TASK_WORDS)]  # `done task 3 and task 4`
    listed = bool(ids) and all(i.isdigit() and len(i) < 10 for i in ids)
    if not listed and (noted := (_TASK_NOTED if task else _NUMBER_NOTED).fullmatch(
            words[1].strip() if task and len(words) > 1 else "" if task else rest.strip())):
        ids = tuple(dict.fromkeys(int(i) for i in re.findall(r"\d+", noted["ids"])))  # `done 29 and 46 both
        said = _noted(ids, _note(noted["note"]), _today, task)  # dead leads`, `done 392: sent the quote`,
        if task and isinstance(said, c.DoneFollowups):  # `done task 8 - deck shared in drive`
            return c.DoneTask(said.visit_ids, said.note)
        return said
    if not listed:
        return c.ParseError("done")
    return (c.DoneTask if task else c.DoneFollowups)(tuple(int(i) for i in ids))


#: Between the numbers of a list of things done: a space, comma, `&`, `+`, or `和`/`及`/`与` glued to
#: them (`完成任务3和4`, `done 3&4`)
_IDS_SEP = pattern(r"[\s,，、&+]+|(?<=\d)\s*(?:和|及|与|跟)\s*(?=#?\d|任务)")


_TASK_GLUED = pattern(r"^(?:任务|待办)#?(?=\d)")  # `完成 任务1和任务2`


#: A task's number and a word of it being done (`7搞定了`, `#7 已完成`, `7 done`, `#7 - done ✅`)
_DONE_WORDS = (r"(?:已经?|也|都)?(?:搞定|完成|做完|办完|弄完|办好|做好|弄好|结束)(?:了|啦|咯)?"
               r"|(?:is\s+|was\s+|all\s+|now\s+|marked\s+(?:as\s+)?)?"
               r"(?:done|finished|completed?|closed|ticked\s+off|sorted)")
_THANKS = r"(?:\s*(?:pls|please|plz|thanks|thx|ty|✅|✔️?|👍|🎉))*"
_NUMBER = r"(?:no\.?\s*|number\s+|nr\.?\s*)?#?(?P<id>\d{1,9})"
DONE_SAID = pattern(rf"{_NUMBER}\s*号?\s*(?:[,，:：]|\s[-–—]\s?)?\s*(?:{_DONE_WORDS})"
                     rf"{_THANKS}\s*[!！。.~]*", re.I)
#: Several tasks' numbers and a done word (`23 and 24 done`, `23、24都做完了`, `#23, #24 done`)
DONE_SEVERAL = pattern(rf"(?P<ids>#?\d{{1,9}}(?:\s*(?:[,，、&+/]|\band\b|和|及|与|跟)\s*#?\d{{1,9}})+)"
                        rf"\s*号?\s*(?:[,，:：]|\s[-–—]\s?)?\s*(?:(?:are\s+|were\s+|both\s+)?(?:{_DONE_WORDS}))"
                        rf"{_THANKS}\s*[!！。.~]*", re.I)
DONE_ASKED = pattern(rf"#?\d{{1,9}}\s*号?\s*[,，]?\s*(?:{_DONE_WORDS})\s*(?:了|没)?\s*"
                      r"(?:(?:吗|么|没有?)\s*[?？]*|[?？]+)", re.I)
#: Numbers, words not read and a done word (`1 adn 2 done`): how to say it, never a task so titled
DONE_UNREAD = pattern(rf"#?\d{{1,9}}(?:\s+\S+)*?\s*[,，、]?\s*#?\d{{1,9}}\s*(?:{_DONE_WORDS}){_THANKS}"
                       r"\s*[!！。.~]*", re.I)
#: `7号任务完成了`, `第7个任务搞定了` with no command word at the start
_NUMBERED_DONE = pattern(rf"(?:第\s*)?#?(?P<id>\d{{1,9}})\s*(?:号|个)?\s*(?:任务|待办|task)\s*[,，:：]?\s*"
                         rf"(?:{_DONE_WORDS}){_THANKS}\s*[!！。.~]*", re.I)
#: `finished task 7`, `mark task #7 done`, `close task 7`, `tick off task 7`: the done word first
_DONE_FIRST = pattern(rf"(?:finished|completed?|closed?|tick(?:ed)?\s+off|check(?:ed)?\s+off|"
                      rf"mark(?:ed)?|set)\s+(?:the\s+)?task\s+{_NUMBER}"
                      rf"(?:\s+(?:as\s+)?(?:done|finished|complete|completed|closed))?"
                      rf"{_THANKS}\s*[!.]*", re.I)


#: `fu 392 done`, `follow-up #392 done`, `跟进392完成了`, `visit 331 done` (the follow-up of visit
#: #331): a follow-up's number(s) and a done word
_FOLLOW_UP_DONE = pattern(rf"(?:fu|f/u|follow[\s-]?ups?|跟进|回访|visit|拜访)\s*[:：]?\s*(?P<ids>#?\d{{1,9}}"
                          rf"(?:\s*(?:[,，、&+]|\band\b|和|及)\s*#?\d{{1,9}})*)\s*号?\s*(?:[,，:：]|\s[-–—]\s?)?\s*"
                          rf"(?:(?:are\s+|both\s+)?(?:{_DONE_WORDS})){_THANKS}\s*[!！。.~]*", re.I)


#: A follow-up's number, a done word and what came of it (`392 done, sent the proposal 👍`,
#: `392搞定了，报价已发`, `fu 392 done - sent it`): follow-up #392 done, the rest its note
DONE_NOTED = pattern(rf"(?:(?:fu|f/u|follow[\s-]?up|跟进|回访)\s*[:：]?\s*)?{_NUMBER}\s*号?\s*"
                      rf"(?:[,，:：]|\s[-–—]\s?)?\s*(?:{_DONE_WORDS}){_THANKS}"
                      r"(?:\s*[,，;；:：.。!！~…⋯]+\s*|\s[-–—]\s*|\s+)(?P<note>\S.*)", re.I)
#: A second task said done after the first (`…任务6也完成了`, `… and 6 too`, `task 6 also done`)
ALSO_DONE = pattern(rf"(?:(?:and|&|\+|和|还有)\s*)?(?:(?:任务|待办|task)\s*)?(?:no\.?\s*)?#?(?P<id>\d{{1,9}})"
                    rf"\s*号?\s*"
                    rf"(?:(?:too|also|as\s+well)\s*|也\s*)?(?:(?:is\s+|was\s+)?(?:{_DONE_WORDS}))?"
                    rf"(?:\s*(?:too|also|as\s+well))?{_THANKS}\s*[!！。.~]*", re.I)
#: `done 392: sent the quote`, `完成 392，报价已发` (after the command word): one number, then its note
_LIST = r"#?\d{1,9}(?:(?:\s*(?:[,，、&+]|\band\b|和|及|与|跟)\s*|\s+)#?\d{1,9})*"
_NUMBER_NOTED = pattern(rf"(?P<ids>{_LIST})\s*(?:[,，;；:：.。]+\s*|\s[-–—]\s*|\s+)(?P<note>[^\d\s#].*)",
                        re.I)
#: `done task 7 and task 2, cfo back on the 15th`: the task word again before each number after the first
_TASK_LIST = (r"#?\d{1,9}(?:(?:\s*(?:[,，、&+]|\band\b|和|及|与|跟)\s*|\s+)"
              r"(?:(?:task|任务|待办)\s*)?#?\d{1,9})*")
_TASK_NOTED = pattern(rf"(?P<ids>{_TASK_LIST})\s*(?:[,，;；:：.。]+\s*|\s[-–—]\s*|\s+)(?P<note>[^\d\s#].*)",
                      re.I)
#: `258 and 271 done, sent both the pilot proposal`: several follow-ups done, the words after their note
DONE_SEVERAL_NOTED = pattern(rf"(?P<ids>#?\d{{1,9}}(?:\s*(?:[,，、&+]|\band\b|和|及|与|跟)\s*#?\d{{1,9}})+)"
                             rf"\s*号?\s*(?:[,，:：]|\s[-–—]\s?)?\s*(?:(?:are\s+|were\s+|both\s+|都\s*)?"
                             rf"(?:{_DONE_WORDS})){_THANKS}"
                             r"(?:(?:\s*[,，;；:：.。!！~]+\s*|\s[-–—]\s*|\s+)(?P<note>\S.*))?", re.I)


def _note(said: str) -> str:
    """What came of a follow-up as typed, without the thanks or emoji that end it."""
    return re.sub(rf"{_THANKS}\s*[!！。.~]*$", "", said, flags=re.I).strip(" ,，;；:：-–—")


def _noted(ids: tuple[int, ...], note: str, today: dt.date,
           task: bool = False) -> c.DoneFollowups | c.ParseError:
    """Follow-up(s) done with `note`, once the note is looked at for the fields that could hide in
    it: a second command (`…, also snooze 271 fri`), a follow-up or a day (`…, follow up fri`) is
    asked about, never kept as a note. A task's note may say a day (`done task 3 - dinner booked
    for thurs`): a task done has no day to move, so the day is what came of it."""
    from handlers.grammar import clauses

    seen = view(note)
    if (second := _SECOND.search(seen)) is not None and note[:second.start()].strip(" ,，.。;；"):
        at = second.start("cmd" if second["cmd"] else "num" if second["num"] else "word")  # `… w/
        return _two_commands(ids, note, at, task, _pushed(note[at:].strip()) if second["num"] else "")
        # someone else. snooze 130 2 days` · `…，130推到下周三`: a push of its own, typed as a command
    bare = re.sub(r"^(?:(?:also|and|then|plus|另外|还有|然后|并且|同时)[\s,，:]*)+", "", seen, flags=re.I)
    first = (bare.split() or [""])[0].lower()
    command = first in clauses.SECOND_EN | {"done", "snooze"} \
        or bare.startswith((*clauses.SECOND_ZH, "完成", "推迟"))
    if _CLOSED.match(bare):  # `93 done, lost it`: a deal closed, or what came of it: asked (r25 #102)
        return _two_commands(ids, note, len(note) - len(note.lstrip()), task, typed=note.strip())
    day = None if command or task or len(ids) > 1 else day_in_notes(note, today)
    if day and len(told := clauses.follow_ups(note, seen, today) or ()) == 1 and isinstance(told, list):
        day = (day[0], told[0].day)  # `demo booked for thurs f/u 12/17`: the day after `f/u` (r25 #208)
    if day:  # `王总说下个月启动`: what came of it, or a new follow-up then too: asked, words kept
        return _note_or_follow_up(ids[0], note, day, today)
    dated = clauses.DATE_LIKE.match(bare) and parse_date(" ".join(bare.split()[:2]), today)
    if command or clauses.follow_ups(note, seen, today) or not task and (day_in_notes(note, today) or dated):
        return c.ParseError("done", "done_note_fields", note)
    return c.DoneFollowups(ids, note)


def _note_or_follow_up(visit_id: int, note: str, day: tuple[str, dt.date], today: dt.date) -> c.ParseError:
    """One tap each: done with `note` as what came of it, or that and a new follow-up on `day`."""
    from handlers.grammar.command_json import encode

    done = c.DoneFollowups((visit_id,), note)
    zh = re.search(r"[\u4e00-\u9fff]", note) is not None
    said = f"\n完成 {visit_id}：{note}" if zh else f"\ndone {visit_id}: {note}"  # whole messages
    # a visit has one follow-up: a new one on it would open the done again (fix29a), so the next
    # follow-up is a task of its own on that day, the done kept
    title = f"跟进（拜访 #{visit_id}）：{note}" if zh else f"follow up (visit #{visit_id}): {note}"
    again = (f"任务 {day[1]:%Y-%m-%d} " if zh else f"task {day[1]:%Y-%m-%d} ") + title
    return c.ParseError("done", "done_note_day", note, options=(
        ("done_with_note", said, done),
        ("done_and_follow_up", f"{said}\n{again}",
         c.Several((encode(done), encode(c.AddTask(title[:200], due=day[1])))))))


def task_done_noted(task_id: int, note: str, today: dt.date) -> c.DoneTask | None:
    """`任务7搞定了 方案已经发给王总` · `task 12 done✅ 邮件发了`: task 7 done, the words what came of it
    (a task keeps none: the reply says so, or they go to whoever gave it); None where the words hide a
    second command, a follow-up or a day (asked)."""
    said = _noted((task_id,), _note(note), today, task=True)
    return c.DoneTask(said.visit_ids, said.note) if isinstance(said, c.DoneFollowups) and said.note else None


def follow_up_done_noted(raw: str, text: str, today: dt.date) -> c.DoneFollowups | c.ParseError | None:
    """`392 done` · `392 done, sent the proposal 👍` · `392搞定了，报价已发` (no command word):
    follow-up #392 done, as `done 392` is, the words after it kept as its note (`text`: the
    message folded, position for position with `raw`)."""
    if (plain := DONE_SAID.fullmatch(text.strip())) is not None:
        return c.DoneFollowups((int(plain["id"]),))
    if (both := also_done(text)) is not None:
        return c.DoneFollowups(both)  # `8完成了，6也完成了`: both (tasks of theirs: offered as tasks)
    if (several := DONE_SEVERAL_NOTED.fullmatch(text.strip())) is not None:  # `258 and 271 done, sent it`
        ids = tuple(dict.fromkeys(int(i) for i in re.findall(r"\d+", several["ids"])))
        if not several["note"]:
            return c.DoneFollowups(ids)
        at = len(text) - len(text.lstrip())
        return _noted(ids, _note(raw[at + several.start("note"):at + several.end("note")]), today)
    found = DONE_NOTED.fullmatch(text.strip())
    if found is None:
        return None
    at = len(text) - len(text.lstrip())
    note = _note(raw[at + found.start("note"):at + found.end("note")])
    said = _noted((int(found["id"]),), note, today) if note else None
    if isinstance(said, c.ParseError) and said.problem == "two_commands":  # `93 done - …. snooze 130`:
        word = "完成" if re.search(r"[\u4e00-\u9fff]", note) else "done"  # the done typed out, then the other
        said = replace(said, options=tuple((label, f"{word} {line}" if line else line, command)
                                           for label, line, command in said.options))
    if isinstance(said, c.ParseError) and said.options:  # no keyword before: each its own message
        said = replace(said, options=tuple((label, text.lstrip("\n"), command)
                                           for label, text, command in said.options))
    return said


def also_done(text: str) -> tuple[int, int] | None:
    """(the first number, the second) where a second one is said done after the first (`8完成了，6也
    完成了`, `task 8 done and 6 too`): both done, never the second kept as the first's note."""
    noted = DONE_NOTED.fullmatch(re.sub(r"^\s*(?:任务|待办|task)\s*", "", text, flags=re.I).strip())
    also = ALSO_DONE.fullmatch(noted["note"]) if noted else None
    if also is None or also["id"] == noted["id"] or not _ALSO_SAID.search(noted["note"]):
        return None  # `task 8 done, 6`: a bare number is no second done said
    return int(noted["id"]), int(also["id"])


_ALSO_SAID = pattern(r"too|also|as well|也|done|finish|complet|closed|sorted|完|搞定|好", re.I)


def follow_up_done_said(text: str) -> c.DoneFollowups | None:
    """`fu 392 done` · `跟进 392 完成了`: follow-up #392 done, as `done 392` is."""
    found = _FOLLOW_UP_DONE.fullmatch(view(text).strip())
    return c.DoneFollowups(tuple(dict.fromkeys(int(i) for i in re.findall(r"\d+", found["ids"])))) \
        if found else None


def done_said(text: str) -> c.DoneTask | None:
    """`7号任务完成了` (a task's number before the task word, no command word): task 7 done."""
    found = _NUMBERED_DONE.fullmatch(view(text).strip())
    first = _DONE_FIRST.fullmatch(view(text).strip())
    if first and first[0].split()[0].lower() in ("mark", "marked", "set") \
            and not re.search(r"(?:done|finished|complete|completed|closed)\W*$", first[0], re.I):
        first = None  # `mark task 7` alone says nothing of it being done
    found = found or first
    return c.DoneTask((int(found["id"]),)) if found else None


#: A second command after a break in a done's note (`… someone else. snooze 130 2 days`, `…，另外推迟 390`):
#: a command word and a number, or, after a full stop, a command word that takes words (`… task call …`)
_JOIN = r"(?:(?:also|and|then|plus|另外|还有|然后|并且|同时)[\s,，:]*)*"
_SECOND = pattern(r"(?:[。;；!！?？\n]|\.(?=\s)|[,，])\s*" + _JOIN + r"(?P<cmd>"
                  r"(?:(?:snooze|postpone|done|visit|deal|won|lost|task|tip)(?![A-Za-z])|推迟|延后|完成|拜访|商机"
                  r"|赢单|输单|任务|经验)\s*#?\d)"
                  r"|(?:[。;；!！?？\n]|\.(?=\s)|[,，])\s*" + _JOIN
                  + r"(?P<num>#?\d{1,9})\s*号?\s*(?:" + PUSH_WORDS + r"|改到|改成)"
                  r"|(?:[。;；!！?？\n]|\.(?=\s))\s*" + _JOIN +
                  r"(?P<word>(?:visit|deal|won|lost|task|tip)\s+(?=\S)|(?:拜访|商机|任务)(?=\S))", re.I)


_PUSHED = pattern(r"^#?(?P<num>\d{1,9})\s*号?\s*(?:" + PUSH_WORDS + r"|改到|改成)\s*(?P<day>.*)$", re.I)


def _pushed(said: str) -> str:
    """`130推到下周三` · `130 pushed to next wed`: the same push as a command (`推迟 130 下周三`)."""
    found = _PUSHED.match(said)
    zh = re.search(r"[\u4e00-\u9fff]", said) is not None
    return f"{'推迟' if zh else 'snooze'} {found['num']} {found['day'].strip()}" if found else said


#: A done's note that starts as a deal won or lost (`lost it`, `won the deal`, `输单了`, `丢单了`)
_CLOSED = pattern(r"(?:lost|won)(?![A-Za-z])|输单|赢单|丢单", re.I)


def _two_commands(ids: tuple[int, ...], note: str, second: int, task: bool, typed: str = "") -> c.ParseError:
    """`done 93: initech signed w/ someone else. snooze 130 2 days`: two things; asked, one tap each:
    both run (the done with the words before the second command, then that command), or all of it
    what came of the follow-up (never the second command kept as text unasked)."""
    from handlers.grammar import clauses

    zh = re.search(r"[\u4e00-\u9fff]", note) is not None
    first = note[:clauses.filler_before(note, second)].rstrip(" ,，;；")
    other = typed or note[second:].strip()
    numbers = " ".join(str(i) for i in ids)
    both = f"{('任务 ' if zh else 'task ') if task else ''}{numbers}{'：' if zh else ': '}{first}\n{other}"
    if not first:  # `93 done, lost it`: the done alone, then the rest as its own command
        both = f"{('任务 ' if zh else 'task ') if task else ''}{numbers}\n{other}"
    whole = (c.DoneTask if task else c.DoneFollowups)(ids, note)
    return c.ParseError("done", "two_commands", other, options=(("both", both, None), ("as_one", "", whole)))
