"""Strings, in English and Chinese: how a message was read, and the bot's questions when it could be read
two ways: the customer or deal it was taken as, a word no field claims, a date or amount in the wrong
place (the options it offers: `handlers/text/tables/options.py`). `handlers.text.strings.t` reads them.
"""

ASKING: dict[str, tuple[str, str]] = {
    "customer_similar": ("No customer is named “{name}”, but there is {names}. Which do you mean? "
                         "(Nothing was saved.)",
                         "没有名为“{name}”的客户，但有：{names}。你指的是哪一个？（未保存）"),
    "customer_equals": ("“{name}” says one name is another; a customer's name has no “=”. Which do you mean: "
                        "{names}? (Nothing was saved. To join two customers, a manager types: "
                        "customer BYD merge into 比亚迪)",
                        "“{name}”里有“=”，客户名不带等号。你指的是哪一个：{names}？（未保存。合并两个客户请经理输入："
                        "客户 BYD 合并到 比亚迪）"),
    "deal_taken_as": ("“{title}” taken as deal #{id} ({theirs}).", "“{title}”按商机 #{id}（{theirs}）处理。"),
    "same_title_as_colleague": ("Deal #{id} of this customer has the same title; it is {owner}'s, so this is "
                                "a new deal of yours.",
                                "该客户的商机 #{id} 同名，属于{owner}；这是你自己的新商机。"),
    "customer_lead_which": ("“{name}” starts with our customer {customer}: is it {customer}, with “{rest}” "
                            "kept where it fits, or a new customer “{name}”? Nothing was saved yet.",
                            "“{name}”以我们的客户{customer}开头：是{customer}（“{rest}”存到对应的栏目），还是新客户“{name}”？"
                            "尚未保存。"),
    "lead_as_notes": ("{customer}, notes “{text}”", "{customer}，纪要“{text}”"),
    "lead_as_title": ("{customer}, deal titled “{text}”", "{customer}，商机标题“{text}”"),
    "customer_taken_as": ("“{name}” taken as {customer}.", "“{name}”按 {customer} 处理。"),
    "member_taken_as": ("“{name}” taken as {member}.", "“{name}”按 {member} 处理。"),
    "customer_joined": ("“{name}” reads as several customers ({names}). One message for each, or one new "
                        "customer of that name? Nothing was saved yet.",
                        "“{name}”像是几个客户（{names}）。每个客户各记一条，还是新建一个叫这个名字的客户？尚未保存。"),
    "customer_joined_known": ("“{name}” names customers of ours ({names}): one message for each? Nothing was "
                              "saved yet.",
                              "“{name}”是我们的几个客户（{names}）：每个客户各记一条吗？尚未保存。"),
    "each_customer_button": ("One for each ({count})", "每个客户各一条（{count}）"),
    "new_customer_button": ("New customer “{name}”", "新客户“{name}”"),
    "several_none_saved": ("Nothing of this message was saved, not even {lines}, which was fine.",
                           "整条消息都未保存，没有问题的{lines}也没有保存。"),
    "several_only_before": ("Save only {lines}", "只保存{lines}"),
    "customer_new_ask": ("There is no customer “{name}” yet. Create it? Nothing was saved yet.",
                         "还没有客户“{name}”。要新建这个客户吗？尚未保存。"),
    "visit_which_customer": ("Which words are the customer? Put a colon after the name: {example}",
                             "哪几个字是客户名？请在客户名后加冒号：{example}"),
    "title_in_quotes": ("Is “{text}” the title of a deal of {customer}? It is no stage I know; titles go "
                        "in quotes. (Nothing was saved.)",
                        "“{text}”是{customer}的商机标题吗？它不是已知的阶段；标题请加引号。（未保存）"),
    "title_or_deal": ("Is “{text}” one of your open deals with {customer} ({deals}), or a new deal titled "
                      "“{text}”? It is no stage I know. Nothing was saved yet: tap one.",
                      "“{text}”是你在{customer}的进行中商机（{deals}）之一，还是新商机“{text}”？它不是已知的阶段。"
                      "尚未保存：请点选一项。"),
    "reopen_which": ("Reopen which deal with {customer}? Tap it (nothing was changed yet).",
                     "重新打开{customer}的哪个商机？请点选（尚未更改）。"),
    "title_or_deal_new": ("A new deal titled “{title}”", "新建商机“{title}”"),
    "reason_or_a_title": ("Is “{text}” why, or the title of a deal of {customer}? Nothing was saved yet.",
                        "“{text}”是原因，还是{customer}的商机标题？尚未保存。"),
    "reversed_range": ("“{text}” ends before it starts: put the first day first.",
                       "“{text}”结束日期早于开始日期：请先写开始日期。"),
    "two_commands": ("That reads as two things: “{text}” is a second command. Nothing was saved yet: "
                     "which do you mean?",
                     "这像是两件事：“{text}”是第二条命令。尚未保存，你指的是哪种？"),
    "follow_up_typo": ("Is “{text}” a follow-up? Nothing was saved yet. Did you mean: {fixed}",
                       "“{text}”是跟进吗？尚未保存。你是想说：{fixed}"),
    "follow_up_day": ("Got the visit; the follow-up needs a day (nothing was saved yet): reply with it, "
                      "e.g. fri, 12/20, next Tue.",
                      "拜访已看懂，跟进还缺一个日期（尚未保存）：直接回复日期即可，"
                      "如 周五、12月20日、下周二。"),
    "deadline_in_notes": ("Is “{text}” a follow-up day for this visit, or only part of the notes? "
                          "Nothing was saved yet.",
                          "“{text}”是这次拜访的跟进日期，还是只是纪要的一部分？尚未保存。"),
    "call_again_no_day": ("“{text}” sounds like a follow-up, but I can't read its day: reply with the day "
                          "(fri, 12/20), or keep it as notes. Nothing was saved yet.",
                          "“{text}”像是跟进，但没看懂日期：请回复日期（周五、12月20日），"
                          "或只作为纪要。尚未保存。"),
    "reason_colon": ("Is “{text}” the reason? Put a colon before it (nothing was saved yet): {fixed}",
                     "“{text}”是原因吗？请在它前面加冒号（尚未保存）：{fixed}"),
    "two_dates": ("Two follow-up days ({text}): which one? Nothing was saved yet.",
                  "有两个跟进日期（{text}），是哪一个？尚未保存。"),
    "follow_up_in_reason": ("“{text}” is a follow-up, not the reason: nothing was saved yet. "
                            "Which do you mean?",
                            "“{text}”是跟进，不是原因，尚未保存。你指的是哪种？"),
    "task_delete": ("A task can't be deleted here; mark it done instead: done task {text}. Nothing was "
                    "changed.",
                    "这里不能删除任务，可以标记完成：完成 任务 {text}。未做任何修改。"),
    "task_number_or_title": ("A new task titled “{text}”, or did you mean the task numbered at its start? "
                             "A task's number goes with what changes (e.g. task 7 due fri, done task 7). "
                             "Nothing was saved yet.",
                             "新建任务“{text}”，还是指开头那个编号的任务？修改任务要写明改什么"
                             "（如 任务 7 改到周五、完成 任务 7）。尚未保存。"),
    "done_note_fields": ("“{text}” reads as a day, a follow-up or another command, not as what came of it: "
                         "nothing was saved yet. Send the done on its own first, then the rest.",
                         "“{text}”像是日期、跟进或另一条命令，而不是跟进结果：尚未保存。"
                         "请先单独发送“完成”那条，再发其余内容。"),
    "task_done_words": ("A task keeps no notes, so “{text}” would not be kept with it: mark it done without "
                        "them? Nothing was saved yet.",
                        "任务不保存备注，“{text}”不会记下：只标记完成吗？尚未保存。"),
    "task_reopen_words": ("A task keeps no notes, so “{text}” would not be kept with it: open it again "
                          "without them? Nothing was changed yet.",
                          "任务不保存备注，“{text}”不会记下：只重新打开这个任务吗？尚未修改。"),
    "task_day_gone": ("“{text}” is a day gone by, so no task can be due then: are those words part of its "
                      "title, or is it due the coming one? Nothing was saved yet.",
                      "“{text}”已经过去了，任务不能那天到期：这几个字是标题的一部分，还是下一个这天到期？"
                      "尚未保存。"),
    "task_two": ("That reads as two tasks, each with its own day ({text}): make both? Nothing was saved yet.",
                 "这是两个任务，各有各的日期（{text}）：两个都建吗？尚未保存。"),
    "task_people": ("{text}: one task for each of them? Nothing was saved yet.",
                    "{text}：每人各建一个任务？尚未保存。"),
    "snooze_several": ("{text}: move each of them to that day? Nothing was saved yet.",
                       "{text}：每一条都推迟到那天？尚未保存。"),
    "tip_or_search": ("Keep this as a tip about “{text}”, or find tips? Nothing was saved yet.",
                      "把这条存为关于“{text}”的经验，还是查找经验？尚未保存。"),
    "lesson_or_search": ("Keep this as a tip, or find tips with these words? Nothing was saved yet.",
                         "把这条存为经验，还是用这些词查找经验？尚未保存。"),
    "unread_words": ("I couldn't tell what “{text}” is in this message, so nothing was saved. Write it "
                     "as one of these:",
                     "没看懂这条消息里的“{text}”，未保存。请按以下格式写："),
    "date_in_title": ("Is “{text}” the day the task is due? Nothing was saved yet.",
                      "“{text}”是任务的截止日吗？尚未保存。"),
    "task_title_left": ("Is the task “{text}”, due on the day said? With its day taken out, what is left "
                        "does not read whole. Nothing was saved yet.",
                        "任务是“{text}”、截止到所说的那天吗？去掉日期后，剩下的文字读不通。尚未保存。"),
    "part_without_day": ("“{text}” says when in the day, but not which day. Nothing was saved yet: say the "
                         "day with it (task call Acme tmrw morning), or keep it as part of the task.",
                         "“{text}”说了一天中的什么时候，但没说哪一天。尚未保存：请连同日期一起写"
                         "（任务 明天上午给华为打电话），"
                         "或把它留作任务内容。"),
    "amount_in_reason": ("Is “{text}” the amount it was won for? Nothing was saved yet.",
                         "“{text}”是成交金额吗？尚未保存。"),
    "follow_up_as_task": ("“{text}” has no command word: is it a task for you, on that day? Nothing was "
                          "saved yet.", "“{text}”没有命令词：是给自己的一个任务（到那天）吗？尚未保存。"),
    "deal_phase_dropped": ("“{text}” is no part of a stage: change the deal without it? Nothing was changed "
                           "yet.",
                           "“{text}”不是阶段的一部分：不带它修改商机吗？尚未修改。"),
    "sentence_leave": ("“{text}” has no command word: take this leave? Nothing was saved yet.",
                       "“{text}”没有命令词：按下面这样请假吗？尚未保存。"),
    "sentence_target": ("“{text}” has no command word: set this target? Nothing was saved yet.",
                        "“{text}”没有命令词：按下面这样设目标吗？尚未保存。"),
    "leave_days": ("Leave on each of these days: {text}? Nothing was saved yet.",
                   "以下每一天都请假：{text}？尚未保存。"),
    "schedule_said": ("“{text}” has no command word: change the schedule like this? Nothing was changed "
                      "yet.", "“{text}”没有命令词：按下面这样修改定时设置吗？尚未改动。"),
    "tier_said": ("“{text}” has no command word: set the customer's tier like this? Nothing was changed "
                  "yet.", "“{text}”没有命令词：按下面这样设置客户分级吗？尚未改动。"),
    "tier_said_new": ("“{text}” has no command word, and no customer of ours has that name: a new customer "
                      "with that tier? Nothing was saved yet.",
                      "“{text}”没有命令词，也没有叫这个名字的客户：新建客户并设为该分级吗？尚未保存。"),
    "contest_said": ("“{text}” has no command word: start this contest? Nothing was saved yet.",
                     "“{text}”没有命令词：按下面这样开始竞赛吗？尚未保存。"),
    "role_said": ("“{text}” has no command word: set the role like this? Nothing was changed yet.",
                  "“{text}”没有命令词：按下面这样设置角色吗？尚未改动。"),
    "competitor_noted": ("Competitor: {name}.", "竞争对手：{name}。"),
    "competitor_set": ("Deal #{id} ({title}): competitor {name}. The reason stays as it was.",
                       "商机 #{id}（{title}）：竞争对手记为{name}。原因保持不变。"),
    "competitor_changed": ("Deal #{id} ({title}): competitor {was} → {name}. The reason stays as it was.",
                           "商机 #{id}（{title}）：竞争对手 {was} → {name}。原因保持不变。"),
    "competitors_noted": ("Competitors ({count}): {name}.", "竞争对手：{name}（{count} 家）。"),
    "competitor_unnamed": ("“{text}” is kept in the reason, not as the competitor: I read a competitor's "
                           "name when it is capitalised (Acme Soft) or one I know.",
                           "“{text}”只记在原因里，未记为竞争对手：首字母大写的名称（如 Acme Soft）"
                           "或已知的对手才会记为竞争对手。"),
    "task_note_not_kept": ("“{note}” is not kept: a task has no notes (a visit does: visit …: notes).",
                           "“{note}”未保存：任务没有备注（拜访有纪要：拜访 …：纪要）。"),
    "task_note_told": ("“{note}” went to {name} with the news; a task keeps no notes, so it is not saved.",
                       "“{note}”已随完成通知发给{name}；任务没有备注，不会保存。"),
    "follow_up_none_with": ("You have no open follow-up with {customer}, so nothing was moved. A task for "
                            "that day instead?",
                            "你和{customer}没有未完成的跟进，未改动。改为建一个那天的任务？"),
    "follow_up_which": ("You have several open follow-ups with {customer}: which one moves? Nothing was "
                        "moved yet.", "你和{customer}有多条未完成的跟进：改哪一条？尚未改动。"),
    "own_deal_meant": ("Did you mean your deal #{number}? Nothing was saved yet.",
                       "是指你的商机 #{number} 吗？尚未保存。"),
    "new_deal_none_open": ("You have no open deal with {text}, so “{fixed}” points at none. Nothing was "
                           "saved yet. A new deal? (A title goes in quotes: deal {text} \"title\" …)",
                           "你在{text}没有进行中的商机，“{fixed}”指不到任何商机，尚未保存。要新建吗？"
                           "（标题写在引号里：商机 {text} \"标题\" …）"),
    "new_deal_same_title": ("You have an open deal of that title already ({text}): a new deal, or that one "
                            "changed? Nothing was saved yet.",
                            "你已有一个同名的进行中商机（{text}）：新建一个，还是修改那一个？尚未保存。"),
    "new_deal_words_left": ("A new deal keeps no notes: “{text}” can't be saved with it, so nothing was "
                            "saved yet. Make the new deal without those words? (Notes go with a visit: "
                            "visit …: notes.)",
                            "商机不记纪要：“{text}”无法随新商机保存，尚未保存。去掉这些字后新建？"
                            "（纪要请随拜访记：拜访 …：纪要。）"),
    "deal_words_left": ("A deal keeps no notes: “{text}” can't be saved with it, so nothing was saved "
                        "yet. Make the change without those words? (Notes go with a visit: visit …: notes.)",
                        "商机不记纪要：“{text}”无法随它保存，尚未保存。去掉这些字后执行？"
                        "（纪要请随拜访记：拜访 …：纪要。）"),
    "deal_move_words_left": ("“{text}” is no part of moving a deal, so nothing was saved yet. Move the deal "
                             "and log those words as a visit's notes, or move it without them?",
                             "“{text}”不属于推进商机，尚未保存。推进商机并把这些字记为拜访纪要，还是只推进商机、"
                             "不带这些字？"),
    "currency_foreign": ("“{text}”: this workspace keeps no amounts in that currency (it keeps CNY, USD, "
                         "EUR, GBP, HKD and JPY), so nothing was saved. Send the amount again in one of "
                         "those.", "“{text}”：本工作区不记录这种货币的金额（只记录人民币、美元、欧元、英镑、"
                         "港币和日元），尚未保存。请用其中一种货币重新发送金额。"),
    "amount_lakh": ("“{text}”: is that the amount, in this workspace's currency? Nothing was saved yet.",
                    "“{text}”：这是金额吗（按本工作区的货币）？尚未保存。"),
    "digit_title": ("“{text}” reads as an amount, but the words after it are no field of a deal: are they "
                    "the deal's title? Nothing was saved yet.",
                    "“{text}”看起来是金额，但后面的字不属于商机的任何字段：它们是商机标题吗？尚未保存。"),
    "comma_title": ("Is “{text}” the deal's title? Read without the comma it would be part of a new "
                    "customer's name. Nothing was saved yet.",
                    "“{text}”是商机的标题吗？不按逗号分开的话，它会成为新客户名称的一部分。尚未保存。"),
    "contest_prize": ("A contest keeps no prize, so “{text}” can't be saved with it (and it is no team). "
                      "Nothing was saved yet. Start the contest without it? (Announce the prize in the "
                      "team channel.)", "竞赛不记录奖品：“{text}”无法随它保存（它也不是团队），尚未保存。"
                      "去掉奖品后开始竞赛吗？（奖品可以在团队群里宣布。）"),
    "visit_ahead": ("“{text}” is still to come: a visit is logged once it took place, so nothing was saved. "
                    "Plan it as a task?", "“{text}”还没到：拜访在发生后才记录，尚未保存。作为任务安排吗？"),
    "task_period": ("“{text}” in the task: is it when it is due? Nothing was saved yet.",
                    "任务里的“{text}”是截止时间吗？尚未保存。"),
    "visit_day_ahead": ("“{text}”, right after the customer, is where the visit's day goes, but it is still "
                        "to come. Which do you mean? Nothing was saved yet.",
                        "“{text}”紧跟在客户后面，像是拜访日期，但这一天还没到。"
                        "你指的是哪个？尚未保存。"),
    "read_as_whole": ("(Read as “{said}”.)", "（按“{said}”处理。）"),
    "leave_reason": ("Leave has no place for “{text}”, so nothing was saved yet. Take the days off "
                     "without it?", "请假记录里放不下“{text}”，尚未保存。不带这句话请假？"),
    "leave_part_of_day": ("Leave is kept in whole days: “{text}” has no place, so nothing was saved yet. "
                          "Take the whole day off?",
                          "请假按整天记录，放不下“{text}”，尚未保存。按整天请假吗？"),
    "leave_cancel_reason": ("Leave has no place for “{text}”, so nothing was changed yet. Cancel the leave "
                            "of those days without it?",
                            "请假记录里放不下“{text}”，尚未修改。不带这句话取消这几天的请假？"),
    "day_or_month": ("“{text}” reads two ways: month first or day first? Nothing was saved yet.",
                     "“{text}”有两种读法：月在前还是日在前？尚未保存。"),
    "customer_comment": ("“{text}” is no part of the customer's name or tier, so nothing was saved yet. "
                         "Keep the words as a visit's notes?",
                         "“{text}”不是客户名称或等级的一部分，尚未保存。把这些话记成一次拜访的纪要？"),
    "sentence_visit": ("“{text}” has no command word: log it as this visit? Nothing was saved yet.",
                       "“{text}”没有命令词：记成下面这条拜访吗？尚未保存。"),
    "sentence_task": ("“{text}” has no command word: make it this task? Nothing was saved yet.",
                      "“{text}”没有命令词：建成下面这个任务吗？尚未保存。"),
    "closed_in_notes": ("“{text}” sounds like the deal was won: mark it won too, or only log the visit? "
                        "Nothing was saved yet.",
                        "“{text}”听起来是赢单了：同时把商机标记为赢单，还是只记录拜访？尚未保存。"),
    "lost_in_notes": ("“{text}” sounds like the deal was lost: mark it lost too, or only log the visit? "
                      "Nothing was saved yet.",
                      "“{text}”听起来是输单了：同时把商机标记为输单，还是只记录拜访？尚未保存。"),
    "did_you_mean": ("“{text}” is not a command I know. Did you mean: {fixed}",
                     "没认出“{text}”这个命令。你是想说：{fixed}"),
    "month_typo": ("Is “{text}” {month}? Nothing was saved yet. Did you mean: {fixed}",
                   "“{text}”是{month}吗？尚未保存。你是想说：{fixed}"),
    "word_typo": ("“{text}” is no word I know there. Did you mean: {fixed}",
                  "这里没认出“{text}”。你是想说：{fixed}"),
    "mention_missing": ("Is “{text}” the person? Put @ before each person (nothing changed yet): {fixed}",
                        "“{text}”是成员吗？请在每个人名前加 @（尚未修改）：{fixed}"),
    "inner_command": ("I read “{said}” in it; “{left}” is no part of that, so nothing was saved yet.",
                      "其中读出的命令是“{said}”；“{left}”不属于这条命令，尚未保存。"),
    "read_as": ("(Read as “{said}”; “{left}” left out.)", "（按“{said}”处理；“{left}”未使用。）"),
    "call_unsaid": ("No command word, and it sounds like a call with {text}, not a visit: calls are kept as "
                    "visits whose notes say it was a call. Log it so? Nothing was saved yet.",
                    "没有命令词，听起来是和{text}通了电话，不是上门拜访：电话以拜访记下，纪要写明是电话。"
                    "这样记吗？尚未保存。"),
    "visit_unsaid": ("There is no command word, but {text} is a customer of ours: is this a visit? Nothing "
                     "was saved yet.",
                     "没有命令词，但{text}是我们的客户：这是一次拜访吗？尚未保存。"),
    "command_said": ("“{text}” has no command word, but its words are a command's: this? Nothing was saved "
                     "yet.",
                     "“{text}”没有命令词，但读起来是下面这条命令：这样吗？尚未保存。"),
    "command_unsaid": ("There is no command word, and its words are no visit to {text}: nothing was saved. "
                       "Say it like this:",
                       "没有命令词，这些话也不是拜访{text}：未保存。可以这样说："),
    "visit_or_task": ("There is no command word: is it a visit to {text}, or a task? Nothing was saved yet.",
                      "没有命令词：这是拜访{text}，还是一个任务？尚未保存。"),
    "deal_unsaid": ("There is no command word, but {text} is a customer of ours and a stage is named: move "
                    "its deal? Nothing was saved yet.",
                    "没有命令词，但{text}是我们的客户，也提到了阶段：更新它的商机吗？尚未保存。"),
    "new_deal_unsaid": ("There is no command word, but {text} is a customer of ours and a stage is named; "
                        "you have no open deal with them: a new deal at that stage? Nothing was saved yet.",
                        "没有命令词，但{text}是我们的客户，也提到了阶段；你和它没有进行中的商机：按这个阶段新建商机吗？"
                        "尚未保存。"),
    "visit_new_deal_unsaid": ("There is no command word, but {text} is a customer of ours, a visit is told "
                              "and a stage is named; you have no open deal with them: log the visit, and a "
                              "new deal at that stage? Nothing was saved yet.",
                              "没有命令词，但{text}是我们的客户，说了一次拜访，也提到了阶段；你和它没有进行中的商机："
                              "记下拜访，并按这个阶段新建商机吗？尚未保存。"),
    "visit_deal_unsaid": ("There is no command word, but {text} is a customer of ours, a visit is told and a "
                          "stage is named: log the visit, and move its deal? Nothing was saved yet.",
                          "没有命令词，但{text}是我们的客户，说了一次拜访，也提到了阶段：记下拜访，并更新它的商机吗？"
                          "尚未保存。"),
    "task_unsaid": ("“{text}” has no command word: is it a task, for that day? Nothing was saved yet.",
                    "“{text}”没有命令词：是一个任务（到那天）吗？尚未保存。"),
    "not_a_stage": ("“{text}” is not a stage. Did you mean: {fixed}",
                    "“{text}”不是商机阶段。你是想说：{fixed}"),
    "bad_amount": ("I couldn't read “{text}” as an amount: nothing was saved. Write 50k, 50,000, 5万 or "
                   "$5000.",
                   "没认出金额“{text}”，未保存。可以写 5万、50000、50k 或 $5000。"),
    "bad_contact": ("I couldn't read “{text}” as an email or a mobile number: nothing changed. "
                    "Write ana@corp.com or 13800000000.",
                    "没认出“{text}”是邮箱还是手机号，未做更改。请写 zhang@corp.com 或 13800000000。"),
    "unread_word": ("I couldn't read “{text}”: after the stage, amount or close date only those can "
                    "come, so nothing was saved. Put a title in quotes.",
                    "没认出“{text}”：阶段、金额、预计日期之后只能写这些，未保存。标题请加引号。"),
    "unread_word_plain": ("I couldn't read “{text}” here, so nothing was saved. How to say it:",
                          "没认出这里的“{text}”，未保存。正确的说法："),
    "deal_retitled": ("Title: {old} → {new}.", "标题：{old} → {new}。"),
    "deal_recustomered": ("Customer: {old} → {new}.", "客户：{old} → {new}。"),
    "which_currency": ("Deal #{id} is {current}: which amount do you mean, {amounts}? Nothing was "
                       "changed yet.",
                       "商机 #{id} 现为 {current}：你指的是哪个金额，{amounts}？尚未修改。"),
    "reason_or_title": ("Is “{text}” the reason? {customer} has an open deal of yours: {deals}. Tap the one "
                        "you closed (nothing was saved yet).",
                        "“{text}”是原因吗？你在{customer}有进行中的商机：{deals}。请点选结单的那个（尚未保存）。"),
    "new_deal_button": ("A new deal “{title}”", "新商机“{title}”"),
    "update_deal_button": ("Update #{id} {title}", "更新 #{id} {title}"),
    "new_deal_or_update": ("A new deal for {customer}, or a change to yours there ({deals})? Nothing was "
                           "saved yet. (A new deal's title can be said in quotes: deal {customer} \"…\".)",
                           "为{customer}新建商机，还是修改你在那里的商机（{deals}）？尚未保存。"
                           "（新商机的名称可加引号写明：商机 {customer} “…”。）"),
    "deal_other_currency": ("Deal #{id} is {current}, and {amount} is in another currency: change the "
                            "deal's currency, or which amount do you mean? Nothing was changed yet.",
                            "商机 #{id} 现为 {current}，而 {amount} 是另一种货币：要改商机的货币，"
                            "还是指哪个金额？尚未修改。"),
    "currency_switch_button": ("{amount}: the deal in {currency}", "{amount}：商机改为 {currency}"),
    "currency_converted_button": ("{amount} ({said} converted)", "{amount}（{said} 换算）"),
    "amount_in_deal_currency": ("Read in deal #{id}'s currency: {amount}.",
                                "按商机 #{id} 的货币计：{amount}。"),
    "deal_currency_switched": ("Deal #{id} is now in {new} (was {old}).",
                               "商机 #{id} 的货币已由 {old} 改为 {new}。"),
    "quote_name": ("Is “{text}” the customer? A name that looks like an amount goes in quotes: {fixed}",
                   "“{text}”是客户名吗？像金额的客户名请加引号：{fixed}"),
    "standup_or_command": ("Is this your standup answer, or did you mean the command?",
                           "这是你的站会回答，还是想发命令？"),
    "standup_answer_button": ("It's my standup answer", "这是站会回答"),
    "split_needs_team": ("Only a team target can be split: target team revenue 2m quarter split",
                         "只有团队目标可以分解：目标 团队 业绩 200万 本季度 分解"),
    "id_change_asked": ("Move #{id} to {day}: which is it? Nothing was changed yet.",
                        "把 #{id} 改到{day}：是哪一个？尚未修改。"),
    "id_change_one": ("Move {what} to {day}? Nothing was changed yet.", "把{what}改到{day}？尚未修改。"),
    "id_change_follow_up": ("Follow-up #{id} ({customer})", "跟进 #{id}（{customer}）"),
    "id_change_deal": ("Deal #{id} close day ({customer} · {title})",
                       "商机 #{id} 预计成交（{customer} · {title}）"),
    "id_change_task": ("Task #{id} due day ({title})", "任务 #{id} 截止日（{title}）"),
    "id_change_none": ("You have no open follow-up, deal or task #{id}. "
                       "A follow-up's new day: snooze 29 fri; a deal's close day: deal #12 close fri; "
                       "a task's: task 7 due fri",
                       "你没有编号 #{id} 的待跟进、进行中的商机或任务。改跟进日期：推迟 29 周五；"
                       "改商机预计成交：商机 #12 预计 周五；改任务截止日：任务 7 改到 周五"),
    "this_deal_one": ("Record {what} of deal #{id} ({customer} · {title}), the deal you just changed? "
                      "Nothing was saved yet.",
                      "记为{what}：商机 #{id}（{customer} · {title}），就是你刚才改的那个？尚未保存。"),
    "this_deal_which": ("Which deal is it? Tap one to record {what}. Nothing was saved yet.",
                        "是哪个商机？点一个记为{what}。尚未保存。"),
    "this_deal_lost": ("the loss", "输单"),
    "this_deal_won": ("the win", "赢单"),
    "this_deal_won_today": ("A win is recorded on the day you tell me (today), not on the day it was "
                            "signed ({day}).",
                            "赢单按告诉我的这天（今天）记录，不记为签约那天（{day}）。"),
    "this_deal_none": ("You have no open deal. Name the customer: lost Acme: price",
                       "你没有进行中的商机。请写上客户：输单 华为：价格太高"),
}
