"""Installs, names, invokes, pictures and pressed cards, with activities shaped as Microsoft
documents them (`fakes/teams_examples.py`): Teams sends no `from.name` on installs and no names
in `membersAdded`, so the bot asks the connector who people are."""
import json

from sqlalchemy import select

from fakes.teams_driver import TENANT
from fakes.teams_examples import (
    BOT_ADDED_TO_PERSONAL_CHAT,
    BOT_ADDED_TO_TEAM,
    CARD_ACTION_INVOKE,
    INLINE_IMAGE,
    INSTALLATION_ADD,
    MEMBER_REMOVED,
    shaped,
)
from handlers.grammar.command_json import encode
from handlers.grammar.commands import CloseDeal, DealRef
from storage.address import Address
from storage.models.messaging import InboxItem
from storage.models.sales import Deal
from storage.models.workspace import Member
from support import eventually, quiet

LARRY = {"objectId": "9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", "givenName": "Larry", "surname": "Brown",
         "email": "Larry.Brown@fabrikam.com", "userPrincipalName": "labrown@fabrikam.com"}
CHOSEN = "19:east-wins@thread.tacv2"  # the channel picked at install
TEAM = "19:east-general@thread.tacv2"  # the team's id, also its General channel's


def names(teams) -> set[str]:
    with teams.core.session_factory() as s:
        return set(s.scalars(select(Member.display_name)))


def test_a_person_who_installs_the_app_gets_the_help_once_under_the_name_the_connector_gives(teams):
    teams.fake.members["29:larry"] = LARRY
    chat = "a:larry-chat"
    update = shaped(BOT_ADDED_TO_PERSONAL_CHAT, teams.fake.service_url, user="29:larry", conversation=chat)
    installed = shaped(INSTALLATION_ADD, teams.fake.service_url, user="29:larry", conversation=chat)
    installed["conversation"] = {"conversationType": "personal", "tenantId": TENANT, "id": chat}
    assert "name" not in update["from"] and "name" not in installed["from"]
    assert [teams.post(a) for a in (update, installed, update)] == [200, 200, 200]
    [help_text] = [p.text for p in teams.fake.wait_for(lambda: teams.fake.to(chat))]
    assert "What you can say" in help_text
    quiet(teams.core)
    assert len(teams.fake.to(chat)) == 1  # two install activities and a redelivery: one answer
    assert names(teams) == {"Larry Brown"}


def test_installed_in_a_team_it_says_hello_once_in_the_channel_picked_and_again_after_a_reinstall(teams):
    teams.fake.members["29:larry"] = LARRY
    added = shaped(BOT_ADDED_TO_TEAM, teams.fake.service_url, user="29:larry", conversation=CHOSEN, team=TEAM)
    installed = shaped(INSTALLATION_ADD, teams.fake.service_url, user="29:larry", conversation=TEAM,
                       team=TEAM)
    installed["channelData"]["settings"]["selectedChannel"]["id"] = CHOSEN  # told in the team's own id
    for activity in (added, installed, added):
        assert teams.post(activity) == 200
    [hello] = teams.fake.wait_for(lambda: teams.fake.to(CHOSEN))
    assert "team set TEAM channel here" in hello.text
    quiet(teams.core)
    assert len(teams.fake.to(CHOSEN)) == 1 and teams.fake.to(TEAM) == []
    assert names(teams) == {"Larry Brown"}  # the installer, the workspace's first member
    removed = shaped(MEMBER_REMOVED, teams.fake.service_url, conversation=CHOSEN,
                     membersRemoved=[{"id": added["recipient"]["id"]}])
    assert teams.post(removed) == 200
    again = shaped(BOT_ADDED_TO_TEAM, teams.fake.service_url, user="29:larry", conversation=CHOSEN, team=TEAM)
    assert teams.post(again) == 200
    teams.posted_to(CHOSEN, 2)


