"""`undo` (`撤销`): put back my most recent change, whatever it was, and say what was undone.

Each member's changes from chat form a stack (storage/journal.py keeps them, 24 hours): `undo`
takes the top one. It is put back only while every record it touched is exactly as it left it;
otherwise nothing is undone, the reply says which record changed and who changed it, and that
change is passed over, so the next `undo` goes to the one before it (never silently). A customer
a visit or deal created goes with it unless another record uses it by then.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar import plain_undo
from handlers.grammar.commands import Undo
from handlers.sales import undo_named
from handlers.sales.deal_owner import handover_undone
from handlers.sales.last_said import last_said, made_last
from handlers.team import fact_posts as facts
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import STAGE_NAMES, name_of
from storage import journal
from storage.models.sales import Change, DealEvent
from storage.models.workspace import Member


def _stage_moved(change: Change) -> bool:
    """Whether `change` moved a deal from one stage to another (not a new deal, not its day)."""
    return any(row.get("t") == "deals" and row.get("a") and row.get("b")
               and row["a"].get("stage") != row["b"].get("stage") for row in change.rows)


def _sure(ctx: Ctx) -> str:
    return plain_undo.sure(ctx.locale)


def _right_after(ctx: Ctx, change: Change) -> bool:
    """Whether a plain `undo` takes `change` back at once: the member's previous message here made
    it, or was an undo too (`undo`, `undo` again: one further back), or it is from the last few
    minutes and that message was answered (a list). After a message refused (not understood, asked
    about: `撤销` then means that message, which changed nothing), or of a change older than that,
    the change is asked about, named with its age: the last change is not always the one the member
    has in mind (r29zh: `撤销` after a handover not understood undid targets set four messages
    before)."""
    said = last_said(ctx)
    return made_last(ctx, change) or " ".join(said.text.lower().split()) in _UNDO_SAID \
        or (change.at >= ctx.now - AT_ONCE_WITHIN and not said.refused)


AT_ONCE_WITHIN = dt.timedelta(minutes=10)


_WHY = ("reason", "reason_category", "competitor")  # a closed deal's why, given after its close
_UNDO_SAID = {"undo", "撤销", "撤消", "undo confirm", "撤销 确认"}


def _with_its_close(ctx: Ctx, reason: Change) -> list[Change]:
    """A closed deal's reason (or category) given after its close, with the close itself when that
    is the member's change just before it (one deal, not undone): `undo the loss` means both."""
    before = journal.latest(ctx.session, ctx.tenant.id, ctx.member.id, before=reason.id)
    if before is None or (before.entity, before.entity_id) != (reason.entity, reason.entity_id) \
            or not _stage_moved(before):
        return [reason]
    return [*journal.made_together(ctx.session, before), reason]


