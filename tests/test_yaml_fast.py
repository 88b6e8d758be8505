"""libyaml's parser (ruamel.yaml.clib) gives the loader exactly the tree ruamel's pure path gives.

`generator.load.yaml.parse` takes a fast path when ruamel.yaml.clib is installed: libyaml
scans and parses, ruamel's composer and the loader's constructor build the tree from its
events, and anything amiss is read again by the pure path. Every YAML file of the project
(the examples, the published fixtures, every malformed case) and simple mutations of the
examples (lines dropped, files cut short) are parsed both ways here; the results must be
the same: the same findings, and trees equal in every value, every type (FloatText, EMPTY,
dates, …) and every position (the line and column of each mapping, list, key, value, item).
"""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import TaggedScalar

pytest.importorskip("ruamel.yaml.cyaml", reason="ruamel.yaml.clib is not installed: parse has only the pure path")

from generator.load import libyaml
from generator.load import yaml as loader
from generator.newyear import next_year_yaml

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "data").rglob("*.yaml"))


def _utf8(path: Path) -> bool:
    """Text to parse; a file that is not UTF-8 is refused before parsing (load/files.py)."""
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


CORPUS = EXAMPLES + [p for p in sorted((REPO / "tests" / "fixtures").rglob("*.yaml")) + sorted(
    (REPO / "tests" / "malformed").glob("*.yaml")) if _utf8(p)]
# libyaml (YAML 1.1) ends a plain scalar in a flow mapping at "?" (`{fraga: Till nytta?, andel: 0.9}`),
# where YAML 1.2 goes on: such a file is read by the pure path, which reads it as 1.2.
QUESTION_IN_FLOW = {"data/sydnarke/2023.yaml", "data/exempelbygd/2024.yaml"}


def _fast(text: str) -> Any:
    """The fast path's tree, or libyaml.SLOW where parse goes on to the pure path."""
    return libyaml.tree(loader._yaml("f.yaml", fast=text), text) if libyaml.usable(text) else libyaml.SLOW


def _pure(text: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, list]:
    with monkeypatch.context() as m:
        m.setattr(libyaml, "CParser", None)
        return loader.parse(text, shown)


def _same(pure: Any, fast: Any, where: str) -> None:
    assert type(pure) is type(fast), f"{where}: {type(pure).__name__} ≠ {type(fast).__name__}"
    if hasattr(pure, "lc"):
        assert (pure.lc.line, pure.lc.col) == (fast.lc.line, fast.lc.col), where
        assert pure.lc.data == fast.lc.data, where  # each key's and value's, each item's line and column
    if isinstance(pure, dict):
        assert list(pure) == list(fast), where
        for key in pure:
            assert type(key) is type(list(fast)[list(pure).index(key)]), f"{where}: key {key!r}"
            _same(pure[key], fast[key], f"{where}.{key}")
    elif isinstance(pure, list):
        assert len(pure) == len(fast), where
        for i, (p, f) in enumerate(zip(pure, fast, strict=True)):
            _same(p, f, f"{where}[{i}]")
    elif isinstance(pure, TaggedScalar):  # `=`, which ruamel tags as a YAML 1.1 value
        assert (pure.value, pure.tag, pure.style) == (fast.value, fast.tag, fast.style), where
    else:
        assert pure == fast, where
        assert getattr(pure, "reason", None) == getattr(fast, "reason", None), where


def _both_ways(text: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    pure_tree, pure_found = _pure(text, shown, monkeypatch)
    fast_tree, fast_found = loader.parse(text, shown)
    assert fast_found == pure_found
    _same(pure_tree, fast_tree, shown)
    return fast_tree


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_file_parses_the_same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch):
    _both_ways(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)), monkeypatch)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_the_examples_take_the_fast_path(path: Path):
    """Not a test of speed: that the fast path is the one taken for ordinary files, so the
    comparison above compares two different parsers."""
    text = path.read_text(encoding="utf-8")
    slow = str(path.relative_to(REPO)) in QUESTION_IN_FLOW
    assert (_fast(text) is libyaml.SLOW) == slow


def test_a_question_mark_in_a_flow_mapping_is_read_as_yaml_1_2(monkeypatch: pytest.MonkeyPatch):
    text = "enkat:\n  - {fraga: Till nytta för dig?, andel_positiva: 0.98}\n"
    assert _fast(text) is libyaml.SLOW
    tree = _both_ways(text, "f.yaml", monkeypatch)
    assert tree["enkat"][0]["fraga"] == "Till nytta för dig?"


