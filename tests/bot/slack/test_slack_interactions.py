"""Forms, buttons, App Home and install: what a phone user taps, through the real HTTP path."""
import datetime as dt
import json
import time
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from fakes.slack_api import _all_text
from storage.models.messaging import Delivery
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Target, TipVote
from storage.models.workspace import Member
from support import count, delivery_statuses, eventually, quiet
from worker import delivery
from worker.delivery import backoff as real_backoff


def test_visit_with_no_text_opens_the_form(slack):
    status, _ = slack.command("/visit", "")
    assert status == 200
    [call] = slack.fake.wait_for(lambda: slack.fake.called("views.open"))
    view = call.params["view"]
    assert call.params["trigger_id"].startswith("trig-")
    assert view["callback_id"] == "visit_form"
    assert [b["block_id"] for b in view["blocks"]] == ["customer", "notes", "next_step", "follow_up"]
    assert view["blocks"][0]["element"]["type"] == "external_select"


def test_the_form_in_chinese_for_a_chinese_user(slack):
    slack.command("/deal", "", user="U4")
    [call] = slack.fake.wait_for(lambda: slack.fake.called("views.open"))
    assert call.params["view"]["title"]["text"] == "商机"
    assert "方案呈现" in _all_text(call.params["view"])


def test_customer_type_ahead_offers_known_customers_and_a_new_one(slack):
    slack.say("/visit", "Acme Corp: intro")
    status, body = slack.interact({"type": "block_suggestion", "action_id": "customer",
                                   "block_id": "customer", "value": "acm",
                                   "user": {"id": "U1", "team_id": "T1"},
                                   "view": {"id": "V1", "type": "modal", "callback_id": "visit_form"}})
    assert status == 200
    options = json.loads(body)["options"]
    assert [o["value"] for o in options] == ["Acme Corp", "new:acm"]
    assert options[1]["text"]["text"] == "New customer: acm"


def test_a_form_with_errors_is_answered_inline_then_stored_once_fixed(slack):
    values = {"customer": {"type": "external_select", "selected_option": None},
              "notes": {"type": "plain_text_input", "value": "demo; went well"},
              "next_step": {"type": "plain_text_input", "value": None},
              "follow_up": {"type": "datepicker", "selected_date": "2026-12-02"}}
    status, body = slack.submit("visit_form", values)
    assert status == 200
    assert json.loads(body) == {"response_action": "errors",
                                "errors": {"customer": "Pick a customer (type to search)."}}
    assert count(slack.core.session_factory, Visit) == 0
    values["customer"]["selected_option"] = {"value": "new:Acme Corp"}
    status, body = slack.submit("visit_form", values)
    assert status == 200 and body == ""
    [call] = slack.fake.wait_for(lambda: slack.fake.called("chat.postMessage"))
    assert call.params["channel"] == "U1" and "Visit to Acme Corp logged." in _all_text(call.params)
    with slack.core.session_factory() as s:
        visit = s.scalar(select(Visit))
    assert visit.notes == "demo; went well" and str(visit.follow_up_on) == "2026-12-02"  # as typed


def test_a_forms_answer_is_queued_with_what_it_stored_and_a_second_delivery_does_nothing(slack):
    """The submission's answer is an outbox row written in the transaction that stores the visit,
    keyed by Slack's ids for the submission: the same payload delivered again stores nothing and
    answers nothing."""
    values = {"customer": {"type": "external_select", "selected_option": {"value": "new:Acme Corp"}},
              "notes": {"type": "plain_text_input", "value": "demo went well"},
              "next_step": {"type": "plain_text_input", "value": None},
              "follow_up": {"type": "datepicker", "selected_date": None}}
    state = {block: {block: element} for block, element in values.items()}
    submission = {"type": "view_submission", "user": {"id": "U1", "team_id": "T1"}, "trigger_id": "trig-77",
                  "view": {"id": "V77", "type": "modal", "callback_id": "visit_form", "hash": "77.abc",
                           "private_metadata": "en", "state": {"values": state}}}
    assert slack.interact(submission) == (200, "")
    [call] = slack.fake.wait_for(lambda: slack.fake.called("chat.postMessage"))
    assert call.params["channel"] == "U1" and "Visit to Acme Corp logged." in _all_text(call.params)
    assert slack.interact(submission) == (200, "")
    quiet(slack.core)  # a second answer would have been sent by now
    assert len(slack.fake.called("chat.postMessage")) == 1
    assert count(slack.core.session_factory, Visit) == 1
    with slack.core.session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.target, Delivery.status)).all()
    assert rows == [("answer:slack:view:V77:trig-77", "user:U1", "sent")]


