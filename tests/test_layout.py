"""The layout keeps its rules (docs/architecture.md): imports point down, no import circles, no
module longer than a screenful or two (`LONGEST` lines).

Read from the source with `ast`, as Python would run it: every import counts, the ones inside a
function too (a lazy import closes a circle just the same, later), but not those under
`if TYPE_CHECKING:` (never run).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("handlers", "storage", "worker", "crm", "bot")
PLATFORM_LIBRARIES = {"slack_bolt", "slack_sdk", "wechatpy", "microsoft_agents", "msal"}

#: Imports that close a circle, each with why it is still there. A new circle fails the test; an
#: entry here that no longer exists does too, so the list only shrinks.
KNOWN_CIRCLES: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for top in PACKAGES:
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """The project modules `path` imports, anywhere in it but under `if TYPE_CHECKING:`."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.update(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES
                         else node.module for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return names


def _graph() -> dict[str, set[str]]:
    graph = {}
    for name, path in MODULES.items():
        targets = set()
        for imported in _imports(path):
            while imported and imported not in MODULES:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return circles


def _described(circle: list[str], graph: dict[str, set[str]]) -> str:
    inside = set(circle)
    return "\n".join(f"{name} -> {', '.join(sorted(graph[name] & inside))}" for name in circle)


GRAPH = _graph()


@pytest.mark.parametrize("package", ["handlers", "storage", "worker", "crm", "bot"])
def test_no_import_circle(package):
    graph = {name: {t for t in targets if t.split(".")[0] == package and (name, t) not in KNOWN_CIRCLES}
             for name, targets in GRAPH.items() if name.split(".")[0] == package}
    circles = _circles(graph)
    assert not circles, "\n\n".join(_described(circle, graph) for circle in circles)


#: The most lines a module of the product has (issue #25: a module says one thing; one that grows past
#: this is split by what its parts say, as handlers/grammar/task_moved.py was out of parse_tasks.py)
LONGEST = 350


def test_no_module_is_longer_than_longest():
    long = {name: lines for name, path in MODULES.items()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST}
    assert not long, f"split by what their parts say: {long}"


def test_no_module_imports_another_ones_private_name():
    """A name with a leading underscore is its module's own: one another module needs is made public
    (named for what it says), never reached into."""
    reached = sorted(f"{name}: from {node.module} import {alias.name}"
                     for name, path in MODULES.items()
                     for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.ImportFrom) and not node.level and node.module
                     and node.module.split(".")[0] in PACKAGES
                     for alias in node.names if alias.name.startswith("_"))
    assert not reached, "\n".join(reached)


def test_each_known_circle_is_still_a_circle():
    for importer, imported in KNOWN_CIRCLES:
        assert imported in GRAPH[importer], f"{importer} no longer imports {imported}: drop it from the list"
        assert any(importer in circle and imported in circle for circle in _circles(GRAPH)), (
            f"{importer} -> {imported} closes no circle any more: drop it from the list")


def test_a_circle_is_found():
    """The checker itself: a made-up circle of three modules, one of them lazy."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


#: package -> the top-level packages it must never import (imports point down)
BELOW = {
    "handlers": {"bot", "worker", "crm"},
    "storage": {"handlers", "bot", "worker", "crm"},
    "worker": {"bot"},
    "crm": {"bot", "worker"},
}


@pytest.mark.parametrize("package", sorted(BELOW))
def test_imports_point_down_and_name_no_platform_library(package):
    upward = sorted(f"{name} imports {imported}" for name, path in MODULES.items()
                    if name.split(".")[0] == package
                    for imported in _imports(path)
                    if imported.split(".")[0] in BELOW[package] | PLATFORM_LIBRARIES)
    assert not upward, upward


def test_rules_are_pure_and_the_string_table_imports_no_handler():
    """`handlers/rules/` uses only other rules and the grammar's plain values; the string table
    (which everything imports) imports only its areas' tables, which import nothing."""
    for name in MODULES:
        if name.startswith("handlers.rules."):
            outside = {m for m in GRAPH[name] if m.startswith("handlers.")
                       and not m.startswith(("handlers.rules.", "handlers.grammar."))}
            assert not outside, f"{name} imports {sorted(outside)}"
    strings = {m for m in GRAPH["handlers.text.strings"]
               if m.startswith("handlers.") and not m.startswith("handlers.text.tables.")}
    assert not strings, sorted(strings)
    for name in MODULES:
        if name.startswith("handlers.text.tables."):
            assert not {m for m in GRAPH[name] if m.startswith("handlers.")}, name


