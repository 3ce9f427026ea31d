"""WeCom callbacks through the real HTTP path: URL check, commands, slowness, redelivery, cards,
forged requests, token expiry, frequency limits, long replies and team posts."""
import json

import pytest
from sqlalchemy import select

from bot.wecom.sender import FREQUENCY_PAUSE
from storage.models.base import name_key
from storage.models.sales import Customer, Deal, Visit
from storage.models.workspace import Member, Tenant
from support import count, delivery_statuses, eventually, quiet
from worker import delivery
from worker.delivery import backoff as real_backoff


# no storage at all: on SQLite only
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_url_verification_answers_the_decrypted_echostr(wecom):
    assert wecom.verify_url("1616140317555161061") == (200, "1616140317555161061")
    status, body = wecom.verify_url("123", signature="0" * 40)
    assert status == 403 and body == ""


# Each command's wording through WeCom's encrypted callback, not storage: on SQLite (the answer
# path through the inbox and outbox runs on both databases in the tests below).
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("text, expected", [
    ("拜访 华为：见了采购总监，下周二演示；跟进 周五", "已记录拜访：华为。"),
    ("商机 华为 ERP项目 方案呈现 5万 预计 12月20日", "商机 #1 · ERP项目"),
    ("进度", "我的进度"),
    ("漏斗 团队", "销售漏斗 · 销售团队"),  # 张伟, the corp's first member (admin): the default team
    ("排行榜 本月", "排行榜 · 业绩"),
    ("待跟进", "本周没有待跟进事项"),
    ("客户 +华为 A类", "等级"),
    ("visit Acme: demo", "Visit to Acme logged."),  # written in English: answered in English
    ("progress", "Your progress"),  # one English word: English (round 17)
    ("1", "没有待回答的问题"),  # no words: the member's language
])
def test_each_command_gets_a_passive_encrypted_reply(wecom, text, expected):
    status, reply = wecom.text(text)
    assert status == 200 and expected in reply


def test_a_wecom_user_is_registered_from_user_get_in_chinese(wecom):
    wecom.text("帮助", user="lina")
    with wecom.core.session_factory() as s:
        member = s.scalar(select(Member))
    assert (member.display_name, member.locale, member.role) == ("李娜", "zh", "admin")
    assert wecom.fake.called("user/get")[0].query["userid"] == "lina"


def test_bad_input_gets_the_right_form_in_chinese_and_stores_nothing(wecom):
    reply = wecom.ask("拜访")
    assert "正确的说法" in reply and "拜访 华为" in reply
    assert count(wecom.core.session_factory, Visit) == 0


def test_a_slow_command_is_answered_through_message_send(wecom):
    wecom.fake.delay["user/get"] = 4.5  # first contact takes longer than a passive reply may
    status, reply = wecom.text("拜访 华为：慢")  # (how soon the callback answers: bench/wecom_web.py)
    assert status == 200 and reply is None
    [sent] = wecom.fake.wait_for(lambda: wecom.sent_to("zhangwei"))
    assert "已记录拜访：华为。" in sent
    assert count(wecom.core.session_factory, Visit) == 1


def test_a_message_redelivered_three_times_is_stored_and_answered_once(wecom):
    answers = [wecom.text("拜访 华为：见面", msg_id=555)[1] for _ in range(3)]
    assert answers[0] and "已记录拜访" in answers[0]
    assert answers[1:] == [None, None]
    quiet(wecom.core)
    assert count(wecom.core.session_factory, Visit) == 1 and wecom.fake.sent() == []


def test_a_slow_message_redelivered_while_it_runs_gets_one_answer(wecom):
    wecom.fake.delay["user/get"] = 4.5
    first = wecom.text("拜访 华为：见面", msg_id=777)
    second = wecom.text("拜访 华为：见面", msg_id=777)  # WeCom's retry after no answer in time
    assert first == second == (200, None)
    wecom.fake.wait_for(lambda: wecom.sent_to("zhangwei"))
    quiet(wecom.core)
    assert len(wecom.sent_to("zhangwei")) == 1 and count(wecom.core.session_factory, Visit) == 1


def test_opening_the_app_shows_help_once_a_day(wecom):
    status, reply = wecom.event("enter_agent", EventKey="")
    assert "可用命令" in reply
    assert wecom.event("enter_agent", EventKey="") == (200, None)


