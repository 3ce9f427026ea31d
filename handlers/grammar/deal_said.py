"""A deal's change said with a verb or in other words (`商机 #5 金额改成8万`, `deal #5 amount to 80k,
expected to close jan 15`, `deal #48 to proposal stage`), written as the grammar says it (`商机 #5
金额 8万`, `deal #5 amount 80k close jan 15`, `deal #48 proposal`) before it is read."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import parse as p
from handlers.grammar import vocabulary as V
from handlers.grammar.deal_change import KEPT
from handlers.grammar.deal_for_referred import deal_for_referred
from handlers.grammar.intents import split_keyword
from handlers.grammar.new_deal_said import quote_title
from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern
from handlers.grammar.stage_moved import moved_to, stage_named

#: A deal's field label and a word of changing it (`金额改成8万`, `amount to 80k`, `阶段改为商务谈判`,
#: `#5 改成8万`): the label reads the field, the verb is only how it was said
_CLOSE_LABEL = "|".join(V.CLOSE_LABELS_ZH)  # `预计成交日`, `成交日期`, `签约时间`: the close day's
CHANGED_TO = pattern(
    rf"(?P<label>金额|阶段|{_CLOSE_LABEL}|{V.AMOUNT_LABEL_EN}|stage|close)\s*"
    r"(?:改成|改为|改到|调整为|调整到|调成|调为|变成|更新为|更新成|应为|应该是|为|是|[:：=]|→|->"
    r"|(?<=[A-Za-z])\s+(?:to|is|now|should be|=)(?=\s)|(?<=[额段])(?=[\d¥$]))\s*"  # `金额8万`
    r"|(?<=\d)\s*(?:改成|改为|改到|调整为|调成|变成|推进到|推到|进入|退回到?|退到)\s*", re.I)




#: `新商机 …` · `新建一个商机 …` · `new opp …` · `add a deal …`: the command word, said as made new
_NEW_SAID = pattern(r"^\s*(?:(?:new|add|create|log|open|新建|新增|添加|创建|新开|新加|加)"
                    r"\s*(?:一个|一条|个|条|an?\s+)?|(?:开|建|来)(?:一个|一条|个|条)"
                    r"|新的?(?=\s*(?:商机|任务|项目|线索)))\s*", re.I)
#: A deal's other names, after a word that says it is new (`new opp`, `新项目`): the deal command
_OPP = pattern(r"(?:opp|opps|oppty|opportunity|project|项目|lead|线索)(?=[\s:：]|$)", re.I)  # `新线索`:
# a new deal (at stage lead), never a visit
_MADE_NEW = ("deal", "visit", "task", "customer", "tip")


def without_new(text: str) -> str:
    """`新商机 京东 …` as `商机 京东 …`, `new opp Acme …` as `deal Acme …`: the word that says it is
    new says what the command word says (never a word left over), `给这家开个商机 …` as `商机 这家 …`
    (handlers/grammar/deal_for_referred.py); any other message as it is."""
    text = deal_for_referred(text)
    said = " ".join(text.split())
    folded = simplified(p.normalize(said))  # the same length as `said`, position for position
    if split_keyword(folded)[0] is not None or (new := _NEW_SAID.match(folded)) is None:
        return text
    rest = folded[new.end():]
    if (opp := _OPP.match(rest)) is not None:
        return ("商机" if opp[0] in ("项目", "线索") else "deal") + said[new.end() + opp.end():]
    return said[new.end():] if split_keyword(rest)[0] in _MADE_NEW else text


def plain_changes(text: str) -> str:
    """A deal's change said with a verb (`商机 #5 金额改成8万`) as the grammar says it (`商机 #5
    金额 8万`); any other message as it is."""
    if (closed := _NUMBER_CLOSED.match(text)) is not None:  # `deal 48 closed won!!!`: `won #48`
        lost = closed["how"].lower() in _LOST_SAID
        word = ("输单" if lost else "赢单") if re.search(r"[\u3400-\u9fff]", closed["how"]) \
            else ("lost" if lost else "won")
        after = text[closed.end():].strip()
        return f"{word} #{closed['id']} {after}".strip()
    if split_keyword(_NEW.sub("", simplified(p.normalize(text)), count=1))[0] != "deal":
        return text  # `new deal for huawei … expected to close jan 15` is a deal's too
    text = "".join(part if i % 2 else _CLOSE_SAID.sub(" close ", part)  # `expected to close jan 15`,
                   for i, part in enumerate(_QUOTED.split(text)))  # `signing jan 15`: `close jan 15`
    # (a quoted title kept as typed)
    text = "".join(part if i % 2 else _THIS_DEAL.sub(" ", KEPT.sub(" ", part))  # `金额不变`, `那个单`:
                   for i, part in enumerate(_QUOTED.split(text)))  # no change, the deal itself: claimed
    text = _DEAL_FOR.sub(r"\1 ", text, count=1)  # `new deal for huawei …`: the customer, never `for huawei`
    text = quote_title(text)  # `deal acme called data platform 50k`: `deal acme "data platform" 50k`
    text = _VERB_LABEL.sub(lambda m: f" {m['label'] or m['label_en']} ", text)  # `改金额 28w`: `金额 28w`
    # (the verb never a title)
    text = "".join(part if i % 2 else _MOVED.sub(_moved_day, part)  # `改到下个月15号`, `move to jan 15`:
                   for i, part in enumerate(_QUOTED.split(text)))  # `close …`, where a day follows
    text = CHANGED_TO.sub(lambda m: f"{_LABEL_SAID.get(m['label'] or '', m['label'] or '')} ", text)
    text = _FROM_TO.sub(lambda m: f" {m['to']} " if m["from"].lower() in V.STAGE_WORDS
                        and m["to"].lower() in V.STAGE_WORDS else m[0], text)  # `lead → contact`: the
    # stage it goes to, before an arrow is read as a move (the stage it left dropped)
    text = "".join(part if i % 2 else _STAGE_MOVED.sub(_stage_word, part)  # `15万 推进到方案`: `15万 方案`
                   for i, part in enumerate(_QUOTED.split(text)))
    text = "".join(part if i % 2 else _MOVED_TO.sub(  # `推进到谈判了`, `moved to discovery`: the stage
        lambda m: f" {m['stage']} " if stage_named(m["stage"]) else m[0], part)
        for i, part in enumerate(_QUOTED.split(text)))
    said = _STAGE_SAID_AS.search(text)  # `deal #48 to proposal stage`: the stage's own word
    if said and said["stage"].lower() in V.STAGE_WORDS:
        text = f"{text[:said.start()]} {said['stage']}"
    return text


