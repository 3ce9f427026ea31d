"""`stages` · `阶段`: the workspace's pipeline, and (admins) its own stages.

    stages                                           the stages, probabilities and categories
    stages Lead 10, Demo/演示 30, Proposal/报价 60    set them (won and lost are added if not named)
    stages reset                                     back to the default seven

Each stage is `English name[/中文名] [probability%] [won|lost]`, stages apart by `,` `，` `;` `、`.
A deal on a stage the new pipeline has not moves to its open stage nearest in probability, and
the reply says how many moved. A workspace connected to a CRM gets its stages from the CRM on
every import (crm/stages.py); a stage kept by name keeps its CRM name.
"""
from __future__ import annotations

import dataclasses

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.text.reply import Reply
from storage import pipelines


def handle_stages(ctx: Ctx, cmd: c.Stages) -> Reply:
    if cmd.items is None and not cmd.reset:
        return _show(ctx, pipelines.of(ctx.session, ctx.tenant.id))
    old = pipelines.of(ctx.session, ctx.tenant.id)
    new = None if cmd.reset else made(cmd.items, old)
    moved = pipelines.save(ctx.session, ctx.tenant.id, new)
    shown = new or pipelines.DEFAULT
    reply = _show(ctx, shown)
    lines = [ctx.t("stages_reset" if cmd.reset else "stages_set")]
    if moved:
        lines.append(ctx.t("stages_moved", count=moved))
    return dataclasses.replace(reply, lines=(*lines, *reply.lines))


def made(items, old: pipelines.Pipeline) -> pipelines.Pipeline:
    """The typed stages as a pipeline: won and lost added if not named, probabilities spread
    over the open stages where none is given, a CRM name kept for a stage named as before."""
    rows = list(items)
    if not any(category == "won" for *_, category in rows):
        rows.append(("Won", "赢单", 100, "won"))
    if not any(category == "lost" for *_, category in rows):
        rows.append(("Lost", "输单", 0, "lost"))
    open_rows = [r for r in rows if r[3] == "open"]
    spread = {id(r): round(10 + 80 * n / max(1, len(open_rows) - 1)) for n, r in enumerate(open_rows)}
    crm_of = {pipelines.fold(s.en): s.crm_name for s in old.stages if s.crm_name} if old.own else {}
    made = []
    for row in rows:
        en, zh, probability, category = row
        if probability is None:
            probability = {"won": 100, "lost": 0}.get(category, spread.get(id(row), 50))
        made.append((en, zh, probability, category, crm_of.get(pipelines.fold(en), "")))
    return pipelines.make(made)


def _show(ctx: Ctx, pipeline: pipelines.Pipeline) -> Reply:
    other = "en" if ctx.locale == "zh" else "zh"
    lines = []
    for n, stage in enumerate(pipeline.stages, 1):
        name, also = pipeline.name(stage.key, ctx.locale), pipeline.name(stage.key, other)
        label = name if also == name else f"{name} ({also})"
        lines.append(ctx.t("stages_line", n=n, name=label, probability=stage.probability,
                           category=ctx.t(f"stages_{stage.category}")))
    lines.append(ctx.t("stages_own" if pipeline.own else "stages_default"))
    return Reply(title=ctx.t("stages_title"), lines=tuple(lines))
