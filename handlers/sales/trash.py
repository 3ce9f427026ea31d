"""Deleting from chat, the bin and restoring: `deal #46 delete` asks once (a button), then moves
the deal (with its history) to the bin; `trash` · `回收站` lists what is there; `restore deal #46` ·
`恢复 商机 #46` brings it back with its own number. The bin keeps a deletion 30 days
(storage/journal.py's BIN_DAYS), then it is purged.

Who may delete: a record's owner (a deal's or visit's, a task's giver (its doer may only mark it
done, unless they gave it themselves), a tip's author, a
customer's owner when its records are all theirs), or a manager of the owner's team (the owner is
told); a contest, the managers of its team.
"""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx, Refusal
from handlers.events import ContestCancelled, MemberTold
from handlers.grammar.commands import Delete, Restore, ShowTrash
from handlers.members import may_manage
from handlers.outgoing import correct
from handlers.sales.tasks import done_button
from handlers.team import fact_posts as facts
from handlers.team.contests import contest_said
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import STAGE_NAMES, WORDS, majority_locale, name_of, t
from storage import journal
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Contest, Team, Tip
from storage.models.workspace import Member
from storage.outbox import OutboxRepository
from storage.records import delete_record
from storage.sales import CustomerRepository

MODELS = {"deal": Deal, "visit": Visit, "task": Task, "tip": Tip, "contest": Contest, "customer": Customer}
TABLE = {kind: model.__tablename__ for kind, model in MODELS.items()}
KIND = {table: kind for kind, table in TABLE.items()}


def handle_delete(ctx: Ctx, cmd: Delete) -> Reply:
    record = _find(ctx, cmd.kind, cmd.ref)
    owner = _check(ctx, cmd.kind, record)
    what = _describe(ctx, cmd.kind, record)
    noun = ctx.t(f"noun_{cmd.kind}")
    ref = _ref(ctx, cmd.kind, record)
    if not cmd.confirmed:
        command = f"{name_of(WORDS, cmd.kind, ctx.locale)} {ref} {name_of(WORDS, 'delete', ctx.locale)} " \
                  f"{name_of(WORDS, 'confirm', ctx.locale)}"
        # a question, nothing done: `yes`, `1` or `是` (the bot's open question) confirms it
        raise ctx.refuse("delete_ask", what=what, days=journal.BIN_DAYS,
                         hint="\n".join(filter(None, (
                             _taken_with(ctx, record) if cmd.kind == "customer" else None,
                             ctx.t("delete_why_not_kept", why=cmd.why) if cmd.why else None))) or None,
                         buttons=(Button(ctx.t("delete_button", noun=noun, ref=ref), command, "danger"),))
    ctx.change_kind, ctx.change_label = f"{cmd.kind}.delete", what
    if cmd.kind == "deal":
        for delivery in OutboxRepository(ctx.session).posts_of(f"won:{record.id}"):
            correct(ctx.session, delivery, None, ctx.now)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, f"{cmd.kind}.delete", cmd.kind, record.id, at=ctx.now,
                     what=what)
    if cmd.kind == "contest":
        _tell_cancelled(ctx, record, what)
    delete_record(ctx.session, record)
    if cmd.kind in ("deal", "visit", "customer", "contest"):  # what the team was told follows
        facts.recheck_targets(ctx)
        facts.recheck_contests(ctx)
    restore = f"{name_of(WORDS, 'restore', ctx.locale)} {name_of(WORDS, cmd.kind, ctx.locale)} {ref}"
    if owner is not None and owner.id != ctx.member.id:
        ctx.emit(MemberTold(f"deleted:{cmd.kind}:{record.id}:{ctx.now.isoformat()}", owner.id,
                            Reply(lines=(ctx.t("deleted_by_manager", who=ctx.member.display_name, what=what,
                                               restore=restore),), locale=owner.locale)))
    return Reply(lines=(ctx.t("deleted_to_bin", what=what, restore=restore, days=journal.BIN_DAYS),),
                 buttons=(Button(ctx.t("restore_button", noun=noun, ref=ref), restore),))


def _taken_with(ctx: Ctx, customer: Customer) -> str | None:
    """What a customer's delete takes with it (its deals, the won ones' revenue, its visits),
    said before it is confirmed; None when nothing."""
    deals, visits = CustomerRepository(ctx.session).deals_and_visits_of(customer)
    if not deals and not visits:
        return None
    won = [(amount, currency) for stage, amount, currency in deals if stage == "won"]
    money = " + ".join(fmt.money(sum(a for a, cur in won if cur == currency), currency, ctx.locale)
                       for currency in dict.fromkeys(cur for _a, cur in won)) or "–"
    return ctx.t("delete_takes", deals=len(deals), won=len(won), money=money, visits=visits)


