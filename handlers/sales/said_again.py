"""A correction said as people say it, right after a change: `no I meant 1.15m`, `actually it was
90k not 85`, `不对，是20万`, `改成5万`, `no, 8 jan!`, `刚才那条记错了 是格力不是海尔`; and a deal's
stage said in a sentence: `推进到商务谈判了`, `Globex moved to proposal`.

It is no command of the grammar. `read_correction` reads it (the kind of value, the field named,
the name said to be wrong); when it fits one field of what the member changed last (within RECENT,
in effect) handlers/sales/follow_on.py makes it at once. What is left is asked here, as a
question whose answer changes it: an amount sets the deal's amount, a day its close day (a
visit's follow-up, a task's due day: `actually due wed`), a name after "not"/"不是" its customer
(`yes` or `1` does it); an amount with no recent change is asked on the deal the member changed
last. A stage is asked on the member's open deal (of the customer named, if one is), one tap per
deal when there are several. Otherwise the reply says which command to type. Nothing is changed
here, but for a target just set (the member's last change, within RECENT): an amount said again is
that target's, set again at once and said so (`Corrected: it was ¥50K`), as the target command
would (handlers/team/target_corrections.py: only while it is in effect, and only an amount its
metric counts). When the member's last change was undone, nothing
is corrected (neither it nor what came before it): the reply says so and what to type.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from handlers.context import Ctx
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import amount_words, parse_amount
from handlers.grammar.dates import parse_date
from handlers.grammar.language import written_in
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.sentences import stage_said
from handlers.lookup import example as usage_example
from handlers.sales.last_said import made_last, not_last, nothing_since
from handlers.sales.stage_said import stage_offer
from handlers.team import target_swapped
from handlers.team.target_corrections import gone
from handlers.team.target_meant import target_meant
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Change, Customer, Deal, Task, Visit

RECENT = dt.timedelta(minutes=10)  # "the deal just touched"
_FOLLOW_UP = ("跟进", "回访", "跟進", "回訪")  # `跟进改成下周二`: the visit just logged, its follow-up
_EN = pattern(r"^(?P<lead>(?:(?:no|nope|nah|sorry|oops|whoops|actually|wait|hmm+|typo|wrong|my\s+bad|oh|"
              r"my\s+mistake|correction|scratch\s+that|fix|(?:the\s+)?\w+\s+is\s+wrong)\b[\s,.!:]*)+)?"
              r"(?P<verb>(?:i\s+)?(?:meant|mean)|should\s+(?:have\s+)?be(?:en)?|make\s+it|(?:it'?s\s+)?due(?:\s+on)?|"
              r"it'?s(?:\s+actually)?|it\s+(?:was|is)(?:\s+actually)?|"  # `hmm its actually 45k`
              r"(?P<rev>(?:(?:make|set|change|bump|put|update)\s+)?(?:the\s+)?(?:revenue|sales)(?:\s+(?:target|goal))?"
              r"(?:\s*[:=]|\s+(?:to|is|should\s+be|now))?)|"  # `no, revenue is 650k`: a revenue target's
              r"(?P<amt>(?:(?:make|set|change|bump|put|update)\s+)?(?:the\s+)?(?:" + V.AMOUNT_LABEL_EN + r")"
              r"(?:\s*[:=]|\s+(?:to|is|should\s+be|now))?)|"  # `amount 135k`, `amt: 1.2m`: the deal's amount
              r"(?P<close>(?:(?:make|set|change|move|push|put)\s+)?(?:the\s+)?(?:close|closing)(?:\s+date)?"
              r"(?:\s+(?:to|on|for|is|should\s+be))?"
              r"|(?P<sign>(?:(?:they|we|they'll|we'll|will|should|to|expect(?:ed|ing)?|likely|are)\s+)*"
              r"(?:signing|signs|sign)(?![A-Za-z])(?:\s+(?:on|by|around))?))|"  # `signing fri`: the close day
              r"(?:that|this|it)\s+(?:was|is|should\s+be)|that'?s|was|"
              r"(?:the\s+)?(?:contract|po|invoice|paperwork|quote)\s+(?:says|said|is|was)|"  # `the contract
              r"(?P<fu>(?:(?:make|set|change|move|put)\s+)?(?:the\s+|my\s+)?(?:follow[\s-]?up|fu|f/u)"
              r"(?:\s+(?:date|day))?(?:\s+(?:to|on|for|is|should\s+be|will\s+be|=))?))?\s*"
              r"(?P<value>\S.*?)(?P<not>,?\s+not\s+\S.*?)?"
              r"(?:[\s,.!]+(?:sorry|soz|pls|please|thanks|thx|ty|my\s+bad|oops|lol|typo))*"  # `… sorry`
              r"[\s.!]*$", re.I)
#: A field said after a change, as more of it (`and close 1/15`, `also fu fri`, `还有预计1/15签`)
_ADDED_EN = pattern(r"^(?:and|also|plus|oh\s+and|and\s+also)[\s,]+"
                    r"(?=(?:(?:set|make|change|move|push|put)\s+)?(?:the\s+)?"
                    r"(?:close|closing|follow[\s-]?up|fu\b|f/u))", re.I)
_ADDED_ZH = pattern(r"^(?:还有|另外|再|并且|然后|对了)?[\s,，]*(?P<field>预计)(?:成交|签约|签单|签)?"
                    r"(?![日期时间]*\s*(?:改|推|延|换|调|挪|提前|往后|应该))"  # `预计成交日改到…`: a change
                    r"(?:日期|时间|日)?(?:在|是|为|定在)?\s*(?P<value>[^\s签成，,。]+?)\s*"
                    r"(?:签约|签单|签合同|签|成交)?[\s。!！]*$")
#: The follow-up named after `i meant` (`no i meant fu feb 26`, `I meant follow up on the 26th`)
_FU_FIRST = pattern(r"^(?:the\s+)?(?:follow[\s-]?up|fu|f/u)(?:\s+(?:to|on|for|is))?\s+(?=\S)", re.I)
_ZH = pattern(r"^(?P<lead>(?:刚才那条|刚才)?(?P<named>金额|预计|跟进|回访|跟進|回訪)?"
              r"(?:不对|不是|错了|说错了|记错了|更正|搞错了|其实)(?:[\s,，。!！]*其实)?[\s,，。!！]*)?"
              r"(?P<verb>(?P<field>(?:赢单|成交|签约|签单|合同|商机|这单|单子)?金额|业绩(?:目标)?|销售额|营收|预计(?:成交|签约|签单)?(?:日期|日)?"
              r"|跟进|回访|跟進|回訪)?\s*"
              r"(?:应该是|是|改成|改为|改到|推到|延到|提前到|推迟到|延后到|挪到|还是))?\s*"
              r"(?P<value>\S+?)(?P<not>[,，]?\s*不是\S+)?(?:[\s,，。]*(?:不好意思|抱歉|sorry))*"
              r"[\s。!！]*(?:吧|啦|呢|哈)?[\s。!！~～]*$")


#: words before a correction that only say one is coming (`不好意思`, `hmm`, `哦`, `算了`)
_FILLER = pattern(r"^(?:(?:hmm+|h+m+|um+|uh+|嗯+|哦不(?!对)|噢不(?!对)|哦+|噢+|呃+|啊+|唉|哎呀?|不好意思|抱歉"
                  r"|sorry|算了|等等|等一下|oh|nah|nope|oops|actually|其实)(?![A-Za-z])[\s,，。.!！~～]*)+(?=\S)",
                  re.I)


def unfilled(text: str) -> str:
    """`text` without the fillers before a Chinese correction (`hmm 应该是65w` → `应该是65w`).

    >>> unfilled("不好意思 金额是46万 不是48"), unfilled("hmm 应该是65w"), unfilled("哦不对 是B类")
    ('金额是46万 不是48', '应该是65w', '不对 是B类')
    >>> unfilled("哦不 45万"), unfilled("嗯 45万吧"), unfilled("嗯 好的")
    ('是45万', '是45万吧', '好的')
    """
    found = _FILLER.match(text.strip())
    rest = text.strip()[found.end():] if found else text.strip()
    if found and _BARE_AMOUNT.match(rest):
        return f"是{rest}"  # `哦不 45万`, `嗯 45万吧`: the amount said again, as `是45万` says it
    return rest if found and _CJK_ANY.search(rest) else text.strip()


_CJK_ANY = pattern(r"[\u3400-\u9fff]")
#: An amount in Chinese and nothing else (`45万`, `4.5万吧`)
_BARE_AMOUNT = pattern(r"^[¥￥]?\d[\d,.]*\s*(?:万|亿|千|元|块|w|W)+[吧啦呢哈。!！~～]*$")


def corrects_an_amount(text: str) -> bool:
    """Whether `text` corrects an amount just said (`不对，是45万`, `no I meant 450k`): never a
    win's reason, whatever prompt is open."""
    said = " ".join(view(amount_words(unfilled(text), in_words=True)).split())  # `sorry 其实是34万`
    found = _ZH.match(said) or _EN.match(said)
    return bool(found and (found["lead"] or _ZH.made(found) and found["verb"])  # `改成二十八万五`
                and parse_amount(found["value"].strip(" .。!！")) is not None)