def test_a_form_stores_what_each_field_says_never_reparsed(slack):
    """A customer "Big 5 Ltd" with no amount is not customer "Big Ltd" at 5; "Acme: EU" keeps its colon."""
    deal = {"customer": {"type": "external_select", "selected_option": {"value": "new:Big 5 Ltd"}},
            "title": {"type": "plain_text_input", "value": 'The "big" one; phase 2'},
            "stage": {"type": "static_select", "selected_option": {"value": "lead"}},
            "amount": {"type": "plain_text_input", "value": None},
            "close": {"type": "datepicker", "selected_date": None}}
    assert slack.submit("deal_form", deal) == (200, "")
    visit = {"customer": {"type": "external_select", "selected_option": {"value": "new:Acme: EU"}},
             "notes": {"type": "plain_text_input", "value": "won #1; follow up fri"},
             "next_step": {"type": "plain_text_input", "value": None},
             "follow_up": {"type": "datepicker", "selected_date": None}}
    assert slack.submit("visit_form", visit) == (200, "")
    with slack.core.session_factory() as s:
        stored = s.execute(select(Customer.name, Deal.title, Deal.amount, Deal.stage)
                           .join(Deal, Deal.customer_id == Customer.id)).one()
        visited = s.execute(select(Customer.name, Visit.notes, Visit.follow_up_on)
                            .join(Visit, Visit.customer_id == Customer.id)).one()
    assert tuple(stored) == ("Big 5 Ltd", 'The "big" one; phase 2', 0, "lead")
    assert tuple(visited) == ("Acme: EU", "won #1; follow up fri", None)


def test_a_deal_form_with_a_bad_amount_shows_it_next_to_the_field(slack):
    values = {"customer": {"type": "external_select", "selected_option": {"value": "Acme"}},
              "title": {"type": "plain_text_input", "value": "ERP"},
              "stage": {"type": "static_select", "selected_option": {"value": "proposal"}},
              "amount": {"type": "plain_text_input", "value": "lots"},
              "close": {"type": "datepicker", "selected_date": None}}
    status, body = slack.submit("deal_form", values)
    assert json.loads(body)["errors"] == {"amount": "Type an amount such as 50k, 5万 or 48000."}
    values["amount"]["value"] = "5万"
    status, body = slack.submit("deal_form", values)
    assert body == ""
    with slack.core.session_factory() as s:
        deal = s.scalar(select(Deal))
    assert (deal.title, deal.stage, int(deal.amount)) == ("ERP", "proposal", 50000)


def test_a_rep_submitting_the_target_form_is_refused_inline(slack):
    slack.say("/salesbot", "help", user="U1")
    values = {"who": {"type": "users_select", "selected_user": "U2"},
              "metric": {"type": "static_select", "selected_option": {"value": "revenue"}},
              "amount": {"type": "plain_text_input", "value": "500k"},
              "period": {"type": "static_select", "selected_option": {"value": "month"}}}
    status, body = slack.submit("target_form", values, user="U3")
    assert "only a manager" in json.loads(body)["errors"]["who"]
    status, body = slack.submit("target_form", values, user="U1")
    assert body == "" and count(slack.core.session_factory, Target) == 1


def test_each_deal_button_works_when_pressed(slack):
    text = slack.say("/deal", 'Acme "ERP" proposal 50k')
    assert "→ Negotiation" in text and "Won 🎉" in text
    status, path = slack.click("deal #1 Negotiation")
    assert status == 200
    assert "Moved Proposal → Negotiation." in _all_text(slack.answers(path)[0])
    status, path = slack.click("won #1")
    assert "Deal #1 won" in _all_text(slack.answers(path)[0])
    with slack.core.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "won"


