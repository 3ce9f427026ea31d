"""Every user-facing string, in English and Chinese. `t(locale, key, **values)` picks one."""
from __future__ import annotations

STAGE_NAMES = {
    "lead": ("Lead", "线索"), "contact": ("Contact", "初步接触"), "discovery": ("Discovery", "需求挖掘"),
    "proposal": ("Proposal", "方案呈现"), "negotiation": ("Negotiation", "商务谈判"),
    "won": ("Won", "赢单"), "lost": ("Lost", "输单"),
}
METRIC_NAMES = {
    "revenue": ("Revenue won", "业绩"), "deals_won": ("Deals won", "赢单数"),
    "new_customers": ("New customers", "新客户"), "visits": ("Visits", "拜访"),
}
PERIOD_NAMES = {"week": ("week", "周"), "month": ("month", "月"), "quarter": ("quarter", "季度"),
                "year": ("year", "年")}
ROLE_NAMES = {"rep": ("rep", "销售代表"), "manager": ("manager", "经理"), "admin": ("admin", "管理员")}
LIFECYCLE_NAMES = {"potential": ("potential", "潜在"), "intent": ("intent", "意向"),
                   "customer": ("customer", "成交客户")}

# Command words the bot itself writes (buttons, hints), so a pressed button parses in either language.
WORDS = {"deal": ("deal", "商机"), "won": ("won", "赢单"), "lost": ("lost", "输单"),
         "done": ("done", "完成"), "visit": ("visit", "拜访"), "progress": ("progress", "进度")}