def test_a_member_added_is_welcomed_by_name_or_without_one_never_by_id(teams):
    teams.fake.members["29:larry"] = LARRY
    teams.post(shaped(BOT_ADDED_TO_TEAM, teams.fake.service_url, user="29:larry", conversation=TEAM,
                      team=TEAM))
    teams.posted_to(TEAM, 1)
    teams.fake.members["29:mei"] = {"objectId": "o-mei", "givenName": "美", "surname": "王",
                                    "userPrincipalName": "mei@fabrikam.com"}
    for user in ("29:mei", "29:ghost"):  # the connector knows one of them
        joined = shaped(BOT_ADDED_TO_TEAM, teams.fake.service_url, user="29:larry", conversation=TEAM,
                        team=TEAM, membersAdded=[{"id": user, "aadObjectId": f"aad-{user}"}])
        assert teams.post(joined) == 200
    welcomes = [p.text for p in teams.posted_to(TEAM, 3)[1:]]  # in either order: each runs apart
    assert sorted(text.split("!")[0] for text in welcomes) == ["Welcome", "Welcome, 美 王"]
    assert any(text.startswith("Welcome! Write to me") for text in welcomes)
    assert not any("29:" in text or "Welcome, !" in text for text in welcomes)


def test_someone_teams_never_named_is_renamed_by_their_first_message_and_by_a_newer_name(teams):
    chat = "a:nameless-chat"
    update = shaped(BOT_ADDED_TO_PERSONAL_CHAT, teams.fake.service_url, user="29:nameless", conversation=chat)
    assert teams.post(update) == 200  # the connector does not know them either
    teams.fake.wait_for(lambda: teams.fake.to(chat))
    [unnamed] = names(teams)
    assert unnamed.startswith("Teams user ") and "29:" not in unnamed
    teams.say("help", user="29:nameless", name="Larry Brown")
    eventually(lambda: names(teams) == {"Larry Brown"})
    teams.say("help", user="29:nameless", name="Larry Brown-Smith")  # renamed in Entra ID
    eventually(lambda: names(teams) == {"Larry Brown-Smith"})


def test_a_card_action_invoke_runs_its_command_and_is_answered_as_teams_expects(teams):
    teams.say("deal Acme \"ERP\" proposal 50k")
    teams.wait_chat(1)
    invoke = shaped(CARD_ACTION_INVOKE, teams.fake.service_url, user="29:ana", conversation="a:chat-29:ana")
    invoke["value"]["action"]["data"] = {"salesbot": encode(CloseDeal(ref=DealRef(1), won=True))}
    status, body = teams.exchange(invoke)
    assert status == 200
    assert json.loads(body) == {"statusCode": 200, "type": "application/vnd.microsoft.activity.message",
                                "value": "Done: the answer follows in this chat."}
    eventually(lambda: _stage(teams) == "won")
    stale = shaped(CARD_ACTION_INVOKE, teams.fake.service_url, user="29:ana", conversation="a:chat-29:ana")
    status, body = teams.exchange(stale)
    assert status == 200 and "out of date" in json.loads(body)["value"]


def test_a_photo_sent_alone_gets_an_answer_saying_to_add_text_in_the_persons_language(teams):
    for locale, expected in (("en-US", "Add a line of text"), ("zh-CN", "请加一行文字")):
        user = f"29:photo-{locale}"
        photo = shaped(INLINE_IMAGE, teams.fake.service_url, user=user, conversation=f"a:chat-{user}",
                       locale=locale)
        assert "text" not in photo and teams.post(photo) == 200
        [answer] = teams.wait_chat(1, user=user)
        assert expected in answer


