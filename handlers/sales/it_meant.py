"""A short follow-on that names the record the member just made or touched by "it", "that one",
"that visit", "这个单子", or by nothing at all (r26):

- a deal's stage: `move it to discovery`, `and move it to negotiation`, `ok move it to proposal now`,
  `stage negotiation`, `把它推到商务谈判`, `这个单子推到方案呈现`, `阶段改成商务谈判`;
- a deal's title: `and rename it 250 seat license`, `call it "pilot"`, `改名叫二期`, `标题改成二期`;
- a visit's day: `oh and it was yesterday not today`, `其实是昨天去的`;
- a visit's follow-up: `no wait, follow up on that one next monday`, `那个下周一跟进`;
- a visit's customer: `scratch that, wrong customer, it was 美的`, `no wait, that visit was 美的 not
  比亚迪`, `不对 那次拜访是美的 不是比亚迪`;
- a visit's follow-up cleared: `visit #417 no follow up`, `undo that follow up, no f/u needed`, `不用
  跟进了`: a follow-up is cleared by marking it done (`done 417`), offered, one tap.

"It" is the one record of that kind the member's previous message here made or changed (within
RECENT, still in effect: handlers/sales/last_said.py), changed at once by the command that changes
it, the line it was read as said back (so `undo` undoes it). No such record (another message since,
too long ago, two of them): asked, one tap per record of the member's, never another record (r26:
`it` was once read as a customer's name, Initech).
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.dates import parse_date
from handlers.grammar.it_said import FOLLOW_OF, FOLLOW_PLAIN, VISIT_OF
from handlers.grammar.it_said import LEAD_EN as _LEAD_EN
from handlers.grammar.it_said import LEAD_ZH as _LEAD_ZH
from handlers.grammar.it_said import TAIL_EN as _TAIL_EN
from handlers.grammar.it_said import TAIL_ZH as _TAIL_ZH
from handlers.grammar.normal import view
from handlers.grammar.past_days import past_day
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.known_names import known_customers
from handlers.sales import follow_up_moved, stray_customer
from handlers.sales.day_nearest import corrected_day
from handlers.sales.last_said import last_said, made_last, made_with
from handlers.sales.said_again import RECENT, latest_change
from handlers.text.reply import Button, Reply
from handlers.text.strings import STAGE_NAMES, WORDS, name_of
from storage import pipelines
from storage.models.sales import Customer, Deal, Visit
from storage.sales import CustomerRepository, DealRepository

_IT_EN = r"(?:it|that|this|that\s+one|this\s+one|(?:that|this|the)\s+(?:deal|opp|opportunity|one))"
_IT_ZH = r"(?:它|这个单子|那个单子|这单|那单|这个商机|那个商机|刚才那个单子|刚才那单|这个|那个)"
_STAGE = pattern(_LEAD_EN + r"(?:(?:move|push|advance|bump|put|take|set|change)\s+" + _IT_EN
                 + r"\s+(?:up\s+)?(?:to|into|on|at|onto)"
                 r"|(?:(?:set|change|move|put)\s+)?(?:its\s+|the\s+)?stage(?:\s*[:=]|\s+(?:set\s+|changed\s+)?to"
                 r"|\s+is|\s+now)?)"
                 r"\s+(?:the\s+)?(?P<stage>[^\s,.!]+(?:\s+[^\s,.!]+)??)(?:\s+stage)?" + _TAIL_EN
                 + r"|" + _LEAD_ZH + r"(?:(?:把|将)?" + _IT_ZH
                 + r"\s*(?:推进到|推到|改到|挪到|移到|放到|进入到?|改成)"
                 r"|(?:把|将)?(?:" + _IT_ZH + r"的?)?阶段\s*(?:改成|改为|改到|推到|推进到|放到|调到|"
                 r"挪到|移到|"
                 r"设为|设成|定为|是|[:：]))\s*(?P<zstage>[^\s。!！吧了]+?)" + _TAIL_ZH, re.I)
_TITLE = pattern(_LEAD_EN + r"(?:(?:rename|retitle)\s+" + _IT_EN + r"(?:\s+(?:to|as))?|call\s+" + _IT_EN
                 + r"|(?:(?:change|set)\s+)?(?:the\s+|its\s+)?title\s*(?:[:=]|to|is|should\s+be)?)"
                 r"\s+(?P<title>\S.*?)" + _TAIL_EN
                 + r"|" + _LEAD_ZH + r"(?:(?:把|将)?" + _IT_ZH + r"?\s*(?:改名(?:为|叫|成)?|重命名为?|"
                 r"(?:名字|标题|名称)(?:改成|改为|是)))\s*(?P<ztitle>\S.*?)" + _TAIL_ZH, re.I)
#: `it was yesterday not today`, `that visit was 美的 not 比亚迪`: a visit's day or its customer
_VISIT_WAS = pattern(_LEAD_EN + r"(?:it|that|that\s+visit|the\s+visit|this\s+visit|that\s+one)\s+"
                     r"(?:was|is|should\s+be|should\s+have\s+been|happened)\s+(?:on\s+|with\s+|at\s+|for\s+)?"
                     r"(?P<value>\S.*?)(?:\s*,?\s+not\s+(?P<not>\S.*?))?" + _TAIL_EN
                     + r"|" + _LEAD_ZH + r"(?:刚才那次|刚才那个|刚才|那次|这次|那个|这个)?(?:拜访|客户)?"
                     r"(?:应该是|其实是|是)\s*(?P<zvalue>[^\s,，。]+?)(?:[,，]?\s*(?:不是|而不是)\s*(?P<znot>[^\s。!！]+))?"
                     r"(?P<went>去的|拜访的|见的)?[\s。!！]*$", re.I)
_FOLLOW = pattern(_LEAD_EN + r"(?:follow[\s-]?up|fu|f/u)\s+(?:on\s+|with\s+|for\s+)?"
                  r"(?:that\s+one|that\s+visit|that|it|them)\s+(?:on\s+|is\s+|should\s+be\s+)?(?P<day>\S.*?)"
                  + _TAIL_EN + r"|" + _LEAD_ZH + r"(?:那个|这个|那次|这次|刚才那个)(?:拜访)?\s*"
                  r"(?P<zday>[^\s，,。]+?)(?:再)?(?:跟进|回访)" + _TAIL_ZH, re.I)
_NO_FOLLOW = pattern(_LEAD_EN + r"(?:visit\s*#?\s*(?P<id>\d+)\s+)?"
                     r"(?:(?:undo|cancel|remove|clear|drop|delete)\s+"
                     r"(?:that|the|this|its)\s+(?:follow[\s-]?up|fu|f/u)|no\s+(?:follow[\s-]?up|fu|f/u)"
                     r"(?:\s+needed)?)(?:[\s,.!]+(?:no\s+)?(?:follow[\s-]?up|fu|f/u)?\s*(?:needed|pls|please)?)*"
                     r"[\s.!]*$|" + _LEAD_ZH
                     + r"(?:拜访\s*#?\s*(?P<zid>\d+)\s*)?(?:不用|不需要|无需|取消)(?:再)?"
                     r"(?:跟进|跟了|回访)了?" + _TAIL_ZH, re.I)
_CJK = pattern(r"[\u3400-\u9fff]")


def answer(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The command `text` says of the record just made or touched, the question which record it
    is, or None when `text` is no such follow-on."""
    said = " ".join(view(text).split()).strip()
    for reader in (_stage, _title, _no_follow_up, _follow_up, _visit_was, _follow_plain, _follow_of,
                   _visit_of):
        if (found := reader(ctx, said)) is not None:
            return found
    return None


