"""The console backend: rendering, announcements, and a database that is away."""
import socket

from bot.console.chat import ConsoleBot, render
from bot.render_text import width
from storage.db import make_engine, make_session_factory


def test_a_won_deal_shows_the_team_announcement_after_the_reply(chat):
    out = chat("won +Acme 48k: beat them on delivery time")
    reply, announcement = out.split("\n\n📣 to the team channel:\n")
    assert "Deal #1 won: Acme, ¥48K" in reply
    assert announcement == "🎉 Ana won Acme — ¥48K\nbeat them on delivery time"


def test_table_columns_line_up_for_chinese_and_latin_names(team_chat):
    team_chat("help", user="张伟")
    team_chat("赢单 +华为 48万", user="张伟")
    team_chat("won +Acme 5k", user="Bo")
    out = team_chat("排行榜 本月", user="Mia")
    rows = [line for line in out.splitlines() if "¥" in line]
    assert len(rows) == 3  # 张伟, Bo, Ana
    assert len({width(row.split("¥")[0]) for row in rows}) == 1


def test_an_unreachable_database_gets_a_friendly_answer_in_the_users_language():
    with socket.socket() as probe:  # a port nobody listens on: bound, never listening, kept so
        probe.bind(("127.0.0.1", 0))  # until the end (closed, another process could take it)
        engine = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{probe.getsockname()[1]}/x",
                             connect_args={"connect_timeout": 2})
        bot = ConsoleBot(make_session_factory(engine))
        reply = bot.send("Ana", "progress")
        assert not reply.ok and "try again in a minute" in render(reply)
        assert "稍后再试" in render(bot.send("Ana", "进度"))


def test_the_schedulers_posts_appear_in_the_console_chat(team_chat, session_factory, db_url,
                                                          monkeypatch):
    from bot import platforms
    from bot.app import App
    from bot.worker import build_worker
    from worker.plan import fire, plan

    monkeypatch.setenv("DATABASE_URL", db_url)
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    fire(session_factory, spec, team_chat.now, manual=True)
    shown = []
    monkeypatch.setattr(platforms.named("console"), "write", shown.append)  # where it prints
    worker = build_worker(App.build())
    while worker.delivery.run_once():
        pass
    shown = [post for post in shown if "started using salesbot" not in post]  # Mia told who joined
    assert len(shown) == 2
    assert shown[0].startswith("\n💬 → Ana\n☀️ Standup, Ana — Mon, Nov 23\n1. What did you do yesterday?")


def test_in_the_chat_only_my_posts_and_the_channels_show_each_followed_by_the_prompt(
        team_chat, session_factory, db_url, monkeypatch):
    """The demo chat is one person at a keyboard: other reps' prompts would bury theirs."""
    from bot import platforms
    from bot.app import App
    from bot.worker import build_worker
    from worker.plan import fire, plan

    monkeypatch.setenv("DATABASE_URL", db_url)
    team_chat("target @Ana revenue 40k month", user="Mia")
    team_chat("won +Acme 48k", user="Ana")
    with session_factory() as s:
        specs = {p.kind: p for p in plan(s)}
    for kind in ("standup", "watch"):
        fire(session_factory, specs[kind], team_chat.now, manual=True)
    shown = []
    console = platforms.named("console")
    monkeypatch.setattr(console, "write", lambda text, **_: shown.append(text))
    monkeypatch.setattr(console, "chatting", {"user": "Bo"})  # Bo at the keyboard
    worker = build_worker(App.build())
    while worker.delivery.run_once():
        pass
    heads = [text.split("\n")[1] for text in shown if text.startswith("\n")]
    assert heads == ["💬 → Bo", "📣 #Sales"]  # not Ana's standup prompt
    assert shown[1] == shown[3] == "Bo> "  # the prompt again after each
