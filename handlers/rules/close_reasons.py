"""Why a deal was won or lost, read from the reason as typed: one category (price, product fit,
competitor, timing, budget, relationship, other; a win's: price, product fit, delivery, service,
relationship, other) and, when it names one, the competitor (`lost Acme: competitor Oracle` ·
`输单 华为：输给了 SAP`). Pure: the case review that counts them is `handlers/sales/reasons.py`."""
from __future__ import annotations

import re

from handlers.grammar.brands import brand_of
from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern

CATEGORIES = ("price", "product_fit", "competitor", "timing", "budget", "relationship", "other")
#: why deals are won: a better price or product, faster delivery, better service, the relationship
WIN_CATEGORIES = ("price", "product_fit", "delivery", "service", "relationship", "other")
#: a loss's categories, by the words that say them (the first said wins)
CATEGORY_WORDS = {
    "price": ("price", "pricing", "expensive", "cheaper", "cost", "discount", "quote", "价格", "报价",
              "价", "贵", "便宜", "折扣"),
    "product_fit": ("product", "feature", "fit", "requirement", "demo", "产品", "功能", "需求", "匹配",
                    "演示"),
    "competitor": ("competitor", "competition", "lost to", "went with", "chose", "竞争", "对手", "竞品",
                   "输给", "败给", "选了", "抢了", "抢走", "截胡"),
    "timing": ("timing", "delay", "later", "postpone", "next year", "时机", "推迟", "延期", "明年"),
    "budget": ("budget", "funds", "funding", "money", "预算", "资金", "经费"),
    "relationship": ("relationship", "trust", "contact", "champion", "关系", "信任", "人脉", "对接人"),
}
#: the same for wins (`beat them on delivery time` · `交付周期短` · `better integration`)
_WIN_WORDS = {
    "price": ("price", "pricing", "cheaper", "cost", "discount", "value for money", "roi", "价格", "报价",
              "价", "便宜", "性价比", "折扣", "成本"),
    "product_fit": ("product", "feature", "fit", "integration", "integrate", "requirement", "demo",
                    "functionality", "quality", "solution", "产品", "功能", "需求", "匹配", "集成", "演示",
                    "质量", "方案", "对口", "契合", "贴合", "符合", "技术"),
    "delivery": ("delivery", "deliver", "lead time", "faster", "quicker", "timeline", "on time",
                 "rollout", "implementation", "go-live", "turnaround", "shipping", "shipped", "交付", "交期",
                 "工期", "周期", "上线", "实施", "发货", "交货", "到货", "供货", "出货"),
    "service": ("service", "support", "after-sales", "response", "responsive", "服务", "售后", "支持",
                "响应", "态度"),
    "relationship": CATEGORY_WORDS["relationship"] + ("referral", "推荐", "老客户", "很熟", "老朋友",
                                                      "know them well", "known them"),
}
_NAMED = r"\s*[:：]?\s*([A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff .&、/-]{0,60})"
_COMPETITOR = pattern(r"(?:competitor|lost (?:out )?to|went w(?:ith|/|(?=\s))|go(?:ing|ne)? w(?:ith|/)|"
                      r"switched to|"
                      r"signed w(?:ith|/)|chose|picked|竞争对手|竞品|对手|[输败]给了?|选了)" + _NAMED, re.I)
#: a competitor said as one, in a win or a loss (`competitor was SAP`, `vs Oracle`, `竞品是华为云`,
#: `竞争对手是用友`, `对手为金蝶`): read before `_COMPETITOR`, so `竞品是X` is X and not `是X`
_NAMED_AS = pattern(r"(?:(?<![A-Za-z])(?:competitors?|rivals?)(?:\s+(?:was|were|is|are)(?![A-Za-z])|\s*[:：])"
                    r"|(?<![A-Za-z])(?:vs\.?|versus)(?![A-Za-z])"
                    r"|(?:竞争对手|竞品|对手)\s*(?:是|为))" + _NAMED, re.I)
#: `vs value`: a name in lower case after `vs` is no competitor said as one (`price vs value`)
_VERSUS = pattern(r"(?:vs\.?|versus)(?![A-Za-z])", re.I)
#: whom a win beat (`beat alibaba cloud`, `won against SAP`, `打败了用友`): the competitor of a win
_BEAT = pattern(r"(?:(?<![A-Za-z])(?:beat(?:ing)?(?: out)?|won (?:it )?(?:against|over)|edged out|displaced|"
                r"replaced)(?![A-Za-z])|打败了?|击败了?|战胜了?|干掉了?|PK掉了?)" + _NAMED, re.I)
