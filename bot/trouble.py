"""A message the database could not take: the friendly answer and the log line, one rule for every
platform. SQLite's write lock held past the busy timeout (another writer, a long import) is being
busy, not being down: the person is asked to send it again, and the log gets one warning, no
traceback (nothing is wrong with the code). A database that cannot be reached keeps its traceback.
Either way the message's transaction was rolled back: nothing of it is stored."""
from __future__ import annotations

import logging

from handlers.text.reply import Reply
from handlers.text.strings import t
from storage.db import locked

log = logging.getLogger(__name__)


def trouble_reply(error: BaseException, locale: str | None, where: str) -> Reply:
    """The answer to a message the database could not take (`error`), in `locale` (both
    languages when unknown); logs it (`where`: the platform or process)."""
    if locked(error):
        log.warning("%s: the database was busy (locked past the timeout); the sender is asked to retry",
                    where)
        key = "busy"
    else:
        log.warning("%s: database unreachable", where, exc_info=True)
        key = "unavailable"
    if locale in ("en", "zh"):
        return Reply(lines=(t(locale, key),), ok=False, locale=locale)
    return Reply(lines=(t("en", key), t("zh", key)), ok=False, locale="en")
