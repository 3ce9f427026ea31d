"""Display names and other user text reach Slack's mrkdwn escaped (`&`, `<`, `>`), in the `text`
fallback as in the blocks: a name of `<!channel>` never pings, `<https://x|y>` never links and
`<@U1>` never mentions, whether in a win posted to a channel, an admin's DM or a reply."""
import time

from fakes.slack_api import _all_text

HOSTILE = ("<!channel>", "<https://evil.example|click here>", "<@U1>")


def _mrkdwn(params: dict) -> list[str]:
    """The `text` fallback and every mrkdwn text of the blocks: what Slack would parse."""
    out = [params.get("text") or ""]

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                out.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(params.get("blocks"))
    return out


def _sent(slack) -> list[str]:
    texts = [t for c in slack.fake.called("chat.postMessage") for t in _mrkdwn(c.params)]
    return texts + [t for r in slack.fake.responses for t in _mrkdwn(r)]


def test_hostile_names_are_escaped_in_every_mrkdwn_text(slack, fake_slack):
    fake_slack.add_user("U7", "<!channel>")
    fake_slack.add_user("U8", "<https://evil.example|click here>")
    fake_slack.add_user("U6", "<@U1>")
    slack.say("/salesbot", "team create East #east")  # Mia, the admin
    for user in ("U7", "U8", "U6"):
        slack.say("/salesbot", "help", user=user)  # each join is told to the admin in a DM
    slack.say("/salesbot", "team add East <@U7> <@U8>")
    assert "&lt;@U1&gt; is now manager" in slack.say("/salesbot", "role <@U6> manager")
    status, path = slack.command("/won", "+Acme 10k: price", user="U7")
    slack.answers(path)
    slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                 if c.params["channel"] == "#east"])
    slack.fake.wait_for(lambda: sum("started using" in (c.params.get("text") or "")
                                    for c in slack.fake.called("chat.postMessage")) >= 3)
    time.sleep(0.3)  # let any other post arrive
    sent = _sent(slack)
    assert any("&lt;!channel&gt;" in t and "won Acme" in t for t in sent)
    assert any("&lt;!channel&gt; started using" in t for t in sent)
    for text in sent:
        for name in HOSTILE:
            assert name not in text, text


def test_a_deal_title_in_the_edit_form_is_escaped(slack, fake_slack):
    slack.say("/deal", 'Acme "<!here> deal" negotiation 48k')
    status, _ = slack.interact({
        "type": "block_actions", "user": {"id": "U1", "team_id": "T1"}, "trigger_id": "trig-edit",
        "container": {"type": "message"}, "channel": {"id": "C1"},
        "response_url": f"{slack.fake.url}/response/edit",
        "actions": [{"type": "button", "action_id": "salesbot.edit_deal", "block_id": "b", "value": "1",
                     "action_ts": "1700000000.000100"}]})
    assert status == 200
    [opened] = slack.fake.wait_for(lambda: slack.fake.called("views.open"))
    text = _all_text(opened.params)
    assert "&lt;!here&gt; deal" in text and "<!here>" not in text
