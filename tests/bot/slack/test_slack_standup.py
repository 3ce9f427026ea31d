"""Standups on Slack: the prompt arrives as a DM; a reply in its thread is the answer, even one
that starts like a command ("Visited …")."""
from fakes.slack_api import _all_text
from storage.models.base import utcnow
from storage.models.sales import Visit
from storage.models.team import StandupAnswer
from support import count
from worker.plan import fire, plan


def test_a_reply_in_the_prompts_thread_is_the_standup_answer(slack):
    slack.fake.add_user("U2", "Bo")
    slack.say("/salesbot", "help", user="U1")  # Ana: the workspace's admin
    slack.say("/salesbot", "help", user="U2")  # Bo: a rep
    with slack.core.session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    assert fire(slack.core.session_factory, spec, utcnow(), manual=True) == 1  # Bo's prompt
    slack.event({"type": "message", "channel_type": "im", "channel": "DU2", "user": "U2",
                 "text": "Visited Initech; today the demo for Acme", "ts": "1700000001.000200",
                 "thread_ts": "1700000000.000100"})
    answered = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                            if "standup answer is in" in _all_text(c.params)])
    assert answered[0].params["channel"] == "DU2"
    assert count(slack.core.session_factory, StandupAnswer) == 1
    assert count(slack.core.session_factory, Visit) == 0
