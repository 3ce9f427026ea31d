"""What a contest counts, said the way people say it: one word (`visits`, `业绩`), two (`deals
won`, `new customers`, `won deals`), after a `most`/`最多` that says nothing more (`contest most deals
won dec 7 to dec 18`); and the line that lists them, which every contest usage and `help contest`
shows (the metrics a contest can count, in the reader's language)."""
from __future__ import annotations

from handlers.grammar import vocabulary as V
from handlers.text.strings import METRIC_NAMES, t

#: a metric said in two words
_TWO_WORDS = {("deals", "won"): "deals_won", ("won", "deals"): "deals_won", ("deal", "wins"): "deals_won",
              ("new", "customers"): "new_customers", ("new", "clients"): "new_customers",
              ("revenue", "won"): "revenue", ("customer", "visits"): "visits"}
#: words before the metric that add nothing (a contest is always for the most)
_FILLERS = {"most", "the", "for", "on", "最多", "比", "比赛"}
#: how each metric is typed, in the order the line lists them
_TYPED = (("revenue", ("revenue", "业绩")), ("deals_won", ("deals won", "赢单数")),
          ("new_customers", ("new customers", "新客户")), ("visits", ("visits", "拜访")))


def metric_first(words: list[str]) -> tuple[str | None, list[str]]:
    """(the metric the words start with, the words after it); (None, words) when they start with none.

    >>> metric_first("most deals won 12/7-12/18".split())
    ('deals_won', ['12/7-12/18'])
    >>> metric_first(["拜访", "12月1日-12月15日"])
    ('visits', ['12月1日-12月15日'])
    >>> metric_first(["dinner"])
    (None, ['dinner'])
    """
    start = 0
    while start < len(words) - 1 and words[start].lower() in _FILLERS:
        start += 1
    if start + 1 < len(words) and (pair := (words[start].lower(), words[start + 1].lower())) in _TWO_WORDS:
        return _TWO_WORDS[pair], words[start + 2:]
    if start < len(words) and (metric := V.METRIC_WORDS.get(words[start].lower())):
        return metric, words[start + 1:]
    return None, words


def metrics_line(locale: str) -> tuple[str, ...]:
    """The line every contest usage ends with: what a contest can count, as typed.

    >>> metrics_line("en")
    ('(a contest counts one of: revenue · deals won · new customers · visits)',)
    """
    typed = " · ".join(words[locale == "zh"] for metric, words in _TYPED if metric in METRIC_NAMES)
    return (t(locale, "contest_metrics", metrics=typed),)
