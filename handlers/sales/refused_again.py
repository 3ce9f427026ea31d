"""A correction said right after a message that changed nothing (refused, or asked about and let
go): `won 腾讯 90k` refused, then `no wait it was 88k`. It is about that message, never about a
record changed before it (#23, r32): that message is offered again with the value put right (one
tap), where it has a place for the value; otherwise the caller asks."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.sales.last_said import last_said
from handlers.text.reply import Button, Reply


def refused_last(ctx: Ctx, kinds: tuple[str, ...] = ()) -> str | None:
    """The words of the member's previous message here when it changed nothing (and, with `kinds`,
    was a command of one of those intents: `won …` refused, not a list asked for); else None."""
    from handlers.grammar.intents import split_keyword
    from handlers.grammar.parse import normalize

    said = last_said(ctx)
    if said is None or not said.text or said.changes_after > said.changes_before:
        return None
    return said.text if not kinds or split_keyword(normalize(said.text))[0] in kinds else None


def refused_offer(ctx: Ctx, said: str, text: str) -> Reply | None:
    """`said` (a message that changed nothing) again, with the amount or day `text` corrects put in
    its place, offered with one tap; None when `said` has no place for it."""
    from handlers.sales.offer_corrections import offer_corrected

    again = offer_corrected(said, text, ctx.today)
    if not isinstance(again, str) or again == said:
        return None
    return Reply(lines=(ctx.t("correction_after_nothing_head", said=said),
                        ctx.t("refused_said_again", said=again), ctx.t("answer_hint_one")),
                 ok=False, locale=ctx.locale, buttons=(Button(again[:75], again),))
