"""App Home: a rep's pace this period, open deals by stage, their to-do list (tasks, follow-ups,
customers due a visit), scorecard, the team's contest while one runs and the team's tips, the most
liked first; a manager also sees their team: pace, pipeline, open tasks, scorecard, customers due
a visit and the quarter's wins and losses by reason. Published when the tab opens and again after
the user changes data. Buttons work here as in a message (a 👍 on a tip, ✓ on a due visit).
"""
from __future__ import annotations

import logging
import threading
import time
import uuid

from slack_bolt import App as BoltApp
from slack_sdk.errors import SlackApiError

from bot.slack.after_ack import after_ack
from bot.slack.render import render_slack
from bot.slack.users import outsider, own_teams, tenant_of
from handlers.grammar import commands as c
from handlers.inbound import Inbound
from handlers.text.reply import Reply

log = logging.getLogger(__name__)
TEAM = c.Scope("team")
REP_VIEWS = (c.ShowProgress(), c.ShowPipeline(), c.ListFollowups(), c.ShowScorecard(), c.ShowContest(),
             c.FindTips())
MANAGER_VIEWS = (c.ShowProgress(TEAM), c.ShowPipeline(TEAM), c.ListTasks(), c.ShowScorecard(TEAM),
                 c.ShowDueVisits(team=True), c.ShowReasons(TEAM, c.Period("quarter")))
MAX_BLOCKS = 100


def _worth_showing(command, reply: Reply) -> bool:
    """Reps are refused team views: they simply do not see them; a contest only with standings."""
    return reply.ok and (not isinstance(command, c.ShowContest) or reply.table is not None)


def home_blocks(runner, client, workspace: str, user_id: str) -> list[dict]:
    """The home tab's blocks: the answers to the same commands a user could type."""
    replies = [runner.run(client, workspace, user_id, REP_VIEWS[0])]
    if replies[0].ok:  # else the database is away: said once
        for command in (*REP_VIEWS[1:], *MANAGER_VIEWS):
            reply = runner.run(client, workspace, user_id, command)
            if _worth_showing(command, reply) and reply not in replies:  # a rep's `tasks` is their to-do
                replies.append(reply)
    blocks: list[dict] = []
    for reply in replies:
        section = render_slack(reply, reply.locale)
        if len(blocks) + len(section) + 1 > MAX_BLOCKS:
            break
        if blocks:
            blocks.append({"type": "divider"})
        blocks.extend(section)
    return blocks


def publish(runner, client, workspace: str, user_id: str) -> None:
    try:
        client.views_publish(user_id=user_id, view={
            "type": "home", "blocks": home_blocks(runner, client, workspace, user_id)})
    except SlackApiError:
        log.warning("views.publish failed for %s", user_id, exc_info=True)


class HomeRefresher:
    """Republishes a user's home a moment after they change data, at most once per `interval`
    seconds per user: a burst of commands costs one rebuild, and none holds up an answer."""

    def __init__(self, runner, delay: float = 1.0, interval: float = 30.0):
        self.runner = runner
        self.delay = delay
        self.interval = interval
        self._due: dict[str, tuple[float, object, object]] = {}
        self._last: dict[str, float] = {}
        self._wake = threading.Condition()
        threading.Thread(target=self._loop, name="home-refresher", daemon=True).start()

    def request(self, client, workspace: str, user_id: str) -> None:
        with self._wake:
            if user_id not in self._due:
                due = max(time.monotonic() + self.delay,
                          self._last.get(user_id, -self.interval) + self.interval)
                self._due[user_id] = (due, client, workspace)
                self._wake.notify()

    def _published(self, user_id: str) -> None:
        with self._wake:
            self._last[user_id] = time.monotonic()
            if len(self._last) > 10_000:  # forget the oldest: only recent ones matter
                for old in sorted(self._last, key=self._last.get)[:1_000]:
                    del self._last[old]

    def _loop(self) -> None:
        stopping = self.runner.core.stopping
        while not stopping.is_set():
            with self._wake:
                if not self._due:
                    self._wake.wait(1.0)  # and look again whether the process winds down
                    continue
                user_id, (due, client, workspace) = min(self._due.items(), key=lambda i: i[1][0])
                if due > time.monotonic():
                    self._wake.wait(min(due - time.monotonic(), 1.0))
                    continue
                del self._due[user_id]
            try:
                if self.runner.directory.has_opened_home(workspace, user_id):
                    self._published(user_id)
                    publish(self.runner, client, workspace, user_id)
            except Exception:  # a failed refresh must not stop the others
                if not stopping.is_set():  # one cut short by the process ending is no failure
                    log.exception("home refresh failed for %s", user_id)


def register(bolt: BoltApp, runner) -> None:
    def home_tab(ack, body, client) -> bool:
        ack()
        return body["event"].get("tab", "home") == "home"

    def opened(body, context) -> Inbound:
        user_id = body["event"]["user"]
        stranger = outsider(body["event"].get("user_team"), own_teams(context))  # Slack Connect
        return Inbound(tenant_of(context), user_id, "", body.get("event_id") or f"home:{uuid.uuid4().hex}",
                       work="outsider" if stranger else "home")

    after_ack(bolt.event("app_home_opened"), runner, "opened", opened, first=home_tab)