def correction(ctx: Ctx, text: str, corrected: bool = True):
    """The reply to a correction of an amount, a day or a customer (of a target just set: the
    target again, corrected), or None when `text` is none; only a stage said in a sentence when
    not `corrected` (`push the Globex deal to proposal`: no snooze)."""
    text = unfilled(text)  # `不好意思 金额是46万 不是48`: the correction after the filler
    said = " ".join(view(amount_words(text, in_words=True)).split())  # `1.5mil`, `half a mil`
    if (stage := stage_said(text)) is not None:
        zh = bool(_CJK.search(said)) and written_in(text) != "en"  # `京东 deal moved to …`: English
        return stage_offer(ctx, *stage, zh=zh)  # handlers/sales/stage_said.py
    if not corrected:
        return None
    if (swap := target_swapped.offer(ctx, text, latest_change(ctx), RECENT)) is not None:
        return swap  # `no wait i meant visits 35 not revenue`: asked, never ¥35 of revenue
    read = read_correction(said, ctx.today)
    if read is None or read.kind == "tier":  # a tier only just after a tier was set (follow_on)
        return None
    kind, value = read.kind, read.value
    ctx.locale = "en" if read.en else "zh"  # answered in the language it was said in
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    change, why, head = latest_change(ctx), None, ()
    if change is not None and change.at >= ctx.now - RECENT:
        hint = _instead(ctx, change, kind, value)
        if change.status != "done":  # undone: nothing of it to correct, nor of what came before
            return gone(ctx, change, hint)
        every = hint if change.kind == "SetTarget" else _every(ctx, kind, value)
        why = not_last(ctx, change, every)  # a message since, here (refused, or changing nothing),
        # or the change made elsewhere: nothing corrected; after one here, the older record asked
        head = (ctx.t("correction_after_nothing_head", said=said_text),) if why and (
            said_text := nothing_since(ctx, change)) is not None and change.kind != "SetTarget" else ()
        if why is not None and not head:
            return why
        if kind == "amount" and change.kind == "SetTarget" and made_last(ctx, change):
            return target_meant(ctx, change, read.field, value, hint)  # of several set by one message
            # (`不对 业绩是65万` after three targets): the one of the metric named, or the one of money;
            # `no I meant 1.5mil` just after `target @Bo 1m`: that target's amount (or why not)
    row = None
    if change is not None and change.entity in ("deals", "visits", "tasks") and change.entity_id \
            and change.at >= ctx.now - RECENT:
        row = ctx.session.get(KINDS[change.entity], change.entity_id)
    if isinstance(row, Visit) and kind in ("amount", "currency") or isinstance(row, Task) and kind != "day" \
            or isinstance(row, Deal) and kind == "currency" and row.amount is None:
        row = None
    if read.field == "fu" and not isinstance(row, Visit) or read.field == "close" \
            and not isinstance(row, Deal):
        return why  # `跟进改成下周二`, `make the follow up wed` after a deal: no deal's close day
    if row is None and kind == "amount" and (read.field or not re.fullmatch(r"[\d.,]+", value.strip())):
        row = _last_deal(ctx)  # `金额改成8万` a while later: the deal changed last; a bare `5` (`start it
        # jan 5 not 4` after a contest) never goes to a deal not changed just now
    if row is None and kind == "currency":  # `meant rmb not usd` with no amount just said: how, said
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 50000 {value}"
        return why or Reply(lines=(ctx.t("correction_currency_how", value=value, example=example),), ok=False)
    if row is None and kind != "amount":
        return why  # `是格力不是海尔` with nothing just changed: no amount's advice
    if row is None and why is not None:
        return why
    if row is None:
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 {value}"
        return Reply(lines=(ctx.t("correction_how", amount=value, example=example),), ok=False)
    command = command_for(ctx, row, kind, value)
    what = described(ctx, row)
    shown = ctx.day(parse_date(value, ctx.today)) if kind == "day" else value  # `Fri, Jan 8, 2027`
    if kind == "currency":  # `deal #14 (ERP) from $50K to ¥50K`
        shown = " → ".join(fmt.money(row.amount, money, ctx.locale) for money in (row.currency, value))
    field = f"_{_WORD[type(row)]}" if kind == "day" else ""  # the follow-up's, the close's, the due day's
    return Reply(lines=(*head, ctx.t(f"correction_{kind}{field}", what=what, value=shown),
                        ctx.t("answer_hint_one")), buttons=(Button(command, command),), ok=False)


