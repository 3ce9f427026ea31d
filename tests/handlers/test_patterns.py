"""`handlers/grammar/patterns.py`: a module-level pattern is compiled by its first use, and then
reads text exactly as `re.compile` of the same source does."""
import re

from handlers.grammar.patterns import Pattern, pattern


def test_a_pattern_is_compiled_by_its_first_use_only():
    due = pattern(r"^(?P<title>.+?)\s+by\s+(?P<due>\S+)$", re.I)
    assert isinstance(due, Pattern) and "_compiled" not in vars(due)
    assert due.match("send quote BY fri")["due"] == "fri"
    assert "_compiled" in vars(due) and vars(due)["match"] == vars(due)["_compiled"].match


def test_a_pattern_reads_as_re_compile_does():
    source, text = r"(\d+)\s*(k|万)", "50k, 3 万 and 7"
    lazy, compiled = pattern(source), re.compile(source)
    assert lazy.findall(text) == compiled.findall(text) == [("50", "k"), ("3", "万")]
    assert lazy.sub(r"<\1>", text) == compiled.sub(r"<\1>", text)
    assert lazy.split(text) == compiled.split(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search("no digits") is None and lazy.groups == 2
    assert lazy.pattern == source
