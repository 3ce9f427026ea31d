"""The bot's last question in a chat, answered by its number or a word (`1`, `2`, `yes`, `ok`,
`好的`, `是`; `no`, `不` drops it), or by typing a button's label instead of pressing it.

A question is kept in the database (`open_questions`), not in a process: the answer may reach
another web process. It goes with the member's next message, whatever that is, and after
`TTL` it no longer counts.
"""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from handlers.customer_reason import customer_reason
from handlers.grammar import commands as c
from handlers.grammar.acknowledged import acknowledged
from handlers.grammar.answer_kinds import (
    a_command,
    amount_first,
    day_first,
    is_cancel,
    is_undo,
    typed_answer,
    undo_confirmed,
)
from handlers.grammar.command_json import button_values, pressed
from handlers.grammar.festivals import unknown_in
from handlers.grammar.intents import BY_NAME, intent_of, split_keyword
from handlers.grammar.label_picked import label_picked, label_typed
from handlers.grammar.negated import NO_KEEP, declined, kinds_undenied, negated_rest, opens_with_no
from handlers.grammar.normal import simplified
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern
from handlers.grammar.placed import ordinal
from handlers.grammar.range_edit import range_moved
from handlers.grammar.range_replaced import range_replaced
from handlers.grammar.reason_echo import without_echo
from handlers.grammar.record_picked import record_picked
from handlers.offer_edited import customer_put_right, said_again_with
from handlers.rules.close_reasons import rival_told
from handlers.text.reply import Reply
from storage import questions as stored
from storage.models.workspace import Member

TTL = dt.timedelta(minutes=5)
#: What `take` gives for a message that answers no option of a question still open (its problem)
UNANSWERED = "unanswered"
#: What `take` gives for `undo`, `撤销`, `cancel`, `算了` said while a question is open
CANCELLED = "question_cancelled"
#: What `take` gives for `算了` and a message after it (`算了 那就开个业绩的竞赛 …`): the question
#: dropped, the words after it read as a message of their own (its detail)
DROPPED = "question_dropped_then"
#: A no that drops the question, more words after it (`算了`, `never mind`, `forget it`)
_DROPPED = pattern(r"^\s*(?:算了吧?|never\s?mind|nvm|forget\s+it)[\s,，。.!！~]*(?:那就|那|还是)?"
                   r"[\s,，]*(?=\S)", re.I)