@dataclass(frozen=True)
class Correction:
    """A correction as read: its `kind` (amount, day or customer), the `value` said, the `field`
    it names (`fu`, `close`, `amount` or ""), the customer's name it says is wrong (`was`), and
    whether it was said in English."""

    kind: str
    value: str
    field: str
    was: str
    en: bool


_BY_DAY = pattern(r"^(?:by\s+)?(?P<day>.+?)\s*(?:之前|以前|前)?$", re.I)


def _by_day(value: str, today: dt.date) -> str:
    """`value` without the words saying a day is a deadline (`下周五前` → `下周五`), where only so it is
    a day; `value` itself otherwise (`3天前` is a day as it is)."""
    found = _BY_DAY.match(value)
    if not found or found["day"] == value or parse_date(value, today) is not None:
        return value
    return found["day"] if parse_date(found["day"], today) is not None else value


def read_correction(said: str, today: dt.date) -> Correction | None:
    """`said` (amounts in words read, `view`ed) as a correction, or None when it is none."""
    said = _ADDED_EN.sub("", said)  # `and close 1/15`: the field said after the change, as `close 1/15`
    said = _ADDED_ZH.sub(lambda m: f"{m['field']}改成{m['value']}", said)  # `还有预计1/15签`: `预计改成1/15`
    match = next((m for m in (_EN.match(said), _ZH.match(said)) if m and (m["lead"] or m["verb"])), None)
    if match is None:
        return None
    value = match["value"].strip(" ,，!！")
    named_fu = _EN.made(match) and (found := _FU_FIRST.match(value)) is not None  # `no i meant fu feb 26`
    value = value[found.end():] if named_fu else value
    value = _by_day(value, today)  # `其实是下周五前`: the day a thing is due by, that day
    currency = currency_said(value)  # `oops meant rmb not usd`: the amount's currency, never a customer
    kind = "currency" if currency else "amount" if amount_said(value) is not None else \
        "day" if parse_date(value, today) is not None else "customer" if match["not"] else \
        "tier" if V.tier_of(value) is not None else None  # `改成B类` (only after a tier was set)
    if kind == "customer" and (said_amount := _amount_in(value)):  # `typo, it's 85万 not 80`: an
        kind, value = "amount", said_amount  # amount put right, never a customer of those words
    elif kind == "customer" and _FILLERS.intersection(re.findall(r"[\w']+", value.lower())):
        return None  # `typo, it's …`: no customer's name
    if kind == "amount":
        value = amount_said(value) or value
    if kind == "currency":
        value = currency
    if kind is None or _EN.made(match) and match["sign"] and kind != "day":
        return None  # `sign 50k`: no close day, and no amount said with a word of signing
    en = bool(_EN.made(match))
    named = "" if en else match["field"] or match["named"] or ""
    named = "预计" if named.startswith("预计") else "金额" if named.endswith("金额") else named  # `预计成交日
    # 改到1月15号`: the close day; `赢单金额是51.8万`: the amount
    field = "fu" if named in _FOLLOW_UP or en and (match["fu"] or named_fu) else \
        "close" if named == "预计" or en and match["close"] else \
        "amount" if named == "金额" or en and match["amt"] else \
        "revenue" if named.startswith(("业绩", "销售额", "营收")) or en and match["rev"] else ""
    was = re.sub(r"^[,，]?\s*(?:not|不是)\s*", "", match["not"] or "").strip(" .。!！")
    return Correction(kind, value, field, was, en)


