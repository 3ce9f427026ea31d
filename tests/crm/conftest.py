"""The CRM tests' fixtures: the `salesbot` command line on the test's database, pointed at the
loopback CRM fakes a test module starts (its `zoho` and `fxiaoke` fixtures), and the database."""
import pytest
from click.testing import CliRunner

from bot.cli import main

_FAKE_URLS = {"zoho": ("ZOHO_ACCOUNTS_URL", "accounts_url"), "fxiaoke": ("FXIAOKE_API_URL", "url")}


@pytest.fixture
def cli(db_url, monkeypatch, request):
    monkeypatch.setenv("DATABASE_URL", db_url)
    for name, (variable, attribute) in _FAKE_URLS.items():
        if hasattr(request.module, name):  # the module runs that CRM's fake
            monkeypatch.setenv(variable, getattr(request.getfixturevalue(name), attribute))
    runner = CliRunner()
    return lambda *args, input=None: runner.invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def db(session_factory):
    """The test's database, as the CRM tests read it."""
    return session_factory