def test_a_followup_done_button(slack):
    text = slack.say("/visit", "Acme: demo; follow up tomorrow")
    assert "Done ✓" in text
    status, path = slack.click("done 1")
    assert "Marked 1 follow-up done." in _all_text(slack.answers(path)[0])


def _buttons(answer: dict) -> dict[str, str]:
    return {e["text"]["text"]: e["value"] for b in answer["blocks"] if b["type"] == "actions"
            for e in b["elements"]}


def test_a_which_customer_button_runs_the_command_itself_not_text_parsed_again(slack):
    slack.say("/visit", "Big 5 Ltd: intro")
    status, path = slack.command("/deal", '"Big 5 Ltf" "Phase 2; EU" proposal $50k')
    buttons = _buttons(slack.answers(path)[0])
    assert set(buttons) == {"Big 5 Ltd", "New customer “Big 5 Ltf”"}
    assert json.loads(buttons["Big 5 Ltd"]) == {"UpsertDeal": {
        "ref": {"words": ["Big 5 Ltd"], "title": "Phase 2; EU"}, "stage": "proposal",
        "amount": {"amount": "50000", "currency": "USD"}}}
    status, path = slack.click(buttons["Big 5 Ltd"])
    assert "Deal #1 · Phase 2; EU" in _all_text(slack.answers(path)[0])
    with slack.core.session_factory() as s:
        row = s.execute(select(Customer.name, Deal.title, Deal.amount, Deal.currency)
                        .join(Deal, Deal.customer_id == Customer.id)).one()
    assert tuple(row) == ("Big 5 Ltd", "Phase 2; EU", 50000, "USD")
    assert count(slack.core.session_factory, Customer) == 1


# refused before anything is stored: on SQLite only
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("value", [
    '{"UpsertDeal":{"ref":{"words":["Acme"]},"stage":"bogus"}}',  # no such stage
    '{"UpsertDeal":{"ref":{"words":["Acme"]},"amount":{"amount":"1e99"}}}',
    '{"UpsertDeal":{"ref":{"words":["' + "A" * 300 + '"]}}}',  # longer than any name
    '{"LogVisit":{"customer":"Acme","unknown":1}}',
    '{"SetRole":{"name":"U2","role":"admin"}}',  # no button carries it
    '{"LogVisit":{"customer":["Acme"]}}', "{not json",
    '{"AddTask":{"title":"   "}}', '{"AddTask":{"title":"' + "x" * 2001 + '"}}',  # no title, too long
    '{"AddTask":{"title":"call","deal_id":-4}}', '{"AddTask":{"title":"call","assignee":7}}',
    '{"ShowContest":{"metric":"bogus"}}', '{"FindTips":{"query":"' + "x" * 101 + '"}}',
])
def test_a_forged_button_value_is_answered_and_stores_nothing(slack, value):
    slack.say("/salesbot", "help", user="U1")
    slack.say("/salesbot", "help", user="U2")
    status, path = slack.click(value, user="U2")
    assert status == 200 and "Sorry, I didn't get that" in _all_text(slack.answers(path)[0])
    assert count(slack.core.session_factory, Deal) == count(slack.core.session_factory, Visit) == 0
    assert count(slack.core.session_factory, Task) == 0
    with slack.core.session_factory() as s:
        assert s.scalars(select(Member.role).order_by(Member.id)).all() == ["admin", "rep"]


def test_a_pressed_target_is_checked_like_a_typed_one(slack):
    slack.say("/salesbot", "help", user="U1")
    value = '{"SetTarget":{"scope":{"kind":"team"},"metric":"revenue","amount":"500000"}}'
    status, path = slack.click(value, user="U2")  # a rep
    assert "only a manager" in _all_text(slack.answers(path)[0])
    status, path = slack.click(value, user="U1")
    assert "Target set" in _all_text(slack.answers(path)[0])
    assert count(slack.core.session_factory, Target) == 1


