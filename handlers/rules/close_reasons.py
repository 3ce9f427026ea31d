"""Why a deal was won or lost, read from the reason as typed: one category (price, product fit,
competitor, timing, budget, relationship, other; a win's: price, product fit, delivery, service,
relationship, other) and, when it names one, the competitor (`lost Acme: competitor Oracle` ·
`输单 华为：输给了 SAP`). Pure: the case review that counts them is `handlers/sales/reasons.py`."""
from __future__ import annotations

import re

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
                   "输给"),
    "timing": ("timing", "delay", "later", "postpone", "next year", "时机", "推迟", "延期", "明年"),
    "budget": ("budget", "funds", "funding", "money", "预算", "资金", "经费"),
    "relationship": ("relationship", "trust", "contact", "champion", "关系", "信任", "人脉", "对接人"),
}
#: the same for wins (`beat them on delivery time` · `交付周期短` · `better integration`)
_WIN_WORDS = {
    "price": ("price", "pricing", "cheaper", "cost", "discount", "value for money", "roi", "价格", "报价",
              "价", "便宜", "性价比", "折扣", "成本"),
    "product_fit": ("product", "feature", "fit", "integration", "integrate", "requirement", "demo",
                    "functionality", "quality", "产品", "功能", "需求", "匹配", "集成", "演示", "质量"),
    "delivery": ("delivery", "deliver", "lead time", "faster", "quicker", "timeline", "on time",
                 "rollout", "implementation", "go-live", "交付", "交期", "工期", "周期", "上线", "实施",
                 "发货"),
    "service": ("service", "support", "after-sales", "response", "responsive", "服务", "售后", "支持",
                "响应"),
    "relationship": CATEGORY_WORDS["relationship"] + ("referral", "推荐", "老客户"),
}
_COMPETITOR = pattern(r"(?:competitor|lost to|went with|chose|竞争对手|竞品|对手|输给了?|选了)\s*[:：]?\s*"
                      r"([A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff .&-]{0,60})", re.I)
#: a name: capitalised words (`Oracle`, `Sales Force`), or Chinese up to a space or a mark
_NAME = pattern(r"[A-Z0-9][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*)*|[\u3400-\u9fffA-Za-z0-9]+")
#: what a competitor's name never says: how they won (`低价抢单`, `cut price`), not who they are
_NOT_A_NAME = pattern(r"低价|价格|抢单|降价|便宜|报价|太|更|^(?:cheaper|lower|price|undercut)", re.I)


def categorize(reason: str, *, won: bool = False) -> tuple[str, str]:
    """(category, competitor) of a closing reason as typed: the category whose word comes first,
    among the loss categories or, for a win, the win categories (a won deal names no competitor).
    Read on the simplified text: `客戶預算凍結` is `客户预算冻结`, budget."""
    text = simplified(reason).lower()
    table = _WIN_WORDS if won else CATEGORY_WORDS
    found = [(text.find(word), category) for category, words in table.items()
             for word in words if word in text]
    category = min(found)[1] if found else ("other" if text.strip() else "")
    if won:
        return category, ""
    competitor = _COMPETITOR.search(simplified(reason))  # the same length: the name as typed
    said = reason[competitor.start(1):competitor.end(1)] if competitor else ""
    name = _NAME.match(said)[0].strip(" .,，。") if said else ""
    if _NOT_A_NAME.search(simplified(name)):  # `竞争对手低价抢单`: how they won, not who
        name = ""
    return ("competitor" if name and category in ("", "other") else category), name[:200]
