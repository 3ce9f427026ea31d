"""Classes of messages the round-9 fresh-eyes tester (English) found stored other than meant, fed
through the real dispatch with a real database (SQLite and PostgreSQL): a filler word stored as the
competitor, a win's category read from its first keyword, a filler word cut from a customer's name,
a known customer's typo made a new customer, a head count taken as a deal's amount, two customers
joined by `n`."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _deal(session_factory, deal_id):
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.amount, deal.reason_category, deal.competitor


def _open_deal(chat, session_factory, customer="Umbrella", title="renewal"):
    assert chat.reply(f"visit +{customer}: intro").ok
    assert chat.reply(f'deal {customer} "{title}" proposal 100k').ok
    with session_factory() as s:
        return s.scalars(select(Deal.id).order_by(Deal.id.desc())).first()


# -- 1. a filler word is no competitor ---------------------------------------------------------

@pytest.mark.parametrize("reason", [
    "umbrella went with another vendor", "went with a cheaper vendor, they undercut us",
    "they chose the incumbent", "lost to a local player", "picked the in-house team",
    "客户选了另一家供应商", "输给了一家小公司", "输给了别家",
])
def test_a_loss_to_an_unnamed_vendor_stores_no_competitor(session_factory, reason):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(f"lost #{deal_id}: {reason}")
    assert reply.ok and f"Deal #{deal_id}" in reply.text, reply.text
    stage, _amount, category, competitor = _deal(session_factory, deal_id)
    assert (stage, competitor) == ("lost", "")
    assert category in ("competitor", "other") or category == "" and reply.buttons  # or asked which
    report = chat.reply("reasons month", user="Mia")
    assert "Competitors named" not in report.text, report.text


@pytest.mark.parametrize("reason, name", [
    ("xiaomi chose SAP, better price", "SAP"), ("went with Oracle", "Oracle"),
    ("they chose to go with SAP", "SAP"), ("输给了华为", "华为"), ("竞争对手 SAP", "SAP"),
    ("lost to huawei", "huawei"), ("输给了小米", "小米"), ("选了大疆", "大疆"),
])
def test_a_named_competitor_is_still_stored(session_factory, reason, name):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory)
    assert chat.reply(f"lost #{deal_id}: {reason}").ok
    assert _deal(session_factory, deal_id)[3] == name
    assert f"Competitors named: {name} (1)" in chat.reply("reasons month", user="Mia").text


def test_a_competitor_named_before_is_known_in_lower_case(session_factory):
    chat = Chat(session_factory)
    chat.team()
    first = _open_deal(chat, session_factory)
    assert chat.reply(f"lost #{first}: went with Oracle").ok
    second = _open_deal(chat, session_factory, "Globex")
    assert chat.reply(f"lost #{second}: lost to oracle on price").ok
    assert _deal(session_factory, second)[3] == "Oracle"
    assert "Competitors named: Oracle (2)" in chat.reply("reasons month", user="Mia").text


def test_a_reason_given_after_the_loss_stores_no_filler_competitor(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Initech")
    asked = chat.reply("lost Initech")
    assert asked.ok and "What decided it?" in asked.text, asked.text
    reply = chat.reply(f"lost #{deal_id}: went with a cheaper vendor, cut us on price")
    assert reply.ok and f"#{deal_id}" in reply.text, reply.text
    assert _deal(session_factory, deal_id)[3] == ""


def test_a_filler_competitor_stored_before_is_not_listed(session_factory):
    chat = Chat(session_factory)
    chat.team()
    first, second = _open_deal(chat, session_factory), _open_deal(chat, session_factory, "Globex")
    assert chat.reply(f"lost #{first}: went with Oracle").ok
    assert chat.reply(f"lost #{second}: budget").ok
    with session_factory.begin() as s:  # as rounds before this one stored `went with another vendor`
        s.get(Deal, second).competitor = "another"
    report = chat.reply("reasons team month", user="Mia")
    assert "Competitors named: Oracle (1)" in report.text and "another" not in report.text, report.text


# -- 4. a win's category: what the sentence says won it -------------------------------------------

@pytest.mark.parametrize("reason, category", [
    ("they pushed hard on price but we held on support terms", "service"),
    ("price was higher than SAP's, but our delivery was faster", "delivery"),
    ("won on support because the demo went badly for the rival", "product_fit"),
    ("他们一直压价，但我们靠售后服务赢了", "service"),
    ("价格比对手贵，不过交付周期短", "delivery"),
    ("beat them on delivery time", "delivery"),
])
def test_a_wins_category_is_what_decided_it(session_factory, reason, category):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(f"won #{deal_id} 280k: {reason}")
    assert reply.ok and f"#{deal_id}" in reply.text, reply.text
    assert _deal(session_factory, deal_id)[:3] == ("won", 280000, category)


@pytest.mark.parametrize("typed, taps, answer, category, won", [
    ("won #{id} 280k: better price and faster delivery", ["price", "delivery"], "delivery", "delivery", True),
    ("won #{id} 280k: better price and faster delivery", ["price", "delivery"], "2", "delivery", True),
    ("lost #{id}: lost to SAP on price", ["competitor", "price"], "price", "price", False),
    ("赢单 #{id} 28万：价格便宜，交付也快", ["价格", "交付"], "交付", "delivery", True),
])
def test_two_categories_named_with_none_deciding_are_asked_about(
        session_factory, typed, taps, answer, category, won):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(typed.format(id=deal_id))
    assert reply.ok and f"#{deal_id}" in reply.text, reply.text
    assert [b.label for b in reply.buttons] == taps, reply.text
    stage, _amount, stored, _competitor = _deal(session_factory, deal_id)
    assert (stage, stored) == ("won" if won else "lost", "")  # not guessed while asked
    answered = chat.reply(answer)
    assert answered.ok and f"#{deal_id}" in answered.text, answered.text
    assert _deal(session_factory, deal_id)[2] == category
    with session_factory() as s:
        assert s.get(Deal, deal_id).reason == typed.format(id=deal_id).split(": ", 1)[-1].split("：", 1)[-1]


def test_a_category_tap_on_a_deal_not_asked_about_changes_nothing(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory)
    assert chat.reply(f"won #{deal_id} 280k: beat them on delivery time").ok
    again = chat.reply(f"won #{deal_id}: price")
    assert not again.ok and "already closed" in again.text, again.text
    assert _deal(session_factory, deal_id)[2] == "delivery"


# -- 5. filler words are whole words ---------------------------------------------------------------

def test_um_is_not_cut_from_umbrella(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Umbrella: intro").ok
    reply = chat.reply("umbrella mtg w/ their IT team re renewal, follow up next wed")
    assert not reply.ok and "brella mtg" not in reply.text.replace("umbrella mtg", ""), reply.text
    assert "visit Umbrella: umbrella mtg w/ their IT team re renewal" in reply.text
    assert chat.reply("1").ok
    with session_factory() as s:
        assert s.scalars(select(Visit.notes).order_by(Visit.id)).all()[-1].startswith("umbrella mtg")
        assert s.scalars(select(Task.title)).all() == []


@pytest.mark.parametrize("typed, kept", [
    ("soylent call re pricing, follow up next wed", "soylent call"),
    ("okta mtg re sso, follow up next wed", "okta mtg"),
    ("hilton dinner w/ CFO, follow up next wed", "hilton dinner"),
])
def test_a_word_starting_like_a_filler_keeps_its_letters(session_factory, typed, kept):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(typed)
    assert not reply.ok and f"task {kept}" in reply.text, reply.text
    assert chat.press(reply.buttons[-1]).ok
    with session_factory() as s:
        assert s.scalars(select(Task.title)).all() == [typed.removesuffix(" next wed")]


def test_qing_is_not_cut_from_qingke(session_factory):
    """`请客户吃饭`: `请` is no courtesy here, and `客户 …` is no customer to create."""
    chat = Chat(session_factory)
    chat.team()
    chat.reply("请客户吃饭 下周三跟进")
    with session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == []


# -- 2. a known customer's typo or suffix is asked about, never a new customer --------------------

def _customers(session_factory):
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


@pytest.mark.parametrize("known, typed, user", [
    ("腾讯", "visit tencnet: shortlist call, we're in top 2", "Ana"),
    ("阿里巴巴", "visit alibaba grp: renewal signed off by their CIO", "Ana"),
    ("美的集团", "visit midea group: pilot scoping w/ IT", "Ana"),
    ("腾讯", "visit Tencent Holdings: demo", "Ana"),
    ("华为", "visit huawie: demo", "Ana"),
    ("Acme Corp", "visit acme crop: helped w/ the workshop prep", "Ana"),
    ("Globex", "visit globx: pricing q's answered", "Ana"),
    ("Globex", "visit Globex grp: pricing q's answered", "Ana"),
    ("腾讯", "拜访 腾迅：沟通方案", "Ana"),
    ("阿里巴巴", "拜访 阿里巴巴集团：续约", "Ana"),
])
def test_a_name_close_to_a_known_customer_is_asked_about(session_factory, known, typed, user):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply(f"visit {known}: intro").ok
    reply = chat.reply(typed, user=user)
    assert not reply.ok and reply.buttons, reply.text
    assert known in reply.buttons[0].label
    assert _customers(session_factory) == [known]  # nothing created while asking
    done = chat.press(reply.buttons[0], user=user)
    assert done.ok, done.text
    assert _customers(session_factory) == [known]
    with session_factory() as s:
        assert len(s.scalars(select(Visit)).all()) == 2


def test_the_new_customer_tap_creates_the_name_as_typed(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit 阿里巴巴: intro").ok
    reply = chat.reply("visit alibaba grp: renewal")
    assert 'New customer “alibaba grp”' in reply.buttons[-1].label
    assert chat.press(reply.buttons[-1]).ok
    assert _customers(session_factory) == ["alibaba grp", "阿里巴巴"]


@pytest.mark.parametrize("known, typed", [
    ("腾讯", "visit tencent: demo"), ("阿里巴巴集团", "visit alibaba: demo"),
])
def test_a_bare_brand_is_still_taken_as_its_customer_and_says_so(session_factory, known, typed):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply(f"visit {known}: intro").ok
    reply = chat.reply(typed)
    assert reply.ok and f"taken as {known}" in reply.text, reply.text
    assert _customers(session_factory) == [known]


# -- 3. a head count is no amount; a visit told with a stage is logged too ------------------------

def _hooli(chat, session_factory, customer="Hooli", user="Ana"):
    assert chat.reply(f"visit +{customer}: intro", user=user).ok
    assert chat.reply(f'deal {customer} "sales analytics" 80k', user=user).ok
    with session_factory() as s:
        return s.scalars(select(Deal.id)).one()


@pytest.mark.parametrize("typed, user, follow_up", [
    ("Met w Hooli again today, demo for the VP + 2 analysts. Sending proposal by Wed", "Ana", "2026-11-25"),
    ("今天见了Hooli 王总和3个工程师 下周三 报价", "Ana", "2026-12-02"),  # 下周三: next week's
])
def test_a_visit_told_with_a_stage_and_a_head_count_logs_the_visit_and_moves_the_deal(
        session_factory, typed, user, follow_up):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _hooli(chat, session_factory)
    asked = chat.reply(typed, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    both, visit_only = (b.command for b in asked.buttons)
    assert both.endswith(("deal Hooli proposal", "商机 Hooli 报价")) and " 2" not in both.splitlines()[-1]
    assert "follow up Wed" in both or "跟进 下周三" in both
    done = chat.reply("yes" if typed.isascii() else "好", user=user)
    assert done.ok, done.text
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        assert (deal.stage, deal.amount) == ("proposal", 80000)
        visit = s.scalars(select(Visit).order_by(Visit.id.desc())).first()
        assert visit.notes == " ".join(typed.split()) and str(visit.follow_up_on) == follow_up


def test_the_visit_alone_moves_no_deal(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _hooli(chat, session_factory)
    assert not chat.reply("Met w Hooli again today, demo for the VP + 2 analysts. Sending proposal by Wed").ok
    asked = chat.reply("2")  # the visit as typed: is `by Wed` its follow-up? (asked as in any visit)
    assert not asked.ok and "by Wed" in asked.text, asked.text
    assert chat.reply("2").ok
    with session_factory() as s:
        assert (s.get(Deal, deal_id).stage, s.get(Deal, deal_id).amount) == ("lead", 80000)
        assert len(s.scalars(select(Visit)).all()) == 2


@pytest.mark.parametrize("typed, offered", [
    ("hooli deal -> proposal, 2 analysts on the call", "deal Hooli proposal"),
    ("hooli deal -> proposal, bumped to 95k", None),  # every word read, one deal: made at once (round 13)
    ("hooli signed!! 2 analysts on the call", "won #{id}: 2 analysts on the call"),  # a reason, no amount
    ("Hooli签了！3个人参加了签约", "赢单 #{id}：3个人参加了签约"),
    ("Hooli签了！9.5万", "赢单 #{id} 9.5万"),
])
def test_a_number_counting_people_is_never_offered_as_an_amount(session_factory, typed, offered):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _hooli(chat, session_factory)
    asked = chat.reply(typed)
    if offered is None:
        assert asked.ok, asked.text
    else:
        assert not asked.ok and [b.command for b in asked.buttons] == [offered.format(id=deal_id)], asked.text
        assert chat.reply("1").ok
    with session_factory() as s:
        amount = s.get(Deal, deal_id).amount
    assert amount == (95000 if offered is None or offered.endswith(("95k", "9.5万")) else 80000)


# -- 6. two known customers joined by `n`, `跟` ----------------------------------------------------

def _visits(session_factory):
    with session_factory() as s:
        return [tuple(r) for r in s.execute(select(Customer.name, Visit.notes).join(
            Customer, Customer.id == Visit.customer_id).order_by(Visit.id))]


@pytest.mark.parametrize("typed, notes", [
    ("visit Initech n Globex", ("", "")),
    ("visit Initech n Globex today - both demos", ("both demos", "both demos")),  # today: the day
    ("visit Initech n Globex: joint workshop", ("joint workshop", "joint workshop")),
    ("拜访 Initech跟Globex：联合会议", ("联合会议", "联合会议")),
])
def test_two_known_customers_joined_by_n_are_a_visit_each_never_notes(session_factory, typed, notes):
    """The notes each visit keeps are the words after the two names."""
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Initech: intro").ok and chat.reply("visit +Globex: intro").ok
    asked = chat.reply(typed)
    assert not asked.ok and "Initech · Globex" in asked.text, asked.text
    assert len(_visits(session_factory)) == 2  # nothing saved while asking
    assert chat.press(asked.buttons[0]).ok
    visits = _visits(session_factory)[2:]
    assert [name for name, _notes in visits] == ["Initech", "Globex"]
    assert tuple(n or "" for _c, n in visits) == notes
    with session_factory() as s:
        assert sorted(s.scalars(select(Customer.name))) == ["Globex", "Initech"]


def test_n_before_words_that_name_no_customer_is_asked_as_before(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Initech: intro").ok
    asked = chat.reply("visit Initech n team: demo")
    assert not asked.ok and "there is Initech" in asked.text, asked.text
    with session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == ["Initech"]