def _ago(ctx: Ctx, change: Change) -> str:
    minutes = int((ctx.now - change.at).total_seconds() // 60)
    return ctx.t("undo_ago_hours", hours=minutes // 60) if minutes >= 120 else \
        ctx.t("undo_ago_minutes", minutes=max(minutes, 1))


def handle_undo(ctx: Ctx, _cmd: Undo) -> Reply:
    change = journal.take_latest(ctx.session, ctx.tenant.id, ctx.member.id)
    if change is None or change.at < ctx.now - journal.WINDOW:
        raise ctx.refuse("undo_nothing")
    if not (_cmd.sure or _cmd.kind or _cmd.named or _right_after(ctx, change)):
        raise ctx.refuse("undo_older_ask", what=change_label(ctx, change), ago=_ago(ctx, change),
                         buttons=(Button(ctx.t("undo_older_button"), _sure(ctx)),))  # `yes`, `1`: undone
    group = journal.made_together(ctx.session, change)  # one message, one undo step: all it changed
    if _cmd.named:  # `undo the umbrella move`: of the message, the change about it
        group = [each for each in group if undo_named.about(ctx, each, _cmd.named)]
    if not group:
        raise ctx.refuse("undo_not_that_named", what=change_label(ctx, change), named=_cmd.named,
                         buttons=(Button(ctx.t("undo_that_one_button"), _sure(ctx)),))
    if _cmd.kind:  # `undo that snooze`: of the message, its snooze; `撤销刚才的推进`: its stage move
        group = [each for each in group if each.kind in plain_undo.KINDS.get(_cmd.kind, ())
                 and (_cmd.kind != "stage" or _stage_moved(each))]
    if _cmd.kind == "close" and len(group) == 1 and not _stage_moved(group[0]):
        group = _with_its_close(ctx, group[0])  # `undo the loss` after its reason: the loss, reason too
    if not group:
        raise ctx.refuse("undo_not_that_kind", what=change_label(ctx, change),
                         kind=ctx.t(f"undo_kind_{_cmd.kind}"),
                         buttons=(Button(ctx.t("undo_that_one_button"), _sure(ctx)),))
    kept, ids = [], [each.id for each in group]
    for each in reversed(group):  # the last first: a record two of them changed goes back step by step
        result = journal.revert(ctx.session, each)
        if isinstance(result, journal.Blocked):
            reason = _why(ctx, each, result)

            def passed_over(session, _member) -> None:  # kept after the refusal's rollback
                for change_id in ids:
                    session.get(Change, change_id).status = "blocked"

            raise ctx.refuse("undo_blocked", what=change_label(ctx, each), why=reason, record=passed_over,
                             buttons=_again(ctx))
        kept.extend(result)
    for each in group:
        _undone(ctx, each)
    if len({(each.entity, each.entity_id) for each in group}) == 1:  # one record: as before the first
        lines = [ctx.t("undone", what=describe(ctx, group[0]))]
    else:  # said back in full: each change of the message
        lines = [ctx.t("undone_several", count=len(group)),
                 *(f"{index}. {describe(ctx, each)}" for index, each in enumerate(group, 1)),
                 ctx.t("undo_again_hint")]
    for row in kept:  # customers kept: in use by others now
        lines.append(ctx.t("undo_customer_kept", customer=row["a"]["name"]))
    return Reply(lines=tuple(lines), buttons=_again(ctx))


def _undone(ctx: Ctx, change: Change) -> None:
    """A change put back: so marked, its deal's history and the team's posts following it."""
    change.status = "undone"
    if change.kind.endswith(".restore"):
        journal.back_in_bin(ctx.session, ctx.tenant.id, change.entity, change.entity_id)
    _history(ctx, change)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "undo", "change", change.id, at=ctx.now,
                     undid=change.kind, of=f"{change.entity} {change.entity_id}")
    facts.follow(ctx, change.rows)
    handover_undone(ctx, change)  # the two owners, told of the handover, told of its undo
    if any(r["t"] == "exchange_rates" for r in change.rows):
        facts.recheck_targets(ctx)


def question_cancelled(ctx: Ctx) -> Reply:
    """`undo` · `撤销` · `算了` while the bot's question is open: the question cancelled, nothing of
    it saved, and the member's last saved change (of the undo window) named, one tap from undone."""
    change = journal.latest(ctx.session, ctx.tenant.id, ctx.member.id)
    if change is None or change.at < ctx.now - journal.WINDOW:
        return Reply(lines=(ctx.t("question_cancelled"),), ok=False, locale=ctx.locale)
    what = change_label(ctx, change)
    button = Button(ctx.t("undo_last_button", what=what)[:75], _sure(ctx))
    return Reply(lines=(ctx.t("question_cancelled"), ctx.t("undo_last_offered", what=what)),
                 ok=False, locale=ctx.locale, asks=True, buttons=(button,))  # `1` undoes it; any other
    # message lets the offer go unsaid


def _history(ctx: Ctx, change: Change) -> None:
    """A deal put back keeps its history: the step back is in it, as a step of the one undoing."""
    for row in change.rows:
        if row["t"] != "deals" or row["a"] is None or row["b"] is None:
            continue
        a, b = row["a"], row["b"]
        deal_id = row["k"][0]
        event = {"deal_id": deal_id, "owner_id": b["owner_id"], "actor_id": ctx.member.id, "at": ctx.now}
        if a["stage"] != b["stage"]:
            ctx.session.add(DealEvent(**event, kind="stage", from_stage=a["stage"], to_stage=b["stage"],
                                      seconds_in_from_stage=0))
        if (a["amount"], a["currency"]) != (b["amount"], b["currency"]):
            ctx.session.add(DealEvent(**event, kind="amount", old_amount=Decimal(a["amount"]),
                                      new_amount=Decimal(b["amount"]), old_currency=a["currency"],
                                      new_currency=b["currency"]))
        for kind, old_text, new_text in _text_steps(ctx, a, b, change.rows):  # close day, title, customer
            ctx.session.add(DealEvent(**event, kind=kind, old_text=old_text, new_text=new_text))
    ctx.session.flush()


def _text_steps(ctx: Ctx, a: dict, b: dict, change_rows: list) -> list[tuple[str, str | None, str | None]]:
    """The steps back of a deal's close day, title and customer: every field undone shows in its
    history, as the stage and amount do (`and close 1/15` then `undo`: Jan 15 → Dec 31)."""
    steps = []
    if a.get("expected_close") != b.get("expected_close"):
        day = lambda v: str(v)[:10] if v else None
        steps.append(("close", day(a.get("expected_close")), day(b.get("expected_close"))))
    if a.get("title") != b.get("title"):
        steps.append(("title", a.get("title"), b.get("title")))
    if a.get("customer_id") != b.get("customer_id"):
        named = {r["k"][0]: (r["a"] or r["b"])["name"] for r in change_rows if r["t"] == "customers"}
        name = lambda key: named.get(key) or _customer(ctx, key)  # (one made by the change is gone now)
        steps.append(("customer", name(a["customer_id"]), name(b["customer_id"])))
    return steps


def _again(ctx: Ctx) -> tuple[Button, ...]:
    return (Button(ctx.t("undo_again_button"), _sure(ctx)),)  # a tap: one further back, at once


def change_label(ctx: Ctx, change: Change) -> str:
    """The change as the reader knows it: the words it was made with, in quotes (the bot's own
    words for it are written in the reader's language: `恢复 拜访 #412`); else its record named in
    the reader's language (`拜访 #412`, never the table's name `visits #412`)."""
    if change.label or change.entity is None:
        return f"“{change.label}”" if change.label else "–"
    row = next((r for r in change.rows if r["t"] == change.entity), None) or {}
    key = (change.entity_id,) if change.entity_id else ()
    return _record_name(ctx, change.entity, key, row.get("b") or row.get("a") or {})


def _why(ctx: Ctx, change: Change, blocked: journal.Blocked) -> str:
    record = _record_name(ctx, blocked.table, blocked.key, blocked.current or {})
    if blocked.why == "in_use":
        return ctx.t("undo_in_use", record=record)
    if blocked.why == "taken":
        return ctx.t("undo_taken", record=record)
    later = journal.who_changed(ctx.session, change, blocked.table, blocked.key)
    if later is not None and later.actor_id != ctx.member.id:
        who = ctx.session.get(Member, later.actor_id)
        return ctx.t("undo_changed_by", record=record, who=who.display_name if who else "–",
                     what=change_label(ctx, later))
    if later is not None:
        return ctx.t("undo_changed_by_you", record=record, what=change_label(ctx, later))
    if blocked.current is None:
        return ctx.t("undo_record_gone", record=record)
    return ctx.t("undo_changed", record=record)


_NOUNS = {"deals": "noun_deal", "visits": "noun_visit", "tasks": "noun_task", "tips": "noun_tip",
          "contests": "noun_contest", "targets": "noun_target", "customers": "noun_customer",
          "leaves": "noun_leave"}


def _record_name(ctx: Ctx, table: str, key: tuple, data: dict) -> str:
    noun = ctx.t(_NOUNS[table]) if table in _NOUNS else table
    if table == "customers":
        return f"{noun} {data.get('name', '')}".strip()
    return f"{noun} #{key[0]}" if len(key) == 1 else noun


def describe(ctx: Ctx, change: Change) -> str:
    """What undoing `change` did, in words: the main record's own phrase where there is one."""
    if change.kind.endswith(".restore"):
        return ctx.t("undo_restore", what=change_label(ctx, change))
    if change.kind == "member.link":
        parted = next((r["b"] for r in change.rows if r["t"] == "members" and r["a"] is None), None)
        return ctx.t("undo_link", name=(parted or {}).get("display_name", "–"))
    main = next((r for r in change.rows if r["t"] == change.entity
                 and r["k"][0] == change.entity_id), None)
    others = {r["t"] for r in change.rows} - {change.entity, "customers", "deal_events"}
    if main is None or others or sum(r["t"] == change.entity for r in change.rows) > 1:
        return ctx.t("undo_generic", what=change_label(ctx, change))  # a change of many records: as typed
    b, a, table = main["b"], main["a"], main["t"]
    if table == "deals":
        if b is None:
            return ctx.t("undo_deal_created", id=change.entity_id, title=a["title"])
        if a is None:
            return ctx.t("undo_deal_deleted", id=change.entity_id, title=b["title"])
        if b.get("owner_id") != a.get("owner_id") and (owner := ctx.session.get(Member, b["owner_id"])):
            return ctx.t("undo_deal_owner", id=change.entity_id, name=owner.display_name)  # given back
        if b["stage"] == a["stage"] and any(b.get(key) != a.get(key) for key in _WHY):  # `budget` picked
            return ctx.t("undo_deal_reason", id=change.entity_id, stage=name_of(STAGE_NAMES, b["stage"],
                                                                                 ctx.locale))
        return ctx.t("undo_deal_stage", id=change.entity_id,
                     stage=name_of(STAGE_NAMES, b["stage"], ctx.locale))
    if table == "visits":
        created = [r for r in change.rows if r["t"] == "customers" and r["b"] is None]
        customer = created[0]["a"]["name"] if created else _customer(ctx, (a or b)["customer_id"])
        if b is None:
            line = ctx.t("undo_visit_logged", id=change.entity_id, customer=customer)
            return line + (ctx.t("undo_and_customer", customer=customer) if created else "")
        if a is None:
            return ctx.t("undo_visit_deleted", customer=customer)
        if a["notes"] != b["notes"]:
            return ctx.t("undo_visit_notes", id=change.entity_id)
        if a["follow_up_done"] != b["follow_up_done"]:
            return ctx.t("undo_followup_open", id=change.entity_id)
        if a["follow_up_on"] != b["follow_up_on"]:
            return ctx.t("undo_visit_snooze", id=change.entity_id)
    if table == "tasks" and b is None:  # `任务 …` undone: the task named, not the command quoted
        return ctx.t("undo_task_created", id=change.entity_id, title=a["title"])
    if table == "tasks" and a is not None and b["done_at"] is None and a["done_at"] is not None:
        return ctx.t("undo_task_done", id=change.entity_id, title=a["title"])
    if table == "tasks" and a is not None and b is not None and a["due_on"] != b["due_on"]:
        if b["due_on"] is None:
            return ctx.t("undo_task_due_none", id=change.entity_id)
        when = fmt.day(dt.date.fromisoformat(b["due_on"]), ctx.today, ctx.locale, relative=False)
        return ctx.t("undo_task_due", id=change.entity_id, when=when)
    if table == "exchange_rates":
        currency = (a or b)["currency"]
        if b is None:
            return ctx.t("undo_rate_removed", currency=currency)
        return ctx.t("undo_rate", currency=currency, rate=b["rate"])
    return ctx.t("undo_generic", what=change_label(ctx, change))


def _customer(ctx: Ctx, customer_id: int) -> str:
    from storage.models.sales import Customer
    customer = ctx.session.get(Customer, customer_id)
    return customer.name if customer else "–"
