"""A workspace's pipeline: its stages in order, each with names in English and Chinese, a
probability and a category (open, won, lost). A workspace without its own keeps the default seven.

Deals store a stage's `key`. Every pipeline closes with the keys `won` and `lost` (a CRM's several
lost stages all close a deal as `lost`; their CRM names are kept for the mapping), so code that
asks "is it won?" never needs the pipeline; what is *open* is any other key.

What shows or reads stages (the parser's stage words, stage names in replies, buttons, forms,
reports, exports, the CRM mapping) asks the workspace's pipeline: `of(session, tenant_id)`, or,
while one message of a workspace is handled, `current()` (set by `use`).
"""
from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cached_property

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models.sales import CLOSED_STAGES, DEFAULT_PROBABILITY, OPEN_STAGES, Deal
from storage.models.workspace import PipelineStage

CATEGORIES = ("open", "won", "lost")
RETIRED = "retired"  # a stored stage an earlier pipeline had: only its names are kept
DEFAULT_NAMES = {
    "lead": ("Lead", "线索"), "contact": ("Contact", "初步接触"), "discovery": ("Discovery", "需求挖掘"),
    "proposal": ("Proposal", "方案呈现"), "negotiation": ("Negotiation", "商务谈判"),
    "won": ("Won", "赢单"), "lost": ("Lost", "输单"),
}
#: The words read as the default stages, their synonyms and the names teams give them.
DEFAULT_WORDS = {
    "lead": "lead", "leads": "lead", "线索": "lead",
    "contact": "contact", "contacted": "contact", "初步接触": "contact", "接触": "contact",
    "discovery": "discovery", "needs": "discovery", "需求挖掘": "discovery", "需求": "discovery",
    "proposal": "proposal", "quote": "proposal", "方案呈现": "proposal", "方案": "proposal",
    "报价": "proposal",
    "negotiation": "negotiation", "negotiating": "negotiation", "商务谈判": "negotiation",
    "谈判": "negotiation",
    "won": "won", "成交": "won", "赢单": "won", "lost": "lost", "输单": "lost",
    "初次接触": "contact", "已接触": "contact",
    "需求确认": "discovery", "需求分析": "discovery", "qualification": "discovery", "qualify": "discovery",
    "qualified": "discovery",
    "qualifying": "discovery",
    "需求调研": "discovery", "需求沟通": "discovery", "quotation": "proposal", "quoted": "proposal",
    "提案": "proposal", "方案报价": "proposal", "报价阶段": "proposal", "negotiate": "negotiation",
    "议价": "negotiation", "商务洽谈": "negotiation", "合同谈判": "negotiation",
    "closed-won": "won", "closed_won": "won", "签约": "won", "已签约": "won",
    "closed-lost": "lost", "closed_lost": "lost", "丢单": "lost",
    # a stage said as the state a deal is in (`格力 谈判中`, `Acme in negotiation`): the stage, never a title
    "谈判中": "negotiation", "在谈": "negotiation", "在谈判": "negotiation", "正在谈": "negotiation",
    "正在谈判": "negotiation", "洽谈中": "negotiation", "商务谈判中": "negotiation", "议价中": "negotiation",
    "合同谈判中": "negotiation", "签约中": "negotiation", "待签约": "negotiation",
    "in negotiation": "negotiation", "in negotiations": "negotiation", "under negotiation": "negotiation",
    "negotiations": "negotiation", "contract sent": "negotiation",
    "报价中": "proposal", "已报价": "proposal", "报过价": "proposal", "已发报价": "proposal",
    "已出方案": "proposal", "方案已发": "proposal", "已发方案": "proposal", "proposal sent": "proposal",
    "quote sent": "proposal", "sent proposal": "proposal", "sent quote": "proposal", "quoting": "proposal",
    "in proposal": "proposal", "需求调研中": "discovery", "需求沟通中": "discovery",
    "需求确认中": "discovery",
    "in discovery": "discovery", "接触中": "contact", "初步接触中": "contact", "in contact": "contact",
    # … or by its stage's name (`谈判阶段`, `proposal stage`)
    "谈判阶段": "negotiation", "商务谈判阶段": "negotiation", "方案阶段": "proposal",
    "方案呈现阶段": "proposal",
    "需求阶段": "discovery", "需求挖掘阶段": "discovery", "接触阶段": "contact", "初步接触阶段": "contact",
    "线索阶段": "lead", "negotiation stage": "negotiation", "proposal stage": "proposal",
    "discovery stage": "discovery",
}
#: The default stages' names in Zoho CRM's default Stage picklist of Deals (a CRM stage or a file's
#: stage is read by these too, never a chat message).
CRM_DEFAULT_NAMES = {
    "qualification": "lead", "needs analysis": "contact", "value proposition": "discovery",
    "proposal/price quote": "proposal", "negotiation/review": "negotiation",
    "closed won": "won", "closed lost": "lost", "closed-lost to competition": "lost",
}
_WON_PREFIXES, _LOST_PREFIXES = ("closed won", "closed-won", "赢单", "won"), \
    ("closed lost", "closed-lost", "输单", "lost", "丢单")


