"""A known customer's name or alias with more words after it is that customer, the rest in the
field it fits, or a question; never a new customer made of the name and the words (#23). One rule
(handlers/known_names.py) for visits, deals, wins and losses."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit

pytestmark = pytest.mark.phrasing


def _customers(chat):
    with chat.session_factory() as s:
        return sorted(s.scalars(select(Customer.name)).all())


def _deals(chat):
    with chat.session_factory() as s:
        ids = dict(s.execute(select(Customer.id, Customer.name)).all())
        return [(ids[d.customer_id], d.title, d.stage, int(d.amount))
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _known(chat):
    chat("visit +华为: intro", user="Ana")
    chat("visit +Globex: intro", user="Ana")


@pytest.mark.parametrize("text, lang, title, stage, amount, said", [
    ('deal huawei new "3yr license"', None, "3yr license", "lead", 0, "“huawei” taken as 华为."),
    ('deal huawei new "3yr license" 50k', None, "3yr license", "lead", 50000, "“huawei” taken as 华为."),
    ('deal Huawei new "cloud" proposal', None, "cloud", "proposal", 0, "“Huawei” taken as 华为."),
    ('deal HUAWEI another "support" 20k', None, "support", "lead", 20000, "“HUAWEI” taken as 华为."),
    ('商机 华为 新 "3年许可"', "zh", "3年许可", "lead", 0, "客户    华为"),
    ('商机 华为 新的 "云迁移" 10万', "zh", "云迁移", "lead", 100000, "客户    华为"),
    ('商机 huawei 新 "数据湖" 8万', "zh", "数据湖", "lead", 80000, "“huawei”按 华为 处理。"),
])
def test_a_new_word_after_a_known_name_is_a_new_deal_of_it(team_chat, text, lang, title, stage, amount, said):
    _known(team_chat)
    out = team_chat(text, user="Ana", lang=lang)
    assert said in out, out
    assert "New customer" not in out and "新建客户" not in out
    assert _customers(team_chat) == sorted(["Globex", "华为"])
    assert _deals(team_chat) == [("华为", title, stage, amount)]


@pytest.mark.parametrize("text, lang, label, name, title", [
    ('deal huawei renewal "3yr"', None, "华为, deal titled “renewal 3yr”", "huawei renewal", "renewal 3yr"),
    ('deal huawei eu "pilot" 30k', None, "华为, deal titled “eu pilot”", "huawei eu", "eu pilot"),
    ('won huawei renewal "3yr" 30k', None, "华为, deal titled “renewal 3yr”", "huawei renewal",
     "renewal 3yr"),
    ('赢单 华为 续约 "3年" 5万', "zh", "华为，商机标题“续约 3年”", "华为 续约", "续约 3年"),
    ('商机 华为 二期 "扩容" 20万', "zh", "华为，商机标题“二期 扩容”", "华为 二期", "二期 扩容"),
])
def test_other_words_with_a_title_are_asked_every_word_kept(team_chat, text, lang, label, name, title):
    _known(team_chat)
    reply = team_chat.reply(text, user="Ana", lang=lang)
    assert [b.label for b in reply.buttons] == [label, ("新客户" if lang else "New customer ") + f"“{name}”"]
    assert "Nothing was saved" in reply.text or "尚未保存" in reply.text
    assert _customers(team_chat) == sorted(["Globex", "华为"]) and _deals(team_chat) == []
    out = team_chat.press(reply.buttons[0], user="Ana", lang=lang).text
    assert _customers(team_chat) == sorted(["Globex", "华为"]), out
    assert [(c, t) for c, t, _s, _a in _deals(team_chat)] == [("华为", title)]


def test_the_new_customer_offered_is_made_when_tapped(team_chat):
    _known(team_chat)
    reply = team_chat.reply('deal huawei renewal "3yr"', user="Ana")
    out = team_chat.press(reply.buttons[1], user="Ana").text
    assert "New customer huawei renewal created." in out
    assert _customers(team_chat) == sorted(["Globex", "huawei renewal", "华为"])
    assert _deals(team_chat) == [("huawei renewal", "3yr", "lead", 0)]


@pytest.mark.parametrize("text, lang, notes", [
    ("visit huawei mtg: they want pricing", None, "mtg: they want pricing"),  # as typed (r21-en #43)
    ("visit Huawei lunch: went well", None, "lunch: went well"),
    ("拜访 huawei 午餐：聊了预算", "zh", "午餐：聊了预算"),
])
def test_a_visit_name_marked_off_with_more_words_is_asked(team_chat, text, lang, notes):
    _known(team_chat)
    reply = team_chat.reply(text, user="Ana", lang=lang)
    assert reply.buttons[0].label.endswith(f"“{notes}”"), reply.text
    assert _customers(team_chat) == sorted(["Globex", "华为"])
    team_chat.press(reply.buttons[0], user="Ana", lang=lang)
    with team_chat.session_factory() as s:
        last = s.scalars(select(Visit).order_by(Visit.id.desc())).first()
        assert (s.get(Customer, last.customer_id).name, last.notes) == ("华为", notes)
    assert _customers(team_chat) == sorted(["Globex", "华为"])


@pytest.mark.parametrize("text", ['deal globex corp "x"', 'deal Globex Inc "x" 10k',
                                  'won globex group "y" 5k'])
def test_a_company_word_after_a_known_name_is_asked_as_a_name(team_chat, text):
    _known(team_chat)
    reply = team_chat.reply(text, user="Ana")
    assert reply.buttons and any(b.label.startswith("New customer") for b in reply.buttons), reply.text
    assert _customers(team_chat) == sorted(["Globex", "华为"]) and _deals(team_chat) == []


def test_a_plus_still_makes_a_new_customer_of_the_whole_name(team_chat):
    _known(team_chat)
    out = team_chat('deal +huawei new "3yr license"', user="Ana")
    assert "New customer huawei new created." in out
    assert _customers(team_chat) == sorted(["Globex", "huawei new", "华为"])
