"""On Teams a win's post in the team's channel follows the deal: reopened, the activity is
updated (PUT …/activities/{id}); won again, updated again (one 🎉 per win); undone, deleted."""
from fakes.teams_driver import CHANNEL


def test_a_win_post_is_updated_when_reopened_and_won_again_and_deleted_when_undone(teams):
    teams.ask("help")  # Ana: the workspace's admin
    teams.say("team set Sales channel here", conversation=CHANNEL)
    teams.posted_to(CHANNEL)
    teams.ask("won +Acme 48k: fast delivery")
    [won] = teams.fake.wait_for(lambda: [p for p in teams.fake.to(CHANNEL) if "🎉" in p.text])
    [activity_id] = [i for i, (conv, _) in teams.fake.shown.items() if conv == CHANNEL and i.endswith(
        str(teams.fake.posted.index(won) + 1))]
    teams.ask("deal #1 reopen")
    teams.fake.wait_for(lambda: teams.fake.changes)
    assert teams.fake.changes[0] == ("PUT", CHANNEL, activity_id)
    assert "Reopened" in str(teams.fake.shown[activity_id][1])
    teams.ask("won #1 50k")
    teams.fake.wait_for(lambda: len(teams.fake.changes) >= 2)
    assert "¥50K" in str(teams.fake.shown[activity_id][1])
    assert len([p for p in teams.fake.to(CHANNEL) if "🎉" in p.text]) == 1  # no second 🎉
    teams.ask("undo")
    teams.fake.wait_for(lambda: len(teams.fake.changes) >= 3)
    assert teams.fake.changes[-1] == ("DELETE", CHANNEL, activity_id)
    assert activity_id not in teams.fake.shown
