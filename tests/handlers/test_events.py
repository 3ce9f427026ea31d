"""The one way out: every event kind becomes the outbox rows (key, platform, address, fact) of
everyone who must hear it, through a real database (`handlers.outgoing.queue`).

A Slack workspace `T1`: Mia (its first member: admin), reps Ana and Bo in the team everyone
starts in, `Sales`, which posts to `#sales`. Slack user ids are the names the chat gives.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.events import (
    Answer,
    ContestCancelled,
    ContestChanged,
    ContestEnded,
    ContestStarted,
    MemberJoined,
    MemberTold,
    MessageEdited,
    Notice,
    PostCorrected,
    TargetReached,
    TaskGiven,
    TeamPost,
    WorkspaceConnected,
)
from handlers.outgoing import queue
from handlers.text.reply import Chart, Reply
from handlers.text.reply_json import from_payload
from storage.address import Address, Kind
from storage.models.messaging import Delivery
from storage.models.team import Team
from storage.models.workspace import Member, Tenant
from support import NOW, Chat

POST = Reply(title="📣 news", locale="en")


@pytest.fixture
def slack(session_factory):
    chat = Chat(session_factory, "T1", "slack")
    chat.team()
    chat("team set Sales channel #sales", user="Mia")
    return chat


def _ids(session_factory) -> dict[str, int]:
    with session_factory() as s:
        ids = {m.display_name: m.id for m in s.scalars(select(Member))}
        ids["Sales"] = s.scalar(select(Team.id).where(Team.name == "Sales"))
        return ids


def _queued(session_factory, events) -> list[tuple]:
    """Queue `events` for the Slack workspace; the rows written: (key, platform, target, fact)."""
    with session_factory.begin() as s:
        tenant = s.scalar(select(Tenant).where(Tenant.external_id == "T1"))
        before = set(s.scalars(select(Delivery.id)))
        queue(s, tenant, events, NOW)
        return [(d.key, d.platform, d.target, d.fact) for d in s.scalars(
            select(Delivery).where(Delivery.id.not_in(before)).order_by(Delivery.id))]


CASES = {  # ids → (the event, the rows it makes: key, platform, address, fact)
    "a target reached: the team's channel, with its fact": lambda i: (
        TargetReached("target-reached:m2:revenue:month:2026-11-01", i["Sales"],
                      Reply(title="🎯", subject="target:m2:revenue:month:2026-11-01")),
        [("target-reached:m2:revenue:month:2026-11-01:slack", "slack", "channel:#sales",
          "target:m2:revenue:month:2026-11-01")]),
    "a contest started": lambda i: (
        ContestStarted(7, i["Sales"], POST), [("contest-start:7:slack", "slack", "channel:#sales", None)]),
    "a contest's days changed, each change told": lambda i: (
        ContestChanged(7, i["Sales"], POST, NOW),
        [(f"contest-edit:7:{NOW.isoformat()}:slack", "slack", "channel:#sales", None)]),
    "a contest cancelled": lambda i: (
        ContestCancelled(7, i["Sales"], POST, NOW),
        [(f"contest-cancel:7:{NOW.isoformat()}:slack", "slack", "channel:#sales", None)]),
    "a contest's result, which follows corrections": lambda i: (
        ContestEnded(7, i["Sales"], Reply(title="🏆", subject="contest:7")),
        [("contest-final:7:slack", "slack", "channel:#sales", "contest:7")]),
    "a task given: the assignee's DM": lambda i: (
        TaskGiven(3, i["Ana"], POST), [("task:3:given", "slack", "user:Ana", None)]),
    "a member told of a change to their record": lambda i: (
        MemberTold("changed:deal:1", i["Bo"], POST), [("changed:deal:1", "slack", "user:Bo", None)]),
    "a newcomer: the one told (a manager) hears it": lambda i: (  # Mia heard it when they joined
        MemberJoined(i["Ana"], i["Sales"], i["Bo"], POST),
        [(f"joined:{i['Ana']}:{i['Sales']}:{i['Bo']}", "slack", "user:Bo", None)]),
    "a workspace connected: another admin told": lambda i: (
        WorkspaceConnected("wecom", "corp", i["Mia"], POST),
        [(f"connected:wecom:corp:{i['Mia']}", "slack", "user:Mia", None)]),
    "a job's DM with a chart: the text, then the image on its own": lambda i: (
        Notice("digest:1", i["Ana"], Reply(title="Week", chart=Chart("c", ("a",), (1.0,)))),
        [("digest:1", "slack", "user:Ana", None), ("digest:1:chart", "slack", "user:Ana", None)]),
    "a job's team post, keyed KEY:PLATFORM as before events (nothing twice on the day of a deploy)":
        lambda i: (TeamPost("standup-summary:1:2026-11-23", i["Sales"], POST),
                   [("standup-summary:1:2026-11-23:slack", "slack", "channel:#sales", None)]),
    "an answer, to where it was said": lambda i: (
        Answer("answer:slack:Ev1", Address("slack", "T1", Kind.THREAD, "C9", thread="171.5"), POST),
        [("answer:slack:Ev1", "slack", "thread:C9:171.5", None)]),
    "a post corrected": lambda i: (
        PostCorrected(1, Address("slack", "T1", Kind.CHANNEL, "#sales"), None, POST, "fix:1:ab"),
        [("fix:1:ab", "slack", "channel:#sales", None)]),
    "a message edited (a pressed card)": lambda i: (
        MessageEdited("answer:slack:Ev2:card", Address.user("slack", "T1", "Ana"), "|A1", POST),
        [("answer:slack:Ev2:card", "slack", "user:Ana", None)]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_event_becomes_the_rows_of_those_who_must_hear_it(slack, session_factory, case):
    event, rows = CASES[case](_ids(session_factory))
    assert _queued(session_factory, [event]) == rows


def test_an_event_queued_twice_is_one_message(slack, session_factory):
    ids = _ids(session_factory)
    assert len(_queued(session_factory, [TaskGiven(3, ids["Ana"], POST)])) == 1
    assert _queued(session_factory, [TaskGiven(3, ids["Ana"], POST)]) == []


def test_a_win_is_posted_in_every_team_of_its_owner(slack, session_factory):
    """Ana is in East, which the admin made with its own channel, and in Sales (the team everyone
    starts in: added back to it, as joining East took her out): her win, said in a DM, reaches
    #sales and #east-sales, each once."""
    slack("team create East #east-sales", user="Mia")
    slack("team add East @Ana", user="Mia")
    assert "Ana" in slack("team add Sales @Ana", user="Mia")
    slack('deal Acme "ERP" negotiation 50k', user="Ana")
    assert "Deal #1 won" in slack("won Acme 48k: beat them on delivery time", user="Ana")
    with session_factory() as s:
        posts = s.execute(select(Delivery.platform, Delivery.target, Delivery.fact, Delivery.payload)
                          .where(Delivery.fact == "won:1").order_by(Delivery.id)).all()
    assert [(p, target, fact) for p, target, fact, _ in posts] == [
        ("slack", "channel:#sales", "won:1"), ("slack", "channel:#east-sales", "won:1")]
    assert all("🎉 Ana won Acme — ¥48K" in from_payload(payload).text for *_, payload in posts)


