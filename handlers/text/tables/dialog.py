"""Strings, in English and Chinese, of the conversation: the bot's question open, answered, dropped
or cancelled, how to answer it, and a correction of the last change said back or asked about.
`handlers.text.strings.t` reads them.
"""

DIALOG: dict[str, tuple[str, str]] = {
    "no_question_open": ("No question of mine is open: a question closes after five minutes or at your next "
                         "message. Send what you meant again, or type help.",
                         "目前没有待回答的问题：问题在五分钟后或你发下一条消息时结束。请重新发送，或发“帮助”。"),
    "probability_which": ("Which deal should be at about {pct}%? Tap it to see the stage nearest.",
                          "哪个商机要改到约 {pct}%？点一下查看最接近的阶段。"),
    "question_dropped": ("OK, nothing was saved.", "好的，未保存任何内容。"),
    "question_cancelled": ("Cancelled my question: nothing from it was saved.",
                           "已取消我的提问，其中内容未保存。"),
    "undo_last_offered": ("Your last saved change was {what}; it stays. Tap to undo it too.",
                          "你上一次保存的修改是 {what}，仍保留；如也要撤销，点一下即可。"),
    "undo_last_button": ("↩ Undo {what}", "↩ 撤销 {what}"),
    "answer_unread": ("I couldn't tell which of my options “{text}” picks. Nothing was saved yet; "
                      "tap one, or say no.",
                      "没看出“{text}”选的是哪一项，尚未保存：请点选一项，或回复“不”。"),
    "stage_said_one": ("Move deal #{id} ({customer} · {title}) to {stage}? Nothing was changed yet.",
                       "把商机 #{id}（{customer} · {title}）推进到{stage}？尚未修改。"),
    "stage_said_which": ("Which deal moves to {stage}? Nothing was changed yet.",
                         "哪个商机推进到{stage}？尚未修改。"),
    "stage_said_not_yours": ("Deal #{id} ({title}) belongs to {owner}; only they can change it, and you "
                             "have no open deal with {customer}. Nothing was changed.",
                             "商机 #{id}（{title}）属于{owner}，只有本人可以修改；"
                             "你在{customer}没有进行中的商机。未做修改。"),
    "stage_said_none": ("You have no open deal to move to {stage} there: type the deal, e.g. {example}. "
                        "Nothing was changed.",
                        "没有可推进到{stage}的进行中商机：请写明商机，例如 {example}。未做修改。"),
    "refused_said_again": ("Send it again as “{said}”? Nothing was changed yet.",
                           "按“{said}”重新发送？尚未修改。"),
    "closed_on_asked": ("Move the close of deal #{id} ({title}) to {day}? Nothing was changed yet.",
                        "把商机 #{id}（{title}）的成交日改为 {day}？尚未修改。"),
    "correction_notes": ("Change “{was}” to “{value}” in the notes of visit #{id} ({customer})? Nothing was "
                         "changed yet.",
                         "把拜访 #{id}（{customer}）纪要里的“{was}”改为“{value}”？尚未修改。"),
    "correction_amount": ("Set {what} to {value}? Nothing was changed yet.",
                          "把{what}的金额改为 {value}？尚未修改。"),
    "offer_edited": ("My offer, changed as you said (“{text}”). Nothing was changed yet:",
                     "已按你说的（“{text}”）改了我的提议，尚未修改："),
    "correction_day_visit": ("Move the follow-up of {what} to {value}? Nothing was changed yet.",
                             "把{what}的跟进日改为 {value}？尚未修改。"),
    "correction_day_deal": ("Move the expected close of {what} to {value}? Nothing was changed yet.",
                            "把{what}的预计成交日改为 {value}？尚未修改。"),
    "correction_day_task": ("Move the due day of {what} to {value}? Nothing was changed yet.",
                            "把{what}的截止日改为 {value}？尚未修改。"),
    "correction_currency": ("Change the currency of {what}: {value}? Nothing was changed yet.",
                            "把{what}的币种改为：{value}？尚未修改。"),
    "correction_currency_how": ("No amount was just said that {value} could go with. To change a deal's "
                                "currency, type its number, amount and currency: {example}. Nothing was "
                                "changed.",
                                "刚才没有可改成 {value} 的金额。要改商机的币种，请写明编号、金额和币种："
                                "{example}。未做修改。"),
    "correction_customer": ("Change the customer of {what} to {value}? Nothing was changed yet.",
                            "把{what}的客户改为 {value}？尚未修改。"),
    "correction_how": ("To change an amount, type the deal's number and the amount: {example} (deals lists "
                       "yours). Nothing was changed.",
                       "要改金额，请发商机编号和金额：{example}（“我的商机”列出编号）。未做修改。"),
    "number_title_or_amount": ("Is “{number}” the amount ({amount}), or a word of the deal's title? "
                               "Nothing was saved yet.",
                               "“{number}”是金额（{amount}），还是商机标题的一部分？尚未保存。"),
    "number_as_amount_button": ("The amount: {amount}", "金额：{amount}"),
    "number_as_title_button": ("“{number}” is in the title", "“{number}”是标题的一部分"),
    "question_still_open": ("That is not one of my answers, so my question is still open: reply 1–{count}, "
                            "tap one, or no to drop it.",
                            "这不是可选的回答，问题仍然有效：请回复 1–{count}、点选，或回复“不”放弃。"),
    "question_still_open_one": ("That is not my answer, so my question is still open: reply yes (or 1), tap "
                                "it, or no to drop it.",
                                "这不是可选的回答，问题仍然有效：请回复“好”（或 1）、点选，或回复“不”放弃。"),
    "question_kept_open": ("(My question above is still open: reply 1–{count}, tap one, or no to drop it.)",
                           "（上面的问题仍然有效：请回复 1–{count}、点选，或回复“不”放弃。）"),
    "question_kept_open_one": ("(My question above is still open: reply yes (or 1), tap it, or no to drop "
                               "it.)",
                               "（上面的问题仍然有效：请回复“好”（或 1）、点选，或回复“不”放弃。）"),
    "question_ended": ("(My earlier question is closed: nothing from it was saved.)",
                       "（上一个问题已结束，其中内容未保存。）"),
    "answer_hint": ("Reply 1–{count}, or tap one.", "回复 1–{count}，或点选。"),
    "answer_hint_one": ("Reply yes (or 1) to do it, or tap it.", "回复“好”（或 1）即可执行，或点选。"),
    "it_which_visit": ("Which visit did you mean? Nothing was changed yet.",
                       "是哪次拜访？尚未修改。"),
    "it_which_deal": ("Which deal did you mean? Nothing was changed yet.", "是哪个商机？尚未修改。"),
    "it_follow_up_cleared": ("A follow-up is cleared by marking it done ({example}): tap to mark the "
                             "follow-up of visit #{id} ({customer}) done. Nothing was changed yet.",
                             "跟进标记为完成即不再跟进（{example}）：点一下把拜访 #{id}（{customer}）的跟进"
                             "标记为完成。尚未修改。"),
    "stray_move": ("{what}: customer {old} → {new}, and the customer {old} your last message made is "
                   "removed (nothing else names it)? Nothing was changed yet.",
                   "{what}：客户 {old} → {new}，并删除上一条消息新建的客户“{old}”（没有其他记录用到它）？"
                   "尚未修改。"),
    "stray_which": ("{what}: the customer {old} your last message made: is it {names}, or is {old} renamed "
                    "{new}? Nothing was changed yet.",
                    "{what}：上一条消息新建的客户“{old}”是{names}，还是改名为“{new}”？尚未修改。"),
    "stray_rename_button": ("Rename it {new}", "改名为“{new}”"),
    "stray_rename": ("{what}: the customer {old} your last message made is renamed {new}? Nothing was "
                     "changed yet.", "{what}：把上一条消息新建的客户“{old}”改名为“{new}”？尚未修改。"),
    "stray_removed": ("The customer {name} made by your last message is removed.",
                      "上一条消息新建的客户“{name}”已删除。"),
    "task_team_none": ("“{team}” names no one I can give a task to: your teams have no reps yet. "
                       "Name them: task @name …",
                       "“{team}”里没有可以派任务的人：你的团队还没有销售。请写上名字：任务 @名字 …"),
    "task_two_customers": ("“{title}” names {names}: which customer is the task about? "
                           "Nothing was saved yet.",
                           "“{title}”提到了{names}：这个任务关联哪个客户？尚未保存。"),
    "task_about_customer": ("About {name}", "关联{name}"),
    "task_about_none": ("No customer", "不关联客户"),
    "visit_named_day_which": ("Which of your recent visits to {customer} was on {day}? "
                              "Nothing was changed yet.", "你最近拜访{customer}的哪一次是{day}？尚未修改。"),
}
