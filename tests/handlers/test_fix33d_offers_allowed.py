"""r29: never offer a tap that is then refused. A rep's task for someone else said with no command
word (`@Bo 明天帮我把比亚迪的合同带过去`) is refused at once, with their own task offered, one tap; a
stage said with no deal (`阶段是方案`) asks which deal, or says what to type, never "only an admin"."""
import pytest

from support import deal_rows, task_rows

pytestmark = pytest.mark.phrasing


@pytest.fixture
def team(chat):
    chat.team(manager="王芳", reps=("张伟", "Ana", "Bo"))
    return chat


@pytest.mark.parametrize("user, said, mine, title", [
    ("张伟", "@Bo 明天帮我把比亚迪的合同带过去", "任务 明天帮我把比亚迪的合同带过去",
     "把比亚迪的合同带过去"),  # the asking words in no title (fix33b)
    ("张伟", "@Ana 周五前给海尔发报价", "任务 周五前给海尔发报价", "给海尔发报价"),
    ("Ana", "@Bo call 美的 procurement tomorrow", "task call 美的 procurement tomorrow",
     "call 美的 procurement"),
    ("Ana", "@bo send the deck to 格力 by fri", "task send the deck to 格力 by fri", "send the deck to 格力"),
])
def test_a_reps_task_for_someone_else_is_refused_with_their_own_offered(team, user, said, mine, title):
    reply = team.reply(said, user=user)
    assert not reply.ok and [b.command for b in reply.buttons] == [mine], reply.text
    assert "@" not in " ".join(b.command for b in reply.buttons)  # never a tap then refused
    assert task_rows(team, "assignee", "title") == []
    assert team.reply("1", user=user).ok
    assert task_rows(team, "assignee", "title") == [(user, title)]


def test_a_managers_task_for_a_rep_said_so_is_still_offered(team):
    reply = team.reply("@Bo 明天帮我把比亚迪的合同带过去", user="王芳")
    assert [b.command for b in reply.buttons] == ["任务 @Bo 明天帮我把比亚迪的合同带过去"], reply.text


@pytest.mark.parametrize("said, stage", [("阶段是方案", "方案呈现"), ("阶段改成需求挖掘", "需求挖掘"),
                                         ("阶段是商务谈判", "商务谈判")])
def test_a_stage_said_with_no_deal_asks_which_deal(team, said, stage):
    assert team.reply('商机 +海尔 "ERP" 初步接触 30万', user="张伟").ok
    assert team.reply('商机 +京东 "续约" 初步接触 10万', user="张伟").ok
    assert team.reply("拜访 +小米：见了采购", user="张伟").ok  # the last record a visit, no deal
    before = deal_rows(team, "id", "stage")
    reply = team.reply(said, user="张伟")
    assert "管理员" not in reply.text and "是哪个商机" in reply.text, reply.text
    assert all(b.command.endswith(stage) for b in reply.buttons) and len(reply.buttons) == 2, reply.text
    assert deal_rows(team, "id", "stage") == before


@pytest.mark.parametrize("user, said", [("张伟", "阶段 商务谈判"), ("王芳", "阶段 商务谈判"),
                                       ("张伟", "阶段：商务谈判")])
def test_a_stage_word_alone_after_the_stages_word_says_what_to_type(team, user, said):
    reply = team.reply(said, user=user)
    assert not reply.ok and "管理员" not in reply.text and "商机 #12 商务谈判" in reply.text, reply.text


def _tiers(chat):
    from storage.models.sales import Customer
    from support import rows_of

    return rows_of(chat, Customer, ("name", "tier"))


@pytest.mark.parametrize("said", ["格力 这家改成B类", "格力这家客户等级改成A", "格力 改成C类"])
def test_a_tier_said_of_another_reps_customer_is_refused_at_once(team, said):
    assert team.reply("拜访 +格力：见了采购", user="张伟").ok
    before = _tiers(team)
    reply = team.reply(said, user="Ana")
    assert not reply.ok and "格力由张伟负责" in reply.text and not reply.buttons, reply.text
    assert _tiers(team) == before


@pytest.mark.parametrize("user", ["张伟", "王芳"])
def test_a_tier_said_of_a_customer_in_reach_is_still_offered(team, user):
    assert team.reply("拜访 +格力：见了采购", user="张伟").ok
    reply = team.reply("格力 这家改成B类", user=user)
    assert [b.command for b in reply.buttons] == ["客户 格力 B类"], reply.text
    assert team.reply("1", user=user).ok and ("格力", "B") in _tiers(team)
