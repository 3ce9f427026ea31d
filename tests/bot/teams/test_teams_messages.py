"""Teams through the real HTTP path: signed activities to `/api/messages`, the answers the app
sends to the fake Bot Connector, and what is stored."""

from sqlalchemy import select

from fakes.teams_driver import BOT, CHANNEL, TENANT, mention_of
from storage.models.sales import Deal, Visit
from storage.models.workspace import Identity, Member
from support import count, eventually, quiet


def test_each_command_in_english_and_chinese_in_the_bots_chat(teams):
    said = [("visit Acme: met the CTO", "Visit to Acme logged."),
            ("拜访 华为：见了采购总监", "已记录拜访：华为。"),
            ("deal Acme \"ERP\" proposal 50k", "Deal #1"),
            ("商机 华为 ERP项目 方案呈现 5万", "商机 #2"),
            ("progress", "Your progress"),
            ("进度", "我的进度"),
            ("pipeline", "Pipeline"),
            ("排行榜 本月", "排行榜"),
            ("followups", "follow-up"),
            ("help", "What you can say")]
    for index, (text, expected) in enumerate(said, start=1):
        teams.say(text)
        answers = teams.wait_chat(index)
        assert expected in answers[-1], (text, answers[-1])
    assert count(teams.core.session_factory, Visit) == 2 and count(teams.core.session_factory, Deal) == 2


def test_a_teams_user_is_a_member_with_teams_name_language_and_timezone(teams):
    client = {"type": "clientInfo", "locale": "zh-CN", "timezone": "America/Los_Angeles"}
    teams.say("帮助", user="29:li", name="李娜", locale="zh-CN", entities=[client])
    teams.wait_chat(1, user="29:li")
    with teams.core.session_factory() as s:
        member = s.scalar(select(Member))
    assert (member.display_name, member.locale, member.timezone) == ("李娜", "zh", "America/Los_Angeles")


def test_mentions_in_a_channel_are_answered_in_their_thread_with_the_mention_taken_out(teams):
    thread = f"{CHANNEL};messageid=1700000000000"
    said = [("visit Acme: demo", "Visit to Acme logged."), ("拜访 华为：见面", "已记录拜访：华为。"),
            ("进度", "我的进度"), ("pipeline", "Pipeline")]
    for index, (text, expected) in enumerate(said, start=1):
        teams.say(text, conversation=thread)
        assert expected in teams.posted_to(thread, index)[-1].text, text
    with teams.core.session_factory() as s:
        assert set(s.scalars(select(Visit.notes))) == {"demo", "见面"}


def test_a_person_mentioned_becomes_a_member_under_the_name_teams_shows(teams):
    teams.say("help")  # Ana: the tenant's first member, its admin
    teams.wait_chat(1)
    teams.fake.members["29:bo"] = {"name": "Bo Chen"}  # the team's roster, as the connector answers
    bo = mention_of("29:bo", "Bo C. (as typed)")
    teams.say("team create East", conversation=CHANNEL)
    teams.say("team add East <at>Bo C. (as typed)</at>", conversation=CHANNEL, entities=[bo])
    answers = teams.posted_to(CHANNEL, 2)
    assert "Added to East: Bo Chen" in answers[-1].text
    with teams.core.session_factory() as s:
        assert set(s.scalars(select(Member.display_name))) == {"Ana Li", "Bo Chen"}


def test_a_redelivered_activity_is_stored_and_answered_once(teams):
    activity = teams.activity(text="visit Acme: once", textFormat="plain")
    assert [teams.post(activity) for _ in range(3)] == [200, 200, 200]
    teams.wait_chat(1)
    quiet(teams.core)
    assert len(teams.chat_of()) == 1 and count(teams.core.session_factory, Visit) == 1


