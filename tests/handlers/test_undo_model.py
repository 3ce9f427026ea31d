"""One undo model (issue #24 items 1–3, #22 item 6): each person's changes are a stack; `undo`
takes the top one, whatever it was, or says exactly why it cannot and then goes on to the one
before it next time; it never skips silently and never gets stuck."""
import datetime as dt

from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Contest, Leave, Target, Team, Tip
from support import count


def rows(chat, model, *columns):
    with chat.session_factory() as s:
        return s.execute(select(*(getattr(model, c) for c in columns)).order_by(model.id)).all()


def test_undo_takes_the_most_recent_change_not_an_older_kind(team_chat):
    team_chat("visit Globex: demo", user="Ana")
    team_chat("task call Globex CFO by fri", user="Ana")
    out = team_chat("undo", user="Ana")
    assert "task #1 (call Globex CFO) is deleted" in out and "Undone" in out
    assert count(team_chat.session_factory, Task) == 0
    assert count(team_chat.session_factory, Visit) == 1  # the visit stays, for the next undo
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat("deal #1 95k", user="Ana")
    team_chat("tip pricing: bundle the service contract", user="Ana")
    team_chat("undo", user="Ana")
    assert count(team_chat.session_factory, Tip) == 0
    assert rows(team_chat, Deal, "amount") == [(95000,)]  # the deal is untouched


def test_undo_offers_itself_again_and_says_what_it_did(team_chat):
    team_chat("visit Globex: demo", user="Ana")
    reply = team_chat.reply("undo", user="Ana")
    assert reply.ok and "the visit #1 to Globex is deleted" in reply.text
    assert "the new customer Globex with it" in reply.text
    assert [b.command for b in reply.buttons] == ["undo confirm"]  # one further back, at once (r26)
    assert count(team_chat.session_factory, Customer) == 0  # no longer a "new customer"
    assert "已撤销" not in team_chat("undo", user="Ana") and not team_chat.reply("撤销", user="Ana").ok


def test_undo_is_never_stuck_behind_a_deleted_record(team_chat):
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("deal #1 negotiation", user="Ana")
    team_chat("deal #1 delete confirm", user="Ana")
    team_chat("visit Initech: intro", user="Ana")
    assert "visit #1" in team_chat("undo", user="Ana")
    assert "the deleted deal #1" in team_chat("undo", user="Ana")
    assert "at Proposal" in team_chat("undo", user="Ana")
    assert "the new deal #1" in team_chat("undo", user="Ana")
    assert count(team_chat.session_factory, Deal) == 0


def test_undo_refuses_a_change_someone_changed_since_and_says_who_then_goes_further_back(team_chat):
    team_chat("visit Hooli: lunch", user="Ana")
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("reassign @Ana to @Bo confirm", user="Mia")
    team_chat("deal #1 negotiation", user="Bo")
    reply = team_chat.reply("undo", user="Ana")
    assert not reply.ok and "Can't undo “deal Acme proposal 50k”" in reply.text
    assert "deal #1 was changed by Bo since (“deal #1 negotiation”)" in reply.text
    assert rows(team_chat, Deal, "stage") == [("negotiation",)]  # nothing undone
    assert "the visit #1 to Hooli is deleted" in team_chat("undo", user="Ana")  # the one before
    assert count(team_chat.session_factory, Deal) == 1


def test_a_follow_up_closed_by_mistake_is_opened_again(team_chat):
    team_chat("visit Acme: demo; follow up fri", user="Ana")
    team_chat("done 1", user="Ana")
    assert "follow-up #1 is open again" in team_chat("undo", user="Ana")
    assert "#1 Acme" in team_chat("followups", user="Ana")
    assert "Follow-up #1 moved to" in team_chat("snooze 1 next week", user="Ana")


