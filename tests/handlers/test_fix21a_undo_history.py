"""r21 W2: `and close 1/15` then `undo` left "close date Dec 31 → Jan 15" in the deal's history with
no step back. Rule: every undone change shows in the deal's history as its reversal, for every field
(stage, amount, close day, title, customer), as a stage change already did. Today is Mon, Nov 23."""
import datetime as dt

from sqlalchemy import select

from storage.models.sales import Deal, DealEvent

D = dt.date


def _deal(chat, deal_id):
    with chat.session_factory() as s:
        deal = s.get(Deal, deal_id)
        events = [(e.kind, e.old_text, e.new_text) for e in s.scalars(
            select(DealEvent).where(DealEvent.deal_id == deal_id).order_by(DealEvent.id))]
        return deal.expected_close, deal.title, events


def _new_deal(chat, user, said):
    chat("拜访 华为：初次见面" if "华为" in said else "visit Acme: intro", user=user)
    out = chat(said, user=user)
    assert "#" in out, out
    with chat.session_factory() as s:
        return s.scalar(select(Deal.id).order_by(Deal.id.desc()))


def test_en_undone_close_day_shows_its_step_back(chat):
    chat.team(manager="Tom", reps=("Ana",))
    deal_id = _new_deal(chat, "Ana", 'deal Acme "200 seat license" proposal 180k close 12/31')
    assert _deal(chat, deal_id)[0] == D(2026, 12, 31)
    out = chat(f"deal #{deal_id} close 1/15", user="Ana")
    assert "Jan 15, 2027" in out, out
    assert "Undone" in chat("undo", user="Ana")
    close, _title, events = _deal(chat, deal_id)
    assert close == D(2026, 12, 31)
    assert events[-2:] == [("close", "2026-12-31", "2027-01-15"), ("close", "2027-01-15", "2026-12-31")]
    out = chat(f"deal #{deal_id} history", user="Ana")
    assert "close date Thu, Dec 31 → Fri, Jan 15, 2027" in out, out
    assert "close date Fri, Jan 15, 2027 → Thu, Dec 31" in out, out


def test_zh_undone_close_day_and_title_show_their_steps_back(chat):
    chat.team(manager="王芳", reps=("张伟",))
    deal_id = _new_deal(chat, "张伟", '商机 华为 "ERP" 方案呈现 50万 预计 12月31日')
    chat(f"商机 #{deal_id} 预计 1月15日", user="张伟")
    assert "已撤销" in chat("撤销", user="张伟")
    close, _title, events = _deal(chat, deal_id)
    assert close == D(2026, 12, 31)
    assert events[-1] == ("close", "2027-01-15", "2026-12-31"), events
    out = chat(f"商机 #{deal_id} 历史", user="张伟")
    assert out.count("2027年1月15日") == 2, out


def test_undone_title_change_shows_its_step_back(chat):
    chat.team(manager="Tom", reps=("Ana",))
    deal_id = _new_deal(chat, "Ana", 'deal Acme "200 seat license" proposal 180k')
    chat(f'deal #{deal_id} "300 seats"', user="Ana")
    assert _deal(chat, deal_id)[1] == "300 seats"
    assert "Undone" in chat("undo", user="Ana")
    _close, title, events = _deal(chat, deal_id)
    assert title == "200 seat license"
    assert events[-2:] == [("title", "200 seat license", "300 seats"),
                           ("title", "300 seats", "200 seat license")]
    out = chat(f"deal #{deal_id} history", user="Ana")
    assert out.count("200 seat license") >= 3, out  # (the heading, and each step)