def test_card_buttons_run_their_command_for_the_owner_and_are_refused_to_another_rep(teams):
    teams.say("help")  # Ana: admin
    teams.say("help", user="29:bo", name="Bo")
    teams.say("deal Acme \"ERP\" proposal 50k", user="29:bo", name="Bo")
    card = teams.fake.wait_for(lambda: [p for p in teams.fake.to("a:chat-29:bo") if p.buttons()])[-1]
    won = next(b for b in card.buttons() if "Won" in b["title"])
    assert won["type"] == "Action.Submit" and won["data"]["salesbot"]
    teams.say("help", user="29:cy", name="Cy")
    teams.press(won, user="29:cy", name="Cy")  # someone else's deal
    refused = teams.wait_chat(2, user="29:cy")[-1]
    assert "Bo" in refused and "Won" not in refused.split("\n")[0]
    with teams.core.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "proposal"
    teams.press(won, user="29:bo", name="Bo")
    teams.fake.wait_for(lambda: any("won" in t.lower() for t in teams.chat_of("29:bo")[2:]))
    with teams.core.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "won"


def test_the_bot_added_to_a_team_says_hello_and_a_new_member_is_welcomed(teams):
    added = teams.activity("conversationUpdate", conversation=CHANNEL, membersAdded=[{"id": BOT}],
                           channelData={"tenant": {"id": TENANT}, "team": {"id": CHANNEL}})
    assert teams.post(added) == 200 and teams.post(added) == 200  # redelivered: one hello
    [hello] = teams.fake.wait_for(lambda: teams.fake.to(CHANNEL))
    assert "team set TEAM channel here" in hello.text
    joined = teams.activity("conversationUpdate", conversation=CHANNEL, locale="zh-CN",
                            membersAdded=[{"id": "29:new", "name": "王芳"}])
    assert teams.post(joined) == 200
    welcome = teams.posted_to(CHANNEL, 2)[-1]
    assert "欢迎王芳" in welcome.text
    quiet(teams.core)
    assert len(teams.fake.to(CHANNEL)) == 2
    teams.say("team set Sales channel here", conversation=CHANNEL)
    assert "Sales now posts to this channel." in teams.posted_to(CHANNEL, 3)[-1].text
    assert "Teams conv:19:east-sales@thread.tacv2" in teams.ask("team")
    removed = teams.activity("conversationUpdate", conversation=CHANNEL, membersRemoved=[{"id": BOT}])
    assert teams.post(removed) == 200
    eventually(lambda: "teams conv:" not in teams.ask("team"))  # no team posts there any more


def test_the_bot_installed_in_a_personal_chat_answers_with_help_in_the_persons_language(teams):
    installed = teams.activity("installationUpdate", action="add", locale="zh-CN", user="29:zh", name="张伟")
    assert teams.post(installed) == 200
    [help_text] = teams.wait_chat(1, user="29:zh")
    assert "可用命令" in help_text


def test_a_mention_of_an_id_teams_does_not_vouch_for_registers_nobody(teams):
    """A mention is the sender's word: only whom the connector knows in the conversation becomes
    a member (with the connector's name), never an id the activity made up."""
    teams.say("help")  # Ana: the tenant's first member, its admin
    teams.wait_chat(1)
    teams.say("team create East", conversation=CHANNEL)
    teams.posted_to(CHANNEL, 1)
    lookups = teams.fake.member_lookups
    forged = [mention_of("29:mallory", "Victoria"), mention_of("8:orgid:made-up", "CEO")]
    teams.say("team add East <at>Victoria</at> <at>CEO</at>", conversation=CHANNEL, entities=forged)
    answer = teams.posted_to(CHANNEL, 2)[-1].text
    assert "Added" not in answer
    assert teams.fake.member_lookups >= lookups + 2  # each asked of the connector
    with teams.core.session_factory() as s:
        assert set(s.scalars(select(Member.display_name))) == {"Ana Li"}
        assert set(s.scalars(select(Identity.external_user_id))) == {"29:ana"}
