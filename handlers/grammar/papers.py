"""Papers signed on the way to a deal, not the deal itself (`they signed the nda`, `signed an MOU`,
`LOI signed`, `签了保密协议`, `框架签了`): a word of signing with one of them beside it tells no win
(#23, r19: `deal globex moved to discovery, they signed the nda` was offered as a win).

`NOT_AFTER_SIGNED` goes right after a word of signing in a pattern of wins (nothing of the paper is
taken); `NOT_BEFORE_SIGNED_EN`/`_ZH` right before it.

>>> import re
>>> won = re.compile(r"signed" + NOT_AFTER_SIGNED, re.I)
>>> [bool(won.search(s)) for s in ("they signed the nda", "signed an MOU today", "signed!", "signed 50k")]
[False, False, True, True]
>>> won_zh = re.compile(NOT_BEFORE_SIGNED_ZH + r"签了" + NOT_AFTER_SIGNED)
>>> [bool(won_zh.search(s)) for s in ("腾讯签了保密协议", "签了个框架", "腾讯框架签了", "腾讯签了")]
[False, False, False, True]
"""
from __future__ import annotations

#: English papers, and their short names (regex sources)
EN = (r"ndas?", r"non[\s-]?disclosure(?:\s+agreement)?", r"confidentiality\s+agreement", r"mou", r"mous",
      r"memorandum(?:\s+of\s+understanding)?", r"lois?", r"letters?\s+of\s+intent", r"term\s?sheets?",
      r"poc(?:\s+agreement)?", r"pilot\s+agreement", r"framework(?:\s+agreement)?",
      r"eval(?:uation)?\s+agreement",
      r"trial\s+agreement", r"dpa", r"data\s+processing\s+agreement")
#: Chinese papers (regex sources)
ZH = ("保密协议", "保密合同", "框架协议", "框架合同", "框架", "意向书", "意向协议", "合作意向书", "合作意向",
      "备忘录", "合作备忘录", "试用协议", "测试协议", "试点协议", "POC协议", "NDA", "MOU", "LOI")
_EN = r"(?:" + "|".join(EN) + r")(?![A-Za-z])"
_ZH = r"(?:" + "|".join(ZH) + r")"
#: After a word of signing: no paper next (`signed the nda`, `签了个框架`)
NOT_AFTER_SIGNED = (r"(?!\s*(?:the|an?|our|their|its|up\s+for|one|一份|一个|个|份|了)?\s*(?:"
                    + _EN + "|" + _ZH + r"))")
#: Before an English word of signing: no paper just before (`nda signed`, `the LOI is signed`)
NOT_BEFORE_SIGNED_EN = "".join(rf"(?<!{word} )(?<!{word} is )(?<!{word} was )(?<!{word} got )"
                               for word in ("nda", "ndas", "mou", "loi", "poc", "dpa", "sheet", "framework",
                                            "intent", "understanding", "disclosure"))
#: Before a Chinese word of signing: no paper just before (`保密协议签了`, `框架 签了`)
NOT_BEFORE_SIGNED_ZH = "".join(rf"(?<!{word})(?<!{word} )(?<!{word}也)(?<!{word}已经)"
                               for word in ("保密协议", "框架协议", "框架", "意向书", "意向", "备忘录",
                                            "试用协议", "测试协议", "NDA", "MOU", "LOI"))
