"""Short corrections of the change just made, said with no number or name (r26): what each one
asks for is only known from that change (handlers/sales/said_short.py reads them against it).

- a done taken back: `oops wrong one, not done yet`, `点错了 还没做完`;
- the thing just made taken away: `forget it, delete that`, `算了 删掉吧`;
- the thing just deleted brought back: `bring it back`, `恢复一下`;
- a role kept, said of a pronoun: `no actually she stays rep`, `不对 她还是销售`.

>>> not_done("oops wrong one, not done yet"), not_done("点错了 还没做完"), not_done("not done 6")
(True, True, False)
>>> delete_that("forget it, delete that"), delete_that("算了 删掉吧"), delete_that("delete deal 4")
(True, True, False)
>>> role_kept("no actually she stays rep"), role_kept("不对 她还是销售"), role_kept("tom stays rep")
('rep', 'rep', None)
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: Words before a correction that only say a mistake was made
_OOPS = (r"(?:(?:oops|whoops|sorry|wait|no+|nope|actually|hmm+|ugh|oh(?: no| wait)?|my bad|my mistake|"
         r"forget (?:it|that)|never ?mind|nvm|scratch that|wrong (?:one|task|button|item)|wrong|"
         r"mis-?click(?:ed)?|fat[- ]finger(?:ed)?|(?:that'?s|that was|thats) (?:wrong|a mistake))[\s,.!-]+)*")
_OOPS_ZH = (r"(?:(?:点错了|按错了|点错|搞错了|弄错了|错了|不对|等等|等一下|哎呀|算了|不好意思|抱歉|"
            r"不是这个|不是这条)[\s，,。!！]*)*")
_END = r"(?:[\s,.!]+(?:pls|please|plz|thx|thanks|sorry))*[\s.!。！~～]*$"

_NOT_DONE = pattern(
    r"^" + _OOPS + r"(?:(?:it|that|this)(?:\s+one)?\s*(?:'s|is|was)?\s+|it'?s\s+|that'?s\s+)?"
    r"(?:not|isn'?t|isnt|wasn'?t|wasnt)\s+(?:done|finished|complete[d]?)(?:\s+yet)?(?:\s+after\s+all)?" + _END
    + r"|^" + _OOPS_ZH + r"(?:那个|这个|那条|这条|它)?(?:还|其实)?(?:没|没有|未|还没|还没有)"
    r"(?:完成|做完|搞定|办完|弄完|做)(?:呢|啊|哦|的)?[\s。!！~～]*$", re.I)
_DELETE_THAT = pattern(
    r"^" + _OOPS + r"(?:(?:pls|please|just|can you|could you)\s+)?(?:delete|remove|drop|scrap|bin|trash|"
    r"get rid of|cancel)\s+(?:that|it|this)(?:\s+one)?(?:\s+(?:then|too))?" + _END
    + r"|^" + _OOPS_ZH + r"(?:把)?(?:它|这个|那个|这条|那条|刚才那个|刚才那条)?(?:删掉|删了|删除|删|去掉)"
    r"(?:它|吧|了|一下|算了)*[\s。!！~～]*$", re.I)
_BRING_BACK = pattern(
    r"^" + _OOPS + r"(?:(?:pls|please|just|can you|could you)\s+)?(?:bring|put|get)\s+(?:it|that|this|them)"
    r"(?:\s+one)?\s+back" + _END + r"|^" + _OOPS + r"(?:(?:pls|please|just)\s+)?(?:restore|undelete)\s+"
    r"(?:it|that|this)(?:\s+one)?" + _END
    + r"|^" + _OOPS_ZH + r"(?:删错了|误删了?|不小心删了)?[\s，,。]*(?:帮我|请)?(?:把)?"
    r"(?:它|这个|那个|这条|那条)?"
    r"(?:恢复|还原|找回|弄回来|拿回来)(?:一下|吧|回来)*[\s。!！~～]*$", re.I)
_ROLE = pattern(
    r"^" + _OOPS + r"(?:she|he|they|her|him|them)\s+(?:stays|remains|is still|should stay|will stay|"
    r"can stay|stays on as|goes back to(?: being)?|is back to(?: being)?|keeps? being)\s+"
    r"(?:as\s+)?(?:an?\s+)?"
    r"(?P<role>rep|sales rep|salesperson|manager|admin)(?:\s+(?:then|after all))?" + _END
    + r"|^" + _OOPS_ZH + r"(?:她|他|ta|TA)\s*"
    r"(?:还是|继续(?:做|当)?|仍然是|依然是|仍是|还当|还做|恢复成?|改回)\s*"
    r"(?P<zrole>销售代表|销售经理|销售|经理|管理员)[吧啊了呀。!！\s]*$", re.I)
_ROLES = {"rep": "rep", "sales rep": "rep", "salesperson": "rep", "manager": "manager", "admin": "admin",
          "销售": "rep", "销售代表": "rep", "经理": "manager", "销售经理": "manager", "管理员": "admin"}


def _said(text: str) -> str:
    return " ".join(text.split())


def not_done(text: str) -> bool:
    """`oops wrong one, not done yet` · `点错了 还没做完`: a done taken back, no number said."""
    return bool(_NOT_DONE.match(_said(text)))


def delete_that(text: str) -> bool:
    """`forget it, delete that` · `算了 删掉吧`: the thing just made taken away, no number said."""
    return bool(_DELETE_THAT.match(_said(text)))


def bring_back(text: str) -> bool:
    """`bring it back` · `restore it` · `恢复一下`: the thing just deleted back, no number said."""
    return bool(_BRING_BACK.match(_said(text)))


def role_kept(text: str) -> str | None:
    """`no actually she stays rep` · `不对 她还是销售`: the role (rep, manager, admin) said of
    someone only by a pronoun; None otherwise."""
    found = _ROLE.match(_said(text))
    return _ROLES[(found["role"] or found["zrole"]).lower()] if found else None
