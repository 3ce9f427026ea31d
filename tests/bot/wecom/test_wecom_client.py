"""The WeCom client: every call on the configured base URL, one token shared by all processes,
fetched by one of them at a time, and a bounded refresh."""
import os
import threading

import pytest
import redis
from wechatpy.exceptions import WeChatClientException

from bot.wecom.client import RedisTokens, WeComClient
from bot.wecom.sender import WeComSender
from fakes.wecom_driver import AGENT, CORP, SECRET
from handlers.grammar.commands import AddTask, LogVisit
from handlers.text.reply import Button, Reply
from storage.address import Address
from storage.tokens import DatabaseTokens

# one Redis database per pytest-xdist worker (gw0 → 0, gw1 → 1): the token key is the same in
# every test, and two workers' tests on one key would take each other's token and lock
REDIS_URL = f"redis://127.0.0.1:6379/{int(os.environ.get('PYTEST_XDIST_WORKER', 'gw0')[2:]) % 16}"


def client(fake, tokens):
    return WeComClient(CORP, SECRET, AGENT, fake.api_url, tokens)


def concurrently(n, fn):
    results, barrier = [], threading.Barrier(n)

    def run():
        barrier.wait()
        results.append(fn())
    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_many_processes_share_one_token_from_the_database(fake_wecom, session_factory):
    fake_wecom.delay["gettoken"] = 0.3
    clients = [client(fake_wecom, DatabaseTokens(session_factory)) for _ in range(8)]
    tokens = concurrently(8, lambda: clients.pop().access_token)
    assert set(tokens) == {"tok-1"} and len(fake_wecom.called("gettoken")) == 1


@pytest.fixture
def redis_tokens():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    key = f"{CORP}_{SECRET[:10]}_access_token"
    redis.Redis.from_url(REDIS_URL).delete(key, f"{key}:lock")
    yield lambda: RedisTokens(REDIS_URL)
    redis.Redis.from_url(REDIS_URL).delete(key, f"{key}:lock")


def test_many_processes_share_one_token_from_redis(fake_wecom, redis_tokens):
    fake_wecom.delay["gettoken"] = 0.3
    clients = [client(fake_wecom, redis_tokens()) for _ in range(8)]
    tokens = concurrently(8, lambda: clients.pop().access_token)
    assert set(tokens) == {"tok-1"} and len(fake_wecom.called("gettoken")) == 1


def test_a_token_stored_between_our_look_and_our_lock_is_used_not_fetched_again(redis_tokens):
    """Another process finishes its fetch (token stored, lock freed) right after we looked."""
    tokens, other, fetched = redis_tokens(), redis_tokens(), []
    key, looked = f"{CORP}_{SECRET[:10]}_access_token", tokens.redis.get

    def get_then_other_process_finishes(name):
        value = looked(name)
        if value is None:
            other.redis.set(key, "tok-other", ex=600)
        return value
    tokens.redis.get = get_then_other_process_finishes
    assert tokens.refresh(key, None, lambda: fetched.append(1) or ("tok-mine", 7200)) == "tok-other"
    assert fetched == []


def test_an_expired_token_is_refreshed_once_by_one_process(fake_wecom, session_factory):
    clients = [client(fake_wecom, DatabaseTokens(session_factory)) for _ in range(4)]
    clients[0].user.get("zhangwei")
    fake_wecom.expire_token()
    names = concurrently(4, lambda: clients.pop().user.get("zhangwei")["name"])
    assert names == ["张伟"] * 4
    assert len(fake_wecom.called("gettoken")) == 2


def test_a_token_that_never_works_fails_after_one_refresh(fake_wecom, session_factory):
    wecom = client(fake_wecom, DatabaseTokens(session_factory))
    fake_wecom.script("user/get", {"errcode": 40014, "errmsg": "invalid access_token"},
                      {"errcode": 40014, "errmsg": "invalid access_token"})
    with pytest.raises(WeChatClientException) as error:
        wecom.user.get("zhangwei")
    assert error.value.errcode == 40014
    assert len(fake_wecom.called("gettoken")) == 2 and len(fake_wecom.called("user/get")) == 2


def test_a_wrong_secret_is_reported_not_retried_forever(fake_wecom, session_factory):
    wecom = WeComClient(CORP, "wrong", AGENT, fake_wecom.api_url, DatabaseTokens(session_factory))
    with pytest.raises(WeChatClientException) as error:
        wecom.user.get("zhangwei")
    assert error.value.errcode == 40001 and len(fake_wecom.called("gettoken")) == 1


def test_a_card_button_too_long_for_wecom_is_left_out_never_cut(fake_wecom, session_factory):
    """WeCom takes a button key of at most 1,024 bytes: a 📌 for a customer with a 200-character
    Chinese name passes it (its command, 1,200 bytes, too); cut short, it would be another
    command. It is left out; the card goes with the rest."""
    name = "华东" * 100
    reply = Reply(title="团队待回访的客户", lines=(f"{name} (A)",), locale="zh", buttons=(
        Button(f"📌 Bo: {name}", f"任务 @Bo 客户 {name}: 回访{name}",
               action=AddTask(f"回访{name}", assignee="Bo", customer=name)),
        Button("✓ 华为", "拜访 华为", action=LogVisit("华为"))))
    sender = WeComSender(client(fake_wecom, DatabaseTokens(session_factory)))
    sender.send(Address.parse("wecom", CORP, "user:zhangwei"), reply)
    [card] = [b for b in fake_wecom.sent() if b.get("msgtype") == "template_card"]
    assert card["_ok"] and [b["key"] for b in card["template_card"]["button_list"]] == [
        '{"LogVisit":{"customer":"华为"}}']