def test_a_rep_clicking_another_reps_deal_button_is_refused(slack):
    slack.say("/deal", 'Acme "ERP" proposal 50k', user="U2")
    status, path = slack.click("deal #1 Negotiation", user="U3")
    assert "belongs to Ana" in _all_text(slack.answers(path)[0])
    with slack.core.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "proposal"


def test_app_home_for_a_rep_and_for_a_manager(slack):
    slack.say("/salesbot", "help", user="U1")  # Mia: admin, manages the default team
    slack.say("/deal", 'Acme "ERP" proposal 50k', user="U2")
    today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()  # the fake's people and the team's zone
    first, last = today - dt.timedelta(days=1), today + dt.timedelta(days=6)
    slack.say("/salesbot", f"contest visits {first:%m/%d}-{last:%m/%d}", user="U1")
    slack.say("/salesbot", "tip pricing: bundle the service contract", user="U1")
    slack.fake.calls.clear()

    def home_of(user):
        calls = slack.fake.wait_for(lambda: [c for c in slack.fake.called("views.publish")
                                             if c.params["user_id"] == user])
        assert calls[-1].params["view"]["type"] == "home"
        assert len(calls[-1].params["view"]["blocks"]) <= 100
        return _all_text(calls[-1].params["view"])

    slack.event({"type": "app_home_opened", "user": "U2", "channel": "DU2", "tab": "home"})
    rep_home = home_of("U2")
    assert "Your progress" in rep_home and "Pipeline · Ana" in rep_home
    assert "Your follow-ups" in rep_home and "Pipeline · Sales" not in rep_home
    assert "Scorecard · Ana" in rep_home and "Team median" in rep_home
    assert "Contest · Sales · Visits" in rep_home and "🥇" in rep_home  # while it runs
    assert "#1 [pricing] bundle the service contract — Mia" in rep_home and "👍 #1" in rep_home
    assert rep_home.count("Your follow-ups") == 1 and "Wins and losses" not in rep_home
    slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    manager_home = home_of("U1")
    assert "Sales · " in manager_home and "Pipeline · Sales" in manager_home
    assert "Proposal" in manager_home  # Ana's deal, in the team pipeline
    assert "Scorecard · Sales" in manager_home and "Your team's customers due a visit" in manager_home
    assert "Wins and losses by reason · Sales" in manager_home and "👍 #1" not in manager_home  # her own
    # a 👍 pressed in Ana's Home counts, and is answered in her DM
    view = slack.fake.called("views.publish")
    ana = next(c for c in view if c.params["user_id"] == "U2").params["view"]["blocks"]
    [like] = [e for b in ana if b["type"] == "actions" for e in b["elements"] if e["text"]["text"] == "👍 #1"]
    assert slack.click(like["value"], user="U2", home=True)[0] == 200
    [dm] = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                        if "tip #1 now has 1" in _all_text(c.params)])
    assert dm.params["channel"] == "U2"  # to Ana herself (her DM): a click in Home has no other place
    assert count(slack.core.session_factory, TipVote) == 1


def test_app_home_is_refreshed_after_the_user_changes_data(slack):
    slack.say("/visit", "Acme: demo")
    time.sleep(1.5)  # past the refresh delay: nobody has opened Home yet, so nothing is published
    assert slack.fake.called("views.publish") == []
    slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    [opened] = slack.fake.wait_for(lambda: slack.fake.called("views.publish"))
    assert "*Visits*\n1" in _all_text(opened.params["view"])
    slack.say("/visit", "Beta: demo")
    calls = slack.fake.wait_for(lambda: len(slack.fake.called("views.publish")) >= 2
                                and slack.fake.called("views.publish"))
    assert "*Visits*\n2" in _all_text(calls[-1].params["view"])


def test_forged_or_stale_requests_are_rejected_and_change_nothing(slack):
    status, _ = slack.command("/visit", "Acme: forged", secret="not-the-secret")
    assert status == 401
    status, _ = slack.command("/visit", "Acme: replayed", timestamp=int(time.time()) - 360)
    assert status == 401
    assert slack.dm("visit Acme: forged", secret="nope") == 401
    quiet(slack.core)
    assert count(slack.core.session_factory, Visit) == 0 and slack.fake.responses == []