def test_buttons_come_as_a_template_card_whose_clicks_run_the_command(wecom):
    wecom.text("商机 华为 ERP项目 方案呈现 5万")
    cards = wecom.fake.wait_for(lambda: [b for b in wecom.fake.sent()
                                         if b.get("msgtype") == "template_card"])
    buttons = cards[0]["template_card"]["button_list"]
    assert [b["key"] for b in buttons] == ["商机 #1 商务谈判", "赢单 #1", "输单 #1"]
    reply = wecom.click(EventKey=buttons[0]["key"], TaskId=cards[0]["template_card"]["task_id"],
                        CardType="button_interaction")
    assert "阶段：方案呈现 → 商务谈判。" in reply
    with wecom.core.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "negotiation"


def test_a_which_customer_card_click_runs_the_command_itself(wecom):
    wecom.ask("拜访 华为：初次见面")
    wecom.ask("商机 华为技术 ERP项目 方案呈现 5万")
    cards = wecom.fake.wait_for(lambda: [b for b in wecom.fake.sent() if b.get("msgtype") == "template_card"
                                         and "华为" in json.dumps(b, ensure_ascii=False)])
    keys = [b["key"] for b in cards[-1]["template_card"]["button_list"]]
    assert json.loads(keys[0]) == {"UpsertDeal": {"ref": {"words": ["华为"], "title": "ERP项目"},
                                                  "stage": "proposal", "amount": {"amount": "50000"}}}
    reply = wecom.click(EventKey=keys[0], TaskId="t2", CardType="button_interaction")
    assert "商机 #1 · ERP项目" in reply
    with wecom.core.session_factory() as s:
        assert s.execute(select(Customer.name, Deal.title).join(Deal)).one() == ("华为", "ERP项目")
    reply = wecom.click(EventKey='{"UpsertDeal":{"ref":{}}}', TaskId="t3", CardType="button_interaction")
    assert "没看懂" in reply and count(wecom.core.session_factory, Deal) == 1


def test_a_card_click_on_another_reps_deal_is_refused(wecom):
    wecom.ask("商机 华为 ERP项目 方案呈现 5万", user="lina")
    reply = wecom.click(user="tom", EventKey="赢单 #1", TaskId="t1", CardType="button_interaction")
    assert "属于李娜" in reply
    with wecom.core.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "proposal"


def test_forged_signature_and_wrong_corp_are_rejected_and_change_nothing(wecom, wecom_settings,
                                                                         fake_wecom):
    status, _ = wecom.text("拜访 华为：伪造", forge=True)
    assert status == 403
    from fakes.wecom_driver import WeComDriver
    other_corp = WeComDriver(wecom.base_url, fake_wecom, wecom.core, corp_id="wwOTHERCORP0000000")
    status, _ = other_corp.text("拜访 华为：别家企业")
    assert status == 403
    assert count(wecom.core.session_factory, Visit) == 0 and count(wecom.core.session_factory, Customer) == 0


def test_token_expiry_mid_send_refreshes_once_and_delivers(wecom):
    wecom.text("帮助")  # the first token is fetched
    wecom.fake.expire_token()
    wecom.fake.delay["user/get"] = 0
    wecom.text("商机 华为 ERP项目 方案呈现 5万")  # the card goes out through message/send
    wecom.fake.wait_for(lambda: [b for b in wecom.fake.sent() if b.get("msgtype") == "template_card"])
    assert len(wecom.fake.called("gettoken")) == 2
    errors = [c for c in wecom.fake.called("message/send") if not c.body.get("_ok")]
    assert len(errors) == 1  # the one refused with 42001, then the retry with the new token


# The outbox's waits on WeCom (nothing backend-specific: its rows are tested on both databases in
# tests/worker/test_outbox.py) run on SQLite only.
@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_frequency_limits_are_waited_out_not_dropped(wecom):
    wecom.fake.script("message/send", {"errcode": 45009, "errmsg": "api freq out of limit"})
    wecom.text("商机 华为 ERP项目 方案呈现 5万")
    calls = wecom.fake.wait_for(lambda: len(wecom.fake.called("message/send")) >= 2
                                and wecom.fake.called("message/send"), timeout=FREQUENCY_PAUSE + 60)
    # the outbox pauses the corp's sends (WeCom gives no Retry-After), then the answer goes once
    assert calls[1].wall - calls[0].wall >= FREQUENCY_PAUSE - 0.5 and calls[1].body.get("_ok")
    quiet(wecom.core)
    assert len(wecom.fake.called("message/send")) == 2