#: The deal pointed at, after its name (`腾讯 CRM 那个单`, `海尔这单子`): the deal's own words
_THIS_DEAL = pattern(r"(?<=\S)\s*(?:那个|这个|这一|那一|这笔|那笔|这|那)单子?(?=[\s,，]|$)")


#: A deal's number, its `#` or not, then its win or loss (`deal 48 closed won!!!`, `#48 won!!`,
#: `商机 48 赢单`, `deal 48 closed lost - price`): the win's or loss's own command (`won #48`), its
#: marks dropped, the words after it (an amount, a reason) kept
_NUMBER_CLOSED = pattern(
    r"^\s*(?:(?:deal|opportunity|opp|商机|單子|单子)\s*(?:no\.?\s*|number\s*|#)?|#)(?P<id>\d{1,9})\s*(?:号)?\s*"
    r"(?:(?:is|was|got|has\s+been|just|now)\s+)*(?:(?:closed|close)[\s_-]?|已经?)?"
    r"(?P<how>won|lost|赢单|输单|赢了|输了|丢单|丢了|成交了?|签约了?|已签约)"
    r"(?![A-Za-z\d]|日|时间)[\s!！.。]*", re.I)  # `成交日期` is a day, no win
_LOST_SAID = ("lost", "输单", "输了", "丢单", "丢了")