def handle_trash(ctx: Ctx, _cmd: ShowTrash) -> Reply:
    lines, buttons = [], []
    for change in journal.in_bin(ctx.session, ctx.tenant.id,
                                 ctx.now - dt.timedelta(days=journal.BIN_DAYS)):
        main = _main(change)
        if main is None or not _may_see(ctx, change, main["b"]):
            continue
        kind = KIND[change.entity]
        who = ctx.session.get(Member, change.actor_id) if change.actor_id else None
        ref = f"#{change.entity_id}" if kind != "customer" else main["b"]["name"]
        when = fmt.day(ctx.day_of(change.at), ctx.today, ctx.locale, relative=False)
        lines.append(ctx.t("trash_line", what=_shown(ctx, change),
                           who=who.display_name if who else "–", when=when))
        restore = f"{name_of(WORDS, 'restore', ctx.locale)} {name_of(WORDS, kind, ctx.locale)} {ref}"
        if len(buttons) < 5:
            buttons.append(Button(ctx.t("restore_button", noun=ctx.t(f"noun_{kind}"), ref=ref), restore))
    if not lines:
        return Reply(title=ctx.t("trash_title"), lines=(ctx.t("trash_empty", days=journal.BIN_DAYS),))
    return Reply(title=ctx.t("trash_title"), lines=(*lines, ctx.t("trash_hint", days=journal.BIN_DAYS)),
                 buttons=tuple(buttons))


def handle_restore(ctx: Ctx, cmd: Restore) -> Reply:
    table = TABLE[cmd.kind]
    change = None
    if cmd.kind == "customer":
        for candidate in journal.in_bin(ctx.session, ctx.tenant.id,
                                        ctx.now - dt.timedelta(days=journal.BIN_DAYS), limit=200):
            main = _main(candidate)
            if candidate.entity == table and main and main["b"]["name"].casefold() == cmd.ref.casefold():
                change = candidate
                break
    elif cmd.ref.isdigit():
        change = journal.deleted(ctx.session, ctx.tenant.id, table, int(cmd.ref))
    if change is None or change.at < ctx.now - dt.timedelta(days=journal.BIN_DAYS):
        raise ctx.refuse("restore_none", noun=ctx.t(f"noun_{cmd.kind}"), ref=cmd.ref,
                         hint=ctx.t("trash_try"))
    main = _main(change)
    if not _may_see(ctx, change, main["b"]):
        raise ctx.refuse("restore_not_yours", noun=ctx.t(f"noun_{cmd.kind}"), ref=cmd.ref)
    ctx.change_kind = f"{cmd.kind}.restore"
    result = journal.revert(ctx.session, change, only_deleted=True)
    if isinstance(result, journal.Blocked):
        raise ctx.refuse("restore_blocked", noun=ctx.t(f"noun_{cmd.kind}"), ref=cmd.ref)
    change.status = "restored"
    ctx.people.audit(ctx.tenant.id, ctx.member.id, f"{cmd.kind}.restore", cmd.kind, change.entity_id,
                     at=ctx.now)
    return Reply(lines=(ctx.t("restored", what=_shown(ctx, change)),))


def _shown(ctx: Ctx, change) -> str:
    """The deleted record in the reader's language (`拜访 #415 (华为)`): its label was written in
    the language of the one who deleted it."""
    main, kind = _main(change), KIND.get(change.entity or "")
    if main is None or kind is None:
        return change.label
    model = MODELS[kind]
    return _describe(ctx, kind, model(**journal.typed(model.__table__, main["b"])))


def _main(change) -> dict | None:
    return next((r for r in change.rows if r["t"] == change.entity and r["a"] is None
                 and (change.entity_id is None or r["k"][0] == change.entity_id)), None)


OWNER_COLUMN = {"deal": "owner_id", "visit": "member_id", "task": "assignee_id", "tip": "author_id",
                "contest": "creator_id", "customer": "owner_id"}


def _owner_id(kind: str, data: dict) -> int | None:
    return data.get(OWNER_COLUMN[kind])