#: who it was, said after words that name no one (`went w a cheaper vendor, huawei cloud i think`,
#: `输给了一家小公司，用友吧`)
_THEN_NAMED = pattern(r"\s*[,，]\s*(?:(?:probably|prob|maybe|likely|i think|namely|"
                      r"大概是|应该是|好像是|可能是|就是)"
                      r"\s*)?([A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff .&/-]{0,60})", re.I)
#: a rival a win was compared with (`比阿里云便宜`, `价格比金蝶的低`, `cheaper than SAP`): its competitor too
_THAN = pattern(r"(?<![A-Za-z])(?:cheaper|better|faster|stronger|lower|more \w+|less \w+)\s+than\s+"
                r"([A-Za-z0-9][\w .&-]{0,40})"
                r"|比\s*(?!我们|咱们|自己|预期|去年|以前|之前|上次|原来|平时)"
                r"([A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff .&-]{0,20}?)(?:的[\u3400-\u9fff]{0,4})?"
                r"(?=更|还|便宜|好|快|低|强|优|专业|稳定|靠谱|省|高|贴心|及时)", re.I)
#: competitors known by name whatever their case (`went with sap`): their usual spelling
_VENDORS = {v.lower(): v for v in (
    "SAP", "Oracle", "Salesforce", "Dynamics", "HubSpot", "Workday",
    "ServiceNow", "NetSuite", "Zoho", "Infor", "IBM", "AWS", "Azure", "Google Cloud", "Alibaba Cloud",
    "Tencent Cloud", "Huawei Cloud", "Pipedrive", "Odoo", "Sage", "Epicor", "Kingdee", "Yonyou")}
#: `被华为云抢了` · `被SAP截胡`: the competitor between 被 and how they took it
_TOOK_VERB = r"(?:抢走?了?|截胡了?|拿走了?|签走了?|撬走了?|拿去了?)"
_TAKEN_BY = pattern(r"[被给让]\s*([A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff .&-]{0,30}?)\s*" + _TOOK_VERB
                    + r"|(?:^|(?<=[\s,，。;；:：]))"
                    r"((?![被给让])[A-Za-z0-9\u3400-\u9fff](?:(?![被给让])[\w\u3400-\u9fff&.-]){0,20}?)\s*"
                    + _TOOK_VERB + r"|(?:^|(?<=[\s,，。;；:：]))"
                    r"(?!(?:we|i|they|you|he|she|it|nobody|someone|somebody|who)\s)"
                    r"([A-Za-z0-9][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+"
                    r"(?:took|stole|grabbed|snagged|won|got|walked away with)\s+(?:it|the deal|the business)"
                    r"(?![A-Za-z])", re.I)
#: a name: capitalised words (`Oracle`, `Sales Force`), or Chinese up to a space or a mark
_NAME = pattern(r"[A-Z0-9][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*)*|[\u3400-\u9fffA-Za-z0-9]+")
#: what a competitor's name never says: how they won (`低价抢单`, `cut price`), not who they are
_NOT_A_NAME = pattern(r"低价|价格|抢单|降价|便宜|报价|太|更|^(?:cheaper|lower|price|undercut)", re.I)
#: words that are no name, whatever their case: `went with another vendor`, `chose the incumbent`,
#: `选了另一家供应商`: who won is not said, and nothing is stored as the competitor
_NO_NAME_WORDS = frozenset((
    "a an another the other others some any one someone somebody them they their our us it its this that"
    " these those his her we i you to not no cheaper cheap cheapest lower low local bigger big larger smaller"
    " small"
    " new old existing incumbent current previous internal in-house inhouse own different better best"
    " vendor vendors supplier suppliers competitor competitors competition option solution offer quote"
    " bid price budget team partner provider player brand company firm rival").split())
_NO_NAME_ZH = pattern(r"^(?:是|为)?(?:另一?家|另外一?家|别家|别的|其他|其它|一家|一个|某|本地|当地|对手|"
                      r"竞品|友商|"
                      r"[小大](?:公司|厂|品牌|供应商|厂商)|老(?:对手|供应商|厂商)|他们|我们|自己|内部|原来|"
                      r"现有|供应商|厂商|公司|谁|哪|不清楚|不知道|未知)")  # not 小米, 大疆
