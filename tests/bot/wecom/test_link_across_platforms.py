"""One web process serving Slack and WeCom; a person links their two accounts end to end."""
import re
import time

import pytest

from bot.settings import Settings
from fakes.slack_api import FakeSlack
from fakes.slack_driver import SECRET as SLACK_SECRET
from fakes.slack_driver import SlackDriver
from fakes.wecom_driver import AES_KEY, AGENT, CORP, SECRET, TOKEN, WeComDriver
from support import web_and_worker


@pytest.fixture
def both(db_url, fake_wecom):
    fake_slack = FakeSlack()
    fake_slack.add_user("U2", "Ana")
    settings = Settings(database_url=db_url, slack_bot_token="xoxb-test",
                        slack_signing_secret=SLACK_SECRET, slack_api_url=fake_slack.api_url,
                        wecom_corp_id=CORP, wecom_agent_id=AGENT, wecom_secret=SECRET,
                        wecom_token=TOKEN, wecom_encoding_aes_key=AES_KEY,
                        wecom_api_url=fake_wecom.api_url)
    with web_and_worker(settings) as (url, app):
        yield SlackDriver(url, fake_slack, app.core), WeComDriver(url, fake_wecom, app.core)
    fake_slack.close()


def test_a_rep_links_slack_and_wecom_and_sees_one_set_of_numbers(both):
    slack, wecom = both
    assert "Visit to Acme logged." in slack.say("/visit", "Acme: demo", user="U2")
    code = re.search(r"\d{8}", slack.say("/salesbot", "link", user="U2"))[0]
    wecom.text("拜访 华为：见面", user="lina")
    status, reply = wecom.text(f"关联 {code}", user="lina")  # connecting the corp: said first
    assert "接入公司" in reply and f"关联 {code} 确认" in reply
    status, reply = wecom.text(f"关联 {code} 确认", user="lina")
    assert "关联成功：你在这里也是Ana" in reply
    status, reply = wecom.text("progress", user="lina")
    assert "Visits         2" in reply
    assert "*Visits*\n2" in slack.say("/progress", user="U2")


def test_a_win_on_wecom_is_announced_once_in_the_teams_slack_channel_and_wecom_group(both):
    slack, wecom = both
    code = re.search(r"\d{8}", slack.say("/salesbot", "link", user="U2"))[0]  # Ana: the admin
    wecom.text(f"关联 {code} 确认", user="lina")
    assert "Sales now posts to #sales on Slack." in slack.say("/salesbot", "team set Sales channel #sales",
                                                              user="U2")
    slack.say("/salesbot", "team set Sales wecom webhook:ROBOT", user="U2")
    wecom.text("商机 华为 ERP 方案呈现 5万", user="lina")
    wecom.text("赢单 华为 4.8万：交付快", user="lina")
    [robot] = wecom.fake.wait_for(lambda: wecom.fake.called("webhook/send"))
    assert "Ana" in robot.body["markdown"]["content"] and "华为" in robot.body["markdown"]["content"]
    [posted] = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                            if c.params.get("channel") == "#sales"])
    assert "华为" in posted.params["text"]
    time.sleep(0.5)  # once each
    assert len(wecom.fake.called("webhook/send")) == 1
    assert len([c for c in slack.fake.called("chat.postMessage") if c.params.get("channel") == "#sales"]) == 1