def just_touched(ctx: Ctx, model) -> list:
    """The records of `model` the member's previous message here made or changed (within RECENT,
    still in effect); [] when that message changed none (or was too long ago)."""
    change = latest_change(ctx)
    if change is None or change.status != "done" or change.at < ctx.now - RECENT \
            or not made_last(ctx, change):
        return _said_last(ctx, model)
    keys = dict.fromkeys(row["k"][0] for each in made_with(ctx, change) for row in each.rows
                         if row["t"] == model.__tablename__ and row["a"] is not None)
    rows = [ctx.session.get(model, key) for key in keys]
    return [row for row in rows if row is not None and row.tenant_id == ctx.tenant.id]


def _said_last(ctx: Ctx, model) -> list:
    """The record the member's previous message here named by its number and changed nothing of
    (`deal #53 contact` of a deal at Contact already), within RECENT; else []."""
    said = last_said(ctx)
    if said is None or not said.text or said.at < ctx.now - RECENT:
        return []
    command = read(said.text, ctx.today).command
    key = command.ref.deal_id if isinstance(command, c.UpsertDeal) and command.ref is not None else \
        command.visit_id if isinstance(command, c.ChangeVisit) and not command.delete else None
    fits = key and (model is Deal) == isinstance(command, c.UpsertDeal)
    row = ctx.session.get(model, key) if fits else None
    return [row] if row is not None and row.tenant_id == ctx.tenant.id else []


