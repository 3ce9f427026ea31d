"""CRM secrets are stored encrypted under SALESBOT_SECRET_KEY: a copy of the database alone holds
no refresh token or app secret; rows stored before are encrypted in place; keys rotate."""
import json

import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select

from fakes.fxiaoke_api import FakeFxiaoke
from fakes.zoho_api import FakeZoho
from storage.models.crm import CrmConnection

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
PLAIN = {"client_secret": "zsecret", "refresh_token": "1000.refresh"}


@pytest.fixture
def zoho():
    fake = FakeZoho()
    fake.add_user("Ana", "ana@corp.com")
    yield fake
    fake.close()


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    fake.add_user("安娜", "13800000001")
    yield fake
    fake.close()


def stored(db) -> str:
    with db() as s:
        return s.scalar(select(CrmConnection.secret))


def connected(cli, monkeypatch, key: str):
    monkeypatch.setenv("SALESBOT_SECRET_KEY", key)
    cli("say", "--user", "Ana", "help")
    result = cli("crm", "connect", "zoho", "--client-id", "1000.CLIENT", "--refresh-token", "1000.refresh",
                 input="zsecret\n")
    assert result.exit_code == 0, result.output


def test_the_refresh_token_and_client_secret_are_stored_encrypted_under_the_key(cli, db, monkeypatch, zoho):
    connected(cli, monkeypatch, OLD)
    secret = stored(db)
    assert "zsecret" not in secret and "1000.refresh" not in secret
    assert json.loads(Fernet(OLD.encode()).decrypt(secret.encode())) == PLAIN
    with pytest.raises(InvalidToken):
        Fernet(NEW.encode()).decrypt(secret.encode())
    assert cli("crm", "import").exit_code == 0  # and used from there


def test_a_secret_stored_before_encryption_is_encrypted_in_place_and_still_works(cli, db, monkeypatch, zoho):
    connected(cli, monkeypatch, OLD)
    with db.begin() as s:  # as a row stored by the version before encryption
        s.scalar(select(CrmConnection)).secret = json.dumps(PLAIN)
    assert cli("crm", "import").exit_code == 0  # read as it is meanwhile
    result = cli("crm", "encrypt")
    assert "1 was stored plain" in result.output and "zsecret" not in result.output
    assert json.loads(Fernet(OLD.encode()).decrypt(stored(db).encode())) == PLAIN


def test_keys_rotate_the_new_key_first_and_the_old_one_can_then_go(cli, db, monkeypatch, zoho):
    connected(cli, monkeypatch, OLD)
    monkeypatch.setenv("SALESBOT_SECRET_KEY", f"{NEW},{OLD}")
    assert "0 were stored plain" in cli("crm", "encrypt").output
    monkeypatch.setenv("SALESBOT_SECRET_KEY", NEW)
    assert json.loads(Fernet(NEW.encode()).decrypt(stored(db).encode())) == PLAIN
    result = cli("crm", "import")
    assert result.exit_code == 0, result.output


def cached(db) -> dict[str, str]:
    from storage.models.messaging import CachedToken

    with db() as s:
        return {row.key: row.value for row in s.scalars(select(CachedToken).where(
            CachedToken.key.like("crm:%")))}


def test_cached_access_tokens_are_encrypted_and_one_cached_before_is_still_used(cli, db, monkeypatch, zoho):
    connected(cli, monkeypatch, OLD)
    [(key, value)] = cached(db).items()
    assert zoho.token not in value and zoho.url not in value  # neither the token nor its data centre
    assert Fernet(OLD.encode()).decrypt(value.encode()).decode().startswith(f"{zoho.token} ")
    issued = zoho.issued
    assert cli("crm", "import").exit_code == 0
    assert zoho.issued == issued  # read back from the database, not fetched again
    from storage.models.messaging import CachedToken

    with db.begin() as s:  # as the version before encryption cached it
        s.get(CachedToken, key).value = f"{zoho.token} {zoho.url}"
    assert cli("crm", "import").exit_code == 0
    assert zoho.issued == issued


def test_fxiaokes_corp_token_is_cached_encrypted(cli, db, monkeypatch, fxiaoke):
    monkeypatch.setenv("SALESBOT_SECRET_KEY", OLD)
    cli("say", "--user", "安娜", "help")
    result = cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
                 input="fsecret\nPERM\n")
    assert result.exit_code == 0, result.output
    [value] = cached(db).values()
    assert fxiaoke.token not in value and fxiaoke.corp_id not in value
    issued = fxiaoke.issued
    assert cli("crm", "import").exit_code == 0 and fxiaoke.issued == issued
