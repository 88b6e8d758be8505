"""Guard rails on the code's shape: small modules, short functions, a reason where one is long.

A module over 300 lines or a function over 40 lines is allowed only with a comment
starting `# Long:` in it that says why; otherwise split it.
"""
from __future__ import annotations

import ast
import re

from .conftest import ROOT

MODULE_LINES, FUNCTION_LINES = 300, 40
SOURCES = sorted((ROOT / "generator").rglob("*.py")) + sorted((ROOT / "bench").glob("*.py"))


def _reasoned(lines: list[str]) -> bool:
    return any(line.strip().startswith("# Long:") for line in lines)


def test_modules_are_small():
    big = [f"{p.relative_to(ROOT)}: {n} lines" for p in SOURCES
           if (n := len(lines := p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES and not _reasoned(lines)]
    assert big == []


def test_functions_are_short():
    long = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno:
                body = lines[node.lineno - 1: node.end_lineno]
                if len(body) > FUNCTION_LINES and not _reasoned(body):
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {len(body)} lines")
    assert long == []


def test_readme_layout_table_names_every_module():
    """The README's 'Layout of the code' names every package and top-level module of generator/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("<!-- layout:start -->"):readme.index("<!-- layout:end -->")]
    named = set(re.findall(r"`(generator/[a-z_]+(?:\.py|/))`", table))
    package = ROOT / "generator"
    here = {f"generator/{p.name}/" for p in package.iterdir() if (p / "__init__.py").exists()}
    here |= {f"generator/{p.name}" for p in package.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    assert named == here
