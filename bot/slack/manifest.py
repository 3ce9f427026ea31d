"""The Slack app manifest, made from what the code declares: the slash commands of
`handlers.grammar.intents`, the scopes the OAuth install asks for, the events the app listens to.
`salesbot slack manifest` prints it; `deploy/slack-manifest.yml` is its output for YOUR-HOST.
`--socket` makes the Socket Mode variant (no URLs at all: Slack sends everything over the
socket), `--org-deploy` one an Enterprise Grid org admin can install org-wide."""
from __future__ import annotations

from bot.slack.app import BOT_EVENTS, BOT_SCOPES
from handlers.grammar.intents import GENERAL, INTENTS

_HEAD = """\
# Slack app manifest: paste it at api.slack.com/apps → Create New App → From a manifest.
# Replace YOUR-HOST with where the `web` process is reachable (see docs/slack.md).
# Made by `salesbot slack manifest --host YOUR-HOST` from the code's declarations: do not edit.
display_information:
  name: salesbot
  description: Log visits, move deals and see your pace against target, in English or 中文.
  background_color: "#1d4e89"
features:
  app_home:
    home_tab_enabled: true
    messages_tab_enabled: true
    messages_tab_read_only_enabled: false
  bot_user:
    display_name: salesbot
    always_online: true
  slash_commands:
"""


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def manifest(host: str = "YOUR-HOST", socket: bool = False, org_deploy: bool = False) -> str:
    url = f"https://{host}/slack/events"
    head = _HEAD.rstrip("\n")
    if socket:
        head = head.replace(
            "# Replace YOUR-HOST with where the `web` process is reachable (see docs/slack.md).",
            "# Socket Mode: no public URL (run `salesbot socket`; see docs/slack.md).")
        head = head.replace("--host YOUR-HOST", "--socket")
    lines = [head]
    for slash in [i.slash for i in INTENTS if i.slash] + [GENERAL]:
        lines += [f"    - command: {slash.name}", *([] if socket else [f"      url: {url}"]),
                  f"      description: {_quoted(slash.description[0])}"]
        lines += [f"      usage_hint: {_quoted(slash.hint)}"] if slash.hint else []
        lines.append("      should_escape: true")
    lines += ["oauth_config:", *([] if socket else ["  redirect_urls:", f"    - https://{host}/slack/oauth_redirect"]),
              "  scopes:", "    bot:", *(f"      - {scope}" for scope in BOT_SCOPES),
              "settings:", "  event_subscriptions:", *([] if socket else [f"    request_url: {url}"]),
              "    bot_events:", *(f"      - {event}" for event in BOT_EVENTS),
              "  interactivity:", "    is_enabled: true",
              *([] if socket else [f"    request_url: {url}", f"    message_menu_options_url: {url}"]),
              f"  org_deploy_enabled: {str(org_deploy).lower()}",
              f"  socket_mode_enabled: {str(socket).lower()}",
              "  token_rotation_enabled: false"]
    return "\n".join(lines) + "\n"
