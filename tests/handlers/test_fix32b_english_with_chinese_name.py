"""fix32b: English messages naming a Chinese customer (`met 华为 today, they want a quote`,
`京东 deal moved to negotiation`) were answered in Chinese: the Chinese characters of a name
outnumbered the English words. A run of Chinese standing alone between English words, short and
holding no command word, day or particle, is a name: the message is English."""
import re

import pytest

from handlers.grammar.language import written_in
from support import MON, make_team_chat, records

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, language", [
    ("met 华为 today, they want a quote", "en"),
    ("京东 deal moved to negotiation", "en"),
    ("lost 美的集团: price", "en"),
    ("腾讯 deal won", "en"),
    ("saw 海尔 yesterday", "en"),
    ("visit 美的集团: 跟他们CFO过了一下KPI", None),
    ("华为 跟进 fri", "zh"),
    ("拜访 华为：demo went well", "zh"),
])
def test_a_chinese_name_among_english_words_says_english(said, language):
    assert written_in(said) == language


@pytest.mark.parametrize("said", ["saw 海尔 yesterday", "met 华为 CFO"])
def test_the_reply_to_english_words_naming_a_chinese_customer_is_in_english(session_factory, said):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("customer +华为", "customer +海尔", "language zh", user="张伟")  # a Chinese member
    before = records(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.locale == "en" and not re.search(r"[\u4e00-\u9fff]{3}", reply.text), reply.text
    assert records(session_factory) == before
