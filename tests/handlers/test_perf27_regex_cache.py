"""`handlers/grammar/regex_cache.py`: a pattern compiled by an earlier process is made from the code
it kept, and reads text exactly as `re.compile` of the same source does; a cache that is not this
Python's, or that the engine refuses, is compiled again; nothing is written where Python writes
no bytecode."""
import marshal
import re
import sys

import pytest

from handlers.grammar import regex_cache

SOURCES = [(r"(?P<num>\d[\d,.]*)\s*(?P<unit>k|万|千)?", re.I),
           (r"(?<![A-Za-z])(?:拜访|visit)\s+(?P<who>[A-Za-z\u3400-\u9fff]+)", 0),
           (r"^(?:no+|nah)(?:[\s,.!]+(.*))?$", re.I | re.S)]
TEXTS = ["visit Acme 50k", "拜访 华为 3万", "NOOO, not that", "Visit ÉCOLE 1,200 K"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache of its own, in `tmp_path`."""
    monkeypatch.setattr(regex_cache, "_PATH", tmp_path / "regex_cache.patterns")
    monkeypatch.setattr(regex_cache, "_kept", None)
    monkeypatch.setattr(regex_cache, "_new", 0)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "regex_cache.patterns"


def _reads_as_re_compile(made: re.Pattern, source: str, flags: int) -> None:
    plain = re.compile(source, flags)
    assert (made.pattern, made.flags, made.groups, made.groupindex) == \
        (plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for text in TEXTS:
        assert [m.groups() for m in made.finditer(text)] == [m.groups() for m in plain.finditer(text)]
        assert made.sub("<>", text) == plain.sub("<>", text)


def test_a_pattern_kept_by_one_process_is_made_from_its_code_by_the_next(cache):
    for source, flags in SOURCES:
        _reads_as_re_compile(regex_cache.compiled(source, flags), source, flags)
    regex_cache._write()  # what the first process does at its exit
    stamp, kept = marshal.loads(cache.read_bytes())
    assert stamp == regex_cache.STAMP and set(kept) == {(s, int(f)) for s, f in SOURCES}
    regex_cache._kept = None  # the next process
    for source, flags in SOURCES:
        _reads_as_re_compile(regex_cache.compiled(source, flags), source, flags)
    assert regex_cache._new == len(SOURCES)  # compiled once, by the first


def test_another_pythons_cache_is_not_read(cache):
    source, flags = SOURCES[0]
    cache.write_bytes(marshal.dumps((("2.7", 1), {(source, int(flags)): (0, [1, 2, 3], 0, {}, ())})))
    assert regex_cache._loaded() == {}
    _reads_as_re_compile(regex_cache.compiled(source, flags), source, flags)


def test_code_the_engine_refuses_is_compiled_again(cache):
    source, flags = SOURCES[1]
    regex_cache._loaded()[(source, flags)] = (flags, [999999, 1], 0, {}, ())
    _reads_as_re_compile(regex_cache.compiled(source, flags), source, flags)


def test_nothing_is_written_where_python_writes_no_bytecode(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    regex_cache.compiled(*SOURCES[2])
    regex_cache._write()
    assert not cache.exists()


def test_a_python_whose_compiler_steps_differ_compiles_as_usual_and_keeps_nothing(cache, monkeypatch):
    monkeypatch.delattr(regex_cache._compiler, "_code")  # as a later CPython might name it
    for source, flags in SOURCES:
        _reads_as_re_compile(regex_cache.compiled(source, flags), source, flags)
    assert regex_cache._new == 0
