"""r26zh: the bot's own offer `商机 格力 "格力" 商务谈判阶段 80万` failed when tapped ("没认出“商务”"), and
`商机 格力 商务谈判阶段 80万` read "格力 商务" as the customer: a stage word at the end of a longer stage
name (谈判阶段 in 商务谈判阶段) was cut off it as if glued to a customer. The whole name is the stage."""
import pytest

from support import MON, customer_names, deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, title", [
    ('商机 格力 "二期" 商务谈判阶段 80万', "二期"),
    ('商机 格力 "格力" 商务谈判阶段 80万', "格力"),
    ("商机 格力 商务谈判阶段 80万", None),
    ("商机 格力 80万 商务谈判阶段", None),
])
def test_a_stage_name_with_its_stage_word_is_the_stage(session_factory, said, title):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    assert chat.reply("拜访 +格力：初次见面", user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert reply.ok and "商务谈判" in reply.text and "¥80万" in reply.text, reply.text
    assert customer_names(session_factory) == ["格力"]
    [(stage, amount, stored)] = deal_rows(session_factory, "stage", "amount", "title")
    assert (stage, int(amount)) == ("negotiation", 800000)
    assert stored == (title or stored) and "商务" not in stored


@pytest.mark.parametrize("said", ["算了 改成B类", "不对 改成B类", "哦 改成B类"])
def test_a_filler_before_a_tier_is_never_a_new_customers_name(session_factory, said):
    """r28zh: `算了 改成B类` offered `客户 +算了 B类`, a tap making a customer "算了"."""
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    assert chat.reply("拜访 +格力：初次见面", user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert "+" not in " ".join(b.command for b in reply.buttons), reply.text
    assert customer_names(session_factory) == ["格力"]