def test_posts_wait_out_rate_limits_and_still_arrive(slack):
    slack.fake.rate_limit("chat.postMessage", times=1, retry_after=1)
    started = time.monotonic()
    slack.dm("progress")
    calls = slack.fake.wait_for(lambda: len(slack.fake.called("chat.postMessage")) >= 2
                                and slack.fake.called("chat.postMessage"))
    assert calls[1].at - calls[0].at >= 0.95  # never sooner than Retry-After allows
    assert time.monotonic() - started < 10


def test_an_answer_to_a_command_waits_out_a_rate_limit_and_arrives_once(slack):
    slack.fake.rate_limit("response_url", times=1, retry_after=1)
    assert "Acme" in slack.say("/visit", "Acme: demo")
    first, second = slack.fake.called("response_url")
    assert first.status == 429 and second.status == 200
    assert second.at - first.at >= 0.95  # never sooner than Retry-After allows
    assert len(slack.fake.responses) == 1 and count(slack.core.session_factory, Visit) == 1


def test_healthz_reports_the_database(slack):
    status, body = slack.get("/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok", "database": "ok"}


def test_oauth_install_round_trip_stores_the_installation_and_uses_its_token(oauth_slack):
    status, page, headers = oauth_slack.get_page("/slack/install")
    assert status == 200 and "slack.com/oauth/v2/authorize" in page
    link = page[page.index("https://slack.com/oauth/v2/authorize"):].split('"')[0]
    state = parse_qs(urlparse(link.replace("&amp;", "&")).query)["state"][0]
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, _ = oauth_slack.get_page(f"/slack/oauth_redirect?code=the-code&state={state}",
                                        {"Cookie": cookie})
    assert status == 200
    [call] = oauth_slack.fake.called("oauth.v2.access")
    assert call.params["code"] == "the-code"
    with oauth_slack.core.engine.connect() as conn:
        rows = conn.execute(text("SELECT team_id, bot_token FROM slack_bots")).all()
    assert rows == [("T2", "xoxb-installed")]
    status, _, _ = oauth_slack.get_page(f"/slack/oauth_redirect?code=again&state={state}",
                                        {"Cookie": cookie})
    assert len(oauth_slack.fake.called("oauth.v2.access")) == 1  # a used state is refused
    oauth_slack.team = "T2"
    oauth_slack.dm("progress", user="U9")
    [post] = oauth_slack.fake.wait_for(lambda: oauth_slack.fake.called("chat.postMessage"))
    assert post.token == "xoxb-installed" and "Your progress" in _all_text(post.params)


def test_the_edit_button_opens_the_deal_form_filled_in_and_saves_changes(slack):
    slack.say("/deal", 'Acme "ERP" proposal 50k close 2026-12-20')
    status, _ = slack.interact({
        "type": "block_actions", "user": {"id": "U1", "team_id": "T1"}, "trigger_id": "trig-edit",
        "response_url": f"{slack.fake.url}/response/edit", "container": {"type": "message"},
        "actions": [{"type": "button", "action_id": "salesbot.edit_deal", "block_id": "b",
                     "value": "1", "action_ts": "1.0"}]})
    assert status == 200
    [call] = slack.fake.wait_for(lambda: slack.fake.called("views.open"))
    view = call.params["view"]
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert view["callback_id"] == "deal_edit_form" and view["title"]["text"] == "Deal #1"
    assert blocks["stage"]["element"]["initial_option"]["value"] == "proposal"
    assert blocks["amount"]["element"]["initial_value"] == "50000 CNY"
    assert blocks["close"]["element"]["initial_date"] == "2026-12-20"
    values = {"stage": {"type": "static_select", "selected_option": {"value": "negotiation"}},
              "amount": {"type": "plain_text_input", "value": "60k"},
              "close": {"type": "datepicker", "selected_date": "2027-01-15"}}
    status, body = slack.interact({"type": "view_submission", "user": {"id": "U1", "team_id": "T1"},
                                   "view": {"id": "V1", "type": "modal", "callback_id": "deal_edit_form",
                                            "private_metadata": view["private_metadata"],
                                            "state": {"values": {k: {k: v} for k, v in values.items()}}}})
    assert status == 200 and body == ""
    with slack.core.session_factory() as s:
        deal = s.scalar(select(Deal))
    assert (deal.stage, int(deal.amount), str(deal.expected_close)) == ("negotiation", 60000,
                                                                         "2027-01-15")


