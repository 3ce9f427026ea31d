"""The English names Chinese companies are known by abroad, declared once: `tencent` typed for a
customer kept as 腾讯 is that customer, never a twin.

A name's sound (`huawei` is how 华为 is typed in pinyin) is only a guess and is asked about
(`name_likeness.similar_customers`); a brand here is a fact and is used, with the reply saying which
customer it was taken as. Keys are compared without case, spaces or punctuation (`JD.com`), and a
customer's own legal suffix aside (`alibaba` is 阿里巴巴集团), as `name_likeness.core_name` reads them;
a brand typed with a suffix (`alibaba grp`, `Tencent Holdings`) or a typo (`tencnet`) is asked about.
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: English brand → the Chinese names the company goes by (the first is its usual name).
BRANDS: dict[str, tuple[str, ...]] = {
    "tencent": ("腾讯",),
    "huawei": ("华为",),
    "alibaba": ("阿里巴巴", "阿里"),
    "alibaba cloud": ("阿里云",),
    "aliyun": ("阿里云",),
    "baidu": ("百度",),
    "jd": ("京东",),
    "jd.com": ("京东",),
    "jingdong": ("京东",),
    "lenovo": ("联想",),
    "xiaomi": ("小米",),
    "byd": ("比亚迪",),
    "haier": ("海尔",),
    "midea": ("美的",),
    "gree": ("格力",),
    "zte": ("中兴",),
    "bytedance": ("字节跳动", "字节"),
    "meituan": ("美团",),
    "netease": ("网易",),
    "pinduoduo": ("拼多多",),
    "didi": ("滴滴",),
    "ctrip": ("携程",),
    "trip.com": ("携程",),
    "sinopec": ("中国石化", "中石化"),
    "petrochina": ("中国石油", "中石油"),
    "china mobile": ("中国移动",),
    "china unicom": ("中国联通",),
    "china telecom": ("中国电信",),
    "catl": ("宁德时代",),
    "geely": ("吉利",),
    "saic": ("上汽",),
    "ping an": ("中国平安", "平安"),
    "icbc": ("工商银行", "中国工商银行", "工行"),
    "bank of china": ("中国银行",),
    "china construction bank": ("建设银行", "中国建设银行", "建行"),
    "cosco": ("中远海运", "中远"),
    "dji": ("大疆",),
    "hikvision": ("海康威视", "海康"),
    "sany": ("三一重工", "三一"),
    "anta": ("安踏",),
    "li ning": ("李宁",),
    "nio": ("蔚来",),
    "xpeng": ("小鹏",),
    "foxconn": ("富士康",),
    "kuaishou": ("快手",),
    "weibo": ("微博",),
    "boe": ("京东方",),
    "mindray": ("迈瑞",),
    "fosun": ("复星",),
    "wanda": ("万达",),
    "vanke": ("万科",),
    "crrc": ("中国中车", "中车"),
    "state grid": ("国家电网",),
    "china merchants bank": ("招商银行", "招行"),
}

_NOT_WORD = pattern(r"[\W_]+")


def _key(name: str) -> str:
    return _NOT_WORD.sub("", name.casefold())


#: every name (English or Chinese) → the company it names (by its usual Chinese name)
_BRAND_OF = {_key(name): chinese[0] for english, chinese in BRANDS.items() for name in (english, *chinese)}


def brand_aliases(core: str) -> tuple[str, ...]:
    """The English names (as keys: `tencent`, `jdcom`) of the company a Chinese name's core names:
    what a typo (`tencnet`) or a suffix (`alibaba grp`) of its brand is compared with."""
    brand = brand_of(core)
    return tuple(key for key, chinese in _BRAND_OF.items() if brand and chinese == brand and key.isascii())


def brand_of(core: str) -> str | None:
    """The company a name's core (`name_likeness.core_name`: `tencent`, `腾讯`, `jdcom`) names, by its
    usual Chinese name, or None."""
    return _BRAND_OF.get(_key(core))


_SAID = pattern(r"(?<![a-z0-9])(" + "|".join(sorted((re.escape(e) for e in BRANDS), key=len, reverse=True))
                + r")(?![a-z0-9])")


def brands_said(text: str) -> set[str]:
    """The companies (by their usual Chinese name) whose English name `text` says as a word
    (`JD.com deal moved to negotiation`, `Huawei签了`)."""
    return {BRANDS[found][0] for found in _SAID.findall(text.casefold())}
