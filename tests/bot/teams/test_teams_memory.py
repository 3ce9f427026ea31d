"""What a web process remembers of Teams people stays bounded however many it meets, and still
saves it the writes it need not repeat."""
import threading

from microsoft_agents.activity import Activity
from sqlalchemy import event

from fakes.teams_driver import TENANT
from storage import conversations


def _statements(engine, start: str = "") -> list[str]:
    """The SQL statements that begin with `start` sent from now on by this thread (the app's
    worker threads poll beside it)."""
    seen: list[str] = []
    me = threading.get_ident()

    def look(_conn, _cursor, statement, _parameters, _context, _many):
        if threading.get_ident() == me and statement.lstrip().upper().startswith(start):
            seen.append(statement)
    event.listen(engine, "before_cursor_execute", look)
    return seen


def test_conversation_references_are_kept_for_the_latest_people_and_written_once_each(teams):
    installs = teams.app.installs
    installs._saved.size = 3
    people = [f"29:rep{i}" for i in range(5)]
    activities = {user: Activity.model_validate(teams.activity(user=user, text="hi")) for user in people}
    writes = _statements(teams.core.engine, "UPDATE CONVERSATION_REFS")
    for user in people:
        installs.remember(activities[user], TENANT)
    assert len(writes) == 1 + len(people)  # the tenant's service URL once, each person's chat once
    assert len(installs._saved) == 3
    with teams.core.session_factory() as session:
        assert all(conversations.find(session, "teams", TENANT, f"user:{user}")["conversationId"]
                   == f"a:chat-{user}" for user in people)
    writes.clear()
    installs.remember(activities["29:rep4"], TENANT)  # remembered: nothing written again
    assert writes == []
    installs.remember(activities["29:rep0"], TENANT)  # forgotten here: written again, still right
    assert len(writes) == 1


def test_names_teams_gave_are_kept_for_the_latest_people_and_each_rename_written_once(teams):
    names = teams.app.names
    names._names.size = 2
    for i in range(4):
        teams.ask("help", user=f"29:rep{i}", name=f"Rep {i}")
    assert len(names._names) == 2
    sent = _statements(teams.core.engine)
    names.rename(TENANT, "29:rep3", "Rep 3")  # the name it gave last, remembered: not even a read
    assert sent == []
    names.rename(TENANT, "29:rep0", "Rep 0")  # forgotten here: looked at again, nothing changed
    assert sent and not any(s.lstrip().upper().startswith("UPDATE") for s in sent)
    assert names.stored_name(TENANT, "29:rep0") == "Rep 0"
    names.rename(TENANT, "29:rep0", "Rep Zero")  # a newer name: stored
    assert names.stored_name(TENANT, "29:rep0") == "Rep Zero"
