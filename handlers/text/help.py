"""`help`: one phone screen for the asker's role, and `help WORD` for every word of the grammar.

A rep sees what reps say every day (no manager's commands); a manager the team's commands, with
the everyday ones in a line; an admin the manager's screen and the admin's commands in a line.
`help WORD` is an intent's examples when WORD is a command (`help deal`), else the examples
that use WORD anywhere (`help merge`, `help history`, `help delete`, `帮助 合并`).
"""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar.vocabulary import near_word
from handlers.text.reply import Reply

REP = ("visit", "deal", "won", "lost", "progress", "pipeline", "followups", "task", "customer",
       "leaderboard", "tip", "leave", "undo")
REP_MORE = ("deals", "due", "done", "snooze", "scorecard", "like", "standup", "link", "language")
MANAGER = ("progress", "target", "pipeline", "stalled", "leaderboard", "scorecard", "reasons", "contest",
           "due", "tier", "reassign", "team", "schedule")
EVERYDAY = ("visit", "deal", "won", "lost", "followups", "task", "customer", "tip", "leave", "undo")
ADMIN = ("team create", "role", "rate", "calendar", "link")


def handle_help(ctx: Ctx, topic: str | None) -> Reply:
    from handlers.grammar.intents import BY_NAME

    if topic in BY_NAME:
        return Reply(title=ctx.t("usage_title"), lines=_usage(topic, ctx.locale))
    if topic:
        found = examples_with(topic, ctx.locale)
        if found:
            return Reply(title=ctx.t("usage_title"), lines=found)
        near = near_word(topic, _all_words(ctx.locale))  # `help mrege`: merge's examples
        if near:
            return Reply(title=ctx.t("usage_title"),
                         lines=(ctx.t("help_near", word=topic, near=near), *examples_with(near, ctx.locale)))
        return Reply(lines=(ctx.t("help_unknown", word=topic), *_screen(ctx)[1]),
                     title=_screen(ctx)[0], ok=False)
    title, lines = _screen(ctx)
    return Reply(title=title, lines=lines)


def _screen(ctx: Ctx) -> tuple[str, tuple[str, ...]]:
    """(title, lines) of the asker's screen."""
    zh = ctx.locale == "zh"
    first = lambda name: _usage(name, ctx.locale)[0]  # noqa: E731 - one line
    word = lambda name: _word(name, zh)  # noqa: E731
    if not ctx.is_manager:
        lines = [first(n) for n in REP] + [ctx.t("help_more_words", words=" · ".join(map(word, REP_MORE)))]
    else:
        lines = [first(n) for n in MANAGER]
        lines.append(ctx.t("help_everyday", words=" · ".join(map(word, EVERYDAY))))
        if ctx.is_admin:
            lines.append(ctx.t("help_admin", words=" · ".join(_admin_word(w, zh) for w in ADMIN)))
    return ctx.t("help_title"), (*lines, ctx.t("help_more"))


def examples_with(word: str, locale: str) -> tuple[str, ...]:
    """Every example, of every command, that uses `word` (as a word, any case)."""
    from handlers.grammar.intents import INTENTS

    key = word.lower()
    found = []
    for intent in INTENTS:
        for line in intent.examples(locale):
            words = {w.strip('"“”').lower() for w in line.replace("：", " ").replace(":", " ").split()}
            said = key in words or (locale == "zh" and not word.isascii() and word in line)
            if said and line not in found:
                found.append(line)
    return tuple(found[:8])


def _all_words(locale: str) -> set[str]:
    from handlers.grammar.intents import INTENTS

    return {w.strip('"“”').lower() for intent in INTENTS for line in intent.examples(locale)
            for w in line.replace("：", " ").replace(":", " ").split() if w.isalpha()}


def _usage(name: str, locale: str) -> tuple[str, ...]:
    from handlers.grammar.intents import BY_NAME

    return BY_NAME[name].examples(locale)


def _word(name: str, zh: bool) -> str:
    from handlers.grammar.intents import BY_NAME

    intent = BY_NAME[name]
    return intent.zh[0] if zh else intent.en[0]


def _admin_word(words: str, zh: bool) -> str:
    """An admin's command word (`team create` · `团队 新建`)."""
    name, _, rest = words.partition(" ")
    return f"{_word(name, zh)} {('新建' if zh else rest)}" if rest else _word(name, zh)
