"""On WeCom a group robot's post cannot be recalled or edited: a win undone is followed by one
short correction in the group; a message to a person (message/send) is recalled by its msgid."""
import time

from handlers.text.reply import Reply
from storage.address import Address, Kind


def test_a_win_undone_is_corrected_in_the_group_robots_chat(wecom):
    wecom.fake.robots.add("ROBOT-KEY")
    wecom.text("帮助", user="wangfang")
    wecom.text("团队 设置 销售团队 企业微信 webhook:ROBOT-KEY", user="wangfang")
    wecom.text("赢单 +华为 4.8万：交付周期短")
    [post] = wecom.fake.wait_for(lambda: wecom.fake.called("webhook/send"))
    assert "🎉" in post.body["markdown"]["content"]
    assert "已撤销" in wecom.ask("撤销")  # the passive reply, or message/send on a loaded machine
    posts = wecom.fake.wait_for(lambda: len(wecom.fake.called("webhook/send")) >= 2
                                and wecom.fake.called("webhook/send"))
    correction = posts[1].body["markdown"]["content"]
    assert "✏️ 更正" in correction and "已撤回" in correction and "4.8万" in correction
    assert not wecom.fake.called("message/recall")  # robots' posts have no msgid to recall


def test_a_message_to_a_person_is_recalled_within_wecoms_window_only(wecom):
    from bot.wecom.plugin import WeCom

    sender = WeCom().sender(wecom.core)  # as the worker builds it
    fang = Address.user("wecom", "", "wangfang")
    msgid = sender.send(fang, Reply(title="hello"))
    assert msgid and msgid in wecom.fake.delivered
    assert sender.fix(fang, msgid, None)
    [recall] = wecom.fake.called("message/recall")
    assert recall.body == {"msgid": msgid} and msgid not in wecom.fake.delivered
    later = sender.send(fang, Reply(title="again"))
    wecom.fake.clock = lambda: time.time() + 25 * 3600
    assert not sender.fix(fang, later, None)  # too late: a correction instead
    assert not sender.fix(Address("wecom", "", Kind.CHAT, "CHAT1"), later, None)  # a group post: never
    assert not sender.fix(fang, later, Reply(title="edited"))  # no edits
