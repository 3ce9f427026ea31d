"""fix32b: a win or loss said in words in traditional characters (`華為的單子贏了`) offered a new deal
titled "單子" (the words that name no deal were matched in simplified only): traditional reads exactly
as simplified (`华为的单子赢了`), the offer carries no title, and tapped stores what it says."""
import pytest

from support import MON, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Bo"))
    chat.said_ok('deal +腾讯 "续约" 30万', 'customer +华为', user="张伟")
    return chat


def _asked_alike(session_factory, traditional: str, simplified: str):
    """The chat and the reply to `traditional`, asked as `simplified` is; nothing stored (the
    traditional one asked last, so its question is the one open)."""
    chat = _chat(session_factory)
    before = records(session_factory)
    told = chat.reply(traditional, user="张伟")
    assert told.text.splitlines()[:2] == chat.reply(simplified, user="张伟").text.splitlines()[:2]
    chat.reply(traditional, user="张伟")
    assert records(session_factory) == before
    return chat, told


@pytest.mark.parametrize("traditional, simplified", [
    ("華為的單子贏了", "华为的单子赢了"),
    ("華為那個單子拿下了", "华为那个单子拿下了"),
    ("華為這單簽了", "华为这单签了"),
])
def test_a_win_in_traditional_reads_as_simplified_and_titles_nothing(session_factory, traditional,
                                                                     simplified):
    chat, told = _asked_alike(session_factory, traditional, simplified)
    assert "單" not in told.text and "单子\"" not in told.text, told.text
    assert "金额" in chat.reply("1", user="张伟").text  # a new win asks its amount
    assert chat.reply("20万", user="张伟").ok
    assert ("华为", "won") in deal_rows(session_factory, "customer", "stage")


@pytest.mark.parametrize("traditional, simplified", [
    ("騰訊那單丟了", "腾讯那单丢了"),
    ("騰訊這單黃了", "腾讯这单黄了"),
    ("騰訊的單子丟了", "腾讯的单子丢了"),
])
def test_a_loss_in_traditional_offers_the_open_deal_without_a_word_left_over(session_factory, traditional,
                                                                            simplified):
    chat, told = _asked_alike(session_factory, traditional, simplified)
    assert "不是其中任何一个的标题" not in told.text, told.text
    assert chat.reply("1", user="张伟").ok
    assert deal_rows(session_factory, "title", "stage") == [("续约", "lost")]


def test_a_loss_reason_in_traditional_is_kept_as_typed(session_factory):
    chat = _chat(session_factory)
    assert "客戶預算砍了" in chat.reply("騰訊這單黃了，客戶預算砍了", user="张伟").text
    assert chat.reply("1", user="张伟").ok
    assert deal_rows(session_factory, "stage", "reason") == [("lost", "客戶預算砍了")]
