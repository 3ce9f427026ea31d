"""Slash commands, DMs and mentions through the real HTTP path, in English and Chinese."""

import pytest
from sqlalchemy import select

from fakes.slack_api import _all_text
from storage.models.sales import Deal, Visit
from storage.models.workspace import Member
from support import count, quiet


# Each command's wording through Slack's HTTP path, not storage: on SQLite (the answer path
# through the inbox and outbox runs on both databases in the tests below).
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("command, text, expected", [
    ("/visit", "Acme Corp: met the CTO; follow up tomorrow", "Visit to Acme Corp logged."),
    ("/deal", 'Acme "ERP" proposal 50k close 2026-12-20', "Deal #1 · ERP"),
    ("/won", "+Acme 48k: beat them on delivery time", "Deal #1 won: Acme, ¥48K"),
    ("/progress", "", "Your progress"),
    ("/pipeline", "team", "Pipeline · Sales"),  # Mia, the admin, reads the team everyone starts in
    ("/leaderboard", "month", "Leaderboard · Revenue won"),
    ("/followups", "", "Your follow-ups"),
    ("/salesbot", "help", "What you can say"),
    ("/target", "@Mia revenue 500k month", "Target set: Mia"),
])
def test_each_slash_command_in_english(slack, command, text, expected):
    assert expected in slack.say(command, text)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("command, text, expected", [
    ("/visit", "华为：见了采购总监，下周二演示；跟进 周五", "已记录拜访：华为。"),
    ("/deal", "华为 ERP项目 方案呈现 5万 预计 12月20日", "商机 #1 · ERP项目"),
    ("/lost", "华为：价格太高", "不是你在跟的商机"),
    ("/progress", "团队", "业绩"),
    ("/salesbot", "帮助", "可用命令"),
    ("/won", "+华为 4.8万：交付周期短", "赢单：华为，¥4.8万"),
    ("/pipeline", "", "销售漏斗 · 张伟"),  # a rep: his own
    ("/leaderboard", "本月", "排行榜 · 业绩"),
    ("/followups", "", "我的待跟进"),
    ("/target", "团队 业绩 200万 本季度", "只有经理"),
])
def test_slash_commands_in_chinese_for_a_chinese_user(slack, command, text, expected):
    slack.say("/salesbot", "help", user="U1")  # Mia is the workspace's first member: admin
    assert expected in slack.say(command, text, user="U4")


def test_a_rate_set_from_slack_converts_the_pipeline_and_says_so_in_small_print(slack):
    slack.say("/salesbot", "help")  # Mia: the first member, the admin, reads the team's pipeline
    slack.say("/deal", 'Acme "ERP" proposal 50k', user="U2")  # Ana's, in the team everyone starts in
    slack.say("/deal", 'Globex "Support" proposal $20k', user="U2")
    status, path = slack.command("/pipeline", "")
    [answer] = slack.answers(path)
    [note] = [b for b in answer["blocks"] if b["type"] == "context"]
    assert [e["text"] for e in note["elements"]] == [
        "Not in the totals (no exchange rate set): $20K.",
        "An admin sets a rate with “rate USD N” (1 USD = N CNY)."]
    assert "Exchange rate set: 1 USD = 7.1 CNY" in slack.say("/salesbot", "rate USD 7.1")
    assert "Open deals: 2 · ¥192K" in slack.say("/pipeline", "")


def test_a_win_by_a_button_in_a_dm_is_celebrated_once_in_the_teams_channel(slack):
    slack.say("/salesbot", "team create East #east-sales")
    slack.say("/salesbot", "team add East <@U1>")
    slack.say("/salesbot", "team remove Sales <@U1>")
    slack.say("/deal", 'Acme "ERP" negotiation 48k')
    status, path = slack.click("won #1")
    assert "Deal #1 won" in _all_text(slack.answers(path)[0])
    to_team = lambda: [c for c in slack.fake.called("chat.postMessage")
                       if c.params["channel"] == "#east-sales"]
    posts = slack.fake.wait_for(to_team)
    assert "🎉 Mia won Acme — ¥48K" in _all_text(posts[0].params)
    quiet(slack.core)  # the outbox sends each once: no second post follows
    assert len(to_team()) == 1


def test_a_user_is_registered_from_users_info_on_first_contact(slack):
    slack.say("/progress", user="U4")
    with slack.core.session_factory() as s:
        member = s.scalar(select(Member))
    assert (member.display_name, member.locale, member.timezone, member.role) == (
        "张伟", "zh", "Asia/Shanghai", "admin")
    assert len(slack.fake.called("users.info")) == 1
    slack.say("/progress", user="U4")
    assert len(slack.fake.called("users.info")) == 1  # remembered


