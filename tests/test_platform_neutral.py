"""The core names no platform: no platform's name, address format or chat markup in `handlers/`,
`storage/` or `worker/` (docstrings and comments may give examples). What a platform is, says
and looks like comes from its plugin (`bot/<platform>/plugin.py`, `handlers/places.py`), so a
platform added in one folder needs no edit here."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from bot import platforms
from storage.address import Kind

ROOT = Path(__file__).resolve().parents[1]
CORE = ("handlers", "storage", "worker")
#: Stored-address text is storage's own to read and write (`Address.target`, `Address.parse`).
OWN_FORMAT = {Path("storage/address.py")}
#: Platform names that are words of the product too: "teams" are sales teams everywhere (`teams`,
#: `teams_of`, the `teams` table), so Microsoft Teams is looked for by its other names only.
PRODUCT_WORDS = {"teams"}
OTHER_NAMES = {"microsoft"}
MARKUP = re.compile(r"(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])|<@|<!(?:here|channel|everyone)|<at>|</?b>")


def _core_files() -> list[Path]:
    return [path.relative_to(ROOT) for package in CORE for path in sorted((ROOT / package).rglob("*.py"))
            if "migrations" not in path.parts]


def _texts(path: Path) -> list[tuple[int, str]]:
    """(line, text) of the string literals of a module but its docstrings and regular expressions."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    skip, in_patterns = set(), set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and (isinstance(node.func, ast.Attribute) and isinstance(
                node.func.value, ast.Name) and node.func.value.id == "re"  # re.compile(…), re.sub(…)
                or isinstance(node.func, ast.Name) and node.func.id == "pattern"):  # grammar/patterns.py
            skip.update(id(sub) for arg in node.args for sub in ast.walk(arg))  # a pattern
            in_patterns.update(sub.id for arg in node.args for sub in ast.walk(arg)
                               if isinstance(sub, ast.Name))
    for node in ast.walk(tree):  # `_JOIN = r"(?:and)*"`, then `pattern(… + _JOIN + …)`: a pattern's part
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in in_patterns
                                                for t in node.targets):
            skip.update(id(sub) for sub in ast.walk(node.value))
    return [(node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in skip]


def _names(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    named = (ast.FunctionDef, ast.ClassDef)
    return [(node.lineno, name) for node in ast.walk(tree)
            if (name := getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "arg", None)
                or (node.name if isinstance(node, named) else None))]


def _platform_words() -> set[str]:
    words = set()
    for platform in platforms.PLATFORMS:
        words |= {platform.name.lower(), *(name.lower() for name in platform.place.names)}
    return (words | OTHER_NAMES) - PRODUCT_WORDS


def test_the_registered_platforms_are_what_the_check_looks_for():
    assert {"slack", "wecom", "企业微信", "console", "控制台"} <= _platform_words()


def test_no_platform_is_named_in_the_core():
    words = _platform_words()
    found = [f"{path}:{line} {text!r}" for path in _core_files() for line, text in _texts(path)
             for word in words if re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text, re.I)]
    assert found == []


def test_no_identifier_in_the_core_is_named_for_a_platform():
    words = _platform_words()
    found = [f"{path}:{line} {name}" for path in _core_files() for line, name in _names(path)
             if any(word in name.lower() for word in words)]
    assert found == []


def test_no_address_is_spelt_out_in_the_core():
    kinds = tuple(f"{kind.value}:" for kind in Kind)
    found = [f"{path}:{line} {text!r}" for path in _core_files() if path not in OWN_FORMAT
             for line, text in _texts(path) if text.startswith(kinds)]
    assert found == []


#: Files of `bot/` that may spell an address as text: none now.
SPELT_ELSEWHERE: set[Path] = set()


def test_no_adapter_builds_an_address_as_text():
    """The platforms build `Address`es (storage/address.py writes their text): an f-string
    starting `user:`, `channel:` … with a value after it is an address spelt by hand. (WeCom's
    `card:` delivery ids are the platform's ids for a button press, not addresses.)"""
    kinds = tuple(f"{kind.value}:" for kind in Kind)
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        path = path.relative_to(ROOT)
        if path in SPELT_ELSEWHERE:
            continue
        for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant) \
                    and str(node.values[0].value).startswith(kinds) and len(node.values) > 1:
                found.append(f"{path}:{node.lineno} {ast.unparse(node)}")
    assert [f for f in found if not f.startswith("bot/wecom/callback.py") or "card:{user}" not in f] == []


def test_no_chat_markup_is_written_in_the_core():
    found = [f"{path}:{line} {text!r}" for path in _core_files() for line, text in _texts(path)
             if MARKUP.search(text)]
    assert found == []


def test_every_sender_takes_a_typed_address():
    """An outbox row's address is read once, where the row is read (`worker/delivery.py`); the
    worker's `Sender` and every platform's sender take it as an `Address`, never as a platform,
    a workspace and text to split again."""
    senders = []
    for path in [*sorted((ROOT / "bot").rglob("*.py")), *sorted((ROOT / "worker").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith(("Sender", "Senders")):
                senders += [(path.relative_to(ROOT), node.name, f) for f in node.body
                            if isinstance(f, ast.FunctionDef) and f.name in ("send", "fix")]
    named = {cls for _, cls, _ in senders}
    assert {"SlackSender", "WeComSender", "TeamsSender", "ConsoleSender", "Sender"} <= named
    untyped = [f"{path}:{f.lineno} {cls}.{f.name}" for path, cls, f in senders
               if [(a.arg, a.annotation and ast.unparse(a.annotation))
                   for a in f.args.args[1:2]] != [("to", "Address")]]
    assert untyped == []