def test_the_grammar_imports_no_use_case():
    """An intent's words, parser and usage (quoted in every refusal) are read without loading a
    use case: `handlers/use_cases.py` is where commands meet the functions that run them."""
    for name in MODULES:
        if name.startswith("handlers.grammar."):
            above = {m for m in GRAPH[name] if m.startswith("handlers.") and not m.startswith(
                ("handlers.grammar.", "handlers.rules.", "handlers.text.", "handlers.places"))}
            assert not above, f"{name} imports {sorted(above)}"


#: SQLAlchemy's statement builders, and what a session is asked to run or remove directly
STATEMENTS = {"select", "insert", "update", "delete"}
SESSION_CALLS = {"execute", "delete", "query"}


def _queries(source: str) -> list[str]:
    """The database work a module does itself: a call of SQLAlchemy's `select`, `insert`, `update`
    or `delete` (imported by name, or through the module: `sa.select`), and a session's `execute`,
    `delete` or `query` (`session.execute(…)`, `ctx.session.delete(…)`), each as `line: call`."""
    tree = ast.parse(source)
    builders, modules = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sqlalchemy":
            builders.update(alias.asname or alias.name for alias in node.names if alias.name in STATEMENTS)
        elif isinstance(node, ast.Import):
            modules.update(alias.asname or alias.name for alias in node.names
                           if alias.name.split(".")[0] == "sqlalchemy")
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        call = node.func
        if isinstance(call, ast.Name) and call.id in builders \
                or isinstance(call, ast.Attribute) and call.attr in STATEMENTS \
                and ast.unparse(call.value) in modules \
                or isinstance(call, ast.Attribute) and call.attr in SESSION_CALLS \
                and ast.unparse(call.value).rpartition(".")[2].endswith("session"):
            found.append(f"{node.lineno}: {ast.unparse(call)}(…)")
    return found


def test_handlers_leave_the_queries_to_the_repositories():
    """Issue #25: a handler asks `storage/` for what it needs (a repository function named for what
    it returns); it builds no statement and runs none on the session itself. `session.get(Model,
    id)`, `session.add` and `session.flush` are the unit of work's, not queries."""
    querying = {name: found for name, path in MODULES.items() if name.split(".")[0] == "handlers"
                if (found := _queries(path.read_text(encoding="utf-8")))}
    assert not querying, "\n".join(f"{name}: {', '.join(found)}" for name, found in sorted(querying.items()))


@pytest.mark.parametrize("source", [
    "from sqlalchemy import select\ndef f(s):\n    return s.scalars(select(X))",
    "import sqlalchemy as sa\ndef f(s):\n    return s.scalars(sa.update(X))",
    "from sqlalchemy.dialects.postgresql import insert as pg_insert\nq = pg_insert(X)",
    "def f(ctx, x):\n    ctx.session.delete(x)",
    "def f(session):\n    session.execute(q)",
    "def f(self):\n    self.session.query(X).first()",
])
def test_a_query_in_a_handler_is_found(source):
    """The checker itself: each way a module can query the database on its own."""
    assert _queries(source)


def test_a_plain_update_or_insert_is_no_query():
    """A dict's `update`, a list's `insert`, a set's `update`: not SQLAlchemy's."""
    assert not _queries("def f(d, xs):\n    d.update(a=1)\n    xs.insert(0, 2)\n    return d.get(1)")


def test_a_test_run_keeps_its_data_out_of_the_checkout():
    """Settings built in a test (a CRM secret key, a CLI's database) write to the run's own folder
    (conftest.py), never the checkout's `data/`; conftest.py also fails a run that leaves a file."""
    from bot.settings import Settings

    data = Settings().data_dir.resolve()
    assert data != ROOT and ROOT not in data.parents, data


def test_no_test_probes_a_port_free_and_lets_it_go():
    """A port found free and closed can be taken by another process before a server binds it: a
    server binds port 0 itself and says which it got (`support.WebProcess`), or the socket is kept."""
    probing = [path.name for path in (ROOT / "tests").rglob("*.py")
               if "def free_port" in path.read_text(encoding="utf-8")
               or "free_port(" in path.read_text(encoding="utf-8")]
    assert probing == [path.name for path in [Path(__file__)]]  # this test's own words only