def test_replies_are_ephemeral_but_team_reports_in_a_channel_are_public(slack):
    status, path = slack.command("/progress", "")
    assert slack.answers(path)[0]["response_type"] == "ephemeral"
    status, path = slack.command("/leaderboard", "month")
    assert slack.answers(path)[0]["response_type"] == "in_channel"
    status, path = slack.command("/leaderboard", "month", channel_name="directmessage")
    assert slack.answers(path)[0]["response_type"] == "ephemeral"


def test_a_win_in_a_channel_is_celebrated_in_the_channel(slack):
    status, path = slack.command("/won", "+Acme 48k: beat them on delivery time")
    mine, celebration = slack.answers(path, count=2)
    assert mine["response_type"] == "ephemeral"
    assert celebration["response_type"] == "in_channel"
    assert "🎉 Mia won Acme — ¥48K" in _all_text(celebration)


def test_bad_input_gets_the_right_form_and_stores_nothing(slack):
    text = slack.say("/visit", ": nothing")
    assert ":warning:" in text and "visit Acme Corp: met the CTO" in text
    assert count(slack.core.session_factory, Visit) == 0


def test_a_dm_is_answered_in_the_dm(slack):
    assert slack.dm("visit Acme: demo") == 200
    [call] = slack.fake.wait_for(lambda: slack.fake.called("chat.postMessage"))
    assert call.params["channel"] == "DU1" and "Visit to Acme logged." in _all_text(call.params)
    assert call.token == "xoxb-test"


def test_a_mention_is_answered_in_a_thread_without_the_bot_mention(slack):
    slack.event({"type": "app_mention", "channel": "C1", "user": "U1", "ts": "1700000000.000100",
                 "text": "<@UBOT> progress"})
    [call] = slack.fake.wait_for(lambda: slack.fake.called("chat.postMessage"))
    assert call.params["thread_ts"] == "1700000000.000100"
    assert "Your progress" in _all_text(call.params)


def test_a_team_set_in_a_channel_with_here_makes_that_channel_the_teams(slack):
    slack.say("/salesbot", "help", user="U1")  # the workspace's admin
    assert "“here” is the channel you say it in" in slack.say("/salesbot", "team set Sales channel here")
    slack.event({"type": "app_mention", "channel": "C9", "user": "U1", "ts": "1700000000.000200",
                 "text": "<@UBOT> team set Sales channel here"})
    [call] = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                          if c.params.get("thread_ts") == "1700000000.000200"])
    assert "Sales now posts to this channel." in _all_text(call.params)
    assert "Sales Slack C9" in slack.say("/salesbot", "team")


def test_a_retried_event_is_stored_and_answered_once(slack):
    for retry in (None, 1, 2):
        assert slack.dm("visit Acme: demo", event_id="Ev-same", retry=retry) == 200
    slack.fake.wait_for(lambda: slack.fake.called("chat.postMessage"))
    quiet(slack.core)  # a wrongly repeated answer would have arrived by now
    assert len(slack.fake.called("chat.postMessage")) == 1
    assert count(slack.core.session_factory, Visit) == 1


def test_mentioned_users_become_members_before_they_talk(slack):
    slack.say("/salesbot", "help", user="U1")
    assert "Added to Sales: Ana, Bo" in slack.say("/salesbot", "team add Sales <@U2|ana> <@U3>")
    assert count(slack.core.session_factory, Member) == 3


def test_a_bot_message_or_edit_in_a_dm_is_ignored(slack):
    slack.event({"type": "message", "channel_type": "im", "channel": "DU1", "user": "U1",
                 "subtype": "message_changed", "text": "visit Acme: x", "ts": "1.0"})
    slack.event({"type": "message", "channel_type": "im", "channel": "DU1", "bot_id": "BBOT",
                 "user": "UBOT", "text": "Visit to Acme logged.", "ts": "2.0"})
    slack.dm("progress")  # a real message after them, to know the app has caught up
    slack.fake.wait_for(lambda: slack.fake.called("chat.postMessage"))
    assert len(slack.fake.called("chat.postMessage")) == 1 and count(slack.core.session_factory, Visit) == 0
    assert count(slack.core.session_factory, Deal) == 0


def test_a_win_in_a_dm_is_celebrated_in_the_teams_channel(slack):
    slack.say("/salesbot", "team create East #east-sales")
    slack.say("/salesbot", "team add East <@U1>")
    slack.say("/salesbot", "team remove Sales <@U1>")
    assert slack.dm("won +Acme 48k: beat them on delivery time") == 200
    calls = slack.fake.wait_for(lambda: len(slack.fake.called("chat.postMessage")) >= 2 and
                                slack.fake.called("chat.postMessage"))
    by_channel = {c.params["channel"]: _all_text(c.params) for c in calls}
    assert "Deal #1 won: Acme, ¥48K" in by_channel["DU1"]
    assert "🎉 Mia won Acme — ¥48K" in by_channel["#east-sales"]
