"""Every question the bot asks can be answered by each of its offers, as the user would answer:
by number (`1`), by typing the option's label, or with the value asked for (`80k` after "How much
was it?"); the answer stores what the option says, and the question never comes back.

Found by the fresh-eyes tester of 2026-12-05: a deal's new customer asked about re-asked forever,
"How much was it?" did not take `80k`, and a follow-up line of a loss was dropped once its title
question was answered."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.base import Base
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing

_KEPT_APART = {"open_questions", "deliveries", "audit_log", "changes", "last_messages"}


def _stored(session_factory) -> dict:
    """Every stored row but the bot's open question and its bookkeeping."""
    with session_factory() as s:
        return {table.name: sorted(map(repr, s.execute(select(table)).all()))
                for table in Base.metadata.sorted_tables if table.name not in _KEPT_APART}


@prepared
def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("visit Acme Corp: intro", "拜访 万科：初次见面", "拜访 比亚迪：初次见面",
                 "visit Umbrella: intro",
                 '商机 万科 "智慧物业" 初步接触 30万', '商机 比亚迪 "ERP" 需求挖掘 30万',
                 '商机 比亚迪 "云服务" 初步接触 8万'):
        assert chat.reply(line).ok, line
    return chat


# (question, the option the answer picks: 1-based), in both languages
QUESTIONS = [
    ("商机 #2 客户 万科集团", 1),  # 万科 or a new customer?
    ("商机 #2 客户 万科集团", 2),
    ("deal #1 customer Acme Crop", 1),
    ("输单 比亚迪 云服务：竞品低价；下个月再跟", 1),  # close it and a task for the follow-up
    ("输单 比亚迪 云服务：竞品低价；下个月再跟", 2),  # all of it the reason
    ("visit Acme Corp: demo went well, call back thurs", 1),  # a follow-up, or only notes?
    ("visit Acme Corp: demo went well, call back thurs", 2),
]


@pytest.mark.parametrize("typed, option", QUESTIONS)
@pytest.mark.parametrize("answer", ["number", "label"])
def test_each_offer_of_a_question_answers_it_and_stores(session_factory, typed, option, answer):
    chat = _setup(session_factory)
    asked = chat.reply(typed)
    assert not asked.ok and len(asked.buttons) >= option, asked.text
    before = _stored(session_factory)
    said = str(option) if answer == "number" else asked.buttons[option - 1].label
    answered = chat.reply(said)
    assert answered.ok, f"{typed} ⏎ {said}: {answered.text}"
    assert answered.lines[:1] != asked.lines[:1]  # never the same question again
    assert _stored(session_factory) != before


def test_a_deals_new_customer_answered_moves_the_deal(session_factory):
    chat = _setup(session_factory)
    chat.reply("商机 #2 客户 万科集团", user="Ana")
    assert chat.reply("第一个").ok
    chat.reply("商机 #2 客户 万科集团")
    assert chat.reply("新客户“万科集团”").ok  # the button's label, typed
    with session_factory() as s:
        deal = s.get(Deal, 2)
        assert s.get(Customer, deal.customer_id).name == "万科集团"


@pytest.mark.parametrize("won, amount, stored", [
    ("won umbrella", "80k", 80000),
    ("赢单 Umbrella", "8万：关系好", 80000),
])
def test_how_much_is_answered_by_the_amount(session_factory, won, amount, stored):
    chat = _setup(session_factory)
    asked = chat.reply(won)
    assert not asked.ok
    answered = chat.reply(amount)
    assert answered.ok, answered.text
    with session_factory() as s:
        [deal] = s.scalars(select(Deal).where(Deal.stage == "won"))
        assert deal.amount == stored


def test_an_amount_long_after_the_question_is_no_answer(session_factory):
    chat = _setup(session_factory)
    chat.reply("won umbrella")
    chat.reply("deals")  # another message ends the question
    assert not chat.reply("80k").ok


