"""The platform senders the worker is given, against the loopback Slack and WeCom fakes."""
import base64
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.slack.sender import SlackSender
from bot.wecom.client import WeComClient
from bot.wecom.sender import WeComSender
from fakes.slack_api import FakeSlack, _all_text
from fakes.wecom_api import FakeWeCom
from fakes.wecom_driver import AGENT, CORP, SECRET
from handlers.text.reply import Button, Chart, Reply
from handlers.text.reply_json import to_payload
from storage.address import Address
from storage.models.messaging import Delivery
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository
from storage.tokens import DatabaseTokens
from support import NOW
from worker.delivery import DeliveryWorker


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now


def enqueue(session_factory, platform, workspace, target, reply):
    with session_factory.begin() as s:
        tenant = Tenant(platform=platform, external_id=workspace)
        s.add(tenant)
        s.flush()
        OutboxRepository(s).enqueue(key=f"k:{target}", tenant_id=tenant.id, platform=platform,
                                    workspace=workspace, target=target, payload=to_payload(reply), now=NOW)


def delivery(session_factory):
    with session_factory() as s:
        return s.scalar(select(Delivery))


@pytest.fixture
def fake_slack():
    fake = FakeSlack()
    yield fake
    fake.close()


def test_slack_posts_blocks_and_waits_out_a_429_in_the_outbox(session_factory, fake_slack):
    enqueue(session_factory, "slack", "T1", "channel:C9", Reply(title="Daily standup", lines=("a",)))
    fake_slack.rate_limit("chat.postMessage", retry_after=7)
    clock = Clock()
    worker = DeliveryWorker(session_factory, SlackSender(fake_slack.api_url, lambda ws: "xoxb-1"),
                            clock=clock)
    worker.run_once()
    assert delivery(session_factory).next_attempt_at == NOW + dt.timedelta(seconds=7)
    assert len(fake_slack.called("chat.postMessage")) == 1  # no hidden retry inside the client
    clock.now += dt.timedelta(seconds=7)
    worker.run_once()
    [_, call] = fake_slack.called("chat.postMessage")
    assert call.params["channel"] == "C9" and "Daily standup" in _all_text(call.params)
    assert delivery(session_factory).status == "sent"


def test_slack_gives_up_on_a_channel_that_is_gone(session_factory, fake_slack):
    enqueue(session_factory, "slack", "T1", "channel:CX", Reply(title="x"))
    fake_slack.script("chat.postMessage", (200, {}, {"ok": False, "error": "channel_not_found"}))
    DeliveryWorker(session_factory, SlackSender(fake_slack.api_url, lambda ws: "xoxb-1"),
                   clock=Clock()).run_once()
    assert (delivery(session_factory).status, delivery(session_factory).last_error) == (
        "failed", "channel_not_found: a private channel needs the bot invited: /invite @salesbot")


def test_wecom_sends_markdown_and_a_card_and_waits_out_frequency_limits(session_factory):
    fake = FakeWeCom(CORP, SECRET)
    try:
        client = WeComClient(CORP, SECRET, AGENT, fake.api_url, DatabaseTokens(session_factory))
        enqueue(session_factory, "wecom", CORP, "user:zhangwei",
                Reply(title="今日站会", lines=("昨天做了什么？",),
                      buttons=(Button("完成", "站会 昨天：拜访"),), locale="zh"))
        fake.script("message/send", {"errcode": 45009, "errmsg": "api freq out of limit"})
        clock = Clock()
        worker = DeliveryWorker(session_factory, WeComSender(client), clock=clock)
        worker.run_once()
        assert delivery(session_factory).next_attempt_at == NOW + dt.timedelta(seconds=10)
        clock.now += dt.timedelta(seconds=10)
        worker.run_once()
        sent = fake.sent()
        assert [b["msgtype"] for b in sent] == ["markdown", "template_card"]
        assert "### 今日站会" in sent[0]["markdown"]["content"] and sent[0]["touser"] == "zhangwei"
        assert delivery(session_factory).status == "sent"
    finally:
        fake.close()


CHART = Chart(title="业绩与目标 — 2026年11月", labels=("张伟", "Ana"), values=(600000.0, 300000.0),
              targets=(400000.0, 400000.0), value_label="业绩", target_label="目标")


def test_the_chart_is_a_png_drawn_with_a_font_that_has_the_chinese_glyphs():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from bot.chart import FONT_FAMILY, font_path, render_png

    png = render_png(CHART)
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert Path(font_manager.findfont(FONT_FAMILY, fallback_to_default=False)) == font_path()
    font = FT2Font(str(font_path()))
    assert all(font.get_char_index(ord(ch)) for ch in "业绩与目标张伟销售")  # glyphs, not boxes


def test_the_charts_amount_axis_reads_as_the_text_does():
    from bot.chart import _short

    assert [_short(v, "万") for v in (0, 5_000, 150_000, 2_500_000, 150_000_000)] == [
        "0", "5000", "15万", "250万", "1.5亿"]
    assert [_short(v) for v in (150_000, 2_500_000)] == ["150K", "2.5M"]