MESSAGES: dict[str, tuple[str, str]] = {
    # errors and usage
    "unknown": ("Sorry, I didn't get that. Try one of these:", "抱歉，没看懂。可以这样说："),
    "too_long": ("That message is too long for one command. Please split it up.",
                 "这条消息太长了，请分成几条发送。"),
    "bad_date": ("I couldn't read “{text}” as a date. Try 12/20, 2026-12-20, tomorrow or next Tue.",
                 "没认出日期“{text}”。可以写 12月20日、明天、下周二 或 3天后。"),
    "bad_count": ("“{text}” should be a whole number for this metric, e.g. 20.",
                  "“{text}”应该是整数，例如 20。"),
    "split_needs_team": ("Only a team target can be split: target team revenue 2m quarter split",
                         "只有团队目标可以分解：目标 团队 业绩 200万 本季度 分解"),
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
    "need_amount": ("How much was it? Say: {example}", "成交金额是多少？可以这样说：{example}"),
    "unavailable": ("Sorry, I can't reach the database right now. Please try again in a minute.",
                    "抱歉，暂时无法连接数据库，请稍后再试。"),
    # visits and follow-ups
    "visit_logged": ("Visit to {customer} logged.", "已记录拜访：{customer}。"),
    "new_customer": ("New customer {customer} created.", "已新建客户：{customer}。"),
    "notes": ("Notes", "纪要"), "next_step": ("Next step", "下一步"), "outcome": ("Outcome", "结果"),
    "follow_up": ("Follow up", "跟进"),
    "mark_done": ("Done ✓", "完成 ✓"),
    "followups_title": ("Your follow-ups", "我的待跟进"),
    "followups_none": ("No follow-ups due this week. 👍", "本周没有待跟进事项。👍"),
    "followup_line": ("#{id} {customer} — {when}{late}", "#{id} {customer} — {when}{late}"),
    "overdue": (" (overdue)", "（已逾期）"),
    "followups_hint": ("Mark one done: {example}", "完成后回复：{example}"),
    "done_ok": ("Marked {count} follow-up(s) done.", "已完成 {count} 项跟进。"),
    "done_none": ("No open follow-up of yours has number {ids}. Say followups to see yours.",
                  "没有编号为 {ids} 的待跟进事项。发送“待跟进”查看。"),
    # deals
    "deal_title": ("Deal #{id} · {title}", "商机 #{id} · {title}"),
    "deal_created": ("New deal created.", "已新建商机。"),
    "deal_moved": ("Moved {old} → {new}.", "阶段：{old} → {new}。"),
    "deal_updated": ("Deal updated.", "商机已更新。"),
    "customer": ("Customer", "客户"), "stage": ("Stage", "阶段"), "amount": ("Amount", "金额"),
    "close_date": ("Expected close", "预计成交"), "probability": ("Probability", "赢率"),
    "owner": ("Owner", "负责人"), "reason": ("Reason", "原因"),
    "won_reply": ("🎉 Deal #{id} won: {customer}, {amount}. Well done!",
                  "🎉 商机 #{id} 赢单：{customer}，{amount}。干得漂亮！"),
    "won_announce": ("🎉 {who} won {customer} — {amount}", "🎉 {who} 拿下 {customer} — {amount}"),
    "lost_reply": ("Deal #{id} with {customer} marked lost. Thanks for noting why.",
                   "商机 #{id}（{customer}）已记为输单，感谢记录原因。"),
    # progress, pipeline, leaderboard
    "progress_title": ("{who} · {period}", "{who} · {period}"),
    "you": ("Your progress", "我的进度"),
    "pace_line": ("{done} of {target} · needed by today {needed} · {gap} · on course for {projection}",
                  "已完成 {done} / 目标 {target} · 今日应达 {needed} · {gap} · 预计 {projection}"),
    "ahead": ("ahead by {amount}", "领先 {amount}"), "behind": ("behind by {amount}", "落后 {amount}"),
    "days_gone": ("{gone} of {total} working days gone", "已过 {gone}/{total} 个工作日"),
    "no_target": ("No target set for this period.", "本期尚未设定目标。"),
    "no_target_hint": ("A manager can set one: {example}", "经理可以这样设定：{example}"),
    "pipeline_title": ("Pipeline · {who}", "销售漏斗 · {who}"),
    "pipeline_empty": ("No open deals.", "没有进行中的商机。"),
    "conversion": ("Conversion (last 6 months): {steps}", "阶段转化率（近6个月）：{steps}"),
    "days_in_stage": ("Avg days in stage", "平均停留天数"),
    "col_stage": ("Stage", "阶段"), "col_deals": ("Deals", "数量"), "col_amount": ("Amount", "金额"),
    "col_days": ("Days", "天数"), "col_rank": ("#", "名次"), "col_name": ("Name", "姓名"),
    "open_total": ("Open deals: {count} · {amount} · weighted {weighted}",
                   "进行中：{count} 个商机，{amount}；加权 {weighted}"),
    "stalled_title": ("Stalled deals · no change for {days}+ days", "停滞商机 · {days} 天以上无进展"),
    "stalled_none": ("No stalled deals. 👍", "没有停滞的商机。👍"),
    "stalled_line": ("#{id} {customer} · {title} · {stage} · {amount} · {days} days · {owner}",
                     "#{id} {customer} · {title} · {stage} · {amount} · {days} 天 · {owner}"),
    "leaderboard_title": ("Leaderboard · {metric} · {period}", "排行榜 · {metric} · {period}"),
    "leaderboard_empty": ("Nothing yet this period.", "本期暂无数据。"),
    # targets
    "target_set": ("Target set: {who}, {metric} {amount} for {period}.",
                   "目标已设定：{who}，{metric} {amount}，{period}。"),
    "target_split": ("Split between the reps ({count}): {shares}", "已分解给 {count} 位销售：{shares}"),
    "target_currency": ("Targets are kept in {currency}; give the amount without another currency.",
                        "目标以 {currency} 计，请不要使用其他币种。"),
    "target_no_reps": ("Team {team} has no reps to split the target over.",
                       "团队{team}没有可分解目标的销售。"),
    # customers
    "customer_title": ("{name}", "{name}"), "tier": ("Tier", "等级"), "lifecycle": ("Stage", "客户阶段"),
    "customer_updated": ("Customer {name} updated.", "客户{name}已更新。"),
    "customers_title": ("Customers", "客户列表"), "customers_none": ("No customers yet.", "还没有客户。"),
    "col_customer": ("Customer", "客户"), "col_tier": ("Tier", "等级"), "col_owner": ("Owner", "负责人"),
    "col_open": ("Open deals", "进行中"), "col_last_visit": ("Last visit", "最近拜访"),
    # teams, roles, leave
    "teams_title": ("Teams", "团队"), "teams_none": ("No teams yet. Create one: {example}",
                                                    "还没有团队。可以这样创建：{example}"),
    "team_line": ("{name} {channel} — {members}", "{name} {channel} — {members}"),
    "team_created": ("Team {name} created.", "团队{name}已创建。"),
    "team_exists": ("There is already a team called {name}.", "已有名为{name}的团队。"),
    "team_added": ("Added to {team}: {names}", "已加入{team}：{names}"),
    "team_removed": ("Removed from {team}: {names}", "已移出{team}：{names}"),
    "team_set_stall": ("Deals in {team} now count as stalled after {value} days without change.",
                       "{team}的商机超过 {value} 天无进展即视为停滞。"),
    "team_set_timezone": ("{team} now works in {value} time.", "{team}的时区已设为 {value}。"),
    "team_set_calendar": ("{team} now follows the {value} holiday calendar.",
                          "{team}已改用 {value} 节假日日历。"),
    "team_set_wecom": ("{team} now posts to WeCom {value}.", "{team}的团队消息将发到企业微信 {value}。"),
    "bad_wecom_destination": ("“{value}” is no WeCom destination: chat:CHATID or webhook:ROBOT_KEY.",
                              "“{value}”不是有效的企业微信目标：chat:群聊ID 或 webhook:机器人KEY。"),
    "bad_stall_days": ("“{value}” is not a number of days from 1 to 365.",
                       "“{value}”不是 1 到 365 之间的天数。"),
    "bad_timezone": ("“{value}” is not a timezone; use a name like Asia/Shanghai or America/New_York.",
                     "“{value}”不是有效时区，请使用 Asia/Shanghai 这样的名称。"),
    "bad_calendar": ("“{value}” is not a holiday calendar; use a country code like CN, US or GB.",
                     "“{value}”不是有效的节假日日历，请使用 CN、US、GB 这样的国家代码。"),
    "role_set": ("{name} is now {role}.", "{name}的角色已改为{role}。"),
    "last_admin": ("{name} is the only admin; make someone else admin first.",
                   "{name}是唯一的管理员，请先指定其他管理员。"),
    "leave_set": ("Leave noted: {first} – {last}.", "已登记请假：{first} – {last}。"),
    "leave_past": ("That leave ends in the past; give dates from today on.",
                   "请假结束日期已过，请填写今天及以后的日期。"),
    "welcome": ("Welcome to salesbot, {name}! Type help to see what I can do.",
                "欢迎使用销售助手，{name}！发送“帮助”查看可用命令。"),
    "help_title": ("What you can say", "可用命令"),
    "help_more": ("More on one command: help deal", "查看某个命令的详细说明：帮助 商机"),
}

