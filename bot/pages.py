"""`/privacy` and `/terms`: the short pages an app store listing links to (the Teams manifest's
`privacyUrl` and `termsOfUseUrl`), in English and Chinese, from what docs/security.md states."""
from __future__ import annotations

import html

_PRIVACY = (
    "Privacy · 隐私",
    [("What salesbot stores",
      "The visits, deals, targets, customers and people your team records by chatting with it, your "
      "name, language and timezone as your chat platform (Slack, WeCom or Microsoft Teams) gives them, "
      "and an audit log of who changed what. It runs on your organisation's own server and database: "
      "no one else receives your data."),
     ("How long",
      "Sales records and people stay until an admin deletes them (people who leave are set inactive). "
      "Chat requests are kept one day, answers sent seven days, Teams cards with buttons thirty days, "
      "short-lived codes and tokens until they expire."),
     ("Secrets",
      "Platform secrets and tokens come from the server's environment, are never logged and never "
      "stored except the tokens a platform install needs."),
     ("salesbot 保存什么",
      "您的团队在聊天中记录的拜访、商机、目标、客户和人员，聊天平台（Slack、企业微信或 Microsoft Teams）"
      "提供的姓名、语言和时区，以及谁修改了什么的审计日志。数据只保存在贵单位自己的服务器和数据库中，"
      "不会发给任何第三方。"),
     ("保存多久",
      "销售记录和人员保留到管理员删除为止（离职人员设为停用）。聊天请求保留 1 天，已发送的回复保留 7 天，"
      "Teams 带按钮的卡片保留 30 天，临时验证码和令牌到期即删除。"),
     ("密钥",
      "平台密钥和令牌来自服务器的环境变量，从不写入日志，除平台安装所需的令牌外不存入数据库。")],
)

_TERMS = (
    "Terms of use · 使用条款",
    [("Use",
      "salesbot is open-source software (MIT licence), run by your organisation for its sales team. "
      "Your organisation decides who may use it and answers for the data its people enter."),
     ("No warranty",
      "It is provided as is, without warranty of any kind; its authors are not liable for any claim "
      "or damage arising from its use (see the MIT licence)."),
     ("使用",
      "salesbot 是开源软件（MIT 许可证），由贵单位为其销售团队运行。"
      "贵单位决定谁可以使用，并对其人员录入的数据负责。"),
     ("免责声明",
      "本软件按“原样”提供，不附带任何形式的保证；"
      "作者不对因使用本软件而产生的任何索赔或损失承担责任（见 MIT 许可证）。")],
)

PAGES = {"/privacy": _PRIVACY, "/terms": _TERMS}


def render_page(path: str) -> bytes:
    title, sections = PAGES[path]
    body = "".join(f"<h2>{html.escape(head)}</h2><p>{html.escape(text)}</p>" for head, text in sections)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>salesbot · {html.escape(title)}</title></head>"
            f"<body style=\"font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em\">"
            f"<h1>salesbot · {html.escape(title)}</h1>{body}</body></html>").encode()


def page(path: str, start_response) -> list[bytes]:
    data = render_page(path)
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                              ("Content-Length", str(len(data)))])
    return [data]
