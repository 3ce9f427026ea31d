"""A name or alias said whole wins over customers whose names only start with it (`huawei` is 华为
beside Huawei Cloud; `acme` Acme beside Acme Logistics), and a name taken as a longer one is said."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit

pytestmark = pytest.mark.phrasing


def _rows(chat):
    with chat.session_factory() as s:
        names = dict(s.execute(select(Customer.id, Customer.name)).all())
        visits = [names[v.customer_id] for v in s.scalars(select(Visit).order_by(Visit.id))]
        deals = [names[d.customer_id] for d in s.scalars(select(Deal).order_by(Deal.id))]
        return sorted(names.values()), visits, deals


@pytest.mark.parametrize("text, lang, said", [
    ("visit huawei: met the CTO", None, "“huawei” taken as 华为."),
    ("visit Huawei: lunch", None, "“Huawei” taken as 华为."),
    ("拜访 huawei：聊了预算", "zh", "“huawei”按 华为 处理。"),
    ("visit HUAWEI: demo", None, "“HUAWEI” taken as 华为."),
    ("拜访 Huawei：演示", "zh", "“Huawei”按 华为 处理。"),
])
def test_an_alias_wins_over_a_name_that_starts_with_it(team_chat, text, lang, said):
    team_chat("visit +华为: intro", user="Ana")
    team_chat("visit +Huawei Cloud: intro", user="Ana")
    out = team_chat(text, user="Ana", lang=lang)
    names, visits, _deals = _rows(team_chat)
    assert said in out and "Huawei Cloud" not in out, out
    assert names == sorted(["Huawei Cloud", "华为"]) and visits[-1] == "华为"


@pytest.mark.parametrize("text", ["deal huawei 50k", "deal Huawei proposal 20k", "deal huawei lead"])
def test_a_deal_by_alias_goes_to_the_alias_customer_and_says_so(team_chat, text):
    team_chat("visit +华为: intro", user="Ana")
    team_chat("visit +Huawei Cloud: intro", user="Ana")
    out = team_chat(text, user="Ana")
    names, _visits, deals = _rows(team_chat)
    assert "taken as 华为." in out, out
    assert names == sorted(["Huawei Cloud", "华为"]) and deals == ["华为"]


@pytest.mark.parametrize("text", ["visit acme: met cto", "visit Acme: lunch", "visit ACME: demo",
                                  "拜访 acme：演示"])
def test_a_name_said_whole_wins_over_a_longer_one_with_no_question(team_chat, text):
    team_chat("visit +Acme: intro", user="Ana")
    team_chat("visit +Acme Logistics: intro", user="Ana")
    out = team_chat(text, user="Ana")
    names, visits, _deals = _rows(team_chat)
    assert "taken as" not in out and "处理" not in out and "Which" not in out and "哪" not in out, out
    assert names == ["Acme", "Acme Logistics"] and visits[-1] == "Acme"


@pytest.mark.parametrize("text, lang, said", [
    ("visit ACME: met", None, "“ACME” taken as Acme Corp."),
    ("deal ACME 10k", None, "“ACME” taken as Acme Corp."),
    ("deal acme proposal 5k", None, "“acme” taken as Acme Corp."),
    ("拜访 acme：演示", "zh", "“acme”按 Acme Corp 处理。"),
    ("商机 ACME 5万", "zh", "“ACME”按 Acme Corp 处理。"),
])
def test_a_part_of_one_name_is_that_customer_said(team_chat, text, lang, said):
    team_chat("visit +Acme Corp: intro", user="Ana")
    out = team_chat(text, user="Ana", lang=lang)
    names, visits, deals = _rows(team_chat)
    assert said in out, out
    assert names == ["Acme Corp"] and len(visits) + len(deals) == 2 and (visits + deals)[-1] == "Acme Corp"
