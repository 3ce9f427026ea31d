"""A win's post in the team channel follows the deal: reopened, it is edited to say so; won again,
it is edited (one 🎉 per win); undone, it is deleted — through chat.update and chat.delete, which
take the channel's id and the message's ts that chat.postMessage answered with."""


def _celebrations(fake):
    return [c for c in fake.called("chat.postMessage") if c.params["channel"] == "#east-sales"]


def test_a_win_post_is_edited_when_reopened_and_won_again_and_deleted_when_undone(slack):
    slack.say("/salesbot", "team create East #east-sales")
    slack.say("/salesbot", "team add East <@U1>")
    slack.dm("won +Acme 48k: beat them on delivery time")
    [post] = slack.fake.wait_for(lambda: _celebrations(slack.fake))
    channel = slack.fake.channel_ids["#east-sales"]
    [(where, text)] = [(k, v) for k, v in slack.fake.messages.items() if k[0] == channel]
    assert "🎉 Mia won Acme — ¥48K" in text and post.params["channel"] == "#east-sales"

    slack.dm("deal #1 reopen")
    slack.fake.wait_for(lambda: slack.fake.called("chat.update"))
    assert "↩ Reopened: 🎉" in slack.fake.messages[where]

    slack.dm("won #1 50k")
    slack.fake.wait_for(lambda: len(slack.fake.called("chat.update")) >= 2)
    assert "🎉 Mia won Acme — ¥50K" in slack.fake.messages[where]
    assert len(_celebrations(slack.fake)) == 1  # no second 🎉
    update = slack.fake.called("chat.update")[-1].params
    assert (update["channel"], update["ts"]) == where

    slack.dm("undo")
    slack.fake.wait_for(lambda: slack.fake.called("chat.delete"))
    assert where not in slack.fake.messages
    assert len(_celebrations(slack.fake)) == 1
