"""Log a visit; list and close follow-ups."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import DoneFollowups, ListFollowups, LogVisit, ParseError, SnoozeFollowup
from handlers.grammar.emoticons import edges_clean
from handlers.grammar.normal import name_fold
from handlers.grammar.parse_visits import follow_up_said
from handlers.grammar.patterns import pattern
from handlers.grammar.visit_day import leading_day
from handlers.known_names import NAME_WORDS, known_lead
from handlers.lookup import AND_WORDS, customer_named, example, joined_known, known_customers
from handlers.sales import visit_task_asked
from handlers.sales.leave_day import note_on_leave
from handlers.sales.task_due import shifted_day, snoozed_task
from handlers.text import format as fmt
from handlers.text import when_read
from handlers.text.reply import Button, Heading, Reply
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Task, Visit
from storage.sales import CustomerRepository, VisitRepository, close_followups

_CJK = pattern(r"[\u3400-\u9fff]")


def handle_log_visit(ctx: Ctx, cmd: LogVisit) -> Reply:
    if cmd.unsplit or (cmd.comma and _new_long_name(ctx, cmd.customer)):
        split = _split_customer(ctx, cmd)
        if split.day is None and split.notes != cmd.notes and (said := leading_day(split.notes, ctx.today)):
            split = _on_day(ctx, split, said)  # `visit Globex yday met cfo`: the visit's day
        if cmd.unsplit and split.follow_up is None and split.notes != cmd.notes:
            _ask_follow_up_in_notes(ctx, split)  # `拜访 umbrella 明天9点再过去一次`: the day asked
        cmd = split
    if cmd.day is not None and cmd.day > ctx.today:  # a visit still to come is a plan: a task
        raise ctx.refuse("visit_day_future", day=ctx.day(cmd.day))
    cmd = _members_apart(ctx, cmd)  # `拜访 腾讯和王芳：…`: 王芳 came along, no customer
    customer = customer_named(ctx, cmd.customer)
    visit_task_asked.ask(ctx, cmd, customer)  # `…, add a task`: a visit and a task, or a task only?
    visited_at = ctx.now - dt.timedelta(days=(ctx.today - cmd.day).days) if cmd.day else ctx.now
    cmd = replace(cmd, notes=edges_clean(cmd.notes))  # no stray `(` or `-` left at an edge
    visit = VisitRepository(ctx.session).add(
        tenant_id=ctx.tenant.id, member_id=ctx.member.id, customer_id=customer.id,
        visited_at=visited_at, notes=cmd.notes, next_step=cmd.next_step, outcome=cmd.outcome,
        follow_up_on=cmd.follow_up)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.log", "visit", visit.id, at=ctx.now,
                     customer=customer.name)
    fields = [(ctx.t(key), value) for key, value in
              (("notes", cmd.notes), ("next_step", cmd.next_step), ("outcome", cmd.outcome)) if value]
    if cmd.day is not None and cmd.day != ctx.today:  # `visit Globex yesterday`: the day, shown back
        fields.insert(0, (ctx.t("visit_day"), fmt.day_stored(cmd.day, ctx.today, ctx.locale)))
    buttons = []
    if cmd.follow_up:
        note_on_leave(ctx, ctx.member, cmd.follow_up)  # a follow-up on a day of leave: kept, said
        fields.append((ctx.t("follow_up"), fmt.day_stored(cmd.follow_up, ctx.today, ctx.locale)))
        buttons.append(Button(ctx.t("mark_done"), f"{name_of(WORDS, 'done', ctx.locale)} {visit.id}"))
    lines = [ctx.t("new_customer", customer=customer.name)] if ctx.created_customers else []
    return Reply(title=ctx.t("visit_logged", customer=customer.name), lines=tuple(lines),
                 fields=tuple(fields), buttons=tuple(buttons))


def _on_day(ctx: Ctx, cmd: LogVisit, said: tuple[str, tuple[dt.date, ...]]) -> LogVisit:
    """`cmd` on the day its notes start with (`yday met cfo`), those words out of the notes; `last
    fri` said on a weekend is asked: which Friday (handlers/grammar/visit_day.py `days_of`)."""
    notes = cmd.notes.strip()[len(said[0]):].lstrip(" ,，:：;；")
    word = name_of(WORDS, "visit", ctx.locale)
    if len(said[1]) > 1:
        raise ctx.refuse("visit_day_which", text=said[0], buttons=tuple(
            Button(ctx.day(day), f"{word} {cmd.customer} {day.isoformat()}: {notes}",
                   action=replace(cmd, day=day, notes=notes)) for day in said[1]))
    return replace(cmd, day=said[1][0], notes=notes)


def handle_list_followups(ctx: Ctx, _cmd: ListFollowups) -> Reply:
    """Overdue, today, the rest of the week, next week's within 7 days, and how many come later;
    Done buttons."""
    until = ctx.today + dt.timedelta(days=7)
    repo = VisitRepository(ctx.session)
    rows = ctx.mine(("followups", until), lambda ids: repo.open_followups_of(ids, until), [])
    later = ctx.mine(("followups_after", until), lambda ids: repo.open_followups_after_of(ids, until), 0)
    if not rows:
        lines = (ctx.t("followups_none"),) + ((ctx.t("followups_later", count=later),) if later else ())
        return Reply(title=ctx.t("followups_title"), lines=lines)
    lines = []
    for bucket in ("overdue", "today", "week", "next"):  # this week ends on Sunday (r31zh #39)
        mine = [(visit, customer) for visit, customer in rows
                if when_read.bucket_of(visit.follow_up_on, ctx.today) == bucket]
        if mine:  # a queued list's headings are put as of when it is read
            lines.append(when_read.bucket_heading() if ctx.queued else Heading(ctx.t(f"followups_{bucket}")))
        for visit, customer in mine:
            line = ctx.t("followup_line", id=visit.id, customer=customer, when=ctx.day(visit.follow_up_on),
                         late="")
            detail = visit.next_step or visit.notes
            line = f"{line} · {detail}" if detail else line
            lines.append(when_read.in_bucket(line, visit.follow_up_on, ctx.zone.key) if ctx.queued else line)
    if later:
        lines.append(ctx.t("followups_later", count=later))
    done = name_of(WORDS, "done", ctx.locale)
    snooze = name_of(WORDS, "snooze", ctx.locale)
    buttons = tuple(Button(f"✓ #{visit.id}", f"{done} {visit.id}") for visit, _ in rows[:5])
    first = rows[0][0].id
    return Reply(title=ctx.t("followups_title"),
                 lines=(*lines, ctx.t("followups_hint", example=f"{done} {first}"),
                        ctx.t("snooze_hint", example=f"{snooze} {first} {ctx.t('next_week_word')}")),
                 buttons=buttons, locale=ctx.locale)


def handle_snooze(ctx: Ctx, cmd: SnoozeFollowup) -> Reply:
    visit = VisitRepository(ctx.session).get(ctx.tenant.id, cmd.visit_id)
    if visit is None or visit.member_id != ctx.member.id or visit.follow_up_done:
        if (task := snoozed_task(ctx, cmd.visit_id, cmd.day, cmd.shift_days, cmd.working)) is not None:
            raise task  # `snooze 7 fri`, #7 a task: its day moved, offered
        raise ctx.refuse("snooze_none", id=cmd.visit_id, hint=example(ctx, "followups"))
    was = visit.follow_up_on
    # `2 days`: later than it was due (from today when that day is past), in working days
    day, counted = (cmd.day, None) if cmd.day else shifted_day(ctx, was, cmd.shift_days, cmd.working)
    if day < ctx.today:
        raise ctx.refuse("leave_past", hint=example(ctx, "snooze"))
    if was is not None and ctx.today <= was and day < was and not cmd.earlier:
        raise _earlier(ctx, cmd, visit.id, day, was)  # `snooze 391 to next mon`, due Thu: earlier?
    when = fmt.day_stored(day, ctx.today, ctx.locale)
    if day == was:  # nothing moves: said so, not "moved"
        return Reply(lines=(ctx.t("snoozed_same", id=visit.id, when=when),))
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.snooze", "visit", visit.id, at=ctx.now,
                     before=was, after=day)
    visit.follow_up_on = day
    note_on_leave(ctx, ctx.member, day)
    if cmd.why:  # `snooze 12 to mon, client traveling`: why, added to the visit's notes
        visit.notes = "; ".join(n for n in (visit.notes, cmd.why) if n)
    key = "snoozed_from" if was else "snoozed"
    return Reply(lines=(ctx.t(key, id=visit.id, when=when,
                              was=fmt.day(was, ctx.today, ctx.locale) if was else ""),
                        *((counted,) if counted else ()),
                        *((ctx.t("snooze_why_kept", id=visit.id, why=cmd.why),) if cmd.why else ())))


def _earlier(ctx: Ctx, cmd: SnoozeFollowup, visit_id: int, day: dt.date, was: dt.date):
    """A snooze to a day before the follow-up's own: asked, never moved earlier unsaid; offered
    the day as said, and (within a week before it) the same weekday after the day it is due."""
    word = name_of(WORDS, "snooze", ctx.locale)
    said, due = (fmt.day(d, ctx.today, ctx.locale, relative=False) for d in (day, was))
    buttons = [Button(ctx.t("snooze_earlier_button", when=said), f"{word} {visit_id} {day.isoformat()}",
                      action=replace(cmd, day=day, shift_days=0, earlier=True))]
    if (was - day).days < 7:
        later = day + dt.timedelta(days=7 * -(-(was - day).days // 7))
        when = fmt.day(later, ctx.today, ctx.locale, relative=False)
        buttons.append(Button(ctx.t("snooze_later_button", when=when),
                              f"{word} {visit_id} {later.isoformat()}",
                              action=replace(cmd, day=later, shift_days=0)))
    return ctx.refuse("snooze_earlier", id=visit_id, when=said, was=due, buttons=tuple(buttons))


def handle_done_followups(ctx: Ctx, cmd: DoneFollowups) -> Reply:
    from handlers.sales.bare_number import task_meant

    if task_meant(ctx, ctx.text or "", cmd.visit_ids, cmd.note):  # `7搞定了 小米说…`: the member's
        _a_task_meant(ctx, cmd)  # task #7 about 小米, never their visit #7's follow-up about 海尔
    changed = close_followups(ctx.session, ctx.member.id, list(cmd.visit_ids))
    if not changed:
        _a_task_meant(ctx, cmd)
        ids = ", ".join(f"#{i}" for i in cmd.visit_ids)
        raise ctx.refuse("done_none", ids=ids, hint=example(ctx, "followups"))
    lines = [ctx.t("done_ok", count=len(changed))]
    for visit_id in changed if cmd.note else ():  # `392 done, sent the proposal`: what came of it
        visit = ctx.session.get(Visit, visit_id)
        visit.outcome = f"{visit.outcome}; {cmd.note}" if visit.outcome else cmd.note
        lines.append(ctx.t("done_noted", id=visit_id, note=cmd.note))
    if others := [i for i in dict.fromkeys(cmd.visit_ids) if i not in changed]:  # said, never counted
        lines.append(ctx.t("done_not_open", ids=", ".join(f"#{i}" for i in others)))
    return Reply(lines=tuple(lines))


def _a_task_meant(ctx: Ctx, cmd: DoneFollowups) -> None:
    """`392 done` where #392 is no follow-up of the member's but an open task of theirs: that task
    done is offered (one tap; a note said with it is not kept, and that is said)."""
    ids = list(dict.fromkeys(cmd.visit_ids))
    tasks = [ctx.session.get(Task, task_id) for task_id in ids]
    if any(task is None or task.tenant_id != ctx.tenant.id or task.done_at is not None
           or ctx.member.id not in (task.assignee_id, task.creator_id) for task in tasks):
        return  # (`done 3 and 4`: each an open task of theirs, or no task is offered)
    said = f"{'完成 任务' if ctx.locale == 'zh' else 'done task'} {' '.join(str(i) for i in ids)}"
    note = ctx.t("task_done_words", text=cmd.note) if cmd.note else None
    if len(tasks) > 1:
        sep = "，" if ctx.locale == "zh" else ", "
        raise ctx.refuse("done_are_tasks", ids=sep.join(f"#{i}" for i in ids),
                         titles=sep.join(f"#{task.id} {task.title}" for task in tasks),
                         hint=note or ctx.t("answer_hint_one"), buttons=(Button(said, said),))
    [task] = tasks
    raise ctx.refuse("done_is_task", id=task.id, title=task.title, hint=note or ctx.t("answer_hint_one"),
                     buttons=(Button(said, said),))


#: Between names joined in a visit's customer words (`腾讯和王芳`, `globex & Ana`, `acme / @bo`)
_JOIN = pattern(r"\s*(?:和|与|與|及|、|跟|同|&|\+|/|(?<![A-Za-z])and(?![A-Za-z]))\s*", re.I)


def _members_apart(ctx: Ctx, cmd: LogVisit) -> LogVisit:
    """A team member's name joined to the customer's (`拜访 腾讯和王芳：…`, `visit globex & Ana: …`) is
    who came along, never a customer (nor a second one asked about): the notes start with it
    (`和王芳`, `with Ana`), the customer is the rest."""
    name = cmd.customer.strip()
    parts = [p.strip() for p in _JOIN.split(name) if p.strip()]
    if name.startswith("+") or len(parts) < 2:
        return cmd
    members = [p for p in parts if _member_named(ctx, p) and not known_customers(ctx, p.lstrip("@"))]
    rest = [p for p in parts if p not in members]
    if not members or not rest:
        return cmd
    zh = bool(_CJK.search(" ".join(rest)))  # `tencent & @张伟`: said in English
    came = f"和{'、'.join(members)}" if zh else f"with {' and '.join(members)}"
    notes = f"{came}{'，' if zh else ', '}{cmd.notes}" if cmd.notes else came
    return replace(cmd, customer=("和" if zh else " & ").join(rest), notes=notes)


def _member_named(ctx: Ctx, said: str) -> bool:
    from storage.models.base import name_key

    key = name_key(said.lstrip("@"))
    found = ctx.people.find_members(ctx.tenant.id, said.lstrip("@"))
    return any(name_key(m.display_name) == key for m in found)


def _known_lead(ctx: Ctx, words: list[str]) -> bool:
    """`huawei mtg`: the first word alone names one known customer (its name, alias, or part of
    one name), the whole none, and the second word is none that goes on a company's name
    (`globex corp` may be another): the rule of handlers/known_names.py."""
    return known_lead(ctx, " ".join(words), whole=False) is not None


def _new_long_name(ctx: Ctx, name: str) -> bool:
    """A name of three words or more that is no customer yet (`stark industries met Tony`):
    which of its words are the customer is asked, not guessed."""
    words = name.split()
    if name.startswith("+") or len(words) < 2:
        return False
    if len(words) == 2:  # `huawei mtg, …`, `huawei 会谈，…`: 华为's, never a new one
        return _known_lead(ctx, words)
    if _CJK.search(name):
        return False
    repo = CustomerRepository(ctx.session)
    if repo.find(ctx.tenant.id, name):
        return False
    key = name_fold(name)
    return not any(name_fold(other) == key for _id, other in repo.names(ctx.tenant.id))


def _ask_follow_up_in_notes(ctx: Ctx, cmd: LogVisit) -> None:
    """A next contact in the notes split off a name (`visit umbrella tomorrow 9am go again`) is
    asked about, as the parser asks it of notes after a colon: a follow-up, or only notes?"""
    said = follow_up_said(cmd.notes, ctx.today)
    if said is None or isinstance(said, ParseError):
        return
    words, day = said
    keyword = name_of(WORDS, "visit", ctx.locale)
    colon, semicolon = ("：", "；") if ctx.locale == "zh" else (": ", "; ")
    typed = f"{keyword} {cmd.customer}{colon}{cmd.notes}"
    follow = f"{semicolon}{name_of(WORDS, 'follow_up', ctx.locale)} {day.isoformat()}"
    raise ctx.refuse("deadline_in_notes", text=words, buttons=(
        Button(ctx.t("option_as_follow_up"), typed + follow, action=replace(cmd, follow_up=day)),
        Button(ctx.t("option_as_notes"), typed, action=cmd)))


def _split_customer(ctx: Ctx, cmd: LogVisit) -> LogVisit:
    """`visit Acme Corp met the CTO`: a known customer's name from the front, the rest as notes;
    two words or fewer are the customer; anything else is asked about, offering the first one or
    two words as the customer and the rest as notes, or all of them as a new customer's name.
    Every offer keeps every word."""
    from handlers.known_names import name_words_only  # `格力 电器`: a name, never notes 电器

    words = cmd.customer.lstrip("+").split()
    repo = CustomerRepository(ctx.session)

    def notes_after(size: int) -> str:
        head = " ".join(words[size:])
        if head and cmd.notes and f"{head} {cmd.notes}" in (ctx.text or ""):
            return f"{head} {cmd.notes}"  # `globex had lunch w procurement, …`: as typed
        return ("，" if _CJK.match(cmd.notes or "") else ", ").join(p for p in (head, cmd.notes) if p)

    whole_known = bool(known_customers(ctx, " ".join(words)))  # `Acme Corp`: no `Acme` and notes `Corp`
    for size in range(len(words), 0, -1):  # `haier + midea`, `haier+midea met both`: two customers
        if joined_known(ctx, lead := " ".join(words[:size])):  # (asked by customer_named), the
            return replace(cmd, customer=lead, notes=notes_after(size), unsplit=False)  # rest notes
    for size in range(len(words) - 1, 0, -1):
        lead = " ".join(words[:size])
        if words[size - 1].lower() in AND_WORDS:
            continue  # `haier + midea`: never `haier +` and the notes `midea`
        if cmd.comma and not cmd.unsplit and not _told_after(words[size]) and not (
                len(words) == 2 and _known_lead(ctx, words)):
            continue  # `visit globex corp international, intro`: perhaps a longer name; asked
        if name_words_only(" ".join(words[size:])):
            continue  # `拜访 格力 电器：…`: 格力电器 may be another company; asked, never notes 电器
        if repo.exact(ctx.tenant.id, lead) or ((cmd.unsplit or cmd.comma) and not whole_known
                                               and len(known_customers(ctx, lead)) == 1):
            if not cmd.unsplit and not cmd.comma:  # `visit Wayne Enterprises International: intro`:
                return cmd  # the name was marked off; a known name in front of it is asked about
            # `visit stark industries met tony's assistant, …`: a comma marks off no name
            if (both := _and_known(ctx, words, size)) is not None:  # `visit Initech n Globex`: asked
                return replace(cmd, customer=" ".join(words[:both]), notes=notes_after(both), unsplit=False)
            return replace(cmd, customer=" ".join(words[:size]), notes=notes_after(size), unsplit=False)
    if len(words) == 2 and not _CJK.search(words[0]) and _CJK.search(words[1]):  # `Hooli 下周再去`:
        return replace(cmd, customer=words[0], notes=notes_after(1), unsplit=False)  # a Latin name
    if len(words) <= 2 or cmd.customer.startswith("+"):
        return replace(cmd, unsplit=False)
    keyword = name_of(WORDS, "visit", ctx.locale)
    buttons = []
    for size in (2, 1):
        split = f"{keyword} {' '.join(words[:size])}: {notes_after(size)}"
        buttons.append(Button(split[:75], split, action=replace(
            cmd, customer=" ".join(words[:size]), notes=notes_after(size), unsplit=False)))
    whole = " ".join(words)
    typed = f"{keyword} +{whole}" + (f": {cmd.notes}" if cmd.notes else "")
    buttons.append(Button(ctx.t("new_customer_button", name=whole), typed,
                          action=replace(cmd, customer=f"+{whole}", unsplit=False)))
    raise ctx.refuse("visit_which_customer", example=buttons[0].command, buttons=tuple(buttons))


def _told_after(word: str) -> bool:
    """Whether the word after a known name, before a comma, starts notes (`met`, `had`, `quick`):
    typed in lower case and no word that goes on a company's name."""
    return word[:1].islower() and not NAME_WORDS.fullmatch(word)


def _and_known(ctx: Ctx, words: list[str], size: int) -> int | None:
    """How many words name two known customers joined by an "and" (`Initech n Globex demo`: 3),
    the first `size` of them the first customer, or None."""
    if len(words) <= size + 1 or words[size].lower() not in AND_WORDS:
        return None
    return next((end for end in range(len(words), size + 1, -1)
                 if known_customers(ctx, " ".join(words[size + 1:end]))), None)
