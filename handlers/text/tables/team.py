"""Strings, in English and Chinese: a team's: progress and pace, pipeline, stalled deals, the leaderboard,
targets, contests, scorecards, standups and schedules, the digest and the posts the jobs send.
`handlers.text.strings.t` reads them.
"""

TEAM: dict[str, tuple[str, str]] = {
    "target_period_unread": ("“{left}” reads like the target's period, but I can't read it, so nothing "
                             "was saved: say this month, next month, dec, q1, this year, next year or 2027.",
                             "“{left}”像是目标的期间，但没看懂，尚未保存：请写 本月、下个月、12月、一季度、"
                             "今年、明年 或 2027年。"),
    "contest_changed": ("The {team} contest has new days:", "{team}的竞赛时间已调整："),
    "contest_same": ("That contest runs on those days already: {what}. Nothing changed.",
                     "这个竞赛的时间已经是这样：{what}。未做修改。"),
    "contest_metrics": ("(a contest counts one of: {metrics})", "（竞赛可比：{metrics}）"),
    "contest_cancelled": ("The {team} contest is cancelled.", "{team}的竞赛已取消。"),
    "target_split_kept": ("Kept as set by hand: {kept}; the rest was split over the others "
                          "(split all to split over everyone).",
                          "保留了单独设定的目标：{kept}；其余部分分给了其他人"
                          "（用“分解 全部”可分给所有人）。"),
    "target_split_kept_all": ("Nothing was saved, the team's target neither: every rep of {team} already "
                              "has a {metric} target for {period} set by hand ({kept}), so there is no one "
                              "to split {amount} over. Tap to split it over everyone (theirs replaced), or "
                              "to set the team's target alone (theirs kept).",
                              "未保存，团队目标也没有设定：{team} 的每位销售都已有单独设定的"
                              "{period}{metric}目标（{kept}），{amount} 没有人可分。"
                              "点选：分给所有人（替换他们的目标），或只设团队目标（保留他们的目标）。"),
    "target_split_over": ("Nothing was saved, the team's target neither: the {metric} targets for {period} "
                          "set by hand ({kept}) already add up to {total}, more than {amount}, so nothing "
                          "is left to split. Tap to split it over everyone (theirs replaced), or to set the "
                          "team's target alone (theirs kept).",
                          "未保存，团队目标也没有设定：单独设定的{period}{metric}目标（{kept}）"
                          "合计已有 {total}，超过 {amount}，没有可分的部分。"
                          "点选：分给所有人（替换他们的目标），或只设团队目标（保留他们的目标）。"),
    "target_split_all_button": ("Split over everyone", "分给所有人"),
    "target_team_only_button": ("The team's target alone", "只设团队目标"),
    "targets_title": ("Targets · {who}", "目标 · {who}"),
    "targets_none": ("No targets set for the current week, month, quarter or year.",
                     "本周、本月、本季度和本年都还没有设目标。"),
    "targets_none_for": ("No targets set for {period}.", "{period}还没有设目标。"),
    "target_parts_only": ("No target is set for {period} itself; these are the targets set for the periods "
                          "inside it.", "{period}本身未设目标；以下是其中各期设定的目标。"),
    "target_sum_off": ("{parts} add up to {sum}, {whole} target is {amount} ({period}): they do not match.",
                       "{parts}合计 {sum}，{whole}目标是 {amount}（{period}），两者对不上。"),
    "target_sum_over": ("{parts} set so far add up to {sum}, above {whole} target of {amount} ({period}).",
                        "已设的{parts}合计 {sum}，已超过{whole}目标 {amount}（{period}）。"),
    "target_sum_parts_month": ("Months", "各月"), "target_sum_parts_quarter": ("Quarters", "各季度"),
    "target_sum_whole_quarter": ("the quarter's", "季度"), "target_sum_whole_year": ("the year's", "全年"),
    "target_parts_sum": ("{period}: sum of {count}", "{period}：{count}期合计"),
    "col_period": ("Period", "周期"), "col_who": ("For", "对象"), "col_metric": ("Metric", "指标"),
    "col_target": ("Target", "目标"),
    "contest_open_title": ("🏁 A contest for {team}", "🏁 {team}销售竞赛"),
    "contest_open": ("{what}. The standings each day here; the winner when it ends.",
                     "{what}。每天在这里公布排名，结束后宣布冠军。"),
    "contest_standings_button": ("Standings", "查看排名"),
    "contest_started": ("Contest for {team} started: {what}. Standings: contest",
                        "{team}的销售竞赛开始：{what}。查看排名：竞赛"),
    "contest_one_day": ("one day only", "仅一天"),
    "contest_few_days": ("{days:day|days} only", "仅{days}天"),
    "contest_days": ("A contest runs from its first day to its last, at most 92 days.",
                     "竞赛须从开始日到结束日，最长 92 天。"),
    "contest_also": ("Also running: {what}", "同时进行：{what}"),
    "standup_unasked": ("This reads as a standup answer (yesterday, today, blockers), though no standup is "
                        "waiting for one: post it as your standup? Nothing was saved yet.",
                        "这看起来是站会回答（昨天、今天、困难），虽然现在没有待回答的站会：作为你的站会回答发出吗？尚未保存。"),
    "target_too_said": ("A target for {who}: “{said}”? Nothing was saved yet.",
                        "给{who}设目标：“{said}”？尚未保存。"),
    "target_too": ("The same target for {who}: “{said}”? Nothing was saved yet.",
                   "给{who}设同样的目标：“{said}”？尚未保存。"),
    "contest_words_unread": ("“{words}” names no team, and a contest keeps no prize or description: start "
                             "it without those words, as “{said}”? Nothing was saved yet. (Tell the team the "
                             "prize yourself.)",
                             "“{words}”不是团队名，竞赛也不保存奖品或说明：不带这些字开始竞赛，即“{said}”吗？尚未保存。"
                             "（奖品请自己告诉团队。）"),
    "contest_clash_hint": ("To give it these days instead: {command}", "要把它改成这些日期：{command}"),
    "contest_clash": ("{team} already has that contest: {what}. One race per metric at a time.",
                      "{team}已有这项竞赛：{what}。同一指标同一时间只办一场。"),
    "contest_past": ("That contest would be over already: give days from today on.",
                     "这些日期已经过去，请填今天或以后的日期。"),
    "contest_none": ("No contest yet. A manager starts one: {example}",
                     "还没有竞赛。经理可以发起：{example}"),
    "contest_title": ("Contest · {team} · {what}", "销售竞赛 · {team} · {what}"),
    "contest_final_title": ("Contest over · {team} · {what}", "竞赛结束 · {team} · {what}"),
    "contest_winner": ("🏆 {name} wins with {value}!", "🏆 {name}以 {value} 夺冠！"),
    "contest_no_winner": ("Nobody scored in this contest.", "本次竞赛无人得分。"),
    "contest_days_left": ("{days:day|days} to go.", "还剩 {days} 天。"),
    "contest_last_day": ("Last day!", "最后一天！"),
    "contest_ended": ("It ended on {day}.", "已于{day}结束。"),
    "digest_lessons": ("Lessons", "经验教训"),
    "digest_lost_by": ("Lost this week: {reasons}", "本周输单原因：{reasons}"),
    "digest_cold": ("Customers going cold: {count}", "即将流失的客户：{count} 位"),
    "digest_tasks_overdue": ("Overdue tasks: {count}", "逾期任务：{count} 项"),
    # progress, pipeline, leaderboard
    "progress_title": ("{who} · {period}", "{who} · {period}"),
    "pace_line": ("{done} of {target} · needed by {when} {needed} · {gap} · on course for {projection}",
                  "已完成 {done} / 目标 {target} · {when}应达 {needed} · {gap} · 预计 {projection}"),
    "pace_line_even": ("{done} of {target} · on pace · on course for {projection}",  # done = needed
                       "已完成 {done} / 目标 {target} · 进度正常 · 预计 {projection}"),
    "ahead": ("ahead by {amount}", "领先 {amount}"), "behind": ("behind by {amount}", "落后 {amount}"),
    "behind_named": ("Behind pace as of {when}:", "截至{when}落后于进度："),
    "behind_over": ("Short of target in {period}:", "{period}未达成目标："),
    "behind_member": ("• {name}: {gaps}", "• {name}：{gaps}"),
    "behind_by": ("{metric} {amount} behind", "{metric}落后 {amount}"),
    "short_by": ("{metric} {amount} short", "{metric}差 {amount}"),
    "behind_none": ("Nobody is behind pace for {period}.", "{period}没有人落后于进度。"),
    "behind_none_over": ("Everyone reached their targets for {period}.", "{period}所有人都达成了目标。"),
    "behind_no_targets": ("Nobody has a target of their own for {period}, so nobody can be behind pace.",
                          "{period}没有人设定个人目标，无从判断谁落后。"),
    "days_gone": ("{gone} of {total:working day|working days} gone", "已过 {gone}/{total} 个工作日"),
    "no_target": ("No target set for this period.", "本期尚未设定目标。"),
    "target_summed": ("No target is set for {period} itself: it is the sum of the targets set for {parts}.",
                      "{period}本身未设目标：按 {parts} 的目标之和计算。"),
    "target_summed_some": ("{metrics}: no target is set for {period} itself: it is the sum of the "
                           "targets set for {parts}.",
                           "{metrics}：{period}本身未设目标，按 {parts} 的目标之和计算。"),
    "no_target_hint": ("A manager can set one: {example}", "经理可以这样设定：{example}"),
    "pipeline_title": ("Pipeline · {who}", "销售漏斗 · {who}"),
    "pipeline_empty": ("No open deals.", "没有进行中的商机。"),
    "conversion": ("Conversion (last 6 months): {steps}", "阶段转化率（近6个月）：{steps}"),
    "col_stage": ("Stage", "阶段"), "col_deals": ("Deals", "数量"), "col_amount": ("Amount", "金额"),
    "col_days": ("Days", "天数"), "col_rank": ("#", "名次"), "col_name": ("Name", "姓名"),
    "open_total": ("Open deals: {count} · {amount} · weighted {weighted}",
                   "进行中：{count} 个商机，{amount}；加权 {weighted}"),
    "stalled_title": ("Stalled deals · no change for {days}+ days", "停滞商机 · {days} 天以上无进展"),
    "stalled_none": ("No stalled deals. 👍", "没有停滞的商机。👍"),
    "stalled_line": ("#{id} {customer} · {title} · {stage} · {amount} · {days:day|days} · {owner}",
                     "#{id} {customer} · {title} · {stage} · {amount} · {days} 天 · {owner}"),
    "leaderboard_title": ("Leaderboard · {metric} · {period}", "排行榜 · {metric} · {period}"),
    "leaderboard_empty": ("Nothing yet this period.", "本期暂无数据。"),
    "leaderboard_none": ("With no {metric} in {period}: {names}.", "{period}没有{metric}：{names}。"),
    "leaderboard_none_nobody": ("Everyone has some {metric} in {period}.", "{period}每个人都有{metric}。"),
    # targets
    "target_set": ("Target set: {who}, {metric} {amount} for {period}.",
                   "目标已设定：{who}，{metric} {amount}，{period}。"),
    "target_split": ("Split between the reps ({count}): {shares}", "已分解给 {count} 位销售：{shares}"),
    "target_currency": ("Targets are kept in {currency}, and {amount} is in {given}: give the amount in "
                        "{currency}. Nothing was set.",
                        "目标以 {currency} 计，而 {amount} 是 {given}：请用 {currency} 写金额。尚未设定。"),
    "target_whose_unknown": ("I don't know anyone called “{name}”: whose target is it? Nothing was set yet.",
                             "没有找到名叫“{name}”的成员：这是谁的目标？尚未设定。"),
    "target_whose_which": ("“{name}” could be {names}: whose target is it? Nothing was set yet.",
                           "“{name}”可能是 {names}：这是谁的目标？尚未设定。"),
    "target_split_former": ("Removed the targets of those who left the team: {names}",
                            "已移除离职成员的目标：{names}"),
    "target_which_period": ("Which period's target of {who} becomes {amount}? Nothing was changed yet.",
                            "把{who}哪个时段的目标改成{amount}？尚未修改。"),
    "target_corrected": ("Corrected: it was {old}.", "已更正：原为 {old}。"),
    "correction_gone": ("Nothing to correct: “{label}” is no longer in effect (undone or changed since), "
                        "and nothing was changed now. Type what you mean in full, like {example}",
                        "没有可更正的：“{label}”已不再生效（已撤销或之后被改过），这次未做修改。"
                        "请完整写出要做的事，例如 {example}"),
    "follow_on_edit": ("{what}: {field} {old} → {new}", "{what}：{field} {old} → {new}"),
    "follow_on_same": ("For {what}, the {field} is {new} already. Nothing changed.",
                       "{what}的{field}已经是 {new}，未做修改。"),
    "follow_on_changed": ("Changed {change}.", "已修改{change}。"),
    "follow_on_nothing": ("Nothing was changed: you changed nothing in the last 10 minutes that “{value}” "
                          "could go into. Type the record and the value, like {example}",
                          "未做修改：最近 10 分钟内你没有改过可填入“{value}”的记录。"
                          "请写明记录和值，例如 {example}"),
    "follow_on_unfit": ("Nothing was changed: “{value}” fits no field of your last change, “{label}”. "
                        "Type the record and the value, like {example}",
                        "未做修改：“{value}”填不进你上一次的修改“{label}”。请写明记录和值，例如 {example}"),
    "follow_on_which": ("“{value}” could go into {count:thing|things} you just changed: which one? Nothing "
                        "was changed yet.", "“{value}”可以填入你刚改的 {count} 条记录：改哪一条？尚未修改。"),
    "target_which": ("“{value}” could go into {count:target|targets} you just set: which one? Nothing "
                     "was changed yet.", "“{value}”可以填入你刚设的 {count} 个目标：改哪一个？尚未修改。"),
    "target_team_word": ("team", "团队"),
    "follow_on_amount": ("amount", "金额"), "follow_on_close": ("close date", "预计成交日"),
    "follow_on_due": ("due date", "截止日"), "follow_on_follow_up": ("follow-up", "跟进日"),
    # what is due on a day (`whats due tmrw`, handlers/sales/tasks.py)
    "due_on_title": ("Due {day}", "{day}到期"),
    "due_between": ("{first} to {last}", "{first}至{last}"),
    "due_on_none": ("Nothing of yours is due {day}: no task, no follow-up.", "{day}没有你到期的任务或跟进。"),
    "follow_on_unset": ("none", "未设"),
    "follow_on_customer": ("customer", "客户"), "follow_on_tier": ("tier", "等级"),
    "follow_on_stage": ("stage", "阶段"),
    "probability_by_stage": ("A deal's probability is its stage's: {what} is at {stage}, {pct}%. Move it to "
                             "the stage nearest {said}%? Nothing was changed yet.",
                             "商机的赢率由阶段决定：{what}在{stage}，{pct}%。"
                             "要改到最接近 {said}% 的阶段吗？尚未修改。"),
    "probability_kept": ("A deal's probability is its stage's: {what} is at {stage}, {pct}%, and no other "
                         "stage is nearer. Nothing was changed.",
                         "商机的赢率由阶段决定：{what}在{stage}，{pct}%，没有更接近的阶段。未做修改。"),
    "probability_how": ("A deal's probability is its stage's: to change {pct}%, move the deal to a stage, "
                        "like {example} (deals lists yours). Nothing was changed.",
                        "商机的赢率由阶段决定：要改成 {pct}%，请把商机推进到相应阶段，例如 {example}"
                        "（“我的商机”列出编号）。未做修改。"),
    "stage_instead_already": ("{what} is at {stage} already: nothing was changed.",
                              "{what}已经在{stage}：未做修改。"),
    "correction_after_nothing": ("Your last message changed nothing: “{said}”. So nothing was corrected now, "
                                 "nor anything older. Type the record and the value, like {example}",
                                 "你的上一条消息没有修改任何内容：“{said}”。所以这次未做更正，更早的记录也没改。"
                                 "请写明记录和值，例如 {example}"),
    "correction_after_nothing_head": ("Your last message changed nothing: “{said}”, so nothing older is "
                                      "corrected unasked.",
                                      "你的上一条消息没有修改任何内容：“{said}”，所以更早的记录不会直接被改。"),
    "leave_days_apart": ("{first} and {second} are not one day after the other, and a leave is one run of "
                         "days: your leave {was} stays. Type the leave again as one run, like {example}",
                         "{first}和{second}不是相连的两天，一次请假是连续的几天：请假 {was} 未修改。"
                         "请按连续的日期重新输入，例如 {example}"),
    "leave_correction_offered": ("Your last change was your leave {was}: change it to {days}?",
                                 "你上一次修改的是请假 {was}：改成 {days} 吗？"),
    "correction_after_nothing_tap": ("Your last message changed nothing, so nothing was corrected now, nor "
                                     "anything older. Type the record and the value, like {example}",
                                     "你的上一条消息没有修改任何内容，所以这次未做更正，更早的记录也没改。"
                                     "请写明记录和值，例如 {example}"),
    "correction_elsewhere": ("Nothing was changed: your last change, “{label}”, was made in another "
                             "conversation. Correct it there, or type what you mean in full, like {example}",
                             "未做修改：你上一次的修改“{label}”是在另一个会话里做的。请在那里更正，"
                             "或完整写出要做的事，例如 {example}"),
    "target_correction_count": ("“{value}” is no number of {metric}: {who}'s {metric} target for {period} "
                                "stays {old}, nothing was changed. Say the count: no I meant 50.",
                                "“{value}”不是{metric}的次数：{who}{period}的{metric}目标仍为 {old}，"
                                "未做修改。请说数字，例如：不对，是50"),
    "target_correction_money": ("“{value}” is no amount of money: {who}'s {metric} target for {period} "
                                "stays {old}, nothing was changed. Say the amount: no I meant 500k.",
                                "“{value}”不是金额：{who}{period}的{metric}目标仍为 {old}，未做修改。"
                                "请说金额，例如：不对，是50万"),
    "target_no_reps": ("Team {team} has no reps to split the target over: nothing was saved, the team's "
                       "target neither. Tap to set the team's target alone.",
                       "团队{team}没有可分解目标的销售：未保存，团队目标也没有设定。点选可只设团队目标。"),
    # schedules and standups
    "bad_schedule_word": ("I couldn't read “{text}”: give a time (09:30), days (mon-fri, fri) or on/off.",
                          "没看懂“{text}”：请写时间（09:30）、日子（工作日、周五）或 开启/关闭。"),
    "schedule_title": ("Schedule of {team}", "{team} 的定时任务"),
    "schedule_zone": ("Times in {zone}; working days per the {calendar} calendar.",
                      "时间按 {zone}；工作日按 {calendar} 日历。"),
    "schedule_changed": ("Saved. The worker uses the new schedule within a minute.",
                         "已保存，一分钟内生效。"),
    "days_estimated": ("Working days of {years} are estimated: the {code} calendar has no official "
                       "schedule for it yet.",
                       "{years} 年的工作日为推算：{code} 日历还没有该年的官方安排。"),
    "questions_set": ("Standup questions of {team}:", "{team} 的站会问题："),
    "questions_set_in": ("Standup questions of {team}, for members who read {language}:",
                         "{team} 的站会问题（发给{language}成员）："),
    "questions_other_zh": ("Members who read Chinese get these in English until you set the Chinese "
                           "version too: {example}",
                           "中文成员会先收到英文问题，请再设置中文版：{example}"),
    "questions_other_en": ("Members who read English get these in Chinese until you set the English "
                           "version too: {example}",
                           "英文成员会先收到中文问题，请再设置英文版：{example}"),
    "col_job": ("Job", "任务"), "col_time": ("Time", "时间"), "col_run_days": ("Days", "运行日"),
    "col_state": ("State", "状态"), "col_next": ("Next", "下次"),
    "standup_thanks": ("Thanks! Your standup answer is in for today.", "收到！今天的站会回答已记录。"),
    "standup_prompt_title": ("☀️ Standup, {name} — {day}", "☀️ 站会，{name}，{day}"),
    "standup_prompt_how": ("Just reply here (or: standup …).", "直接回复这条消息即可（或发送：站会 …）。"),
    "standup_nudge": ("👋 {name}, your standup answer is still open — just reply to the prompt.",
                      "👋 {name}，站会还没回答，直接回复站会消息即可。"),
    "standup_summary_title": ("📋 Standup of {team} — {day}", "📋 {team} 站会汇总 — {day}"),
    "standup_no_answers": ("Nobody answered.", "没有人回答。"),
    "standup_missing": ("No answer from: {names}", "未回答：{names}"),
    "behind_title": ("⏰ Behind pace — {period}", "⏰ 进度落后 — {period}"),
    "period_ending_title": ("⏳ {period} is ending", "⏳ {period}即将结束"),
    "behind_line": ("{metric}: done {done} of {target}, needed by {when} {needed}, gap {gap}",
                    "{metric}：已完成 {done}/{target}，{when}应达 {needed}，差距 {gap}"),
    "days_left": ("{days:working day|working days} left in {period}.", "{period}还剩 {days} 个工作日。"),
    "days_left_none": ("Today is the last working day of {period}.", "今天是{period}的最后一个工作日。"),
    "period_over": ("{period} has no working days left.", "{period}已没有工作日。"),
    "standing_line": ("{metric}: {share} done, on pace", "{metric}：已完成 {share}，进度正常"),
    "top_sellers_title": ("🏆 Top sellers of the {period} — {team}", "🏆 {period}度销售之星 — {team}"),
    "top_seller_line": ("Congratulations {name}, top seller of the {period}!",
                        "恭喜 {name} 获得{period}度销售冠军！"),
    "scorecard_title": ("Scorecard · {who} · {period}", "绩效 · {who} · {period}"),
    "scorecard_peers": ("Median and rank among the {count:rep|reps} of the team.",
                        "中位数和排名：团队 {count} 名销售之中。"),
    "scorecard_target": ("Target", "目标"),
    "col_kpi": ("KPI", "指标"),
    "col_value": ("Value", "数值"),
    "col_median": ("Team median", "团队中位数"),
    "col_standing": ("Rank", "排名"),
    "col_change": ("vs last", "环比"),
    "kpi_revenue": ("Revenue", "业绩"),
    "kpi_target_share": ("Of target", "目标完成率"),
    "kpi_deals_won": ("Deals won", "赢单数"),
    "kpi_new_customers": ("New customers", "新客户"),
    "kpi_leads": ("New leads", "新线索"),
    "kpi_visits": ("Visits", "拜访"),
    "kpi_win_rate": ("Win rate", "赢单率"),
    "kpi_avg_deal": ("Average deal", "平均单额"),
    "kpi_days_to_close": ("Days to close", "成交周期"),
    "kpi_coverage": ("Pipeline coverage", "管道覆盖率"),
    "kpi_days": ("{days:day|days}", "{days} 天"),
    "col_share": ("% of target · {metric}", "目标完成率 · {metric}"),
    "top_seller_lead": ("Ahead of the next by {lead}.", "领先第二名 {lead}。"),
    "top_sellers_vs_last": ("Team revenue {total}; the period before {last} ({change}).",
                            "团队业绩 {total}；上期 {last}（{change}）。"),
    "target_reached_by": ("Target {target}: {share} of it.", "目标 {target}，完成 {share}。"),
    "target_reached_last": ("Last period: {last}.", "上期：{last}。"),
    "target_reached": ("🎯 {who} reached the {metric} target for {period}: {value}!",
                       "🎯 {who} 完成了{period}{metric}目标：{value}！"),
    "digest_daily_title": ("📊 Daily digest — {team}, {day}", "📊 日报 — {team}，{day}"),
    "digest_weekly_title": ("📊 Weekly digest — {team}, week of {day}", "📊 周报 — {team}，{day}当周"),
    "digest_visits": ("Visits logged: {count}", "拜访记录：{count} 次"),
    "digest_overdue": ("Follow-ups overdue: {count}", "逾期未跟进：{count} 个"),
    "digest_closed": ("{mark} {stage}: {customer} ({owner}, {amount}) — {reason}",
                      "{mark} {stage}：{customer}（{owner}，{amount}）— {reason}"),
    "digest_no_closed": ("No deals closed.", "没有成交或输单。"),
    "digest_visits_week": ("Visits this week: {count} (last week {before}, {change})",
                           "本周拜访：{count} 次（上周 {before} 次，{change}）"),
    "digest_month_pace": ("No targets for the week: the month's pace as of {when}.",
                          "本周没有设目标：以下为本月截至{when}的进度。"),
    "digest_moved": ("Deals that moved stage: {count}", "推进了阶段的商机：{count} 个"),
    "digest_none_moved": ("No deal moved stage this week.", "本周没有商机推进阶段。"),
    "chart_title": ("Revenue won vs target — {period}", "业绩与目标 — {period}"),
    "chart_target": ("Target", "目标"),
    # a manager's say over a rep's pipeline and the tasks they give
    "task_delete_given": ("Task #{id} ({title}) was given to you by {name}, so only {name} can delete it. "
                          "Mark it done when it is done, or ask {name} to take it back.",
                          "任务 #{id}（{title}）是{name}派给你的，只有{name}可以删除。做完了可以标记完成，"
                          "或者请{name}撤回。"),
    "reassign_active": ("{source} is still active: this moves their {customers:customer|customers}, "
                        "{deals:open deal|open deals}, {tasks:open task|open tasks} and "
                        "{followups:open follow-up|open follow-ups} to "
                        "{target}. Nothing is moved yet: tap to confirm.",
                        "{source}仍在职：这会把其 {customers} 个客户、{deals} 个进行中的商机、"
                        "{tasks} 个未完成任务和 {followups} 个待跟进转交给{target}。尚未转交，请点击确认。"),
    "reassign_button": ("Move {source}'s pipeline to {target}", "把{source}的客户和商机转给{target}"),
    # a snooze's length, counted on the team's calendar
    "shift_working_days": ("{count:working day|working days}: weekends and public holidays are not counted.",
                           "按 {count} 个工作日计算，不含周末和节假日。"),
    "shift_next_working_day": ("{day} is not a working day, so it moved to the next one.",
                               "{day}不是工作日，已顺延到下一个工作日。"),
    # a period over, in progress: the result, no pace
    "period_closed": ("Period closed: all {total:working day|working days} are over.",
                    "本期已结束：{total} 个工作日已全部过完。"),
    "final_reached": ("{done} of {target} · target reached", "已完成 {done} / 目标 {target} · 已达成"),
    "final_exceeded": ("{done} of {target} · target reached, {amount} over",
                       "已完成 {done} / 目标 {target} · 已达成，超出 {amount}"),
    "final_missed": ("{done} of {target} · target missed by {amount}",
                     "已完成 {done} / 目标 {target} · 未达成，差 {amount}"),
    # a standup answer that also reads as a command
    "standup_only_answer": ("Only your standup answer was saved: no visit or task was logged from it. "
                            "To log one, send it on its own: {visit} · {task}",
                            "只记录了站会回答，没有据此记录拜访或任务。"
                            "如需记录，请单独发送：{visit} · {task}"),
    # a deal's title like none of the customer's open deals: which one, or a new one
    "other_deal_titles": ("You have open deals with {customer}: {deals}. Is “{title}” one of them (perhaps "
                          "named in the other language), or a new deal? Nothing was saved yet.",
                          "你在{customer}已有进行中的商机：{deals}。“{title}”是其中之一（可能是另一种语言的叫法），"
                          "还是新商机？尚未保存。"),
}
