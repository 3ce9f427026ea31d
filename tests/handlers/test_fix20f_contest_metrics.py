"""Round 20 (en): `contest deals won 12/7-12/18` got only the usage, which never said what a contest
can count. Rule: a contest's metric may be said in one word or two (`deals won`, `new customers`,
`won deals`), after a `most`/`最多` that adds nothing; and every contest usage and `help contest`
ends with the metrics a contest can count, in the reader's language."""
import datetime as dt

import pytest

from support import contest_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("typed, metric, first, last, said", [
    ("contest deals won 12/7-12/18", "deals_won", dt.date(2026, 12, 7), dt.date(2026, 12, 18), "Deals won"),
    ("contest most deals won 12/7-12/18", "deals_won", dt.date(2026, 12, 7), dt.date(2026, 12, 18),
     "Deals won"),
    ("contest won deals 12/7-12/18", "deals_won", dt.date(2026, 12, 7), dt.date(2026, 12, 18), "Deals won"),
    ("contest new customers jan", "new_customers", dt.date(2027, 1, 1), dt.date(2027, 1, 31),
     "New customers"),
    ("contest most visits 12/1-12/15", "visits", dt.date(2026, 12, 1), dt.date(2026, 12, 15), "Visits"),
    ("竞赛 赢单数 12月7日-12月18日", "deals_won", dt.date(2026, 12, 7), dt.date(2026, 12, 18), "赢单数"),
    ("竞赛 最多 拜访 12月1日-12月15日", "visits", dt.date(2026, 12, 1), dt.date(2026, 12, 15), "拜访"),
])
def test_a_metric_in_two_words_starts_the_contest(team_chat, session_factory, typed, metric, first, last,
                                                   said):
    reply = team_chat.reply(typed, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    assert contest_rows(session_factory) == [(metric, first, last)]


def test_a_prize_after_a_two_word_metric_offers_the_contest_which_then_starts(team_chat, session_factory):
    asked = team_chat.reply("contest most deals won dec 7 to dec 18, winner gets dinner", user="Mia")
    assert not asked.ok and "keeps no prize" in asked.text, asked.text
    assert contest_rows(session_factory) == []
    taken = team_chat.reply("yes", user="Mia")
    assert taken.ok and "Deals won" in taken.text, taken.text
    assert contest_rows(session_factory) == [("deals_won", dt.date(2026, 12, 7), dt.date(2026, 12, 18))]


@pytest.mark.parametrize("typed, line", [
    ("contest blah 12/1-12/3", "(a contest counts one of: revenue · deals won · new customers · visits)"),
    ("help contest", "(a contest counts one of: revenue · deals won · new customers · visits)"),
    ("竞赛 乱写 12月1日-12月3日", "（竞赛可比：业绩 · 赢单数 · 新客户 · 拜访）"),
    ("帮助 竞赛", "（竞赛可比：业绩 · 赢单数 · 新客户 · 拜访）"),
])
def test_the_contest_usage_and_help_list_the_metrics(team_chat, session_factory, typed, line):
    reply = team_chat.reply(typed, user="Mia")
    assert line in reply.text, reply.text
    assert contest_rows(session_factory) == []