def test_tiers_leave_tasks_and_tips_are_undone_by_their_author(team_chat):
    team_chat("visit Acme: intro", user="Ana")
    team_chat("customer Acme tier A", user="Ana")
    team_chat("leave 12/24-12/31", user="Ana")
    team_chat("task call Acme by fri", user="Ana")
    team_chat("done task 1", user="Ana")
    team_chat("tip pricing: bundle", user="Ana")
    for _ in range(2):
        team_chat("undo", user="Ana")
    assert rows(team_chat, Task, "done_at") == [(None,)] and count(team_chat.session_factory, Tip) == 0
    team_chat("undo", user="Ana")
    assert count(team_chat.session_factory, Task) == 0
    team_chat("undo", user="Ana")
    assert count(team_chat.session_factory, Leave) == 0
    team_chat("undo", user="Ana")
    assert rows(team_chat, Customer, "tier") == [(None,)]


def test_a_managers_actions_are_undone_by_the_manager(team_chat):
    team_chat("visit Initech: intro", user="Ana")
    team_chat('deal Acme Corp "ERP" proposal 50k', user="Ana")
    team_chat("task @Ana call Initech by fri", user="Mia")
    team_chat("target @Ana revenue 500k month", user="Mia")
    team_chat("tier A every 7 days", user="Mia")
    team_chat("contest visits 11/23-11/30", user="Mia")
    team_chat('customer Initech merge into "Acme Corp"', user="Mia")
    team_chat('customer "Acme Corp" rename "Acme Inc"', user="Mia")
    team_chat("reassign @Ana to @Bo confirm", user="Mia")
    assert not team_chat.reply("undo", user="Bo").ok  # nothing of Bo's
    with team_chat.session_factory() as s:
        settings = s.scalar(select(Team.settings))
    for _ in range(7):
        assert team_chat.reply("undo", user="Mia").ok
    assert rows(team_chat, Customer, "name") == [("Initech",), ("Acme Corp",)]
    assert count(team_chat.session_factory, Contest) == 0 and count(team_chat.session_factory, Target) == 0
    assert count(team_chat.session_factory, Task) == 0
    with team_chat.session_factory() as s:
        assert s.scalar(select(Team.settings)) != settings
        owners = {d.owner_id for d in s.scalars(select(Deal))}
        ana = s.scalar(select(Visit.member_id))
    assert owners == {ana}


def test_numbers_are_never_used_again(team_chat):
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("visit Acme: intro", user="Ana")
    team_chat("undo", user="Ana")
    team_chat("undo", user="Ana")
    assert "Deal #2" in team_chat("deal Globex lead", user="Ana")
    assert "done 2" in team_chat("visit Globex: demo; follow up fri", user="Ana")
    reply = team_chat.reply("won #1", user="Ana")  # an old button of the deal undone
    assert not reply.ok and "#1" in reply.text
    assert rows(team_chat, Deal, "id", "stage") == [(2, "lead")]


def test_the_undo_window_is_a_day(team_chat):
    team_chat("visit Acme: intro", user="Ana")
    team_chat.now += dt.timedelta(hours=25)
    reply = team_chat.reply("undo", user="Ana")
    assert not reply.ok and "last 24 hours" in reply.text
    assert count(team_chat.session_factory, Visit) == 1


def test_changes_are_purged_after_the_window_and_deletions_after_the_bins_days(team_chat):
    from storage.models.sales import Change
    from storage.retention import purge

    team_chat("visit Acme: intro", user="Ana")
    team_chat("deal Acme proposal 50k", user="Ana")
    team_chat("deal #1 delete confirm", user="Ana")
    with team_chat.session_factory.begin() as s:
        assert purge(s, team_chat.now + dt.timedelta(hours=25))["changes past undo"] == 2
    assert "deal #1" in team_chat("trash", user="Ana")
    with team_chat.session_factory.begin() as s:
        assert purge(s, team_chat.now + dt.timedelta(days=31))["bin"] == 1
        assert s.scalar(select(Change)) is None
    team_chat.now += dt.timedelta(days=31)
    assert not team_chat.reply("restore deal #1", user="Ana").ok