def test_a_win_with_no_team_place_is_told_where_it_was_said(session_factory):
    chat = Chat(session_factory, "T1", "slack")
    chat.team()
    chat('deal Acme "ERP" negotiation 50k', user="Ana")
    said = chat.exchange("won Acme 48k", user="Ana")
    [celebration] = said.posts  # the console's own answer path: `:announce` under the answer
    assert "🎉 Ana won Acme — ¥48K" in celebration.text
    with session_factory() as s:
        [(key, target)] = s.execute(select(Delivery.key, Delivery.target)
                                    .where(Delivery.fact == "won:1")).all()
    assert key.startswith("answer:slack:") and key.endswith(":announce") and target == "user:Ana"


def test_the_consoles_answer_is_an_outbox_row_sent_as_the_reply_shows(chat, session_factory):
    reply = chat.reply("visit Acme: met the CTO", user="Ana")
    with session_factory() as s:
        [row] = s.scalars(select(Delivery).where(Delivery.key.like("answer:console:%"))
                          .order_by(Delivery.id.desc()).limit(1))
        assert (row.platform, row.workspace, row.target, row.status) == (
            "console", "local", "user:Ana", "sent")
        assert from_payload(row.payload) == reply
    assert reply.ok and "Acme" in reply.text


@pytest.mark.parametrize("target, kind, fields", [
    ("user:U1", Kind.USER, {"id": "U1"}),
    ("channel:#east-sales", Kind.CHANNEL, {"id": "#east-sales"}),
    ("thread:C1:1712.0001", Kind.THREAD, {"id": "C1", "thread": "1712.0001"}),
    ("respond:auto:U1:https://hooks.slack.com/actions/T1/1/x", Kind.RESPOND,
     {"id": "U1", "mode": "auto", "url": "https://hooks.slack.com/actions/T1/1/x"}),
    ("chat:wrkSFf", Kind.CHAT, {"id": "wrkSFf"}),
    ("webhook:693a91f6-7xxx", Kind.WEBHOOK, {"id": "693a91f6-7xxx"}),
    ("conv:19:abc@thread.tacv2;messageid=1", Kind.CONV, {"id": "19:abc@thread.tacv2;messageid=1"}),
    ("card:zhangsan", Kind.CARD, {"id": "zhangsan"}),
])
def test_an_address_reads_and_writes_its_stored_form(target, kind, fields):
    address = Address.parse("p", "W", target)
    assert address.kind is kind and all(getattr(address, k) == v for k, v in fields.items())
    assert address.target == target


def test_an_address_of_no_known_kind_is_refused():
    with pytest.raises(ValueError):
        Address.parse("slack", "T1", "pigeon:42")

