"""The Teams app package and the Teams renderer, without a running app."""
import io
import json
import subprocess
import sys
import zipfile

import pytest
from PIL import Image

from bot.teams.render import CARD, activities
from bot.teams.sender import ConversationPace
from handlers.grammar.command_json import decode
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.intents import INTENTS
from handlers.text.reply import Bar, Button, Reply, Table
from support import salesbot
from worker.delivery import RateLimited

APP_ID = "6a1b5c2d-0000-4000-8000-00000000b077"


def test_salesbot_teams_package_writes_a_manifest_icons_and_chinese_commands(tmp_path):
    out = tmp_path / "salesbot-teams.zip"
    done = subprocess.run([sys.executable, "-m", "bot.cli", "teams", "package", "--out", str(out),
                           "--host", "bot.example.com"], env={"TEAMS_APP_ID": APP_ID, "PATH": ""},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    package = zipfile.ZipFile(out)
    assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png", "zh-cn.json"]
    manifest = json.loads(package.read("manifest.json"))
    [bot] = manifest["bots"]
    assert manifest["id"] == bot["botId"] == APP_ID and manifest["manifestVersion"] == "1.17"
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    commands = bot["commandLists"][0]["commands"]
    assert 1 <= len(commands) <= 10
    assert commands[0] == {"title": "visit", "description": "Log a customer visit (no text: a form)"}
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands)
    assert all(any(c["title"] in intent.en for intent in INTENTS) for c in commands)  # each understood
    assert manifest["validDomains"] == ["bot.example.com"]
    chinese = json.loads(package.read("zh-cn.json"))
    assert chinese["bots[0].commandLists[0].commands[0].title"] == "拜访"
    assert chinese["name.short"] == "销售助手"
    color, outline = (Image.open(io.BytesIO(package.read(n))) for n in ("color.png", "outline.png"))
    assert color.size == (192, 192) and outline.size == (32, 32)
    assert outline.getpixel((0, 0))[3] == 0 and color.getpixel((0, 0))[3] == 255  # transparent outline


def test_a_reply_is_a_card_with_facts_bars_a_table_and_buttons_that_carry_their_command():
    won = CloseDeal(ref=DealRef(7), won=True)
    reply = Reply(title="Deal #7 · ERP", lines=("Acme",), fields=(("Stage", "Proposal"),),
                  bars=(Bar("Revenue", 0.4, "¥40k of ¥100k"),),
                  table=Table(("Rep", "Won"), (("Ana", "¥40k"),)),
                  buttons=(Button("Won", "won #7", "primary", won),), notes=("Rates: USD 7.1",))
    [activity] = activities(reply)
    [attachment] = activity["attachments"]
    card = attachment["content"]
    assert attachment["contentType"] == CARD and card["version"] == "1.5"
    assert activity["summary"] == "Deal #7 · ERP"
    kinds = [item["type"] for item in card["body"]]
    assert kinds == ["TextBlock", "TextBlock", "ColumnSet", "TextBlock", "FactSet", "Table", "TextBlock"]
    assert "40%" in json.dumps(card["body"][2], ensure_ascii=False)
    [button] = card["actions"]
    assert button["type"] == "Action.Submit" and button["style"] == "positive"
    assert decode(button["data"]["salesbot"]) == won
    assert "Deal #7 · ERP" in card["fallbackText"] and "Stage" in card["fallbackText"]


def test_plain_lines_are_a_text_message_and_a_long_one_is_split_between_lines():
    assert activities(Reply(lines=("Visit to Acme logged.",))) == [
        {"type": "message", "text": "Visit to Acme logged.", "textFormat": "plain"}]
    long = activities(Reply(lines=tuple("客户" * 500 for _ in range(40))))
    assert len(long) > 1 and all(len(a["text"].encode()) <= 24_000 for a in long)
    assert "\n".join(a["text"] for a in long) == "\n".join("客户" * 500 for _ in range(40))


def test_each_conversation_is_paced_under_teams_limits():
    now, slept = [0.0], []
    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds
    pace = ConversationPace(clock=lambda: now[0], sleep=sleep)
    for _ in range(6):
        pace.wait("a")
    assert slept == []
    pace.wait("a")  # the 7th within a second waits for the first to leave the window
    assert slept == [1.0]
    pace.wait("b")  # another conversation is not held back
    assert slept == [1.0]
    now[0] = 1.5
    for _ in range(100):
        try:
            pace.wait("a")
        except RateLimited as limited:  # 55 in 30 s: longer than a moment, the outbox waits
            assert limited.retry_after > 2
            break
        now[0] += 0.3
    else:
        raise AssertionError("a conversation was never held back")


def _package(tmp_path, *args, app_id: str | None = APP_ID):
    out = tmp_path / "p.zip"
    done = salesbot("teams", "package", "--out", str(out), *args, env={"TEAMS_APP_ID": app_id})
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json")) if done.returncode == 0 else None
    return done, manifest


def test_the_package_takes_a_version_or_salesbots_and_a_host_however_it_is_typed(tmp_path):
    from importlib.metadata import version

    done, manifest = _package(tmp_path, "--host", "https://Bot.Example.com/api/messages",
                              "--version", "1.4.2")
    assert done.returncode == 0, done.stderr
    assert manifest["version"] == "1.4.2" and manifest["validDomains"] == ["bot.example.com"]
    assert manifest["developer"]["privacyUrl"] == "https://bot.example.com/privacy"
    assert manifest["developer"]["termsOfUseUrl"] == "https://bot.example.com/terms"
    done, manifest = _package(tmp_path, "--host", "bot.example.com")
    assert manifest["version"] == version("salesbot") and "version" in done.stdout


def test_a_package_that_teams_would_refuse_is_not_written_and_the_message_says_why(tmp_path):
    done, _ = _package(tmp_path, "--host", "bot.example.com", app_id="my-bot")
    assert done.returncode != 0 and "is not a Microsoft App ID" in done.stderr
    assert not (tmp_path / "p.zip").exists()
    done, _ = _package(tmp_path, "--host", "bot.example.com", app_id=None)
    assert done.returncode != 0 and "TEAMS_APP_ID is not set" in done.stderr
    assert "Traceback" not in done.stderr
    done, _ = _package(tmp_path, "--host", "bot.example.com", "--version", "2.0")
    assert done.returncode != 0 and "MAJOR.MINOR.PATCH" in done.stderr
    done, _ = _package(tmp_path, "--host", "https://bot example.com")
    assert done.returncode != 0 and "not a host name" in done.stderr


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # static pages: no database in them
def test_the_web_process_serves_short_bilingual_privacy_and_terms_pages(teams):
    import urllib.request

    for path, english, chinese in (("/privacy", "What salesbot stores", "保存什么"),
                                   ("/terms", "No warranty", "免责声明")):
        with urllib.request.urlopen(f"{teams.base_url}{path}", timeout=10) as response:
            page = response.read().decode()
            assert response.status == 200 and response.headers["Content-Type"].startswith("text/html")
        assert english in page and chinese in page