def test_someone_elses_edit_button_answers_whose_deal_it_is(slack):
    slack.say("/deal", 'Acme "ERP" proposal 50k', user="U2")
    slack.interact({
        "type": "block_actions", "user": {"id": "U3", "team_id": "T1"}, "trigger_id": "trig-x",
        "response_url": f"{slack.fake.url}/response/edit-x", "container": {"type": "message"},
        "actions": [{"type": "button", "action_id": "salesbot.edit_deal", "block_id": "b",
                     "value": "1", "action_ts": "1.0"}]})
    assert "belongs to Ana" in _all_text(slack.answers("/response/edit-x")[0])
    assert slack.fake.called("views.open") == []


# The outbox's retries of a failing Web API (nothing here is backend-specific: the outbox's rows
# are tested on both databases in tests/worker/test_outbox.py), its backoff a tenth as long.
@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_web_api_server_errors_are_retried_a_bounded_number_of_times(slack, monkeypatch):
    monkeypatch.setattr(delivery, "backoff", lambda attempts: real_backoff(attempts) / 10)
    slack.fake.script("chat.postMessage", (503, {}, {"ok": False, "error": "service_unavailable"}))
    slack.dm("progress")
    calls = slack.fake.wait_for(lambda: len(slack.fake.called("chat.postMessage")) >= 2
                                and slack.fake.called("chat.postMessage"))
    assert "Your progress" in _all_text(calls[1].params)
    slack.fake.script("chat.postMessage", *[(503, {}, {"ok": False, "error": "fatal_error"})] * 2)
    slack.dm("help")
    # one try each (no retries inside the client, under the outbox's): the outbox backs off
    # (0.5 s, then 1 s here) and its third try gets the answer there: once, listed as sent
    calls = slack.fake.wait_for(lambda: len(slack.fake.called("chat.postMessage")) >= 2 + 3
                                and slack.fake.called("chat.postMessage"), timeout=90)
    assert [c.params["channel"] for c in calls[2:]] == ["DU1"] * 3
    assert "What you can say" in _all_text(calls[-1].params)
    eventually(lambda: delivery_statuses(slack.core) == [("channel:DU1", "sent")] * 2)
    quiet(slack.core)  # nothing left that could post again
    assert len(slack.fake.called("chat.postMessage")) == 2 + 3
    with slack.core.session_factory() as s:  # each call was one of the outbox's tries
        assert list(s.scalars(select(Delivery.attempts).order_by(Delivery.id))) == [2, 3]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_form_day_years_away_is_marked_under_its_field_and_nothing_is_stored(slack):
    visit = {"customer": {"type": "external_select", "selected_option": {"value": "new:Acme Corp"}},
             "notes": {"type": "plain_text_input", "value": "demo"},
             "next_step": {"type": "plain_text_input", "value": None},
             "follow_up": {"type": "datepicker", "selected_date": "0001-01-01"}}
    deal = {"customer": {"type": "external_select", "selected_option": {"value": "new:Acme Corp"}},
            "title": {"type": "plain_text_input", "value": "ERP"},
            "stage": {"type": "static_select", "selected_option": {"value": "proposal"}},
            "amount": {"type": "plain_text_input", "value": "50k"},
            "close": {"type": "datepicker", "selected_date": "9999-12-31"}}
    for callback, values, field in (("visit_form", visit, "follow_up"), ("deal_form", deal, "close")):
        status, body = slack.submit(callback, values)
        assert status == 200 and list(json.loads(body)["errors"]) == [field]
        assert json.loads(body)["errors"][field].startswith("Pick a day from ")
    status, body = slack.submit("deal_form", deal, locale="zh")
    assert json.loads(body)["errors"]["close"].startswith("请选择 ")
    assert count(slack.core.session_factory, Visit) == count(slack.core.session_factory, Deal) == 0
