"""Whether a message sent while "what decided it?" is open is that reason, and nothing more: free
text of no command and no question, telling of no other close, stage or customer (out of
no_command.py, which asks it of messages it reads)."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.customer_reason import customer_reason
from handlers.grammar import asked as reports_asked
from handlers.grammar import commands as c
from handlers.grammar import everyday_said, unsaid
from handlers.grammar.closed_words import closed_said, stage_named
from handlers.grammar.correction_said import corrects_an_amount
from handlers.grammar.parse import normalize
from handlers.grammar.parse_reports import progress_asked
from handlers.grammar.reading import read
from handlers.rules.close_reasons import rival_told, without_rival
from handlers.sales import backdate
from storage.sales import CustomerRepository


def free_text(ctx: Ctx, text: str) -> bool:
    """Whether `text` is words of no command and no question (the answer to the bot's "what
    decided it?": `relationship, known their CTO for yrs`, `主要是产品功能匹配…`)."""
    parsed = read(text, ctx.today).command
    return (isinstance(parsed, c.ParseError) and parsed.topic is None and not parsed.options
            and reports_asked.meant(text, ctx.today) is None and progress_asked(normalize(text)) is None
            and not isinstance(everyday_said.meant(text, ctx.today), tuple))


def only_a_reason(ctx: Ctx, text: str, customer_id: int) -> bool:
    """Whether `text`, sent while "what decided it?" of a deal of `customer_id` is open, is its
    reason: free text (`relationship, known their CTO for yrs`) that tells of no other close, stage
    or customer (`haier crm deal - lost, they're consolidating vendors` runs as its own message)."""
    rest = without_rival(text)  # `lost to siemens`, `输给了西门子`: who won it, no close of its own
    told = rival_told(text) and (not rest.strip(" ,.，。!！") or free_text(ctx, rest))  # `lost to siemens, …`
    told = told or customer_reason(ctx.session, ctx.tenant.id, text, ctx.today)  # `客户很满意交付速度`
    if not (free_text(ctx, text) or told) or closed_said(rest) or stage_named(text) \
            or corrects_an_amount(text) or backdate.said(ctx, text):  # `不对，是45万`,
        # `其实周四签的`: the win's amount or day corrected, not
        return False  # why it was won
    names = CustomerRepository(ctx.session).names(ctx.tenant.id)
    own = {name for key, name in names if key == customer_id}
    return set(unsaid.customers_in(text, names)) <= own
