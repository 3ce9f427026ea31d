"""r29zh E: a new deal said in a sentence kept stray words in its offered title: `… 现在是需求阶段`
gave "数据中台 是" (是 says the stage), `… 明年二季度签` gave "整车数据平台 明年" (明年 is the quarter's
year). Both words belong to their fields; `明年Q2签` glued is the close day too. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
Q1, Q2, Q4 = dt.date(2027, 3, 31), dt.date(2027, 6, 30), dt.date(2026, 12, 31)


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for name in ("美的", "蔚来", "海尔"):
        assert chat.reply(f"客户 +{name}", user="王芳").ok
    return chat


@pytest.mark.parametrize("said, title, stage, amount, close", [
    ("美的那边 新开一个商机 数据中台 80万 预计Q1签 现在是需求阶段", "数据中台", "discovery", 800000, Q1),
    ("蔚来 整车数据平台 估计200万 明年二季度签", "整车数据平台", "lead", 2000000, Q2),
    ("蔚来 新商机 整车数据平台 估计200万 明年二季度签", "整车数据平台", "lead", 2000000, Q2),
    ("海尔 新商机 智能工厂 50万 目前在方案阶段", "智能工厂", "proposal", 500000, None),
    ("美的 新开一个商机 供应链平台 30万 明年第一季度签", "供应链平台", "lead", 300000, Q1),
])
def test_the_words_of_a_field_are_never_in_the_offered_title(session_factory, said, title, stage, amount,
                                                             close):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok and f'"{title}"' in reply.buttons[0].command, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="张伟").ok
    assert deal_rows(session_factory, "title", "stage", "amount", "expected_close") == [
        (title, stage, amount, close)]


@pytest.mark.parametrize("said, title, stage, close", [
    ("海尔 新建商机 叫智能工厂 50万 目前在方案阶段 明年Q2签", "智能工厂", "proposal", Q2),
    ("蔚来 新商机 叫车联网 100万 今年四季度签", "车联网", "lead", Q4),
])
def test_a_titled_new_deal_takes_its_quarter_and_stage_at_once(session_factory, said, title, stage, close):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok and title in reply.text, reply.text
    assert deal_rows(session_factory, "title", "stage", "expected_close") == [(title, stage, close)]