_YES = {"yes", "y", "yeah", "yep", "ok", "okay", "sure", "好", "好的", "是", "是的", "对", "行", "可以", "嗯",
        "确认", "確認", "确定", "確定", "confirm", "对的", "没问题", "可以的", "行的", "好滴", "yes please",
        "sounds good", "go ahead", "do it", "好嘞", "好咧", "就这样", "就这么办", "对对", "对对对", "是是",
        "yup", "ya", "yea", "yah", "k", "kk", "okey", "go", "ok go",
        "okay go", "yes pls", "yes plz", "yes please do", "please do", "pls do", "sure thing", "absolutely",
        "correct", "right", "that's right", "thats right", "exactly", "yes do it", "ok do it", "👍", "👌",
        "✅", "🆗", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿"}
_NO = {"no", "n", "nope", "cancel", "不", "不是", "否", "不要", "取消", "算了", "不对", "不用", "不用了",
       "不需要", "先不", "先不用", "不是的", "别", "nah", "no thanks", "never mind", "nevermind", "nop",
       "nah thanks", "no thx", "no pls", "not now", "don't", "dont", "no way", "nvm", "👎", "❌", "不要了",
       "先不用了", "先不要", "不了", "不行", "不必", "不必了", "没必要", "不需要了", "别了", "错了",
       "不是这个"}
_THANKS = {"谢谢", "谢了", "thanks", "thank you", "thx", "ty"}  # said after a yes or no: nothing more
_COURTESY = {"pls", "plz", "please", "thanks", "thx", "🙏", "😊", "🙂", "😅", "👍"}  # beside a yes or no
_VARIATION = pattern("[\ufe0f\u200d]")  # an emoji's presentation marks: `👍️` is `👍`
_LIMIT = 4000  # the longest answer value kept


def answer_word(text: str) -> int | None:
    """The option a reply picks (1-based; 1 for yes), 0 for no, None when it is no answer."""
    word = " ".join(_VARIATION.sub("", text).split()).strip(" .!。！~,，").lower()
    if word in _YES:
        return 1
    if word in _NO:
        return 0
    said = [w for w in re.split(r"[\s,，.。!！~]+", word) if w]  # `嗯 好的`, `好吧`, `不用了`, `嗯嗯`
    said = [simplified(_PARTICLE.sub("", _once(w)) or w) for w in said]  # `好吧好吧`: said twice, meant once
    said = [w for w in said if w not in _THANKS] if said and said[0] not in _THANKS else said
    # `yes pls`, `sure 👍`; `👍 👍` is its own answer, not courtesy around none
    said = ([w for w in said if w not in _COURTESY] or said) if len(said) > 1 else said
    if said and all(w in _YES or set(w) <= {"嗯", "好"} for w in said):
        return 1
    if said and said[0] in _NO and all(w in _YES | _NO for w in said):  # `不对 不对`, `no no`
        return 0
    if NO_KEEP.match(word):  # `nah keep it`, `no, don't delete it`, `算了不删了`: a no, said twice
        return 0
    if word.isdigit() and len(word) == 1 and word != "0":
        return int(word)
    return ordinal(word)


def _placed(text: str) -> bool:
    """Whether an answer picks by place (`1`, `first`, `#1`), not by a bare yes."""
    word = text.strip(" .!。！~").lower()
    return word.isdigit() or ordinal(word) is not None


def _once(word: str) -> str:
    half = len(word) // 2
    return word[:half] if len(word) % 2 == 0 and half and word[:half] == word[half:] \
        and _PARTICLE.sub("", word[:half]) in _YES | _NO else word




def take(session: Session, member: Member, platform: str, text: str,
         now: dt.datetime, today: dt.date) -> tuple[bool, c.Command | c.ParseError | str | None, str | None]:
    """End the member's open question (any message does): (whether there was one, what `text`
    answers of it: the chosen option's command or text, "" for `no`, None for nothing; the
    language the question was asked in, so that `1` is answered in it). `today` is the member's
    day, which dates in the answer count from (not the UTC day of `now`)."""
    question = stored.open_question(session, member.id, platform)
    if question is None:
        return False, None, None
    stored.close(session, question)
    if answer_word(text) is None and (dropped := _DROPPED.match(text)) is not None:  # `算了 推到下周吧`:
        text = text[dropped.end():]  # no to the question, then what is meant instead: an edit of the
        # an offer, or a message of its own
        asked, picked, locale = _answered(session, member, question, text, now, today)
        unread = picked is None or getattr(picked, "problem", "") in (UNANSWERED, "answer_unread")
        return (True, c.ParseError(None, DROPPED, text), locale) if unread else (asked, picked, locale)
    return _answered(session, member, question, text, now, today)


def _answered(session: Session, member: Member, question, text: str, now: dt.datetime,
              today: dt.date) -> tuple:
    """What `text` answers of the open `question` (`take`)."""
    answers = [a for a in question.answers if isinstance(a, str)]
    about = next((a for a in question.answers if isinstance(a, dict)), {})
    locale = about.get("locale")
    pick = answer_word(text)
    if pick is None:  # an option's command typed (or its button sent as text)
        pick = typed_answer(text, answers)
    pick = record_picked(text, about.get("labels") or answers, pick) or pick  # `#46`: which deal, no yes
    if pick == 1 and about.get("which") and not _placed(text):
        pick = len(answers) + 1  # `yes` to "this deal, that one, or a new one?": which? asked again
    if pick is None and not a_command(text):  # a button's label typed instead of pressed (`华为`,
        pick = label_picked(text, about.get("labels") or [])  # `Keep it as a tip`), not a command
        # typed again (`lost globex: …`, whose words fold to the label of `lost globex "…"`)
    elif pick is None:  # a label that reads as a command (`客户关系`: `客户 关系`) is still the label
        pick = label_typed(text, about.get("labels") or [])
    if pick is None and (denied := negated_rest(text)) is not None:  # `不是任务`, `no not that`: a no
        pick = declined(denied, [_kind_of(a) for a in answers], label_picked(denied, about.get("labels", [])))
    if pick is None and undo_confirmed(text) and not any(is_undo(a) for a in answers):
        return True, None, locale  # `undo confirm`, the bot's own button: the undo, never only the question
    if (pick is None and is_undo(text) or pick == 0 and is_cancel(text)) \
            and not any(is_undo(a) for a in answers) and not about.get("soft"):  # (a saved win's "what
        # decided it?": `undo` undoes the win)
        return True, c.ParseError(None, CANCELLED), locale  # `undo`, `算了` with a question open: the
        # question cancelled, nothing saved; the last saved change one tap from undone (issue #23)
    if pick is None and not about.get("soft") and now - question.asked_at <= TTL and len(answers) == 1 \
            and range_moved(answers, text, today) == (pressed(answers[0]),):
        pick = 1  # `改成23号结束` typed again to its own offer `竞赛 #2 12月7日-12月23日`: that offer taken
    if pick is None and not about.get("soft") and now - question.asked_at <= TTL \
            and (moved := range_moved(answers, text, today)
                     or range_replaced(answers, text, today)) is not None:
        return True, c.ParseError(None, "offer_edited", text, options=tuple(
            ("edited", line, None) for line in moved)), locale  # `make it end 12/23`:
        # the days offered, that end moved, asked again (never made at once)
    if pick is None and not about.get("soft") and now - question.asked_at <= TTL \
            and (again := said_again_with(about.get("said") or "", text, today)):
        if again is True:  # a correction of the offer, with no value of the offer to put it in: asked
            return True, _unread(text, answers, about, "correction"), locale  # again, or asked about what
            # was saved, never made on it unasked
        return True, again, locale  # `actually make that 115k` while asked: the message again, so
    if pick is None and not about.get("soft") and now - question.asked_at <= TTL \
            and (swapped := customer_put_right(session, member.tenant_id, answers, about.get("said") or "",
                                               text, now.date())):  # `actually Initech not Acme`: the
        return True, _unread(text, answers, about, "correction") if swapped is True else swapped, locale
        # offer again, that customer in it (or asked again: never a record saved before)
    fill = about.get("fill")  # changed (and asked again where it still must be)
    if pick is None and fill and now - question.asked_at <= TTL:
        said = _PARTICLE.sub("", " ".join(text.split()))  # `下周五吧`
        if _FOLLOW_UP_END.search(fill) and unknown_in(said, today):  # `春节后`, not known yet:
            return True, c.ParseError(None, "festival_unknown", said, fill), locale  # asked again
        if _FOLLOW_UP_END.search(fill) and (day := _FOLLOW_UP_START.sub("", said)) and day_first(day, today):
            return True, f"{fill} {day}", locale  # `跟进 12号` after "the follow-up needs a day"
        if not _FOLLOW_UP_END.search(fill) and amount_first(text):
            return True, f"{fill} {said}", locale  # `80k` after `How much?`
    if pick is None and not about.get("soft") and now - question.asked_at <= TTL and not a_command(text):
        if isinstance(kind := _kind_picked(text, answers), str):
            return True, kind, locale  # `no, log it as a visit` to "a task?": the visit, asked in turn
        start = _ANSWER_START.match(text)
        if kind is None and start and answer_word(start[1]) is not None:  # `no, not that one`,
            # `yes but later`: an answer that picks none: asked once more
            return True, _unread(text, answers, about), locale
        pick = kind if isinstance(kind, int) else None
    if pick is None and about.get("soft") and now - question.asked_at <= TTL \
            and (not a_command(text) or rival_told(text)  # `lost to siemens`, `客户很满意交付速度`
                 or customer_reason(session, member.tenant_id, text, today)) \
            and not acknowledged(text) and (head := _REASON_ASKED.match(answers[0] if answers else "")):
        said = without_echo(" ".join(text.split()))  # `relationship, known their CTO for yrs`: in their
        return False, c.ParseError(None, "reason_said", said, f"{head[1]}: {said}"), locale  # words, if
        # it is no other message
    if not about.get("soft") and now - question.asked_at <= TTL and (pick is None or pick > len(answers)):
        return True, c.ParseError(None, UNANSWERED, str(len(answers))), locale  # `3` of two, `asdf`:
        # no answer; the dispatcher keeps the question open where the text is no command either
    if pick is None or now - question.asked_at > TTL or pick > len(answers):
        return not about.get("soft"), None, locale  # a win's reason untold: let go, unsaid
    return True, "" if pick == 0 else pressed(answers[pick - 1]), locale


def _unread(text: str, answers: list[str], about: dict, fixed: str = "") -> c.ParseError:
    """`text`, an answer that picks none of the options: the question to ask again, its options."""
    labels = about.get("labels") or []
    return c.ParseError(None, "answer_unread", text, fixed, options=tuple(
        (labels[i] if i < len(labels) else str(i + 1), value) for i, value in enumerate(answers)))


#: The first word of an answer with more after it (`no, log it as a visit`, `不是，记成拜访`)
_ANSWER_START = pattern(r"^\s*([^\s,，.。!！:：;；]+)[\s,，.。!！:：;；]+\S")
#: An answer that says which kind of record it wants (`no, log it as a visit`, `作为任务吧`)
_KIND_SAID = pattern(r"(?<![A-Za-z])(?P<en>visit|task|deal|tip|notes?)s?(?![A-Za-z])"
                     r"|(?P<zh>拜访|任务|商机|经验|纪要)", re.I)
_KIND_ASKED = pattern(r"(?<![A-Za-z])(?:as|log|make|save|record|keep|put)(?![A-Za-z])"
                      r"|记成|记为|作为|当成|当作|算|改成", re.I)
_KIND_WORDS = {"visit": "visit", "拜访": "visit", "task": "task", "任务": "task", "deal": "deal",
               "商机": "deal", "tip": "tip", "经验": "tip"}
_KIND_OF = {"LogVisit": "visit", "AddTask": "task", "UpsertDeal": "deal", "AddTip": "tip"}


def _kind_picked(text: str, answers: list[str]) -> int | str | None:
    """The option of the kind an answer names (`no, log it as a visit`): its number; where no
    option is of that kind, that kind's line of the first option's words (asked about in turn);
    None when the answer names no kind, or several options are of it."""
    start = _ANSWER_START.match(text)
    if len(text.split()) > 6 or len(text) > (15 if re.search(r"[\u3400-\u9fff]", text) else 40) \
            or re.search(r"\d", text) or not (start and answer_word(start[1]) is not None
                                              or _KIND_ASKED.search(text) or opens_with_no(text)):
        return None  # a message of its own (`visit went well`, `华为…新建个商机…100万`), not a few words
    said = [found["en"] or found["zh"] for found in _KIND_SAID.finditer(kinds_undenied(text))]
    kinds = {_KIND_WORDS[w.lower()] for w in said if w.lower() in _KIND_WORDS}
    if len(kinds) != 1 or not answers:
        return None
    [kind] = kinds
    of_kind = [i for i, value in enumerate(answers, 1) if _kind_of(value) == kind]
    if len(of_kind) == 1:
        return of_kind[0]
    first = answers[0]
    intent, language, rest = split_keyword(normalize(first))
    if of_kind or first.startswith("{") or intent is None or not rest.strip():
        return None

    parts = first.split(None, 1)
    rest = parts[1] if len(parts) == 2 and intent_of(parts[0].rstrip(":")) == intent else rest
    words = (BY_NAME[kind].en, BY_NAME[kind].zh)[language == "zh"]
    if {intent, kind} <= {"visit", "task"} and (named := _NAMED.match(rest.strip())):  # `任务 客户 海尔：海尔
        name, body = named["name"], named["body"]  # 回访了一下 …`: 海尔, the message's own words; never
        if body.startswith(name) and body[len(name):].strip():  # a customer called "客户"
            body = body[len(name):].lstrip(" ,，:：")
        label = {"task": (" customer", " 客户"), "visit": ("", "")}[kind][language == "zh"]
        return f"{words[0]}{label} {name}{'：' if language == 'zh' else ': '}{body}"
    return f"{words[0]} {rest.strip()}"


#: An option's customer, said with its field label or without (`客户 海尔：…`, `customer Acme: …`, `Acme: …`)
_NAMED = pattern(r"^(?:(?:客户|客戶|customer|client)\s*[:：]?\s*)?(?P<name>[^\s:：]+)\s*[:：]\s*"
                 r"(?P<body>\S.*)$", re.I)


def _kind_of(value: str) -> str | None:
    """The kind of record an option's value makes (`visit …`, a LogVisit command)."""
    if value.startswith("{"):
        name = next(iter(value[1:].split('"', 2)[1:2]), "")
        return _KIND_OF.get(name)
    intent = split_keyword(normalize(value))[0]
    return intent if intent in ("visit", "task", "deal", "tip") else None


#: A reason button's line (`won #12: Price`, `输单 #7: 价格`): the reason asked about that deal
_REASON_ASKED = pattern(r"^(\S+\s*#\d+)\s*:")
#: What ends an everyday answer and says nothing (`下周五吧`, `好的呀`, `ok!`)
_PARTICLE = pattern(r"[吧啊呀呢哈嘛哦喔呗]*[\s.!。！~]*$")
#: A question's `fill` that ends with the follow-up or due word takes a day (`12号`, `跟进 fri`, `12月30日`)
_FOLLOW_UP_END = pattern(r"(?:跟进|follow up|截止|due|预计|close)$", re.I)  # a day asked for
_FOLLOW_UP_START = pattern(r"^(?:跟进|回访|follow[\s-]?up|fu|截止(?:日期)?|due|by)\s*[:：]?\s*", re.I)


def forget(session: Session, member: Member, platform: str) -> None:
    stored.forget(session, member.id, platform)


def remembering(reply: Reply, platform: str, now: dt.datetime, then=None, said: str = ""):
    """The `record` of a refused message (run after its rollback): the old question forgotten,
    this reply's buttons kept as the new one's answers, then `then` (an earlier record)."""
    kept = button_values(reply.buttons, _LIMIT)
    values = [value for _button, value in kept]
    labels = [button.label[:200] for button, _value in kept]

    def record(session: Session, member: Member) -> None:
        forget(session, member, platform)
        if values or reply.fill:
            about = {"locale": reply.locale, "labels": labels, **({"fill": reply.fill} if reply.fill else {}),
                     **({"soft": True} if reply.asks else {}), **({"which": True} if reply.which else {}),
                     **({"said": said[:_LIMIT]} if said and not reply.ok else {})}
            stored.ask(session, member.tenant_id, member.id, platform, [*values, about], now)
        if then is not None:
            then(session, member)
    return record
