"""r31zh #44: `比亚迪那边有个新项目 智能仓储 预计三十万 月底能签` was offered as a new deal titled "那边",
"智能仓储" dropped. Words pointing at the customer (`那边`, `这边`, `那里`) are no title; the project's
words are offered as the title, and a close day said with `签`/`能签` after it leaves no word of it
over (amounts in digits here: Chinese numerals are fix34a's)."""
import datetime as dt

import pytest

from support import MON, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, title, amount", [
    ("比亚迪那边有个新项目 智能仓储 预计30万 月底能签", "智能仓储", 300000),
    ("比亚迪这边有个新项目 智能仓储 预计30万 月底签", "智能仓储", 300000),
    ("比亚迪那里有个新项目 智能仓储 30万 月底签约", "智能仓储", 300000),
    ("比亚迪那边又有个新项目 车队管理 预计20万 月底能签", "车队管理", 200000),
])
def test_the_title_is_the_projects_words(session_factory, said, title, amount):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    assert chat.reply("客户 +比亚迪", user="张伟").ok
    before = records(session_factory)
    asked = chat.reply(said, user="张伟")
    assert f'商机 比亚迪 "{title}"' in asked.text and '"那' not in asked.text and '"这' not in asked.text, \
        asked.text
    assert records(session_factory) == before
    assert chat.reply("1", user="张伟").ok
    assert deal_rows(chat, "customer", "title", "amount", "expected_close") == [
        ("比亚迪", title, amount, dt.date(2026, 12, 31))]
    assert chat.reply("撤销", user="张伟").ok
    assert deal_rows(chat) == []
