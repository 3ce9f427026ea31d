"""One web process serving WeCom and Teams: a person links their accounts, and a win on WeCom is
celebrated in the team's Teams channel."""
import re

import pytest

from bot.settings import Settings
from fakes.teams_driver import CHANNEL, running
from fakes.wecom_api import FakeWeCom
from fakes.wecom_driver import AES_KEY, AGENT, CORP, SECRET, TOKEN, WeComDriver


@pytest.fixture
def both(teams_settings, fake_teams):
    fake_wecom = FakeWeCom(CORP, SECRET)
    fake_wecom.users["lina"] = "李娜"
    settings = Settings(**{**teams_settings.model_dump(), "wecom_corp_id": CORP, "wecom_agent_id": AGENT,
                           "wecom_secret": SECRET, "wecom_token": TOKEN, "wecom_encoding_aes_key": AES_KEY,
                           "wecom_api_url": fake_wecom.api_url})
    for teams in running(settings, fake_teams):
        yield teams, WeComDriver(teams.base_url, fake_wecom, teams.core)
    fake_wecom.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_rep_links_teams_and_wecom_and_a_win_there_is_celebrated_in_the_teams_channel(both):
    teams, wecom = both
    assert "Visit to Acme logged." in teams.ask("visit Acme: demo")  # Ana: the workspace's admin
    code = re.search(r"\d{8}", teams.ask("link"))[0]
    wecom.text("拜访 华为：见面", user="lina")
    status, reply = wecom.text(f"关联 {code}", user="lina")  # connecting the corp: said first
    assert "接入公司" in reply and f"关联 {code} 确认" in reply
    status, reply = wecom.text(f"关联 {code} 确认", user="lina")
    assert "关联成功：你在这里也是Ana Li" in reply
    assert "Visits         2" in teams.ask("progress")
    teams.say("team set Sales channel here", conversation=CHANNEL)
    assert "Sales now posts to this channel." in teams.posted_to(CHANNEL)[0].text
    wecom.text("商机 华为 ERP 方案呈现 5万", user="lina")
    wecom.text("赢单 华为 4.8万：交付快", user="lina")
    [won] = teams.fake.wait_for(lambda: [p for p in teams.fake.to(CHANNEL) if "华为" in p.text])
    assert "Ana Li" in won.text
