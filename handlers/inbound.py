"""What a web process hands on to a worker through the inbox, the same for every platform: who
sent it, what (text as typed, or a command a button or form built), where the answer goes, and
the platform's id for it. A worker runs it with no platform framework: the platform only says
who the person is (`bot/<platform>/plugin.py`), and the answer leaves through the outbox.

Where things go are `Address`es; a row keeps them as their stored text (`Address.target`) and
`Inbound.of` reads them back with the platform the row is of.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy.orm import Session, sessionmaker

from handlers.grammar.command_json import pressed
from handlers.grammar.language import AfterKeyword
from handlers.senders import Defaults, UserRef
from handlers.text.reply import Reply
from handlers.unit_of_work import AnswerTo, handle_message
from storage.address import Address

VERSION = 2  # rows of version 1 held a platform's raw request (replayed by the platform)
#: left out of a row when the platform gave none
_UNSAID = ("here", "name", "locale", "timezone", "shared", "keyword")
_WHERE = ("answer", "announce", "here")  # the addresses, kept as their stored text


@dataclass(frozen=True)
class Inbound:
    workspace: str
    user: str
    message: str  # text as typed (platform markup made plain), or what a button or form sent
    delivery: str  # the platform's id: a retry stores and answers nothing twice
    answer: Address | None = None  # where the answer goes
    announce: Address | None = None  # where a celebration goes when the team has no channel
    mentioned: tuple[str, ...] = ()  # people named, to register before the message runs
    work: str = "message"  # or "home": refresh what the platform shows the person (App Home)
    pressed: bool = False  # `message` is a button's value: a command's JSON, or text to parse
    keyword: str = ""  # the command word the platform wrote before the text (a slash command's):
    # it says no language, what the person typed after it may
    here: Address | None = None  # the channel or group chat it was said in (`… channel here`)
    shared: bool = False  # `here` is shared with another organisation (Slack Connect)
    #: what the platform said of the sender with the message, when it says it each time (Teams);
    #: others look the person up when they first meet them
    name: str = ""
    locale: str | None = None
    timezone: str | None = None

    def payload(self) -> dict:
        # every field is text, a flag or a tuple of text: no deep copy (asdict's) on the ack path
        data = {"v": VERSION, **{f.name: getattr(self, f.name) for f in _FIELDS},
                "mentioned": list(self.mentioned)}
        data.update({key: data[key].target if data[key] else None for key in _WHERE})
        return {key: value for key, value in data.items() if value or key not in _UNSAID}

    @classmethod
    def of(cls, payload: dict, platform: str) -> Inbound:
        """The message a row of `platform`'s holds (`payload()` wrote it); ValueError for an
        address of no kind known."""
        fields = {k: v for k, v in payload.items() if k != "v"}
        workspace = fields.get("workspace", "")
        where = {key: Address.parse(platform, workspace, fields[key]) if fields.get(key) else None
                 for key in _WHERE}
        return cls(**{**fields, **where, "mentioned": tuple(fields.get("mentioned") or ())})

    def run(self, session_factory: sessionmaker[Session], user: UserRef, defaults: Defaults,
            held: dt.timedelta | None = None, in_request=None, caused: list[str] | None = None
            ) -> Reply | None:
        """Run the message as `user`; its answer is queued in the outbox with what it stored
        (`held`, `in_request`, `caused`: see `AnswerTo`). None: it was run before."""
        answer_to = AnswerTo(self.delivery, self.workspace, self.answer, self.announce, held, in_request,
                             self.here, self.mentioned, self.shared, caused)
        message = pressed(self.message) if self.pressed else self.message
        if self.keyword and isinstance(message, str) and message.startswith(self.keyword):
            message = AfterKeyword(message, message[len(self.keyword):])
        return handle_message(session_factory, user, message, defaults=defaults, answer_to=answer_to)


_FIELDS = fields(Inbound)
