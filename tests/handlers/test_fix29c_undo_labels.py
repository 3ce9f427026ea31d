"""fix29c 3: in a Chinese chat, undoing `恢复一下` said `“恢复 visit #412” 已撤回` (the bot's own
label, its record's kind in English), and a record deleted in one language was listed and restored
in the other's words (`Restored 拜访 #415`). Every label the bot writes for undo, the bin and
restore is in the reader's language; words the member typed are quoted as typed. Fed through the
real dispatch; Mon, Dec 7, 2026."""
import pytest

from support import MON, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing

ENGLISH = ("visit", "restore", "Restore", "Restored", "taken back", "bin")


def _deleted(session_factory, user: str, log: str, delete: str):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    assert chat.reply(log, user=user).ok
    assert chat.reply(delete, user=user).ok
    assert visit_rows(chat) == []
    return chat


def _all_said(reply) -> str:
    return " ".join([reply.text, *(b.label for b in reply.buttons)])


def test_a_restore_said_short_then_undone_is_named_in_chinese(session_factory):
    chat = _deleted(session_factory, "张伟", "拜访 +华为：演示", "拜访 #1 删除 确认")
    restored = chat.reply("恢复一下", user="张伟")
    assert restored.ok and "已恢复拜访 #1 (华为)" in restored.text, restored.text
    assert visit_rows(chat) == [("华为", "演示", None)]
    undone = chat.reply("撤销", user="张伟")
    assert undone.ok and "“恢复 拜访 #1” 已撤回：记录已放回回收站" in undone.text, undone.text
    assert not any(word in _all_said(undone) for word in ENGLISH), _all_said(undone)
    assert visit_rows(chat) == []


def test_a_restore_typed_in_english_undone_in_chinese_quotes_the_words_typed(session_factory):
    """The words the member typed are theirs, quoted as typed (as `撤销` quotes `task call bo fri`);
    every word the bot adds is Chinese."""
    chat = _deleted(session_factory, "张伟", "拜访 +华为：演示", "拜访 #1 删除 确认")
    assert chat.reply("restore visit #1", user="张伟").ok
    undone = chat.reply("撤销", user="张伟")
    assert undone.ok and "已撤销：“restore visit #1” 已撤回：记录已放回回收站" in undone.text, undone.text
    assert [b.label for b in undone.buttons] == ["↩ 继续撤销"]
    assert visit_rows(chat) == []


def test_a_record_deleted_in_chinese_is_listed_and_restored_in_english_words(session_factory):
    chat = _deleted(session_factory, "张伟", "拜访 +华为：演示", "拜访 #1 删除 确认")
    before = records(session_factory)
    listed = chat.reply("trash", user="张伟")
    assert "visit #1 (华为)" in listed.text and "拜访" not in _all_said(listed), _all_said(listed)
    assert records(session_factory) == before
    restored = chat.reply("restore visit #1", user="张伟")
    assert restored.ok and "Restored visit #1 (华为)." in restored.text, restored.text
    assert visit_rows(chat) == [("华为", "演示", None)]


def test_a_record_deleted_in_english_is_listed_and_restored_in_chinese_words(session_factory):
    chat = _deleted(session_factory, "Ana", "visit +Acme Corp: demo", "visit #1 delete confirm")
    listed = chat.reply("回收站", user="Ana")
    assert "拜访 #1 (Acme Corp)" in listed.text and "visit" not in _all_said(listed), _all_said(listed)
    restored = chat.reply("恢复 拜访 #1", user="Ana")
    assert restored.ok and "已恢复拜访 #1 (Acme Corp)。" in restored.text, restored.text
    undone = chat.reply("撤销", user="Ana")
    assert undone.ok and "已撤回" in undone.text, undone.text
    assert not any(word in _all_said(undone) for word in ENGLISH), _all_said(undone)
    assert visit_rows(chat) == []


def test_english_undo_of_a_restore_keeps_the_words_typed(session_factory):
    chat = _deleted(session_factory, "Ana", "visit +Acme Corp: demo", "visit #1 delete confirm")
    assert chat.reply("restore visit #1", user="Ana").ok
    undone = chat.reply("undo", user="Ana")
    assert undone.ok and "“restore visit #1” is taken back" in undone.text, undone.text
    assert visit_rows(chat) == []
