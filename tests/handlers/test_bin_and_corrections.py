"""Deletes that can be taken back, and corrections that hold (issue #24 items 1, 3, 4, 6–8)."""
import datetime as dt

from sqlalchemy import select

from handlers.text.reply_json import from_payload
from handlers.text.when_read import as_sent
from storage.models.messaging import Delivery
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Contest, Tip
from support import count


def rows(chat, model, *columns):
    with chat.session_factory() as s:
        return s.execute(select(*(getattr(model, c) for c in columns)).order_by(model.id)).all()


def told(chat, prefix: str) -> list[str]:
    """What the outbox holds for someone, by key prefix (a DM to a record's owner)."""
    with chat.session_factory() as s:
        return [from_payload(d.payload).text for d in s.scalars(select(Delivery).where(
            Delivery.key.startswith(prefix)))]


def test_a_delete_asks_once_with_a_button_and_goes_to_the_bin(team_chat):
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("won #1 500k: speed", user="Ana")
    ask = team_chat.reply("deal #1 delete", user="Ana")
    assert "Delete deal #1 (Acme · Acme · Won ¥500K)?" in ask.text and "30 days" in ask.text
    assert count(team_chat.session_factory, Deal) == 1  # nothing deleted by the question
    [button] = ask.buttons
    done = team_chat.press(button, user="Ana")
    assert "Deleted deal #1" in done.text and "restore deal #1" in done.text
    assert count(team_chat.session_factory, Deal) == 0
    history = team_chat("deal #1 history", user="Mia")  # the manager still sees it, and who deleted it
    assert "Proposal → Won" in history
    assert "Mon, Nov 23 · Ana · deleted (in the bin: restore deal #1)" in history
    trash = team_chat("trash", user="Mia")
    assert "deal #1 (Acme · Acme · Won ¥500K) · deleted by Ana on Mon, Nov 23" in trash
    assert "回收站" in team_chat("回收站", user="Ana")
    assert not team_chat.reply("restore deal #1", user="Bo").ok  # not Bo's
    assert "Restored deal #1" in team_chat("restore deal #1", user="Mia")
    assert rows(team_chat, Deal, "id", "stage", "amount") == [(1, "won", 500000)]
    assert "Proposal → Won" in team_chat("deal #1 history", user="Ana")  # its history came back too
    assert "empty" in team_chat("trash", user="Ana")


def test_tasks_tips_and_customers_can_be_deleted_and_restored(team_chat):
    team_chat("task call Acme by fri", user="Ana")
    team_chat("tip pricing: bundle the service contract", user="Ana")
    assert not team_chat.reply("task #1 delete confirm", user="Bo").ok
    assert "Deleted task #1" in team_chat("task #1 delete confirm", user="Ana")
    assert "已删除经验 #1" in team_chat("经验 #1 删除 确认", user="Ana")
    assert count(team_chat.session_factory, Task) == 0 and count(team_chat.session_factory, Tip) == 0
    team_chat("restore task #1", user="Ana")
    team_chat("恢复 经验 #1", user="Ana")
    assert rows(team_chat, Task, "id", "title") == [(1, "call Acme")]
    assert rows(team_chat, Tip, "id") == [(1,)]
    team_chat("visit Globex: demo", user="Ana")
    team_chat("visit Globex: second", user="Bo")
    assert not team_chat.reply("customer Globex delete confirm", user="Ana").ok  # Bo's visit too
    team_chat("visit Initech: intro", user="Ana")
    assert "Deleted customer Initech" in team_chat("customer Initech delete confirm", user="Ana")
    assert [n for (n,) in rows(team_chat, Customer, "name")] == ["Globex"]
    assert "Restored customer Initech" in team_chat("restore customer Initech", user="Ana")
    assert count(team_chat.session_factory, Visit) == 3


