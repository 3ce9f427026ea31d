"""Classes the round-7 fresh-eyes tester (Chinese, on a phone) found storing what was not meant: a
next contact lost in a visit's notes, a near-twin customer made silently (a city before a known
name, a short name in the other script, `客户 X` making X), a button's label read as a command, a
won deal's title said in part. Each is fed through the real dispatch with a real database (SQLite
and PostgreSQL); what the user reads and what is stored are both asserted. Today is Monday
2026-11-23."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    return chat


def _customers(session_factory) -> list[str]:
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


def _visits(session_factory) -> list[tuple[str, str, dt.date | None]]:
    with session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.notes, v.follow_up_on)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


# A. A next contact said in a visit's notes is a follow-up, or asked about: never notes only.

@pytest.mark.parametrize("said, day", [
    ("拜访 腾讯：聊了WeCom集成，eow跟进", "2026-11-27"),
    ("拜訪 騰訊：聊了WeCom集成，eow跟進", "2026-11-27"),
    ("拜访 腾讯：聊了集成，tmr跟进", "2026-11-24"),
    ("拜访 腾讯：聊了集成，周五跟进", "2026-11-27"),
    ("拜访 腾讯：聊了集成，12月2日再联系", "2026-12-02"),
])
def test_a_day_glued_before_the_follow_up_word_is_the_follow_up_or_asked(session_factory, said, day):
    chat = _setup(session_factory)
    reply = chat.reply(said)
    if not reply.ok:  # asked: nothing stored until answered
        assert "跟进日期" in reply.text and _visits(session_factory) == [], reply.text
        reply = chat.reply("1")
    assert reply.ok, reply.text
    [(customer, notes, follow_up)] = _visits(session_factory)
    assert customer.endswith(("腾讯", "騰訊")) and follow_up.isoformat() == day
    assert "集成" in notes  # the words stay in the notes


@pytest.mark.parametrize("known, said, day", [
    ("Umbrella", "拜访 Umbrella 明天9点再过去一次 带上技术", "2026-11-24"),
    ("Umbrella Corp", "拜访 umbrella 下周三再去一趟", "2026-12-02"),
    ("Umbrella", "拜訪 Umbrella 明天再過去一次", "2026-11-24"),
    ("Umbrella", "拜访　Umbrella　后天再来 带合同", "2026-11-25"),
    ("Umbrella Corp", "拜访 Umbrella Corp 周五前给他们答复", "2026-11-27"),
])
def test_a_day_in_notes_after_a_latin_name_without_a_colon_is_asked_about(session_factory, known, said, day):
    chat = _setup(session_factory)
    assert chat.reply(f"拜访 {known}：初次见面").ok
    reply = chat.reply(said)
    assert not reply.ok and "跟进日期" in reply.text and len(reply.buttons) == 2, reply.text
    assert len(_visits(session_factory)) == 1  # nothing stored yet
    assert chat.reply("1").ok
    customer, notes, follow_up = _visits(session_factory)[-1]
    assert customer == known and follow_up.isoformat() == day and notes
    assert _customers(session_factory) == [known]


def test_a_new_latin_name_and_chinese_notes_without_a_colon_are_split(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("拜访 Hooli 下周三再去一趟")
    assert not reply.ok and "下周三" in reply.text, reply.text
    assert chat.reply("1").ok
    assert _visits(session_factory) == [("Hooli", "下周三再去一趟", dt.date(2026, 12, 2))]


def test_a_day_in_notes_kept_as_notes_when_the_rep_says_so(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("拜访 Umbrella：初次见面").ok
    assert not chat.reply("拜访 Umbrella 明天9点再过去一次 带上技术").ok
    reply = chat.reply("2")
    assert reply.ok and "跟进" not in reply.text.replace("跟进日期", ""), reply.text
    assert _visits(session_factory)[-1] == ("Umbrella", "明天9点再过去一次 带上技术", None)


@pytest.mark.parametrize("said", ["拜访 阿里：介绍了ERP，对方让我们1月再来",
                                  "拜訪 阿里：介紹了ERP，對方讓我們1月再來",
                                  "拜访 阿里：客户说 1月再过去", "拜访 阿里：介绍了ERP，说好１月再来",
                                  "拜访 阿里：介绍了ERP，让我们2月再上门"])
def test_come_again_in_a_month_is_the_follow_up(session_factory, said):
    chat = _setup(session_factory)
    reply = chat.reply(said)
    if not reply.ok:
        assert "跟进日期" in reply.text, reply.text
        reply = chat.reply("1")
    assert reply.ok, reply.text
    [(_customer, notes, follow_up)] = _visits(session_factory)
    assert follow_up is not None and follow_up.year == 2027 and follow_up.month in (1, 2), follow_up
    assert "再" in notes


def test_a_second_command_after_another_does_not_skip_the_follow_up_question(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("拜访 Umbrella：初次见面").ok
    assert chat.reply("商机 Umbrella ERP 商务谈判 15万").ok
    # fix30d: a command after 另外 in a visit is a line of its own at once, so the visit's own
    # question (is 周四前 its follow-up?) is the first asked, with the second line kept in each option
    reply = chat.reply("拜访 Umbrella 续约谈判 我说周四前给答复 另外 商机 Umbrella ERP 19万")
    assert not reply.ok and "周四前" in reply.text and "跟进日期" in reply.text, reply.text
    assert len(_visits(session_factory)) == 1
    assert chat.reply("1").ok
    assert _visits(session_factory)[-1][2].isoformat() == "2026-11-26"
    with session_factory() as s:
        assert s.scalars(select(Deal.amount)).one() == 190000


# B. A near-twin customer is matched or asked about, never made silently.

@pytest.mark.parametrize("known, said", [("比亚迪", "拜访 深圳比亚迪：参观工厂，明天跟进"),
                                         ("小米", "拜访 北京小米：演示"),
                                         ("比亚迪", "拜訪 深圳比亞迪：參觀工廠"),
                                         ("华为", "拜访 上海华为技术：交流"),
                                         ("寧德時代", "拜访 福建宁德时代：送资料")])
def test_a_city_before_a_known_name_is_asked_about(session_factory, known, said):
    chat = _setup(session_factory)
    assert chat.reply(f"拜访 {known}：初次见面").ok
    reply = chat.reply(said)
    assert not reply.ok and known in reply.text, reply.text
    assert _customers(session_factory) == [known] and len(_visits(session_factory)) == 1
    assert chat.reply("1").ok  # the known one
    assert [v[0] for v in _visits(session_factory)] == [known, known]


@pytest.mark.parametrize("said", ["客户 宁德 B类", "客户 寧德 B类", "客戶 宁德时代 B類", "客户 宁德 b类"])
def test_a_short_name_in_either_script_sets_the_known_customers_tier(session_factory, said):
    chat = _setup(session_factory, )
    assert chat.reply("拜訪 寧德時代：初次見面，下週一回訪", user="Bo").ok
    reply = chat.reply(said, user="Bo")
    assert reply.ok and "寧德時代" in reply.text, reply.text
    assert _customers(session_factory) == ["寧德時代"]
    with session_factory() as s:
        assert s.scalars(select(Customer.tier)).one() == "B"


@pytest.mark.parametrize("said", ["拜访 宁德：电话沟通", "拜訪 寧德：電話溝通", "拜访 宁德时代：送资料"])
def test_a_short_name_in_the_other_script_is_the_known_customer(session_factory, said):
    chat = _setup(session_factory)
    assert chat.reply("拜訪 寧德時代：初次見面").ok
    assert chat.reply(said).ok
    assert _customers(session_factory) == ["寧德時代"]
    assert [v[0] for v in _visits(session_factory)] == ["寧德時代", "寧德時代"]


@pytest.mark.parametrize("said, name", [("客户关系", "关系"), ("客戶關係", "關係"), ("客户 服务", "服务"),
                                        ("客户交付", "交付"), ("客户 价格", "价格")])
def test_the_customer_command_asks_before_it_makes_a_customer_of_a_common_word(session_factory, said, name):
    chat = _setup(session_factory)
    reply = chat.reply(said)
    assert not reply.ok and name in reply.text and len(reply.buttons) == 1, reply.text
    assert _customers(session_factory) == []
    reply = chat.reply("好")
    assert reply.ok, reply.text
    assert _customers(session_factory) == [name]


# C. A button's label typed is the answer to its question, not a new command.

@pytest.mark.parametrize("label, category", [("客户关系", "relationship"), ("交付", "delivery"),
                                             ("价格", "price"), ("產品匹配", "product_fit"),
                                             ("客户关系。", "relationship")])
def test_a_win_reasons_label_typed_is_the_reason(session_factory, label, category):
    chat = _setup(session_factory)
    assert chat.reply("商机 比亚迪 数据平台 商务谈判 30万").ok
    reply = chat.reply("商机 比亚迪 签约 32万")
    assert reply.ok and "主要原因" in reply.text, reply.text
    reply = chat.reply(label)
    assert reply.ok and "原因" in reply.text, reply.text
    assert _customers(session_factory) == ["比亚迪"]  # no customer 关系
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        assert (deal.stage, deal.reason_category) == ("won", category)
        assert deal.reason.rstrip("。") in (label.rstrip("。"), "产品匹配")


def test_after_a_win_another_command_runs_without_a_word_about_the_reason(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("商机 比亚迪 数据平台 商务谈判 30万").ok
    assert chat.reply("赢单 比亚迪 32万").ok
    reply = chat.reply("拜访 比亚迪：聊了实施计划")
    assert reply.ok and "问题已结束" not in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.reason)).one() == ""


@pytest.mark.parametrize("said", ["任务{id}做完了", "任务 #{id} 完成", "任務{id}完成了", "任务 {id} 搞定"])
def test_a_task_number_and_a_done_word_marks_that_task_done(session_factory, said):
    from storage.models.sales import Task

    chat = _setup(session_factory)
    assert chat.reply("任务 周五前给华为发报价").ok
    with session_factory() as s:
        number = s.scalars(select(Task.id)).one()
    reply = chat.reply(said.format(id=number))
    assert reply.ok and "给华为发报价" in reply.text, reply.text
    with session_factory() as s:
        assert [(t.title, t.done_at is not None) for t in s.scalars(select(Task))] == [("给华为发报价", True)]


# D. A won deal named by a word of its title is that deal (or asked), never a new won deal.

@pytest.mark.parametrize("said", ["赢单 华为 维保 6万：续约", "贏單 華為 維保 6萬：續約",
                                  "赢单 华为 维保 6万", "赢单 华为 年度 6万：续约"])
def test_a_word_of_an_open_deals_title_is_that_deal(session_factory, said):
    chat = _setup(session_factory)
    assert chat.reply('商机 华为 "年度维保" 初步接触 5万').ok
    reply = chat.reply(said)
    assert reply.ok and "年度维保" in reply.text, reply.text
    with session_factory() as s:
        assert [(d.title, d.stage, d.amount) for d in s.scalars(select(Deal))] == [("年度维保", "won", 60000)]


def test_a_yuan_amount_for_a_dollar_deal_named_by_a_title_word_is_asked(session_factory):
    chat = _setup(session_factory)
    assert chat.reply('商机 Acme Corp "年度维保" 初步接触 $8000 预计下个月').ok
    reply = chat.reply("赢单 Acme 维保 ¥60,000：续约")
    assert not reply.ok and "$8,000" in reply.text, reply.text
    with session_factory() as s:
        assert [(d.title, d.stage) for d in s.scalars(select(Deal))] == [("年度维保", "contact")]


@pytest.mark.parametrize("said, name, asked", [
    ("客户 腾达物流", "腾达物流", "还没有客户“腾达物流”"),
    ("客户 腾达物流 B类", "腾达物流", "还没有客户“腾达物流”"),
    ("customer Hooli tier A", "Hooli", "There is no customer “Hooli” yet")])
def test_a_plain_customer_command_asks_then_makes_the_customer_and_says_so(session_factory, said, name,
                                                                             asked):
    chat = _setup(session_factory)  # (round 9: a new customer is asked about first, one tap makes it)
    question = chat.reply(said)
    assert not question.ok and asked in question.text, question.text
    assert _customers(session_factory) == []
    reply = chat.reply("1")
    assert reply.ok and name in reply.text, reply.text
    assert "已新建客户" in reply.text or "created" in reply.text
    assert _customers(session_factory) == [name]


# E. A target's year stays a year; a period it cannot read is said, never offered as this month.

def _targets(session_factory):
    from storage.models.team import Target

    with session_factory() as s:
        return [(t.period_kind, t.period_start.isoformat(), int(t.amount)) for t in s.scalars(select(Target))]


@pytest.mark.parametrize("said", ["目标 @Ana 业绩 300万 明年", "目标 @Ana 业绩 300万 2027年",
                                  "目标 @Ana 业绩 300万 明年度", "目標 @Ana 業績 300萬 明年",
                                  "目标 @Ana 业绩 300万 下年"])
def test_a_target_for_next_year_is_next_years(session_factory, said):
    chat = _setup(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and "2027" in reply.text, reply.text
    assert _targets(session_factory) == [("year", "2027-01-01", 3000000)]


@pytest.mark.parametrize("said", ["目标 @Ana 业绩 300万 明后年", "目标 @Ana 业绩 300万 FY2027",
                                  "目标 @Ana 业绩 300万 年底前", "target @Ana revenue 3m next fiscal year",
                                  "目标 @Ana 业绩 300万 后年"])
def test_a_target_period_not_read_is_said_never_offered_as_this_month(session_factory, said):
    chat = _setup(session_factory)
    reply = chat.reply(said, user="Mia")
    assert not reply.ok and not reply.buttons, reply.text
    chat.reply("好", user="Mia")  # a busy manager taps yes: there was nothing to say yes to
    assert _targets(session_factory) == []


# F. The language set decides what says nothing of its own; the setting's reply says so.

def test_after_english_is_set_a_bare_word_follows_it_and_chinese_stays_chinese(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("语言 英文", user="Bo")
    assert "I'll answer you in English" in reply.text and "still answered in Chinese" in reply.text
    assert chat.reply("progress", user="Bo").locale == "en"
    assert chat.reply("进度", user="Bo").locale == "zh"  # a Chinese command word, as the setting said
    assert chat.reply("progress team", user="Bo").locale == "en"


# E. When one line of several is refused, the reply says the lines before it were not saved either,
# and offers to save only them.

@pytest.mark.parametrize("first, lang_word", [("拜访 华为：聊了方案", "第1条"),
                                              ("拜訪 華為：聊了方案", "第1条"),
                                              ("visit Huawei Ltd: went over the plan", "line 1")])
def test_a_later_line_refused_says_the_earlier_ones_were_not_saved_and_offers_them(session_factory, first,
                                                                                  lang_word):
    chat = _setup(session_factory)
    assert chat.reply("商机 京东 数据平台 初步接触 30万", user="Bo").ok
    with session_factory() as s:
        bos = s.scalars(select(Deal.id)).one()
    reply = chat.reply(f"{first}\n赢单 #{bos} 32万")
    assert not reply.ok and lang_word in reply.text and reply.buttons, reply.text
    assert _visits(session_factory) == []
    assert chat.reply("1").ok  # the offer: only the line that was fine
    assert [v[1] for v in _visits(session_factory)] == [first.partition("：")[2] or "went over the plan"]
    with session_factory() as s:
        assert s.get(Deal, bos).stage == "contact"


# Weak spots: a won deal's amount corrected; times in 设置 as Chinese write them; undo in words.

@pytest.mark.parametrize("fix, answer, amount", [  # round 15: a correction just after, made at once
    ("不对，是25万", None, 250000), ("金额是25万不是20万", None, 250000), ("不對，是二十五萬", None, 250000),
    ("商机 #{id} 26万", None, 260000), ("sorry it was 250k", None, 250000)])
def test_the_amount_of_a_deal_just_won_is_corrected_keeping_the_win(session_factory, fix, answer, amount):
    chat = _setup(session_factory)
    assert chat.reply("商机 比亚迪 数据平台 商务谈判 18万").ok
    with session_factory() as s:
        number = s.scalars(select(Deal.id)).one()
    assert chat.reply(f"赢单 #{number} 20万：交付快").ok
    reply = chat.reply(fix.format(id=number))
    if answer is not None:
        assert not reply.ok and f"#{number}" in reply.text, reply.text
        reply = chat.reply(answer)
    assert reply.ok and ("仍为赢单" in reply.text or "still won" in reply.text), reply.text
    with session_factory() as s:
        deal = s.get(Deal, number)
        assert (deal.stage, deal.amount, deal.reason) == ("won", amount, "交付快")
    assert chat.reply("撤销").ok
    with session_factory() as s:
        deal = s.get(Deal, number)
        assert (deal.stage, deal.amount, deal.reason) == ("won", 200000, "交付快")


def test_a_won_deals_stage_still_needs_it_reopened(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("商机 比亚迪 数据平台 商务谈判 18万").ok
    assert chat.reply("赢单 比亚迪 20万：交付快").ok
    reply = chat.reply("商机 #1 30万 商务谈判")
    assert not reply.ok and "重开" in reply.text, reply.text


@pytest.mark.parametrize("said, at", [
    ("设置 周报 周四 下午5点", "17:00"), ("设置 站会 早上九点半 周一至周五", "09:30"),
    ("设置 周报 周五 晚上8点", "20:00"), ("设置 站会 十点一刻 工作日", "10:15"),
    ("设置 周报 周四 下午五点半", "17:30")])
def test_a_time_as_chinese_write_it_is_read_in_the_schedule(session_factory, said, at):
    chat = _setup(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and at in reply.text, reply.text


@pytest.mark.parametrize("said", ["设置 提醒 关掉", "设置 提醒 停掉", "设置 提醒 暂停", "設置 提醒 關掉"])
def test_turning_reminders_off_in_everyday_words(session_factory, said):
    chat = _setup(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok, reply.text
    shown = chat("设置", user="Mia")
    assert "提醒" in shown and "关闭" in shown, shown


def test_undoing_a_new_task_says_the_task_was_deleted(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("任务 明天给Globex打电话").ok
    reply = chat.reply("撤销")
    assert reply.ok and "删除了新建的任务 #1（给Globex打电话）" in reply.text, reply.text
    assert "还原" not in reply.text


# Chinese after a deal's number or amount is its reason: no colon asked for.

@pytest.mark.parametrize("said, stage, reason", [
    ("输单 #{id} 预算没批下来", "lost", "预算没批下来"), ("輸單 #{id} 預算沒批下來", "lost", "預算沒批下來"),
    ("赢单 比亚迪 32万 价格有优势", "won", "价格有优势"), ("赢单 #{id} 32万 交付周期短", "won", "交付周期短"),
    ("贏單 比亞迪 32萬 服務好", "won", "服務好")])
def test_chinese_words_after_the_number_or_amount_are_the_reason(session_factory, said, stage, reason):
    chat = _setup(session_factory)
    assert chat.reply("商机 比亚迪 数据平台 商务谈判 30万").ok
    reply = chat.reply(said.format(id=1))
    assert reply.ok, reply.text
    with session_factory() as s:
        deal = s.get(Deal, 1)
        assert (deal.stage, deal.reason) == (stage, reason)


@pytest.mark.parametrize("said, day", [("跟进改成下周二", "2026-12-01"), ("回訪改到12月20日", "2026-12-20"),
                                       ("跟进推到周五", "2026-11-27"), ("不对，跟进是下周三", "2026-12-02")])
def test_the_follow_up_changed_right_after_a_visit_is_made(session_factory, said, day):
    chat = _setup(session_factory)  # round 15: made at once, said back, undone by 撤销
    assert chat.reply("拜访 Acme Corp：报价已发，等回复").ok
    reply = chat.reply(said)
    assert reply.ok and "#1" in reply.text and "跟进日 未设 →" in reply.text, reply.text
    assert _visits(session_factory)[0][2].isoformat() == day
    assert chat.reply("撤销").ok
    assert _visits(session_factory)[0][2] is None


def test_the_follow_up_changed_after_a_deal_is_no_deals_close_day(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("商机 比亚迪 数据平台 商务谈判 30万 预计 12月20日").ok
    chat.reply("跟进改成下周二")
    chat.reply("好")
    with session_factory() as s:
        assert s.get(Deal, 1).expected_close.isoformat() == "2026-12-20"


@pytest.mark.parametrize("said", ["今天拜访了美的和海尔，美的要报价，海尔没需求",
                                  "今天拜訪了美的和海爾，美的要報價，海爾沒需求",
                                  "今天去了美的和海尔。美的要报价；海尔没需求"])
def test_visits_to_two_customers_are_offered_as_two_visits_keeping_every_word(session_factory, said):
    chat = _setup(session_factory)
    assert chat.reply("拜访 美的集团：初次见面").ok and chat.reply("拜访 海尔：初次见面").ok
    reply = chat.reply(said)
    assert not reply.ok and "美的" in reply.text and "海尔" in reply.text, reply.text
    assert len(_visits(session_factory)) == 2
    assert chat.reply("好").ok
    visits = _visits(session_factory)[2:]
    assert sorted(v[0] for v in visits) == ["海尔", "美的集团"], visits
    assert not any(v[1].startswith(("和", "與", "与")) for v in visits), visits


@pytest.mark.parametrize("said, day", [("拜访 阿里：介绍了ERP，1月中旬出结果", "2027-01-15"),
                                       ("拜訪 阿里：介紹了ERP，1月中旬出結果", "2027-01-15"),
                                       ("拜访 阿里：介绍了ERP，12月中旬出结果", "2026-12-15")])
def test_a_month_and_its_middle_glued_to_words_is_that_months_middle(session_factory, said, day):
    chat = _setup(session_factory)
    reply = chat.reply(said)
    assert not reply.ok and "月中旬" in reply.text, reply.text
    assert all("2026-12-15" not in b.command for b in reply.buttons) or day == "2026-12-15", reply.buttons
    assert chat.reply("1").ok
    assert _visits(session_factory)[0][2].isoformat() == day
