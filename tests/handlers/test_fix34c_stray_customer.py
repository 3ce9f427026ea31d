"""fix34c case 2: `不对，是中兴通讯不是中兴` right after a message that made customer 中兴 (a typo, or
a name typed short) left 中兴 behind as a stray customer. Now the record is offered (one tap) to
the customer meant and the stray goes with the tap: removed where the customer meant exists,
renamed to the name meant where it does not (never a second new customer). `undo` takes back
the move and the removal (or the new name) together. Mon, Dec 7, 2026."""
import pytest

from support import MON, customer_names, deal_rows, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("customer +中兴通讯 tier B", "customer +Acme Corp tier B", "customer +Globex tier B",
                 "customer +Initech tier B", user="Ana")
    return chat


@pytest.mark.parametrize("made, said, user, meant, stray", [
    ("拜访 +中心：聊了5G方案", "不对，是中兴通讯不是中心", "张伟", "中兴通讯", "中心"),
    ("拜访 +中心通讯：聊了5G方案", "不对，是中兴通讯", "张伟", "中兴通讯", "中心通讯"),
    ("拜访 +中兴通迅 聊了5G方案", "错了，应该是中兴通讯", "张伟", "中兴通讯", "中兴通迅"),
    ("visit +Acmee: demo done", "sorry I meant Acme Corp not Acmee", "Ana", "Acme Corp", "Acmee"),
    ("visit +Globex Ind: pricing call", "sorry, meant Globex", "Ana", "Globex", "Globex Ind"),
    ("visit +Initek: contract call", "no wait, it's Initech not Initek", "Ana", "Initech", "Initek"),
])
def test_a_visit_of_a_customer_just_made_goes_to_the_one_meant_and_the_stray_is_removed(
        session_factory, made, said, user, meant, stray):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    assert stray in customer_names(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1 and stray in reply.text, reply.text
    assert records(session_factory) == before  # offered, nothing changed yet
    done = chat.reply("1", user=user)
    assert done.ok and stray in done.text, done.text
    assert visit_rows(session_factory, "customer")[-1] == (meant,)
    assert stray not in customer_names(session_factory)
    assert chat.reply("undo", user=user).ok  # the move and the removal, together
    assert visit_rows(session_factory, "customer")[-1] == (stray,)
    assert stray in customer_names(session_factory)


@pytest.mark.parametrize("made, said, user, old, new", [
    ("拜访 中科：聊了服务器", "不对，是中科曙光不是中科", "张伟", "中科", "中科曙光"),
    ("拜访 海康：安防项目", "不对，是海康威视", "张伟", "海康", "海康威视"),
    ("visit Hooli: intro", "i meant Hooli XYZ", "Ana", "Hooli", "Hooli XYZ"),
    ("visit Soylent: tasting", "sorry I meant Soylent Foods not Soylent", "Ana", "Soylent", "Soylent Foods"),
])
def test_a_customer_just_made_under_a_name_no_one_has_is_renamed_never_a_second_one(
        session_factory, made, said, user, old, new):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    count = len(customer_names(session_factory))
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1 and new in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("yes", user=user).ok
    assert visit_rows(session_factory, "customer")[-1] == (new,)
    names = customer_names(session_factory)
    assert new in names and old not in names and len(names) == count
    assert chat.reply("undo", user=user).ok
    assert visit_rows(session_factory, "customer")[-1] == (old,)


def test_a_name_like_an_existing_one_asks_which_or_the_new_name(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit +Globex Ind: pricing call").ok
    reply = chat.reply("i meant globex industries")
    assert not reply.ok and [b.label for b in reply.buttons][0] == "Globex", reply.text
    assert chat.reply("2").ok  # renamed, as said
    assert visit_rows(session_factory, "customer")[-1] == ("globex industries",)
    assert "Globex Ind" not in customer_names(session_factory)


def test_a_deal_of_a_customer_just_made_moves_and_the_stray_is_removed(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Initek "CRM" proposal 50k').ok
    reply = chat.reply("no wait, it's Initech not Initek")
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert chat.reply("1").ok
    assert deal_rows(session_factory, "customer", "title")[-1] == ("Initech", "CRM")
    assert "Initek" not in customer_names(session_factory)
    assert chat.reply("undo").ok
    assert deal_rows(session_factory, "customer", "title")[-1] == ("Initek", "CRM")


def test_a_customer_with_other_records_is_no_stray(session_factory):
    chat = _chat(session_factory)
    chat.said_ok("visit Acme Corp: demo", user="Ana")
    assert chat.reply("visit Acme Corp: second demo", user="Ana").ok
    reply = chat.reply("sorry I meant Globex not Acme Corp", user="Ana")
    assert "Acme Corp" in customer_names(session_factory)
    assert "removed" not in reply.text and "renamed" not in reply.text, reply.text


def test_the_reported_case_zhongxing_typed_short_with_no_such_customer_yet_is_renamed(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    assert chat.reply("拜访 中兴：聊了5G方案", user="张伟").ok
    reply = chat.reply("不对，是中兴通讯不是中兴", user="张伟")
    assert not reply.ok and "改名" in reply.text and len(reply.buttons) == 1, reply.text
    assert chat.reply("好", user="张伟").ok
    assert customer_names(session_factory) == ["中兴通讯"]
    assert visit_rows(session_factory, "customer", "notes") == [("中兴通讯", "聊了5G方案")]
    assert chat.reply("撤销", user="张伟").ok
    assert customer_names(session_factory) == ["中兴"]
