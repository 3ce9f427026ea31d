"""r29en E: `won 比亚迪 "fleet software" 1.2m!! …, beat BYD's in-house team on features` stored the
competitor "BYD", which is 比亚迪, the customer. The deal's own customer, in either script, by a
possessive or as its own team (`腾讯自研团队`, `Acme's in-house team`), is never its competitor: the
words stay in the reason, no competitor is said or kept. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


@pytest.mark.parametrize("said, user, reason", [
    ('won 比亚迪 "fleet software" 1.2m!! closed today, beat BYD\'s in-house team on features', "Ana",
     "beat BYD's in-house team on features"),
    ('won 华为 "cloud" 300k: beat Huawei\'s internal IT team on price', "Ana",
     "beat Huawei's internal IT team"),
    ('won +Acme Corp "erp" 50k: beat Acme\'s in-house build on features', "Bo", "beat Acme's in-house build"),
    ("赢单 腾讯 30万：打败了腾讯自研团队，功能更好", "张伟", "打败了腾讯自研团队"),
    ("赢单 比亚迪 40万：打败了BYD内部团队 价格合适", "张伟", "打败了BYD内部团队"),
])
def test_the_customer_itself_is_never_the_competitor(session_factory, said, user, reason):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for name in ("比亚迪", "华为", "腾讯"):
        assert chat.reply(f"customer +{name}", user="王芳").ok
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert "Competitor" not in reply.text and "竞争对手" not in reply.text, reply.text
    [(competitor, kept)] = deal_rows(session_factory, "competitor", "reason")
    assert competitor == "" and reason in kept


@pytest.mark.parametrize("said, user, rival", [
    ('won 华为 "cloud" 300k: beat SAP on price', "Ana", "SAP"),
    ("赢单 腾讯 30万：打败了阿里云，功能更好", "张伟", "阿里云"),
])
def test_another_company_is_still_the_competitor(session_factory, said, user, rival):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for name in ("华为", "腾讯"):
        assert chat.reply(f"customer +{name}", user="王芳").ok
    reply = chat.reply(said, user=user)
    assert reply.ok and rival in reply.text, reply.text
    assert deal_rows(session_factory, "competitor") == [(rival,)]
