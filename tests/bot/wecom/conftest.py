"""WeCom fixtures: the fake WeCom API and the running app with a self-built app configured."""
import pytest

from bot.settings import Settings
from fakes.wecom_api import FakeWeCom
from fakes.wecom_driver import AES_KEY, AGENT, CORP, SECRET, TOKEN, running


@pytest.fixture
def fake_wecom():
    fake = FakeWeCom(CORP, SECRET)
    fake.users.update({"zhangwei": "张伟", "lina": "李娜", "wangfang": "王芳", "tom": "Tom"})
    yield fake
    fake.close()


@pytest.fixture
def wecom_settings(db_url, fake_wecom):
    return Settings(database_url=db_url, wecom_corp_id=CORP, wecom_agent_id=AGENT,
                    wecom_secret=SECRET, wecom_token=TOKEN, wecom_encoding_aes_key=AES_KEY,
                    wecom_api_url=fake_wecom.api_url)


@pytest.fixture
def wecom(wecom_settings, fake_wecom):
    yield from running(wecom_settings, fake_wecom)