def test_a_second_line_survives_the_first_lines_question(session_factory):
    """`输单 比亚迪 ERP：…；下个月再跟` ⏎ `1` makes two lines; the first asks about its title: the
    answer stores both, the loss and the follow-up's task."""
    chat = _setup(session_factory)
    chat.reply("输单 比亚迪 ERP：竞品低价；下个月再跟")  # what is the follow-up? asked
    answered = chat.reply("1")  # ERP is the title of the rep's open deal there: not asked again
    assert answered.ok and "输单" in answered.text, answered.text
    with session_factory() as s:
        assert [t.title for t in s.scalars(select(Task))] == ["再跟"]


def test_the_offered_title_finds_the_deal_it_starts(session_factory):
    """`lost tencent trial: …` offers `"trial"`; yes closes Bo's `trial->paid`, and says so."""
    chat = _setup(session_factory)
    assert chat.reply('deal Acme Corp "trial->paid" lead 50k', user="Bo").ok
    asked = chat.reply("lost acme corp trial: they chose Alibaba Cloud", user="Bo")
    assert not asked.ok and asked.buttons
    answered = chat.reply("yes", user="Bo")
    assert answered.ok and "trial->paid" in answered.text, answered.text
    with session_factory() as s:
        [deal] = s.scalars(select(Deal).where(Deal.title == "trial->paid"))
        assert deal.stage == "lost" and deal.reason == "they chose Alibaba Cloud"


@pytest.mark.parametrize("typed", ['deal Acme Corp "ERP" proposal 1.2m close 1/15',
                                   '商机 Acme Corp "ERP" 方案呈现 120万'])
def test_a_rep_opens_his_own_deal_of_a_colleagues_title(session_factory, typed):
    """Ana's Acme Corp deal is titled ERP: Bo's own ERP deal with Acme Corp is opened (and said),
    and his next message about it is about his own."""
    chat = _setup(session_factory)
    assert chat.reply('deal Acme Corp "ERP" lead 50k').ok  # Ana's
    reply = chat.reply(typed, user="Bo")
    assert reply.ok and "Ana" in reply.text, reply.text
    assert chat.reply('deal Acme Corp "ERP" 1.3m', user="Bo").ok
    with session_factory() as s:
        owners = dict(s.execute(select(Member.display_name, Deal.amount).join(
            Member, Member.id == Deal.owner_id).join(Customer, Customer.id == Deal.customer_id).where(
            Deal.title == "ERP", Customer.name == "Acme Corp")).all())
        assert owners == {"Ana": 50000, "Bo": 1300000}


# A follow-up word in prose (`签约后回访`) beside a follow-up with its day -----------------------

@pytest.mark.parametrize("typed, day", [
    ("拜访 万科：签约后回访，客户满意；下季度有扩容需求，跟进 3月1日", "2027-03-01"),
    ("拜访 万科：合同签约后回访，跟进 周五", "2026-11-27"),
    ("拜访 万科：签约后回访，客户满意，跟进 1月15日", "2027-01-15"),
    ("visit Acme Corp: post-sale follow up, happy customer; follow up fri", "2026-11-27"),
])
def test_a_follow_up_word_in_the_notes_does_not_hide_the_follow_ups_day(session_factory, typed, day):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    with session_factory() as s:
        [last] = s.scalars(select(Visit).order_by(Visit.id.desc()).limit(1))
        assert last.follow_up_on.isoformat() == day


def test_a_typed_label_is_answered_in_the_questions_language(session_factory):
    """Bo's English question answered by typing the Chinese button label `万科`: English."""
    chat = _setup(session_factory)
    assert chat.reply('deal Umbrella "Cloud" lead 10k', user="Bo").ok
    asked = chat.reply("deal #4 customer 万科集团", user="Bo")
    assert not asked.ok and "Which do you mean" in asked.text
    assert "Customer" in chat("万科", user="Bo")


@pytest.mark.parametrize("typed, said", [
    ("team progress", "Sales · November 2026"), ("团队 进度", "Sales · 2026年11月"),
    ("wins this month?", "Your progress"), ("我这个月完成多少了", "我的进度"), ("我完成多少了", "我的进度"),
])
def test_progress_asked_in_other_words(team_chat, typed, said):
    reply = team_chat.reply(typed)
    assert reply.ok and said in reply.text, reply.text
