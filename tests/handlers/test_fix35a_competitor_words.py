"""r31zh #104/#106/#107: a competitor said in a sentence (`被竞品金蝶抢了`, `给金蝶拿走了`, `SAP took it`)
is the name only, and the loss's reason keeps no word of the close (`输了`); a correction of the
competitor right after the loss (`竞争对手写错了 是金蝶`, `竞争对手改成金蝶`, `competitor was SAP not
Oracle`, `actually it was SAP`) changes that deal's competitor to the name, its reason kept, and one
`undo` takes back exactly that change."""
import pytest

from support import deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana",))
    assert chat.reply("商机 +小米 \"CRM\" 20万", user="Ana").ok
    return chat


@pytest.mark.parametrize("said, competitor", [
    ("输单 小米：被竞品金蝶抢了 价格比我们低两成", "金蝶"),
    ("输单 小米：给金蝶拿走了", "金蝶"),
    ("输单 小米：用友抢走了，他们价格低", "用友"),
    ("输单 小米：被SAP截胡了", "SAP"),
    ("lost 小米: SAP took it, cheaper", "SAP"),
    ("lost 小米: lost to Oracle on price", "Oracle"),
])
def test_a_competitor_in_a_sentence_is_its_name(session_factory, said, competitor):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert competitor in reply.text and f"{competitor}抢" not in reply.text, reply.text
    assert deal_rows(chat, "stage", "competitor") == [("lost", competitor)]


def test_the_tapped_loss_keeps_no_close_word_in_its_reason(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("小米CRM那单输了 被竞品金蝶抢了 价格比我们低两成", user="Ana")
    assert "输单 #1：被竞品金蝶抢了 价格比我们低两成" in asked.text, asked.text
    assert deal_rows(chat, "stage") == [("lead",)]
    reply = chat.reply("记为输单", user="Ana")
    assert reply.ok and "竞争对手：金蝶。" in reply.text, reply.text
    assert deal_rows(chat, "stage", "competitor", "reason") == [
        ("lost", "金蝶", "被竞品金蝶抢了 价格比我们低两成")]


@pytest.mark.parametrize("loss, fix, was, now, shown", [
    ("输单 小米：输给了用友", "竞争对手写错了 是金蝶", "用友", "金蝶", "竞争对手 用友 → 金蝶"),
    ("输单 小米：输给了用友", "竞争对手改成金蝶", "用友", "金蝶", "竞争对手 用友 → 金蝶"),
    ("输单 小米：输给了用友", "不对，竞争对手应该是 金蝶", "用友", "金蝶", "竞争对手 用友 → 金蝶"),
    ("输单 小米：输给了用友", "竞争对手不是用友 是金蝶", "用友", "金蝶", "竞争对手 用友 → 金蝶"),
    ("lost 小米: went with Oracle", "competitor was SAP not Oracle", "Oracle", "SAP",
     "competitor Oracle → SAP"),
    ("lost 小米: went with Oracle", "actually it was SAP", "Oracle", "SAP", "competitor Oracle → SAP"),
    ("lost 小米: went with Oracle", "change the competitor to Salesforce", "Oracle", "Salesforce",
     "competitor Oracle → Salesforce"),
])
def test_a_correction_changes_the_competitor_to_the_name(session_factory, loss, fix, was, now, shown):
    chat = _chat(session_factory)
    assert chat.reply(loss, user="Ana").ok
    reason = deal_rows(chat, "reason")[0][0]
    assert deal_rows(chat, "competitor") == [(was,)]
    reply = chat.reply(fix, user="Ana")
    assert reply.ok and shown in reply.text, reply.text
    assert deal_rows(chat, "stage", "competitor", "reason") == [("lost", now, reason)]
    assert chat.reply("撤销" if "小米：" in loss else "undo", user="Ana").ok
    assert deal_rows(chat, "stage", "competitor", "reason") == [("lost", was, reason)]


def test_a_correction_while_the_category_is_asked_is_no_reason(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("输单 小米：被金蝶抢了 价格比我们低两成", user="Ana")
    assert asked.ok, asked.text
    reason = deal_rows(chat, "reason")[0][0]
    reply = chat.reply("竞争对手写错了 是用友", user="Ana")
    assert "用友" in reply.text and "写错" not in reply.text, reply.text
    assert deal_rows(chat, "competitor", "reason") == [("用友", reason)]
