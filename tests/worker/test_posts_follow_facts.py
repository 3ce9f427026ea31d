"""Posts follow the facts they tell (issue #24 item 5): a target-reached post queued by a win
that is undone, or by a rate that is taken back, is never sent; a post sent is withdrawn (where
the platform's sender can) or followed by one short correction; the worker drops a queued post
whose fact no longer holds when its turn comes."""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.text.reply import Reply
from handlers.text.reply_json import from_payload, to_payload
from storage.models.messaging import Delivery
from storage.models.sales import Deal
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository
from worker.delivery import DeliveryWorker
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, time: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=SHANGHAI)


def watch(session_factory, when):
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "watch"]
    fire(session_factory, spec, when)


def posts(session_factory):
    """The posts queued, but the console's own exchanges (each answer and the celebration it
    caused, shown in the chat at once, and corrections of those) and who joined: not the subject."""
    with session_factory() as s:
        rows = list(s.scalars(select(Delivery).order_by(Delivery.id)))
    chat = {d.id for d in rows if "answer:" in d.key}  # withdrawn ones too (`withdrawn:ID:KEY`)
    return [(d.key, d.status, d.fact, from_payload(d.payload).text if "fix" not in d.payload else d.payload)
            for d in rows if d.id not in chat and not d.key.startswith("joined:")
            and d.payload.get("fix", {}).get("of") not in chat]


class Platform:
    """A sender as the worker sees it: posts get ids; it can edit and delete (Slack, Teams), or not."""

    def __init__(self, can_fix=True):
        self.can_fix = can_fix
        self.shown: dict[str, str] = {}  # message id → what the channel shows now
        self.log: list[tuple[str, str]] = []

    def send(self, to, reply):
        message_id = f"m{len(self.log) + 1}"
        self.shown[message_id] = reply.text
        self.log.append(("send", reply.text))
        return message_id

    def fix(self, to, message_id, reply):
        if not self.can_fix:
            return False
        self.log.append(("fix", message_id))
        if reply is None:
            del self.shown[message_id]
        else:
            self.shown[message_id] = reply.text
        return True


def deliver(session_factory, sender):
    worker = DeliveryWorker(session_factory, sender)
    while worker.run_once():
        pass


def test_a_target_post_queued_by_a_win_that_is_undone_is_never_sent(team_chat, session_factory):
    team_chat.now = at("2026-11-24", "09:00")
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("won +Acme 120k", user="Ana")
    watch(session_factory, at("2026-11-24", "10:00"))
    [(key, status, fact, text)] = posts(session_factory)
    assert fact == "target:m2:revenue:month:2026-11-01" and "🎯 Ana reached" in text
    team_chat("undo", user="Ana")
    assert posts(session_factory) == []  # dropped with the win
    team_chat("won +Acme 130k", user="Ana")
    watch(session_factory, at("2026-11-24", "10:10"))  # true again: told again, with the new figure
    [(_key, _status, _fact, text)] = posts(session_factory)
    assert "¥130K" in text


def test_a_target_post_sent_is_withdrawn_when_a_rate_taken_back_leaves_the_rep_short(team_chat,
                                                                                   session_factory):
    team_chat.now = at("2026-11-24", "09:00")
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("rate USD 7.1", user="Mia")
    team_chat("won +Acme $15k", user="Ana")  # ¥106.5K at 7.1
    watch(session_factory, at("2026-11-24", "10:00"))
    platform = Platform()
    deliver(session_factory, platform)
    [posted] = [i for i, m in platform.shown.items() if "🎯 Ana reached" in m]
    team_chat("rate USD 6.5", user="Mia")  # ¥97.5K: short of the target
    deliver(session_factory, platform)
    assert not [m for m in platform.shown.values() if "🎯" in m]  # deleted where it was posted
    assert platform.log[-1] == ("fix", posted)


def test_where_a_platform_cannot_withdraw_one_short_correction_follows(team_chat, session_factory):
    team_chat.now = at("2026-11-24", "09:00")
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("won +Acme 120k", user="Ana")
    watch(session_factory, at("2026-11-24", "10:00"))
    platform = Platform(can_fix=False)  # a WeCom group robot: no recall
    deliver(session_factory, platform)
    team_chat("undo", user="Ana")
    deliver(session_factory, platform)
    sends = [text for kind, text in platform.log if kind == "send" and "🎯" in text]  # the target's
    assert len(sends) == 2 and "✏️ Correction" in sends[1] and "no longer holds" in sends[1]


