"""Strings, in English and Chinese, of a deal's close said in words and what it leaves behind: the
win or loss offered on the member's open deals, the words a close prompt does not take as its
answer; a task's day moved with no number (`任务 改到周四`). `handlers.text.strings.t` reads them.
"""

CLOSING: dict[str, tuple[str, str]] = {
    "won_unsaid_open": ("There is no command word, but it sounds like your deal with {text} was won: record "
                        "the win? Nothing was saved yet.",
                        "没有命令词，但听起来你在{text}的单子赢了：记为赢单吗？尚未保存。"),
    "lost_unsaid_open": ("There is no command word, but it sounds like your deal with {text} was lost: "
                         "record the loss? Nothing was saved yet.",
                         "没有命令词，但听起来你在{text}的单子丢了：记为输单吗？尚未保存。"),
    "won_unsaid_taken_back": ("There is no command word, but it sounds like your deal with {text} was won, "
                              "and “{fixed}” takes it back: nothing was saved. Record the win without "
                              "“{fixed}”? (no: nothing is saved)",
                              "没有命令词，但听起来你在{text}的单子赢了，而“{fixed}”像是把这条收回：尚未保存。"
                              "去掉“{fixed}”记为赢单吗？（回复“不”：什么也不保存）"),
    "lost_unsaid_taken_back": ("There is no command word, but it sounds like your deal with {text} was lost, "
                               "and “{fixed}” takes it back: nothing was saved. Record the loss without "
                               "“{fixed}”? (no: nothing is saved)",
                               "没有命令词，但听起来你在{text}的单子丢了，而“{fixed}”像是把这条收回：尚未保存。"
                               "去掉“{fixed}”记为输单吗？（回复“不”：什么也不保存）"),
    "two_joined": ("That reads as two things, the second “{text}”. Nothing was saved yet: do both?",
                   "这像是两件事，第二件是“{text}”。尚未保存：两件都做吗？"),
    "closed_both_kinds": ("There is no command word, and your words about {text} say both a win and a loss: "
                          "which is it? Nothing was saved yet.",
                          "没有命令词，你说{text}的话里既有赢单也有输单：是哪一个？尚未保存。"),
    "lost_unsaid_none": ("It sounds like a deal with {text} was lost, but you have no open deal with {text}: "
                         "nothing was saved.",
                         "听起来{text}的单子丢了，但你在{text}没有进行中的商机：什么也没保存。"),
    "closed_title_none": ("None of your open deals with {customer} is “{title}”: which one? {deals}. Nothing "
                          "was saved yet.",
                          "你在{customer}进行中的商机里没有“{title}”：是哪一个？{deals}。尚未保存。"),
    "won_unsaid_unnamed": ("There is no command word, but it sounds like your deal with {text} was won; "
                           "“{fixed}” names none of these, so each choice goes without “{fixed}”: record "
                           "the win? Nothing was saved yet.",
                           "没有命令词，但听起来你在{text}的单子赢了；“{fixed}”不是其中任何一个的标题，各选项不带"
                           "“{fixed}”：记为赢单吗？尚未保存。"),
    "lost_unsaid_unnamed": ("There is no command word, but it sounds like your deal with {text} was lost; "
                            "“{fixed}” names none of these, so each choice goes without “{fixed}”: record "
                            "the loss? Nothing was saved yet.",
                            "没有命令词，但听起来你在{text}的单子丢了；“{fixed}”不是其中任何一个的标题，各选项不带"
                            "“{fixed}”：记为输单吗？尚未保存。"),
    "won_unsaid_already": ("There is no command word, but it sounds like a deal with {text} was won. You "
                           "have no open deal with them, and {fixed} is won already: is this another deal, "
                           "recorded as a new won deal? Nothing was saved yet.",
                           "没有命令词，但听起来{text}的单子赢了。你在{text}没有进行中的商机，"
                           "{fixed} 已经赢单：这是另一个新的赢单吗？尚未保存。"),
    "stage_in_notes": ("“{text}” sounds like the deal moved: move it too, or only log the visit? Nothing was "
                       "saved yet.", "“{text}”听起来商机推进了：同时推进商机，还是只记录拜访？尚未保存。"),
    "option_visit_and_stage": ("The visit, and the deal moved", "记录拜访，并推进商机"),
    "task_edit_none": ("You have no open task whose day could move. Give one: {example}",
                       "你没有可改日期的未完成任务。新建一个：{example}"),
    "task_edit_which": ("Which task moves {when}? Nothing was changed yet.", "哪个任务{when}？尚未修改。"),
    "task_edit_which_was": ("Several of your tasks are due {was}: which one moves {when}? Nothing was "
                            "changed yet.", "你有几个任务{was}截止：哪个{when}？尚未修改。"),
    "task_edit_none_was": ("None of your open tasks is due {was}: which one moves {when}? Nothing was "
                           "changed yet.", "你没有{was}截止的未完成任务：哪个{when}？尚未修改。"),
    "task_edit_named": ("Several of your tasks are “{named}”: which one moves {when}? Nothing was changed "
                        "yet.",
                        "你有几个任务是“{named}”：哪个{when}？尚未修改。"),
    "task_edit_none_named": ("None of your open tasks is “{named}”: which one moves {when}? Nothing was "
                             "changed yet.", "你未完成的任务里没有“{named}”：哪个{when}？尚未修改。"),
    "task_edit_to": ("to {day}", "改到{day}"),
    "task_edit_later": ("{length} later", "推迟{length}"),
    "task_or_question": ("“{text}” reads like a question: list the tasks, or a new task titled so? Nothing "
                         "was saved yet.",
                         "“{text}”像是在提问：列出任务，还是新建一个这样命名的任务？尚未保存。"),
    "option_list_tasks": ("List the tasks", "列出任务"),
    "taken_back_asked": ("“{words}” takes back what you said in the {field}: nothing was saved. Save it "
                         "anyway? (no: nothing is saved)",
                         "{field}里的“{words}”像是把这条收回：尚未保存。还要保存吗？（回复“不”：什么也不保存）"),
    "unrecorded": ("“{words}”: as you said, nothing was saved.", "“{words}”：好的，什么都没有保存。"),
    "taken_back_without": ("Save it without “{words}”", "保存，去掉“{words}”"),
    "taken_back_as_typed": ("Save it as typed", "按原文保存"),
    "taken_back_reason_asked": ("“{words}”: undo {what} of deal #{id}, or keep it with this reason? The "
                                "reason was not saved (no: keep {what} with no reason).",
                          "“{words}”：撤销商机 #{id} 的{what}，还是保留并记下这个原因？原因尚未保存"
                          "（回复“不”：保留{what}，不填原因）。"),
    "taken_back_undo": ("Undo {what} of #{id}", "撤销 #{id} 的{what}"),
    "taken_back_keep_reason": ("Keep it, reason: {reason}", "保留，原因：{reason}"),
    "taken_back_reason": ("reason", "原因"),
    "taken_back_notes": ("notes", "纪要"),
    "taken_back_note": ("note", "备注"),
    "taken_back_outcome": ("outcome", "结果"),
    "taken_back_next_step": ("next step", "下一步"),
    "taken_back_add_notes": ("notes", "纪要"),
    "taken_back_title": ("title", "标题"),
    "visit_day_which": ("“{text}”: on which day was the visit? Nothing was saved yet.",
                        "“{text}”：是哪一天拜访的？尚未保存。"),
    "option_visit_on": ("The visit on that day", "按这一天记拜访"),
    "why_said_not_kept": ("“{left}” says why; it has no place in this change, so it is not saved.",
                          "“{left}”是原因，这项修改里放不下，不保存。"),
    "why_not_kept": ("I read “{said}”; “{left}” says why, and has no place in it (not kept). Nothing was "
                     "changed yet.",
                     "读作“{said}”；“{left}”是原因，这条命令里放不下（不保存）。尚未修改。"),
    "rest_in_field": ("I read “{said}”; the rest, “{left}”, goes in its {field}. Nothing was saved yet.",
                      "读作“{said}”；其余的“{left}”记入{field}。尚未保存。"),
    "rest_no_place": ("I read “{said}”; “{left}” has no place in it. Nothing was saved yet: do it alone "
                      "(those words not kept), or keep them as a task too?",
                      "读作“{said}”；“{left}”在这条命令里放不下。尚未保存：只执行这条（这句话不保存），"
                      "还是另记为一个任务？"),
    "rest_option_alone": ("Only {said} (the rest not kept)", "只执行 {said}（其余不保存）"),
    "rest_option_task": ("And a task: {task}", "另建任务：{task}"),
    "second_joined_offer": ("That reads as two commands: “{one}” and “{two}”. Nothing was saved yet: "
                            "do both?",
                            "这是两条命令：“{one}”和“{two}”。尚未保存：两条都执行吗？"),
    "second_joined_both": ("Do all", "全部执行"),
    "visits_two_offer": ("That names two customers visited ({names}): a visit each? Nothing was saved "
                         "yet.\n{lines}",
                         "这里有两个拜访的客户（{names}）：各记一次拜访吗？尚未保存。\n{lines}"),
    "change_not_made": ("“{said}” reads as a change of what you just did, but I can't make that change here: "
                        "nothing was saved, no customer made. To put a record right, `undo` it and send it "
                        "again as it should be.",
                        "“{said}”是对刚才那条的修改，但这个修改不能这样做：没有保存任何内容，也没有新建客户。"
                        "要更正记录，请先“撤销”，再按正确的内容重新发送。"),
    "name_is_a_change": ("“{name}” says a change, not a customer's name: no customer was made. To change "
                         "what you just did, say the change alone (`follow-up to friday`, `make it 50k`).",
                         "“{name}”是一个修改，不是客户名称：没有新建客户。要修改刚才那条，直接说修改（如"
                         "“跟进改成周五”“改成45次”）。"),
    "close_day_in_reason": ("“{text}” reads as the day the deal closed, not the reason: nothing was saved "
                            "yet. Which do you mean?",
                            "“{text}”像是结单的日子，不是原因，尚未保存。你指的是哪种？"),
    "stage_and_probability_said": ("“{text}” has no command word, but it moves a deal and sets its "
                                   "probability to {fixed}%. A deal's probability comes from its stage, so "
                                   "{fixed}% is not stored apart: move the deal, and it takes that stage's "
                                   "probability? Nothing was saved yet.",
                                   "“{text}”没有命令词，但读起来是推进商机并把赢率改成 {fixed}%。"
                                   "商机的赢率由阶段决定，{fixed}% 不能单独保存："
                                   "推进商机、按该阶段的赢率吗？尚未保存。"),
    "name_is_a_command_word": ("“{name}” holds the command word “{word}”, not a customer's name: no customer "
                               "was made. Which did you mean?",
                               "“{name}”里有命令词“{word}”，不像客户名称：没有新建客户。你指的是哪个？"),
    "name_is_a_day": ("“{name}” is a day, not a customer's name: nothing was saved. To log a visit, say the "
                      "customer (`visit Acme: …`); to see your visits then, tap below.",
                      "“{name}”是时间，不是客户名称：未保存。记拜访请写客户（`拜访 华为：…`）；"
                      "要看那段时间的拜访，点下面。"),
    "name_is_a_label": ("“{name}” is a field's name, not a customer's: no customer was made. "
                        "Say the customer by name (`visit Acme: …`).",
                        "“{name}”是字段名，不是客户名称：没有新建客户。"
                        "请直接说客户名（如“拜访 海尔：……”）。"),
    "lost_not_won": ("Deal #{id} ({title}) was recorded as won. Mark it lost instead (reopened, then lost; "
                     "reason: {why})? Nothing was changed yet.",
                     "商机 #{id}（{title}）刚记为赢单。改为输单吗（先重开，再输单；"
                     "原因：{why}）？尚未修改。"),
    "lost_not_won_button": ("Lost, not won", "改为输单"),
    "reason_read_plain": ("“{reason}” taken as the reason.", "“{reason}”记为原因。"),
    "deal_phrase_which": ("“{text}” is none of your open deals, so nothing was saved. Which deal? Tap it "
                          "(a new customer is said with +Name).",
                          "“{text}”不是你在跟的商机，尚未保存。是哪个商机？点一个（新客户请写 +名称）。"),
    "deal_phrase_none": ("“{text}” is none of your open deals, so nothing was saved. Say its number "
                         "(a new customer is said with +Name).",
                         "“{text}”不是你在跟的商机，尚未保存。请说商机编号（新客户请写 +名称）。"),
    "close_unknown_customer": ("“{customer}” is none of your customers, so nothing was saved. A new customer "
                               "with this deal, or one of your open deals? Tap it.",
                               "“{customer}”不是已有客户，尚未保存。是新客户的这单，还是你在跟的某个商机？点一个。"),
    "close_new_customer_button": ("New customer {customer}: {amount}", "新客户 {customer}：{amount}"),
    "close_unnamed_last": ("“{said}” names no customer: the deal of your last message, {deal}? Reply yes "
                           "or tap to record it ({line}). Nothing was saved yet.",
                           "“{said}”没有说客户：是你上一条说的那个商机（{deal}）吗？回复“好”或点一下即记为"
                           "（{line}）。尚未保存。"),
    "close_unnamed_which": ("“{said}” names no customer, so nothing was saved. Which deal? Tap it, or say "
                            "`{word} #number`.",
                            "“{said}”没有说客户，尚未保存。是哪个商机？点一个，或说“{word} #编号”。"),
    "close_unnamed_none": ("“{said}” names no customer, and you have no open deal, so nothing was saved. "
                           "Say it with the customer: `{word} Acme`.",
                           "“{said}”没有说客户，你也没有进行中的商机，尚未保存。"
                           "请带上客户名：“{word} 华为”。"),
    "visit_task_asked": ("“{words}” asks for a task, so it is not kept as the visit's notes: log the "
                         "visit to {customer} with a task, or only the task? Nothing was saved yet.",
                         "“{words}”是要建任务，不当作拜访纪要：记下对{customer}的拜访并建任务，"
                         "还是只建任务？尚未保存。"),
    "visit_and_task_button": ("The visit, and a task", "记拜访，并建任务"),
    "task_only_button": ("Only a task (no visit yet)", "只建任务（还没拜访）"),
    "deal_to_customer": ("“{name}” is a customer, not a member: change deal #{id}'s customer? Nothing was "
                         "saved yet.",
                         "“{name}”是客户，不是成员：把商机 #{id} 的客户改过去吗？尚未保存。"),
    "deal_to_which": ("“{name}”: a member to give deal #{id} to, or its customer? Nothing was saved. A new "
                      "customer: `{example}`.",
                      "“{name}”是要把商机 #{id} 转给的成员，还是它的客户？尚未保存。"
                      "改客户请说：“{example}”。"),
    "deal_customer_button": ("Deal #{id}'s customer: {customer}", "商机 #{id} 客户改为 {customer}"),
    "deal_give_button": ("Give deal #{id} to {name}", "商机 #{id} 转给 {name}"),
    "member_not_customer": ("{name} is a member of the team, not a customer, so nothing was saved. Say the "
                            "customer by name.",
                            "{name}是团队成员，不是客户，尚未保存。请说客户的名称。"),
    "member_not_customer_deal": ("{name} is a member of the team, not a customer, so nothing was saved. "
                                 "A deal for {name}? Say its customer (`{example}`), then give it: `{give}`.",
                                 "{name}是团队成员，不是客户，尚未保存。要给{name}开商机？请说客户"
                                 "（如“{example}”），再转给：“{give}”。"),
}
