"""Who a Slack message names: a mention is a user id, never a display name; people of another
organisation (Slack Connect) are refused politely and nothing of them is stored or posted."""
from sqlalchemy import select

from fakes.slack_api import _all_text
from storage.models.workspace import Identity, Member
from support import stored


def _role_of(core, user_id: str) -> str:
    with core.session_factory() as s:
        return s.scalar(select(Member.role).join(Identity, Identity.member_id == Member.id)
                        .where(Identity.external_user_id == user_id))


def test_a_mention_names_the_user_id_even_when_someone_took_it_as_a_display_name(slack, fake_slack):
    fake_slack.add_user("UVIC", "Victoria")
    fake_slack.add_user("UIMP", "UVIC")  # an impostor whose display name is Victoria's id
    slack.say("/salesbot", "help")  # Mia, the admin
    slack.say("/salesbot", "help", user="UIMP")
    slack.say("/salesbot", "help", user="UVIC")
    assert "Victoria" in slack.say("/salesbot", "role <@UVIC> manager")
    assert _role_of(slack.core, "UVIC") == "manager"
    assert _role_of(slack.core, "UIMP") == "rep"


def test_a_mention_of_someone_the_bot_has_not_met_registers_them_and_names_only_them(slack, fake_slack):
    fake_slack.add_user("UVIC", "Victoria")
    fake_slack.add_user("UIMP", "UVIC")
    slack.say("/salesbot", "help")
    slack.say("/salesbot", "help", user="UIMP")
    assert "Added to Sales: Victoria" in slack.say("/salesbot", "team add Sales <@UVIC>")
    with slack.core.session_factory() as s:
        assert s.scalar(select(Member.display_name).join(Identity, Identity.member_id == Member.id)
                        .where(Identity.external_user_id == "UVIC")) == "Victoria"


# Slack Connect: a channel shared with another organisation (Slack's shapes: the event names the
# sender's organisation in `user_team`/`source_team`, the envelope says `is_ext_shared_channel`).
SHARED = {"is_ext_shared_channel": True, "context_team_id": "T1", "context_enterprise_id": None}


def _mention_in_shared_channel(slack, user: str, team: str, text: str, ts: str) -> int:
    return slack.event({"type": "app_mention", "channel": "CSHARED", "user": user, "ts": ts,
                        "text": f"<@UBOT> {text}", "team": team, "user_team": team, "source_team": team},
                       envelope=SHARED)


def _thread_answer(slack, ts: str) -> str:
    [call] = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                          if c.params.get("thread_ts") == ts])
    return _all_text(call.params)


def test_someone_of_another_organisation_gets_one_polite_refusal_and_nothing_is_stored(slack):
    slack.say("/salesbot", "visit Acme: demo")  # Mia, the admin
    before = stored(slack.core.session_factory)
    assert _mention_in_shared_channel(slack, "UEXT", "TOTHER", "customers", "1700000000.000300") == 200
    answer = _thread_answer(slack, "1700000000.000300")
    assert "only works for people of the workspace" in answer and "只为安装它的工作区的成员服务" in answer
    assert "Acme" not in answer
    after = stored(slack.core.session_factory)
    assert after["members"] == before["members"] and after["identities"] == before["identities"]
    assert after["deliveries"] == before["deliveries"]  # nothing queued for anywhere
    assert len(slack.fake.called("chat.postMessage")) == 1


def test_an_outsiders_button_press_is_refused_the_same_way(slack):
    slack.say("/salesbot", "help")
    n = "outsider-1"
    status, _ = slack.interact({
        "type": "block_actions", "user": {"id": "UEXT", "team_id": "TOTHER"}, "trigger_id": n,
        "response_url": f"{slack.fake.url}/response/{n}", "container": {"type": "message"},
        "channel": {"id": "CSHARED"},
        "actions": [{"type": "button", "action_id": "salesbot.cmd.0", "block_id": "b",
                     "value": "leaderboard", "action_ts": "1700000000.000400"}]})
    assert status == 200
    [answer] = slack.answers(f"/response/{n}")
    assert "only works for people of the workspace" in _all_text(answer)
    with slack.core.session_factory() as s:
        assert s.scalar(select(Identity).where(Identity.external_user_id == "UEXT")) is None


def test_a_mentioned_outsider_does_not_become_a_member(slack, fake_slack):
    fake_slack.add_user("UEXT", "Eve")
    fake_slack.users["UEXT"]["team_id"] = "TOTHER"  # users.info names their own organisation
    slack.say("/salesbot", "help")
    assert "I don't know anyone called" in slack.say("/salesbot", "team add Sales <@UEXT>")
    with slack.core.session_factory() as s:
        assert s.scalar(select(Identity).where(Identity.external_user_id == "UEXT")) is None


def test_a_shared_channel_becomes_a_teams_channel_only_when_an_admin_says_so(slack):
    slack.say("/salesbot", "help")  # Mia, the admin
    slack.say("/salesbot", "help", user="U2")
    slack.say("/salesbot", "role <@U2> manager")
    slack.say("/salesbot", "team add Sales <@U2>")
    _mention_in_shared_channel(slack, "U2", "T1", "team set Sales channel here", "1700000000.000500")
    assert "shared with another organisation" in _thread_answer(slack, "1700000000.000500")
    assert "CSHARED" not in slack.say("/salesbot", "team")
    _mention_in_shared_channel(slack, "U1", "T1", "team set Sales channel here", "1700000000.000600")
    assert "its people will see the team's posts" in _thread_answer(slack, "1700000000.000600")
    assert "Sales Slack CSHARED" in slack.say("/salesbot", "team")