def is_pronoun(words: str) -> bool:
    """Whether `words` name no customer but the record just touched (`it`, `that one`, `这个单子`)."""
    return bool(re.fullmatch(rf"\s*(?:{_IT_EN}|把?{_IT_ZH})\s*", words, re.I))


def _language(ctx: Ctx, said: str) -> bool:
    zh = bool(_CJK.search(said)) and not re.match(r"^[A-Za-z]", said)
    ctx.locale = "zh" if zh else "en"
    return zh


def _stage(ctx: Ctx, said: str):
    found = _STAGE.match(said)
    if found is None:
        return None
    words = (found["stage"] or found["zstage"] or "").lower().removeprefix("the ").strip()
    stage = V.STAGE_WORDS.get(words)
    if stage is None or stage not in pipelines.current().open:
        return None
    _language(ctx, said)
    name = name_of(STAGE_NAMES, stage, ctx.locale)
    return _deal_line(ctx, lambda deal: f"{name_of(WORDS, 'deal', ctx.locale)} #{deal.id} {name}")


def _title(ctx: Ctx, said: str):
    found = _TITLE.match(said)
    if found is None:
        return None
    title = (found["title"] or found["ztitle"] or "").strip(" \"'“”‘’「」")
    if not title or '"' in title:
        return None
    _language(ctx, said)
    return _deal_line(ctx, lambda deal: f'{name_of(WORDS, "deal", ctx.locale)} #{deal.id} "{title}"')


def _deal_line(ctx: Ctx, line):
    """The deal just touched changed by `line(deal)` at once, else the member's open deals asked."""
    if (whole := _read_whole(ctx, Deal, line)) is not None:
        return whole.command
    shown = [(deal, name) for deal, name in DealRepository(ctx.session).open_deals([ctx.member.id])
             if deal.stage in pipelines.current().open][:5]
    if not shown:
        return Reply(lines=(ctx.t("stage_said_none", stage="…", example=line(Deal(id=12))),), ok=False)
    return _which(ctx, "it_which_deal", line,
                  [(deal, f"#{deal.id} {name} · {deal.title}") for deal, name in shown])


def _visit_line(ctx: Ctx, line):
    """The visit just logged changed by `line(visit)` at once, else the member's latest visits asked."""
    if (whole := _read_whole(ctx, Visit, line)) is not None:
        return whole.command
    visits = just_touched(ctx, Visit)
    if len(visits) > 1:  # the visits the last message made: one tap each, never another visit
        names = CustomerRepository(ctx.session).names_of(ctx.tenant.id, [each.customer_id for each in visits])
        return _which(ctx, "it_which_visit", line, [
            (visit, f"#{visit.id} {names.get(visit.customer_id, '')} · {ctx.day_of(visit.visited_at):%m-%d}")
            for visit in visits[:5]])
    example = f"{_visit_word(ctx)} #12 {'日期' if ctx.locale == 'zh' else 'date'} …"
    return Reply(lines=(ctx.t("it_which_visit"), example), ok=False)  # r27en: no unrelated visit offered


