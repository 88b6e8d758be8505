"""JSON Schema of forbund.yaml and of a year file, generated from the model (`make schema`).

Editors read it through the `# yaml-language-server: $schema=…` line at the top of each
data file: VS Code's YAML extension then completes keys, shows each key's Swedish
description, and marks a misspelt key while it is typed. The schema is never written by
hand: pydantic generates it from the same dataclasses and value kinds the loader
validates with, and the descriptions are the fields' docstrings in `generator/model.py`.
"""
from __future__ import annotations

import ast
import functools
import importlib
import inspect
import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from . import model
from .paths import ROOT, SCHEMA

FILES: dict[str, type[model.Node]] = {"forbund.schema.json": model.Forbund, "ar.schema.json": model.Arsfil}
MODELINE = "# yaml-language-server: $schema={path}"


@functools.cache
def field_docs() -> dict[str, dict[str, str]]:
    """Each model class's field docstrings: {class name: {field: text}}."""
    out: dict[str, dict[str, str]] = {}
    modules = [importlib.import_module(f"{model.__name__}.{name}") for name in model.MODULES]
    trees = [ast.parse(inspect.getsource(module)) for module in modules]
    for cls in (node for tree in trees for node in tree.body if isinstance(node, ast.ClassDef)):
        docs = out.setdefault(cls.name, {})
        for field, after in itertools.pairwise(cls.body):
            if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                docs[field.target.id] = " ".join(after.value.value.split())
    return out


def describe(cls: type, schema: dict[str, Any]) -> None:
    """Put the class's and its fields' Swedish descriptions into its JSON Schema."""
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    docs = field_docs().get(cls.__name__, {})
    for name, prop in schema.get("properties", {}).items():
        if name in docs:
            prop["description"] = docs[name]


class FinsamSchema(GenerateJsonSchema):
    """The schema as the YAML is written: no null for an optional key, no titles."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        # A key left empty is refused by the loader; an optional key is one that may be left out.
        return self.generate_inner(schema["schema"])

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        if json_schema.get("default") in (None, [], {}):
            json_schema.pop("default", None)
        return json_schema

    def encode_default(self, dft: Any) -> Any:
        # An amount's default (Decimal 0) is a number in the file, not the text "0".
        return int(dft) if isinstance(dft, Decimal) and dft == dft.to_integral_value() else super().encode_default(dft)


def generate(cls: type) -> dict[str, Any]:
    schema = TypeAdapter(cls).json_schema(schema_generator=FinsamSchema)
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)
    schema.pop("title", None)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def text(cls: type) -> str:
    return json.dumps(generate(cls), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(folder: Path = SCHEMA) -> list[Path]:
    """Write every schema file; `make schema`."""
    folder.mkdir(exist_ok=True)
    written = []
    for name, cls in FILES.items():
        (folder / name).write_text(text(cls), encoding="utf-8")
        written.append(folder / name)
    return written


def write_readme_keys(readme: Path = ROOT / "README.md") -> Path:
    """The README's list of figure keys, from generator/keys.py."""
    from .keys import readme_with_keys

    readme.write_text(readme_with_keys(readme.read_text(encoding="utf-8")), encoding="utf-8")
    return readme


if __name__ == "__main__":
    for path in [*write(), write_readme_keys()]:
        print(f"wrote {path}")
