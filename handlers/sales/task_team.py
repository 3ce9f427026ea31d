"""A task for the whole team (`task @team prep QBR deck by fri`, `任务 @大家 周五前更新预测`): r31en #152
answered "I don't know anyone called 'team'". A manager is offered one task each for the reps of
their teams (one tap, nothing made before it); a rep hears that only a manager gives tasks to others
(tasks.py's own refusal, with their task for themselves one tap away)."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import AddTask
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.text.reply import Button

#: The words that name everyone of a team where a person's name goes (`@team`, `@大家`)
TEAM_WORDS = {"team", "the team", "everyone", "everybody", "all", "reps", "the reps", "all reps",
              "团队", "大家", "所有人", "全员", "全体", "各位", "全组", "team members", "团队成员",
              "全体成员", "所有销售"}
_MENTION = pattern(r"@\s*(?:" + "|".join(sorted(map(re.escape, TEAM_WORDS), key=len, reverse=True))
                   + r")(?![A-Za-z])", re.I)


def for_the_team(ctx: Ctx, cmd: AddTask) -> bool:
    """Whether `cmd` is given to the team as a whole (`@team`), no member being called that."""
    return cmd.assignee is not None and name_fold(cmd.assignee.lstrip("@")) in TEAM_WORDS \
        and not ctx.people.find_members(ctx.tenant.id, cmd.assignee.lstrip("@"), platform=ctx.platform)


def offer_each(ctx: Ctx, cmd: AddTask):
    """The refusal that offers a manager one task each for their teams' reps (`task_people`)."""
    reps: dict[int, str] = {}
    teams = ctx.people.teams_of(ctx.member.id) or [ctx.people.default_team(ctx.tenant.id)]  # (an admin's)
    for team in (team for team in teams if team is not None):
        reps.update({m.id: m.display_name for m in ctx.people.in_team(team.id)
                     if m.role == "rep" and m.id != ctx.member.id and " " not in m.display_name.strip()})
    said = " ".join(ctx.text.split())
    if not reps or _MENTION.search(said) is None:
        return ctx.refuse("task_team_none", team=cmd.assignee)
    lines = "\n".join(_MENTION.sub(lambda _m, n=name: f"@{n}", said, count=1) for name in reps.values())
    button = Button(ctx.t("option_one_each"), f"\n{lines}")
    hint = "\n".join((f"1. {ctx.t('option_one_each')}: {lines}", ctx.t("answer_hint_one")))
    return ctx.refuse("task_people", hint=hint, buttons=(button,),
                      text=f"@{cmd.assignee.lstrip('@')} ({', '.join(reps.values())})")
