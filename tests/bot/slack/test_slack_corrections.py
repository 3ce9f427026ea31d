"""Every correction a phone user makes, end to end over signed Slack requests: each is authorised like the
original action, changes only what it says, and leaves an audit row naming who, before and after."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from storage.models.workspace import Member
from support import audit_trail as audit
from support import deal_rows as deals


@pytest.fixture
def slack_say(slack):
    slack.say("/salesbot", "help", user="U1")  # Mia, the first: admin (and manager of the team)
    return lambda text, user: slack.say("/salesbot", text, user=user)


def test_corrections_over_slack(slack, slack_say):
    say = slack_say
    assert "Deal #1" in say('deal Acme Corp "ERP" proposal 50k', "U2")  # Ana
    assert "Deal #1 (ERP) belongs to Ana; only they can change it." in say("deal #1 delete", "U3")
    say("deal #1 60k", "U2")
    assert deals(slack.core) == [(1, "Acme Corp", "proposal", 60000)]
    say("deal #1 negotiation", "U2")
    history = say("deal #1 history", "U2")
    assert "Proposal → Negotiation" in history and "Ana" in history
    assert "Undone" in say("undo", "U2")
    assert deals(slack.core) == [(1, "Acme Corp", "proposal", 60000)]
    say("visit Acme Corp: intro", "U2")
    with slack.core.session_factory() as s:
        visit_id = s.scalar(select(Visit.id))
    say(f"visit #{visit_id} notes met the CTO", "U2")
    with slack.core.session_factory() as s:
        assert s.scalar(select(Visit.notes)) == "met the CTO"
    assert "only" in say('customer "Acme Corp" rename "Acme Corporation"', "U2")  # managers only
    say('customer "Acme Corp" rename "Acme Corporation"', "U1")
    asked = say("reassign <@U2> to <@U3>", "U1")  # Ana is still active: what moves is said first
    assert "confirm" in asked and deals(slack.core)[0][1] == "Acme Corporation"
    say("reassign <@U2> to <@U3> confirm", "U1")  # Ana leaves: her customers and open deals go to Bo
    with slack.core.session_factory() as s:
        owner = s.scalar(select(Member.display_name).join(Deal, Deal.owner_id == Member.id))
        name = s.scalar(select(Customer.name))
    assert (owner, name) == ("Bo", "Acme Corporation")
    assert "Delete deal #1" in say("deal #1 delete", "U3")  # asked first: nothing deleted yet
    assert deals(slack.core) == [(1, "Acme Corporation", "proposal", 60000)]
    assert "in the bin" in say("deal #1 delete confirm", "U3")
    assert deals(slack.core) == []
    actions = [(who, action) for who, action, _ in audit(slack.core)]
    for expected in [("Ana", "deal.create"), ("Ana", "deal.change"), ("Ana", "undo"), ("Ana", "visit.notes"),
                     ("Mia", "customer.rename"), ("Mia", "member.reassign"), ("Bo", "deal.delete")]:
        assert expected in actions, (expected, actions)
    renamed = next(d for _, a, d in audit(slack.core) if a == "customer.rename")
    assert (renamed["before"], renamed["after"]) == ("Acme Corp", "Acme Corporation")
