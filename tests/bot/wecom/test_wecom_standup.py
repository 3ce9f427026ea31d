"""Standups on WeCom: the prompt arrives from the app; the member simply replies to answer."""
from storage.models.base import utcnow
from storage.models.team import StandupAnswer
from support import count, eventually
from worker.plan import fire, plan


def test_a_plain_reply_after_the_prompt_is_the_standup_answer(wecom):
    wecom.text("帮助", user="wangfang")  # the corp's first member: admin
    wecom.text("帮助", user="zhangwei")  # a rep
    with wecom.core.session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    assert fire(wecom.core.session_factory, spec, utcnow(), manual=True) == 1
    eventually(lambda: any("站会" in text for text in wecom.sent_to("zhangwei")))  # the prompt came
    status, reply = wecom.text("昨天拜访了华为，今天给阿里做演示，没有困难", user="zhangwei")
    assert status == 200 and "今天的站会回答已记录" in reply
    with wecom.core.session_factory() as s:
        assert s.query(StandupAnswer.text).scalar() == "昨天拜访了华为，今天给阿里做演示，没有困难"
    assert count(wecom.core.session_factory, StandupAnswer) == 1
