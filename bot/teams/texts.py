"""What the bot says in Teams only (its install greetings, card answers), in English and Chinese;
the core's table (`handlers/text/strings.py`) holds what every platform says."""
from __future__ import annotations

TEXTS = {
    "teams_hello": ("Hello! I'm salesbot: visits, deals and targets from chat. Mention me with "
                    "a command (@salesbot help). A manager makes this channel the team's with "
                    "@salesbot team set TEAM channel here.",
                    "大家好！我是销售助手：在聊天里记录拜访、商机和目标。@我 加命令即可（@salesbot 帮助）。"
                    "经理发送 @salesbot 团队 设置 团队名 频道 这里，本频道即成为团队频道。"),
    "teams_welcome": ("Welcome, {name}! Write to me in a chat (help) to log visits and deals.",
                      "欢迎{name}！私聊我（帮助）即可记录拜访和商机。"),
    "teams_welcome_unnamed": ("Welcome! Write to me in a chat (help) to log visits and deals.",
                              "欢迎！私聊我（帮助）即可记录拜访和商机。"),
    "teams_text_only": ("I only read text, not pictures or files. Add a line of text, e.g. "
                        "visit Acme: met the CTO (help lists what I understand).",
                        "我只能读文字，看不了图片或文件。请加一行文字，例如：拜访 华为：见了采购总监"
                        "（发送 帮助 查看全部命令）。"),
    "teams_card_done": ("✓ {button} ({name})", "✓ {button}（{name}）"),
    "teams_action_sent": ("Done: the answer follows in this chat.", "已收到：回复随后发到本聊天。"),
    "teams_action_unknown": ("This card is out of date: type help to see what I understand.",
                             "这张卡片已过期：发送 帮助 查看我能听懂的命令。"),
}


def teams_text(locale: str, key: str, **values) -> str:
    """The Teams text `key` in `locale` (`zh`, else English), filled with `values`."""
    return TEXTS[key][locale == "zh"].format(**values)
