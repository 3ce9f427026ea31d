"""Round 24 (zh), r24zh: a refusal to move a deal never builds its example from the message's own
words (typed back, they made a junk deal) and says whose a colleague's deal is; `算了` and more
words at an open question drop the question and read the rest (an edit of the offer, or a message
of its own); `撤销刚才的推进` undoes a stage move (推进 is no typo of 推迟); a deal's currency asked
once (the other currency picked moves the deal to it, never a second question whose buttons reuse
the answer). Today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Deal, Visit
from storage.models.team import Contest

pytestmark = pytest.mark.phrasing


def _deals(chat) -> list[tuple]:
    with chat.session_factory() as s:
        return [(d.id, d.title, d.stage, int(d.amount), d.currency, d.owner_id)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("title, said, lang, whose", [
    ("数据平台", "Umbrella 数据平台那单 是我的吗？帮我推到方案", "zh", "商机 #1（数据平台）属于Ana"),
    ("Data Platform", "move the umbrella data platform deal to proposal", None,
     "Deal #1 (Data Platform) belongs to Ana"),
])
def test_a_colleagues_deal_named_in_a_move_is_said_to_be_theirs(team_chat, title, said, lang, whose):
    assert team_chat.reply(f'deal +Umbrella "{title}" discovery 80k', user="Ana").ok
    before = _deals(team_chat)
    reply = team_chat.reply(said, user="Bo", lang=lang)
    assert not reply.ok and whose in reply.text, reply.text
    assert "是我的吗" not in reply.text and "move" not in reply.text
    assert _deals(team_chat) == before  # nothing moved, no deal made


@pytest.mark.parametrize("said, lang, example", [
    ("Globex续约推进到谈判了", "zh", "例如 商机 #12 商务谈判。"),
    ("move the globex renewal to negotiation", None, "e.g. deal #12 Negotiation."),
])
def test_the_example_of_a_refused_move_is_never_the_messages_words(team_chat, said, lang, example):
    assert team_chat.reply('deal +Globex "ERP" contact 50k', user="Ana").ok
    before = _deals(team_chat)
    reply = team_chat.reply(said, user="Bo", lang=lang)
    assert example in reply.text and "续约" not in reply.text and "renewal" not in reply.text, reply.text
    team_chat(reply.text.split("例如 " if lang else "e.g. ")[1].split("。" if lang else ".")[0], user="Bo")
    assert _deals(team_chat) == before  # the example typed back makes no deal


def test_never_mind_and_a_new_day_at_a_snooze_question_moves_that_follow_up(team_chat):
    out = team_chat("拜访 +海尔：聊了预算；跟进 11月25日", user="Ana", lang="zh")
    assert "跟进" in out, out
    with team_chat.session_factory() as s:
        visit = s.scalar(select(Visit))
    asked = team_chat(f"{visit.id} 推迟到月底", user="Ana", lang="zh")
    assert "11月30日" in asked, asked
    reply = team_chat.reply("算了 推到下周吧", user="Ana", lang="zh")
    assert f"把跟进 #{visit.id}（海尔）改到11月30日周一？" in reply.text, reply.text  # 下周: next Monday
    assert [b.command for b in reply.buttons] == [f"推迟 {visit.id} 下周"]
    with team_chat.session_factory() as s:
        assert str(s.get(Visit, visit.id).follow_up_on) == "2026-11-25"  # asked, not moved


@pytest.mark.parametrize("first, second, lang, offered", [
    ("竞赛 拜访 12月1日-12月20日", "算了 那就开个业绩的竞赛 12月14号到12月31号", "zh",
     "竞赛 业绩 12月14号到12月31号"),
    ("contest visits 12/1-12/20", "never mind, start a revenue contest dec 14 to dec 31", None,
     "contest revenue dec 14 to dec 31"),
])
def test_never_mind_and_a_new_request_at_a_question_drops_it(team_chat, first, second, lang, offered):
    assert team_chat.reply(first, user="Mia", lang=lang).ok
    again = first.replace("12月1日", "12月7日").replace("12/1", "12/7")
    asked = team_chat.reply(again, user="Mia", lang=lang)
    assert not asked.ok and asked.buttons, asked.text  # the contest there: move it?
    reply = team_chat.reply(second, user="Mia", lang=lang)
    assert [b.command for b in reply.buttons] == [offered], reply.text
    assert ("上一个问题已结束" if lang else "earlier question is closed") in reply.text
    team_chat.press(reply.buttons[0], user="Mia", lang=lang)
    with team_chat.session_factory() as s:
        contests = [(c.metric, str(c.starts_on), str(c.ends_on))
                    for c in s.scalars(select(Contest).order_by(Contest.id))]
    assert contests == [("visits", "2026-12-01", "2026-12-20"), ("revenue", "2026-12-14", "2026-12-31")]


@pytest.mark.parametrize("said, lang, done", [("撤销刚才的推进", "zh", "已撤销"),
                                              ("undo that stage", None, "Undone")])
def test_undoing_the_last_stage_move_by_its_name(team_chat, said, lang, done):
    assert team_chat.reply('deal +Initech "续约" contact 80k', user="Bo").ok
    assert team_chat.reply("商机 #1 商务谈判", user="Bo", lang="zh").ok
    reply = team_chat.reply(said, user="Bo", lang=lang)
    assert done in reply.text and "推迟" not in reply.text, reply.text
    assert _deals(team_chat)[0][2] == "contact"


@pytest.mark.parametrize("answer", ["2", "¥56万：商机改为 CNY"])
def test_the_other_currency_picked_moves_the_deal_to_it_at_once(team_chat, answer):
    assert team_chat.reply('deal +Acme "海外仓ERP" proposal 80k usd', user="Ana").ok
    asked = team_chat.reply("商机 #1 56万", user="Ana", lang="zh")
    assert [b.label for b in asked.buttons] == ["$56万", "¥56万：商机改为 CNY"], asked.text
    assert "2" not in [b.command for b in asked.buttons]
    reply = team_chat.reply(answer, user="Ana", lang="zh")
    assert reply.ok and "商机 #1 的货币已由 USD 改为 CNY" in reply.text, reply.text
    assert _deals(team_chat)[0][3:5] == (560000, "CNY")
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Deal)) == 1


def test_undoing_a_stage_move_by_name_when_the_last_change_moved_no_stage(team_chat):
    assert team_chat.reply('deal +Initech "续约" contact 80k', user="Bo").ok
    assert team_chat.reply("商机 #1 预计 12月30日", user="Bo", lang="zh").ok
    reply = team_chat.reply("撤销刚才的推进", user="Bo", lang="zh")
    assert "你的上一次修改不是商机推进" in reply.text, reply.text
    with team_chat.session_factory() as s:
        assert str(s.get(Deal, 1).expected_close) == "2026-12-30"  # nothing undone
