"""A metric's target corrected when the manager's previous message did not set it (fix29a, class 1):
`Ana 1月 拜访目标40`, `Ana 1月 收入目标5万`, then `不对 拜访目标改成45` · `no, visits target 45`. The
target meant is the one just set: the same member and period as the targets set in the last minutes,
of the metric named. It was set by an earlier message, so it is offered (one tap, nothing stored
until then), never changed at once, and never another period's (this month's was changed before).
Where the targets just set were for several members or periods, each is offered."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.rules.working_days import period_bounds
from handlers.sales.said_again import RECENT
from handlers.team.target_corrections import target_corrected
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import METRIC_NAMES, name_of
from storage.changes import changes_made_by
from storage.models.sales import Change


def _target(change: Change) -> dict | None:
    return next((r["a"] for r in change.rows if r["t"] == "targets" and r["a"] is not None
                 and not r["a"].get("from_split")), None)


def _whose(target: dict) -> tuple:
    return target.get("member_id"), target.get("team_id"), target["period_kind"], target["period_start"]


def offered(ctx: Ctx, metric: str, value: str, hint: str) -> Reply | None:
    """The offer of `metric`'s target set to `value` for whom and when the targets just set were
    (or why it cannot be); None when the member set no target in the last minutes."""
    recent = changes_made_by(ctx.session, ctx.tenant.id, ctx.member.id, kind="SetTarget", done=True,
                             since=ctx.now - RECENT, newest_first=True, limit=20)
    recent = [x for x in recent if _target(x) is not None]
    if not recent:
        return None
    places: dict[tuple, Change] = {}
    for change in recent:
        places.setdefault(_whose(_target(change)), change)
    kept = list(ctx.notes)
    made = []
    for place, change in places.items():
        own = next((x for x in recent if _whose(_target(x)) == place and _target(x)["metric"] == metric),
                   None)
        command = target_corrected(ctx, own or change, value, hint)
        if own is None and not isinstance(command, Reply):
            command = replace(command, metric=metric, split=False, split_all=False)
        made.append(command)
    ctx.notes[:] = kept
    commands = [x for x in made if not isinstance(x, Reply)]
    if not commands:
        return made[0]
    ctx.correcting = True  # an offer: the member's last message stays the one to correct
    buttons = tuple(Button(_label(ctx, x), "", action=x) for x in commands[:5])
    return Reply(lines=(ctx.t("target_recent_offer", value=value, count=len(buttons)),
                        *(f"{n}. {b.label}" for n, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=len(buttons))), ok=False, which=True, buttons=buttons)


def _label(ctx: Ctx, command) -> str:
    """`Ana · Visits 45 · January 2027`: the target the tap sets."""
    start = period_bounds(command.period, ctx.today)[0]
    shown = fmt.metric_value(command.metric, command.amount, command.currency or ctx.tenant.currency,
                             ctx.locale)
    return (f"{command.scope.name} · {name_of(METRIC_NAMES, command.metric, ctx.locale)} {shown} · "
            f"{fmt.period_label(command.period.kind, start, ctx.locale)}")[:75]