def test_slack_uploads_a_chart_into_the_managers_dm(session_factory, fake_slack):
    enqueue(session_factory, "slack", "T1", "user:U7", Reply(chart=CHART, locale="zh"))
    DeliveryWorker(session_factory, SlackSender(fake_slack.api_url, lambda ws: "xoxb-1"),
                   clock=Clock()).run_once()
    assert fake_slack.called("conversations.open")[0].params["users"] == "U7"
    [complete] = fake_slack.called("files.completeUploadExternal")
    assert complete.params["channel_id"] == "D7"
    assert fake_slack.uploads and fake_slack.uploads[0].startswith(b"\x89PNG")
    assert not fake_slack.called("chat.postMessage")
    assert delivery(session_factory).status == "sent"


@pytest.mark.parametrize("target", ["user:zhangwei", "chat:CHAT1", "webhook:ROBOT"])
def test_wecom_sends_the_chart_as_an_image(session_factory, target):
    fake = FakeWeCom(CORP, SECRET)
    fake.robots.add("ROBOT")
    try:
        client = WeComClient(CORP, SECRET, AGENT, fake.api_url, DatabaseTokens(session_factory))
        enqueue(session_factory, "wecom", CORP, target, Reply(chart=CHART, locale="zh"))
        DeliveryWorker(session_factory, WeComSender(client), clock=Clock()).run_once()
        endpoint = {"user": "message/send", "chat": "appchat/send", "webhook": "webhook/send"}[
            target.split(":")[0]]
        [call] = fake.called(endpoint)
        assert call.body["msgtype"] == "image"
        if target.startswith("webhook"):
            assert base64.b64decode(call.body["image"]["base64"]).startswith(b"\x89PNG")
        else:
            assert fake.called("media/upload")[0].body["_png"]
            assert call.body["image"]["media_id"] == "media-1"
        assert delivery(session_factory).status == "sent"
    finally:
        fake.close()


@pytest.mark.parametrize("target", ["user:zhangwei", "chat:CHAT1", "webhook:ROBOT"])
def test_a_wecom_message_in_parts_limited_at_part_two_sends_each_part_once(session_factory, target):
    """A reply longer than WeCom takes in one message goes in parts; a frequency limit at the
    second part is waited out in the outbox, and the next try starts at that part."""
    fake = FakeWeCom(CORP, SECRET)
    fake.robots.add("ROBOT")
    endpoint = {"user": "message/send", "chat": "appchat/send", "webhook": "webhook/send"}[
        target.split(":")[0]]
    try:
        client = WeComClient(CORP, SECRET, AGENT, fake.api_url, DatabaseTokens(session_factory))
        lines = tuple(f"第{n}号客户：华为技术有限公司，拜访并演示了方案" for n in range(120))
        enqueue(session_factory, "wecom", CORP, target, Reply(title="周报", lines=lines, locale="zh"))
        fake.script(endpoint, {"errcode": 0, "errmsg": "ok"},
                    {"errcode": 45009, "errmsg": "api freq out of limit"})
        clock = Clock()
        worker = DeliveryWorker(session_factory, WeComSender(client), clock=clock)
        worker.run_once()
        row = delivery(session_factory)
        assert (row.status, row.next_attempt_at) == ("pending", NOW + dt.timedelta(seconds=10))
        assert "after 1 of" in row.last_error
        clock.now += dt.timedelta(seconds=10)
        worker.run_once()
        assert delivery(session_factory).status == "sent"
        texts = [c.body["markdown"]["content"] for c in fake.called(endpoint)]
        assert len(texts) >= 4  # part 1, part 2 refused, then part 2 and the rest
        assert texts[0].startswith("### 周报") and texts[1] == texts[2]
        whole = "".join(texts[:1] + texts[2:])
        assert [whole.count(f"第{n}号客户") for n in range(120)] == [1] * 120  # each line once
    finally:
        fake.close()


def test_a_wecom_message_resent_after_a_limit_keeps_every_parts_msgid_so_all_can_be_recalled(session_factory):
    """Parts sent before a frequency limit are not sent again, and their msgids are kept with the
    later parts': withdrawing the message recalls every part, not only the last try's."""
    fake = FakeWeCom(CORP, SECRET)
    try:
        client = WeComClient(CORP, SECRET, AGENT, fake.api_url, DatabaseTokens(session_factory))
        lines = tuple(f"第{n}号客户：华为技术有限公司，拜访并演示了方案" for n in range(120))
        reply = Reply(title="周报", lines=lines, locale="zh")
        enqueue(session_factory, "wecom", CORP, "user:zhangwei", reply)
        fake.script("message/send", None, {"errcode": 45009, "errmsg": "api freq out of limit"})
        clock = Clock()
        sender = WeComSender(client)
        worker = DeliveryWorker(session_factory, sender, clock=clock)
        worker.run_once()
        clock.now += dt.timedelta(seconds=10)
        worker.run_once()
        row = delivery(session_factory)
        assert row.status == "sent"
        delivered = set(fake.delivered)
        assert len(delivered) >= 3 and set(row.message_id.split(",")) == delivered
        assert sender.fix(Address.parse("wecom", CORP, "user:zhangwei"), row.message_id, None)
        assert fake.delivered == {}  # every part recalled
    finally:
        fake.close()
