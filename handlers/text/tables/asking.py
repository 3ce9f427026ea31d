"""Strings, in English and Chinese: how a message was read, and the bot's questions when it could be read
two ways: the customer or deal it was taken as, a word no field claims, a date or amount in the wrong
place, and the options a question offers. `handlers.text.strings.t` reads them.
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
    "customer_taken_as": ("“{name}” taken as {customer}.", "“{name}”按 {customer} 处理。"),
    "customer_joined": ("“{name}” reads as several customers ({names}). One message for each, or one new "
                        "customer of that name? Nothing was saved yet.",
                        "“{name}”像是几个客户（{names}）。每个客户各记一条，还是新建一个叫这个名字的客户？尚未保存。"),
    "each_customer_button": ("One for each ({count})", "每个客户各一条（{count}）"),
    "new_customer_button": ("New customer “{name}”", "新客户“{name}”"),
    "visit_which_customer": ("Which words are the customer? Put a colon after the name: {example}",
                             "哪几个字是客户名？请在客户名后加冒号：{example}"),
    "title_in_quotes": ("Is “{text}” the title of a deal of {customer}? It is no stage I know; titles go "
                        "in quotes. (Nothing was saved.)",
                        "“{text}”是{customer}的商机标题吗？它不是已知的阶段；标题请加引号。（未保存）"),
    "reversed_range": ("“{text}” ends before it starts: put the first day first.",
                       "“{text}”结束日期早于开始日期：请先写开始日期。"),
    "two_commands": ("That reads as two things: “{text}” is a second command. Nothing was saved yet: "
                     "which do you mean?",
                     "这像是两件事：“{text}”是第二条命令。尚未保存，你指的是哪种？"),
    "follow_up_typo": ("Is “{text}” a follow-up? Nothing was saved yet. Did you mean: {fixed}",
                       "“{text}”是跟进吗？尚未保存。你是想说：{fixed}"),
    "follow_up_day": ("Got the visit; the follow-up needs a day (nothing was saved yet): follow up fri, "
                      "follow up 12/20, follow up next Tue.",
                      "拜访已看懂，跟进还缺一个日期（尚未保存）：跟进 周五、跟进 12月20日、下周二跟进。"),
    "deadline_in_notes": ("Is “{text}” a follow-up day for this visit, or only part of the notes? "
                          "Nothing was saved yet.",
                          "“{text}”是这次拜访的跟进日期，还是只是纪要的一部分？尚未保存。"),
    "call_again_no_day": ("“{text}” sounds like a follow-up, but I can't read its day: add one (follow up "
                          "fri, follow up 12/20), or keep it as notes. Nothing was saved yet.",
                          "“{text}”像是跟进，但没看懂日期：请加上日期（跟进 周五、跟进 12月20日），"
                          "或只作为纪要。尚未保存。"),
    "option_as_follow_up": ("A follow-up on that day (the words stay in the notes)",
                            "设为跟进日期（原文保留在纪要里）"),
    "option_as_notes": ("Only notes, no follow-up", "只作为纪要，不设跟进"),
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
    "task_people": ("{text}: one task for each of them? Nothing was saved yet.",
                    "{text}：每人各建一个任务？尚未保存。"),
    "option_done_task": ("Mark it done", "标记完成"),
    "option_one_each": ("One task each", "每人各一个任务"),
    "tip_or_search": ("Keep this as a tip about “{text}”, or find tips? Nothing was saved yet.",
                      "把这条存为关于“{text}”的经验，还是查找经验？尚未保存。"),
    "lesson_or_search": ("Keep this as a tip, or find tips with these words? Nothing was saved yet.",
                         "把这条存为经验，还是用这些词查找经验？尚未保存。"),
    "unread_words": ("I couldn't tell what “{text}” is in this message, so nothing was saved. Write it "
                     "as one of these:",
                     "没看懂这条消息里的“{text}”，未保存。请按以下格式写："),
    "date_in_title": ("Is “{text}” the day the task is due? Nothing was saved yet.",
                      "“{text}”是任务的截止日吗？尚未保存。"),
    "option_as_due": ("Yes, the due day", "是，作为截止日"),
    "option_as_title": ("No, part of the task", "不是，属于任务内容"),
    "option_keep_tip": ("Keep it as a tip", "存为经验"),
    "option_find_tips": ("Find tips", "查找经验"),
    "amount_in_reason": ("Is “{text}” the amount it was won for? Nothing was saved yet.",
                         "“{text}”是成交金额吗？尚未保存。"),
    "option_amount_moved": ("Yes, the amount", "是，作为金额"),
    "option_both": ("Both, one after the other", "两条都执行"),
    "option_as_one": ("All of it as one, word for word", "全部作为一条，原样保存"),
    "option_close_and_task": ("Close it, and a task for the follow-up", "结单，并为跟进建任务"),
    "follow_up_as_task": ("“{text}” has no command word: is it a task for you, on that day? Nothing was "
                          "saved yet.", "“{text}”没有命令词：是给自己的一个任务（到那天）吗？尚未保存。"),
    "option_as_task": ("A task", "作为任务"),
    "option_as_reason": ("All of it as the reason", "全部作为原因"),
    "no_question_open": ("No question of mine is open: a question closes after five minutes or at your next "
                         "message. Send what you meant again, or type help.",
                         "目前没有待回答的问题：问题在五分钟后或你发下一条消息时结束。请重新发送，或发“帮助”。"),
    "question_dropped": ("OK, nothing was saved.", "好的，未保存任何内容。"),
    "correction_offer": ("Set deal #{id} ({title}) to {amount}? Nothing was changed yet.",
                         "把商机 #{id}（{title}）的金额改为 {amount}？尚未修改。"),
    "correction_how": ("To change an amount, type the deal's number and the amount: {example} (deals lists "
                       "yours). Nothing was changed.",
                       "要改金额，请发商机编号和金额：{example}（“我的商机”列出编号）。未做修改。"),
    "question_ended": ("(My earlier question is closed: nothing from it was saved. Send that message again "
                       "to be asked again.)",
                       "（上一个问题已结束，其中内容未保存；重新发送那条消息即可再问一次。）"),
    "answer_hint": ("Reply 1–{count}, or tap one.", "回复 1–{count}，或点选。"),
    "answer_hint_one": ("Reply yes (or 1) to do it, or tap it.", "回复“好”（或 1）即可执行，或点选。"),
    "did_you_mean": ("“{text}” is not a command I know. Did you mean: {fixed}",
                     "没认出“{text}”这个命令。你是想说：{fixed}"),
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
    "deal_retitled": ("Title: {old} → {new}.", "标题：{old} → {new}。"),
    "deal_recustomered": ("Customer: {old} → {new}.", "客户：{old} → {new}。"),
    "which_currency": ("Deal #{id} is {current}: which amount do you mean, {amounts}? Nothing was "
                       "changed yet.",
                       "商机 #{id} 现为 {current}：你指的是哪个金额，{amounts}？尚未修改。"),
    "reason_or_title": ("Is “{text}” the reason? {customer} has an open deal of yours: {deals}. Tap the one "
                        "you closed (nothing was saved yet).",
                        "“{text}”是原因吗？你在{customer}有进行中的商机：{deals}。请点选结单的那个（尚未保存）。"),
    "new_deal_button": ("A new deal “{title}”", "新商机“{title}”"),
    "deal_other_currency": ("Deal #{id} is {current}, and {amount} is in another currency: change the "
                            "deal's currency, or which amount do you mean? Nothing was changed yet.",
                            "商机 #{id} 现为 {current}，而 {amount} 是另一种货币：要改商机的货币，"
                            "还是指哪个金额？尚未修改。"),
    "currency_switch_button": ("{amount}: the deal in {currency}", "{amount}：商机改为 {currency}"),
    "currency_converted_button": ("{amount} ({said} converted)", "{amount}（{said} 换算）"),
    "deal_currency_switched": ("Deal #{id} is now in {new} (was {old}).",
                               "商机 #{id} 的货币已由 {old} 改为 {new}。"),
    "quote_name": ("Is “{text}” the customer? A name that looks like an amount goes in quotes: {fixed}",
                   "“{text}”是客户名吗？像金额的客户名请加引号：{fixed}"),
    "standup_or_command": ("Is this your standup answer, or did you mean the command?",
                           "这是你的站会回答，还是想发命令？"),
    "standup_answer_button": ("It's my standup answer", "这是站会回答"),
    "split_needs_team": ("Only a team target can be split: target team revenue 2m quarter split",
                         "只有团队目标可以分解：目标 团队 业绩 200万 本季度 分解"),
}