def described(ctx: Ctx, row: Deal | Visit | Task) -> str:
    """`deal #46 (pilot)` · `拜访 #12（华为）`: the record as a reply names it."""
    word = name_of(WORDS, _WORD[type(row)], ctx.locale)
    about = row.title if isinstance(row, (Deal, Task)) else ctx.session.get(Customer, row.customer_id).name
    return f"{word} #{row.id}（{about}）" if ctx.locale == "zh" else f"{word} #{row.id} ({about})"


def command_for(ctx: Ctx, row: Customer | Deal | Visit | Task, kind: str, value: str) -> str:
    zh = ctx.locale == "zh"
    if isinstance(row, Customer):  # `nah make it B again` after a tier was set: that customer's
        name = row.name or ("华为" if zh else "Acme")
        return f"客户 {name} {value}类" if zh else f"customer {name} tier {value}"
    if isinstance(row, Task):  # `actually due wed` after `task …`: its due day
        return f"{name_of(WORDS, 'task', ctx.locale)} {row.id} {'改到' if zh else 'due'} {value}"
    if isinstance(row, Deal) and kind == "currency":  # the amount as it is, in the currency said
        amount = row.amount if row.amount is not None else Decimal(50000)
        return f"{name_of(WORDS, 'deal', ctx.locale)} #{row.id} {amount.normalize():f} {value}"
    if isinstance(row, Deal):
        field = {"amount": "", "day": "预计 " if zh else "close ",
                 "customer": "客户 " if zh else "customer "}[kind]
        return f"{name_of(WORDS, 'deal', ctx.locale)} #{row.id} {field}{value}"
    field = ("跟进 " if zh else "follow up ") if kind == "day" else ("客户 " if zh else "customer ")
    return f"{name_of(WORDS, 'visit', ctx.locale)} #{row.id} {field}{value}"