def test_the_worker_drops_a_queued_post_whose_fact_no_longer_holds(session_factory):
    with session_factory.begin() as s:
        tenant = Tenant(platform="slack", external_id="T1")
        s.add(tenant)
        s.flush()
        OutboxRepository(s).enqueue_many([{  # no deal #46 is won
            "key": "announce:x", "tenant_id": tenant.id, "platform": "slack", "workspace": "T1",
            "target": "channel:C1", "payload": to_payload(Reply(title="🎉 Ana won Acme")), "fact": "won:46"}],
            dt.datetime.now(dt.timezone.utc))
    platform = Platform()
    deliver(session_factory, platform)
    assert platform.log == [] and posts(session_factory) == []


def test_a_contests_result_is_rewritten_when_a_record_behind_it_is_deleted(team_chat, session_factory):
    team_chat.now = at("2026-11-23", "09:00")
    team_chat("contest visits 11/23-11/27", user="Mia")
    team_chat("visit Acme: demo", user="Bo")
    team_chat("visit Hooli: demo", user="Bo")
    team_chat("visit Initech: demo", user="Ana")
    team_chat("visit Globex: demo", user="Ana")
    team_chat("visit Umbrella: demo", user="Ana")
    with session_factory() as s:
        [daily] = [p for p in plan(s) if p.kind == "daily"]
    fire(session_factory, daily, at("2026-11-30", "18:00"))  # Monday: the winner
    platform = Platform()
    deliver(session_factory, platform)
    [(message_id, final)] = [(i, m) for i, m in platform.shown.items() if "Contest over" in m]
    assert "🏆 Ana wins with 3!" in final
    team_chat.now = at("2026-11-30", "19:00")
    team_chat("visit #5 delete confirm", user="Ana")  # her last visit was not made: 2 each
    team_chat("visit #4 delete confirm", user="Mia")  # nor the one before (her manager): Bo wins
    deliver(session_factory, platform)
    assert ("fix", message_id) in platform.log
    assert "🏆 Bo wins with 2!" in platform.shown[message_id]
    assert len([m for m in platform.shown.values() if "Contest over" in m]) == 1


def test_a_win_is_announced_in_every_team_of_the_rep_that_has_a_channel(session_factory):
    from storage.models.team import Team
    from storage.models.workspace import Member
    from storage.people import PeopleRepository
    from support import Chat

    chat = Chat(session_factory, platform="slack", tenant="T1")
    chat.team()
    chat("team set Sales channel #sales", user="Mia")
    chat("team create East #east-sales", user="Mia")
    with session_factory.begin() as s:  # Ana in the default team and in East (issue #25 item 1)
        east = s.scalar(select(Team).where(Team.name == "East"))
        ana = s.scalar(select(Member).where(Member.display_name == "Ana"))
        PeopleRepository(s).join_team(east.id, ana.id)
    chat("won +Acme 48k: speed", user="Ana")
    with session_factory() as s:
        posted = sorted((d.target, d.fact) for d in s.scalars(select(Delivery)) if d.fact)
    assert posted == [("channel:#east-sales", "won:1"), ("channel:#sales", "won:1")]
    chat("undo", user="Ana")  # both withdrawn before they went
    with session_factory() as s:
        assert not [d for d in s.scalars(select(Delivery)) if d.fact]


def test_a_sent_post_at_an_address_no_longer_known_stays_and_the_undo_still_runs(team_chat, session_factory):
    """A post sent to a platform's own kind of address (the platform since removed) cannot be
    corrected there: the undo that makes it untrue still runs, and nothing is queued for it."""
    from storage.address import declare_kinds, forget_kinds

    team_chat.now = at("2026-11-24", "09:00")
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("won +Acme 120k", user="Ana")
    watch(session_factory, at("2026-11-24", "10:00"))
    deliver(session_factory, Platform())
    declare_kinds("room")
    try:
        with session_factory.begin() as s:  # the target post went to a room of a plugin
            [target] = s.scalars(select(Delivery).where(Delivery.fact.like("target:%"))).all()
            target.target, kept = "room:42", target.id
    finally:
        forget_kinds("room")  # … since removed
    answer = team_chat("undo", user="Ana")
    assert "Undone" in answer, answer
    with session_factory() as s:
        assert s.scalar(select(Deal.stage)) != "won"
        fixes = s.scalars(select(Delivery).where(Delivery.key.like("fix:%"))).all()
    assert fixes and kept not in [fix.payload["fix"]["of"] for fix in fixes]  # the win's post's only