def fold(name: str) -> str:
    """A stage name as it is matched: width and case folded, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True)
class Stage:
    key: str
    en: str
    zh: str
    probability: int
    category: str = "open"
    crm_name: str = ""  # the CRM's name(s): a closed stage may stand for several, joined by `|`

    @property
    def crm_names(self) -> tuple[str, ...]:
        return tuple(n.strip() for n in self.crm_name.split("|") if n.strip())


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]
    own: bool = False  # the workspace's own (else the default)
    #: (key, English, Chinese) of stages an earlier pipeline of the workspace had and this one has
    #: not: a deal's history still names them as they were called
    retired: tuple[tuple[str, str, str], ...] = ()

    @cached_property
    def open(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.stages if s.category == "open")

    @cached_property
    def names(self) -> dict[str, tuple[str, str]]:
        return {**DEFAULT_NAMES, **{key: (en, zh) for key, en, zh in self.retired},
                **{s.key: (s.en, s.zh) for s in self.stages}}

    def name(self, key: str, locale: str) -> str:
        return self.names.get(key, (key, key))[locale == "zh"]

    def stage(self, key: str) -> Stage | None:
        return next((s for s in self.stages if s.key == key), None)

    def probability(self, key: str) -> int:
        found = self.stage(key)
        return found.probability if found else DEFAULT_PROBABILITY.get(key, 10)

    @cached_property
    def rank(self) -> dict[str, int]:
        """Funnel order: the open stages, then won."""
        return {key: n for n, key in enumerate((*self.open, "won"))}

    def crm_name(self, key: str) -> str | None:
        found = self.stage(key)
        return found.crm_names[0] if found and found.crm_names else None

    @cached_property
    def words(self) -> dict[str, str]:
        """Every word (or words) read as a stage, folded: each stage's names, its CRM name and its
        key, then the default stages' words for the stage that stands for each of them."""
        if not self.own:
            return dict(DEFAULT_WORDS)
        words: dict[str, str] = {}
        for s in self.stages:
            for name in (s.key, s.en, s.zh):
                folded = fold(name)
                if folded:
                    for variant in (folded, folded.replace(" ", "-"), folded.replace(" ", "_")):
                        words.setdefault(variant, s.key)
        stands = {}
        for s in self.stages:
            if s.category == "open":
                stands.setdefault(_default_for(s.en or s.zh, s.probability), s.key)
        for default in OPEN_STAGES:  # else the stage nearest in probability: every default word reads
            stands.setdefault(default, min(self.open, key=lambda k: abs(
                self.probability(k) - DEFAULT_PROBABILITY[default])))
        for word, default in DEFAULT_WORDS.items():
            target = default if default in CLOSED_STAGES else stands.get(default)
            if target:
                words.setdefault(word, target)
        return words

    @cached_property
    def crm_keys(self) -> dict[str, str]:
        """The CRM's names (and option values) of each stage, folded."""
        return {fold(name): s.key for s in self.stages for name in s.crm_names}

    def key_for(self, name: str, probability: int | None = None) -> str:
        """The stage a name (a CRM's or a file's) stands for: by name, else a closed prefix, else
        the first open stage at least as likely as `probability`."""
        folded = fold(name)
        if folded in self.crm_keys:
            return self.crm_keys[folded]
        if folded in CRM_DEFAULT_NAMES and not self.own:  # a CRM's name before a chat word
            return CRM_DEFAULT_NAMES[folded]
        if folded in self.words:
            return self.words[folded]
        if folded.startswith(_WON_PREFIXES):
            return "won"
        if folded.startswith(_LOST_PREFIXES):
            return "lost"
        p = 10 if probability is None else probability
        open_stages = [s for s in self.stages if s.category == "open"]
        return next((s.key for s in open_stages if p <= s.probability), open_stages[-1].key)


def _default_for(name: str, probability: int) -> str:
    """The default stage a stage of a workspace's own stands for (by its name, else probability)."""
    return DEFAULT.key_for(name, probability)


DEFAULT = Pipeline(tuple(Stage(key, *DEFAULT_NAMES[key], DEFAULT_PROBABILITY[key],
                               key if key in CLOSED_STAGES else "open")
                         for key in (*OPEN_STAGES, *CLOSED_STAGES)))