#: where the sentence says what decided it: `… but we held on support` · `because` · `但是靠服务赢了`
_DECIDING = pattern(r"\b(?:but|however|though|although|yet|because|since|thanks to|due to|held on|"
                    r"won (?:it )?on|beat them on)\b|但是|但|不过|可是|然而|因为|由于|靠|凭", re.I)


def competitor_name(said: str, known: tuple[str, ...] = (), named: bool = False) -> str:
    """The competitor a phrase after `went with` names, or "" when it names none: a capitalised
    name (`SAP`, `Sales Force`), Chinese (`华为`), a brand (`huawei`) or a name already known in any
    case (`oracle`); never a word like `a`, `another`, `cheaper`, `另一家`. Said as the competitor
    (`named`: `competitor was siemens`), a name in lower case is one too (up to three words, to a
    word that goes on the sentence: `siemens who undercut us` is siemens).

    >>> competitor_name("siemens", named=True), competitor_name("siemens")
    ('siemens', '')
    >>> competitor_name("too cheap", named=True)
    ''
    >>> competitor_name("用友了"), competitor_name("金蝶啦 价格低")
    ('用友', '金蝶')

    """
    said = said.strip(" .,，。")
    first = said.split()[0] if said.split() else ""
    if not first or says_no_name(said):
        return ""
    for name in known:
        if name and said.lower().startswith(name.lower()) and \
                not said[len(name):len(name) + 1].isalnum():
            return name
    lower = said.lower()
    for vendor in sorted(_VENDORS, key=len, reverse=True):  # `sap`, `alibaba cloud`: known by name
        if lower.startswith(vendor) and not said[len(vendor):len(vendor) + 1].isalnum():
            return _VENDORS[vendor]
    if first[0].isascii() and first[0].isalpha() and first[0].islower():
        if named and (lower := _LOWER_NAME.match(said)) and lower[1].lower() not in _NOT_NAMED \
                and lower[1].lower().rstrip("s") not in _HOW_LOST:  # `lost to timing`: how, not who
            return lower[0]  # `competitor was siemens`: said as the competitor's name
        return first.strip(".,") if brand_of(first.strip(".,")) else ""  # `huawei`, not `budget option`
    name = _PARTICLE.sub("", _NAME.match(said)[0].strip(" .,，。"))  # `用友了`: 用友 (r25zh)
    name = _TOOK.split(name, 1)[0] if _CJK_NAME.match(name) else name  # `金蝶抢了`: 金蝶 (r31zh #104)
    return "" if _NOT_A_NAME.search(simplified(name)) else name


#: how a competitor took the deal, said after its name (`金蝶抢了`, `用友拿走了`, `SAP截胡`): never the name
_TOOK = pattern(r"(?<=.)(?:抢了|抢走|抢去|抢单|抢到|截胡|拿走|拿去|拿下|签走|撬走|赢了|中标|签了|给抢|抢$)")
_CJK_NAME = pattern(r"[\u3400-\u9fffA-Za-z0-9]*[\u3400-\u9fff]")
#: a particle that ends a Chinese sentence (`输给用友了`, `输给金蝶啦`), never part of a name
_PARTICLE = pattern(r"(?<=[\u3400-\u9fff])[了啦吧呢啊呀嘛]+$")


#: a name in lower case said as the competitor's (`siemens`, `schneider electric`): up to three
#: words, to one that goes on the sentence (`who`, `and`, `they`, `on`)
_LOWER_NAME = pattern(r"([a-z][\w&.-]*)(?:\s+(?!(?:and|but|who|which|that|they|them|we|with|on|at|for|by|in|"
                      r"because|so|was|were|is|are|had|has|again|too|this|last|then)(?![\w]))[a-z][\w&.-]*){0,2}")
#: a category's own words (`lost to timing`, `lost to delays`, `lost to politics`): how, never who
_HOW_LOST = frozenset(word.rstrip("s") for words in CATEGORY_WORDS.values() for word in words
                      if word.isascii() and " " not in word) | {"politic", "inertia", "statu", "indecision"}
#: lower-case words after `competitor was` that say how, not who (`competitor was too cheap`)
_NOT_NAMED = frozenset("too very much more less way really so quite just also faster stronger aggressive "
                       "same unknown unclear cheap expensive pricier strong weak there here "
                       "everyone everybody all deadline expectations odds".split())


def says_no_name(said: str) -> bool:
    """`another vendor`, `a cheaper one`, `另一家`: words that name no competitor (a stored one too)."""
    words = said.split()
    return not words or words[0].lower().strip(".,") in _NO_NAME_WORDS or _NO_NAME_ZH.match(said) is not None


