"""A signed fuzz of Teams activities shaped as the Bot Framework sends them (a message with a
mention, a card's submission, a member added) with a few fields changed: never a 500, never a
traceback in the web process or the worker. `SALESBOT_FUZZ_EXAMPLES` sets how many."""
import itertools
import json
import logging
from collections import Counter

import pytest
from hostile import fuzz_settings, mutations, settled, tracebacks
from hypothesis import given
from hypothesis import strategies as st

from fakes.teams_api import channel_token
from fakes.teams_driver import APP_ID, BOT, CHANNEL, mention_of
from support import call

_IDS = itertools.count(1)
PATHS = [("type",), ("text",), ("from",), ("from", "id"), ("from", "name"), ("from", "aadObjectId"),
         ("conversation",), ("conversation", "id"), ("conversation", "conversationType"),
         ("conversation", "tenantId"), ("recipient",), ("recipient", "id"), ("entities",), ("entities", 0),
         ("entities", 0, "text"), ("entities", 0, "mentioned"), ("entities", 0, "mentioned", "id"),
         ("entities", 1, "mentioned", "name"), ("value",), ("value", "form"), ("value", "customer"),
         ("value", "salesbot"), ("locale",), ("localTimezone",), ("channelData",), ("channelData", "tenant"),
         ("membersAdded",), ("membersAdded", 0, "id"), ("action",), ("id",), ("timestamp",), ("textFormat",)]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_signed_activities_never_get_a_500_or_a_traceback(teams, caplog):
    caplog.set_level(logging.WARNING)
    assert "Welcome" in teams.ask("help")
    url = teams.fake.service_url
    token = channel_token(APP_ID, url)
    message = teams.activity(text="<at>salesbot</at> team add Sales <at>Bo</at>", textFormat="plain",
                             conversation=CHANNEL,
                             entities=[mention_of(BOT, "salesbot"), mention_of("29:bo", "Bo")])
    form = teams.activity(value={"form": "visit", "customer": "Acme", "notes": "demo"})
    button = teams.activity(value={"salesbot": "progress"})
    added = teams.activity("conversationUpdate", conversation=CHANNEL,
                           membersAdded=[{"id": "29:new", "name": "New"}])
    seen = []

    @fuzz_settings()
    @given(activity=st.one_of(*(mutations(a, PATHS) for a in (message, form, button, added))))
    def check(activity):
        if activity.get("id") in (message["id"], form["id"], button["id"], added["id"]):
            activity["id"] = f"fz{next(_IDS)}"
        status = call(teams.web, "/api/messages", json.dumps(activity).encode(),
                      {"HTTP_AUTHORIZATION": f"Bearer {token}"})
        seen.append(status)
        assert status < 500
    check()
    settled(teams.core.session_factory)
    assert not tracebacks(caplog)
    print(f"teams fuzz: {len(seen)} requests, statuses {dict(Counter(seen))}")
    assert seen.count(200) >= len(seen) // 20  # a twentieth at least were read as activities