def test_an_outsiders_form_is_refused_and_stores_nothing(slack):
    from storage.models.sales import Visit
    from support import count

    slack.say("/salesbot", "help")
    status, body = slack.interact({
        "type": "view_submission", "user": {"id": "UEXT", "team_id": "TOTHER"},
        "view": {"id": "V1", "type": "modal", "callback_id": "visit_form", "private_metadata": "en",
                 "state": {"values": {"customer": {"customer": {"selected_option": {"value": "Acme"}}},
                                      "notes": {"notes": {"value": "demo"}}}}}})
    assert status == 200 and "only works for people of the workspace" in body
    assert count(slack.core.session_factory, Visit) == 0
    with slack.core.session_factory() as s:
        assert s.scalar(select(Identity).where(Identity.external_user_id == "UEXT")) is None


def test_a_person_of_another_workspace_belongs_to_an_org_wide_install_only(fake_slack):
    """Enterprise Grid: an org-wide install's tenant is the org (`E1`), and its people come from any
    of its workspaces, each their own `user_team`; a workspace install's tenant is the workspace."""
    from slack_sdk import WebClient

    from bot.slack.users import of_the_org

    fake_slack.add_user("UGRID", "Gus")
    fake_slack.users["UGRID"].update(team_id="T2", enterprise_user={"enterprise_id": "E1"})
    client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
    assert of_the_org(client, "E1", "UGRID")  # the org's install: one of its people
    assert not of_the_org(client, "T1", "UGRID")  # workspace T1's install: another workspace's
    assert not of_the_org(client, "E1", "UNOBODY")  # Slack will not describe them: not ours


# Who becomes a member: only someone Slack vouches for as one of the workspace's people, on every
# path (DM, command, form, mention, App Home, a form's rep); users.info is Slack's word on it.
def _nobody_of(slack, user: str) -> bool:
    with slack.core.session_factory() as s:
        return s.scalar(select(Identity).where(Identity.external_user_id == user)) is None


def test_app_home_opened_by_an_outsider_stores_and_publishes_nothing(slack, fake_slack):
    fake_slack.add_user("UX", "Xena")
    fake_slack.users["UX"]["team_id"] = "T9"
    slack.say("/salesbot", "help")  # Mia, the admin
    before = stored(slack.core.session_factory)
    for n, team in enumerate(("T9", None)):  # the event names their organisation, or only users.info does
        event = {"type": "app_home_opened", "user": "UX", "channel": "DUX", "tab": "home"}
        assert slack.event({**event, **({"user_team": team} if team else {})}, event_id=f"EvH{n}") == 200
    slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    slack.fake.wait_for(lambda: slack.fake.called("views.publish"))
    assert [c.params["user_id"] for c in slack.fake.called("views.publish")] == ["U1"]
    assert stored(slack.core.session_factory)["members"] == before["members"] and _nobody_of(slack, "UX")
    assert "Xena" not in slack.say("/salesbot", "team")


def test_someone_users_info_places_in_another_organisation_is_refused_on_every_path(slack, fake_slack):
    fake_slack.add_user("UY", "Yan")
    fake_slack.users["UY"]["team_id"] = "T9"
    slack.say("/salesbot", "help")
    before = stored(slack.core.session_factory)
    answer = slack.say("/salesbot", "help", user="UY")
    assert "only works for people of the workspace" in answer and "只为安装它的工作区的成员服务" in answer
    status, body = slack.submit("visit_form", {"customer": {"selected_option": {"value": "new:Acme"}},
                                               "notes": {"value": "demo"}}, user="UY")
    assert status == 200 and "only works for people of the workspace" in body
    after = stored(slack.core.session_factory)
    kept = lambda rows: {k: v for k, v in rows.items() if k not in ("inbox", "deliveries")}
    assert kept(after) == kept(before)  # the requests are recorded, nothing of them is stored
    assert _nobody_of(slack, "UY")


def test_ids_slack_cannot_vouch_for_never_become_members(slack, fake_slack):
    from storage.models.team import Target
    from support import count

    slack.say("/salesbot", "help")  # Mia, the admin
    slack.say("/salesbot", "help", user="U3")
    slack.say("/salesbot", "role <@U3> manager")
    before = stored(slack.core.session_factory)["members"]
    assert slack.dm("progress", user="UZ") == 200  # users.info: user_not_found
    [refusal] = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                             if c.params["channel"] == "DUZ"])
    assert "only works for people of the workspace" in _all_text(refusal.params)
    assert "I don't know anyone called" in slack.say("/salesbot", "team add Sales <@U99>")
    status, body = slack.submit("target_form", {"who": {"selected_user": "U99"},
                                                "metric": {"selected_option": {"value": "revenue"}},
                                                "amount": {"value": "100k"},
                                                "period": {"selected_option": {"value": "month"}}},
                                user="U3")
    assert status == 200 and "errors" in body
    fake_slack.add_user("USLACKBOT", "Slackbot")
    assert slack.dm("progress", user="USLACKBOT") == 200
    slack.say("/salesbot", "help")  # a later request: whatever the others did is done by now
    assert not [c for c in slack.fake.called("chat.postMessage") if c.params["channel"] == "DUSLACKBOT"]
    assert stored(slack.core.session_factory)["members"] == before
    assert count(slack.core.session_factory, Target) == 0
    assert all(_nobody_of(slack, user) for user in ("UZ", "U99", "USLACKBOT"))