# how an answer is split for WeCom, not storage: on SQLite only
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_reply_longer_than_2048_bytes_is_split_on_character_boundaries(wecom):
    with wecom.core.session_factory.begin() as s:
        tenant = Tenant(platform="wecom", external_id="ww1234567890abcdef", currency="CNY")
        s.add(tenant)
        s.flush()
        s.add_all([Customer(tenant_id=tenant.id, name=f"华东地区第{i}号重点战略客户集团有限公司",
                            name_key=name_key(f"华东地区第{i}号重点战略客户集团有限公司"))
                   for i in range(50)])
    status, reply = wecom.text("客户列表")
    assert reply is None  # too long for a passive reply
    parts = wecom.fake.wait_for(lambda: "第49号" in "".join(wecom.sent_to("zhangwei"))
                                and wecom.sent_to("zhangwei"))
    assert len(parts) >= 2
    assert all(len(part.encode()) <= 2048 for part in parts)
    whole = "\n".join(parts)
    assert all(f"第{i}号" in whole for i in range(50))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_answer_wecom_will_not_take_is_kept_and_sent_once_it_is_back(wecom, monkeypatch):
    monkeypatch.setattr(delivery, "backoff", lambda attempts: real_backoff(attempts) / 10)
    wecom.fake.delay["user/get"] = 4.5  # too slow for a passive reply: answered through the API
    wecom.fake.script("message/send", {"errcode": -1, "errmsg": "system busy"})
    status, reply = wecom.text("拜访 华为：系统繁忙时")
    assert reply is None
    [sent] = wecom.fake.wait_for(lambda: wecom.sent_to("zhangwei"), timeout=60)
    assert "已记录拜访：华为。" in sent
    eventually(lambda: delivery_statuses(wecom.core) == [("user:zhangwei", "sent")])
    quiet(wecom.core)
    assert len(wecom.sent_to("zhangwei")) == 1 and count(wecom.core.session_factory, Visit) == 1


def test_a_won_deal_is_announced_to_the_teams_group_robot(wecom):
    wecom.fake.robots.add("ROBOT-KEY")
    wecom.text("帮助", user="wangfang")  # the first member: admin
    wecom.text("团队 设置 销售团队 企业微信 webhook:ROBOT-KEY", user="wangfang")
    status, reply = wecom.text("赢单 +华为 4.8万：交付周期短")
    assert "赢单：华为，¥4.8万" in reply
    [post] = wecom.fake.wait_for(lambda: [c for c in wecom.fake.called("webhook/send")])
    assert post.query["key"] == "ROBOT-KEY"
    assert "🎉 张伟 拿下 华为 — ¥4.8万" in post.body["markdown"]["content"]


def test_a_win_by_a_card_click_is_announced_once_to_the_teams_group_robot(wecom):
    wecom.fake.robots.add("ROBOT-KEY")
    wecom.text("帮助", user="wangfang")
    wecom.text("团队 设置 销售团队 企业微信 webhook:ROBOT-KEY", user="wangfang")
    wecom.text("商机 华为 ERP项目 商务谈判 4.8万")
    status, reply = wecom.event("template_card_event", EventKey="赢单 #1", TaskId="t9",
                                CardType="button_interaction")
    assert "赢单：华为，¥4.8万" in reply
    [post] = wecom.fake.wait_for(lambda: wecom.fake.called("webhook/send"))
    assert "🎉 张伟 拿下 华为 — ¥4.8万" in post.body["markdown"]["content"]
    wecom.event("template_card_event", EventKey="赢单 #1", TaskId="t9", CardType="button_interaction")
    quiet(wecom.core)  # a redelivered click: nothing runs or posts twice
    assert len(wecom.fake.called("webhook/send")) == 1


def test_team_reports_post_to_an_app_chat(wecom, wecom_settings):
    from bot.wecom.posts import WeComPoster
    from handlers.text.reply import Reply
    poster = WeComPoster(wecom.app.client)
    poster.post("chat", "wrCHAT", Reply(title="周报", locale="zh"))
    [call] = wecom.fake.called("appchat/send")
    assert call.body["chatid"] == "wrCHAT" and "### 周报" in call.body["markdown"]["content"]


# refused before anything is stored: on SQLite only
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_photo_or_voice_message_is_told_to_type_instead(wecom):
    status, reply = wecom.post({"FromUserName": "zhangwei", "MsgType": "image",
                                "PicUrl": "http://example.invalid/p.jpg", "MediaId": "m1", "MsgId": "91"})
    assert status == 200 and "我只能读文字消息" in reply
    assert count(wecom.core.session_factory, Visit) == 0


def test_an_id_the_corp_does_not_have_gets_one_refusal_and_is_never_a_member(wecom):
    wecom.text("帮助")  # 张伟, the admin
    before = count(wecom.core.session_factory, Member)
    status, reply = wecom.text("拜访 华为：见了采购总监", user="ghost")  # user/get: errcode 60111
    assert status == 200 and "只为安装它的工作区的成员服务" in reply and "only works for people" in reply
    assert count(wecom.core.session_factory, Member) == before
    assert count(wecom.core.session_factory, Visit) == 0
    assert "ghost" not in wecom.text("团队")[1]
