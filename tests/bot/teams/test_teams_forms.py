"""Forms on Teams: `visit`, `deal`, `target` alone answer with a card; a Save with a mistake
comes back as the card with the reason under the field and the inputs as typed; stored only
when right."""
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from storage.models.team import Target
from support import count


def _card(posted):
    [attachment] = posted.activity["attachments"]
    return attachment["content"]


def _inputs(card) -> dict:
    return {item["id"]: item for item in card["body"] if item["type"].startswith("Input.")}


def test_a_deal_form_with_a_mistake_comes_back_marked_then_is_saved(teams):
    teams.say("deal")
    [form] = teams.fake.wait_for(lambda: teams.fake.to("a:chat-29:ana"))
    card = _card(form)
    inputs = _inputs(card)
    assert list(inputs) == ["customer", "title", "stage", "amount", "close"]
    assert inputs["customer"]["isRequired"] and inputs["customer"]["errorMessage"] == "Fill this in."
    assert {c["value"] for c in inputs["stage"]["choices"]} >= {"lead", "proposal", "negotiation"}
    [save] = card["actions"]
    typed = {"customer": "Big 5 Ltd", "title": "ERP; phase 2", "stage": "proposal", "amount": "50kk",
             "close": ""}
    teams.press({"data": {**save["data"], **typed}})
    again = teams.posted_to("a:chat-29:ana", 2)
    card = _card(again[1])
    assert _inputs(card)["amount"]["value"] == "50kk" and _inputs(card)["customer"]["value"] == "Big 5 Ltd"
    assert any(b.get("color") == "Attention" and "50k, 5万 or 48000" in b["text"] for b in card["body"])
    assert count(teams.core.session_factory, Deal) == 0

    teams.press({"data": {**save["data"], **typed, "amount": "50k"}})
    done = teams.wait_chat(3)[-1]
    assert "Big 5 Ltd" in done
    with teams.core.session_factory() as s:
        deal = s.scalar(select(Deal))
    assert (deal.title, deal.stage, int(deal.amount)) == ("ERP; phase 2", "proposal", 50000)


def test_a_visit_form_in_chinese_and_a_target_form_for_a_manager(teams):
    teams.say("拜访", locale="zh-CN")
    form = teams.fake.wait_for(lambda: teams.fake.to("a:chat-29:ana"))[0]
    card = _card(form)
    assert card["body"][0]["text"] == "记录拜访" and _inputs(card)["customer"]["label"] == "客户"
    teams.press({"data": {"form": "visit", "customer": "华为", "notes": "见了采购；下周演示", "next_step": "",
                          "follow_up": "2026-12-11"}}, locale="zh-CN")
    assert "已记录拜访：华为。" in teams.wait_chat(2)[-1]
    with teams.core.session_factory() as s:
        assert s.scalar(select(Visit.notes)) == "见了采购；下周演示"

    teams.say("target", locale="zh-CN")  # Ana is the tenant's first member: an admin may set targets
    target_form = teams.posted_to("a:chat-29:ana", 3)[2]
    assert list(_inputs(_card(target_form))) == ["who", "metric", "amount", "period"]
    typed = {"form": "target", "who": "", "metric": "revenue", "amount": "500k", "period": "month"}
    teams.press({"data": typed}, locale="zh-CN")
    teams.wait_chat(4)
    assert count(teams.core.session_factory, Target) >= 1


def test_a_submission_that_is_no_form_of_ours_stores_nothing(teams):
    teams.press({"data": {"form": "drop tables", "customer": "x"}})
    teams.press({"data": {"form": "visit", "customer": ["not", "text"], "notes": {"a": 1}}})
    teams.say("help")
    answers = teams.wait_chat(2)
    assert "could not be read" in answers[0] and "What you can say" in answers[1]
    assert count(teams.core.session_factory, Visit) == 0


def test_a_form_field_of_the_wrong_json_type_comes_back_marked_and_changes_no_deal(teams):
    teams.say('deal Acme "ERP" negotiation 50k')
    teams.wait_chat(1)
    teams.press({"data": {"form": "deal", "customer": "Acme", "title": {"text": "ERP"},
                          "stage": "negotiation", "amount": "10k"}})
    again = teams.posted_to("a:chat-29:ana", 2)
    card = _card(again[1])
    assert any(b.get("color") == "Attention" and "could not be read" in b["text"] for b in card["body"])
    with teams.core.session_factory() as s:
        [deal] = s.scalars(select(Deal)).all()
        assert (deal.title, int(deal.amount)) == ("ERP", 50000)


def test_a_card_day_years_away_comes_back_marked_and_nothing_is_stored(teams):
    teams.say("visit")
    teams.fake.wait_for(lambda: teams.fake.to("a:chat-29:ana"))
    teams.press({"data": {"form": "visit", "customer": "Acme", "notes": "demo", "next_step": "",
                          "follow_up": "9999-12-31"}})
    card = _card(teams.posted_to("a:chat-29:ana", 2)[1])
    assert _inputs(card)["follow_up"]["value"] == "9999-12-31"
    marked = [b["text"] for b in card["body"] if b.get("color") == "Attention"]
    assert any(text.startswith("Pick a day from ") for text in marked)
    assert count(teams.core.session_factory, Visit) == 0
