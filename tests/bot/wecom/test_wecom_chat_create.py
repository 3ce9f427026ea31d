"""`salesbot wecom chat create`: an app group chat made through WeCom's appchat/create, its id
printed for `team set … wecom chat:ID`."""
import pytest

from fakes.wecom_driver import AGENT, CORP, SECRET
from support import salesbot as run_salesbot

# Nothing of a chat's creation is stored: these run on one database (SQLite).
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def salesbot(db_url, fake, *args):
    env = {"DATABASE_URL": db_url, "WECOM_CORP_ID": CORP, "WECOM_AGENT_ID": str(AGENT),
           "WECOM_SECRET": SECRET, "WECOM_API_URL": fake.api_url}
    return run_salesbot("wecom", "chat", "create", *args, env=env)


def test_a_group_chat_is_created_with_its_members_and_its_id_is_printed(db_url, fake_wecom):
    done = salesbot(db_url, fake_wecom, "--name", "华东销售", "--owner", "zhangwei",
                    "zhangwei", "lina", "lina")
    assert done.returncode == 0, done.stderr
    [(chat, body)] = fake_wecom.chats.items()
    assert body == {"name": "华东销售", "owner": "zhangwei", "userlist": ["zhangwei", "lina"]}
    assert f"team set TEAM wecom chat:{chat}" in done.stdout and f"企业微信 chat:{chat}" in done.stdout


def test_a_chat_wecom_refuses_is_explained_and_nothing_is_printed_as_made(db_url, fake_wecom):
    fake_wecom.script("appchat/create", {"errcode": 60011, "errmsg": "no privilege to access/modify contact"})
    done = salesbot(db_url, fake_wecom, "--name", "East", "zhangwei", "lina")
    assert done.returncode == 1 and "root department" in done.stderr and "Traceback" not in done.stderr
    done = salesbot(db_url, fake_wecom, "--name", "East", "zhangwei")
    assert done.returncode == 2 and "2 to 500" in done.stderr
    done = salesbot(db_url, fake_wecom, "--name", "East", "--chat-id", "east-sales", "zhangwei", "lina")
    assert done.returncode == 2 and "letters and digits" in done.stderr
    assert fake_wecom.chats == {}