# Usage per topic: (English examples, Chinese examples), shown by help and after a bad command.
USAGE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "visit": (("visit Acme Corp: met the CTO, demo next Tue; follow up Fri",),
              ("拜访 华为：见了采购总监，下周二演示；跟进 周五",)),
    "deal": (('deal Acme Corp "ERP rollout" proposal 50k close 12/20', "deal Acme negotiation",
              "deal #12 negotiation"),
             ("商机 华为 ERP项目 方案呈现 5万 预计 12月20日", "商机 华为 商务谈判", "商机 #12 商务谈判")),
    "won": (("won Acme 48k: beat them on delivery time",), ("赢单 华为 4.8万：交付周期短",)),
    "lost": (("lost Acme: price too high",), ("输单 华为：价格太高",)),
    "progress": (("progress", "progress team", "progress @ana quarter"),
                 ("进度", "进度 团队", "进度 @张三 季度")),
    "target": (("target @ana revenue 500k month", "target team revenue 2m quarter split",
                "target @ana visits 40 month"),
               ("目标 @张三 业绩 50万 本月", "目标 团队 业绩 200万 本季度 分解", "目标 @张三 拜访 40 本月")),
    "pipeline": (("pipeline", "pipeline team"), ("漏斗", "漏斗 团队")),
    "stalled": (("stalled", "stalled team"), ("停滞", "停滞 团队")),
    "leaderboard": (("leaderboard month", "leaderboard visits week"), ("排行榜 本月", "排行榜 拜访 本周")),
    "followups": (("followups",), ("待跟进",)),
    "done": (("done 3",), ("完成 3",)),
    "customer": (("customer Acme tier A", "customer Acme intent"), ("客户 华为 A类", "客户 华为 意向")),
    "customers": (("customers", "customers A"), ("客户列表", "客户列表 A类")),
    "team": (("team", "team create East #east-sales", "team add East @ana @bo",
              "team remove East @bo", "team set East stall 21", "team set East timezone Asia/Shanghai",
              "team set East calendar CN", "team set East wecom chat:CHAT_ID"),
             ("团队", "团队 新建 华东 #华东销售", "团队 添加 华东 @张三", "团队 移除 华东 @张三",
              "团队 设置 华东 停滞 21", "团队 设置 华东 时区 Asia/Shanghai", "团队 设置 华东 日历 CN",
              "团队 设置 华东 企业微信 webhook:ROBOT_KEY")),
    "role": (("role @ana manager",), ("角色 @张三 经理",)),
    "leave": (("leave 12/24-12/31", "leave tomorrow"), ("请假 12月24日-12月31日", "请假 明天")),
    "help": (("help", "help deal"), ("帮助", "帮助 商机")),
}


def t(locale: str, key: str, **values) -> str:
    """The message `key` in `locale` (`zh` or anything else for English), filled with `values`."""
    return MESSAGES[key][locale == "zh"].format(**values)


def name_of(table: dict[str, tuple[str, str]], key: str, locale: str) -> str:
    return table[key][locale == "zh"]


def usage(topic: str, locale: str) -> tuple[str, ...]:
    return USAGE[topic][locale == "zh"]
