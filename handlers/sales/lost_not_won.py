"""A win just recorded said to be a loss instead (`actually lost not won, they backed out`, `no it
was lost, not won`, `not won, lost: they backed out`, `不是赢单 是输单`, `是输单不是赢单，客户撤了`):
that deal reopened and marked lost, the words after it its reason, offered with one tap (nothing
changed yet), never a customer named "lost" (r18). Only right after the member's own win.

>>> said_lost("actually lost not won, they backed out")
'they backed out'
>>> said_lost("no it was lost, not won"), said_lost("not won, lost: they backed out")
('', 'they backed out')
>>> said_lost("actually we lost it, they backed out"), said_lost("no it was lost"), said_lost("we lost it")
('they backed out', '', None)
>>> said_lost("不是赢单 是输单"), said_lost("是输单不是赢单，客户撤了"), said_lost("lost globex")
('', '客户撤了', None)
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal
from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern
from handlers.sales import competitor_said
from handlers.sales.last_said import made_last
from handlers.sales.said_again import RECENT, latest_change
from handlers.text.reply import Button, Reply
from storage.models.sales import Deal

_LOST = r"(?:(?:it\s+was|it'?s|its|we|make\s+it|mark\s+it)\s+)?(?:lost|a\s+loss)"
_WON = r"(?:won|a\s+win)"
_EN = pattern(LEAD + rf"(?:{_LOST}[\s,]*(?:not|instead\s+of)\s+{_WON}|not\s+{_WON}[\s,;]*{_LOST}"
              rf"|(?<=[\s,.!:])(?:it\s+was|we)\s+lost(?:\s+it)?)"
              r"(?:\s*(?:[,:;.!—–-]|\s(?=[a-z]))\s*(?P<why>.*))?$", re.I)
_ZH_LOST = r"(?:是|其实是)?(?:输单|丢单|输了|丢了)"
_ZH_WON = r"(?:赢单|赢了|成交)"
_ZH = pattern(LEAD + rf"(?:不是{_ZH_WON}[\s,，]*{_ZH_LOST}|{_ZH_LOST}[\s,，]*不是{_ZH_WON})"
              r"(?:[\s,，.。;；:：!！]*(?P<why>.*))?$")


def said_lost(text: str) -> str | None:
    """The reason said after `lost, not won` (`""`: none), or None where `text` says no such thing."""
    said = " ".join(text.split())
    found = _EN.match(said) or _ZH.match(said)
    return None if found is None else (found["why"] or "").strip(" .。!！")


def offer(ctx: Ctx, text: str) -> Reply | CloseDeal | None:
    """The one-tap offer to mark the win just recorded lost instead; whom a loss just recorded went
    to (`不对 竞争对手是华为云`: its competitor, handlers/sales/competitor_said.py); or None."""
    why = said_lost(text)
    if why is None:
        return competitor_said.meant(ctx, text)
    change = latest_change(ctx)
    if change is None or change.kind != "CloseDeal" or change.status != "done" or not change.entity_id \
            or change.at < ctx.now - RECENT or not made_last(ctx, change):
        return None
    deal = ctx.session.get(Deal, change.entity_id)
    if deal is None or deal.stage != "won" or deal.owner_id != ctx.member.id:
        return None
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    zh = ctx.locale == "zh"
    lost = f"{'输单' if zh else 'lost'} #{deal.id}" + (f"{'：' if zh else ': '}{why}" if why else "")
    command = f"{'商机' if zh else 'deal'} #{deal.id} {'重开' if zh else 'reopen'}\n{lost}"
    return Reply(lines=(ctx.t("lost_not_won", id=deal.id, title=deal.title, why=why or "—"),
                        ctx.t("answer_hint_one")), ok=False, locale=ctx.locale,
                 buttons=(Button(ctx.t("lost_not_won_button"), command),))
