"""The formatter (`finsam fmt`, `make fmt`): canonical form, idempotence, --check, and what it never does."""
from __future__ import annotations

import dataclasses
import importlib
import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from generator import cli, model
from generator.figures import to_json
from generator.fmt import canonical
from generator.fmt.canon import kind_of
from generator.fmt.ordning import ORDNING
from generator.pipeline import check_year

from .conftest import DATA
from .strategies import forbund_years

EXAMPLES = sorted(DATA.glob("*/*.yaml"))
YEARS = [(p.parent.name, int(p.stem)) for p in EXAMPLES if p.stem.isdigit()]


def fmt(text: str, kind: str = "forbund") -> str:
    result, findings = canonical(text, kind, "x.yaml")
    assert findings == []
    return result


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_is_canonical_and_formatting_it_again_changes_nothing(path):
    text = path.read_text(encoding="utf-8")
    once, findings = canonical(text, kind_of(path.name), str(path))
    assert findings == []
    assert once == text
    assert canonical(once, kind_of(path.name), str(path)) == (once, [])


def _messy(text: str) -> str:
    """The same data written otherwise: four spaces, lists flush, every plain text in single quotes."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=4, sequence=4, offset=0)
    yaml.width = 4096
    tree = yaml.load(text)
    stack = [tree]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, value in list(items):
            if type(value) is str and value and "\n" not in value:
                node[key] = SingleQuotedScalarString(value)
            stack.append(value)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_an_example_written_messily_formats_back_to_itself(path):
    text = path.read_text(encoding="utf-8")
    messy = _messy(text)
    assert messy != text
    assert fmt(messy, kind_of(path.name)) == text


@pytest.mark.parametrize(("forbund", "year"), YEARS)
def test_the_figures_of_every_example_year_are_the_same_after_formatting_a_messy_copy(tmp_path, forbund, year):
    folder = tmp_path / "data" / forbund
    shutil.copytree(DATA / forbund, folder)
    for path in folder.glob("*.yaml"):
        path.write_text(_messy(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert cli.main(["--data", str(tmp_path / "data"), "fmt", "--forbund", forbund]) == 0
    for path in folder.glob("*.yaml"):
        assert path.read_bytes() == (DATA / forbund / path.name).read_bytes()
    before, after = check_year(DATA / forbund, year), check_year(folder, year)
    assert before.report is not None and after.report is not None
    assert to_json(after.report, after.forbund) == to_json(before.report, before.forbund)


MESSY = """\
# A förbund written by hand.
sate: 'Halmstad'     # the seat
# The members, in the user's own order.
medlemmar:
-   typ: "staten"
    namn: Staten
-   fordelningsnyckel: 1_000
    namn: 'Vår kommun'
    typ: kommun
revisorer:
- utsedd_av: Alla
  namn: "A: B"
organisationsnummer: 222000-0000
styrelse:
  - {roll: Ordförande, namn: 'Anna, Berg'}
namn: "Samordningsförbundet Prov"
verksamhetside: >-
  Samverkan,
  för alla.
installningar:
    eget_kapital_tak: 0.1_5
    # What the report shows first.
    aret_i_korthet: ['resultat', eget_kapital]
historik:
    2021: {eget_kapital: +1_200_000, verksamhetens_intakter: 10_000_000}
    2020: {verksamhetens_intakter: 9000000.50}
"""

CANONICAL = """\
# A förbund written by hand.
namn: Samordningsförbundet Prov
organisationsnummer: "222000-0000"
sate: Halmstad       # the seat
verksamhetside: >-
  Samverkan,
  för alla.
# The members, in the user's own order.
medlemmar:
  - namn: Staten
    typ: staten
  - namn: Vår kommun
    typ: kommun
    fordelningsnyckel: 1000
styrelse:
  - {namn: "Anna, Berg", roll: Ordförande}
revisorer:
  - namn: "A: B"
    utsedd_av: Alla
installningar:
  eget_kapital_tak: 0.15
  # What the report shows first.
  aret_i_korthet: [resultat, eget_kapital]
historik:
  2021: {verksamhetens_intakter: 10000000, eget_kapital: 1200000}
  2020: {verksamhetens_intakter: 9000000.50}
