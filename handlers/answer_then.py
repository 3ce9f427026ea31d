"""An answer to the open question with more words after it (r24): the answer taken, then the rest
read, never "which option?" asked again of a reply that said which.

- a no, then only more no (`nah not yet, cancel`, `不用 先不`): the question dropped;
- a no, then another record's number (`no wait wrong deal, it was #31 not #28`, `不对 是31号不是28号`):
  the asked-about message again with that number in it (read as itself, asked again if it must be);
- a no, then a message of its own (`no. leave dec 24 - jan 1, xmas`): the question dropped, the
  message run;
- a yes, then the same for another member (`yes and same for 张伟`, `好 张伟也一样`): the option,
  and the option again for them;
- a yes to a target, then another metric's figure (`yes and visits 35`, `好的，拜访也定35次`): the
  target, and that one for the same member and period (`handlers.target_too`);
- a yes, then a message of its own (`yes, and snooze 191 fri`): the option, then that message;
- the follow-up a visit was asked about, said again in words (`push the follow up to eow too` to
  "is “by eow” a follow-up day?"): that option, when its words are only the asked day's.

Anything else is left to `handlers.questions.take` (`no, not that one` is still asked again)."""
from __future__ import annotations

import re

from handlers import questions
from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.command_json import pressed
from handlers.grammar.negated import denies_only
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import parse
from handlers.offer_edited import said_again_with
from handlers.questions import TTL, answer_word
from handlers.team.target_yes_and import target_too
from handlers.text.strings import t
from storage import questions as stored

_DROPPED = pattern(r"^\s*(?:算了|never\s?mind|nvm|forget\s+it)", re.I)
#: An answer's words and what follows them (`no. leave …`, `yes and same for 张伟`, `不对，是31号`)
_SPLIT = pattern(r"[\s,，.。!！;；:：]+")
#: What joins an answer to more words and says nothing (`and`, `but`, `wait`, `然后`)
_JOINER = pattern(r"^(?:(?:and|but|also|then|so|wait|sorry|actually|hmm+|oh|oops|plus|"
                  r"然后|另外|还有|并且|而且|等等|等一下)(?![A-Za-z])[\s,，.。!！]*)+", re.I)
#: Words that only say no again (`not yet`, `cancel`, `later`, `先不`, `以后再说`)
_MORE_NO = pattern(r"^(?:(?:not|yet|now|for|cancel|cancell?ed|later|maybe|hold|off|leave|it|that|"
                   r"skip|no+|nah|nope|dont|don't|do|thanks|thx|pls|please|never|mind|forget|"
                   r"先不|先别|不用|不要|取消|再说|以后|以后再说|回头|回头再说|等等|暂时|先|了|吧)"
                   r"(?![A-Za-z])[\s,，.。!！]*)+$", re.I)
#: Another record's number meant (`it was #31 not #28`, `#31 not 28`, `not 28 but 31`, `是31号不是28号`)
_NUMBER_SWAP = (
    pattern(r"#?(?P<new>\d+)\s*号?\s*[,，]?\s*(?:not|instead of|不是)\s*#?(?P<old>\d+)", re.I),
    pattern(r"(?:not|不是)\s*#?(?P<old>\d+)\s*号?\s*[,，]?\s*(?:but|it'?s|it was|是)?\s*#?(?P<new>\d+)",
            re.I),
    pattern(r"(?:wrong (?:deal|task|one|number)|错了|搞错了).*?(?:it was|it's|its|meant|是)\s*#?(?P<new>\d+)",
            re.I))
#: The same again for another member (`same for 张伟`, `and 张伟 too`, `张伟也一样`, `也给张伟`)
_SAME_FOR = (pattern(r"^(?:(?:the\s+)?same\s+(?:for|with)|also\s+for|for)\s+@?(?P<name>[^\s,，.!]+)"
                     r"(?:\s+too|\s+as well)?[\s.!]*$", re.I),
             pattern(r"^@?(?P<name>[^\s,，.!]+)\s+(?:too|as well)[\s.!]*$", re.I),
             pattern(r"^(?:也给|给)?@?(?P<name>[^\s,，。!]+?)\s*也(?:一样|是|设一样的|照此|同样)[吧的。!！]*$"))