# Bits of YAML syntax a slip can put in the middle of a line.
FRAGMENTS = [":", ": ", "- ", "?", "? ", ",", "[", "]", "{", "}", "#", " #", "&a ", "*a", "!!str ", "|", ">", "'",
             '"', "%", "@", "`", "  ", "\n", "\\", "~", "0x1", "1.5", "2024-13-01", "...", "---", "é", "<<", "=",
             "1_000", ".inf", "  - ", ": |", ": >-", "\t", "\r\n", "\ufeff"]


def _mutations(text: str, seed: int) -> list[str]:
    """Lines dropped, doubled or cut short, bits of syntax put in, values emptied, the file cut
    off: the slips an editor makes (a differential fuzz of this kind, some 150 000 cases, found the
    differences that libyaml.UNLIKE and COMMENTED_KEY_TEXT send to the pure path)."""
    rnd = random.Random(seed)
    lines = text.splitlines(keepends=True)
    out = []
    for _ in range(16):
        i = rnd.randrange(len(lines))
        kind = rnd.choice(("drop", "double", "cut", "indent", "insert", "insert", "empty"))
        changed = list(lines)
        if kind == "drop":
            del changed[i]
        elif kind == "double":
            changed.insert(i, changed[i])
        elif kind == "cut":
            changed[i] = changed[i][: rnd.randrange(len(changed[i]) + 1)] + "\n"
        elif kind == "empty" and ": " in changed[i]:  # the value gone, a comment perhaps in its place
            changed[i] = changed[i][: changed[i].index(": ") + 1] + rnd.choice(["", "  # kommentar"]) + "\n"
        elif kind == "indent":
            changed[i] = " " * rnd.randrange(1, 4) + changed[i]
        else:
            at = rnd.randrange(len(changed[i]) + 1)
            changed[i] = changed[i][:at] + rnd.choice(FRAGMENTS) + changed[i][at:]
        out.append("".join(changed))
    out.append(text[: rnd.randrange(len(text))])
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_slips_in_the_examples_parse_the_same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch):
    text = path.read_text(encoding="utf-8")
    for n, changed in enumerate(_mutations(text, seed=len(text))):
        _both_ways(changed, f"{path.name}#{n}", monkeypatch)


def test_a_year_still_to_fill_in_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch):
    """Every amount left empty, comments kept, as `finsam new-year` writes the next year: libyaml
    marks an empty value where its key ends, ruamel where the next key begins; the fast path
    moves it there."""
    text = next_year_yaml((REPO / "data" / "halland" / "2023.yaml").read_text(encoding="utf-8"), 2024)
    assert len(re.findall(r":\n", text)) > 50
    assert _fast(text) is not libyaml.SLOW
    _both_ways(text, "2024.yaml", monkeypatch)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "<<: {a: 1}\n", "a: 1\na: 2\n", "a: [1, 2\n", "a:\n\t- 1\n",
    "? [a]\n: 1\n", "a: 1\n---\nb: 2\n", "a: \"\\q\"\n", "a: 2024-13-45\nb: 0x1F\nc: 1.50\nd:\ne: ~\n",
    "a: |\n  rad ett\n  rad två\nb: >\n  vikt\n", "a:\nb:\n  c:\n  d:\ne: 1\n",
    "a:", "a:\n  b:", "a: # c\nb:\n", "a: # c\n  text\n\nb: 1\n", "a:\n\n# c\nb: 1\n",
    "x:\n  a:\n# c\n# d\n\ny: 1\n", "x:\n  a: # c\n  # d\n\nb: 1\n", "x:\n  a:\n    # c\ny: 1\n",
    "a: # c\n  |\n    x\n\n", "- a\n-\n- [1, {b: 2}]\n", "a: 'it''s'\n", "",
    "# bara en kommentar\n", "a: b: c\n", "a:\n  - b\n c: 1\n", "'a':\n  \"b\": 1\n",
], ids=lambda t: repr(t)[:30])
def test_refusals_and_errors_are_the_pure_paths(text: str, monkeypatch: pytest.MonkeyPatch):
    """What libyaml refuses, or what the loader refuses (anchors, tags, merge keys, duplicate
    keys), is read by the pure path: the same finding at the same place."""
    _both_ways(text, "f.yaml", monkeypatch)