#: The close day said in other words (`expected to close`, `closes`, `should sign`, `close date is`,
#: `…, and close`): the grammar's `close`; never `closed` (`closed won` is a stage)
_CLOSE_SAID = pattern(
    r"(?:\s*,?\s+and)?\s+(?:(?:they|we|customer|client)\s+)?(?:(?:expected|estimated|est\.?|expect(?:ed)?\s+to"
    r"|should|will|likely\s+to|wants?(?:\s+to)?|to|push(?:ed)?|mov(?:e|ed))\s+)?"
    r"(?:close|closes|closing|sign|signs|signing)(?:\s+date)?"
    r"(?:\s+(?:to|is|now|should\s+be|on|by|around|=))?(?=\s+[\w#])", re.I)
#: A stage moved to with a verb after another field (`金额改成15万 推进到方案`, `15万，推近到谈判`,
#: `60k then to proposal`): the stage's own word; a one-character slip in `推进到` is the verb too
_STAGE_MOVED = moved_to(r"(?:(?<=\s)|(?<=[\d万千kKmMwW,，]))\s*(?:then\s+)?")
_QUOTED = pattern(r'("[^"]*"|“[^”]*”|「[^」]*」|《[^》]*》)')
_STAGE_SAID_AS = pattern(r"(?:\s+(?:to|→|->|=>))?\s+(?P<stage>\S+?)\s*(?:(?<=\s)stage|阶段)\s*$", re.I)


def _stage_word(found: re.Match) -> str:
    return f" {found['stage']}" if stage_named(found["stage"]) else found[0]  # `then to nego`


#: `预计成交改为12月31日`, `成交日期改成3月15`: the close day
_LABEL_SAID = {label: "预计" for label in V.CLOSE_LABELS_ZH}
#: An edit verb before a field's label (`改金额 28w`, `修改阶段 谈判`): the label alone
_VERB_LABEL = pattern(rf"(?:修改|更改|调整|更新|改一下|改|调)(?P<label>金额|阶段|{_CLOSE_LABEL})"
                      r"|(?<![A-Za-z])(?:bump(?:ed)?|change[ds]?|set|update[ds]?|raised?|lowered?|push(?:ed)?)"
                      rf"\s+(?:the\s+)?(?P<label_en>{V.AMOUNT_LABEL_EN}|close|stage)(?![A-Za-z])", re.I)
#: A stage moved to in words (`推进到谈判了`, `moved to discovery`, `lead → contact`): the stage alone
_MOVED_TO = moved_to()  # handlers/grammar/stage_moved.py, as a field's move and a visit's notes read it
_NEW = pattern(r"^\s*(?:new|add|create|新建|新增|添加|创建)\s*", re.I)
_FROM_TO = pattern(r"(?P<from>[^\s→>]+)\s*(?:→|->|=>|➡)\s*(?P<to>[^\s,，;；]+)")
_DEAL_FOR = pattern(r"^(\s*(?:(?:new|add|create)\s+)?deal)\s+(?:for|with)\s+(?=\S)", re.I)


#: A deal moved with a verb (`改到下个月15号`, `推迟到 下周五`, `move to jan 15`, `push it out to
#: next fri`): its close day, when a day follows (`move to proposal` is a stage: left as it is)
_MOVED = pattern(r"(?:(?<=\s)|(?<=#\d)|(?<=\d\d))\s*(?:改到|推到|推迟到|延到|延期到|挪到|移到|调到|"
                 r"(?:move|moved|push|pushed|slip|slipped|shift|shifted|postpone|postponed|reschedule|"
                 r"rescheduled)(?:\s+(?:it|out|back))*\s+(?:to|till|until|til)(?=\s))\s*(?P<after>\S+(?:\s+\S+)?)",
                 re.I)


def _moved_day(found: re.Match) -> str:
    from handlers.grammar.dates import parse_date

    after = found["after"]
    day = next((w for w in (after, after.split()[0]) if parse_date(w, dt.date.today())), None)
    return f" close {after}" if day else found[0]