def _read_whole(ctx: Ctx, model, line):
    """The one record of `model` just touched, `line(record)` read (the member told it was read so);
    None, nothing read, when there is not one."""
    ctx.correcting = True
    touched = just_touched(ctx, model)
    if len(touched) != 1:
        ctx.correcting = False
        return None
    said = line(touched[0])
    ctx.notes.append(ctx.t("read_as_whole", said=said))
    ctx.text = said
    return read(said, ctx.today)


def _which(ctx: Ctx, key: str, line, shown: list) -> Reply:
    """Which of the `shown` (record, label) was meant, asked with `key`: one tap each, `line(record)`."""
    buttons = tuple(Button(label[:75], line(record)) for record, label in shown)
    hint = ctx.t("answer_hint_one") if len(buttons) == 1 else ctx.t("answer_hint", count=len(buttons))
    return Reply(lines=(ctx.t(key), hint), buttons=buttons, ok=False)


def _visit_word(ctx: Ctx) -> str:
    return name_of(WORDS, "visit", ctx.locale)


def _follow_up(ctx: Ctx, said: str):
    found = _FOLLOW.match(said)
    day = found and (found["day"] or found["zday"] or "").strip()
    if not day or parse_date(day, ctx.today) is None:
        return None
    zh = _language(ctx, said)
    word = "跟进" if zh else "follow up"
    return _visit_line(ctx, lambda visit: f"{_visit_word(ctx)} #{visit.id} {word} {day}")


def _visit_was(ctx: Ctx, said: str):
    found = _VISIT_WAS.match(said)
    if found is None:
        return None
    value = (found["value"] or found["zvalue"] or "").strip(" ,，")
    zh = _language(ctx, said)
    if _a_day(value, ctx.today) is not None:
        not_said = (found["not"] or found["znot"] or "").strip(" ,，")
        if not_said and _a_day(not_said, ctx.today) is not None:
            return _day_not(ctx, value, _a_day(not_said, ctx.today))
        if zh and not found["went"]:
            return None  # `是明天`: a follow-up's day, perhaps; left to the corrections
        word = "日期" if zh else "date"
        return _visit_line(ctx, lambda visit: f"{_visit_word(ctx)} #{visit.id} {word} {value}")
    if not known_customers(ctx, value) or found["went"]:
        return None  # a name of no customer: left to the other readers (a new one is asked there)
    if not just_touched(ctx, Visit):
        return None  # `it was 美的` after a deal: that deal's customer, the corrections' to ask
    touched = just_touched(ctx, Visit)
    if len(touched) == 1 and (stray := stray_customer.offer(ctx, touched[0], value)) is not None:
        return stray  # the customer just made was a typo of this one: moved, the stray removed, one tap
    word = "客户" if zh else "customer"
    return _visit_line(ctx, lambda visit: f"{_visit_word(ctx)} #{visit.id} {word} {value}")


def _a_day(words: str, today):
    """The day `words` say, to come or gone (`上周五`)."""
    return parse_date(words, today) or past_day(words, today)


def _day_not(ctx: Ctx, value: str, was):
    """`friday not thursday`: the field of the visit just made whose day is `was` (its weekday, when
    said as one) takes `value`; both or neither: asked, one tap each (r27en: the visit's day was
    moved where the follow-up was meant)."""
    visits = just_touched(ctx, Visit)
    if len(visits) != 1:
        return _visit_line(ctx, lambda visit: "")  # which visit: asked, only those just touched
    visit, zh = visits[0], ctx.locale == "zh"

    def same(day) -> bool:
        near = day is not None and abs((day - was).days) <= 7
        return near and day.weekday() == was.weekday()
    on_visit, on_follow = same(ctx.day_of(visit.visited_at)), same(visit.follow_up_on)
    lines = {"date": f"{_visit_word(ctx)} #{visit.id} {'日期' if zh else 'date'} {value}",
             "follow": f"{_visit_word(ctx)} #{visit.id} {'跟进' if zh else 'follow up'} {value}"}
    if on_visit != on_follow:
        return _visit_line(ctx, lambda _visit: lines["follow" if on_follow else "date"])
    buttons = tuple(Button(line[:75], line) for line in lines.values())
    return Reply(lines=(ctx.t("it_which_visit"), *(f"{i}. {b.label}" for i, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=2)), buttons=buttons, ok=False)


