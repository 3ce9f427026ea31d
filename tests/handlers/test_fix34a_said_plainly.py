"""fix34a (a fresh-eyes tester's six cases, each a class): emoticons and stray punctuation never
left in stored text; a deal named by its customer with words of its title, glued deal words or
`the … one` is that deal (asked when several fit); colloquial Chinese wins with Chinese numerals;
a deal's field changed in a plain sentence is that deal's change, never a visit nor a new deal;
filler around a new deal's title is no word of it. Undo takes back exactly what each changed.
Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt
from decimal import Decimal

import pytest

from support import MON, deal_rows, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Bo", "Ana"))
    chat.said_ok('deal +格力 "数据平台" 8万', 'deal +海尔 "云服务" 12万',
                 'deal +Wayne Enterprises "ERP" 200k', 'deal +Acme Corp "sensor project" 50k',
                 "customer +Globex tier B", "customer +小米 tier B", user="Ana")
    chat.said_ok('deal #2 proposal', user="Ana")
    assert chat.reply('new deal 海尔 "数据平台" 20万', user="Ana").ok
    chat.said_ok('deal +腾讯 "cloud migration" proposal 50k', user="Bo")
    return chat


def _deals(chat):
    return {deal_id: (stage, amount, reason) for deal_id, stage, amount, reason
            in deal_rows(chat.session_factory, "id", "stage", "amount", "reason")}


# 1. emoticons and stray punctuation ------------------------------------------------------------

@pytest.mark.parametrize("said, deal, stage, reason", [
    ("lost 格力 :( price too high", 1, "lost", "price too high"),
    ("输单 格力 :-( 价格太高", 1, "lost", "价格太高"),
    ("输单 格力 orz 预算砍了", 1, "lost", "预算砍了"),
    ("won wayne erp :) great team work", 3, "won", "great team work"),
    ("lost 格力: (price too high", 1, "lost", "price too high"),
    ("输单 格力：价格太高 T_T", 1, "lost", "价格太高"),
    ("lost 格力 :/ price too high", 1, "lost", "price too high"),
])
def test_an_emoticon_or_a_stray_bracket_leaves_no_fragment_in_the_reason(session_factory, said, deal, stage,
                                                                          reason):
    chat = _chat(session_factory)
    before = _deals(chat)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert f"#{deal}" in reply.text
    assert _deals(chat)[deal][0] == stage and _deals(chat)[deal][2] == reason
    undone = chat.reply("undo", user="Ana")
    assert undone.ok, undone.text
    assert _deals(chat) == before


@pytest.mark.parametrize("said, notes", [
    ("visit 格力: met the CTO :) demo went well", "met the CTO, demo went well"),
    ("拜访 格力：见了张总 ^_^", "见了张总"),
    ("拜访 格力：（见了张总", "见了张总"),
    ("visit 格力: - met the CTO :(", "met the CTO"),
    ("拜访 格力：见了张总 ^_^ 关系不错", "见了张总，关系不错"),
])
def test_an_emoticon_in_a_visits_notes_is_dropped_and_parts_words_as_a_comma(session_factory, said, notes):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert visit_rows(session_factory) == [("格力", notes, None)]
    assert chat.reply("undo", user="Ana").ok
    assert visit_rows(session_factory) == []


@pytest.mark.parametrize("said, title", [
    ("task call 格力 (about the quote tmrw", "call 格力 about the quote"),
    ("任务 明天给格力发报价 -", "给格力发报价"),
    ("task call 格力 about the quote :( tmrw", "call 格力 about the quote"),
])
def test_a_tasks_title_keeps_no_stray_punctuation_nor_emoticon(session_factory, said, title):
    from support import task_rows

    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert task_rows(session_factory) == [(title, dt.date(2026, 12, 8))]
    assert chat.reply("undo", user="Ana").ok
    assert task_rows(session_factory) == []


# 2. a deal named by its customer and words of its title -----------------------------------------

@pytest.mark.parametrize("said, deal, stage, reason", [
    ("lost 格力那单 价格太高", 1, "lost", "价格太高"),
    ("输单 格力那单", 1, "lost", ""),
    ("won the wayne erp one 200k", 3, "won", ""),
    ("won 海尔的数据平台", 5, "won", ""),
    ("赢单 海尔那个数据平台项目", 5, "won", ""),
    ("won the sensor project", 4, "won", ""),
    ("lost the sensor one: budget cut", 4, "lost", "budget cut"),
])
def test_a_deal_said_by_its_customer_and_title_words_is_that_deal(session_factory, said, deal, stage, reason):
    chat = _chat(session_factory)
    before = _deals(chat)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert f"#{deal}" in reply.text
    after = _deals(chat)
    assert after[deal][0] == stage and after[deal][2] == reason
    assert len(after) == len(before)  # no new deal
    assert chat.reply("undo", user="Ana").ok
    assert _deals(chat) == before


@pytest.mark.parametrize("said, answer", [
    ("won 海尔 数据平台 last friday", "Fri, Dec 4"),
    ("赢单 海尔 数据平台 上周五", "12月4日"),
])
def test_a_day_after_the_deals_title_is_asked_as_its_close_day_never_the_reason(session_factory, said,
                                                                                answer):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and "#5" in reply.text, reply.text
    assert records(session_factory) == before
    won = chat.reply("1", user="Ana")
    assert won.ok and answer in won.text, won.text
    assert _deals(chat)[5][0] == "won" and _deals(chat)[5][2] == ""


def test_a_customer_with_two_deals_the_words_fit_is_asked_which(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("海尔 概率改成50%", user="Ana")
    assert not reply.ok and "#2" in reply.text and "#5" in reply.text, reply.text
    assert records(session_factory) == before


# 3. colloquial Chinese wins, Chinese numerals ----------------------------------------------------

@pytest.mark.parametrize("said, deal, amount", [
    ("格力谈下来了 二十二万", 1, Decimal("220000")),
    ("格力搞定了 十五万五", 1, Decimal("155000")),
    ("二十二万 格力那单搞定了", 1, Decimal("220000")),
    ("海尔数据平台签了 一百二十万", 5, Decimal("1200000")),
    ("格力拿下了 两百万", 1, Decimal("2000000")),
])
def test_a_colloquial_chinese_win_with_its_amount_in_chinese_numerals_is_offered_and_stored(
        session_factory, said, deal, amount):
    chat = _chat(session_factory)
    before = records(session_factory)
    offers = _deals(chat)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and len(reply.buttons) == 1 and f"#{deal}" in reply.buttons[0].command, reply.text
    assert records(session_factory) == before
    won = chat.reply("好", user="Ana")
    assert won.ok, won.text
    assert _deals(chat)[deal][:2] == ("won", amount)
    assert chat.reply("撤销", user="Ana").ok
    assert _deals(chat) == offers


@pytest.mark.parametrize("said", ["谈下来了 二十二万", "拿下了 二十二万", "签了 二十二万", "22万 谈下来了"])
def test_a_win_with_no_customer_asks_which_deal_keeping_the_amount(session_factory, said):
    chat = _chat(session_factory)
    chat.said_ok("visit 格力: talked about the price", user="Ana")  # no deal just changed
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and reply.buttons, reply.text
    assert all(("二十二万" in b.command or "22万" in b.command) and b.command.startswith("赢单 #")
               for b in reply.buttons)
    assert not chat.reply("好", user="Ana").ok  # a bare yes picks none of several deals
    assert records(session_factory) == before
    [gree] = [b for b in reply.buttons if "格力" in b.label]
    assert gree.command.startswith("赢单 #1 ")
    assert chat.press(gree, user="Ana").ok
    assert _deals(chat)[1][:2] == ("won", Decimal("220000"))


# 4-5. a deal's field changed in a plain sentence --------------------------------------------------

def test_a_probability_said_of_a_customers_deal_offers_that_deals_stages(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    offers = _deals(chat)
    reply = chat.reply("格力那单 概率改成70%", user="Ana")
    assert [b.command for b in reply.buttons] == ["商机 #1 概率 70%"], reply.text
    stages = chat.reply("1", user="Ana")
    assert [b.command for b in stages.buttons] == ["商机 #1 方案呈现", "商机 #1 商务谈判"], stages.text
    assert records(session_factory) == before
    assert chat.reply("2", user="Ana").ok
    assert _deals(chat)[1][0] == "negotiation"
    assert chat.reply("撤销", user="Ana").ok
    assert _deals(chat) == offers


@pytest.mark.parametrize("said, value", [
    ("wayne erp close march", "deal #3 close in march"),
    ("wayne erp prob 70%", "deal #3 probability 70%"),
    ("the wayne erp one prob is more like 30%", "deal #3 probability 30%"),
    ("格力 概率改成 70", "商机 #1 概率 70%"),
    ("海尔数据平台 赢率调到80%", "商机 #5 概率 80%"),
    ("change the probability of the 格力 deal to 70%", "deal #1 probability 70%"),
    ("set the close date of the wayne erp deal to end of march", "deal #3 close end of march"),
])
def test_a_deal_field_said_in_a_sentence_is_that_deals_change_never_a_visit(session_factory, said, value):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and reply.buttons, reply.text
    assert not any(b.command.startswith(("visit", "拜访")) for b in reply.buttons), reply.text
    assert [b.command for b in reply.buttons] == [value]
    assert records(session_factory) == before


@pytest.mark.parametrize("said, values", [
    ("the sensor project close march", ["deal #4 close in march"]),
    ("sensor project prob 70%", ["deal #4 probability 70%"]),
    ("ERP 赢率改成80%", ["商机 #3 概率 80%"]),
    ("数据平台 概率改成70%", ["商机 #1 概率 70%", "商机 #5 概率 70%"]),
])
def test_a_deal_named_by_its_title_alone_gets_its_field_change_offered(session_factory, said, values):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert sorted(b.command for b in reply.buttons) == values, reply.text
    assert records(session_factory) == before


def test_a_close_month_said_of_a_customers_deal_is_stored_on_the_tap_and_undone(session_factory):
    chat = _chat(session_factory)
    offers = _deals(chat)
    assert not chat.reply("wayne erp close march", user="Ana").ok
    assert chat.reply("yes", user="Ana").ok
    [(close,)] = deal_rows(session_factory, "expected_close")[2:3]
    assert close == dt.date(2027, 3, 1)
    assert chat.reply("undo", user="Ana").ok
    assert deal_rows(session_factory, "expected_close")[2] == (None,) and _deals(chat) == offers


@pytest.mark.parametrize("said", ["腾讯 cloud migration close march", "腾讯那单 概率改成30%"])
def test_a_field_said_of_a_customer_with_no_deal_of_hers_says_so_never_a_visit(session_factory, said):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and "腾讯" in reply.text and not reply.buttons, reply.text
    assert records(session_factory) == before


def test_a_probability_said_alone_is_never_a_visit(session_factory):
    chat = _chat(session_factory)
    chat.said_ok("visit 腾讯: talked about cloud migration", user="Ana")
    before = records(session_factory)
    reply = chat.reply("prob more like 30%", user="Ana")
    assert not reply.ok and not any(b.command.startswith("visit") for b in reply.buttons), reply.text
    assert records(session_factory) == before


# 6. filler around a new deal's title ---------------------------------------------------------------

@pytest.mark.parametrize("said, customer, title", [
    ("new deal Globex for the sensor project 50k", "Globex", "sensor project"),
    ("new deal Globex about the sensor project 50k", "Globex", "sensor project"),
    ("new deal Globex regarding the sensor project 50k", "Globex", "sensor project"),
    ("new deal Globex re: sensor project 50k", "Globex", "sensor project"),
    ("new deal Globex on the sensor project 50k", "Globex", "sensor project"),
    ("新商机 小米 关于智能工厂 30万", "小米", "智能工厂"),
    ("新商机 小米 关于智能工厂的项目 30万", "小米", "智能工厂"),
    ("新商机 小米 智能工厂的那个 30万", "小米", "智能工厂"),
])
def test_filler_around_a_new_deals_title_is_no_word_of_it(session_factory, said, customer, title):
    chat = _chat(session_factory)
    count = len(_deals(chat))
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    rows = deal_rows(session_factory, "customer", "title")
    assert len(rows) == count + 1 and rows[-1] == (customer, title)
    assert chat.reply("undo", user="Ana").ok
    assert len(_deals(chat)) == count


def test_a_win_with_no_customer_right_after_a_deals_change_is_offered_on_that_deal(session_factory):
    chat = _chat(session_factory)
    chat.said_ok("deal #1 proposal", user="Ana")
    reply = chat.reply("谈下来了 二十二万", user="Ana")
    assert [b.command for b in reply.buttons] == ["赢单 #1 二十二万"], reply.text
    assert chat.reply("好", user="Ana").ok
    assert _deals(chat)[1][:2] == ("won", Decimal("220000"))