def _may_see(ctx: Ctx, change, data: dict) -> bool:
    owner = _owner_id(KIND[change.entity], data)
    if change.actor_id == ctx.member.id or owner == ctx.member.id or ctx.is_admin:
        return True
    return ctx.is_manager and owner is not None and ctx.people.share_a_team(ctx.member.id, owner)


def _find(ctx: Ctx, kind: str, ref: str):
    if kind == "customer":
        found = CustomerRepository(ctx.session).find(ctx.tenant.id, ref)
        if len(found) != 1:
            raise ctx.refuse("customer_unknown" if not found else "customer_candidates", name=ref,
                             hint=" · ".join(c.name for c in found) or None)
        return found[0]
    record = ctx.session.get(MODELS[kind], int(ref)) if ref.isdigit() else None
    if record is None or record.tenant_id != ctx.tenant.id:
        raise ctx.refuse("record_not_found", noun=ctx.t(f"noun_{kind}"), ref=f"#{ref}")
    return record


def _check(ctx: Ctx, kind: str, record) -> Member | None:
    """The record's owner, once the asker may delete it (else a refusal)."""
    if kind == "task":
        if ctx.member.id == record.assignee_id != record.creator_id:  # given by someone else
            raise _given_task(ctx, record)
        mine = ctx.member.id == record.creator_id
        owner_id = record.assignee_id
    elif kind == "contest":
        mine = ctx.is_manager and (ctx.is_admin or any(t.id == record.team_id for t in ctx.teams))
        owner_id = None
    elif kind == "customer":
        others = CustomerRepository(ctx.session).others_activity(record.id, ctx.member.id)
        mine = record.owner_id in (None, ctx.member.id) and not others
        owner_id = record.owner_id
    else:
        owner_id = _owner_id(kind, {c.name: getattr(record, c.key) for c in record.__table__.columns})
        mine = owner_id == ctx.member.id
    if mine:
        return None
    if kind != "contest" and may_manage(ctx, owner_id) and ctx.is_manager:
        return ctx.session.get(Member, owner_id) if owner_id else None
    owner = ctx.session.get(Member, owner_id) if owner_id else None
    if kind == "deal":
        raise ctx.refuse("not_your_deal", id=record.id, title=record.title, owner=owner.display_name)
    if kind == "visit":
        raise ctx.refuse("not_your_visit", id=record.id, owner=owner.display_name)
    raise ctx.refuse("delete_not_yours", noun=ctx.t(f"noun_{kind}"), ref=_ref(ctx, kind, record))


def _given_task(ctx: Ctx, task: Task) -> Refusal:
    """A task given by a manager (or anyone else) is theirs to take back: its assignee may mark
    it done, one tap, or ask the giver to delete it."""
    giver = ctx.session.get(Member, task.creator_id)
    return ctx.refuse("task_delete_given", id=task.id, title=task.title, name=giver.display_name,
                      buttons=(done_button(ctx.locale, task.id),))


def _ref(_ctx: Ctx, kind: str, record) -> str:
    return record.name if kind == "customer" else f"#{record.id}"


def _describe(ctx: Ctx, kind: str, record) -> str:
    noun = ctx.t(f"noun_{kind}")
    if kind == "deal":
        customer = ctx.session.get(Customer, record.customer_id)
        return (f"{noun} #{record.id} ({customer.name if customer else '–'} · {record.title} · "
                f"{name_of(STAGE_NAMES, record.stage, ctx.locale)} "
                f"{fmt.money(record.amount, record.currency, ctx.locale)})")
    if kind == "visit":
        customer = ctx.session.get(Customer, record.customer_id)
        return f"{noun} #{record.id} ({customer.name if customer else '–'})"
    if kind == "task":
        return f"{noun} #{record.id} ({record.title})"
    if kind == "tip":
        return f"{noun} #{record.id} ({record.topic}: {record.text[:40]})"
    if kind == "contest":
        return f"{noun} #{record.id} ({contest_said(ctx.locale, record)})"
    return f"{noun} {record.name}"


def _tell_cancelled(ctx: Ctx, contest: Contest, what: str) -> None:
    """A contest cancelled: its team's channels, which heard it start, hear it is off."""
    team = ctx.session.get(Team, contest.team_id)
    locale = majority_locale(ctx.people.roster(team.id))
    post = Reply(title=t(locale, "contest_cancelled", team=team.name), lines=(contest_said(locale, contest),),
                 for_channel=True, locale=locale)
    ctx.emit(ContestCancelled(contest.id, team.id, post, ctx.now))
