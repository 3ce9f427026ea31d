"""Numbers and dates in the reader's terms: `¥48万` / `CN¥480K` / `$48K`, `明天` / `Tue, Dec 1`."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

_BABEL_LOCALE = {"zh": "zh_CN", "en": "en_US"}


@lru_cache(maxsize=4096)
def money(amount: Decimal, currency: str, locale: str) -> str:
    """Short money for a phone screen: ¥48万, ¥1.15亿, $48K, ¥1.15M, ¥5,000 (small amounts in full).
    A second decimal where it makes the figure exact, so a corrected amount (¥1.2M → ¥1.15M) is
    seen to change; yen is `JP¥` wherever `¥` would read as yuan."""
    from babel.numbers import format_compact_currency, format_currency

    where = _BABEL_LOCALE.get(locale, "en_US")
    if abs(amount) < 10_000:
        whole = amount == amount.to_integral_value()
        text = format_currency(amount, currency, locale=where, format="¤#,##0" if whole else None,
                               currency_digits=not whole)
    else:
        text = format_compact_currency(amount, currency, locale=where, fraction_digits=1)
        finer = format_compact_currency(amount, currency, locale=where, fraction_digits=2)
        if finer != text and _digits(finer) >= len(str(int(abs(amount))).rstrip("0")):
            text = finer  # ¥1.15M is exact where ¥1.2M is not; ¥53.33K would be no truer
    if currency == "JPY" and text.startswith("¥"):
        return "JP¥" + text[1:]
    return text.replace("CN¥", "¥").replace("US$", "$")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def count(value: Decimal | int) -> str:
    """A whole number, rounded half up (a pace of 1.6 visits reads as 2)."""
    return f"{int(Decimal(value).quantize(Decimal(1), ROUND_HALF_UP)):,}"


def metric_value(metric: str, value: Decimal, currency: str, locale: str) -> str:
    return money(value, currency, locale) if metric == "revenue" else count(value)


def day(value: dt.date, today: dt.date, locale: str, *, relative: bool = True) -> str:
    """`today`/`今天`, `tomorrow`/`明天`, `yesterday`/`昨天`, else `Tue, Dec 1` / `12月1日周二`."""

    near = {0: ("today", "今天"), 1: ("tomorrow", "明天"), -1: ("yesterday", "昨天")}
    delta = (value - today).days
    if relative and delta in near:
        return near[delta][locale == "zh"]
    return _date_label(value, value.year == today.year, locale)


def day_stored(value: dt.date, today: dt.date, locale: str) -> str:
    """A date just stored, shown whole so a misread is seen at once: `tomorrow, Tue, Nov 24` ·
    `明天（11月24日周二）`; a far one as `Tue, Dec 1`."""
    label = _date_label(value, value.year == today.year, locale)
    near = day(value, today, locale)
    if near == label:
        return label
    return f"{near}（{label}）" if locale == "zh" else f"{near}, {label}"


@lru_cache(maxsize=512)
def _date_label(value: dt.date, this_year: bool, locale: str) -> str:
    """Babel's formatting is slow; a fan-out formats the same few dates thousands of times."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMEd" if this_year else "yMMMEd", value,
                           locale=_BABEL_LOCALE.get(locale, "en_US"))


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def bar(share: float, width: int = 10) -> str:
    """A text progress bar: `▓▓▓▓▓▓░░░░ 60%`."""
    filled = max(0, min(width, round(share * width)))
    return "▓" * filled + "░" * (width - filled)


def period_label(kind: str, start: dt.date, locale: str) -> str:
    """`November 2026` / `2026年11月`, `Q4 2026` / `2026年第4季度`, `week of Nov 23` / `11月23日当周`."""
    from babel.dates import format_skeleton

    where = _BABEL_LOCALE.get(locale, "en_US")
    if kind == "month":
        return format_skeleton("yMMMM", start, locale=where)
    if kind == "quarter":
        quarter = (start.month - 1) // 3 + 1
        return f"{start.year}年第{quarter}季度" if locale == "zh" else f"Q{quarter} {start.year}"
    if kind == "year":
        return f"{start.year}年" if locale == "zh" else str(start.year)
    if kind == "day":  # `leaderboard visits today`: `Mon, Dec 7` / `12月7日周一`
        return format_skeleton("MMMEd", start, locale=where)
    first = format_skeleton("MMMd", start, locale=where)
    return f"{first}当周" if locale == "zh" else f"week of {first}"