def test_a_contest_is_given_new_days_or_cancelled_by_its_teams_manager(team_chat):
    team_chat("contest visits 11/23-11/30", user="Mia")
    assert not team_chat.reply("contest #1 11/23-12/10", user="Ana").ok
    assert "Mon, Nov 23 – Thu, Dec 10" in team_chat("contest #1 11/23-12/10", user="Mia")
    assert rows(team_chat, Contest, "ends_on") == [(dt.date(2026, 12, 10),)]
    assert not team_chat.reply("contest #1 cancel confirm", user="Ana").ok
    assert "已删除竞赛 #1" in team_chat("竞赛 #1 取消 确认", user="Mia")
    assert "No contest" in team_chat("contest", user="Ana")
    team_chat("undo", user="Mia")
    assert "Thu, Dec 10" in team_chat("contest", user="Ana")


def test_undoing_a_visit_removes_the_customer_it_created_unless_something_else_uses_it(team_chat):
    team_chat("visit Globex: demo", user="Ana")
    team_chat("undo", user="Ana")
    assert count(team_chat.session_factory, Customer) == 0
    card = team_chat.reply("scorecard month", user="Ana").table
    assert [row[1] for row in card.rows if row[0] == "New customers"] == ["0"]
    team_chat("visit Initech: intro", user="Ana")
    team_chat("deal Initech proposal 10k", user="Bo")
    out = team_chat("undo", user="Ana")
    assert "visit #2 to Initech is deleted" in out and "The customer Initech stays" in out
    assert [n for (n,) in rows(team_chat, Customer, "name")] == ["Initech"]


def test_a_won_deals_amount_hints_reopen_and_close_dates_are_in_its_history(team_chat):
    team_chat("deal Acme proposal 50k close 12/20", user="Ana")
    team_chat("deal #1 close 12/24", user="Ana")
    team_chat("won #1 60k", user="Ana")
    reply = team_chat.reply("deal #1 70k", user="Ana")  # the amount of a win: corrected, still won
    assert reply.ok and "¥60K → ¥70K (still won" in reply.text, reply.text
    reply = team_chat.reply("deal #1 negotiation", user="Ana")  # anything more: reopen it first
    assert not reply.ok and "reopen it first: deal #1 reopen" in reply.text
    assert [b.command for b in reply.buttons] == ["deal #1 reopen"]
    assert "close date Sun, Dec 20 → Thu, Dec 24" in team_chat("deal #1 history", user="Ana")
    assert "预计成交" in team_chat("商机 #1 历史", user="Ana")


def test_a_visits_customer_and_follow_up_day_can_be_changed(team_chat):
    team_chat("visit Globex: demo", user="Ana")
    assert "Visit #1: customer Globex → Acme Corp." in team_chat("visit #1 customer Acme Corp", user="Ana")
    assert "Visit #1 to Acme Corp: follow up Fri, Nov 27." in team_chat("visit #1 follow up fri", user="Ana")
    assert "拜访 #1" in team_chat("拜访 #1 跟进 下周二", user="Ana")
    assert rows(team_chat, Visit, "follow_up_on") == [(dt.date(2026, 12, 1),)]
    assert not team_chat.reply("visit #1 follow up someday", user="Ana").ok  # asked, not guessed
    assert "Undo it?" in team_chat("undo", user="Ana")  # after a message refused: which change, asked
    team_chat("undo confirm", user="Ana")
    team_chat("undo", user="Ana")
    with team_chat.session_factory() as s:
        visit = s.scalar(select(Visit))
        assert (s.get(Customer, visit.customer_id).name, visit.follow_up_on) == ("Acme Corp", None)


def test_merge_carries_tasks_and_keeps_the_better_tier_and_says_what_moved(team_chat):
    team_chat("visit Initech: intro", user="Ana")
    team_chat("customer Initech tier A", user="Ana")
    team_chat("visit Acme Corp: demo", user="Ana")
    team_chat("customer Acme Corp tier B", user="Ana")
    team_chat("task customer Initech: renew the NDA", user="Ana")
    out = team_chat('customer Initech merge into "Acme Corp"', user="Mia")
    assert "1 visit " in out and "Also moved: 1 task and 0 tips." in out
    assert "Acme Corp keeps the better tier: A." in out
    with team_chat.session_factory() as s:
        acme = s.scalar(select(Customer))
        assert (acme.name, acme.tier) == ("Acme Corp", "A")
        assert s.scalar(select(Task.customer_id)) == acme.id


