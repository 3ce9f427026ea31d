"""Issue #23, round 19: a Latin short form of a known Chinese customer's name (the start of its
pinyin in whole syllables, `ali` for 阿里巴巴; its pinyin initials, `hw` for 华为, `albb`; the
start of its English brand, `tenc` for 腾讯) is asked about ("阿里巴巴, or a new customer 'ali'?",
one tap each), never made a new customer; a name that is no short form is created as before."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit

pytestmark = pytest.mark.phrasing


def _rows(chat):
    with chat.session_factory() as s:
        names = dict(s.execute(select(Customer.id, Customer.name)).all())
        visits = [(names[v.customer_id], v.notes) for v in s.scalars(select(Visit).order_by(Visit.id))]
        deals = [names[d.customer_id] for d in s.scalars(select(Deal).order_by(Deal.id))]
        return sorted(names.values()), visits, deals


def _known(chat):
    for name in ("阿里巴巴", "华为", "京东", "腾讯"):
        assert chat.reply(f"visit +{name}: intro", user="Ana").ok
    return _rows(chat)


@pytest.mark.parametrize("text, lang, known, asked", [
    ("visit ali: met their cloud team", None, "阿里巴巴",
     "No customer is named “ali”, but there is 阿里巴巴."),
    ("visit Ali: lunch with the CFO", None, "阿里巴巴", "No customer is named “Ali”, but there is 阿里巴巴."),
    ("visit albb: demo", None, "阿里巴巴", "No customer is named “albb”, but there is 阿里巴巴."),
    ("visit hw: met the buyer", None, "华为", "No customer is named “hw”, but there is 华为."),
    ("deal tenc proposal 50k", None, "腾讯", "No customer is named “tenc”, but there is 腾讯."),
    ("拜访 ali：见了云团队", "zh", "阿里巴巴", "没有名为“ali”的客户，但有：阿里巴巴。"),
    ("拜访 hw：聊了预算", "zh", "华为", "没有名为“hw”的客户，但有：华为。"),
    ("商机 HW 方案呈现 5万", "zh", "华为", "没有名为“HW”的客户，但有：华为。"),
])
def test_a_short_form_of_a_chinese_name_is_asked_about(team_chat, text, lang, known, asked):
    before = _known(team_chat)
    reply = team_chat.reply(text, user="Ana", lang=lang)
    assert asked in reply.text, reply.text
    labels = [b.label for b in reply.buttons]
    assert labels[0] == known and ("New customer" in labels[-1] or "新客户" in labels[-1]), labels
    assert _rows(team_chat) == before  # nothing saved, no customer "ali"


def test_the_known_customer_tapped_logs_the_visit_there(team_chat):
    _known(team_chat)
    reply = team_chat.reply("visit ali: met their cloud team", user="Ana")
    out = team_chat.press(reply.buttons[0], user="Ana")
    names, visits, _deals = _rows(team_chat)
    assert "Visit to 阿里巴巴 logged." in out.text, out.text
    assert "ali" not in names and visits[-1] == ("阿里巴巴", "met their cloud team")


def test_a_new_customer_tapped_is_made_as_typed(team_chat):
    _known(team_chat)
    reply = team_chat.reply("拜访 ali：见了云团队", user="Ana", lang="zh")
    out = team_chat.press(reply.buttons[-1], user="Ana", lang="zh")
    names, visits, _deals = _rows(team_chat)
    assert "ali" in names and visits[-1] == ("ali", "见了云团队"), out.text


@pytest.mark.parametrize("text", ["visit Alpha Labs: intro", "visit hu: intro", "visit Jing Ltd: intro",
                                  "visit Hua: intro", "visit xyz: intro"])
def test_a_name_that_is_no_short_form_is_made_new(team_chat, text):
    _known(team_chat)
    out = team_chat(text, user="Ana")
    names, _visits, _deals = _rows(team_chat)
    assert "New customer" in out and "but there is" not in out, out
    assert len(names) == 5
