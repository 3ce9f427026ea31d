"""`render_slack(reply, locale)`: a Reply as Block Kit blocks, within Slack's limits.

Tables become aligned monospace sections (Block Kit has no table a phone shows well); buttons carry
the command they stand for, so a click runs through the same grammar and checks as typing it.
"""
from __future__ import annotations

from bot.render_text import table_lines
from handlers.grammar.command_json import button_values
from handlers.text import format as fmt
from handlers.text.reply import Heading, Reply

BUTTON_ACTION = "salesbot.cmd"  # + ".N": action ids must be unique within a block
EDIT_ACTION = "salesbot.edit_deal"
_EDIT_LABEL = ("✏️ Edit", "✏️ 编辑")
MAX_BLOCKS = 50
_SECTION_LIMIT = 3000


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:_SECTION_LIMIT]}}


def escape(text: str) -> str:
    """Slack's three control characters in user text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_slack(reply: Reply, locale: str) -> list[dict]:
    """Header, lines, fields, progress bars, table and buttons as Block Kit blocks."""
    blocks: list[dict] = []
    if reply.title:
        blocks.append({"type": "header",
                       "text": {"type": "plain_text", "text": reply.title[:150], "emoji": True}})
    if reply.lines:
        prefix = "" if reply.ok else ":warning: "
        blocks.append(_section(prefix + "\n".join(f"*{escape(line)}*" if isinstance(line, Heading)
                                                   else escape(line) for line in reply.lines)))
    if reply.fields:
        for start in range(0, len(reply.fields), 10):  # at most 10 fields a section
            blocks.append({"type": "section", "fields": [
                {"type": "mrkdwn", "text": f"*{escape(k)}*\n{escape(v)}"}
                for k, v in reply.fields[start:start + 10]]})
    for bar in reply.bars:
        text = f"*{escape(bar.label)}*  `{fmt.bar(bar.share)}` {fmt.percent(bar.share)}"
        if bar.detail:
            text += f"\n{escape(bar.detail)}"
        blocks.append(_section(text))
    if reply.table:
        blocks.append(_section("```" + escape("\n".join(table_lines(reply.table))) + "```"))
    if reply.notes:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": escape(note)[:3000]} for note in reply.notes[:10]]})
    if reply.buttons:
        elements = [
            {"type": "button", "action_id": f"{BUTTON_ACTION}.{i}", "value": value,
             "text": {"type": "plain_text", "text": button.label[:75], "emoji": True},
             **({"style": button.style} if button.style else {})}
            for i, (button, value) in enumerate(button_values(reply.buttons[:24], 2000))]
        if reply.subject.startswith("deal:"):
            elements.append({"type": "button", "action_id": EDIT_ACTION,
                             "value": reply.subject.removeprefix("deal:"),
                             "text": {"type": "plain_text", "text": _EDIT_LABEL[locale == "zh"],
                                      "emoji": True}})
        blocks.append({"type": "actions", "elements": elements})
    return blocks[:MAX_BLOCKS]


def fallback_text(reply: Reply) -> str:
    """The notification text Slack shows where blocks are not (push notifications, search): mrkdwn,
    so user text in it is escaped like the blocks' (a name of `<!channel>` pings nobody)."""
    return escape((reply.title or (reply.lines[0] if reply.lines else "salesbot"))[:300])