def test_a_pressed_card_loses_its_buttons_and_says_what_was_pressed_a_refused_press_leaves_it(teams):
    teams.say("help")  # Ana: admin
    teams.say("help", user="29:bo", name="Bo")
    teams.say("deal Acme \"ERP\" proposal 50k", user="29:bo", name="Bo")
    card = teams.fake.wait_for(lambda: [p for p in teams.fake.to("a:chat-29:bo") if p.buttons()])[-1]
    won = next(b for b in card.buttons() if "Won" in b["title"])
    teams.say("help", user="29:cy", name="Cy")
    teams.press(won, card=card, user="29:cy", name="Cy")  # someone else's deal: refused
    teams.wait_chat(2, user="29:cy")
    quiet(teams.core)
    assert teams.fake.updates == [] and card.buttons()
    teams.press(won, card=card, user="29:bo", name="Bo")
    [update] = teams.fake.wait_for(lambda: teams.fake.updates)
    assert update.id == card.id and update.conversation == "a:chat-29:bo"
    [attachment] = update.activity["attachments"]
    assert attachment["content"]["actions"] == []
    assert "✓ Won 🎉 (Bo)" in json.dumps(attachment["content"], ensure_ascii=False)
    assert "Acme" in attachment["content"]["fallbackText"]  # the card as it was, buttons aside
    assert _stage(teams) == "won"


def test_a_card_pressed_while_the_web_process_is_busy_is_updated_once_by_the_worker(teams):
    teams.say("help")  # Ana: admin
    teams.say("help", user="29:bo", name="Bo")
    teams.say("deal Acme \"ERP\" proposal 50k", user="29:bo", name="Bo")
    card = teams.fake.wait_for(lambda: [p for p in teams.fake.to("a:chat-29:bo") if p.buttons()])[-1]
    won = next(b for b in card.buttons() if "Won" in b["title"])
    with teams.web.handoff.serving():  # another request is being served: the press is handed on
        press = teams.press(won, card=card, user="29:bo", name="Bo")
        assert teams.post(press) == 200  # Teams delivers it again: one press all the same
    [update] = teams.fake.wait_for(lambda: teams.fake.updates)
    assert update.id == card.id and update.conversation == "a:chat-29:bo"
    [attachment] = update.activity["attachments"]
    assert attachment["content"]["actions"] == []
    assert "✓ Won 🎉 (Bo)" in json.dumps(attachment["content"], ensure_ascii=False)
    eventually(lambda: _inbox(teams) == ["done", "done", "done", "done"])  # the worker ran the press
    quiet(teams.core)
    assert len(teams.fake.updates) == 1 and _stage(teams) == "won"
    assert sum(text.startswith("🎉 Deal #1 won") for text in teams.chat_of("29:bo")) == 1


def _inbox(teams) -> list[str]:
    with teams.core.session_factory() as s:
        return list(s.scalars(select(InboxItem.status).order_by(InboxItem.id)))


def test_the_teams_sender_updates_and_deletes_a_message_it_sent(teams):
    from handlers.text.reply import Reply

    teams.say("help")
    teams.wait_chat(1)
    sender = teams.app.sender
    message = sender.send(Address.parse("teams", TENANT, "user:29:ana"), Reply(lines=("Deal #1 won",)))
    _conversation, _, sent_id = message.partition("|")
    corrected = Reply(lines=("Deal #1 won (corrected: ¥48k)",))
    assert sender.fix(Address.parse("teams", TENANT, "user:29:ana"), message, corrected)
    [update] = teams.fake.updates
    assert (update.id, update.activity["text"]) == (sent_id, "Deal #1 won (corrected: ¥48k)")
    assert teams.chat_of()[-1] == "Deal #1 won (corrected: ¥48k)"
    assert sender.fix(Address.parse("teams", TENANT, "user:29:ana"), message, None)
    assert "Deal #1 won (corrected: ¥48k)" not in teams.chat_of()


def _stage(teams) -> str:
    with teams.core.session_factory() as s:
        return s.scalar(select(Deal.stage))


def test_an_invoke_the_bot_does_not_offer_gets_an_empty_200_and_changes_nothing(teams):
    invoke = shaped(CARD_ACTION_INVOKE, teams.fake.service_url, user="29:ana", conversation="a:chat-29:ana",
                    name="task/fetch")
    assert teams.exchange(invoke) == (200, b"{}")
    assert names(teams) == set()