def _named(part: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The categories whose words `part` says, in the order said (`chose to delay` is a choice
    of what to do, no competitor chosen)."""
    part = _CHOSE_TO.sub("decided to", part)
    found = sorted((part.find(word), category) for category, words in table.items()
                   for word in words if word in part)
    return list(dict.fromkeys(category for _at, category in found))


#: a reason that starts with a category's own name (`competitor Oracle was cheaper`, `timing, …`,
#: `价格：…`, a reason button's words): the rep said which
_LABEL = pattern(r"^\s*(?:(price|product fit|competitor|timing|budget|relationship|delivery|service|"
                 r"价格|产品匹配|竞争对手|时机|预算|客户关系|交付|服务)(?=\s*(?:[,:：，;；\-—]|$))"
                 r"|(competitor|竞争对手)\s)")
_LABELS = {"product fit": "product_fit", "价格": "price", "产品匹配": "product_fit",
           "竞争对手": "competitor", "时机": "timing", "预算": "budget",
           "客户关系": "relationship", "交付": "delivery", "服务": "service"}


def _deciding(text: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The categories of the clause that decides (after the last `but`, `because`, `held on`:
    `pushed hard on price but we held on support terms` is support; a category named first as a
    label), else all those said."""
    label = _LABEL.match(text)
    if label and (category := _LABELS.get(said := label[1] or label[2], said)) in table:
        return [category]
    for marker in reversed(list(_DECIDING.finditer(text))):
        if decided := _named(text[marker.end():], table):
            return decided[:1]
    return _named(text, table)


_CHOSE_TO = pattern(r"(?<![a-z])chose\s+(?:not\s+)?to(?![a-z])")


def _category(text: str, table: dict[str, tuple[str, ...]]) -> str:
    """The deciding category, or "" where no word of the reason says one (never a guessed `other`:
    the rep is offered the categories to pick)."""
    return next(iter(_deciding(text, table)), "")


def categories_said(reason: str, *, won: bool = False) -> list[str]:
    """The categories a reason names where none decides (`better price and faster delivery`: price,
    delivery), to be asked which; one or none where the reason says."""
    return _deciding(simplified(reason).lower(), _WIN_WORDS if won else CATEGORY_WORDS)


def categorize(reason: str, *, won: bool = False, known: tuple[str, ...] = ()) -> tuple[str, str]:
    """(category, competitor) of a closing reason as typed: the category of the clause that decides
    (`_category`), among the loss categories or, for a win, the win categories (a win's
    competitor is whom it beat or one named as one); `known` are the competitors already named.
    Read on the simplified text:
    `客戶預算凍結` is `客户预算冻结`, budget."""
    text = simplified(reason).lower()
    category = _category(text, _WIN_WORDS if won else CATEGORY_WORDS)
    if not won and _TO_FIRST.match(reason):  # `lost #4 to SAP, …`: the reason `to SAP, …` is `lost to SAP`
        reason = "lost " + reason.lstrip()
    name, plain = "", simplified(reason)  # the same length: the name as typed
    for rival in (_NAMED_AS, *((_BEAT, _THAN) if won else (_COMPETITOR,))):  # beat, compared with, lost to
        start = 0
        while not name and (found := rival.search(plain, start)):  # `chose to go with SAP`
            said = reason[found.start(found.lastindex):found.end(found.lastindex)]  # `_THAN`: either group
            name = ", ".join(competitors_named(said, known, named=_said_as_one(rival, found)))
            if not name and says_no_name(said) and (then := _THEN_NAMED.match(plain, found.end())):
                name = ", ".join(competitors_named(reason[then.start(1):then.end(1)], known))  # `went w
            start = found.start() + 1  # a cheaper vendor, huawei cloud i think`: who, said after it
    if won:
        return category, name[:200]  # whom the win beat
    for taken in () if name else _TAKEN_BY.finditer(plain):  # `被华为云抢了`, `SAP took it`: taken by them
        at = taken.lastindex
        if name := competitor_name(reason[taken.start(at):taken.end(at)], known):
            break
    return ("competitor" if name and category in ("", "other") else category), name[:200]


#: a loss's reason that starts with whom it went to (`lost #4 to SAP, …` keeps `to SAP, …`)
_TO_FIRST = pattern(r"^\s*(?:out\s+)?to\s+(?=\S)", re.I)


def rival_unnamed(reason: str, won: bool = False) -> str:
    """The words after `went with`, `beat`, `选了` that name no competitor read as one (`went with
    acme soft`: a name in lower case, kept in the reason only), or ""."""
    plain = simplified(reason)
    named = list(_NAMED_AS.finditer(plain))
    for found in (*named, *(_BEAT if won else _COMPETITOR).finditer(plain)):
        said = reason[found.start(1):found.end(1)].strip(" .,，。")
        as_one = _said_as_one(_NAMED_AS if found in named else _COMPETITOR, found)  # `competitor was
        names = [n.lower() for n in competitors_named(said, named=as_one)]  # siemens`, `lost to siemens`
        for part in [p.strip(" .,，。") for p in _JOINED.split(said)][:3] if names else [said]:
            if part and not any(part.lower().startswith(n) or part.lower() in n for n in names) \
                    and not says_no_name(part) and not _NOT_A_NAME.search(simplified(part)) \
                    and part.split()[0].lower().rstrip("s") not in _HOW_LOST:  # `lost to timing`
                return part  # `went with acme soft`, `lost to Siemens and acme soft`
    return ""


#: between two competitors said together (`Siemens and SAP`, `西门子和SAP`, `华为、阿里`)
_JOINED = pattern(r"\s+(?:and|&|plus)\s+|\s*(?:[和与及、/]|以及)\s*(?=\S)", re.I)
#: `lost to siemens`: said as the competitor, as `competitor was siemens` is (a name in lower case)
_LOST_TO = pattern(r"lost (?:out )?to", re.I)


def rivals_of(stored: str) -> list[str]:
    """The competitors a deal's competitor column holds (two said together are kept `A, B`).

    >>> rivals_of("Siemens, SAP"), rivals_of("")
    (['Siemens', 'SAP'], [])
    """
    return [name for name in (part.strip() for part in stored.split(", ")) if name]


def _said_as_one(rival, found: re.Match) -> bool:
    """Whether the words `found` by `rival` name the competitor as one (`competitor was siemens`,
    `lost to siemens`: a name in lower case too), not whom someone went with (`went with acme soft`)."""
    if rival is _NAMED_AS:
        return not _VERSUS.match(found[0])
    if rival is _BEAT:  # `beat siemens`: whom a win beat, as `lost to siemens` is whom a loss went to
        return True
    return rival is _COMPETITOR and _LOST_TO.match(found[0]) is not None


def competitors_named(said: str, known: tuple[str, ...] = (), named: bool = False) -> list[str]:
    """The competitors a phrase after `lost to` names, each once: two said together are two
    (`Siemens and SAP`, `西门子和SAP`), never one named `西门子和SAP`; a word after the joiner that
    names none (`Siemens and we learned`) is left to the reason.

    >>> competitors_named("siemens and sap", named=True), competitors_named("西门子和SAP")
    (['siemens', 'SAP'], ['西门子', 'SAP'])
    >>> competitors_named("Siemens on price"), competitors_named("和利时")
    (['Siemens'], ['和利时'])
    """
    parts = _JOINED.split(said.strip())
    first = competitor_name(parts[0], known, named) if len(parts) > 1 and parts[0].strip() else ""
    if not first:  # one name (`和利时`: no joiner before a name), or none
        return [name] if (name := competitor_name(said, known, named)) else []
    names = [first, *(competitor_name(part, known, named) for part in parts[1:3] if part.strip())]
    return list(dict.fromkeys(name for name in names if name))


#: a message that starts by naming whom the deal was lost to (`lost to siemens, they were cheaper`):
#: a reason, never a loss of a customer named `to siemens`
_LOST_TO_START = pattern(r"^\s*(?:we\s+)?lost\s+(?:out\s+)?to\s+\S", re.I)


def rival_told(text: str) -> bool:
    """Whether `text` tells whom a deal was lost to, first (`lost to siemens, they were cheaper`)
    or alone (`输给了西门子`): the reason of a loss, no close of its own."""
    return _LOST_TO_START.match(text) is not None or not without_rival(text).strip(" ,.，。!！")


def without_rival(text: str) -> str:
    """`text` without the words that name a competitor (`输给了西门子`, `lost to Siemens`, `被西门子抢走了`,
    `competitor was siemens`): what is left may still tell of a close of its own (`lost acme`)."""
    for said in (_NAMED_AS, _COMPETITOR, _TAKEN_BY, _GIVEN_TO):
        text = said.sub(" ", text)
    return text


#: `丢给了西门子`: a loss's words said of the competitor
_GIVEN_TO = pattern(r"丢给了?" + _NAMED)
