"""r29en B, r29zh B/C, fix33a: a plain sentence (no command word) was offered as the wrong kind of
record: a visit with the whole text as notes, or a task titled with the sentence, where its words
said a task still to do (`call 比亚迪 … before friday`), a deal moved (`… -> negotiaton`), a person's
title (`ops lead`, never the Lead stage), an amount change with no deal, a new deal glued to its
title, a follow-up of the visit just logged, a delete with its why, a half day's leave, or a question.
Each is now read as what it says (offered, one tap storing what it says) or said plainly.
Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, deal_rows, leave_rows, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Bo", "Ana"))
    chat.said_ok('deal +比亚迪 "MES" 30万', 'deal +海尔 "数据平台" 20万', 'deal +Globex "CRM" 60k',
                 'deal +美的集团 "ERP" 50万', 'deal +Initech "renewal" 80k', user="Ana")
    chat.said_ok('deal +腾讯 "cloud migration" proposal 50k', 'deal +联想 "CRM" 12万',
                 'deal +Stark Industries "Pilot" 30万', "customer +Umbrella tier B", user="Bo")
    chat.said_ok('deal +京东 "续约" 8万', 'deal +华为 "云服务" 10万', user="张伟")
    return chat


@pytest.mark.parametrize("said, user, title, due", [
    ("call 比亚迪 procurement guy before friday", "Ana", "call 比亚迪 procurement guy",
     dt.date(2026, 12, 11)),
    ("email globex the revised quote by wed", "Ana", "email globex the revised quote", dt.date(2026, 12, 9)),
    ("chase 比亚迪 legal on the MSA before thursday", "Ana", "chase 比亚迪 legal on the MSA",
     dt.date(2026, 12, 10)),
    ("给华为打个电话 周五前", "张伟", "给华为打个电话", dt.date(2026, 12, 11)),
    ("催一下京东的合同 周三前", "张伟", "催一下京东的合同", dt.date(2026, 12, 9)),
])
def test_a_call_or_send_still_to_make_by_a_day_is_a_task_never_a_visit(session_factory, said, user, title,
                                                                       due):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert reply.buttons[0].label in ("A task", "作为任务"), reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    [(stored, day)] = task_rows(session_factory)
    assert title in stored and day == due
    assert visit_rows(session_factory) == []


@pytest.mark.parametrize("said, member, due", [
    ("张伟 周三前把京东的续约报价发出去", "张伟", dt.date(2026, 12, 9)),
    ("张伟，明天把海尔的方案改好发我", "张伟", dt.date(2026, 12, 8)),
    ("Bo send me the globex forecast by fri", "Bo", dt.date(2026, 12, 11)),
    ("Ana: prep the 海尔 QBR deck by thu", "Ana", dt.date(2026, 12, 10)),
])
def test_a_manager_naming_a_member_then_a_job_with_its_day_gives_that_member_a_task(session_factory, said,
                                                                                  member, due):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and f"@{member}" in reply.text and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert task_rows(session_factory, "assignee", "due_on") == [(member, due)]
    assert visit_rows(session_factory) == []


def _stage(session_factory, title):
    return {t: s for t, s in deal_rows(session_factory, "title", "stage")}[title]


@pytest.mark.parametrize("said, user, title, rest", [
    ("haier data platfrom deal -> negotiaton, they want 10% off", "Ana", "数据平台", "they want 10% off"),
    ("tencent cloud migration -> negotiation. they signed off on the architecture", "Bo", "cloud migration",
     "they signed off on the architecture"),
    ("tencent cloud migration -> negotiaton, CTO signed off on the design", "Bo", "cloud migration",
     "CTO signed off on the design"),
    ("腾讯 cloud migration moved to negotiation - they signed off the architecture", "Bo", "cloud migration",
     "they signed off the architecture"),
])
def test_a_deal_moved_with_an_arrow_and_slips_is_that_deal_moved_never_a_visit_or_a_win(
        session_factory, said, user, title, rest):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and "negotiation" in reply.text and "won" not in reply.text.lower(), reply.text
    assert "visit" in reply.text and rest in reply.text
    assert records(session_factory) == before
    assert chat.press(reply.buttons[0], user=user)
    assert _stage(session_factory, title) == "negotiation"
    [(notes,)] = visit_rows(session_factory, "notes")
    assert notes == rest


def test_a_deal_moved_with_a_slip_and_nothing_else_moves_it_without_a_question(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("tencent cloud migration -> negotiaton", user="Bo").ok
    assert _stage(session_factory, "cloud migration") == "negotiation"


@pytest.mark.parametrize("said, answers, follow_up", [
    ("Umbrella: called their ops lead, no interest in cloud for now. try again in march", ("1", "1"),
     dt.date(2027, 3, 1)),
    ("call with umbrella ops lead today, no budget till Q2. follow up start of march", ("1",),
     dt.date(2027, 3, 1)),
    ("Umbrella - spoke to the sales lead, they need a quote. follow up fri", ("1",), dt.date(2026, 12, 11)),
    ("met umbrella's lead engineer, loved the demo", ("1",), None),
])
def test_a_persons_title_with_lead_in_it_is_no_stage(session_factory, said, answers, follow_up):
    chat = _chat(session_factory)
    deals = deal_rows(session_factory)
    reply = chat.reply(said, user="Bo")
    assert not reply.ok and "deal " not in reply.text and " lead\n" not in reply.text, reply.text
    for answer in answers[:-1]:
        assert not chat.reply(answer, user="Bo").ok  # `in march`: a follow-up day, or the notes? asked
    assert chat.reply(answers[-1], user="Bo").ok
    assert deal_rows(session_factory) == deals
    [(customer, notes, day)] = visit_rows(session_factory)
    assert customer == "Umbrella" and not notes.startswith("Umbrella:") and day == follow_up


@pytest.mark.parametrize("said, user, said_back", [
    ("聯想那個續約 金額改成10萬", "张伟", "你在联想没有进行中的商机"),
    ("联想的单子 金额改成10万", "张伟", "你在联想没有进行中的商机"),
    ("lenovo renewal amount to 100k", "Ana", "You have no open deal with 联想"),
    ("change the amount on the stark deal to 90k", "Ana", "You have no open deal with Stark Industries"),
])
def test_an_amount_changed_with_no_deal_of_theirs_is_said_so_never_a_visit(session_factory, said, user,
                                                                          said_back):
    chat = _chat(session_factory)
    before, deals = records(session_factory), deal_rows(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and said_back in reply.text and not reply.buttons, reply.text
    assert "10万" in reply.text or "k" in reply.text
    assert records(session_factory) == before and deal_rows(session_factory) == deals


def test_a_new_deal_glued_to_its_title_beside_one_of_that_title_asks_new_or_that_one(session_factory):
    chat = _chat(session_factory)
    before = deal_rows(session_factory)
    reply = chat.reply("京东续约新开个单 明年的 预计9万 3月底", user="张伟")
    assert not reply.ok and '"续约 2027"' in reply.text and "拜访" not in reply.text, reply.text
    assert deal_rows(session_factory) == before
    assert chat.reply("1", user="张伟").ok
    assert deal_rows(session_factory, "title", "amount", "expected_close")[-1] == (
        "续约 2027", 90000, dt.date(2027, 3, 31))
    assert [r for r in deal_rows(session_factory) if r[0] != deal_rows(session_factory)[-1][0]] == before


@pytest.mark.parametrize("said, title, amount, close", [
    ("华为维保新开个单 预计20万 明年6月", "维保", 200000, dt.date(2027, 6, 1)),
    ("京东数据中台新开个单 预计30万 3月底", "数据中台", 300000, dt.date(2027, 3, 31)),
])
def test_a_new_deal_glued_to_its_title_is_made(session_factory, said, title, amount, close):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok, reply.text
    stored = deal_rows(session_factory, "title", "amount", "expected_close", "owner")[-1]
    assert stored == (title, amount, close, "张伟")
    assert visit_rows(session_factory) == []


@pytest.mark.parametrize("said, day", [
    ("Umbrella的跟进设成明天", dt.date(2026, 12, 8)),
    ("set the umbrella follow up to fri", dt.date(2026, 12, 11)),
    ("把Umbrella的回访定在下周一", dt.date(2026, 12, 14)),
    ("umbrella的跟进改为周四", dt.date(2026, 12, 10)),
])
def test_a_follow_up_set_by_name_just_after_a_visit_is_that_visits(session_factory, said, day):
    chat = _chat(session_factory)
    chat.said_ok("visit Umbrella: met their CIO, wants a demo", user="Bo")
    reply = chat.reply(said, user="Bo")
    assert reply.ok and "#" in reply.text, reply.text
    [(customer, _notes, follow_up)] = visit_rows(session_factory)
    assert customer == "Umbrella" and follow_up == day


@pytest.mark.parametrize("said, user", [
    ("任务1删掉 不用了", "王芳"),
    ("删掉任务1 不用了", "王芳"),
    ("把任务1删了，客户取消了", "王芳"),
    ("delete task 1, not needed", "王芳"),
    ("delete task 1 not needed anymore", "王芳"),
])
def test_a_delete_with_its_why_deletes_that_task_never_a_new_one(session_factory, said, user):
    chat = _chat(session_factory)
    chat.said_ok("task @张伟 prep QBR deck fri", user="王芳")
    tasks = task_rows(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and "#1" in reply.text and reply.buttons, reply.text
    assert task_rows(session_factory) == tasks
    assert chat.press(reply.buttons[0], user=user)
    assert task_rows(session_factory) == []


@pytest.mark.parametrize("said, user, day, note", [
    ("下周三下午要请半天假 去医院", "张伟", dt.date(2026, 12, 16), "去医院"),
    ("明天上午请半天假 家里有事", "张伟", dt.date(2026, 12, 8), "家里有事"),
    ("周四上午想请个假 去银行办事", "张伟", dt.date(2026, 12, 10), "去银行办事"),
    ("off next wed afternoon, doctor", "Ana", dt.date(2026, 12, 16), "doctor"),
    ("i'm off fri afternoon for the dentist", "Ana", dt.date(2026, 12, 11), "dentist"),
])
def test_a_half_days_leave_with_its_why_offers_the_whole_day_never_a_task(session_factory, said, user, day,
                                                                          note):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and ("整天" in reply.text or "whole day" in reply.text), reply.text
    assert "任务" not in reply.text and "task" not in reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert leave_rows(session_factory) == [(user, day, day)]
    assert note in str(leave_rows(session_factory, "note"))
    assert task_rows(session_factory) == []


@pytest.mark.parametrize("said, user", [
    ("Initech那单我们接了？没有，Initech不是我的。看下 deals team", "Ana"),
    ("did we get the initech deal? no, not mine. check deals team", "Ana"),
    ("globex still interested? haven't heard back since the demo", "Ana"),
    ("京东那个单子是谁在跟？不是我吧", "张伟"),
])
def test_a_question_is_never_offered_as_a_visit(session_factory, said, user):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert "is this a visit" not in reply.text and "这是一次拜访吗" not in reply.text, reply.text
    assert f"visit {said}" not in reply.text and f"：{said}" not in reply.text
    assert not any("visit" in b.label.lower() or "拜访" in b.label for b in reply.buttons)
    assert records(session_factory) == before
