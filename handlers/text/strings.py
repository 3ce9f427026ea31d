"""Every user-facing string, in English and Chinese. `t(locale, key, **values)` picks one."""
from __future__ import annotations

import string

from handlers.text.tables.asking import ASKING
from handlers.text.tables.closing import CLOSING
from handlers.text.tables.dialog import DIALOG
from handlers.text.tables.options import OPTIONS
from handlers.text.tables.sales import SALES
from handlers.text.tables.team import TEAM
from handlers.text.tables.undoing import UNDOING
from handlers.text.tables.workspace import WORKSPACE
from storage import pipelines

STAGE_NAMES = pipelines.CurrentTable("names")  # the current workspace's (storage/pipelines.py)
METRIC_NAMES = {
    "revenue": ("Revenue won", "业绩"), "deals_won": ("Deals won", "赢单数"),
    "new_customers": ("New customers", "新客户"), "visits": ("Visits", "拜访"),
}
PERIOD_NAMES = {"week": ("week", "周"), "month": ("month", "月"), "quarter": ("quarter", "季度"),
                "year": ("year", "年")}
ROLE_NAMES = {"rep": ("rep", "销售代表"), "manager": ("manager", "经理"), "admin": ("admin", "管理员"),
              "inactive": ("inactive", "停用")}
LIFECYCLE_NAMES = {"potential": ("potential", "潜在"), "intent": ("intent", "意向"),
                   "customer": ("customer", "成交客户")}

#: Common reasons a deal is won or lost, offered as buttons when none was given.
CLOSE_REASONS = (("price", "价格"), ("product fit", "产品匹配"), ("competitor", "竞争对手"),
                 ("timing", "时机"), ("budget", "预算"), ("relationship", "客户关系"))
#: why deals are won (`handlers/sales/reasons.py` WIN_CATEGORIES, in order; "other" is not offered)
WIN_REASONS = (("price", "价格"), ("product fit", "产品匹配"), ("delivery", "交付"),
               ("service", "服务"), ("relationship", "客户关系"))

# Command words the bot itself writes (buttons, hints), so a pressed button parses in either language.
WORDS = {"deal": ("deal", "商机"), "won": ("won", "赢单"), "lost": ("lost", "输单"),
         "done": ("done", "完成"), "visit": ("visit", "拜访"), "progress": ("progress", "进度"),
         "link": ("link", "关联"), "standup": ("standup", "站会"), "snooze": ("snooze", "推迟"),
         "task": ("task", "任务"), "customer": ("customer", "客户"), "tip": ("tip", "经验"),
         "like": ("like", "赞"), "contest": ("contest", "竞赛"), "undo": ("undo", "撤销"),
         "restore": ("restore", "恢复"), "trash": ("trash", "回收站"), "delete": ("delete", "删除"),
         "confirm": ("confirm", "确认"), "follow_up": ("follow up", "跟进")}

