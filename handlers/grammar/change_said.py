"""A change said after a command word: `拜访跟进改成周五`, `拜访改成45次`, `客户等级改回A`, `visit change
to yesterday`, `deal make it 50k`. The words after the command word say a change of what was just
done (a field and a change verb, or a change verb alone), never a customer's name: the message is
read as if the command word were not there (`跟进改成周五`), by the corrections of the last change.

>>> without_command_word("拜访跟进改成周五")
'跟进改成周五'
>>> without_command_word("拜访 改成45次")
'改成45次'
>>> without_command_word("deal make it 50k")
'make it 50k'
>>> without_command_word("拜访 海尔：送合同"), without_command_word("客户改成格力")
(None, None)
>>> without_command_word("任务 改到周四") is None
True
>>> without_command_word("客户等级改回A")
'等级改回A'
>>> starts_with_change("时间改成昨天"), starts_with_change("纪要改成"), starts_with_change("改成45次")
(True, True, True)
>>> starts_with_change("海尔"), starts_with_change("Change Healthcare"), starts_with_change("改革集团")
(False, False, False)
>>> starts_with_change("也改成35次"), starts_with_change("是45次"), starts_with_change("是德科技")
(True, True, False)
"""
from __future__ import annotations

import re

from handlers.grammar.due_said import due_said
from handlers.grammar.patterns import pattern

#: the verbs that change a value (`改成`), never a name's first word
_VERB_ZH = r"(?:改成|改为|改到|改回|改一下|调成|调到|调为|换成|换为|推到|推迟到|延到|延后到|挪到|提前到)"
#: the field labels a change names before its verb (`跟进改成…`, `预计成交日改到…`)
_FIELD_ZH = (r"(?:时间|日期|跟进|回访|跟进日期?|纪要|备注|金额|阶段|等级|级别|类别|"
             r"预计成交日?|预计成交日期|预计|截止日?|截止日期|到期日?|目标|业绩|拜访目标|新客户目标|次数|数量|标题|名称|名字|客户名|概率|"
             r"原因|竞争对手|负责人|地点|内容|结束(?:日期|时间)?|开始(?:日期|时间)?)")
_EN = (r"(?:change|switch|move|push|make)\s+(?:it|that|this)(?-i:\s+(?:to\s+)?[^A-Z\s])"
       r"|(?:change|switch|move|push)\s+(?:\w+\s+)?to\b"
       r"|set\s+(?:it|that|this|the\s+\w+(?:\s+\w+)?)\s+to\b|make\s+(?:the\s+)?\w+\s+(?:be\s+)?"
       r"(?=\S*\d)")
#: `也改成35次`, `是45次`, `不是40`: a change or a count said, never a name's first words (r25zh)
_SAID_COUNT = r"(?:也|都|还)\s*" + _VERB_ZH + r"|(?:也|都|还|不)?是\s*\d{1,7}\s*[次个家单笔]?(?![\w.])"
_CHANGE = pattern(rf"^(?:(?:{_FIELD_ZH})?\s*(?:的)?\s*{_VERB_ZH}|{_SAID_COUNT}|(?:{_EN}))", re.I)
_FIELD_CHANGE = pattern(rf"^{_FIELD_ZH}\s*(?:的)?\s*{_VERB_ZH}", re.I)
#: the command words; a task's own words move it (`任务 改到周四`: handlers/grammar/task_edit.py), and
#: `客户改成格力` changes a record's customer: after 客户 only a field's change (`客户等级改回A`)
_COMMAND = pattern(r"^(?P<word>拜访|商机|客户|赢单|输单|丢单|比赛|竞赛|visit|deal|won|lost|win|lose)"
                   r"(?:[\s:：,，]+|(?=[\u3400-\u9fff]))(?P<rest>.+)$", re.I)


#: A deal's amount said after its command word with no record named (`deal amount 15万`, `商机金额
#: 16万`, `change deal amount to 48k`): the amount of the deal just changed, never a customer "amount"
_DEAL_AMOUNT = pattern(r"^(?:(?:change|set|update|make)\s+(?:the\s+)?)?(?:deal|商机)(?:'s)?[\s:：,，]*"
                       r"(?:(?P<en>amount|amt|value)|金额)\s*(?:[:=：]|to|is|should\s+be|为|是)?\s*"
                       r"(?P<value>[¥$]?\d[\d,.]*\s*(?:[kKmMwW万亿千]|mil|million)?(?:\s*[A-Za-z]{3})?)[\s.。!！]*$",
                       re.I)

#: A leave's days said again with a verb of changing, no opening word (`请假改成周五`, `leave should be
#: fri`, `my leave is friday not thursday`): the correction of the leave just entered (fix34b)
_LEAVE_AGAIN = pattern(r"^(?P<word>请假|休假|假期|(?:my\s+|the\s+)?(?:leave|day\s+off|pto))\s*"
                       r"(?:日期|时间|的日子)?\s*(?:改成|改为|改到|换成|应该是|应该在|是|"
                       r"(?:should\s+be|is\s+actually|is|changes\s+to|moves\s+to)(?=\s))\s*(?P<days>\S.*)$",
                       re.I)


def deal_amount_said(text: str) -> str | None:
    """`deal amount 15万` → `金额改成15万`, `deal value 47k` → `amount 47k`: the amount of the deal
    just changed, as a correction says it; None where `text` is no such thing.

    >>> deal_amount_said("deal amount 15万"), deal_amount_said("change deal amount to 48k")
    ('金额改成15万', 'amount 48k')
    >>> deal_amount_said("商机金额 16万"), deal_amount_said("deal acme 16k")
    ('金额改成16万', None)
    """
    found = _DEAL_AMOUNT.match(" ".join(text.split()))
    if found is None:
        return None
    value = found["value"].strip()
    english = found["en"] and not re.search(r"[\u3400-\u9fff]", value)
    return f"amount {value}" if english else f"金额改成{value}"


def starts_with_change(name: str) -> bool:
    """Whether `name` begins with a change (`改成45次`, `时间改成昨天`, `make it 50k`): no customer's name."""
    return bool(_CHANGE.match(name.strip().lstrip("+").strip()))


#: a field's label, never a customer's name (`任务 客户 海尔：…` read wrong would name a customer 客户)
_LABELS = {"客户", "客戶", "客户名", "customer", "customers", "client", "clients", "customer name"}


def field_label(name: str) -> bool:
    """Whether `name` is only a field's label (`客户`, `customer`): no customer's name."""
    return " ".join(name.strip().lstrip("+").strip(" :：").lower().split()) in _LABELS


def without_command_word(text: str) -> str | None:
    """`拜访跟进改成周五` → `跟进改成周五`: the change said after a command word, the word left out;
    None where the words after the command word are no change, or a name said new (`+…`: refused
    where it is made, handlers/lookup.py)."""
    if (amount := deal_amount_said(text)) is not None:
        return amount
    if (due := due_said(text)) is not None:  # `截止改到下周三`, `due wed`: the task just touched (fix29a)
        return due
    if (leave := _LEAVE_AGAIN.match(" ".join(text.split()))) is not None:  # `请假改成周五`, `leave should
        zh = bool(re.search(r"[\u3400-\u9fff]", leave["word"]))  # be fri`: the leave just entered (fix34b)
        return f"不对 请假改成{leave['days']}" if zh else f"no leave is {leave['days']}"
    found = _COMMAND.match(" ".join(text.split()))
    if found is None or found["rest"].startswith("+") or not starts_with_change(found["rest"]):
        return None
    if found["word"] == "客户" and not _FIELD_CHANGE.match(found["rest"]):
        return None
    return found["rest"]