"""


def test_a_messy_file_gets_the_canonical_form_with_its_comments_kept():
    assert fmt(MESSY) == CANONICAL
    assert fmt(CANONICAL) == CANONICAL


def test_a_comment_above_a_key_moves_with_it_and_the_files_heading_stays():
    year = (DATA / "halland" / "2023.yaml").read_text(encoding="utf-8")
    fees = year[year.index("\nmedlemsavgifter:"):year.index("\nresultatrakning:")]
    moved = year.replace(fees, "", 1).replace("\ninvesteringar:", "\n# The members' fees." + fees + "\ninvesteringar:")
    result = fmt(moved, "ar")
    assert result == year.replace("\nmedlemsavgifter:", "\n# The members' fees.\nmedlemsavgifter:", 1)


def test_a_file_that_does_not_load_is_left_as_it_is_with_the_loaders_findings():
    text = "namn: Prov\nsate: 'Halmstad\n"
    assert canonical(text, "forbund", "data/prov/forbund.yaml")[0] == text
    findings = canonical(text, "forbund", "data/prov/forbund.yaml")[1]
    assert [f.code for f in findings] == ["E-YAML"]
    assert str(findings[0]).startswith("data/prov/forbund.yaml:2:")
    unknown = CANONICAL.replace("sate:", "satee:")
    result, findings = canonical(unknown, "forbund", "f.yaml")
    assert result == unknown
    assert "satee" in findings[0].message


@pytest.fixture
def halland(tmp_path, monkeypatch):
    """A copy of Halland under data/ of a fresh working folder."""
    shutil.copytree(DATA / "halland", tmp_path / "data" / "halland")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "halland"


def test_fmt_writes_only_the_file_that_changes_and_says_so(halland, capsys):
    path = halland / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("antal_anstallda: 5", "antal_anstallda: +5"),
                    encoding="utf-8")
    untouched = {p.name: p.stat().st_mtime_ns for p in halland.glob("*.yaml") if p != path}
    assert cli.main(["fmt", "--forbund", "halland"]) == 0
    assert capsys.readouterr().out == "formaterade data/halland/2023.yaml\n"
    assert path.read_bytes() == (DATA / "halland" / "2023.yaml").read_bytes()
    assert {p.name: p.stat().st_mtime_ns for p in halland.glob("*.yaml") if p != path} == untouched
    assert sorted(p.name for p in halland.iterdir()) == sorted(p.name for p in (DATA / "halland").iterdir())


def test_fmt_of_canonical_files_writes_nothing(halland, capsys):
    before = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in halland.iterdir()}
    assert cli.main(["fmt"]) == 0
    assert capsys.readouterr().out == ""
    assert {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in halland.iterdir()} == before


def test_fmt_check_names_the_first_differing_line_and_changes_nothing(halland, capsys):
    path = halland / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  ort: Halmstad", '  ort: "Halmstad"'),
                    encoding="utf-8")
    written = path.read_bytes()
    assert cli.main(["fmt", "--check"]) == 1
    assert capsys.readouterr().out == (
        'data/halland/2023.yaml:8:1: fel: filen är inte i kanonisk form från rad 8: här står »ort: "Halmstad"«, i '
        'kanonisk form »ort: Halmstad«; kör make fmt (finsam fmt) för att skriva om den [E-FORMAT]\n')
    assert path.read_bytes() == written
    assert cli.main(["fmt", "--check", "--forbund", "halland"]) == 1
    capsys.readouterr()
    assert cli.main(["fmt", "--forbund", "halland"]) == 0
    assert cli.main(["fmt", "--check", "--forbund", "halland"]) == 0


def test_fmt_with_a_year_touches_only_that_years_file(halland, capsys):
    for name in ("forbund.yaml", "2022.yaml", "2023.yaml"):
        path = halland / name
        path.write_text(path.read_text(encoding="utf-8").replace("\n  ", "\n    "), encoding="utf-8")
    assert cli.main(["fmt", "--check", "--year", "2022"]) == 1
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["data/halland/2022.yaml"]
    assert cli.main(["fmt", "--year", "2022"]) == 0
    assert capsys.readouterr().out == "formaterade data/halland/2022.yaml\n"
    assert (halland / "2022.yaml").read_bytes() == (DATA / "halland" / "2022.yaml").read_bytes()
    assert (halland / "2023.yaml").read_bytes() != (DATA / "halland" / "2023.yaml").read_bytes()


def test_fmt_leaves_a_file_that_does_not_load_as_it_is_and_exits_1(halland, capsys):
    path = halland / "forbund.yaml"
    text = path.read_text(encoding="utf-8").replace("sate: Halmstad", "sate: Halmstad\nsäte: Halmstad")
    path.write_text(text, encoding="utf-8")
    assert cli.main(["fmt"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("data/halland/forbund.yaml:7:1: fel: ")
    assert "formaterade" not in out
    assert path.read_text(encoding="utf-8") == text


def test_the_declared_key_orders_name_fields_of_their_classes():
    modules = [importlib.import_module(f"generator.model.{name}") for name in model.MODULES]
    classes = {c.__name__: c for m in modules for c in vars(m).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c)}
    for name, order in ORDNING.items():
        fields = [f.name for f in dataclasses.fields(classes[name]) if f.init]
        assert set(order) <= set(fields), name
        assert len(set(order)) == len(order), name


@pytest.mark.slow  # about 20 s: kept out of the quick loop, like the other property tests
@settings(max_examples=15, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(forbund_years())
def test_a_generated_file_formats_to_the_same_model_and_formatting_again_changes_nothing(generated):
    for name, text in generated.files().items():
        if not name.endswith(".yaml"):
            continue
        once = fmt(text, kind_of(name))
        assert fmt(once, kind_of(name)) == once
