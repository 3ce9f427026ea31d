"""The setup pages and the README name only what exists: every `salesbot …` command (and its
options) and every environment variable they tell an admin to use."""
import re
from pathlib import Path

import click
from pydantic import AliasChoices

from bot.cli import main
from bot.settings import Settings

ROOT = Path(__file__).parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: variables the processes read outside the settings object (the server's and the test suite's)
SERVER_VARIABLES = {"PORT", "WEB_CONCURRENCY", "WEB_THREADS", "SALESBOT_REQUIRE_POSTGRES"}
#: upper-case words in backticks that are not environment variables
VARIABLE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{4,})(?==|$)")  # `NAME` or `NAME=…`
NOT_VARIABLES = {"DEBUG", "YOUR-HOST", "CSV", "TEAM", "CHATID", "CHAT_ID", "ROBOT_KEY", "KEY", "CODE",
                 "USERID", "NAME", "HOST", "TEXT", "KIND", "PATH", "FILE", "SECONDS",
                 "INVALID_TOKEN", "LIMIT_EXCEEDED", "LIMIT_REACHED"}  # placeholders and Zoho's error codes
#: variables the test suite reads (tests/hostile.py), named in docs/security.md
TEST_VARIABLES = {"SALESBOT_FUZZ_EXAMPLES"}


def _said(page: Path) -> list[str]:
    """What a page shows to type or set: inline code, and the lines of code blocks."""
    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", text, re.S)
    inline = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    return inline + [line for block in blocks for line in block.splitlines()]


def _commands() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for said in _said(page):
            for match in re.finditer(r"(?:^|[\s(])salesbot ((?:[\w-]+|\[[^\]]*\]|[A-Z.…]+)(?: |$)?)+", said):
                found.append((page.name, match.group(0).strip(" (")))
    return found


def _resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    """The command the words name, and the words left after it (found as click finds it: an area's
    commands are imported when named, bot/cli.py)."""
    command: click.Command = main
    with click.Context(main) as ctx:
        while words and isinstance(command, click.Group) \
                and (sub := command.get_command(ctx, words[0])) is not None:
            command, words = sub, words[1:]
    return command, words


def test_every_salesbot_command_the_pages_name_exists_with_the_options_they_give_it():
    commands = _commands()
    assert len(commands) > 20  # the scan sees the pages' commands
    wrong = []
    for page, said in commands:
        words = said.split()[1:]
        if words in ([], ["…"]):  # "salesbot …": any command
            continue
        command, rest = _resolve(list(words))
        if command is main or (isinstance(command, click.Group) and rest and re.fullmatch(r"[a-z-]+", rest[0])
                               and not command.invoke_without_command):
            wrong.append(f"{page}: `{said}` (no such command)")
            continue
        if isinstance(command, click.Group) and rest and re.fullmatch(r"[a-z-]+", rest[0]):
            wrong.append(f"{page}: `{said}` (no such subcommand)")
            continue
        options = {name for param in command.params for name in getattr(param, "opts", ())}
        for option in re.findall(r"(--[\w-]+)", said):
            if option not in options | {"--help"}:
                wrong.append(f"{page}: `{said}` ({option} is no option of it)")
    assert not wrong, "\n".join(wrong)


def _settings_variables() -> set[str]:
    names = set()
    for name, field in Settings.model_fields.items():
        names.add(name.upper())
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        elif isinstance(alias, str):
            names.add(alias)
    return names


def test_every_environment_variable_the_pages_name_is_one_salesbot_reads():
    known = _settings_variables() | SERVER_VARIABLES | TEST_VARIABLES
    named = set()
    for page in PAGES:
        for said in _said(page):
            named.update((page.name, v) for v in VARIABLE.findall(said.strip()))
    unknown = sorted(f"{page}: {name}" for page, name in named if name not in known | NOT_VARIABLES)
    assert {name for _page, name in named} >= {"DATABASE_URL", "TEAMS_APP_ID", "WECOM_SECRET", "PORT"}
    assert not unknown, unknown


def test_the_server_variables_this_check_takes_on_trust_are_read_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for folder in ("bot", "storage", "worker")
                     for p in (ROOT / folder).rglob("*.py"))
    code += (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert all(f'"{name}"' in code or f"'{name}'" in code for name in SERVER_VARIABLES)
