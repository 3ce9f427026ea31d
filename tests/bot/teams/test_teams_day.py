"""A Teams-only team's day, end to end, and the scheduler's fan-out through the connector."""

import pytest
from sqlalchemy import select

from fakes.teams_driver import BOT, CHANNEL, TENANT, mention_of
from storage.models.base import utcnow
from storage.models.messaging import Delivery
from storage.models.sales import Deal
from storage.models.team import StandupAnswer
from storage.models.workspace import Member
from support import count, eventually, quiet
from worker.plan import fire, plan


def _job(core, kind):
    with core.session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == kind]
    assert fire(core.session_factory, spec, utcnow(), manual=True)


def _prompt_sent(core) -> bool:
    """Whether a standup prompt is recorded as sent: a rep's answer counts as one only after that."""
    with core.session_factory() as s:
        return s.scalar(select(Delivery.id).where(Delivery.key.like("standup-prompt:%"),
                                                  Delivery.status == "sent")) is not None


def test_a_teams_only_team_goes_through_a_whole_day(teams):
    mention = mention_of("29:ana", "Ana Li")
    teams.say("help", user="29:mia", name="Mia")  # the first member: admin
    teams.say("help")  # Ana, a rep
    teams.wait_chat(1)
    teams.post(teams.activity("conversationUpdate", conversation=CHANNEL, membersAdded=[{"id": BOT}],
                              user="29:mia", name="Mia", channelData={"tenant": {"id": TENANT}}))
    teams.posted_to(CHANNEL, 1)  # the hello, before anyone answers it
    teams.say("team set Sales channel here", conversation=CHANNEL, user="29:mia", name="Mia")
    teams.say("target <at>Ana Li</at> revenue 100k month", conversation=CHANNEL, user="29:mia", name="Mia",
              entities=[mention])
    posted = [p.text for p in teams.posted_to(CHANNEL, 3)]  # the greeting may come any time
    assert any("Sales now posts to this channel." in text for text in posted)
    assert any("100" in text for text in posted if "Hello!" not in text)

    assert "Visit to Acme logged." in teams.ask("visit Acme: demo went well")
    assert "Deal #1" in teams.ask('deal Acme "ERP" proposal 80k')
    assert "won" in teams.ask("won +Acme 80k: fast delivery").lower()
    celebration = teams.fake.wait_for(lambda: [p for p in teams.fake.to(CHANNEL) if "Acme" in p.text])
    assert "Ana Li" in celebration[0].text
    progress = teams.ask("progress")
    assert "80%" in progress and "Revenue" in progress
    with teams.core.session_factory() as s:
        assert s.query(Deal.stage).scalar() == "won"

    _job(teams.core, "standup")
    eventually(lambda: any("Standup" in text for text in teams.chat_of()))
    eventually(lambda: _prompt_sent(teams.core))  # the worker marks it sent after Teams' answer
    assert "standup" in teams.ask("called Acme, today a demo for Globex, no blockers").lower()
    with teams.core.session_factory() as s:
        assert s.query(StandupAnswer.text).scalar() == "called Acme, today a demo for Globex, no blockers"

    _job(teams.core, "digest")
    digest = teams.fake.wait_for(lambda: [p for p in teams.fake.to("a:chat-29:mia")
                                          if "digest" in p.text.lower()])
    assert "Sales" in digest[0].text
    images = teams.fake.wait_for(lambda: [
        item for p in teams.fake.to("a:chat-29:mia") for a in p.activity.get("attachments") or ()
        for item in a["content"]["body"] if item["type"] == "Image"])
    assert images[0]["url"].startswith("data:image/png;base64,")
    quiet(teams.core)  # each once
    assert len([p for p in teams.fake.to(CHANNEL) if "Acme" in p.text]) == 1


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the sender's behaviour, not the database's
def test_a_standup_prompt_to_20_members_arrives_once_each_under_429s(teams):
    teams.say("help", user="29:mia", name="Mia")  # admin: no prompt
    reps = [f"29:rep{i}" for i in range(20)]
    for index, rep in enumerate(reps):
        teams.fake.members[rep] = {"name": f"Rep {index}"}  # the team's roster
        if index % 2:  # half of them never wrote to the bot: their chat is made by the first prompt
            teams.say(f"team add Sales <at>Rep {index}</at>", user="29:mia", name="Mia",
                      entities=[mention_of(rep, f"Rep {index}")])
        else:
            teams.say("help", user=rep, name=f"Rep {index}")
    eventually(lambda: count(teams.core.session_factory, Member) == 21)
    teams.fake.wait_for(lambda: len(teams.fake.posted) >= 21)  # every answer is out (Mia and 20 reps)
    teams.fake.share_429 = 0.06
    _job(teams.core, "standup")

    def prompted(rep):
        return [p for p in teams.fake.posted if p.conversation.endswith(rep) and "Standup" in p.text]
    teams.fake.wait_for(lambda: all(prompted(rep) for rep in reps), timeout=60)
    quiet(teams.core)
    assert [len(prompted(rep)) for rep in reps] == [1] * 20
    assert teams.fake.limited > 0  # the fake did say 429, and every prompt still arrived once
    assert len(teams.fake.created) == 10
