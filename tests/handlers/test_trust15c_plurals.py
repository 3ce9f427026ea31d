"""A number said in English has its noun in the number's form (`1 customer`, `2 customers`), through
one helper (`{n:customer|customers}` in the string tables, `counted` elsewhere); Chinese has no
plural and is unchanged. On SQLite and PostgreSQL where the bot is asked."""
import re
import string

import pytest
from sqlalchemy import select

from handlers.text.strings import MESSAGES, counted, t
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.workspace import Member

pytestmark = pytest.mark.phrasing

#: `1 customers`, `1 open deals`, `1 working days`: a one with a plural noun
_ONE_PLURAL = re.compile(r"\b1 (?:[a-z-]+ )?(customers|deals|tasks|visits|days|reps|tips|follow-ups|minutes|"
                         r"problems|rows|changes|hours|weeks|members|things|deliveries|characters|accounts)\b")
#: where a field filled with 1 is no count: {text} names customers, {metric} a metric
_NOT_COUNTS = {"visits_unsaid", "target_split_over"}


def test_no_english_message_says_one_with_a_plural_noun():
    said = {}
    for key, (en, _zh) in MESSAGES.items():
        fields = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(en) if name}
        text = t("en", key, **dict.fromkeys(fields, 1))
        if key not in _NOT_COUNTS and _ONE_PLURAL.search(text):
            said[key] = text
    assert said == {}


@pytest.mark.parametrize("key, values, one, many", [
    ("reassigned", {"source": "Bo", "target": "Ana", "customers": 1, "deals": 1},
     "Bo's 1 customer and 1 open deal now belong to Ana.",
     "Bo's 2 customers and 2 open deals now belong to Ana."),
    ("customer_merged_more", {"tasks": 1, "tips": 1}, "Also moved: 1 task and 1 tip.",
     "Also moved: 2 tasks and 2 tips."),
    ("done_ok", {"count": 1}, "Marked 1 follow-up done.", "Marked 2 follow-ups done."),
    ("trash_empty", {"days": 1}, "The bin is empty (deletions stay 1 day).",
     "The bin is empty (deletions stay 2 days)."),
    ("shift_working_days", {"count": 1}, "1 working day: weekends", "2 working days: weekends"),
    ("due_overdue", {"days": 1}, "1 day overdue", "2 days overdue"),
])
def test_english_says_one_and_many_and_chinese_says_the_number(key, values, one, many):
    assert t("en", key, **values).startswith(one)
    assert t("en", key, **{k: 2 if v == 1 else v for k, v in values.items()}).startswith(many)
    zh = t("zh", key, **values)
    assert "1" in zh and "|" not in zh and ":" not in zh.replace("：", "")


def test_counted_is_the_one_helper():
    assert [counted(n, "open deal", "open deals") for n in (0, 1, 2)] == ["0 open deals", "1 open deal",
                                                                         "2 open deals"]
    assert t("en", "kpi_days", days="1") == "1 day" and t("en", "kpi_days", days="12") == "12 days"


def _owners(session_factory) -> dict[str, str]:
    with session_factory() as s:
        names = dict(s.execute(select(Member.id, Member.display_name)).all())
        rows = [(f"customer {c.name}", c.owner_id) for c in s.scalars(select(Customer))]
        rows += [(f"deal {d.title}", d.owner_id) for d in s.scalars(select(Deal))]
        return {what: names[who] for what, who in rows}


@pytest.mark.parametrize("said, lang, reply", [
    ("reassign @Bo to @Ana confirm", "en", "Bo's 1 customer and 1 open deal now belong to Ana."),
    ("转交 @Bo 给 @Ana 确认", "zh", "Bo的 1 个客户和 1 个进行中的商机已转交给Ana。"),
])
def test_reassigning_one_customer_says_one_customer(team_chat, session_factory, said, lang, reply):
    team_chat('deal Acme "ERP" proposal 50k', user="Bo")
    assert reply in team_chat(said, user="Mia", lang=lang)
    assert _owners(session_factory) == {"customer Acme": "Ana", "deal ERP": "Ana"}


def test_reassigning_two_of_each_says_them_in_the_plural(team_chat, session_factory):
    for text in ('deal Acme "ERP" proposal 50k', 'deal Globex "CRM" proposal 20k', "task call Acme by fri",
                 "task send Globex the quote by fri"):
        team_chat(text, user="Bo")
    out = team_chat("reassign @Bo to @Ana confirm", user="Mia")
    assert "Bo's 2 customers and 2 open deals now belong to Ana." in out
    assert "Ana also takes over 2 open tasks and 0 open follow-ups (as tasks)." in out
    assert set(_owners(session_factory).values()) == {"Ana"}
    with session_factory() as s:
        assert {s.get(Member, a).display_name for a in s.scalars(select(Task.assignee_id))} == {"Ana"}


def test_a_merge_of_one_visit_and_two_deals_says_each_in_its_form(team_chat, session_factory):
    team_chat("visit Acme Corp: intro", user="Ana")
    team_chat("visit +Acme Crop: typo visit", user="Bo")
    team_chat('deal Acme Crop "Pilot" proposal 10k', user="Bo")
    team_chat('deal Acme Crop "ERP" proposal 20k', user="Bo")
    out = team_chat('customer "Acme Crop" merge into "Acme Corp"', user="Mia")
    assert "Acme Crop merged into Acme Corp: 1 visit and 2 deals moved." in out
    with session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == ["Acme Corp"]
        assert len(s.scalars(select(Visit.id)).all()) == 2 and len(s.scalars(select(Deal.id)).all()) == 2
