"""A CRM's pipeline, read on connecting (and on every `salesbot crm import`), becomes the
workspace's pipeline (storage/pipelines.py): its stages in order, open, won or lost, with their
probabilities, so chat, reports, forms and exports name the stages as the CRM does.

- Zoho CRM: the Deals' default pipeline (`settings/pipeline`, by the first Deals layout): each
  stage's `display_value`, `actual_value` (what a deal's `Stage` holds and we write) and
  `forecast_type` (`Open`, `Closed Won`, `Closed Lost`).
- 纷享销客: the options of NewOpportunityObj's `sales_stage` (its describe): `label` is shown,
  `value` is stored and written; 纷享's options carry no category, so a stage is won or lost by its
  label (赢单 / 输单, and what starts with them).

Neither answer carries probabilities (Zoho's pipeline maps have none; 纷享's options neither): a
stage takes the probability its deals have most often in the CRM, else one spread evenly across the
open stages (won 100, lost 0).

Zoho's other pipelines of Deals (a second one for renewals, say) are not the workspace's: their
stages are kept in the connection's settings (`others`), a deal of one is read at our stage its
stage stands for (by name, else won or lost, else its place among the open ones), and a move in
chat is written as that pipeline's stage (`name_in`), never as a stage its pipeline lacks.
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy import update

from crm.fxiaoke import FxiaokeClient
from crm.zoho import ZohoClient
from storage import pipelines
from storage.models.workspace import PipelineStage

_CATEGORY = {"open": "open", "closed won": "won", "closed lost": "lost"}
_WON, _LOST = ("赢单", "成交", "won", "closed won"), ("输单", "丢单", "lost", "closed lost")


def read(client) -> list[tuple[str, str, int | None, str, str]]:
    """(English name, Chinese name, probability or None, category, CRM names) of the CRM's
    stages in order; none when the CRM has no pipeline to give."""
    if isinstance(client, FxiaokeClient):
        rows = []
        for option in client.options("NewOpportunityObj", "sales_stage"):
            label, value = str(option.get("label") or "").strip(), str(option.get("value") or "").strip()
            if not label:
                continue
            folded = pipelines.fold(label)
            category = "won" if folded.startswith(_WON) else "lost" if folded.startswith(_LOST) else "open"
            rows.append((label, label, None, category, f"{value}|{label}" if value != label else label))
        return rows
    rows = []
    for stage in client.pipeline():
        shown = str(stage.get("display_value") or stage.get("actual_value") or "").strip()
        actual = str(stage.get("actual_value") or shown).strip()
        if not shown:
            continue
        category = _CATEGORY.get(pipelines.fold(str(stage.get("forecast_type") or "open")), "open")
        probability = stage.get("probability")
        rows.append((shown, shown, int(probability) if isinstance(probability, int | float) else None,
                     category, actual if actual == shown else f"{actual}|{shown}"))
    return rows


def adopt(session, tenant_id: int, rows: list[tuple[str, str, int | None, str, str]]) -> pipelines.Pipeline:
    """Make the CRM's stages the workspace's pipeline (a CRM with no open, won or lost stage
    leaves the pipeline as it is)."""
    categories = {row[3] for row in rows}
    if not {"open", "won", "lost"} <= categories:
        return pipelines.of(session, tenant_id)
    open_rows = [row for row in rows if row[3] == "open"]
    spread = {id(row): round(10 + 80 * n / max(1, len(open_rows) - 1)) for n, row in enumerate(open_rows)}
    made = pipelines.make([(en, zh, p if p is not None else
                            {"won": 100, "lost": 0}.get(category, spread.get(id(row), 50)), category, crm)
                           for row in rows for en, zh, p, category, crm in (row,)])
    pipelines.save(session, tenant_id, made)
    return made


def learn_probabilities(session, tenant_id: int, seen: dict[str, Counter]) -> None:
    """Each open stage takes the probability its CRM deals have most often (`seen`: stage key →
    probabilities counted), where the CRM gave none for the stage itself."""
    pipeline = pipelines.of(session, tenant_id)
    if not pipeline.own:
        return
    for key, counts in seen.items():
        if key in pipeline.open and counts:
            value = max(0, min(100, counts.most_common(1)[0][0]))
            session.execute(update(PipelineStage).where(PipelineStage.tenant_id == tenant_id,
                                                        PipelineStage.key == key).values(probability=value))
    session.info.get("pipelines", {}).pop(tenant_id, None)


# Zoho's other pipelines ------------------------------------------------------------------------
Others = dict[str, list[list]]  # pipeline name → its stages: [actual value, category, probability]


def others(client) -> Others:
    """Zoho's pipelines of Deals other than the default, each stage with its category and a
    probability spread over the pipeline's open stages (as `adopt` spreads them)."""
    if not isinstance(client, ZohoClient):
        return {}
    found: Others = {}
    for pipeline in client.pipelines()[1:]:
        name = str(pipeline.get("actual_value") or pipeline.get("display_value") or "").strip()
        stages = [(str(m.get("actual_value") or m.get("display_value") or "").strip(),
                   _CATEGORY.get(pipelines.fold(str(m.get("forecast_type") or "open")), "open"))
                  for m in pipeline.get("maps", [])]
        opened = [value for value, category in stages if category == "open"]
        spread = {value: round(10 + 80 * n / max(1, len(opened) - 1)) for n, value in enumerate(opened)}
        if name and stages:
            found[name] = [[value, category, spread.get(value, {"won": 100}.get(category, 0))]
                           for value, category in stages if value]
    return found


def key_of(pipeline: pipelines.Pipeline, other: Others, name: str, probability: int | None,
           in_pipeline: str = "") -> str:
    """Our stage for a deal's CRM stage `name`, in its pipeline `in_pipeline` (Zoho's)."""
    for value, category, spread in other.get(in_pipeline) or ():
        if pipelines.fold(value) == pipelines.fold(name):
            return _key_in(pipeline, value, category, spread)
    return pipeline.key_for(name, probability)


def name_in(pipeline: pipelines.Pipeline, stages: list[list], key: str) -> str | None:
    """The stage of another pipeline our stage `key` is written as: one read as it, else its
    first won or lost stage, else the open one nearest in probability."""
    exact = next((value for value, category, spread in stages
                  if _key_in(pipeline, value, category, spread) == key), None)
    if exact or key in ("won", "lost"):
        return exact or next((value for value, category, _ in stages if category == key), None)
    wanted = pipeline.probability(key)
    opened = [(value, spread) for value, category, spread in stages if category == "open"]
    return min(opened, key=lambda vs: abs(vs[1] - wanted))[0] if opened else None


def _key_in(pipeline: pipelines.Pipeline, value: str, category: str, spread: int) -> str:
    if category in ("won", "lost"):
        return category
    key = pipeline.key_for(value, spread)
    return key if key not in ("won", "lost") else pipeline.key_for("", spread)
