"""Every intent of the grammar, declared once: its words in English and Chinese, its parser, the
commands it makes, its usage examples, and its slash command.

Everything else is read from here: the keyword tables `parse` uses, `help` and the usage shown
after a bad command (`usage`), and the platforms' command lists (the Slack manifest, `salesbot
slack manifest`). How each command is run, and by whom, is `handlers/use_cases.py`: the grammar
imports no use case. A new command is one `Intent` below and one line there, plus its Command
dataclass, its parser and its handler.
"""
from __future__ import annotations

import datetime as dt

from handlers import places
from handlers.grammar import commands as c
from handlers.grammar.contest_metric import metrics_line
from handlers.grammar.intent_kinds import Intent, Parser, Slash
from handlers.grammar.parse_admin import (
    parse_calendar,
    parse_crm,
    parse_customer,
    parse_customers,
    parse_language,
    parse_leave,
    parse_link,
    parse_rate,
    parse_reassign,
    parse_role,
    parse_team,
    parse_tier,
)
from handlers.grammar.parse_closing import closing_parser
from handlers.grammar.parse_corrections import (
    contest_changes,
    deleting,
    parse_restore,
    parse_trash,
    visit_changes,
)
from handlers.grammar.parse_deals import parse_deal
from handlers.grammar.parse_done import parse_done
from handlers.grammar.parse_reports import (
    parse_deals,
    parse_digest,
    parse_leaderboard,
    parse_pipeline,
    parse_progress,
    parse_reasons,
    parse_scorecard,
    parse_stalled,
)
from handlers.grammar.parse_schedule import parse_schedule, parse_standup
from handlers.grammar.parse_stages import parse_stages
from handlers.grammar.parse_targets import parse_target
from handlers.grammar.parse_tasks import parse_due, parse_snooze
from handlers.grammar.parse_tips import parse_contest, parse_like, parse_tip
from handlers.grammar.parse_visits import parse_visit, parse_visits
from handlers.grammar.patterns import pattern
from handlers.grammar.task_reopen import parse_task_said


def _team_places(locale: str) -> tuple[str, ...]:
    """`team set East channel #east-sales` …: each platform's place, as it declares it."""
    head = "团队 设置 华东" if locale == "zh" else "team set East"
    return tuple(f"{head} {example}" for example in places.examples(locale))


def _bare(topic: str) -> Parser:
    """The parser of an intent that takes no words (`undo`, `followups`; `undo confirm` · `撤销 确认`:
    the undo of a change from longer ago, as the bot asked)."""
    make = {"undo": c.Undo, "followups": c.ListFollowups}[topic]
    sure = {"confirm", "确认"} if topic == "undo" else set()
    return lambda rest, _today: make() if not rest.strip() else make(sure=True) \
        if rest.strip().lower() in sure else c.ParseError(topic)


