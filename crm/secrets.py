"""CRM secrets (Zoho's client secret and refresh token; 纷享销客's appSecret and permanentCode; the
access tokens cached from them in `cached_tokens`) are stored encrypted: Fernet (AES-128-CBC with
an HMAC-SHA256, from `cryptography`) under a key from settings, so a copy of the database alone (a
backup, a replica) gives nobody the CRM.

The key is `SALESBOT_SECRET_KEY` (`Fernet.generate_key()`; several, comma-separated, while rotating:
the first encrypts, every one decrypts). Without it, a key file in the data directory is made
once (`secret.key`, readable by its owner only) so the local demo works; a server sets the key.
A secret stored before encryption (plain JSON) is still read, and `encrypt_stored` (run by the
worker on start and by `salesbot crm encrypt`) encrypts every such row, and re-encrypts rows under
an older key, in place. Neither the key nor a secret is ever logged or printed.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import select

from storage.models.crm import CrmConnection

KEY_FILE = "secret.key"
FERNET_PREFIX = "gAAAAA"  # a Fernet token's version byte (0x80) and timestamp, in base64


class SecretKeyMissing(RuntimeError):
    """The stored secret was encrypted under a key this installation does not have."""


def keys(settings) -> list[bytes]:
    configured = [k.strip().encode() for k in (settings.crm_secret_key or "").split(",") if k.strip()]
    return configured or [_key_file(Path(settings.data_dir))]


def _key_file(folder: Path) -> bytes:
    path = folder / KEY_FILE
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        # written under a name of its own, then linked in whole: one process makes it, and any
        # other racing it reads the key made, never the file before its key is written
        draft = folder / f"{KEY_FILE}.{os.getpid()}.{threading.get_ident()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(Fernet.generate_key())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_bytes().strip()


class SecretBox:
    def __init__(self, settings):
        self.fernet = MultiFernet([Fernet(key) for key in keys(settings)])

    def seal(self, secret: str) -> str:
        return self.fernet.encrypt(secret.encode()).decode()

    def open(self, stored: str) -> str:
        if is_plain(stored):
            return stored
        try:
            return self.fernet.decrypt(stored.encode()).decode()
        except InvalidToken:
            raise SecretKeyMissing("the CRM secret was stored under another SALESBOT_SECRET_KEY; "
                                   "set that key, or connect the CRM again") from None

    def open_token(self, stored: str) -> str:
        """A cached access token: one cached before tokens were encrypted is read as it is; one
        sealed under a key this installation lacks is "" (a new one is fetched)."""
        if not stored.startswith(FERNET_PREFIX):
            return stored
        try:
            return self.fernet.decrypt(stored.encode()).decode()
        except InvalidToken:
            return ""

    def tokens(self, session_factory):
        """The CRM's cached access tokens, in `cached_tokens` encrypted like its other secrets."""
        from storage.tokens import DatabaseTokens

        return DatabaseTokens(session_factory, seal=self.seal, unseal=self.open_token)

    def rotated(self, stored: str) -> str:
        """The stored value encrypted under the first key (a plain one encrypted)."""
        return self.seal(stored) if is_plain(stored) else self.fernet.rotate(stored.encode()).decode()


def is_plain(stored: str) -> bool:
    """A secret stored before encryption: our credentials are JSON objects."""
    return stored.lstrip().startswith("{")


def encrypt_stored(app) -> int:
    """Encrypt every plain secret (and re-encrypt the rest under the first key); returns how
    many rows were plain."""
    box = SecretBox(app.settings)
    plain = 0
    with app.session_factory.begin() as session:
        for connection in session.scalars(select(CrmConnection).where(CrmConnection.secret != "")):
            plain += is_plain(connection.secret)
            connection.secret = box.rotated(connection.secret)
    return plain
