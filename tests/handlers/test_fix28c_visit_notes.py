"""r25zh W6: `拜访 腾讯：跟进了报价 客户嫌贵 后天再联系` stored empty notes and the next step
"了报价 客户嫌贵 再联系". 跟进 with 了/过 right after it says what was done: prose for the notes,
never the follow-up's label; the day said (后天) is still the follow-up."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from support import make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, notes", [
    ("拜访 腾讯：跟进了报价 客户嫌贵 后天再联系", "跟进了报价 客户嫌贵"),
    ("拜訪 騰訊：跟進了報價 客戶嫌貴 後天再聯繫", "跟進了報價 客戶嫌貴"),
    ("拜访 腾讯：跟进过报价 客户嫌贵 跟进 后天", "跟进过报价 客户嫌贵"),
])
def test_followed_up_in_the_notes_is_notes(session_factory, said, notes):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Bo",))
    reply = chat.reply(said, user="Bo")
    assert reply.ok, reply.text
    assert notes in reply.text, reply.text
    with session_factory() as s:
        visit = s.scalars(select(Visit)).one()
        assert visit.notes.startswith(notes), visit.notes
        assert not visit.next_step.startswith("了"), visit.next_step
        assert visit.follow_up_on == chat.now.date() + dt.timedelta(days=2)  # 后天: a Wednesday
