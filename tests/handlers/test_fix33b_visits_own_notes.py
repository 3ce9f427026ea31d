"""r29zh G: `今天跑了两家：上午华为 聊了云服务续费 下午美的 他们IT换人了` was offered as a visit to each
with the whole sentence as both visits' notes, so each carried the other customer's words. Told one
after the other, each visit gets the words after its customer's name up to the next (a part of the
day said before the name kept with it); said together (`去了华为和海尔`) the offer is as before.
Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for name in ("华为", "美的集团", "海尔", "Globex", "Initech"):
        assert chat.reply(f"customer +{name}", user="王芳").ok
    return chat


@pytest.mark.parametrize("said, user, visits", [
    ("今天跑了两家：上午华为 聊了云服务续费 下午美的 他们IT换人了", "张伟",
     [("华为", "上午 聊了云服务续费"), ("美的集团", "下午 他们IT换人了")]),
    ("今天去了两家 海尔 谈了续约价格 华为 见了CIO", "张伟",
     [("海尔", "谈了续约价格"), ("华为", "见了CIO")]),
    ("今天 上午海尔：聊了物流系统；下午华为：见了CIO", "张伟",
     [("海尔", "上午 ：聊了物流系统"), ("华为", "下午 ：见了CIO")]),
    ("today: morning Globex - demo went well, afternoon Initech - contract talk", "Ana",
     [("Globex", "morning - demo went well"), ("Initech", "afternoon - contract talk")]),
    ("met two customers today: Initech, pricing pushback. Globex, they want a pilot", "Bo",
     [("Initech", "pricing pushback"), ("Globex", "they want a pilot")]),
])
def test_each_visit_keeps_only_its_own_notes(session_factory, said, user, visits):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert visit_rows(session_factory, "customer", "notes") == visits


def test_two_customers_said_together_keep_the_offer_as_before(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("今天去了华为和海尔", user="张伟")
    assert not reply.ok, reply.text
    assert chat.reply("1", user="张伟").ok
    assert sorted(c for c, in visit_rows(session_factory, "customer")) == ["华为", "海尔"]
