"""Words after a win's or a loss's amount or deal number that plainly say why (`won umbrella 190k
beat oracle on price`, `lost #48 they backed out`): taken as the reason, said so, never a colon
asked for (r18). Plainly: two words or more, letters only (no number, amount or day), and no word
of a field or of another command (`close`, `follow up`, `task`, `also`, a stage's word); any other
words are asked about as before (`Put a colon before it`).

>>> TODAY = dt.date(2026, 12, 6)
>>> plain_reason("beat oracle on price", TODAY), plain_reason("they backed out", TODAY)
(True, True)
>>> plain_reason("went with sap, too pricey", TODAY)
True
>>> plain_reason("renewal", TODAY), plain_reason("beat oracle, follow up fri", TODAY)
(False, False)
>>> plain_reason("on price, also snooze 389 to mon", TODAY), plain_reason("check back next month", TODAY)
(False, False)
>>> plain_reason("moved to negotiation", TODAY), plain_reason("globex deal", TODAY)
(False, False)
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import vocabulary as V
from handlers.grammar.patterns import pattern

_LETTERS = pattern(r"^[A-Za-z][A-Za-z'’ ,.!&/-]*$")
_FIELD = pattern(r"(?<![A-Za-z])(?:close[sd]?|closing|follow(?:ing)?[\s-]*up|followup|fu|f/u|task|todo|"
                 r"remind(?:er)?|snooze|stage|amount|value|prob(?:ability)?|deal|visit|title|customer|"
                 r"also|then|next\s+step|due|tmrw|tomorrow|today|tonight|week|month|quarter|eod|eow|eom|"
                 r"eoq|asap|later|soon|again|revisit|check\s+back|circle\s+back|ping)(?![A-Za-z])", re.I)


def plain_reason(words: str, today: dt.date) -> bool:
    """Whether `words` (after a closed deal's amount or number) can only be its reason."""
    from handlers.grammar.spans import date_in

    said = " ".join(words.split())
    if len(said.split()) < 2 or not _LETTERS.match(said) or _FIELD.search(said) \
            or date_in(said, today) is not None:
        return False
    return not any(word.lower() in V.STAGE_WORDS and V.STAGE_WORDS[word.lower()] not in ("won", "lost")
                   or word.lower() in V.CURRENCY_WORDS for word in re.findall(r"[A-Za-z]+", said))
