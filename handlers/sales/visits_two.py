"""A visit sentence naming two customers (r27zh #240: `今天拜访了华为和小米，明天跟进腾讯的报价` stored one
visit to 华为 with notes "和小米" and 腾讯's follow-up on it): a visit to each, and what the rest says about
a third customer a task about that customer, offered in one tap (nothing stored until tapped). Only where
both names are customers we know; a third customer's words with no day stay out (not offered: asked by
the usual readers)."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.language import answered_in
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.spans import date_in
from handlers.known_names import known_customers
from handlers.text.reply import Button, Reply
from storage.sales import CustomerRepository

#: `今天拜访了华为和小米，…`, `visited acme and globex today, …`
_TWO = pattern(r"^(?:今天|昨天|上午|下午|刚才|刚)?\s*(?:拜访了|拜访|去了|见了|visited|met(?:\s+with)?)\s*"
               r"(?P<one>[^\s,，、和与跟&]+?)\s*(?:和|与|跟|、|\s+and\s+|\s*&\s*)\s*(?P<two>[^\s,，。;；]+?)"
               r"(?:\s+(?:today|yesterday))?(?:\s*$|\s*[,，。;；:：]\s*(?P<rest>.*)$)", re.I)


def offered(ctx: Ctx, text: str) -> Reply | None:
    """Both visits (and a task about a third customer named with a day) offered; None."""
    said = " ".join(text.split())
    found = _TWO.match(said)
    if found is None or "\n" in text.strip():
        return None
    names = []
    for word in (found["one"], found["two"]):
        known = known_customers(ctx, word)
        if len(known) != 1:
            return None
        names.append(known[0].name)
    if names[0] == names[1]:
        return None
    zh = answered_in(text, ctx.locale) == "zh"
    day = " 昨天" if re.search(r"^昨天|yesterday", said, re.I) else ""
    day = day if zh else day.replace("昨天", "yesterday")
    lines = [f"{'拜访' if zh else 'visit'} {name}{day}" for name in names]
    rest = (found["rest"] or "").strip()
    if rest:
        third = next((each for each in _customers_in(ctx, rest) if each not in names), None)
        if third is None or date_in(rest, ctx.today) is None:
            return None  # the rest about the visits (notes of which one?): the usual readers ask
        lines.append(f"{'任务 客户' if zh else 'task customer'} {third}{'：' if zh else ': '}{rest}")
    for line in lines:
        if not isinstance(read(line, ctx.today).command, c.LogVisit | c.AddTask):
            return None
    ctx.locale = "zh" if zh else "en"
    return Reply(lines=(ctx.t("visits_two_offer", names=" · ".join(names), lines="\n".join(lines)),
                        ctx.t("answer_hint_one")), ok=False, locale=ctx.locale,
                 buttons=(Button(ctx.t("second_joined_both")[:75], "\n".join(lines)),))


def _customers_in(ctx: Ctx, words: str) -> list[str]:
    """The known customers whose names the words hold (`明天跟进腾讯的报价`: 腾讯)."""
    names = [name for _id, name in CustomerRepository(ctx.session).names(ctx.tenant.id)]
    folded = words.lower()
    return [name for name in names if len(name) >= 2 and name.lower() in folded]