_MENTION = pattern(r"@\S+")
#: A follow-up said in words (`push the follow up to eow`, `跟进也设到周五`)
_FOLLOW_UP = pattern(r"follow[\s-]?up(?![A-Za-z])|(?<![A-Za-z])(?:f/?u)(?![A-Za-z])|跟进|回访", re.I)
_NOT = pattern(r"(?<![A-Za-z])(?:no|not|don'?t|without)(?![A-Za-z])|不|别|无需", re.I)
#: Words that restate "set the follow-up" and name no day (`push the follow up to … too`)
_RESTATED_ZH = pattern(r"也|设为|设成|设到|设|改到|改成|放到|定在|定到|就|吧|的|一下|日期")
_RESTATED = {"push", "set", "make", "put", "move", "the", "a", "to", "too", "also", "it", "on", "for", "as",
             "and", "yes", "ok", "pls", "please", "by", "follow", "up", "fu", "f/u", "也", "设", "设为", "到",
             "改到", "放", "就", "吧", "日期", "的", "一下", "跟进", "回访"}


def take(ctx: Ctx, text: str) -> tuple[bool, object, str | None]:
    """`questions.take`, with an answer and more read first (module doc): (True, "", None) for a
    plain no said twice; the lines to run (`c.Several`), or the message or option to run in the
    question's place, the question dropped."""
    question = stored.open_question(ctx.session, ctx.member.id, ctx.platform)
    refused = question is not None and any(isinstance(a, dict) and a.get("said") for a in question.answers)
    question = stored.open_question(ctx.session, ctx.member.id, ctx.platform)
    if question is None:
        return False, None, None  # (as questions.take says it: most messages, one query)
    meant = _read(ctx, text, question)
    if meant is None:
        taken = questions.take(ctx.session, ctx.member, ctx.platform, text, ctx.now, ctx.today)
        unanswered = taken[1] is None or isinstance(taken[1], c.ParseError)
        ctx.question = "" if not taken[0] else "refused" if refused and unanswered else "answered"
        return taken
    stored.forget(ctx.session, ctx.member.id, ctx.platform)
    return True, c.Several(tuple(meant)) if isinstance(meant, list) and meant else "" if meant == [] \
        else meant, None


def _read(ctx: Ctx, text: str, question) -> list | str | c.Command | None:
    if ctx.now - question.asked_at > TTL or answer_word(text) is not None or denies_only(text) \
            or _DROPPED.match(text):  # `算了 推到下周吧`: questions.take reads it (the offer edited)
        return None
    answers = [a for a in question.answers if isinstance(a, str)]
    about = next((a for a in question.answers if isinstance(a, dict)), {})
    if about.get("soft") or not answers:
        return None  # a win's reason asked after it was saved: questions.take reads it
    typed = " ".join(text.split())  # an option's own words, typed or tapped (`1 done` to "did you
    # mean: 1 done"): that option, never the answer `1` and the message `done`
    options = [said for said in (*answers, *map(pressed, answers)) if isinstance(said, str)]
    if any(typed == " ".join(said.split()) for said in options):
        return None
    swapped = _swapped(text, about)  # `不对，是20号不是19号`: a record's number, never the 20th
    if swapped is None and said_again_with(about.get("said") or "", text, ctx.today):
        return None  # `no, close date is jan 15`: the offer corrected (questions.take asks it again)
    return swapped or _follow_up_restated(text, answers, about) or _answer_and_more(ctx, text, answers, about)


def _answer_and_more(ctx: Ctx, text: str, answers: list[str], about: dict) -> list | str | None:
    words = _SPLIT.split(text.strip(), maxsplit=3)
    if words and re.fullmatch(r"#?\d+", words[0]):
        return None  # `2 done`: a record's number and what to do, never option 2 then `done`
    for size in (2, 1):  # `no thanks …`, `no …`
        if len(words) <= size or answer_word(" ".join(words[:size])) is None:
            continue
        pick = answer_word(" ".join(words[:size]))
        rest = _rest(text, size)
        if not rest:
            return None
        if pick == 0:
            return _after_no(ctx, rest)
        if pick <= len(answers) and not about.get("which"):
            return _after_yes(ctx, rest, answers[pick - 1])
        return None
    return None