#: strings every area uses: not understood, not allowed, not found, refused input, help
GENERAL: dict[str, tuple[str, str]] = {
    # errors and usage
    "unknown": ("Sorry, I didn't get that. Try one of these:", "抱歉，没看懂。可以这样说："),
    "text_only": ("I read text messages only. Type help to see what I understand.",
                  "我只能读文字消息。发送“帮助”查看可用命令。"),
    "record_not_found": ("There is no {noun} {ref}.", "没有找到{noun} {ref}。"),
    "customer_unknown": ("There is no customer “{name}”.", "没有名为“{name}”的客户。"),
    "noun_deal": ("deal", "商机"), "noun_visit": ("visit", "拜访"), "noun_task": ("task", "任务"),
    "noun_tip": ("tip", "经验"), "noun_contest": ("contest", "竞赛"), "noun_target": ("target", "目标"),
    "noun_customer": ("customer", "客户"), "noun_leave": ("leave", "请假"),
    "could_not_run": ("Sorry, I couldn't run that message, and nothing of it was stored. Please try "
                      "again; if it keeps failing, tell your admin.",
                      "抱歉，这条消息没能处理，也没有保存任何内容。请再试一次；如果一直失败，请告诉管理员。"),
    "unreadable": ("I couldn't read that: it holds characters that are not text. Please type it again.",
                   "无法读取：消息里有不是文字的字符，请重新输入。"),
    "name_too_long": ("“{start}…” is too long: names and titles take at most {limit:character|characters}. "
                      "Shorten it and send it again.",
                      "“{start}…”太长了：名称和标题最多 {limit} 个字符，请缩短后重新发送。"),
    "too_long": ("That message is too long for one command. Please split it up.",
                 "这条消息太长了，请分成几条发送。"),
    "far_day": ("{day} is too far off: give a day from {first} to {last}. Nothing was saved.",
                "{day} 离今天太远：请填写 {first} 至 {last} 之间的日期。未保存任何内容。"),
    "bad_date": ("I couldn't read “{text}” as a date. Try 12/20, 2026-12-20, tomorrow or next Tue.",
                 "没认出日期“{text}”。可以写 12月20日、明天、下周二 或 3天后。"),
    "bad_count": ("“{text}” should be a whole number for this metric, e.g. 20.",
                  "“{text}”应该是整数，例如 20。"),
    "count_money": ("“{text}” is an amount of money, and this target counts, it doesn't sum money. "
                    "Nothing was saved. Did you mean a revenue target: {fixed}",
                    "“{text}”是金额，而这个目标计的是数量，不是金额，尚未保存。是要设业绩目标吗：{fixed}"),
    "usage_title": ("How to say it:", "正确的说法："),
    "not_allowed": ("Sorry, only a manager can do that.", "抱歉，只有经理可以这样操作。"),
    "admin_only": ("Sorry, only an admin can do that.", "抱歉，只有管理员可以这样操作。"),
    "not_your_team": ("You can only do that for teams you manage.", "只能对自己管理的团队这样操作。"),
    "not_your_member": ("You can only see your own numbers, or those of teams you manage.",
                        "只能查看自己的数据，或自己管理的团队成员的数据。"),
    "not_your_deal": ("Deal #{id} ({title}) belongs to {owner}; only they can change it.",
                      "商机 #{id}（{title}）属于{owner}，只有本人可以修改。"),
    "not_your_deal_hint": ("To start your own deal with {customer}, give it a title: {example}",
                           "如需为{customer}新建自己的商机，请加上名称：{example}"),
    "customer_other_team": ("{customer} is {owner}'s, of a team you don't manage: only its manager or "
                            "an admin can change it.",
                            "{customer}属于{owner}，不在你管理的团队：只有其团队经理或管理员可以修改。"),
    "not_your_customer": ("{customer} belongs to {owner}; ask them or a manager to change it.",
                          "{customer}由{owner}负责，请联系本人或经理修改。"),
    "deal_not_found": ("There is no deal #{id}.", "没有找到商机 #{id}。"),
    "no_open_deal": ("You have no open deal with {customer}. Say: {example}",
                     "你在{customer}没有进行中的商机。可以这样说：{example}"),
    "several_deals": ("You have several open deals with {customer}; say which one:",
                      "你在{customer}有多个进行中的商机，请指明是哪一个："),
    "customer_candidates": ("Several customers match “{name}”; which one did you mean?",
                            "有多个客户与“{name}”匹配，请问是哪一个？"),
    "member_unknown": ("I don't know anyone called “{name}”.", "没有找到名叫“{name}”的成员。"),
    "member_candidates": ("Several people match “{name}”: {names}", "有多人与“{name}”匹配：{names}"),
    "team_unknown": ("There is no team “{name}”. Teams: {teams}",
                     "没有名为“{name}”的团队。现有团队：{teams}"),
    "no_team": ("You are not in a team yet. A manager can add you: team add TEAM @you",
                "你还不在任何团队中。经理可以这样添加：团队 添加 团队名 @你"),
    "deal_closed": ("Deal #{id} is already closed ({stage}).", "商机 #{id} 已关闭（{stage}）。"),
    "deal_closed_reopen": ("To change it, reopen it first: {example}", "要修改，请先重开：{example}"),
    "reopen_word": ("reopen", "重开"),
    "need_amount": ("How much was it? Reply with the amount (80k), or say: {example}",
                    "成交金额是多少？直接回复金额（如 8万），或这样说：{example}"),
    "busy": ("Sorry, I'm busy saving other work and nothing of that message was stored. "
             "Please send it again in a moment.",
             "抱歉，系统正忙，刚才那条消息没有保存。请稍后再发一次。"),
    "unavailable": ("Sorry, I can't reach the database right now. Please try again in a minute.",
                    "抱歉，暂时无法连接数据库，请稍后再试。"),
    "you": ("Your progress", "我的进度"),
    "on": ("on", "开启"), "off": ("off", "关闭"),
    "help_title": ("What you can say", "可用命令"),
    "help_more": ("More on one command: help deal", "查看某个命令的详细说明：帮助 商机"),
    "help_more_words": ("Also: {words}", "还有：{words}"),
    "help_everyday": ("Everyday: {words}", "日常：{words}"),
    "help_admin": ("Admin: {words}", "管理员：{words}"),
    "help_unknown": ("No command uses “{word}”.", "没有用到“{word}”的命令。"),
    "help_near": ("No command uses “{word}”; “{near}” is used so:",
                  "没有用到“{word}”的命令；“{near}”的用法："),
}

#: areas' tables: each says its own strings (`handlers/text/tables/`)
TABLES = (GENERAL, ASKING, OPTIONS, DIALOG, SALES, UNDOING, TEAM, WORKSPACE, CLOSING)
#: every user-facing string: key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {key: value for table in TABLES for key, value in table.items()}

def t(locale: str, key: str, **values) -> str:
    """The message `key` in `locale` (`zh` or anything else for English), filled with `values`;
    its `_one` form, where there is one, when the number it counts (`count`, else `days`) is 1.
    A number written `{customers:customer|customers}` is said with its noun in the number's form
    (`1 customer`, `3 customers`: `counted`); Chinese writes `{customers}` and has no plural."""
    counted_value = values.get("count", values.get("days"))
    if str(counted_value) == "1" and f"{key}_one" in MESSAGES:
        key = f"{key}_one"
    return _COUNTED.format(MESSAGES[key][locale == "zh"], **values)


def counted(number, one: str, many: str) -> str:
    """`1 customer`, `0 customers`, `3 customers`: a number with its English noun."""
    return f"{number} {one if str(number) in ('1', '-1') else many}"


class _Counting(string.Formatter):
    """str.format, and `{n:one|many}` for a number said with its noun (`counted`)."""

    def format_field(self, value, format_spec: str):
        if "|" in format_spec:
            return counted(value, *format_spec.split("|", 1))
        return super().format_field(value, format_spec)


_COUNTED = _Counting()


def majority_locale(members) -> str:
    """The language of a post to a group: that of most of its members."""
    zh = sum(1 for m in members if m.locale == "zh")
    return "zh" if zh * 2 > len(members) else "en"


def name_of(table: dict[str, tuple[str, str]], key: str, locale: str) -> str:
    return table[key][locale == "zh"]
