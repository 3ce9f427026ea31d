"""Text that is no command as it stands, answered as helpfully as it can be, nothing stored unasked:

- an edit or a correction of what was just changed (`bump that to 28k`, `不对，是大后天跟进`, `改成5万`):
  made at once where it fits one field (handlers/sales/follow_on.py), else asked (said_again.py);
- a record not named (`254 推到月底`, `这单黄了`): asked, one tap each (unnamed.py); a task's day moved;
- progress asked in words (`团队这个月KPI完成得怎么样`): answered; a tier of `这个客户`: the last one's;
- a visit or a task told without the command word (`今天去了华为…`, `明天给京东打电话`): offered (unsaid.py);
- a command with words around it (`done task 2 - NDA sent`, `my followups?`): a question answered
  at once, a change offered (handlers/grammar/inner.py); words that say nothing (`… by fri pls`) dropped;
- else the refusal: what was wrong and the forms to use, in the language the text is written in
  (a manager's examples for a manager); a follow-up's missing day is answered by the day alone."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar import and_joined, deal_phrases, everyday_said, plain_undo, unsaid
from handlers.grammar import asked as reports_asked
from handlers.grammar import commands as c
from handlers.grammar.closed_words import closed_said
from handlers.grammar.festivals import unknown_in, unknown_key
from handlers.grammar.inner import courteous, deal_meant, inner_command, lead_in, read_only, without_fillers
from handlers.grammar.language import answered_in
from handlers.grammar.month_typos import MONTHS, month_typo
from handlers.grammar.parse import normalize
from handlers.grammar.parse_reports import progress_asked
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.reason_plain import plain_reason
from handlers.grammar.spans import date_in
from handlers.grammar.task_moved import task_move_said
from handlers.grammar.task_said import as_task
from handlers.grammar.team_pace import team_pace
from handlers.lookup import known_customers
from handlers.rules.name_likeness import sounds_like
from handlers.sales import (
    backdate,
    bare_number,
    correction_last,
    customer_referred,
    deal_number,
    deal_sentence,
    follow_on,
    follow_up_moved,
    it_meant,
    lost_not_won,
    reopen_said,
    rest_kept,
    said_after,
    said_again,
    said_of_last,
    said_plainly,
    task_people,
    task_sentence,
    unnamed,
    visit_follow_up_added,
)
from handlers.sales.new_deal import new_deal_said
from handlers.team import target_again, target_too
from handlers.text.reply import Button, Reply
from handlers.undo_said import only_words, undo_then
from handlers.workspace import leave_corrected


def answer(ctx: Ctx, text: str, error: c.ParseError) -> c.Command | Reply:
    """The command `text` is read as after all, or the reply to it (a question, or a refusal)."""
    if error.problem == "word_typo" and error.topic is None and error.fixed:  # `…, alos snooze 1 fri`:
        ctx.locale, ctx.correcting = answered_in(text, ctx.locale), True  # the message put right, offered
        return replace(usage_reply(ctx.locale, error, manager=ctx.is_manager), locale=ctx.locale)
    if (month := _month_put_right(ctx, text)) is not None:
        ctx.correcting = True  # its tap is this message again: what it may correct stays as it was
        return month  # `close date end of jna`: `… end of january`? asked, one tap, before any reading
    if (two := and_joined.offer(text, ctx.today)) is not None:  # `snooze 69 3 days, 191 to eom`: both,
        ctx.locale = answered_in(text, ctx.locale)  # one tap, never the second folded into the first
        return replace(usage_reply(ctx.locale, two), locale=ctx.locale)
    if error.problem == "reason_colon" and error.fixed and plain_reason(error.detail, ctx.today) \
            and isinstance(closed := read(error.fixed, ctx.today).command, c.CloseDeal):
        ctx.notes.append(ctx.t("reason_read_plain", reason=error.detail))
        return closed  # `won umbrella 190k beat oracle on price`: plainly the reason, said so
    if error.topic in (None, "lost", "won") and (lost := lost_not_won.offer(ctx, text)) is not None:
        return lost  # `actually lost not won, they backed out`: the win just recorded, lost instead
    if error.problem in ("done_note_day", "done_note_fields") and (task := bare_number.task_said(ctx, text)):
        return task  # `7搞定了 小米说…` where 7 is the member's task, no follow-up of theirs
    if error.topic is None and (added := visit_follow_up_added.answer(ctx, text)) is not None:
        return added  # `add a follow-up to the xiaomi visit fri`: that visit's follow-up, said back
    if error.topic is None and (reopened := reopen_said.meant(ctx, text)) is not None:
        return reopened  # `先重开吧` right after a win or loss: that deal reopened (with words: offered)
    if (report := reports_asked.meant(text, ctx.today)) is not None and _someone(ctx, report[1]):
        ctx.locale = answered_in(text, ctx.locale)
        ctx.notes.append(ctx.t("read_as_whole", said=report[0]))
        return report[1]
    if error.problem == "sentence_target" and not ctx.is_manager:  # `tom new customers 3 this month`
        return read(error.options[0][1], ctx.today).command  # from a rep: refused as the command is
    if error.topic is None and (moved := task_move_said(text, ctx.today)) is not None:
        if isinstance(moved, c.MoveTask):
            return moved  # `把任务7延到下周一`, `move task 7 to fri`: task #7's day
        if why := said_plainly.with_why(ctx, text, answer, pause=True):
            return why  # `move task 7 to thurs, im out mon`: the move, the why said not kept, one tap
        ctx.locale = answered_in(text, ctx.locale)
        return replace(usage_reply(ctx.locale, moved), locale=ctx.locale)  # which day?
    if error.topic in (None, "visit", "undo") and (it := it_meant.answer(ctx, text)) is not None:
        return replace(it, locale=ctx.locale) if isinstance(it, Reply) else it  # `move it to proposal`:
        # the record just made or touched (handlers/sales/it_meant.py), else which one, asked
    if error.topic in (None, "restore") and (of_last := said_of_last.answer(ctx, text)) is not None:
        return of_last  # `6 isnt done yet`, `no that was for ana`, `恢复一下` after a deletion (r23, r26)
    if error.topic is None and (too := target_too.offered(ctx, text)) is not None:
        return too  # `bo too` just after Ana's target: the same for Bo, one tap
    if error.topic is None and (again := target_again.corrected(ctx, text)) is not None:
        return again  # `算了 Ana还是40万吧`, `哦不 45万` just after Ana's target: that target, set again
    if error.topic in (None, "deal") and (after := said_after.answer(ctx, text)) is not None:  # `prob 50`,
        return replace(after, locale=ctx.locale) if isinstance(after, Reply) else after  # `no discovery
        # actually`: a deal's probability (its stage's), its stage instead (handlers/sales/said_after.py)
    if error.topic is None and (plain := said_plainly.contest_day(ctx, text) or said_plainly.id_follow_up(
            ctx, text)) is not None:  # `改成23号结束` after a contest; `388 跟进推到下周五吧`
        return plain
    if error.topic is None and (last := correction_last.answer(ctx, text)) is not None:
        return last  # `oops 7.21` after a rate, `no ana should be 550k` after two targets (r20)
    if error.topic in (None, "snooze") and (edit := follow_on.edit(ctx, text)) is not None:  # `push it…`
        return replace(edit, locale=ctx.locale) if isinstance(edit, Reply) else edit  # `bump that to
        # 28k`: the thing just changed, changed again and said (handlers/sales/follow_on.py)
    if error.topic in (None, "snooze") and (said := said_again.correction(ctx, text, error.topic is None)) \
            is not None:
        return replace(said, locale=ctx.locale) if isinstance(said, Reply) else said  # `no I meant
        # 1.15m`: asked about the deal just changed, or the target just set set again
    if error.topic in (None, "snooze", "task") and (why := said_plainly.with_why(ctx, text, answer)):
        return why  # `388 跟进推到下周五吧 周三我请假`: the change, the why said not kept, one tap
    ctx.correcting = False  # no correction after all: whatever answers it counts as the last message
    if error.topic is None and (asked := unnamed.id_change(ctx, text) or unnamed.this_deal(ctx, text)):
        return replace(asked, locale=ctx.locale)  # `254 推到月底`, `这单黄了`: which record, asked
    if error.topic in (None, "snooze") and (moved := follow_up_moved.answer(ctx, text)) is not None:
        return moved  # `set my follow up for hooli to thursday`: the one open follow-up with Hooli
    if error.topic is None and (leave := leave_corrected.corrected(ctx, text)) is not None:
        return leave  # `no, 12/28-12/31, i'll work xmas eve`: the leave just entered, those days
    if error.topic is None and (closed := backdate.meant(ctx, text)) is not None:
        return closed  # `no wait close was last fri`: the win just recorded, on that day
    if (own := deal_number.own_deal_meant(ctx, text, error)) is not None:
        return own  # `deal 46 negotiation`: the member's deal #46?
    if error.topic is None and (task := task_sentence.offered(ctx, text)) is not None:
        return task  # `腾讯这家我明天去一趟 提醒我带上合同`, `海尔ERP那单让张伟跟一下 周三前…`: a task
    if error.topic in (None, "deal") and (made := new_deal_said(ctx, text)) is not None:
        return made  # `华为…新建个商机 叫数字化转型 100万`: a new deal titled so, never deal #46 changed
    if error.topic is None and (changed := deal_sentence.change_said(ctx, text)) is not None:
        return changed  # `海尔那个单子推进到谈判了 金额改成30万`: 张伟's 海尔 deal, never a new one
    if error.topic == "deal" and (offer := deal_phrases.offered(text)) is not None:
        ctx.locale = answered_in(text, ctx.locale)  # `商机 #46 重开 金额改成 4万`, `商机 #51 标题 设备联网`
        return Reply(lines=(ctx.t(offer[0], why=offer[2]), offer[1], ctx.t("answer_hint_one")), ok=False,
                     locale=ctx.locale,
                     buttons=(Button(offer[1].replace("\n", " · ")[:75], offer[1]),))
    if error.topic in (None, "undo") and (then := plain_undo.undo_then(text)) is not None:
        return undo_then(ctx, text, *then)  # `撤销刚才的推迟，globex还是今天跟`: the undo, the rest why
    if error.topic in (None, "undo") and (why := plain_undo.explained(text)) and only_words(ctx, why):
        ctx.locale = answered_in(text, ctx.locale)  # `actually undo that, they called back …`: the
        ctx.notes.append(ctx.t("undo_why_read", why=why))  # undo; the words after it say why
        return c.Undo()
    if plain_undo.explained(text) and (why := said_plainly.with_why(ctx, text, answer, pause=True)):
        return why  # `undo, wrong customer, it was globex`: the undo offered, the rest said not kept
    if error.topic in (None, "undo", "restore") and (plain := plain_undo.meant(text)) is not None:
        if isinstance(plain, c.ShowTrash) or isinstance(plain, c.Undo) and (plain.kind or plain.named
                                                                          or plain_undo.bare(text)):
            return plain  # `删错了 恢复一下`: the bin, each item one tap from being restored; `undo that
            # snooze`: the last change, only if it is a snooze (handlers/sales/undo.py), at once;
            # `oops wrong one, undo`: the undo word itself, at once as `undo` is
        ctx.locale = answered_in(text, ctx.locale)  # `撤回刚才那条`: undo, said back
        return Reply(lines=(ctx.t("undo_offered"), ctx.t("answer_hint_one")), ok=False, locale=ctx.locale,
                     buttons=(Button("撤销" if ctx.locale == "zh" else "undo", plain_undo.sure(ctx.locale)),))
    if not error.options and (said := everyday_said.meant(text, ctx.today)) is not None \
            and not _no_such_member(ctx, said):
        ctx.locale = answered_in(text, ctx.locale)  # `who's top on visits this wk?`, `move standup…`
        if isinstance(said, tuple):  # a question: answered, the line it was read as said
            ctx.notes.append(ctx.t("read_as_whole", said=said[0]))
            return said[1]
        if said.problem in ("schedule_said", "contest_said") and not ctx.is_manager or said.problem == \
                "role_said" and not ctx.is_admin or customer_referred.out_of_reach(ctx, said):
            return read(said.options[0][1], ctx.today).command  # refused as the command is
        name = read(said.options[0][1], ctx.today).command.name if said.problem == "tier_said" else ""
        if said.problem == "tier_said" and customer_referred.is_reference(name):  # `这个客户设成A类`
            return customer_referred.referred(ctx, read(said.options[0][1], ctx.today).command)
        if said.problem == "tier_said" and not known_customers(ctx, name):
            label, line, command = said.options[0]  # no such customer: said it would be a new one,
            line = line.replace(f" {name} ", f" +{name} ", 1)  # and the answer makes it (no second question)
            said = replace(said, problem="tier_said_new", options=((label, line, command and replace(
                command, name=f"+{name}")),))
        return replace(usage_reply(ctx.locale, said), locale=ctx.locale)  # a change: offered
    if (asked := progress_asked(normalize(ctx.text), ctx.today) or team_pace(normalize(ctx.text), ctx.today)
            ) is not None:  # `团队这个月KPI完成得怎么样`, `team how are we doing`: no team command, the
        return asked  # team's progress asked
    if (bare := without_fillers(text, ctx.today)) is not None:  # `pro tip - always bring …`
        ctx.locale = answered_in(text, ctx.locale)
        if isinstance(bare, c.Command):
            return bare
        return replace(usage_reply(ctx.locale, bare), locale=ctx.locale)
    if (plain := courteous(text, ctx.today)) is not None:
        ctx.text, command = plain
        return command  # `task call Globex by fri pls`
    locale = answered_in(text, ctx.locale)
    if (task := unsaid.followup_task(text, error, ctx.today, locale == "zh")) is not None:
        ctx.locale = locale  # `followup 阿里巴巴 next wed`: a task for that day?
        return replace(usage_reply(ctx.locale, task), locale=ctx.locale)
    if error.topic is None and (after := lead_in(text, ctx.today)) is not None \
            and not rest_kept.unknown_visit(ctx, after[2]):  # `小米 demo… visit logged pls`: no `logged…`
        if not isinstance(after[2], c.CloseDeal) and closed_said(after[1]) \
                and (visit := _visit_unsaid(ctx, text, error)) is not None:
            return visit  # `美的ERP丢了，客户选了SAP`: the loss, its words the reason, no customer 选了SAP
        return _inner(ctx, text, *after)  # `比亚迪 signed!! won #49 5万`: that win?
    if (visit := _visit_unsaid(ctx, text, error)) is not None:
        return visit  # `今天去了华为见了张总…`: a visit to 华为?
    if not error.options and not error.fixed and error.problem in ("usage", "date", "word") \
            and (inner := inner_command(text, ctx.today, error.problem == "date")) is not None \
            and not (error.problem == "date" and error.detail and error.detail in inner[1]) \
            and not _slipped_arguments(text, inner[0], inner[2]):
        return _inner(ctx, text, *inner)  # `done task 2 - NDA sent`; not `deal #1 close someday`,
        # whose refusal says what is wrong with the words the command would leave out
    if error.topic in (None, "snooze", "task") and (
            why := said_plainly.with_why(ctx, text, answer, pause=True)):
        return why  # `snooze 69 next week, they're closed`: no reader took the words, the why not kept
    ctx.locale = answered_in(text, ctx.locale)
    ctx.correcting = bool(error.fixed and not error.options)  # `改倒下周一`: its tap (the message put
    # right) is this message again, so what it may correct stays as it was
    reply = usage_reply(ctx.locale, error, manager=ctx.is_manager)
    after = unknown_in(error.detail, ctx.today) if error.topic in ("visit", "task", "deal") \
        and error.problem == "date" and error.detail else None  # `元旦后`, `春节前`: not published yet
    if after:
        reply = Reply(lines=(ctx.t(unknown_key(after[0]), text=after[0], year=after[1]),), ok=False)
    if after and error.topic == "task":  # `任务 春节前…`: the task, its day the answer (`12月30号`)
        task = as_task(ctx.text) or ctx.text  # `春节前要把…签下来 建个任务`: as `任务 …`
        reply = replace(reply, fill=f"{' '.join(task.replace(after[0], ' ', 1).split())} "
                                    f"{'截止' if ctx.locale == 'zh' else 'due'}")
    if after and error.topic == "deal":  # `商机 #22 预计 春节前`: the deal, its close day the answer
        reply = replace(reply, fill=" ".join(ctx.text.replace(after[0], " ", 1).split()))
    if after and error.topic == "visit":
        ctx.text = " ".join(ctx.text.replace(after[0], "", 1).split())  # `节后再跟进` with next year
        error = replace(error, problem="follow_up_day")  # unknown: which day? (the words not kept)
    if error.topic == "visit" and error.problem in ("follow_up_day", "call_again_no_day"):
        reply = replace(reply, fill=f"{ctx.text}{'；跟进' if ctx.locale == 'zh' else '; follow up'}")
    return replace(reply, locale=ctx.locale)  # a day answers the question of a follow-up's day


def _month_put_right(ctx: Ctx, text: str) -> Reply | None:
    """`close date end of jna`, `snooze 69 decmber 3`: a month's name misspelt (one letter) in a
    message that, with the month written out, is a command (or a question of its own): that message
    offered, one tap; None otherwise."""
    typo = month_typo(text)
    if typo is None or not _reads(ctx, typo.fixed):
        return None
    ctx.locale = answered_in(text, ctx.locale)
    month = f"{typo.month}月" if ctx.locale == "zh" else MONTHS[typo.month - 1].capitalize()
    return Reply(lines=(ctx.t("month_typo", text=typo.typed, month=month, fixed=typo.fixed),
                        ctx.t("answer_hint_one")),
                 buttons=(Button(typo.fixed[:75], typo.fixed),), ok=False, locale=ctx.locale)


def _reads(ctx: Ctx, text: str) -> bool:
    """Whether `text` reads as a command, or as a question of its own (nothing stored by trying)."""
    command = read(text, ctx.today).command
    if not isinstance(command, c.ParseError) or command.options:
        return True
    kept = ctx.text, list(ctx.notes), ctx.locale
    ctx.text = " ".join(text.split())
    try:
        return isinstance(answer(ctx, text, command), c.Command)
    finally:
        ctx.text, ctx.notes, ctx.locale = kept



def _no_such_member(ctx: Ctx, said) -> bool:
    """Whether a role said in words (`tom stays rep`) names no member: no role offered."""
    if not isinstance(said, c.ParseError) or said.problem != "role_said":
        return False
    return not ctx.people.find_members(ctx.tenant.id, read(said.options[0][1], ctx.today).command.member)


def _someone(ctx: Ctx, command: c.Command) -> bool:
    """Whether a report asked in words is about a member there is (`hows bo doing`), or about no one
    (`how's acme doing` is no member's progress)."""
    scope = getattr(command, "scope", None)
    if scope is None or scope.kind != "member" or ctx.people.find_members(ctx.tenant.id, scope.name):
        return True
    return any(sounds_like(scope.name, m.display_name) for m in ctx.people.members(ctx.tenant.id))  # `lina`


def _slipped_arguments(text: str, said: str, command: c.Command) -> bool:
    """`crm mapp @bo …`: the message starts with a bare command word that changes something, then
    words meant as its arguments: its usage says what to type (an offer of the word drops them)."""
    return (text.strip().lower().startswith(said.lower()) and len(said.split()) == 1
            and not any(ch.isdigit() for ch in said) and not read_only(command))


def _visit_unsaid(ctx: Ctx, text: str, error: c.ParseError) -> Reply | c.Command | None:
    locale = answered_in(text, ctx.locale)
    question = unsaid.as_visit(ctx.session, ctx.tenant.id, text, error, locale == "zh", ctx.today,
                               ctx.member.id)
    if question is None:
        return None
    ctx.locale = locale
    if isinstance(question, c.Command):  # `华为那单到哪一步了`: answered with the deal
        return question
    if question.problem == "command_unsaid":  # `acme corp tier pls`: no visit; the commands its words are
        from handlers.grammar.command_unsaid import topics
        from handlers.grammar.intents import usage

        examples = [e for topic in topics(ctx.session, ctx.tenant.id, text, question.detail)
                    for e in usage(topic, ctx.locale)[:2]]
        return Reply(lines=(ctx.t("command_unsaid", text=question.detail), *(f"  {e}" for e in examples)),
                     ok=False, locale=ctx.locale)
    if question.problem.endswith(("_no_open_deal", "lost_unsaid_none", "_no_own_deal", "give_not_yours")):
        return Reply(lines=(ctx.t(question.problem, text=question.detail, fixed=question.fixed),), ok=False,
                     locale=ctx.locale)
    return task_people.asked(ctx, question)  # a rep's `Ana and Bo must …`: refused (fix34b)


def _inner(ctx: Ctx, text: str, said: str, left: str, command: c.Command) -> c.Command | Reply:
    """A command found inside the message: a question answered at once, the words left out said;
    a change offered, never made unasked."""
    ctx.locale = answered_in(text, ctx.locale)
    if meant := deal_meant(said, left, command, ctx.today):  # `the deal close date, push #39 to …`
        said, command = meant  # offered as the deal's close, never visit #39's follow-up
    if read_only(command):
        ctx.notes.append(ctx.t("read_as", said=said, left=left))
        return command
    if isinstance(command, c.SnoozeFollowup) and not command.why and " ".join(text.split()).startswith(said) \
            and date_in(left, ctx.today) is None:
        return replace(command, why=left.strip(" ,，;；"))  # `推迟 1 下周一，对方出差`: why, into the notes
    if isinstance(command, c.SetTarget) and _PERIODISH.search(left):  # `… 300万 明后年`: never offered
        return Reply(lines=(ctx.t("target_period_unread", left=left),), ok=False,  # as this month's
                     locale=ctx.locale)
    if said_plainly.by_number(ctx, command, said, text) and only_words(ctx, left):
        ctx.notes.append(ctx.t("why_said_not_kept", left=left.strip(" ,，;；")))  # `task 8 -> 李娜 pls, 张伟
        return command  # is busy`: made, the why said not kept (r24), as `done task 8 <why>` is
    if (kept_rest := rest_kept.placed(ctx, text, said, left, command)) is not None:
        return kept_rest  # the rest in the command's notes or reason, or a task beside it (r26)
    said = plain_undo.sure(ctx.locale) if command == c.Undo() else said  # `oops undo that`: its tap
    return Reply(lines=(ctx.t("inner_command", said=said, left=left), ctx.t("answer_hint_one")), ok=False,
                 locale=ctx.locale, buttons=(Button(said[:75], said, action=command),))  # undoes, unasked


#: Words of a period a target's words left out (`明后年`, `年底`, `FY27`, `next fiscal year`)
_PERIODISH = pattern(r"[年月季周]|\d{4}|\b(?:fy|q[1-4]|year|month|quarter|week|annual|h[12])", re.I)
