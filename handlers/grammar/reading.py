"""A whole message read: its keyword found (`handlers.grammar.intents`), the intent's parser run on
what follows, and every word accounted for (`read`: handlers/grammar/spans.py). What no field
claims, a day readable two ways, or a sentence without a command word is a question, never a
guess."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from handlers.grammar import commands as c
from handlers.grammar import everyday, leave_cancel_said, plain_undo
from handlers.grammar import parse as p
from handlers.grammar.amounts import amount_words
from handlers.grammar.deal_joined import joined_deal
from handlers.grammar.deal_said import plain_changes, without_new
from handlers.grammar.due_asked import asks
from handlers.grammar.emoticons import without_emoticons
from handlers.grammar.grammar_words import grammar_words
from handlers.grammar.intents import BY_NAME, INTENTS, MAX_TEXT, split_keyword
from handlers.grammar.normal import simplified, view
from handlers.grammar.offer_checked import offer_checked
from handlers.grammar.parse_done import done_said, follow_up_done_noted, follow_up_done_said
from handlers.grammar.parse_reports import needed_asked, progress_asked
from handlers.grammar.parse_tasks import parse_task
from handlers.grammar.patterns import pattern
from handlers.grammar.sentences import sentence, team_target
from handlers.grammar.target_said import target_said
from handlers.grammar.targets_asked import targets_asked
from handlers.grammar.task_filler import without_filler
from handlers.grammar.task_reopen import reopen_typo
from handlers.grammar.typed_back import as_typed
from handlers.grammar.typos import NUMBER_FIRST, keyword_typo

_CJK = pattern(r"[\u3400-\u9fff]")

def parse(text: str, today: dt.date | None = None) -> c.Command | c.ParseError:
    """Parse one message. Relative dates are read from `today` (the user's, in their timezone).

    >>> parse("进度 团队").scope
    Scope(kind='team', name=None)
    """
    text = _amounts(everyday.rewrite(plain_changes(without_new(without_emoticons(text)))))  # `delete
    # visit 393`: `visit #393 delete` · `30 grand`: `30k` · `lost 格力 :( …`: no emoticon in a field
    raw = " ".join(text.split())  # as typed: free text (notes, reasons) is stored this way
    text = simplified(p.normalize(text))  # the same length as `raw`, position for position
    if not text:
        return c.Help()
    if len(text) > MAX_TEXT:
        return c.ParseError(None, "too_long")
    name, _, rest = split_keyword(text)
    if name in ("visits", "deals") and (needed := needed_asked(text, today)) is not None:
        return needed  # `visits needed this month`: the pace, never the visits of a customer "needed"
    if name in (None, "followups", "visit") and (closed := follow_up_done_said(text)) is not None:
        return closed  # `fu 392 done`, `跟进392完成了`: `done 392`
    if name is None and (done := done_said(text) or follow_up_done_noted(raw, text, today or dt.date.today())
                         ) is not None:
        return done  # `7号任务完成了`: task 7 done; `392 done, sent the quote`: follow-up #392, noted
    if name in (None, "team") and (target := target_said(text)) is not None \
            and isinstance(said := parse(target, today), c.SetTarget):
        return said  # `李娜下个月目标50万`, `set Bo's target for next month to 50k`, `Ana target Q1
        # 1.2m`: the target command (a manager's; the period shown back)
    if name in (None, "team") and target is not None and getattr(said, "problem", "") == "count_money":
        return said  # `Bo's deal target for Q1 to 800k`: money, never 800,000 deals (asked)
    if name in (None, "team", "target") and (asked := targets_asked(text, today or dt.date.today())):
        return asked  # `下个月团队目标多少`, `what's my target this month`, `targets next month`: listed
    if name == "team" and (team := team_target(raw, today or dt.date.today())) is not None:
        return team  # `团队下季度业绩目标六百万 按人头分下去`: the team's target offered, never team admin
    if name in (None, "undo") and (cancel := leave_cancel_said.said(raw)) is not None \
            and isinstance(taken := parse(cancel, today), (c.TakeLeave, c.ParseError)) \
            and getattr(taken, "topic", "leave") == "leave":
        return taken  # `12月9号的假不请了`, `cancel leave dec 9`: `请假 取消 12月9号`
    if name is None and (typo := _typo_of_command(text, today)) is not None:
        return typo  # `vist huawei: … signed before xmas`: that command offered, never a win read
        # in its words, nor a task of its follow-up with the slip kept (`vist acme - …, follow up eow`)
    if name is None and (task := _follow_up_task(raw, text, today or dt.date.today())) is not None:
        return task  # `下周三跟进格力`: a task for that day?
    if name is None and (said := sentence(raw, text, today or dt.date.today())) is not None:
        return said  # `went to see Globex today, met CFO`: `visit Globex: met CFO`?
    if name is None and (reopen := reopen_typo(raw)) is not None:
        return c.ParseError(None, "typo", *reopen)  # `reopne task 6`: `reopen task 6`? (fix29a)
    if name is None:
        typo = keyword_typo(text)
        if typo and isinstance(parse(fixed := text.replace(typo[0], typo[1], 1), today), c.Command):
            return c.ParseError(None, "typo", typo[0], fixed)  # `vist Acme: …`: asked about, never
            # stored as something else; a command the rest of the words do not fit is no guess
        return progress_asked(text, today) or c.ParseError(None)  # `how far am I from target this month?`
    intent = BY_NAME[name]
    head = raw[:len(raw) - len(rest)] if not intent.whole else ""  # the command word as typed
    if intent.free_text:
        rest = raw[len(raw) - len(rest):]
    else:  # names as typed; only the grammar's own words read simplified (`商務談判`); an
        # emoji is no word of a command (`progress team 👍`)
        rest = grammar_words(p.normalize(raw)[len(raw) - len(rest):], rest)
        if p.SYMBOLS.search(rest):
            rest = " ".join(p.SYMBOLS.sub(" ", rest).split())
    if intent.whole:
        rest = text
    result = as_typed(intent.parser(rest, today or dt.date.today()), raw, p.normalize(raw))  # `：` kept
    if name == "undo" and isinstance(result, c.ParseError) and (typo := plain_undo.kind_typo(raw)):
        return c.ParseError(None, "typo", typo[0], typo[1])  # `undo that snoze`: which undo, asked
    if isinstance(result, c.ParseError) and result.fixed:  # the whole message, as probably meant
        result = replace(result, fixed=text[:len(text) - len(rest)] + result.fixed)
    if isinstance(result, c.ParseError) and result.options:
        result = replace(result, options=tuple((label, _whole(head, said), command)
                                               for label, said, command in result.options))
    return result


#: A next contact said with its day (`follow up with Acme next wed`, `call back huawei next week`,
#: `周五回电话给京东`): a task for that day, never a visit done
NEXT_CONTACT = pattern(r"(?<![A-Za-z])(?:follow[\s-]?up|call\s+(?:\w+\s+)?(?:back|again)|"
                     r"ring\s+(?:\w+\s+)?back|check\s+in\s+(?:with|on)|touch\s+base|ping|reach\s+out\s+to|get\s+back\s+to)(?![A-Za-z])"
                     r"|跟进|回访|回电|回个?电话|再联系|再打(?:个)?电话", re.I)


#: Commands whose words are kept as typed: no amount in words read in them (`half a million users`)
_WORDS_KEPT = (None, "visit", "task", "tip", "standup", "schedule", "leave", "customer")


def _amounts(text: str) -> str:
    """`text` with its amounts' units written as the grammar's (`30 grand` → `30k`), and amounts
    said in words (`half a mil` → `500k`) in a command whose words are fields."""
    name = split_keyword(simplified(p.normalize(text)))[0]
    return amount_words(text, in_words=name not in _WORDS_KEPT)


def _follow_up_task(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    """A follow-up with a day and no command word (`下周三跟进格力`, `follow up with Acme next wed`):
    asked whether it is a task for that day, the task's message offered (`任务 下周三跟进格力`)."""
    if not NEXT_CONTACT.search(text) or asks(text):
        return None  # `我这周有啥要跟进的`: a question, never a task (r31zh #37)
    task = parse_task(raw, today)
    word = '任务' if _CJK.search(text) else 'task'
    if isinstance(task, c.ParseError) and task.problem == "task_period" and not task.options[0][2].assignee:
        return c.ParseError(None, "follow_up_as_task", raw, options=(  # `call back acme next week`: due
            ("as_task", f"{word} {task.options[0][1]}", None),))  # that week's Friday, written out
    if not isinstance(task, c.AddTask) or task.due is None or task.assignee:
        return None
    said = f"{word} {raw}"
    return c.ParseError(None, "follow_up_as_task", raw, options=(("as_task", said, None),))


@dataclass(frozen=True)
class Reading:
    """A message read in full: the command (or the question about it), each field's span of
    the message, and the words no field claimed (none, or the command is asked about)."""

    command: c.Command | c.ParseError
    spans: tuple = ()


_ACCOUNTED = (c.LogVisit, c.UpsertDeal, c.CloseDeal, c.AddTask)


#: An English word that joins a message on to the one before (`also snooze 93 …`, `and pipeline`)
_ALSO = pattern(r"^\s*(?:(?:(?:and|also|plus|oh)[\s,]+)+(?=[A-Za-z])"
                r"|(?:还有|另外|然后|同时|并且|而且|再)[\s,，、]+)", re.I)  # `还有 商机 …`: apart only


def read(text: str, today: dt.date | None = None) -> Reading:
    """`parse`, then every word accounted for (handlers/grammar/spans.py): a visit, deal, win or loss, or
    task whose message holds words no field claims is asked about, never stored in part. A grammar
    word typed with a slip of its sound (`任务列比`, `改倒下周一`) is asked about where the word
    makes the message another command or a question of its own (handlers/grammar/misheard.py)."""
    from handlers.grammar.also_typo import also_fixed
    from handlers.grammar.deal_given import given
    from handlers.grammar.handover_why import given as handover
    from handlers.grammar.misheard import with_keywords

    if (deal := given(text, today or dt.date.today())) is not None:
        return Reading(deal)  # `give deal 46 to bo`, `46号单子转给张伟`: that deal's owner, never a title
    if (handed := handover(text, today or dt.date.today())) is not None:
        return Reading(handed)  # `give task 12 to Bo because he knows them`: the why never a day (fix34b)
    if (slip := also_fixed(text, today, parse)) is not None:  # `…, alos snooze 1 fri`: `also`, offered
        return Reading(c.ParseError(None, "word_typo", *slip))
    reading = _read(text, today)
    if isinstance(reading.command, c.ParseError) and reading.command.options \
            and (checked := offer_checked(reading.command, lambda line, day: _read(line, day).command,
                                          today)) is not reading.command:
        return Reading(checked)  # an offer that would not store what it says is never made
    if (fixed := with_keywords(text)) is None:
        return reading
    before, after = reading.command, _read(fixed[0], today).command
    if isinstance(after, c.ParseError) and not after.options or type(before) is type(after) \
            and not (isinstance(after, c.ParseError) and not getattr(before, "options", None)):
        return reading  # the slip read as typed: the same command, or nothing the keyword makes
    if isinstance(after, c.ParseError):
        return Reading(replace(after, detail=after.detail or fixed[1]))  # `…商机推近到方案`: asked as 推进到
    topic = before.topic if isinstance(before, c.ParseError) else \
        next((i.name for i in INTENTS if type(before) in i.makes), None)
    return Reading(c.ParseError(topic, "word_typo", fixed[1], fixed[0]))


def _read(text: str, today: dt.date | None = None) -> Reading:
    from handlers.grammar.day_cut import cut_day_keeping_part, day_word_left, reads_broken
    from handlers.grammar.parse_tasks import title_left
    from handlers.grammar.spans import account, date_in
    from handlers.grammar.task_said import as_task, day_first

    today = today or dt.date.today()
    if (lead := _ALSO.match(view(text))) and split_keyword(simplified(p.normalize(text[lead.end():])))[0]:
        text = text[lead.end():]  # `also snooze 93 to next fri`: the command after a word that joins it on
    if not split_keyword(simplified(p.normalize(text)))[0] and (task := as_task(text)) is not None:
        text = task  # `春节前要把华为的合同签下来 建个任务`: the task it asks for, never a win
    elif not split_keyword(simplified(p.normalize(text)))[0] and (task := day_first(text, today)) is not None:
        text = task  # `22号任务：给华为发报价`: due the 22nd, never deal #22
    text, phase = joined_deal(without_new(text))  # `49号单推到初步接触了 顺便金额改成25万`
    if phase is not None:
        return Reading(phase)  # `推到商务谈判后期`: asked without 后期
    text = _amounts(everyday.rewrite(plain_changes(text)))  # as read (`USD 120k`) · `30 grand`: `30k`
    name, _lang, after = split_keyword(simplified(p.normalize(text)))
    if (money := everyday.foreign_money(" ".join(text.split()), name, _lang == "zh")) is not None:
        return Reading(money)  # `deal Acme S$60k`: no amount kept in a currency not kept here
    if name == "task":  # `add a task for that too: …`: no title "for that too", `that` the customer
        text = without_filler(text, after)
        name, _lang, after = split_keyword(simplified(p.normalize(text)))
    command = parse(text, today)
    if name == "visit" and (ahead := everyday.visit_ahead(after, command, today, _lang == "zh")) is not None:
        return Reading(ahead)  # `visit Acme Corp in april`: a visit still to come, offered as a task
    if (two_ways := _day_or_month_first(text, command, today)) is not None:
        return Reading(two_ways)
    if not isinstance(command, _ACCOUNTED):
        return Reading(command)
    raw = " ".join(text.split())
    _name, _lang, rest = split_keyword(simplified(p.normalize(text)))
    accounted = account(raw, command, today, len(raw) - len(rest))
    if accounted.unclaimed:
        topic = {c.LogVisit: "visit", c.UpsertDeal: "deal", c.AddTask: "task"}.get(
            type(command), "won" if getattr(command, "won", False) else "lost")
        return Reading(c.ParseError(topic, "unread_words", " ".join(accounted.unclaimed)), accounted.spans)
    if isinstance(command, c.AddTask) and command.due is None and (dated := date_in(command.title, today)):
        said, day = dated  # `task call Globex CFO tmrw at 10am`: a day in the title is the due
        # day (shown back as one: the testers found the question needless), its `by` with it
        at = command.title.find(said)
        title = cut_day_keeping_part(command.title, at, at + len(said))  # `tmrw morning`: `in the morning`
        if reads_broken(title) or day_word_left(title, dated=True):  # `… by wed morning, …`
            return Reading(title_left(title, command.title, replace(command, title=title, due=day)),
                           accounted.spans)
        return Reading(replace(command, title=title, due=day), accounted.spans)
    if isinstance(command, c.AddTask) and command.due is None and (word := day_word_left(command.title)):
        return Reading(c.ParseError("task", "part_without_day", word, options=(  # `call Acme morning`
            ("keep_in_title", "", command),)), accounted.spans)
    return Reading(command, accounted.spans)


_SLASHED = pattern(r"(?<![\d/#.:])(\d{1,2})/(\d{1,2})(?![\d/])")


def _day_or_month_first(text: str, command, today: dt.date) -> c.ParseError | None:
    """`deal #46 close 8/1`, `fu 7/12`: a day both ways readable (8 Jan or Aug 1) that a command
    took month first is asked about, each reading offered with its date written out in full."""
    from dataclasses import fields, is_dataclass

    from handlers.grammar.dates import parse_date
    from handlers.grammar.past_days import past_day

    if isinstance(command, c.ParseError):  # a question whose answer would store a day read one way
        asked = (_day_or_month_first(text, option[2], today) for option in command.options or ()
                 if len(option) > 2 and option[2] is not None)
        two = next((two for two in asked if two is not None), None)
        if two is None or any(option[2] is None for option in two.options):
            return two
        others = tuple(option for option in command.options if len(option) > 2 and option[2] is not None
                       and _day_or_month_first(text, option[2], today) is None)
        return replace(two, options=two.options + others)  # `… revert by 10/12`: Dec 10, Oct 12, or
        # only notes, one question (the notes as typed whichever is chosen)
    if not is_dataclass(command):
        return None
    days = {f.name: getattr(command, f.name) for f in fields(command)
            if isinstance(getattr(command, f.name), dt.date)}
    raw = " ".join(text.split())
    slashed = [(int(m[1]), int(m[2])) for m in _SLASHED.finditer(raw)]
    if any(second > 12 >= first for first, second in slashed) \
            or any(a[0] == b[0] != a[1] for a, b in zip(slashed, slashed[1:], strict=False)):
        return None  # `11/23-12/10` · `12/1-12/2`: the message writes its days month first
    for found in _SLASHED.finditer(raw):
        first, second = int(found[1]), int(found[2])
        if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
            continue
        for name, day in days.items():
            read_as = past_day if name == "day" and isinstance(command, c.LogVisit | c.ChangeVisit) \
                else parse_date
            if read_as(found[0], today) != day:
                continue
            other = read_as(f"{second}/{first}", today)
            if other is None or other == day:
                continue
            if read_as is parse_date and _near(day, today) and not _near(other, today):
                continue  # `f/u 12/10` on Dec 6: Dec 10, not Oct 12 next year (shown back with its weekday)
            topic = next((i.name for i in INTENTS if type(command) in i.makes), None)
            ranged = bool(re.match(r"\s*[-~–—至到]", raw[found.end():]) or re.search(r"[-~–—至到]\s*$",
                                                                                   raw[:found.start()]))
            written = "%Y/%m/%d" if ranged else "%Y-%m-%d"  # `2027-01-04-1/8` would read as no range
            kept = _as_typed(text, command, today)  # the notes keep `10/12`, not the date written out
            options = tuple((label, raw[:found.start()] + when.strftime(written) + raw[found.end():],
                             replace(command, **{name: when}) if kept else None)
                            for label, when in (("month_first", day), ("day_first", other)))
            return c.ParseError(topic, "day_or_month", found[0], options=options)
    return None


NEAR = dt.timedelta(days=62)  # a day still to come this close is the one meant, the other reading far


def _near(day: dt.date, today: dt.date) -> bool:
    """Whether a day to come is within about two months (a past day, or one further, is not)."""
    return today <= day <= today + NEAR


def _as_typed(text: str, command, today: dt.date) -> bool:
    """Whether `command` may be an answer's command as it is, its day the only thing asked: a
    command a button may carry whose words are all accounted for (else the answer is re-read)."""
    from handlers.grammar.command_json import STRUCTURED
    from handlers.grammar.spans import account

    if not isinstance(command, STRUCTURED) or isinstance(command, c.Several):
        return False
    if not isinstance(command, _ACCOUNTED):
        return True
    raw = " ".join(text.split())
    rest = split_keyword(simplified(p.normalize(text)))[2]
    return not account(raw, command, today, len(raw) - len(rest)).unclaimed


def _whole(head: str, said: str) -> str:
    """An option's message: what the parser gave after the keyword as typed, or, where it starts
    with a new line, a message of its own (`task @ana …` ⏎ `task @bo …`)."""
    if not said:
        return ""
    return said[1:] if said.startswith("\n") else head + said


def _typo_of_command(text: str, today: dt.date | None) -> c.ParseError | None:
    """The question "did you mean `visit …`?" for a misspelt command word whose command reads the
    rest of the words, or asks about them in turn (`vist huawei: … before xmas`), else None."""
    typo = keyword_typo(text)
    if not typo or NUMBER_FIRST.match(text):
        return None
    fixed = text.replace(typo[0], typo[1], 1)
    read_fixed = parse(fixed, today)
    if isinstance(read_fixed, c.ParseError) and read_fixed.fixed and not read_fixed.options \
            and isinstance(parse(read_fixed.fixed, today), c.Command):
        fixed = read_fixed.fixed  # `wn #2 150k beat sap`: `won #2 150k: beat sap`, both slips put right
        read_fixed = parse(fixed, today)
    if isinstance(read_fixed, c.Command) or read_fixed.options \
            and read_fixed.topic == split_keyword(fixed)[0]:
        return c.ParseError(None, "typo", typo[0], fixed)
    return None
