"""The figures export: JSON shape, exact numbers, and every key documented in the README."""
from __future__ import annotations

import json
import re

import pytest

from .conftest import DATA, FORBUND, LATEST, ROOT, derive_year, run_cli

DYNAMIC = re.compile(r"^(noter\.|femar\.|jamforelsetal\.|driftredovisning\.(?!summa_)"
                     r"|medlemsavgifter\.(?!summa$|summa_andel$|andel_)"
                     r"|indikatormatning\.|mal\.(verksamhetsmal|finansiella_mal)\.\d|uppfoljning\."
                     r"|strukturaktiviteter\.(?!antal$|deltagare$)|balanskravsresultat\.underskott\."
                     r"|insatser\.(?!individinriktad\.|strukturovergripande\.|drift_och_administration\."
                     r"|verksamhetens_kostnader$|summa_andel$))")


@pytest.mark.parametrize("name", FORBUND)
def test_every_static_key_is_documented_in_the_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    keys_section = readme[readme.index("### Keys"):readme.index("## The report")]
    year = LATEST[name]
    r = derive_year(DATA / name, year)
    undocumented = []
    for key in set(r.figures[year]) | set(r.figures[year - 1]):
        if DYNAMIC.match(key):
            continue
        section, _, field = key.partition(".")
        if f"`{field}`" not in keys_section and f"`{key}`" not in keys_section:
            undocumented.append(key)
        if f"`{section}." not in keys_section:
            undocumented.append(section)
    assert not undocumented


def test_cli_prints_exact_json(tmp_path):
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    result = run_cli("figures", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["forbund"], doc["ar"], doc["jamforelsear"]) == ("sydnarke", 2023, 2022)
    assert doc["figures"]["resultatrakning.arets_resultat"] == {"2023": 308788, "2022": -350633}
    assert doc["figures"]["nyckeltal.soliditet"]["2023"] == pytest.approx(0.189091)
    # Entered as 2611000.00: whole kronor come out as whole numbers.
    assert '"medlemsavgifter.staten.belopp": {"2023": 2611000, "2022": 2617000}' in result.stdout


def test_amounts_with_ore_keep_their_decimals():
    from decimal import Decimal

    from generator.figures import _number

    assert _number("resultatrakning.arets_resultat", Decimal("1234.50")) == "1234.50"
    assert _number("resultatrakning.arets_resultat", Decimal("-0.05")) == "-0.05"
    assert _number("nyckeltal.soliditet", Decimal(2) / Decimal(3)) == "0.666667"


def test_figures_of_a_year_with_errors_say_so(tmp_path):
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    year = tmp_path / "data" / "halland" / "2023.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("{text: Skattekonto, belopp: 44151}", "{text: Skattekonto, belopp: 44152}"),
                    encoding="utf-8")
    result = run_cli("figures", "--forbund", "halland", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout)["ar"] == 2023
    assert "balansräkningen 2023 balanserar inte" in result.stderr and "[E-BALANS]" in result.stderr


def test_figures_needs_one_forbund(tmp_path):
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    result = run_cli("figures", cwd=tmp_path)
    assert result.returncode == 2
    assert "figures: ange ett enda förbund med --forbund (FORBUND=… för make)" in result.stderr


def test_readme_key_list_is_the_generated_one():
    from generator.keys import readme_with_keys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_keys(readme), "run `make schema` to rewrite the README's key list"


@pytest.mark.parametrize("name", FORBUND)
def test_every_exported_key_has_a_label_and_format(name):
    from generator.keys import lookup

    year = LATEST[name]
    r = derive_year(DATA / name, year)
    assert [k for y in (year, year - 1) for k in r.figures[y] if lookup(k) is None] == []
