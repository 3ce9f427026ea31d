"""Strings, in English and Chinese: running the workspace: teams and where their posts go, roles, leave,
linking accounts, languages, holiday calendars, currencies, the pipeline's stages, the CRM.
`handlers.text.strings.t` reads them.
"""

WORKSPACE: dict[str, tuple[str, str]] = {
    "bad_rate": ("I couldn't read “{text}” as an exchange rate: nothing was saved. Write how much of "
                 "the base currency one unit is worth, e.g. 7.10.",
                 "没认出汇率“{text}”，未保存。请写 1 单位外币折合多少本位币，例如 7.10。"),
    "not_a_currency": ("I don't know the currency “{text}”: nothing was saved. Use a code such as USD, "
                       "EUR, HKD.",
                       "不认识币种“{text}”，未保存。请用 USD、EUR、HKD 这样的代码或 美元、欧元、港币。"),
    "converted_at": ("{currency} amounts are in the totals at 1 {currency} = {rate} {base}.",
                     "{currency} 金额已按 1 {currency} = {rate} {base} 计入合计。"),
    "converted_at_days": ("{currency} amounts are in the totals at the rate of each deal's close day "
                          "(1 {currency} = {rate} {base}).",
                          "{currency} 金额已按各商机成交当天的汇率计入合计"
                          "（1 {currency} = {rate} {base}）。"),
    "not_converted": ("Not in the totals (no exchange rate set): {amounts}.",
                      "未计入合计（未设汇率）：{amounts}。"),
    "how_to_convert": ("An admin sets a rate with “rate {currency} N” (1 {currency} = N {base}).",
                       "管理员可发“汇率 {currency} N”设置汇率（1 {currency} = N {base}）。"),
    "how_to_convert_days": ("Those deals closed on days without a {currency} rate; for them: "
                            "“rate {currency} N from {day}”.",
                            "这些商机成交当天没有 {currency} 汇率；如需折算：“汇率 {currency} N 自 {day}”。"),
    "avg_deal_left_out": ("Average deal leaves out {count:deal|deals} won in {currencies}: no exchange rate "
                          "on their close day.",
                          "平均单值未计入 {count} 笔 {currencies} 赢单：成交当天没有汇率。"),
    "rates_title": ("Exchange rates into {base}", "汇率（折合 {base}）"),
    "crm_title": ("CRM: {crm}", "CRM：{crm}"),
    "stages_title": ("Pipeline stages", "销售阶段"),
    "stages_line": ("{n}. {name} · {probability}% · {category}", "{n}. {name} · {probability}% · {category}"),
    "stages_open": ("open", "进行中"), "stages_won": ("won", "赢单"), "stages_lost": ("lost", "输单"),
    "stages_own": ("These are this workspace's own stages. An admin changes them with "
                   "stages Lead 10, Demo 30, … or goes back with stages reset.",
                   "这是本团队自己的阶段。管理员可发送“阶段 线索 10, 演示 30, …”修改，或“阶段 恢复默认”。"),
    "stages_default": ("These are the default stages. An admin sets the team's own with "
                       "stages Lead 10, Demo 30, Proposal 60 (won and lost are added).",
                       "这是默认阶段。管理员可发送“阶段 线索 10, 演示 30, 报价 60”设置本团队的阶段"
                       "（赢单、输单会自动加上）。"),
    "stages_set": ("Stages saved. Reports, buttons, forms and exports now use them.",
                   "阶段已保存。报表、按钮、表单和导出都将使用新阶段。"),
    "stages_reset": ("Back to the default stages.", "已恢复默认阶段。"),
    "stages_moved": ("{count} open deals were on a stage that is gone and moved to the nearest one "
                     "by probability.", "{count} 个进行中的商机所在阶段已删除，已按赢率移到最接近的阶段。"),
    "stages_moved_one": ("1 open deal was on a stage that is gone and moved to the nearest one by "
                         "probability.", "1 个进行中的商机所在阶段已删除，已按赢率移到最接近的阶段。"),
    "bad_stages": ("I couldn't read the stages at “{text}”. Write each as a name, optionally /中文名, "
                   "a probability 0–100 and won or lost, separated by commas; at least one open stage, "
                   "at most 12, no name twice.",
                   "没能读懂“{text}”处的阶段。每个阶段写成：名称（可加 /中文名）、赢率 0–100、"
                   "可加 赢单 或 输单，用逗号分隔；至少一个进行中的阶段，最多 12 个，名称不重复。"),
    "crm_title_none": ("CRM", "CRM"),
    "crm_none": ("No CRM is connected. An admin connects Zoho CRM or 纷享销客 from the command line: "
                 "salesbot crm connect zoho … or salesbot crm connect fxiaoke … (docs/crm.md).",
                 "还没有连接 CRM。管理员在命令行连接 Zoho CRM 或纷享销客：salesbot crm connect zoho … 或 "
                 "salesbot crm connect fxiaoke …（见 docs/crm.md）。"),
    "crm_synced": ("Connected · last sync {when}", "已连接 · 上次同步 {when}"),
    "crm_never_synced": ("Connected · not synced yet", "已连接 · 尚未同步"),
    "crm_error": ("Sync stopped: {error}. An admin reconnects with salesbot crm connect ….",
                  "同步已停止：{error}。请管理员用 salesbot crm connect … 重新连接。"),
    "crm_import": ("Import stopped: {error}. What came in is kept; an admin runs salesbot crm import again.",
                   "导入中断：{error}。已导入的内容保留；请管理员再次运行 salesbot crm import。"),
    "crm_waiting": ("Sync is waiting: {error}. It carries on by itself; no change is lost.",
                    "同步暂时等待：{error}。会自动继续，不会丢失任何更改。"),
    "crm_queued": ("{count} changes waiting to go to the CRM", "{count} 项更改等待同步到 CRM"),
    "crm_refused": ("{count} changes the CRM refused; the last: {error}",
                    "CRM 拒绝了 {count} 项更改；最近一项：{error}"),
    "crm_queued_one": ("1 change waiting to go to the CRM", "1 项更改等待同步到 CRM"),
    "crm_refused_one": ("1 change the CRM refused: {error}", "CRM 拒绝了 1 项更改：{error}"),
    "crm_conflict_crm": ("{deal}: {field} was changed in {crm} and here. {crm}'s newer change is kept: "
                         "{theirs} (yours was {ours}).",
                         "{deal}：{field}在 {crm} 和这里都改了。保留 {crm} 较新的修改：{theirs}"
                         "（你的是 {ours}）。"),
    "crm_conflict_chat": ("{deal}: {field} was changed in {crm} and here. Your newer change is kept: "
                          "{ours} ({crm} had {theirs}, and is updated).",
                          "{deal}：{field}在 {crm} 和这里都改了。保留你较新的修改：{ours}"
                          "（{crm} 中是 {theirs}，将被更新）。"),
    "crm_field_stage": ("the stage", "阶段"),
    "crm_field_amount": ("the amount", "金额"),
    "crm_users": ("CRM users matched to members: {mapped} · not matched: {unmapped}",
                  "已对应成员的 CRM 用户：{mapped} · 未对应：{unmapped}"),
    "crm_unmapped": ("Not matched: {names}. An admin matches one: crm map @ana ana@corp.com",
                     "未对应：{names}。管理员可这样对应：CRM 对应 @张三 zhang@corp.com"),
    "crm_more": (" and {count} more", " 等另外 {count} 人"),
    "crm_mapped": ("{name} is {user} in {crm} now: their deals and visits go there as theirs.",
                   "{name} 已对应 {crm} 用户 {user}：其商机和拜访将以其名义同步。"),
    "crm_mapped_pending": ("Noted: {name} is {contact} in the CRM. Exports name them so, and the CRM "
                           "user is matched when the CRM is connected.",
                           "已记下：{name} 在 CRM 中是 {contact}。导出文件按此填写负责人，"
                           "连接 CRM 后自动对应。"),
    "crm_contact_unknown": ("No {crm} user has {contact}: nothing changed. Users not matched yet: "
                            "{names}.",
                            "{crm} 中没有 {contact} 这个用户，未做更改。尚未对应的用户：{names}。"),
    "crm_map_needs_email": ("“{contact}” is no email, and before a CRM is connected only an email can be "
                            "noted: crm map @ana ana@corp.com. Mobiles match once it is connected.",
                            "“{contact}” 不是邮箱。连接 CRM 前只能记下邮箱：CRM 对应 @张三 zhang@corp.com；"
                            "连接后也可用手机号。"),
    "rates_none": ("No exchange rates set: reports show other currencies on lines of their own.",
                   "还没有设置汇率：报表里其他币种的金额单独列出，不计入合计。"),
    "rate_line": ("1 {currency} = {rate} {base} · set by {who}, {day}",
                  "1 {currency} = {rate} {base} · {who} 于 {day} 设置"),
    "rate_line_from": ("1 {currency} = {rate} {base} from {start} · set by {who}, {day}",
                       "自 {start} 起 1 {currency} = {rate} {base} · {who} 于 {day} 设置"),
    "rate_line_off": ("{currency}: no rate from {start} · set by {who}, {day}",
                      "{currency}：自 {start} 起无汇率 · {who} 于 {day} 设置"),
    "rate_set": ("Exchange rate set: 1 {currency} = {rate} {base}{before}, from {day} on{until}. Deals "
                 "closed before keep the rate of their close day; to date it back: "
                 "“rate {currency} {rate} from {example}”.",
                 "已设置汇率：1 {currency} = {rate} {base}{before}，自{day}起生效{until}。此前成交的商机仍按"
                 "成交当天的汇率折算；如需提前生效：“汇率 {currency} {rate} 自 {example}”。"),
    "rate_set_from": ("Exchange rate set: 1 {currency} = {rate} {base}{before}, from {day} on{until}. "
                      "Deals closed from that day convert with it.",
                      "已设置汇率：1 {currency} = {rate} {base}{before}，自{day}起生效{until}。该日起成交的"
                      "商机按此折算。"),
    "rate_until": (" (until {day}, when {rate} takes over)", "（至{day}，届时改为 {rate}）"),
    "rate_until_off": (" (until {day}, when it ends)", "（至{day}，届时停用）"),
    "rate_before": (" (was {rate})", "（原为 {rate}）"),
    "rate_removed": ("Exchange rate of {currency} ended from {day} on{until} (it was {rate} {base}): "
                     "deals closed from that day in {currency} are left out of the totals; those "
                     "closed before keep the rate of their day.",
                     "{currency} 汇率自{day}起停用{until}（原为 {rate} {base}）：该日起成交的 {currency} "
                     "商机不计入合计，此前成交的仍按当天汇率折算。"),
    "rate_none": ("There is no exchange rate for {currency} to remove.",
                  "{currency} 没有设置汇率，无需删除。"),
    "rate_is_base": ("{currency} is the base currency: every total is already in it.",
                     "{currency} 是本位币，合计本来就以它计算。"),
    # teams, roles, leave
    "teams_title": ("Teams", "团队"), "teams_none": ("No teams yet. Create one: {example}",
                                                    "还没有团队。可以这样创建：{example}"),
    "team_line": ("{name} {channel} — {members}", "{name} {channel} — {members}"),
    "team_created": ("Team {name} created.", "团队{name}已创建。"),
    "team_exists": ("There is already a team called {name}.", "已有名为{name}的团队。"),
    "team_added": ("Added to {team}: {names}", "已加入{team}：{names}"),
    "team_removed": ("Removed from {team}: {names}", "已移出{team}：{names}"),
    "team_left_default": ("{names} left {team}, the team everyone starts in.",
                          "{names}已离开{team}（新成员默认所在的团队）。"),
    "admin_out_of_reach": ("{name} is an admin: only an admin can do that.",
                           "{name}是管理员：只有管理员可以这样操作。"),
    "team_set_stall": ("Deals in {team} now count as stalled after {value:day|days} without change.",
                       "{team}的商机超过 {value} 天无进展即视为停滞。"),
    "team_set_timezone": ("{team} now works in {value} time.", "{team}的时区已设为 {value}。"),
    "team_set_calendar": ("{team} now follows the {value} holiday calendar.",
                          "{team}已改用 {value} 节假日日历。"),
    "team_set_place": ("{team} now posts to {address} on {platform}.",
                       "{team}的团队消息将发到{platform} {address}。"),
    "team_unset_place": ("{team} no longer posts to {platform}.", "{team}的团队消息不再发到{platform}。"),
    "team_set_here": ("{team} now posts to this channel.", "{team}的团队消息将发到本频道。"),
    "channel_here_elsewhere": ("“here” is the channel you say it in: send it there, mentioning "
                               "the bot ({example}).",
                               "“这里”指发这条消息的频道：请在该频道里 @ 机器人发送（{example}）。"),
    "channel_here_shared": ("This channel is shared with another organisation: team posts here would "
                            "show your numbers to them. Only an admin can make it {team}'s channel.",
                            "本频道与其他组织共享，团队消息会让对方看到你们的数据。只有管理员可以把它设为{team}的频道。"),
    "team_set_here_shared": ("{team} now posts to this channel. It is shared with another organisation: "
                             "its people will see the team's posts.",
                             "{team}的团队消息将发到本频道。本频道与其他组织共享，对方成员也会看到团队消息。"),
    "bad_place": ("“{value}” is no {platform} place for team posts: {what}.",
                  "“{value}”不是有效的{platform}团队消息目标：{what}。"),
    "bad_place_value": ("“{value}” is no place for team posts; for example: {hint}",
                        "“{value}”不是有效的团队消息目标，例如：{hint}"),
    "bad_stall_days": ("“{value}” is not a number of days from 1 to 365.",
                       "“{value}”不是 1 到 365 之间的天数。"),
    "bad_timezone": ("“{value}” is not a timezone; use a name like Asia/Shanghai or America/New_York.",
                     "“{value}”不是有效时区，请使用 Asia/Shanghai 这样的名称。"),
    "bad_calendar": ("“{value}” is not a holiday calendar; use a country code like CN, US or GB.",
                     "“{value}”不是有效的节假日日历，请使用 CN、US、GB 这样的国家代码。"),
    "role_set": ("{name} is now {role}.", "{name}的角色已改为{role}。"),
    "member_deactivated": ("{name} is now inactive: no longer in rosters, reports, leaderboards or "
                           "standups; their visits and deals stay. `role @{name} rep` brings them back.",
                           "{name}已停用：不再出现在团队名单、报表、排行榜和站会中，其拜访和商机保留。"
                           "发送 `角色 @{name} 销售` 可恢复。"),
    "member_inactive": ("Your salesbot account is inactive. Ask an admin ({admins}) to bring it back.",
                        "你的 salesbot 账号已停用，请联系管理员（{admins}）恢复。"),
    "last_admin": ("{name} is the only admin; make someone else admin first.",
                   "{name}是唯一的管理员，请先指定其他管理员。"),
    "leave_set": ("Leave noted: {days}.", "已登记请假：{days}。"),  # {days}: one day, or `first – last`
    "leave_set_for": ("Leave noted for {who}: {days}.", "已为{who}登记请假：{days}。"),
    "leave_changed": ("Leave changed: {was} → {days}.", "请假已修改：{was} → {days}。"),
    "leave_changed_for": ("Leave of {who} changed: {was} → {days}.", "已修改{who}的请假：{was} → {days}。"),
    "leave_overlap": ("{first} – {last} overlaps leave already there ({was}). Nothing was saved yet: "
                      "1. one leave with all the days ({all_first} – {all_last}), or 2. these days instead? "
                      "Reply 1 or 2, or `no` to keep the leave as it is.",
                      "{first} – {last}和已有的请假（{was}）重叠，尚未保存："
                      "1. 合并成一段（{all_first} – {all_last}），还是 2. 改成这几天？"
                      "回复 1 或 2；回复“不”则保持原请假不变。"),
    "leave_overlap_merge": ("Merge: {first} – {last}", "合并为 {first} – {last}"),
    "leave_overlap_replace": ("Replace with {first} – {last}", "改成 {first} – {last}"),
    "leave_title": ("Leave · {who}", "请假 · {who}"),
    "leave_note_kept": ("Kept with the leave as why: “{note}”.", "请假原因已记下：“{note}”。"),
    "leave_note_day": ("{first} – {last}: “{note}” names a day. Nothing was saved yet: 1. keep it as the "
                       "leave's why, or 2. the days only? Reply 1 or 2.",
                       "{first} – {last}：“{note}”里有日期，尚未保存："
                       "1. 记为请假原因，还是 2. 只记日期？回复 1 或 2。"),
    "leave_note_day_keep": ("{first} – {last}, why: {note}", "{first} – {last}，原因：{note}"),
    "leave_note_day_drop": ("{first} – {last}, no why", "{first} – {last}，不记原因"),
    "leave_line": ("{days}", "{days}"),
    "leave_none": ("No leave coming up.", "近期没有请假。"),
    "leave_days_cancelled": ("Leave of {who} cancelled for {days}. Still on leave: {left}.",
                             "已取消{who}{days}的请假。仍在请假：{left}。"),
    "leave_none_to_cancel": ("No leave coming up to cancel.", "近期没有可以取消的请假。"),
    "leave_cancel_which": ("Which leave? Name a day: leave cancel 12/24. Coming: {leaves}.",
                           "取消哪一段请假？请写上日期：请假 取消 12月24日。近期的请假：{leaves}。"),
    "leave_not_found": ("No leave includes {day}.", "{day}不在任何请假里。"),
    "leave_cancelled": ("Leave of {who} cancelled: {first} – {last}.",
                        "已取消{who}的请假：{first} – {last}。"),
    "leave_past": ("That leave ends in the past; give dates from today on.",
                   "请假结束日期已过，请填写今天及以后的日期。"),
    "link_code_title": ("Your link code: {code}", "你的关联码：{code}"),
    "link_code": ("On your other chat app ({apps}), send this to salesbot within "
                  "{minutes:minute|minutes}: {example}",
                  "请在 {minutes} 分钟内，在另一个聊天应用（{apps}）里"
                  "发给销售助手：{example}"),
    "link_bad_code": ("That code is unknown or expired. Send link on your other app for a new one.",
                      "关联码无效或已过期。请在另一个应用里发送“关联”获取新码。"),
    "team_add_other_team": ("{name} is in team {team}; moving people between teams is for an admin "
                            "({admins}).",
                            "{name}在团队{team}里；在团队之间调人需要管理员（{admins}）来做。"),
    "team_add_not_rep": ("{name} is a manager or admin; only an admin ({admins}) can add them to a team.",
                         "{name}是经理或管理员，只有管理员（{admins}）能把他加入团队。"),
    "link_same_platform": ("A link code joins two different chat apps: send it on your other app "
                           "({apps}), not on the one that gave it. That code is now used up.",
                           "关联码用于连接两个不同的聊天应用：请在另一个应用（{apps}）"
                           "里发送，不要在获取它的应用里发送。这个码已作废。"),
    "link_already": ("You already use salesbot on this app as {name}; nothing was linked.",
                     "你已在这个应用里以{name}的身份使用销售助手，未做关联。"),
    "link_locked": ("Too many wrong link codes. You can try again after {until}.",
                    "关联码错误次数过多，请在{until}之后再试。"),
    "link_other_people": ("This workspace already has other people's data in salesbot; an admin has "
                          "to join the two workspaces.",
                          "此工作区在销售助手里已有其他人的数据，需要管理员合并两个工作区。"),
    "link_not_connected": ("This {platform} workspace is not part of your company in salesbot yet, and only "
                           "an admin can connect one: ask {admins} to send link on your other app and "
                           "type the code here.",
                           "这个{platform}工作区还没有接入你们公司，只有管理员可以接入：请{admins}在另一个应用"
                           "发送“关联”，并在这里输入代码。"),
    "link_confirm_connect": ("This is {name}'s code, an admin's: using it here connects {platform} workspace "
                             "{workspace} to the company, and everyone there who writes to the bot joins as "
                             "a rep. Nothing is linked yet; to connect {workspace}, type: {command}",
                             "这是管理员{name}的代码：在这里使用会把{platform}工作区 {workspace} 接入公司，"
                             "那里的人给机器人发消息即成为销售代表。现在还没有关联；"
                             "确认接入 {workspace} 请输入：{command}"),
    "link_confirm_button": ("Connect {workspace}", "接入 {workspace}"),
    "tenant_connected": ("{name} connected {platform} workspace {workspace} to the company: everyone "
                         "there who writes to the bot joins as a rep.",
                         "{name}已把{platform}工作区 {workspace} 接入公司："
                         "那里的人给机器人发消息即成为销售代表。"),
    "link_done": ("Linked: you are {name} here too, with all your visits, deals and targets.",
                  "关联成功：你在这里也是{name}，拜访、商机和目标都已合并。"),
    "language_set": ("I'll answer you in English: posts, reminders and messages that don't say their "
                     "language (`progress team`, `1`). A message written in Chinese (`进度`) is still "
                     "answered in Chinese.",
                     "以后用中文回复你：定时消息、提醒，以及看不出语言的消息（如 progress team、1）。"
                     "用英文写成句子的消息（如 visit Acme: met the CTO）仍用英文回复。"),
    "welcome": ("Welcome to salesbot, {name}! Type help to see what I can do.",
                "欢迎使用销售助手，{name}！发送“帮助”查看可用命令。"),
    "you_are_admin": ("You are the first here, so you are the admin: create teams (team create East), "
                      "give roles (role @ana manager) and place people (team add East @ana).",
                      "你是第一位使用者，因此是管理员：可以新建团队（团队 新建 华东）、"
                      "设置角色（角色 @张三 经理）、把成员加入团队（团队 添加 华东 @张三）。"),
    "member_joined": ("{name} started using salesbot and joined {team}.",
                      "{name}开始使用销售助手，已加入{team}。"),
    "outsider": ("Sorry, salesbot only works for people of the workspace that installed it; "
                 "nothing you wrote was kept.",
                 "抱歉，销售助手只为安装它的工作区的成员服务；你发的内容没有保存。"),
    "calendar_title": ("Holiday calendar {code}: your corrections", "节假日日历 {code}：本公司的调整"),
    "calendar_day": ("{day}: {kind}", "{day}：{kind}"),
    "calendar_kind_work": ("working day", "上班"),
    "calendar_kind_off": ("day off", "放假"),
    "calendar_none": ("No corrections to {code}: the published calendar applies.",
                      "{code} 日历没有调整，按官方日历执行。"),
    "calendar_missing": ("⚠️ The {code} calendar has no official schedule for {years}: public holidays "
                         "are estimated and make-up working days unknown. An admin can set them: "
                         "{example}, then `{done}`",
                         "⚠️ {code} 日历还没有 {years} 年的官方安排：节假日为推算，调休上班日未知。"
                         "管理员可以设置：{example}，录入后发送“{done}”"),
    "calendar_workday": ("{code} calendar: {days} now a working day ({count} days).",
                         "{code} 日历：{days} 设为上班日（共 {count} 天）。"),
    "calendar_workday_one": ("{code} calendar: {days} now a working day.",
                             "{code} 日历：{days} 设为上班日。"),
    "calendar_holiday": ("{code} calendar: {days} now a day off ({count} days).",
                         "{code} 日历：{days} 设为放假（共 {count} 天）。"),
    "calendar_holiday_one": ("{code} calendar: {days} now a day off.", "{code} 日历：{days} 设为放假。"),
    "calendar_reset": ("{code} calendar: {days} back to the published calendar.",
                       "{code} 日历：{days} 恢复为官方日历。"),
    "calendar_too_long": ("At most a year of days at a time.", "一次最多设置一年的日期。"),
    "calendar_reversed": ("The range ends ({last}) before it starts ({first}): put the first day "
                          "first, as in {last}..{first}.",
                          "结束日期 {last} 早于开始日期 {first}：请先写开始日期，例如 {last}..{first}。"),
    "calendar_out_of_range": ("{day} is too far off: a calendar can be corrected from {first} to {last}.",
                              "{day} 超出范围：日历只能调整 {first} 至 {last} 之间的日期。"),
    "calendar_year_out_of_range": ("{year} is too far off: a calendar's years can be set from {first} to "
                                   "{last}.", "{year} 年超出范围：日历只能设置 {first} 至 {last} 年。"),
    "calendar_official": ("{code} calendar: {year} is now entered in full; its working days are no "
                          "longer estimated.",
                          "{code} 日历：{year} 年已按官方安排录入，工作日不再是推算。"),
    "language_en": ("English", "英文"),
    "language_zh": ("Chinese", "中文"),
    # what a message said over or in passing, read as meant (handlers/grammar/said_over.py, parse_done.py)
    "said_over": ("Read as {kept}: the {dropped} before it was corrected in the same message.",
                  "按 {kept} 处理：前面的 {dropped} 在同一条消息里已更正。"),
    "done_note_day": ("“{text}” has a day in it: is it only what came of the follow-up, or also a new "
                      "follow-up on that day? Nothing was saved yet.",
                      "“{text}”里有日期：只是这次跟进的结果，还是也要在那天再跟进一次？尚未保存。"),
    "option_done_with_note": ("Done, these words kept as what came of it",
                              "完成，这些话记为跟进结果"),
    "option_done_and_follow_up": ("Done (these words kept), and a task to follow up on that day",
                                  "完成（这些话记为结果），并建一个那天跟进的任务"),
}