def test_reassign_hands_over_tasks_and_open_follow_ups_and_says_so(team_chat):
    team_chat("visit Acme: demo; follow up fri", user="Ana")
    team_chat("task send the quote by fri", user="Ana")
    out = team_chat("reassign @Ana to @Bo confirm", user="Mia")
    assert "Bo also takes over 1 open task and 1 open follow-up (as tasks)." in out
    tasks = team_chat("tasks", user="Bo")
    assert "send the quote" in tasks and "follow up Acme (visit #1 by Ana)" in tasks
    assert "No follow-ups due" in team_chat("followups", user="Ana")


def test_a_manager_corrects_and_deletes_a_reps_visit_and_deal_and_the_rep_is_told(team_chat):
    team_chat("visit Acme: wrong", user="Ana")
    team_chat("deal Acme proposal 50k", user="Ana")
    assert not team_chat.reply("visit #1 notes met the CTO", user="Bo").ok  # another rep: no
    assert "notes now “met the CTO”" in team_chat("visit #1 notes met the CTO", user="Mia")
    assert "Negotiation" in team_chat("deal #1 negotiation", user="Mia")
    assert rows(team_chat, Deal, "owner_id", "stage")[0][1] == "negotiation"
    assert "Owner           Ana" in team_chat("deal #1 60k", user="Mia") or \
        "Ana" in team_chat("deal #1 history", user="Mia")
    team_chat("visit #1 delete confirm", user="Mia")
    assert count(team_chat.session_factory, Visit) == 0
    notes = told(team_chat, "changed:") + told(team_chat, "deleted:")
    assert any("Mia changed your record" in n and "met the CTO" in n for n in notes)
    assert any("Mia deleted your visit #1" in n for n in notes)
    assert "Mia" in team_chat("deal #1 history", user="Ana")  # audited: the history names her


def test_typos_in_corrections_store_nothing_and_say_what_to_type(team_chat):
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("visit Acme: hi", user="Ana")
    team_chat("task call Acme by fri", user="Ana")
    with team_chat.session_factory() as s:
        before = (s.scalar(select(Deal.stage)), s.scalar(select(Visit.customer_id)), count(
            team_chat.session_factory, Task))
    for text, hint in [("deal #1 delete confrim", "deal #1 delete confirm"),
                       ("visit #1 custmer Globex", "visit #1 customer Globex"),
                       ("visit #1 folow up fri", "visit #1 follow up fri"),
                       ("task #1 delete now", "now"), ("visit #1 follow up frdiay", "frdiay"),
                       ("restor deal #1", "restore deal #1"), ("trsh", "trash"),
                       ("contest #1 12/1-12/40", "12/1-12/40"), ("undo tha", "undo")]:
        reply = team_chat.reply(text, user="Ana")
        assert not reply.ok and hint in reply.text, (text, reply.text)
    with team_chat.session_factory() as s:
        after = (s.scalar(select(Deal.stage)), s.scalar(select(Visit.customer_id)), count(
            team_chat.session_factory, Task))
    assert after == before and count(team_chat.session_factory, Customer) == 1


def test_a_rep_told_of_a_managers_change_reads_it_in_their_own_language_and_days(team_chat):
    """Mia writes in Chinese; Ana reads English, and 'tomorrow' as of when the note reaches her."""
    team_chat("visit Acme: demo", user="Ana", lang="en")
    team_chat("deal Acme proposal 50k", user="Ana", lang="en")
    assert "明天" in team_chat("拜访 #1 跟进 明天", user="Mia", lang="zh")
    assert "谈判" in team_chat("商机 #1 谈判", user="Mia", lang="zh")
    notes = told(team_chat, "changed:")
    assert any(n.startswith("Mia changed your record: Visit #1") for n in notes), notes
    assert any("Proposal → Negotiation" in n for n in notes), notes
    assert not any(ch in n for n in notes for ch in "拜访谈判明天修改")
    with team_chat.session_factory() as s:
        [visit_note] = [from_payload(d.payload) for d in s.scalars(select(Delivery).where(
            Delivery.key.startswith("changed:visit:")))]
    day_after = team_chat.now + dt.timedelta(days=1)  # read a day late: tomorrow is today
    late = as_sent(visit_note, day_after).text
    assert "today" in late and "tomorrow" not in late
