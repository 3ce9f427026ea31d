"""Reps log visits and work deals: what they read, and what is stored (SQLite and PostgreSQL).

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from storage.models.sales import Customer, Deal, DealEvent, Visit
from storage.models.workspace import AuditLog
from support import count


def rows(session_factory, model, *where):
    with session_factory() as s:
        return list(s.scalars(select(model).where(*where).order_by(model.id)))


def test_visit_to_a_new_customer_is_stored_and_the_customer_created(team_chat):
    out = team_chat("visit Acme Corp: met the CTO, demo next Tue; follow up Fri")
    assert "Visit to Acme Corp logged." in out
    assert "New customer Acme Corp created." in out
    assert "Follow up  Fri, Nov 27" in out
    [visit] = rows(team_chat.session_factory, Visit)
    assert visit.notes == "met the CTO, demo next Tue"
    assert visit.follow_up_on == dt.date(2026, 11, 27) and not visit.follow_up_done
    assert visit.visited_at == team_chat.now
    [customer] = rows(team_chat.session_factory, Customer)
    assert customer.name == "Acme Corp"


def test_a_known_customer_is_matched_whatever_the_case_or_width(team_chat):
    team_chat("visit Acme Corp: intro")
    out = team_chat("visit ＡＣＭＥ  corp: second meeting")
    assert "New customer" not in out and "Visit to Acme Corp logged." in out
    assert count(team_chat.session_factory, Customer) == 1
    assert count(team_chat.session_factory, Visit) == 2


def test_an_ambiguous_customer_is_answered_with_candidates_and_nothing_stored(team_chat):
    team_chat("visit Acme East: hi")
    team_chat("visit Acme West: hi")
    reply = team_chat.reply("visit Acme: follow-up call")
    assert not reply.ok
    assert "Several customers match “Acme”" in reply.text
    assert "Acme East · Acme West" in reply.text
    assert count(team_chat.session_factory, Visit) == 2


def test_chinese_visit_gets_a_chinese_reply(team_chat):
    out = team_chat("拜访 华为：见了采购总监，下周二演示；跟进 周五", user="Bo")
    assert "已记录拜访：华为。" in out and "已新建客户：华为。" in out
    assert "纪要  见了采购总监，下周二演示" in out
    assert "跟进  11月27日周五" in out


def test_a_deal_is_created_moved_and_its_history_kept(team_chat):
    out = team_chat('deal Acme Corp "ERP rollout" proposal 50k close 12/20')
    assert "Deal #1 · ERP rollout" in out and "New deal created." in out
    assert "Proposal" in out and "¥50K" in out
    team_chat.now += dt.timedelta(days=3)
    out = team_chat("deal Acme negotiation")
    assert "Moved Proposal → Negotiation." in out
    [deal] = rows(team_chat.session_factory, Deal)
    assert (deal.stage, deal.amount, deal.probability) == ("negotiation", Decimal("50000.00"), 80)
    assert deal.expected_close == dt.date(2026, 12, 20)
    events = rows(team_chat.session_factory, DealEvent)
    assert [(e.kind, e.from_stage, e.to_stage) for e in events] == [
        ("created", None, "proposal"), ("stage", "proposal", "negotiation")]
    assert events[1].seconds_in_from_stage == 3 * 86400


def test_a_new_customer_is_not_mistaken_for_similar_ones(team_chat):
    team_chat("visit Acme East: hi")
    team_chat("visit Acme West: hi")
    out = team_chat("deal Acme Corp proposal 50k")
    assert "New customer Acme Corp created." in out and "Deal #1 · Acme Corp" in out
    out = team_chat("deal Acme East ERP 10k")  # `ERP` might be a stage misspelt: asked
    assert "Is “ERP” the title of a deal of Acme East?" in out and 'deal Acme East "ERP" 10k' in out
    out = team_chat("deal Acme East ERP lead 10k")  # beside a stage, a title is the only reading
    assert "Deal #2 · ERP" in out and "Acme East" in out and "New customer" not in out


def test_chinese_deal_splits_customer_and_title(team_chat):
    out = team_chat("商机 华为 ERP项目 方案呈现 5万 预计 12月20日", user="Bo")
    assert "商机 #1 · ERP项目" in out and "¥5万" in out and "方案呈现" in out
    out = team_chat("商机 华为 商务谈判", user="Bo")
    assert "阶段：方案呈现 → 商务谈判。" in out
    [customer] = rows(team_chat.session_factory, Customer)
    assert customer.name == "华为"


def test_amount_changes_are_recorded_as_events(team_chat):
    team_chat("deal Acme proposal 50k")
    team_chat("deal Acme 60k")
    events = rows(team_chat.session_factory, DealEvent, DealEvent.kind == "amount")
    assert [(e.old_amount, e.new_amount) for e in events] == [(Decimal("50000.00"), Decimal(60000))]


def test_winning_a_deal_celebrates_in_the_team_channel(team_chat):
    team_chat('deal Acme "ERP" negotiation 50k')
    said = team_chat.exchange("won +Acme 48k: beat them on delivery time")
    assert "Deal #1 won: Acme, ¥48K" in said.reply.text
    [celebration] = said.posts  # the console's team room: `channel:Sales`
    assert "🎉 Ana won Acme — ¥48K" in celebration.text
    assert "beat them on delivery time" in celebration.text
    [deal] = rows(team_chat.session_factory, Deal)
    assert (deal.stage, deal.amount, deal.reason) == ("won", Decimal("48000.00"),
                                                      "beat them on delivery time")
    assert deal.closed_at == team_chat.now


def test_a_won_deal_that_was_never_logged_is_created_won(team_chat):
    out = team_chat("赢单 +华为 4.8万：交付周期短", user="Bo")
    assert "赢单" in out and "¥4.8万" in out
    [deal] = rows(team_chat.session_factory, Deal)
    assert deal.stage == "won" and deal.amount == Decimal("48000.00")


def test_winning_without_a_deal_or_amount_asks_for_the_amount(team_chat):
    reply = team_chat.reply("won +Acme")
    assert not reply.ok and "How much was it?" in reply.text
    assert count(team_chat.session_factory, Deal) == 0
    assert count(team_chat.session_factory, Customer) == 0  # the whole message rolled back


def test_losing_a_deal_keeps_the_reason(team_chat):
    team_chat("deal Acme proposal 50k")
    out = team_chat("lost Acme: price too high")
    assert "marked lost" in out
    [deal] = rows(team_chat.session_factory, Deal)
    assert (deal.stage, deal.reason) == ("lost", "price too high")


def test_a_closed_deal_cannot_be_moved(team_chat):
    team_chat("deal Acme proposal 50k")
    team_chat("lost Acme: price")
    reply = team_chat.reply("deal #1 negotiation")
    assert not reply.ok and "already closed" in reply.text


def test_a_rep_cannot_touch_another_reps_deal(team_chat):
    team_chat('deal Acme "ERP" proposal 50k', user="Bo")
    for text in ("deal #1 negotiation", "deal Acme negotiation", "won #1", "lost Acme: x"):
        reply = team_chat.reply(text, user="Ana")
        assert not reply.ok, text
        assert "belongs to Bo" in reply.text, text
    [deal] = rows(team_chat.session_factory, Deal)
    assert deal.stage == "proposal"
    assert count(team_chat.session_factory, DealEvent) == 1


def test_a_rep_can_start_their_own_deal_with_a_shared_customer_by_title(team_chat):
    team_chat('deal Acme "ERP" proposal 50k', user="Bo")
    out = team_chat('deal Acme "CRM" lead 10k', user="Ana")
    assert "Deal #2 · CRM" in out
    owners = [(d.title, d.owner_id) for d in rows(team_chat.session_factory, Deal)]
    assert owners == [("ERP", 3), ("CRM", 2)]  # Mia 1, Ana 2, Bo 3


def test_several_open_deals_ask_which_one(team_chat):
    team_chat('deal Acme "ERP" proposal 50k')
    team_chat('deal Acme "CRM" lead 10k')
    reply = team_chat.reply("deal Acme negotiation")
    assert not reply.ok
    assert "deal #1 (ERP)" in reply.text and "deal #2 (CRM)" in reply.text


def test_deal_buttons_send_commands_that_work_when_pressed(team_chat):
    reply = team_chat.reply('deal Acme "ERP" proposal 50k')
    advance = reply.buttons[0]
    assert advance.label == "→ Negotiation"
    assert "Moved Proposal → Negotiation." in team_chat(advance.command)
    reply = team_chat.reply("商机 #1 预计 12月20日", user="Ana")
    assert [b.command for b in reply.buttons] == ["赢单 #1", "输单 #1"]


def test_followups_list_due_ones_and_done_closes_only_your_own(team_chat):
    team_chat("visit Acme: demo; follow up tomorrow")
    team_chat("visit Beta: call; follow up 12/20")  # beyond the coming week
    team_chat("visit Gamma: call; follow up today", user="Bo")
    out = team_chat("followups")
    assert "#1 Acme — tomorrow · demo" in out and "Beta" not in out and "Gamma" not in out
    reply = team_chat.reply("done 3")  # Bo's
    assert not reply.ok and "No open follow-up of yours has number #3" in reply.text
    assert "Marked 1 follow-up done." in team_chat("done 1")
    assert "No follow-ups due this week." in team_chat("followups")
    done = {v.id: v.follow_up_done for v in rows(team_chat.session_factory, Visit)}
    assert done == {1: True, 2: False, 3: False}


def test_overdue_followups_are_marked(team_chat):
    team_chat("visit Acme: demo; follow up tomorrow")
    team_chat.now += dt.timedelta(days=3)
    assert "Overdue\n#1 Acme — Tue, Nov 24" in team_chat("followups")
    assert "\n已逾期\n" in team_chat("待跟进")


def test_customer_tier_and_list(team_chat):
    team_chat("visit Acme: hi")
    out = team_chat("customer Acme tier A")
    assert "Customer Acme updated." in out
    assert [c.tier for c in rows(team_chat.session_factory, Customer)] == ["A"]
    team_chat("客户 +华为 B类", user="Bo")
    out = team_chat("customers")
    assert out.index("Acme") < out.index("华为")
    reply = team_chat.reply("customer 华为 tier C", user="Ana")
    assert not reply.ok and "belongs to Bo" in reply.text
    assert "华为" not in team_chat("customers A")


def test_a_close_without_a_reason_asks_for_one_with_buttons(team_chat):
    team_chat("deal Acme proposal 50k")
    reply = team_chat.reply("lost Acme")
    assert "marked lost" in reply.text and "What decided it?" in reply.text
    assert "Thanks for noting why" not in reply.text
    assert [b.command for b in reply.buttons][:2] == ["lost #1: price", "lost #1: product fit"]
    assert "Reason for deal #1 noted: price." in team_chat("lost #1: price")
    with team_chat.session_factory() as s:
        assert s.scalar(select(Deal.reason)) == "price"
    assert not team_chat.reply("lost #1: budget").ok  # a reason is there: closed, not changed
    assert not team_chat.reply("lost #1: budget", user="Bo").ok  # and never someone else's


def test_a_close_with_a_reason_thanks_for_it(team_chat):
    team_chat("deal Acme proposal 50k")
    reply = team_chat.reply("won +Acme 48k: beat them on delivery time")
    assert "Thanks for noting why." in reply.text and not reply.buttons
    zh = team_chat.reply("赢单 +华为 4.8万", user="Bo")
    assert "主要原因是什么？" in zh.text and zh.buttons[0].command == "赢单 #2: 价格"


def test_a_managers_bare_pipeline_is_the_teams(team_chat):
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("deal Initech negotiation 20k", user="Bo")
    out = team_chat("pipeline", user="Mia")
    assert "Sales" in out and "Open deals: 2 · ¥70K" in out
    assert "Open deals: 1 · ¥50K" in team_chat("pipeline", user="Ana")  # a rep's own


def test_deals_lists_open_deals_and_a_managers_the_teams(team_chat):
    team_chat("deal Acme proposal 50k close 12/20", user="Ana")
    team_chat('deal Initech "Pilot" negotiation 20k', user="Bo")
    mine = team_chat("deals", user="Ana")
    assert "Open deals · Ana" in mine and "#1" in mine and "Acme" in mine and "Initech" not in mine
    team = team_chat("deals", user="Mia")
    assert "Open deals · Sales" in team and "Pilot" in team and "Bo" in team
    assert "进行中的商机" in team_chat("我的商机", user="Bo")
    assert not team_chat.reply("deals team", user="Ana").ok  # reps see their own


def test_a_deals_history_shows_every_change_who_and_when(team_chat):
    team_chat.now = dt.datetime(2026, 11, 20, 2, tzinfo=dt.timezone.utc)
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat.now = dt.datetime(2026, 11, 23, 2, tzinfo=dt.timezone.utc)
    team_chat("deal #1 60k", user="Ana")
    team_chat("deal #1 negotiation", user="Ana")
    out = team_chat("deal #1 history", user="Ana")
    assert "Deal #1 · Acme · Acme: history" in out
    assert "Fri, Nov 20 · Ana · created at Proposal, ¥50K" in out
    assert "Mon, Nov 23 · Ana · ¥50K → ¥60K" in out and "Mon, Nov 23 · Ana · Proposal → Negotiation" in out
    assert "商机 #1" in team_chat("商机 #1 历史", user="Mia")  # her team's
    reply = team_chat.reply("deal #1 history", user="Bo")
    assert not reply.ok and "someone else's" in reply.text


def test_a_deals_title_customer_and_amount_are_corrected_from_chat_and_undone(team_chat):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat("visit Globex: intro", user="Ana")
    assert "Title: ERP → ERP rollout." in team_chat('deal #1 "ERP rollout"', user="Ana")
    assert "Customer: Acme → Globex." in team_chat("deal #1 customer Globex", user="Ana")
    assert "客户：Globex → Acme。" in team_chat("商机 #1 客户 Acme", user="Ana")
    team_chat("商机 #1 金额 6万", user="Ana")
    team_chat("deal #1 stage negotiation amount 70k", user="Ana")
    reply = team_chat.reply("deal #1 customer Initech", user="Bo")
    assert not reply.ok and "belongs to Ana" in reply.text
    assert not team_chat.reply("deal #1 Globex", user="Ana").ok  # a stray word: which field?
    with team_chat.session_factory() as s:
        deal = s.scalar(select(Deal))
        name = s.get(Customer, deal.customer_id).name
    assert (deal.title, name, deal.stage, deal.amount) == ("ERP rollout", "Acme", "negotiation", 70000)
    history = team_chat("deal #1 history", user="Ana")
    assert "title “ERP” → “ERP rollout”" in history and "customer Acme → Globex" in history
    for _ in range(4):
        team_chat("undo", user="Ana")
    with team_chat.session_factory() as s:
        deal = s.scalar(select(Deal))
        name = s.get(Customer, deal.customer_id).name
    assert (deal.title, name, deal.stage, deal.amount) == ("ERP rollout", "Acme", "proposal", 50000)


def test_a_visit_is_corrected_or_deleted_by_its_owner_only(team_chat):
    team_chat("visit Acme: wrong notes", user="Ana")
    assert "Visit #1 to Acme: notes now “met the CFO”." in team_chat("visit #1 notes met the CFO", user="Ana")
    reply = team_chat.reply("visit #1 delete", user="Bo")
    assert not reply.ok and "Visit #1 is Ana's" in reply.text
    assert "删除拜访 #1 (Acme)？" in team_chat("拜访 #1 删除", user="Ana")  # asked first
    assert count(team_chat.session_factory, Visit) == 1
    assert "已删除拜访 #1 (Acme)，放入回收站" in team_chat("拜访 #1 删除 确认", user="Ana")
    assert count(team_chat.session_factory, Visit) == 0
    assert not team_chat.reply("visit #1 delete", user="Ana").ok  # gone
    with team_chat.session_factory() as s:
        trail = s.execute(select(AuditLog.action, AuditLog.detail).where(AuditLog.entity == "visit")
                          .order_by(AuditLog.id)).all()
    assert [a for a, _ in trail] == ["visit.log", "visit.notes", "visit.delete"]
    assert trail[1][1]["before"] == "wrong notes" and trail[2][1]["what"] == "拜访 #1 (Acme)"


def test_a_deal_is_reopened_at_the_stage_it_was_closed_from_or_deleted(team_chat):
    team_chat("deal Acme negotiation 50k", user="Ana")
    team_chat("lost Acme: price", user="Ana")
    assert "Deal #1 (Acme) reopened at Negotiation." in team_chat("deal #1 reopen", user="Ana")
    with team_chat.session_factory() as s:
        deal = s.scalar(select(Deal))
        assert (deal.stage, deal.closed_at, deal.reason) == ("negotiation", None, "")
    assert not team_chat.reply("deal #1 reopen", user="Ana").ok  # open already
    assert not team_chat.reply("deal #1 delete", user="Bo").ok
    assert "已删除商机 #1 (Acme · Acme · 商务谈判 ¥5万)" in team_chat("商机 #1 删除 确认", user="Ana")
    assert count(team_chat.session_factory, Deal) == 0


def test_undo_reverses_my_last_changes_one_by_one_and_says_what(team_chat):
    team_chat("visit Acme: intro", user="Ana")
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("deal #1 negotiation 60k", user="Ana")
    team_chat("won #1 55k: speed", user="Ana")
    assert "Undone: deal #1 is back as it was, at Negotiation." in team_chat("undo", user="Ana")
    with team_chat.session_factory() as s:
        deal = s.scalar(select(Deal))
        assert (deal.stage, deal.amount, deal.reason, deal.closed_at) == ("negotiation", 60000, "", None)
    assert "at Proposal" in team_chat("undo", user="Ana")
    with team_chat.session_factory() as s:
        assert s.scalar(select(Deal.amount)) == 50000
    assert "the new deal #1 (Acme) is deleted" in team_chat("undo", user="Ana")
    assert "删除了拜访 #1（Acme）" in team_chat("撤销", user="Ana")
    assert count(team_chat.session_factory, Visit) == 0 and count(team_chat.session_factory, Deal) == 0
    reply = team_chat.reply("undo", user="Ana")
    assert not reply.ok and "Nothing of yours to undo" in reply.text


def test_undo_brings_back_a_deleted_visit_and_old_notes_and_not_someone_elses(team_chat):
    team_chat("visit Acme: first notes; follow up Fri", user="Ana")
    team_chat("visit #1 notes second notes", user="Ana")
    team_chat("visit #1 delete confirm", user="Ana")
    assert not team_chat.reply("undo", user="Bo").ok  # nothing of Bo's
    assert "the deleted visit to Acme is back" in team_chat("undo", user="Ana")
    with team_chat.session_factory() as s:
        visit = s.scalar(select(Visit))
    assert (visit.notes, visit.follow_up_on) == ("second notes", dt.date(2026, 11, 27))
    assert "Undone: the visit #2 to Acme" not in team_chat("undo", user="Ana")  # the notes next


def test_followups_come_in_buckets_and_can_be_snoozed_and_the_snooze_undone(team_chat):
    team_chat.now = dt.datetime(2026, 11, 16, 2, tzinfo=dt.timezone.utc)
    team_chat("visit Acme: intro; follow up 11/20", user="Ana")  # overdue by Nov 23
    team_chat.now = dt.datetime(2026, 11, 23, 2, tzinfo=dt.timezone.utc)
    team_chat("visit Initech: demo; follow up today", user="Ana")
    team_chat("visit Globex: call; follow up Thu", user="Ana")
    team_chat("visit Hooli: lunch; follow up 12/20", user="Ana")
    out = team_chat("followups", user="Ana")
    assert out.index("Overdue") < out.index("#1 Acme") < out.index("Today") < out.index("#2 Initech")
    assert out.index("This week") < out.index("#3 Globex") and "…and 1 later." in out
    assert "Follow-up #1 moved to" in team_chat("snooze 1 next week", user="Ana")
    with team_chat.session_factory() as s:
        assert s.get(Visit, 1).follow_up_on == dt.date(2026, 11, 30)
    assert not team_chat.reply("snooze 1 fri", user="Bo").ok  # not Bo's
    assert "跟进 #1 已恢复原日期" in team_chat("撤销", user="Ana")
    with team_chat.session_factory() as s:
        assert s.get(Visit, 1).follow_up_on == dt.date(2026, 11, 20)
    assert "跟进 #2 已推迟到" in team_chat("推迟 2 下周", user="Ana")