def _no_follow_up(ctx: Ctx, said: str):
    found = _NO_FOLLOW.match(said)
    if found is None:
        return None
    _language(ctx, said)
    number = found["id"] or found["zid"]
    visit = ctx.session.get(Visit, int(number)) if number else None
    if visit is None or visit.tenant_id != ctx.tenant.id:
        visits = just_touched(ctx, Visit)
        visit = visits[0] if len(visits) == 1 else None
    if visit is None:
        return None
    customer = ctx.session.get(Customer, visit.customer_id)
    done = f"{name_of(WORDS, 'done', ctx.locale)} {visit.id}"
    return Reply(lines=(ctx.t("it_follow_up_cleared", example=done, id=visit.id,
                              customer=customer.name if customer else ""), ctx.t("answer_hint_one")),
                 buttons=(Button(done, done),), ok=False)


def _follow_plain(ctx: Ctx, said: str):
    """`明天跟进` right after a visit: its follow-up (a weekday correcting one just set: the nearest);
    `418 明天跟进一下`: visit 418's; else None (a task, perhaps: left to the other readers)."""
    found = FOLLOW_PLAIN.match(said)
    day = found and (found["day"] or found["zday"] or found["zday2"] or "").strip()
    if not day or parse_date(day, ctx.today) is None:
        return None
    zh, number = _language(ctx, said), found["id"] or found["zid"]
    if number:
        ctx.text = f"{_visit_word(ctx)} #{number} {'跟进' if zh else 'follow up'} {day}"
        ctx.notes.append(ctx.t("read_as_whole", said=ctx.text))
        return read(ctx.text, ctx.today).command
    visits = just_touched(ctx, Visit) if zh else []  # `no, fu wed`: the corrections' (old → new said)
    if len(visits) != 1:
        return None
    day = corrected_day(day, visits[0].follow_up_on, ctx.today, False)
    word = "跟进" if zh else "follow up"
    return _visit_line(ctx, lambda visit: f"{_visit_word(ctx)} #{visit.id} {word} {day}")


def _of_customer(ctx: Ctx, who: str) -> list:
    """The visits just made with the customer `who` names."""
    ids = {customer.id for customer in known_customers(ctx, who.strip())}
    return [visit for visit in just_touched(ctx, Visit) if visit.customer_id in ids] if ids else []


def _follow_of(ctx: Ctx, said: str):
    """`the 腾讯 follow up should be friday`: the follow-up of the visit just made with 腾讯, else the
    member's open follow-up with 腾讯 (handlers/sales/follow_up_moved.py); None for no customer."""
    found = FOLLOW_OF.match(said)
    who = found and (found["who"] or found["who2"] or found["zwho"] or "")
    day = found and (found["day"] or found["zday"]).strip()
    if not who or parse_date(day, ctx.today) is None or not known_customers(ctx, who.strip()):
        return None
    zh = _language(ctx, said)
    if len(visits := _of_customer(ctx, who)) == 1:
        ctx.correcting = True
        ctx.text = f"{_visit_word(ctx)} #{visits[0].id} {'跟进' if zh else 'follow up'} {day}"
        ctx.notes.append(ctx.t("read_as_whole", said=ctx.text))
        return read(ctx.text, ctx.today).command
    return follow_up_moved.answer(ctx, f"把{who.strip()}的跟进改到{day}" if zh else
                                  f"move the follow up for {who.strip()} to {day}")


def _visit_of(ctx: Ctx, said: str):
    """`oh the byd one was yesterday actually`: the day of the visit just made with 比亚迪; else None."""
    found = VISIT_OF.match(said)
    who, day = found and (found["who"] or found["zwho"] or ""), found and (found["day"] or found["zday"])
    if not who or _a_day(day.strip(), ctx.today) is None or len(visits := _of_customer(ctx, who)) != 1:
        return None
    zh = _language(ctx, said)
    ctx.correcting = True
    ctx.text = f"{_visit_word(ctx)} #{visits[0].id} {'日期' if zh else 'date'} {day.strip()}"
    ctx.notes.append(ctx.t("read_as_whole", said=ctx.text))
    return read(ctx.text, ctx.today).command
