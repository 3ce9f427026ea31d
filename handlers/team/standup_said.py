"""A message while today's standup prompt awaits the rep's answer (`awaits_answer`): the answer,
or a command, or asked which.

- Said the way a standup is (two of its parts named: `yesterday: met globex. today: proposal for
  initech`, `昨天拜访了华为和小米，今天跟进腾讯的报价`): the answer, whatever else it reads as. A visit
  or task the words also read as is not stored with it (a standup mixes days and customers: no
  reading of it as a visit would be sure); the reply says so, and how to log one.
- Prose that is no command (`Called Acme, demo for Initech today`): the answer.
- Prose the bot would offer as a command (`今天去了华为见了张总`: a visit?), or a slip of a command
  word (`vist Initech: demo`): asked, the command and the answer one tap each.
- A command (`visit Acme: met the CTO`, `progress`): the command; the prompt waits.
"""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.closed_words import closed_said
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.team.schedule_commands import awaits_answer
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of

#: The parts of a standup, each one way of naming it (a label, or the day it is about)
_PARTS = (pattern(r"(?<![A-Za-z])(?:yesterday|yday|y\s*[:：])|昨天|昨日", re.I),
          pattern(r"(?<![A-Za-z])(?:today|t\s*[:：])|今天|今日", re.I),
          pattern(r"(?<![A-Za-z])(?:blockers?|blocked|b\s*[:：])|困难|阻碍|障碍|卡点", re.I))


def standup_shaped(text: str) -> bool:
    """Whether a message names two parts of a standup (yesterday, today, blockers).

    >>> standup_shaped("yesterday: met globex. today: proposal for initech. blockers none")
    True
    >>> standup_shaped("visit Acme today: met the CTO")
    False
    """
    return sum(1 for part in _PARTS if part.search(text)) >= 2


#: A part of a standup named with a label (`y:`, `today:`, `blockers none`, `昨天：`, `困难：无`)
_LABELLED = (pattern(r"(?<![A-Za-z])(?:yesterday|yday|y)\s*[:：]|(?:^|[\s,，;；.。])昨[天日]\s*[:：]", re.I),
             pattern(r"(?<![A-Za-z])(?:today|tdy|t)\s*[:：]|(?:^|[\s,，;；.。])今[天日]\s*[:：]", re.I),
             pattern(r"(?<![A-Za-z])(?:blockers?|b)\s*(?:[:：]|(?=\s*(?:none|nothing|no|nil|n/?a)\b))"
                     r"|(?:困难|阻碍|障碍|卡点)\s*(?:[:：]|(?=\s*(?:无|没有)))", re.I))


def standup_labelled(text: str) -> bool:
    """Whether a message names two parts of a standup with their labels (`yesterday: met initech,
    today: chase gree contract, blockers none`, `y: … t: …`, `昨天：…，今天：…`): a standup answer,
    whether or not a prompt is open.

    >>> standup_labelled("yesterday: met initech, today: chase gree contract, blockers none")
    True
    >>> standup_labelled("visit Acme today: met the CTO, they want a demo")
    False
    """
    return sum(1 for part in _LABELLED if part.search(text)) >= 2


def answer_or_command(ctx: Ctx, command: c.Command | c.ParseError) -> c.Command | c.ParseError | Reply:
    """What a message read as `command` is while a standup prompt may be waiting (see above). With
    none waiting, a message labelled the way a standup is (`y: … t: … b: …`) is offered as one."""
    prose = isinstance(command, c.ParseError) and command.topic is None
    shaped = standup_shaped(ctx.text)
    if prose and standup_labelled(ctx.text) and not awaits_answer(ctx):
        answer = f"{name_of(WORDS, 'standup', ctx.locale)} {ctx.text}"
        return Reply(lines=(ctx.t("standup_unasked"), ctx.t("answer_hint_one")), ok=False, locale=ctx.locale,
                     buttons=(Button(ctx.t("standup_answer_button"), answer),))
    if not (prose or shaped and isinstance(command, c.Command)) or not awaits_answer(ctx):
        return command
    offered = _offered(ctx, command)
    if not shaped and not offered and closed_said(ctx.text):  # `haier crm deal - lost`: that loss,
        from handlers import no_command  # or the answer? never taken unasked (no_command reads
        told = no_command.answer(ctx, ctx.text, command)  # through the use cases: kept lazy)
        if isinstance(told, Reply) and told.buttons:
            answer = f"{name_of(WORDS, 'standup', ctx.locale)} {ctx.text}"
            return replace(told, buttons=(*told.buttons, Button(ctx.t("standup_answer_button"), answer)))
    if shaped or not offered:
        return c.AnswerStandup(ctx.text, read_as_command=bool(offered))
    answer = f"{name_of(WORDS, 'standup', ctx.locale)} {ctx.text}"
    return Reply(lines=(ctx.t("standup_or_command"),), ok=False, locale=ctx.locale,
                 buttons=(*(Button(said[:75], said, action=action) for said, action in offered),
                          Button(ctx.t("standup_answer_button"), answer)))


def _offered(ctx: Ctx, command: c.Command | c.ParseError) -> tuple[tuple[str, object], ...]:
    """(what to type, the command) the message also reads as: itself, a slip's fix, or the
    commands the bot would offer for it."""
    if isinstance(command, c.Command):
        return ((ctx.text, command),)
    said = [command.fixed] if command.problem == "typo" else [o[1].strip() for o in command.options]
    return tuple((line, meant) for line in said
                 if line and isinstance(meant := read(line, ctx.today).command, c.Command))

