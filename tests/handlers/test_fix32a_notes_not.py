"""Issue #23, round 32: after a visit whose notes say "met 李总", `actually it was 张总 not 李总`
offered the visit's customer changed to a new customer "张总". The name said wrong is a word of the
notes: the notes put right are offered (one tap), the customer stays, nothing changes unasked."""
import pytest

from support import customer_names, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("visit, fix, notes, user", [
    ("拜访 华为：见了李总，谈了续约", "actually it was 张总 not 李总", "见了张总，谈了续约", "张伟 en"),
    ("拜访 华为：见了李总，谈了续约", "不对，是张总不是李总", "见了张总，谈了续约", "张伟"),
    ("拜访 华为：见了李总，谈了续约", "刚才那条记错了 是张总不是李总", "见了张总，谈了续约", "张伟"),
    ("visit Globex: met Tom about pricing", "sorry it was Tim not Tom", "met Tim about pricing", "Ana"),
    ("visit Globex: met Tom about pricing", "actually Tim, not Tom", "met Tim about pricing", "Ana"),
    ("visit Globex: met Tom about pricing", "no i meant Tim not Tom", "met Tim about pricing", "Ana"),
])
def test_a_name_put_right_in_a_visits_notes_changes_the_notes(session_factory, visit, fix, notes, user):
    user, _, said_in = user.partition(" ")  # (the reply in the language the correction is said in)
    chat = make_team_chat(session_factory, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok(visit, user=user)
    customers = customer_names(session_factory)
    reply = chat.reply(fix, user=user)
    assert not reply.ok, reply.text
    zh = user == "张伟" and said_in != "en"
    offered = f"拜访 #1 纪要改成：{notes}" if zh else f"visit #1 notes: {notes}"
    assert [b.command for b in reply.buttons] == [offered], reply.text
    assert ("纪要里的" if zh else "in the notes of visit #1") in reply.text, reply.text
    typed = visit.split("：" if "：" in visit else ": ", 1)[1]
    assert visit_rows(session_factory, "notes") == [(typed,)]  # nothing changed yet
    assert chat.reply("好" if zh else "yes", user=user).ok
    assert visit_rows(session_factory, "notes") == [(notes,)]
    assert customer_names(session_factory) == customers  # no customer called 张总 / Tim
