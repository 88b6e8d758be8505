"""The JSON Schema editors use: generated from the model, true to the example files."""
from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from generator import schema
from generator.model import Arsfil, Forbund

from .conftest import DATA, ROOT

EXAMPLES = sorted(DATA.glob("*/*.yaml"))


def _json(value):
    """YAML data as JSON sees it (and as the YAML extension of an editor does): text dates, text keys."""
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _load(path):
    return _json(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")))


def _validator(path) -> Draft202012Validator:
    name = "forbund.schema.json" if path.name == "forbund.yaml" else "ar.schema.json"
    return Draft202012Validator(json.loads((ROOT / "schema" / name).read_text(encoding="utf-8")),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("cls,name", [(Forbund, "forbund.schema.json"), (Arsfil, "ar.schema.json")])
def test_committed_schema_is_the_generated_one(cls, name):
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema.text(cls), f"run `make schema`: schema/{name} is not what the model generates"


@pytest.mark.parametrize("path", EXAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in EXAMPLES])
def test_every_example_file_names_its_schema_and_validates(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    name = "forbund" if path.name == "forbund.yaml" else "ar"
    assert first == f"# yaml-language-server: $schema=../../schema/{name}.schema.json"
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(path).iter_errors(_load(path))]
    assert errors == []


def _first_error(path, change) -> str:
    data = copy.deepcopy(_load(path))
    change(data)
    errors = list(_validator(path).iter_errors(data))
    assert errors, "the schema accepted it"
    return f"{list(errors[0].absolute_path)}: {errors[0].message}"


def test_a_misspelt_key_is_rejected():
    path = DATA / "halland" / "2023.yaml"
    def misspell(d):
        d["balansrakning"]["kassa_bank"] = d["balansrakning"].pop("kassa_och_bank")

    message = _first_error(path, misspell)
    assert message == "['balansrakning']: Additional properties are not allowed ('kassa_bank' was unexpected)"


def test_a_misspelt_key_in_forbund_yaml_is_rejected():
    path = DATA / "halland" / "forbund.yaml"
    message = _first_error(path, lambda d: d["installningar"].update(signeringsrader=True))
    assert "'signeringsrader' was unexpected" in message


@pytest.mark.parametrize("change,expected", [
    (lambda d: d["driftredovisning"].update(enhet="Mkr"), "'Mkr' is not one of ['kr', 'tkr', 'mnkr']"),
    (lambda d: d.update(styrelsens_beslut="8 mars 2024"), "'8 mars 2024' is not a 'date'"),
    (lambda d: d["balansrakning"].update(kassa_och_bank={"rubrik": "Kassa"}), "is not valid under any of the given"),
])
def test_wrong_values_are_rejected(change, expected):
    assert expected in _first_error(DATA / "halland" / "2023.yaml", change)


def test_every_key_has_a_swedish_description():
    undocumented = []
    for cls in schema.FILES.values():
        generated = schema.generate(cls)
        for name, definition in [("(file)", generated), *generated.get("$defs", {}).items()]:
            undocumented += [f"{name}.{key}" for key, prop in definition.get("properties", {}).items()
                             if not prop.get("description")]
    assert undocumented == []
