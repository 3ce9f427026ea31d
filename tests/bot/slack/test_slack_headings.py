"""A list's headings (`This week`, `Tasks`) reach Slack as bold, through the real HTTP path and the
outbox, while the console shows them as plain words (tests/handlers): no handler writes markup."""
from fakes.slack_api import _all_text


def test_followup_headings_reach_slack_in_bold(slack):
    slack.say("/visit", "Acme Corp: demo; follow up in 3 days")
    status, path = slack.command("/followups", "")
    [answer] = slack.answers(path)
    assert "*This week*\n#1 Acme Corp" in _all_text(answer["blocks"])