def make(stages: list[tuple[str, str, int, str, str]]) -> Pipeline:
    """A pipeline from (English name, Chinese name, probability, category, CRM name) in order,
    with a key per stage: the default stage's key the name stands for (so deals keep their
    stage), else the English name made a word, else `s` and its place."""
    used: set[str] = set()
    made: list[Stage] = []
    for n, (en, zh, probability, category, crm_name) in enumerate(stages, 1):
        if category in CLOSED_STAGES and category in used:  # another way to win or lose: one more name
            at = next(i for i, s in enumerate(made) if s.key == category)
            made[at] = replace(made[at], crm_name="|".join((*made[at].crm_names, crm_name or en))[:100])
            continue
        if category in CLOSED_STAGES:
            key = category
        else:
            known = next((table.get(fold(name)) for table in (CRM_DEFAULT_NAMES, DEFAULT_WORDS)
                          for name in (en, zh) if table.get(fold(name))), None)
            slug = re.sub(r"[^a-z0-9]+", "_", fold(en)).strip("_")[:16]
            key = next(k for k in (known, slug, f"s{n}") if k and k not in used and k not in CLOSED_STAGES)
        used.add(key)
        made.append(Stage(key, en or zh, zh or en, probability, category, crm_name))
    return Pipeline(tuple(made), own=True)


# per workspace ---------------------------------------------------------------------------------
def of(session: Session, tenant_id: int) -> Pipeline:
    """The workspace's pipeline (cached for the session; `save` refreshes it)."""
    cache = session.info.setdefault("pipelines", {})
    if tenant_id not in cache:
        rows = session.scalars(select(PipelineStage).where(PipelineStage.tenant_id == tenant_id)
                               .order_by(PipelineStage.position)).all()
        live = tuple(Stage(r.key, r.name_en, r.name_zh, r.probability, r.category, r.crm_name)
                     for r in rows if r.category != RETIRED)
        retired = tuple((r.key, r.name_en, r.name_zh) for r in rows if r.category == RETIRED)
        found = Pipeline(live, own=True) if live else DEFAULT
        cache[tenant_id] = replace(found, retired=retired) if retired else found
    return cache[tenant_id]


def save(session: Session, tenant_id: int, pipeline: Pipeline | None) -> int:
    """Make `pipeline` the workspace's (None: back to the default). Open deals on a stage the new
    pipeline has not move to its open stage nearest in probability; returns how many moved. The
    names of the stages it drops are kept, retired, for the deals' history."""
    before = of(session, tenant_id)
    new = replace(pipeline or DEFAULT, retired=())
    keys = {s.key for s in new.stages}
    dropped = {key: (en, zh) for key, en, zh in before.retired}
    dropped.update({s.key: (s.en, s.zh) for s in before.stages if before.own})
    new = replace(new, retired=tuple((key, en, zh) for key, (en, zh) in dropped.items() if key not in keys))
    session.execute(delete(PipelineStage).where(PipelineStage.tenant_id == tenant_id))
    if pipeline is not None:
        session.add_all([PipelineStage(tenant_id=tenant_id, position=n, key=s.key, name_en=s.en[:64],
                                       name_zh=s.zh[:64], probability=s.probability, category=s.category,
                                       crm_name=s.crm_name[:100]) for n, s in enumerate(pipeline.stages)])
    session.add_all([PipelineStage(tenant_id=tenant_id, position=1000 + n, key=key, name_en=en[:64],
                                   name_zh=zh[:64], probability=0, category=RETIRED, crm_name="")
                     for n, (key, en, zh) in enumerate(new.retired)])
    session.info.setdefault("pipelines", {})[tenant_id] = new
    moved = 0
    for deal in session.scalars(select(Deal).where(Deal.tenant_id == tenant_id,
                                                   Deal.stage.notin_((*CLOSED_STAGES, *new.open)))):
        was = before.probability(deal.stage)
        deal.stage = min(new.open, key=lambda k: abs(new.probability(k) - was))
        deal.probability = new.probability(deal.stage)
        moved += 1
    session.flush()
    return moved


# the workspace whose message is being handled --------------------------------------------------
_current: ContextVar[Pipeline | None] = ContextVar("pipeline", default=None)


def current() -> Pipeline:
    """The pipeline of the workspace being handled (the default one outside any)."""
    return _current.get() or DEFAULT


def chosen() -> bool:
    """Whether a workspace's pipeline is in use here (inside `use`)."""
    return _current.get() is not None


@contextlib.contextmanager
def use(pipeline: Pipeline) -> Iterator[Pipeline]:
    token = _current.set(pipeline)
    try:
        yield pipeline
    finally:
        _current.reset(token)


class CurrentTable(Mapping):
    """A read-only view of one table of the current pipeline (`names`, `words`), for modules that
    look stages up as a dict: `STAGE_NAMES[key]`, `word in STAGE_WORDS`."""

    def __init__(self, attribute: str):
        self.attribute = attribute

    def _table(self) -> dict:
        return getattr(current(), self.attribute)

    def __getitem__(self, key):
        table = self._table()
        if key in table:
            return table[key]
        if self.attribute == "names":  # a stage an older pipeline had (a deal's history)
            return DEFAULT_NAMES.get(key, (key, key))
        raise KeyError(key)

    def __contains__(self, key) -> bool:
        return key in self._table()

    def __iter__(self):
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())
