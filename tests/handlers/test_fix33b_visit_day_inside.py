"""r29zh F: `拜访 Acme Corp 12月4日 meeting with their CFO, 报价要再降5%` asked whether "Acme Corp 12月4日
meeting" is a new customer, and its tap stored the visit dated today with 12月4日 in the notes. A day
gone by after a customer's name and before more words ends the name: it is the visit's day, the
words after it the notes as typed. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import customer_names, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize("said, user, customer, day, notes", [
    ("拜访 Acme Corp 12月4日 meeting with their CFO, 报价要再降5%", "Ana", "Acme Corp", dt.date(2026, 12, 4),
     "meeting with their CFO, 报价要再降5%"),
    ("拜访 Acme Corp 上周四 meeting with procurement", "Ana", "Acme Corp", dt.date(2026, 12, 3),
     "meeting with procurement"),
    ("visit Acme Corp Dec 4 lunch with CFO", "Bo", "Acme Corp", dt.date(2026, 12, 4), "lunch with CFO"),
    ("visit Globex Corp 12月3日 demo went well", "Bo", "Globex Corp", dt.date(2026, 12, 3), "demo went well"),
    ("拜访 京东 12月4日 见了CIO，聊了续约", "张伟", "京东", dt.date(2026, 12, 4), "见了CIO，聊了续约"),
])
def test_a_day_after_the_name_is_the_visits_day(session_factory, said, user, customer, day, notes):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for name in ("Acme Corp", "Globex Corp", "京东"):
        assert chat.reply(f"customer +{name}", user="王芳").ok
    reply = chat.reply(said, user=user)
    assert reply.ok and customer in reply.text, reply.text
    [(name, kept, at)] = visit_rows(session_factory, "customer", "notes", "visited_at")
    assert (name, kept) == (customer, notes)
    assert at.replace(tzinfo=dt.timezone.utc).astimezone(SHANGHAI).date() == day
    assert len(customer_names(session_factory)) == 3
