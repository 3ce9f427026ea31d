"""The property of tests/handlers/test_offers_keep_words.py, extended (issue #23, round 13): every
choice a question offers is understood when answered, whether tapped or typed as shown, never
refused; and the days an offered line sends are shown as replies show days (`close Tue, Dec 15`),
while the tap sends the day as the grammar reads it.

Found by the round-13 tester: `…金额改成15万 推近到方案` was offered as `商机 #21 预计 15万 …`, which
was refused when answered. Today is Monday 2026-11-23 (Asia/Shanghai)."""
import re

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.base import Base
from support import Chat

pytestmark = pytest.mark.phrasing


def _rows(session_factory) -> set[str]:
    """Every stored row, as text (the open question and its bookkeeping left out)."""
    apart = {"open_questions", "deliveries", "audit_log", "changes", "last_messages"}
    with session_factory() as s:
        return {repr(row) for table in Base.metadata.sorted_tables if table.name not in apart
                for row in s.execute(select(table)).all()}


@prepared
def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ('deal +Acme Corp "CRM" proposal 50k', "visit +Globex: intro", "拜访 +比亚迪：初次见面",
                 "拜访 +腾讯：初次见面", '商机 比亚迪 "储能项目" 初步接触 80万 明年3月',
                 '商机 腾讯 "CRM" 方案呈现 20万', "visit +Wayne Enterprises: intro",
                 'deal Wayne Enterprises "security audit" proposal 250k'):
        assert chat.reply(line).ok, line
    return chat

# (message, how many choices its question offers)
ASKED = [
    ("腾讯的单子金额改成15万 推近到方案", 1),
    ("deal Acme Corp 4K screens 80k", 1),
    ("contest revenue this month prize: ipad", 1),
    ("竞赛 业绩 本月 奖品：iPad一台", 1),
    ("globex deal - proposal, 25k, close eom", 1),
    ("比亚迪 商机 - 方案呈现，30万，预计12月20日成交 客户很满意", 2),  # bare: made at once
    ("deal #1 close 8/1", 2),
    # (`比亚迪 商机 - 方案呈现，30万，预计12月20日成交` is no question since 预计 DAY 成交 reads whole)
    # round 15: a win's follow-up split, the deal's title glued to the customer's name
    ("won wayne security audit 240k: cfo liked our audit trail, follow up on invoice fri", 2),
    ("won acme corp crm 45k: they loved the demo; follow up next tue about onboarding", 2),
    ("赢单 腾讯 CRM 18万：方案好，下周一跟进回款", 2),
]
CHOICES = [(typed, number) for typed, offered in ASKED for number in range(1, offered + 1)]
_ISO = re.compile(r"\d{4}[-/]\d{2}[-/]\d{2}")


def _answered(chat, reply, user):
    for _more in range(2):  # one more thing asked (a loss's category): its first choice
        if reply.ok or not reply.buttons:
            break
        reply = chat.press(reply.buttons[0], user=user)
    return reply


@pytest.mark.parametrize("typed, number", CHOICES)
@pytest.mark.parametrize("how", ["tapped", "typed"])
def test_every_choice_offered_is_understood_when_answered(session_factory, typed, number, how):
    chat = _setup(session_factory)
    user = "Mia" if "contest" in typed or "竞赛" in typed else "Ana"
    asked = chat.reply(typed, user=user)
    assert not asked.ok and len(asked.buttons) == dict(ASKED)[typed], asked.text
    assert not _ISO.search(asked.text), asked.text  # the days shown as replies show them
    button = asked.buttons[number - 1]
    before = _rows(session_factory)
    if how == "tapped":
        answered = chat.press(button, user=user)
    else:  # the line as the question shows it is what a member may type: the grammar's own line
        answered = chat.reply(button.command or str(number), user=user)  # a choice with no line: its number
    answered = _answered(chat, answered, user)
    assert answered.ok, f"{typed} ⏎ {number} ({button.command}): {answered.text}"
    assert _rows(session_factory) != before  # something stored