_CJK = pattern(r"[\u3400-\u9fff]")
KINDS = {"deals": Deal, "visits": Visit, "tasks": Task}
_WORD = {Deal: "deal", Visit: "visit", Task: "task"}
#: Words of a sentence that are no customer's name (`typo, it's 85万`, `that was 93k rmb`)
_FILLERS = {"typo", "it's", "its", "it", "that", "that's", "was", "is", "meant", "mean", "sorry", "i",
            "should", "be", "the", "price", "not", "wrong", *V.AMOUNT_LABELS_EN}


_CURRENCY = pattern(r"^(?:in\s+|用|是)?(?P<word>[a-z]{3,7}|[\u4e00-\u9fff]{1,3}|[$¥€£])"
                    r"(?:\s+not\s+\S+|不是\S+)?$", re.I)


def currency_said(value: str) -> str | None:
    """The currency code `value` names alone (`rmb`, `in usd`, `人民币`), or None."""
    found = _CURRENCY.match(value.strip(" .。!！"))
    return V.CURRENCY_WORDS.get(found["word"].lower()) if found else None


def amount_said(value: str) -> str | None:
    """`93k rmb` · `85万` · `$1.2m`: the amount as the grammar writes it, or None."""
    from handlers.grammar.money_said import in_digits

    words = (value := in_digits(value)).split()  # `四十五万`: `45万`, read back as digits
    if len(words) == 2 and words[1].lower() in V.CURRENCY_WORDS and parse_amount(words[0]):
        return f"{words[0]} {words[1]}"
    return value if parse_amount(value) is not None else None


def _amount_in(value: str) -> str | None:
    """The one amount among words (`typo, it's 85万`), or None where there is none or several."""
    words = re.split(r"[\s,，]+", value)
    found = [w for w in words if re.search(r"\d", w) and parse_amount(w) is not None]
    return found[0] if len(found) == 1 else None


def latest_change(ctx: Ctx) -> Change | None:
    """The member's latest change from chat, undone or not."""
    return ctx.session.scalar(select(Change).where(Change.tenant_id == ctx.tenant.id,
                                                   Change.actor_id == ctx.member.id)
                              .order_by(Change.id.desc()).limit(1))


def _instead(ctx: Ctx, change: Change, kind: str, value: str) -> str:
    """What to type to set `value` where nothing can be corrected: the command of that kind."""
    if change.kind == "SetTarget":
        return usage_example(ctx, "target")
    model = KINDS.get(change.entity, Deal)
    model = Deal if model is Visit and kind in ("amount", "currency") or model is Task and kind != "day" \
        else model
    return command_for(ctx, model(id=12), kind, value)


def _every(ctx: Ctx, kind: str, value: str) -> str:
    """What to type to put `value` into each kind of record it fits (`deal #12 close 12/30 · …`)."""
    models = {"amount": (Deal,), "currency": (Deal,), "day": (Deal, Visit, Task),
              "customer": (Deal, Visit)}[kind]
    return " · ".join(command_for(ctx, model(id=12), kind, value) for model in models)


def _last_deal(ctx: Ctx) -> Deal | None:
    """The deal the member changed last (not undone), while it is still there."""
    deal_id = ctx.session.scalar(select(Change.entity_id).where(
        Change.tenant_id == ctx.tenant.id, Change.actor_id == ctx.member.id, Change.entity == "deals",
        Change.status == "done", Change.entity_id.is_not(None)).order_by(Change.id.desc()).limit(1))
    deal = ctx.session.get(Deal, deal_id) if deal_id else None
    return deal if deal is not None and deal.tenant_id == ctx.tenant.id else None
