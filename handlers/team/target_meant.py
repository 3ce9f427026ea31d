"""Which target a correction means when the message before it set several (r20): `给张伟定个目标
下个月业绩六十万 新客户3个 拜访四十次` then `不对 业绩是65万`, `业绩改成65万`, `不对，是65万`,
`no, revenue is 650k`.

The correction names a metric (业绩, revenue): the target of that metric among the last message's;
it names none but says an amount of money: the one target of money among them; else, where
several fit (two members' revenue), asked, one tap each. Each is corrected as
handlers/team/target_corrections.py corrects one (only while in effect, only a value its metric
counts)."""
from __future__ import annotations

from decimal import Decimal

from handlers.context import Ctx
from handlers.sales.last_said import made_with
from handlers.team.target_corrections import target_corrected
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import METRIC_NAMES, name_of
from storage.models.sales import Change
from storage.models.team import METRICS
from storage.models.workspace import Member


def target_meant(ctx: Ctx, change: Change, field: str, value: str, hint: str):
    """The SetTarget correcting the target `value` is meant for among those the message of `change`
    (the member's latest) set, or the reply asking which (or saying why none)."""
    targets = [x for x in made_with(ctx, change) if x.kind == "SetTarget"] or [change]
    if len(targets) == 1:
        return target_corrected(ctx, change, value, hint)
    fits = [x for x in targets if _metric(x) == (field if field in METRICS else "revenue")]
    if len(fits) == 1:
        return target_corrected(ctx, fits[0], value, hint)
    notes = list(ctx.notes)
    made = [(x, target_corrected(ctx, x, value, hint)) for x in fits or targets]
    ctx.notes[:] = notes
    buttons = tuple(Button(_label(ctx, x, value), "", action=command) for x, command in made
                    if not isinstance(command, Reply))
    if not buttons:
        return made[0][1]
    return Reply(lines=(ctx.t("target_which", value=value, count=len(buttons)),
                        *(f"{n}. {b.label}" for n, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=len(buttons))), ok=False, which=True, buttons=buttons)


def _metric(change: Change) -> str | None:
    return next((r["a"].get("metric") for r in change.rows if r["t"] == "targets" and r["a"]), None)


def _label(ctx: Ctx, change: Change, value: str) -> str:
    """`张伟 · 业绩 ¥60万 → 65万`: the target and the value it would get."""
    target = next(r["a"] for r in change.rows if r["t"] == "targets" and r["a"])
    owner = ctx.session.get(Member, target["member_id"]) if target.get("member_id") else None
    who = owner.display_name if owner is not None else ctx.t("target_team_word")
    old = fmt.metric_value(target["metric"], Decimal(target["amount"]), ctx.tenant.currency, ctx.locale)
    return f"{who} · {name_of(METRIC_NAMES, target['metric'], ctx.locale)} {old} → {value}"[:75]