def _swapped(text: str, about: dict) -> str | None:
    """A no, then another record's number than the one the asked-about message named: that message
    with the number put right."""
    words = _SPLIT.split(text.strip(), maxsplit=3)
    size = next((n for n in (2, 1) if len(words) > n and answer_word(" ".join(words[:n])) == 0), None)
    if size is None or not (rest := _rest(text, size)):
        return None
    said = about.get("said") or ""
    numbers = set(re.findall(r"#\s*(\d+)", said))
    for swap in _NUMBER_SWAP:
        if (found := swap.search(rest)) is None:
            continue
        old = found.groupdict().get("old") or (next(iter(numbers)) if len(numbers) == 1 else None)
        if old and old in numbers and old != found["new"]:
            return re.sub(rf"#\s*{old}(?!\d)", f"#{found['new']}", said)  # the message again, that number
        return None
    return None


def _rest(text: str, size: int) -> str:
    """The words after the first `size` words of `text`, the joiners before them dropped."""
    parts = _SPLIT.split(text.strip(), maxsplit=size)
    if len(parts) <= size:
        return ""
    tail = text.strip()[text.strip().index(parts[size], len(" ".join(parts[:size])) - 1):]
    return _JOINER.sub("", tail).strip()


def _after_no(ctx: Ctx, rest: str) -> list | str | None:
    if _MORE_NO.match(rest) or denies_only(rest):
        return []  # `nah not yet, cancel`, `no thanks, not as a task`: only no
    if any(swap.search(rest) for swap in _NUMBER_SWAP):
        return None  # another number, of no record the message named: asked again
    return rest if _a_message(ctx, rest) else None


def _after_yes(ctx: Ctx, rest: str, option: str) -> list | None:
    for same in _SAME_FOR:  # (the option as kept: its text, or its command encoded)
        if (found := same.match(rest)) is None:
            continue
        if not isinstance(pressed(option), str) or len(_MENTION.findall(option)) != 1:
            return None  # no one member in the option to put another in place of: asked again
        return [option, _MENTION.sub(lambda _m: "@" + found["name"].lstrip("@"), option)]
    if (too := target_too(option, rest, ctx.today)) is not None:  # `yes and visits 35`: that target too
        return too
    return [option, rest] if _a_message(ctx, rest) else None


def _a_message(ctx: Ctx, rest: str) -> bool:
    """Whether `rest` reads as a message of its own (a command, or one asked about by its kind)."""
    parsed = parse(rest, ctx.today)
    return not isinstance(parsed, c.ParseError) or parsed.topic is not None


def _follow_up_restated(text: str, answers: list[str], about: dict) -> c.Command | str | None:
    """`push the follow up to eow too` to "is “by eow” a follow-up day?": the follow-up option,
    when every other word of the reply is in the message asked about (its day said again)."""
    labels = about.get("labels") or []
    if not labels or labels[0] not in (t("en", "option_as_follow_up"), t("zh", "option_as_follow_up")) \
            or not _FOLLOW_UP.search(text) or _NOT.search(text):
        return None
    said = (about.get("said") or "").lower()
    plain = _RESTATED_ZH.sub(" ", _FOLLOW_UP.sub(" ", text.lower()))  # `跟进也设到周五前`: 周五前
    words = [w for w in re.findall(r"[a-z/]+|\d+|[\u3400-\u9fff]+", plain) if w not in _RESTATED]
    said_words = set(re.findall(r"[a-z/]+|\d+", said))
    if not words or not said or any(w not in said_words if re.match(r"[a-z/\d]", w) else w not in said
                                    for w in words):
        return None  # another day than the one asked about (a correction), or none named
    return pressed(answers[0])
