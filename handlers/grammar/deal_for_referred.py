"""A new deal asked for a customer said as a reference, in words (`这家也开个商机吧 数据平台 30万 方案阶段`,
`给这家开个商机 数据平台 30万`, `他们家再建一个单子 …`): written as the deal command with the reference
as its customer (`商机 这家 数据平台 30万 方案阶段`), which handlers/sales/customer_referred.py names
(the customer of the member's recent message, said back) or asks about."""
from __future__ import annotations

from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern

#: (给/为/帮) reference (也/再/还) open a deal (吧/了) — the reference and the words after
_OPENED = pattern(
    r"^\s*(?:(?:另外|顺便|还有|然后|同时)\s*[,，]?\s*)*"  # `另外顺便给腾讯开个商机 …` (r25zh): joining words
    r"(?:也|再|还|那)?\s*(?:给|为|帮|替)?\s*(?P<ref>这家客户|这个客户|那个客户|同一个客户|同一家|该客户|这家|那家"
    r"|他们家|他们|他家|(?<=[给为帮替])\s*(?P<named>[^\s,，:：给为帮替]{1,30}?))\s*(?:也|再|还|就)?\s*(?:要|得|想)?\s*"
    r"(?:新建|新开|再建|再开|建|开|加|新增|创建|来)\s*(?:一?个|一下|一条)?\s*(?:新的?)?\s*(?:商机|单子|项目)"
    r"\s*(?:吧|了|啊|呀)?\s*[,，:：。]?\s*(?P<rest>.*)$")


def deal_for_referred(text: str) -> str:
    """`给这家开个商机 数据平台 30万` as `商机 这家 数据平台 30万`, `给腾讯开个商机 安全模块 12万` as
    `商机 腾讯 安全模块 12万`; any other message as it is.

    >>> deal_for_referred("另外顺便给腾讯开个商机 安全模块 12万")
    '商机 腾讯 安全模块 12万'
    >>> deal_for_referred("另外给这家开个商机 ERP二期 40万")
    '商机 这家 ERP二期 40万'
    """
    found = _OPENED.match(simplified(text))
    if found is None or not found["rest"].strip():
        return text
    ref = text[found.start("named"):found.end("named")] if found["named"] else found["ref"]
    return f"商机 {ref} {text[found.start('rest'):].strip()}"