def _parse_help(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    topic = rest.strip().lower()
    return c.Help(intent_of(topic) or topic) if topic else c.Help()


INTENTS = (
    Intent("visit", ("visit", "visited"), ("拜访",), deleting("visit", visit_changes(parse_visit)),
           (("visit Acme Corp: met the CTO, demo next Tue; follow up Fri", "visit #12 notes met the CFO",
             "visit #12 delete"),
            ("拜访 华为：见了采购总监，下周二演示；跟进 周五", "拜访 #12 纪要 见了财务总监",
             "拜访 #12 删除")),
           (c.LogVisit, c.ChangeVisit),
           Slash("/visit", ("Log a customer visit (no text: a form)", "记录客户拜访（不带文字：打开表单）"),
                 "Acme Corp: met the CTO, demo next Tue; follow up Fri"),
           free_text=True),
    Intent("visits", ("visits",), ("拜访记录",), parse_visits,
           (("visits Acme Corp", "visits"), ("拜访记录 华为", "拜访记录")),
           (c.ListVisits,)),
    Intent("deal", ("deal",), ("商机",), deleting("deal", parse_deal),
           (('deal Acme Corp "ERP rollout" proposal 50k close 12/20', "deal Acme negotiation",
             "deal #12 negotiation", "deal #12 60k", 'deal #12 "New title"', "deal #12 customer Globex",
             "deal #12 reopen", "deal #12 delete", "deal #12 history"),
            ("商机 华为 ERP项目 方案呈现 5万 预计 12月20日", "商机 华为 商务谈判", "商机 #12 商务谈判",
             "商机 #12 6万", '商机 #12 "新标题"', "商机 #12 客户 腾讯", "商机 #12 重开", "商机 #12 删除",
             "商机 #12 历史")),
           (c.UpsertDeal, c.ChangeDeal, c.ShowDealHistory, c.Delete, c.ReassignDeal),
           Slash("/deal", ("Create or move a deal (no text: a form)", "新建或推进商机（不带文字：打开表单）"),
                 'Acme Corp "ERP rollout" proposal 50k close 12/20')),
    Intent("won", ("won", "win"), ("赢单", "成交"), closing_parser(True),
           (("won Acme 48k: beat them on delivery time",), ("赢单 华为 4.8万：交付周期短",)),
           (c.CloseDeal,),  # `lost` too
           Slash("/won", ("Mark a deal won, with the reason", "赢单，并写下原因"),
                 "Acme 48k: beat them on delivery time"),
           free_text=True),
    Intent("lost", ("lost", "lose"), ("输单", "丢单"), closing_parser(False),
           (("lost Acme: price too high",), ("输单 华为：价格太高",)),
           slash=Slash("/lost", ("Mark a deal lost, with the reason", "输单，并写下原因"),
                       "Acme: price too high"),
           free_text=True),
    Intent("progress", ("progress", "pace"), ("进度",), parse_progress,
           (("progress", "progress team", "progress @ana quarter"), ("进度", "进度 团队", "进度 @张三 季度")),
           (c.ShowProgress,),
           Slash("/progress", ("How far you (or your team) are from target", "离目标还有多远（自己或团队）"),
                 "[team | @someone] [week|month|quarter]")),
    Intent("target", ("target", "targets", "goal"), ("目标",), parse_target,
           (("target @ana revenue 500k month", "target team revenue 2m quarter split",
             "target @ana visits 40 month", "targets"),
            ("目标 @张三 业绩 50万 本月", "目标 团队 业绩 200万 本季度 分解", "目标 @张三 拜访 40 本月",
             "目标")),
           (c.SetTarget, c.ListTargets),
           Slash("/target", ("Set a target (managers; no text: a form)",
                             "设目标（经理；不带文字：打开表单）"),
                 "@ana revenue 500k month")),
    Intent("pipeline", ("pipeline", "funnel"), ("漏斗", "销售漏斗"), parse_pipeline,
           (("pipeline", "pipeline team"), ("漏斗", "漏斗 团队")),
           (c.ShowPipeline,),
           Slash("/pipeline", ("Open deals by stage, conversion, days in stage",
                               "各阶段在谈商机、转化率、停留天数"),
                 "[team]")),
    Intent("digest", ("digest",), ("日报", "周报"), parse_digest,
           (("digest", "digest daily"), ("周报", "日报")),
           (c.ShowDigest,), whole=True),
    Intent("stalled", ("stalled", "stuck"), ("停滞",), parse_stalled,
           (("stalled", "stalled team"), ("停滞", "停滞 团队")),
           (c.ShowStalled,)),
    Intent("leaderboard", ("leaderboard", "ranking", "top"), ("排行榜", "排行"), parse_leaderboard,
           (("leaderboard month", "leaderboard visits week", "leaderboard % month"),
            ("排行榜 本月", "排行榜 拜访 本周", "排行榜 完成率 本月")),
           (c.ShowLeaderboard,),
           Slash("/leaderboard", ("Top sellers of the period", "本期销售排行"),
                 "[visits] [week|month|quarter]")),
    Intent("followups", ("followups", "follow-ups", "followup", "fus", "fu's", "f/us"),
           ("待跟进", "跟进列表"), _bare("followups"),
           (("followups",), ("待跟进",)),
           (c.ListFollowups,),
           Slash("/followups", ("Your follow-ups and tasks due", "到期的跟进和任务"))),
    Intent("task", ("task", "tasks", "todo"), ("任务", "待办"), deleting("task", parse_task_said),
           (("task send the quote to Acme by Fri", "task @ana call Acme's CFO by next Tue",
             "task deal #46 book the demo room by tomorrow", "task customer Acme: renew the NDA", "tasks",
             "task 7 due next Mon", "snooze task 7 2 days", "task #6 delete"),
            ("任务 周五前给华为发报价", "任务 @张三 下周二前给华为的财务总监打电话",
             "任务 商机 #46 明天前订好演示会议室", "任务 客户 华为：续签保密协议", "任务",
             "任务 7 改到 下周一", "推迟 任务 7 两天", "任务 #6 删除")),
           (c.AddTask, c.ListTasks, c.MoveTask, c.ReopenTask, c.ReassignTask)),
    Intent("scorecard", ("scorecard", "kpi", "kpis"), ("绩效", "考核"), parse_scorecard,
           (("scorecard quarter", "scorecard @ana month", "scorecard team month"),
            ("绩效 本季度", "绩效 @张三 本季度", "绩效 团队 本月")),
           (c.ShowScorecard,)),
    Intent("reasons", ("reasons", "why"), ("输赢分析", "输赢原因", "复盘"), parse_reasons,
           (("reasons quarter", "reasons team month", "reasons @ana quarter"),
            ("输赢分析 本季度", "输赢分析 团队 本月", "输赢分析 @张三 本季度")),
           (c.ShowReasons,)),
    Intent("tip", ("tip", "tips", "lesson", "lessons"), ("经验",), deleting("tip", parse_tip),
           (("tip pricing: bundle the service contract", "tips pricing", "tips", "tip #3 delete"),
            ("经验 报价：打包服务合同", "经验 报价", "经验", "经验 #3 删除")),
           (c.AddTip, c.FindTips),
           free_text=True),
    Intent("like", ("like", "upvote"), ("赞", "点赞"), parse_like, (("like tip 3",), ("赞 经验 3",)),
           (c.LikeTip,)),
    Intent("contest", ("contest", "competition"), ("竞赛", "比赛"),
           deleting("contest", contest_changes(parse_contest)),
           (("contest visits 12/1-12/15", "contest revenue 12/1-12/31 East", "contest",
             "contest #2 12/1-12/20", "contest #2 cancel"),
            ("竞赛 拜访 12月1日-12月15日", "竞赛 业绩 12月1日-12月31日 华东", "竞赛",
             "竞赛 #2 12月1日-12月20日", "竞赛 #2 取消")),
           (c.StartContest, c.ShowContest, c.EditContest), more=metrics_line),
    Intent("due", ("due",), ("待回访",), parse_due,
           (("due visits", "due visits team"), ("待回访", "待回访 团队")),
           (c.ShowDueVisits,)),
    Intent("tier", ("tier", "tiers"), ("A类", "B类", "C类", "回访周期"), parse_tier,
           (("tier A every 7 days", "tier C every 60 days East"), ("A类 每7天回访", "C类 每60天回访 华东")),
           (c.SetTierRhythm,), whole=True),
    Intent("done", ("done",), ("完成",), parse_done, (("done 3", "done task 7"), ("完成 3", "完成 任务 7")),
           (c.DoneFollowups, c.DoneTask)),
    Intent("customer", ("customer",), ("客户",), deleting("customer", parse_customer),
           (("customer Acme tier A", "customer Acme intent", 'customer "Acme Crop" merge into Acme Corp',
             "customer Acme rename Acme Corp", "customer Acme owner @bo", "customer Acme delete"),
            ("客户 华为 A类", "客户 华为 意向", "客户 华为技术 合并到 华为", "客户 华为 改名 华为技术",
             "客户 华为 负责人 @李四", "客户 华为 删除")),
           (c.SetCustomer, c.FixCustomer)),
    Intent("customers", ("customers",), ("客户列表",), parse_customers,
           (("customers", "customers A"), ("客户列表", "客户列表 A类")),
           (c.ListCustomers,)),
    Intent("team", ("team", "teams"), ("团队",), parse_team,
           (("team", "team create East", "team add East @ana @bo", "team remove East @bo",
             "team set East stall 21", "team set East timezone Asia/Shanghai", "team set East calendar CN"),
            ("团队", "团队 新建 华东", "团队 添加 华东 @张三", "团队 移除 华东 @张三",
             "团队 设置 华东 停滞 21", "团队 设置 华东 时区 Asia/Shanghai", "团队 设置 华东 日历 CN")),
           (c.ListTeams, c.CreateTeam, c.ChangeTeam, c.ConfigureTeam),
           more=_team_places),
    Intent("role", ("role",), ("角色",), parse_role,
           (("role @ana manager", "role @bo inactive"), ("角色 @张三 经理", "角色 @李四 停用")),
           (c.SetRole,)),
    Intent("leave", ("leave",), ("请假",), parse_leave,
           (("leave 12/24-12/31", "leave tomorrow", "leave", "leave cancel 12/24", "leave @bo 12/24-12/31"),
            ("请假 12月24日-12月31日", "请假 明天", "请假", "请假 取消 12月24日",
             "请假 @李四 12月24日-12月31日")),
           (c.TakeLeave,)),
    Intent("language", ("language", "lang"), ("语言",), parse_language,
           (("language zh", "language en"), ("语言 中文", "语言 英文")),
           (c.SetLanguage,)),
    Intent("link", ("link",), ("关联", "绑定"), parse_link,
           (("link", "link 12345678"), ("关联", "关联 12345678")),
           (c.Link,)),
    Intent("undo", ("undo",), ("撤销", "撤消"), _bare("undo"), (("undo",), ("撤销",)),
           (c.Undo,)),
    Intent("trash", ("trash", "bin"), ("回收站",), parse_trash, (("trash",), ("回收站",)),
           (c.ShowTrash,)),
    Intent("restore", ("restore",), ("恢复",), parse_restore,
           (("restore deal #46", "restore customer Acme"), ("恢复 商机 #46", "恢复 客户 华为")),
           (c.Restore,)),
    Intent("rate", ("rate", "rates"), ("汇率",), parse_rate,
           (("rate USD 7.10", "rates", "rate USD 7.10 from 2026-11-01", "rate USD off"),
            ("汇率 美元 7.10", "汇率", "汇率 USD 7.10 自 2026-11-01", "汇率 美元 删除")),
           (c.SetRate,)),
    Intent("crm", ("crm",), ("CRM", "客户管理系统"), parse_crm,
           (("crm", "crm map @ana ana@corp.com"), ("CRM", "CRM 对应 @张三 13800000000")),
           (c.Crm,)),
    Intent("stages", ("stages", "pipeline-stages"), ("阶段", "销售阶段"), parse_stages,
           (("stages", "stages Lead 10, Demo/演示 30, Proposal/报价 60, Contract/合同 80", "stages reset"),
            ("阶段", "阶段 Lead/线索 10, Demo/演示 30, Proposal/报价 60, Contract/合同 80", "阶段 恢复默认")),
           (c.Stages,)),
    Intent("reassign", ("reassign",), ("转交",), parse_reassign,
           (("reassign @bo to @ana",), ("转交 @李四 给 @张三",)),
           (c.Reassign,)),
    Intent("snooze", ("snooze", "postpone", "push"), ("推迟", "延后"), parse_snooze,
           (("snooze 46 next week", "snooze 46 fri"), ("推迟 46 下周", "推迟 46 周五")),
           (c.SnoozeFollowup,)),
    Intent("deals", ("deals",), ("我的商机", "商机列表"), parse_deals,
           (("deals", "deals team", "deal #12 history"), ("我的商机", "商机列表 团队", "商机 #12 历史")),
           (c.ListDeals,)),
    Intent("calendar", ("calendar", "holidays"), ("日历", "节假日"), parse_calendar,
           (("calendar", "calendar 2027-02-06 workday", "calendar 2027-02-15..2027-02-21 holiday",
             "calendar 2027-02-06 reset", "calendar 2027 official"),
            ("日历", "日历 2027-02-06 上班", "日历 2027-02-15..2027-02-21 放假", "日历 2027-02-06 恢复",
             "日历 2027 官方")),
           (c.CorrectCalendar,)),
    Intent("schedule", ("schedule", "schedules"), ("设置", "定时"), parse_schedule,
           (("schedule", "schedule standup 09:30 mon-fri", "schedule digest fri 17:00",
             "schedule reminders off",
             "schedule standup questions Yesterday? | Today? | Blockers?"),
            ("设置", "设置 站会 09:30 周一至周五", "设置 周报 周五 17:00", "设置 提醒 关闭",
             "设置 站会 问题 昨天做了什么？| 今天做什么？| 有什么困难？")),
           (c.ShowSchedule, c.ConfigureSchedule),
           free_text=True),
    Intent("standup", ("standup",), ("站会",), parse_standup,
           (("standup y: called Acme t: demo for Bo b: none",),
            ("站会 昨天：拜访华为 今天：给阿里演示 困难：无",)),
           (c.AnswerStandup,),
           free_text=True),
    Intent("help", ("help", "?", "commands"), ("帮助", "？"), _parse_help,
           (("help", "help deal"), ("帮助", "帮助 商机")),
           (c.Help,)),
)
#: The command that takes any of the others' words (`/salesbot help`).
GENERAL = Slash("/salesbot", ("Help, customers, stalled deals, team admin, settings",
                              "帮助、客户、停滞商机、团队管理、设置"), "help")

BY_NAME = {intent.name: intent for intent in INTENTS}
KEYWORDS_EN = {word: intent.name for intent in INTENTS for word in intent.en}
KEYWORDS_ZH = {word: intent.name for intent in INTENTS for word in intent.zh}
ZH_LONGEST_FIRST = sorted(KEYWORDS_ZH, key=len, reverse=True)
SLASH = {i.slash.name: i.name for i in INTENTS if i.slash} | {GENERAL.name: ""}
MAX_TEXT = 2000
_CJK = pattern(r"[\u3400-\u9fff]")


def intent_of(word: str) -> str | None:
    return KEYWORDS_EN.get(word.lower()) or KEYWORDS_ZH.get(word)


def usage(topic: str, locale: str) -> tuple[str, ...]:
    return BY_NAME[topic].examples(locale)


def split_keyword(text: str) -> tuple[str | None, str, str]:
    """(intent, language, rest) of normalised text; intent None when no keyword starts it."""
    first, _, rest = text.partition(" ")
    bare = first.rstrip(":").lower()
    if bare in KEYWORDS_EN:  # a keyword both languages share (`CRM`) goes by the rest's script
        shared = first.rstrip(":") in KEYWORDS_ZH and _CJK.search(rest)
        return KEYWORDS_EN[bare], "zh" if shared else "en", rest
    for word in ZH_LONGEST_FIRST:
        if text.startswith(word):
            return KEYWORDS_ZH[word], "zh", text[len(word):].lstrip(" :")
    return None, "zh" if _CJK.search(text) else "en", text
