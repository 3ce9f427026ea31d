"""A correction while an offer is open (`make it end 12/23`, `改成12月14号开始` to "to give contest
#1 these days: contest #1 12/7-12/18"): the offer edited and asked again, never made at once
(README: "a correction while an offer is open edits the offer and asks again"; r18). Where the
offer gives a running contest new days, its running days with only that end moved are offered
too: `make it end 12/23` may mean the race as it runs, ending later (its start and standings
kept)."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.command_json import pressed
from handlers.grammar.day_off import in_calendar
from handlers.grammar.offer_customer import lines_with, said_customer
from handlers.grammar.range_edit import edited
from handlers.text.reply import Button, Reply
from storage.models.team import Contest
from storage.sales import CustomerRepository

_CONTEST = re.compile(r"^(?:contest|竞赛)\s*#(?P<id>\d{1,9})\s")


def asked(ctx: Ctx, error: c.ParseError) -> Reply:
    """The offered lines `error.options`, edited by the correction `error.detail`, asked again."""
    offered = [said for _label, said, _command in error.options]
    lines = list(offered)
    for line in offered:
        kept = _running_kept(ctx, line, error.detail)
        if kept is not None and kept not in lines:
            lines.append(kept)  # the race as it runs, only that end moved
    hint = ctx.t("answer_hint_one") if len(lines) == 1 else ctx.t("answer_hint", count=len(lines))
    return Reply(lines=(ctx.t("offer_edited", text=error.detail), *lines, hint), ok=False,
                 locale=ctx.locale, buttons=tuple(Button(line[:75], line) for line in lines))


def _running_kept(ctx: Ctx, line: str, said: str) -> str | None:
    """`contest #1 …` with the days contest #1 runs, only the end `said` moved; else None."""
    found = _CONTEST.match(line)
    contest = ctx.session.get(Contest, int(found["id"])) if found else None
    if contest is not None and contest.tenant_id == ctx.tenant.id:
        days = (f"{contest.starts_on.month}月{contest.starts_on.day}日-{contest.ends_on.month}月"
                f"{contest.ends_on.day}日" if "竞赛" in line
                else f"{contest.starts_on.month}/{contest.starts_on.day}-{contest.ends_on.month}/"
                     f"{contest.ends_on.day}")
        return in_calendar(ctx.calendar, edited, f"{found[0].strip()} {days}", said, ctx.today)
    return None


def customer_put_right(session: Session, tenant_id: int, answers: list[str], said: str, text: str,
                       today: dt.date) -> c.ParseError | str | bool | None:
    """The open offer's lines with the customer `text` puts right in them (`actually Initech not
    Acme`, `不对，是腾讯`: handlers/grammar/offer_customer.py), offered again, one tap each (the
    message asked about, `said`, put right, where the offer's options are commands: never made
    unasked); True where `text` puts a customer right that the offer has no place for (asked
    again, never an older record); else None."""
    repo = CustomerRepository(session)

    def known(name: str) -> bool:
        return bool(repo.find(tenant_id, name))
    named = said_customer(text, today)
    if named is None or not named[1] and not known(named[0]):
        return None  # `hmm lemme think abt it`: no customer's name, no correction of one
    plain = all(isinstance(pressed(line), str) for line in answers)
    lines = lines_with(answers, text, today, known) if plain else None
    lines = lines or (lines_with([said], text, today, known) if said else None)  # (options as commands:
    if not lines:  # the message asked about, put right, offered in their place)
        return True
    return c.ParseError(None, "offer_edited", text, options=tuple(("edited", line, None) for line in lines))


def said_again_with(said: str, text: str, today: dt.date) -> str | None | bool:
    """The asked-about message with its amount or day changed as `text` corrects it (`actually make
    that 115k`, `no, close date is jan 15`, `hmm no it was 55k`); True when `text` is a correction
    that cannot be put into it (asked again, never made on what was saved before); None when `text`
    is no correction (handlers/sales/said_again.py reads it)."""
    from handlers.sales.offer_corrections import offer_corrected

    return offer_corrected(said, text, today)
