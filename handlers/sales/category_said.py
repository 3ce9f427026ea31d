"""The "which category decided it?" of a closed deal whose reason named none, answered with a
sentence (`what decided it: relationship w/ the cfo mostly`, `主要是客户关系好，跟采购很熟`) rather
than a tap: the one category it names by its name (a tap's label) is the deal's category, as the
tap would file it, and the words are added to the reason kept as typed (every word lands
somewhere). Words naming two categories, none by name (a standup's answer that says `demo`), or
telling of another close or customer are not taken here."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar.reason_echo import without_echo
from handlers.grammar.rival_fixed import fixed_rival
from handlers.rules.close_reasons import CATEGORIES, WIN_CATEGORIES
from handlers.sales import reason_only
from handlers.sales.reasons import category_name, read_reason
from handlers.text.reply import Reply
from storage.models.sales import Deal


def category_said(ctx: Ctx, line: str, text: str) -> Reply | None:
    """The deal of `line` (`won #5: …`, the question's answer line) filed under the one category
    `text` names, its words added to the reason; None where this is no such answer."""
    number = line.partition("#")[2].partition(":")[0].strip()
    deal = ctx.session.get(Deal, int(number)) if number.isdigit() else None
    if deal is None or deal.tenant_id != ctx.tenant.id or deal.stage not in ("won", "lost") \
            or not deal.reason or deal.reason_category:
        return None  # a deal with no reason yet takes the words as its reason (dispatch)
    if fixed_rival(text) is not None:  # `竞争对手写错了 是金蝶`: the competitor corrected, no category
        return None
    won = deal.stage == "won"
    words = without_echo(" ".join(text.split())).strip()
    lowered = words.lower()
    said = sorted({category for category in (WIN_CATEGORIES if won else CATEGORIES) if category != "other"
                   for locale in ("en", "zh") if category_name(category, locale).lower() in lowered})
    if len(said) != 1 or not reason_only.only_a_reason(ctx, text, deal.customer_id):
        return None
    deal.reason_category = said[0]
    if words.lower() != category_name(said[0], ctx.locale).lower():
        deal.reason = f"{deal.reason}{'；' if ctx.locale == 'zh' else '; '}{words}"
        deal.competitor = deal.competitor or read_reason(ctx, words, won)[1]  # `competitor was X`: X (r24)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reason", "deal", deal.id, category=said[0])
    return Reply(lines=(ctx.t("reason_category_said", id=deal.id, name=category_name(said[0], ctx.locale),
                              text=words),))
