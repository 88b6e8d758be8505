"""Property tests: generated förbund-years (tests/strategies.py) through the real pipeline.

- A consistent förbund-year passes `check` without errors and renders (HTML; the PDF for
  two examples, marked slow).
- Control totals taken from the derived figures pass; changing any one of them makes
  exactly one finding fire, with its key, at its line.
- The figures export satisfies every identity (tests/identities.py), for generated data
  and for both examples.

The "ci" profile (the default) is derandomized, so `make test` draws the same examples
every run; `HYPOTHESIS_PROFILE=dev` draws new ones.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import Outcome, build_year, check_year, render_report

from .conftest import DATA, FORBUND, LATEST, derive_year
from .identities import broken, export
from .strategies import ForbundYear, forbund_years, write

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Warnings a consistent year may still give: the generator draws eget kapital freely.
ALLOWED_WARNINGS = {"W-EK-TAK"}


@contextmanager
def folder_of(generated: ForbundYear) -> Iterator[tuple[Path, Path]]:
    """The generated förbund written to data/prov/ of a fresh temporary base."""
    with tempfile.TemporaryDirectory(prefix="finsam-prop-") as tmp:
        folder = Path(tmp) / "data" / "prov"
        write(folder, generated)
        yield folder, Path(tmp)


def checked(generated: ForbundYear) -> Outcome:
    with folder_of(generated) as (folder, base):
        return check_year(folder, generated.year, base=base)


def unexpected(outcome: Outcome) -> list[str]:
    return [str(f) for f in outcome.findings if f.severity == "error" or f.code not in ALLOWED_WARNINGS]


@settings(max_examples=25)
@given(forbund_years())
def test_a_consistent_year_passes_check_and_renders(generated):
    outcome = checked(generated)
    assert outcome.report is not None and unexpected(outcome) == [], generated.files()
    figures = outcome.report.figures[generated.year]
    assert {k: figures[k] for k in generated.expected} == generated.expected
    html = render_report(outcome.report)
    assert html.count("<h1") == 1 and generated.forbund["namn"] in html


@pytest.mark.slow
@settings(max_examples=2)
@given(forbund_years())
def test_a_consistent_year_prints(generated):
    with folder_of(generated) as (folder, base), tempfile.TemporaryDirectory() as out:
        outcome = build_year(folder, Path(out), generated.year, pdf=True, base=base)
        assert unexpected(outcome) == []
        pdf = Path(out) / f"prov-{generated.year}.pdf"
        assert [p.name for p in outcome.written] == [f"prov-{generated.year}.html", pdf.name]
        assert pdf.read_bytes().startswith(b"%PDF-") and b"%%EOF" in pdf.read_bytes()[-1024:]


def _amounts(outcome: Outcome) -> dict[str, Decimal]:
    """Every figure of the report year a control total can name: amounts in kronor and öre."""
    assert outcome.report is not None
    year = outcome.report.year
    return {k: v[year] for k, v in export(outcome.report).items()
            if year in v and v[year] == v[year].quantize(Decimal("0.01"))}


nonzero = st.one_of(st.integers(1, 10**9), st.integers(1, 99).map(lambda n: Decimal(n) / 100))


@settings(max_examples=40)
@given(forbund_years(), st.data())
def test_control_totals_pass_and_one_changed_total_is_one_finding(generated, data):
    first = checked(generated)
    baseline = sorted(map(str, first.findings))
    amounts = _amounts(first)
    chosen = data.draw(st.lists(st.sampled_from(sorted(amounts)), min_size=1, max_size=8, unique=True))
    controlled = generated.with_kontrollsummor({k: amounts[k] for k in chosen})
    assert sorted(map(str, checked(controlled).findings)) == baseline

    victim = data.draw(st.sampled_from(chosen))
    delta = data.draw(nonzero) * data.draw(st.sampled_from([1, -1]))
    changed = generated.with_kontrollsummor({k: amounts[k] + (delta if k == victim else 0) for k in chosen})
    new = [f for f in checked(changed).findings if str(f) not in baseline]
    assert len(new) == 1, [str(f) for f in new]
    assert new[0].code == "E-KONTROLL" and new[0].severity == "error"
    assert new[0].pos.path == f"data/prov/{generated.year}.yaml"
    assert new[0].pos.line == changed.line_of(victim), changed.year_text()
    assert victim in new[0].message


@settings(max_examples=60)
@given(forbund_years())
def test_the_export_of_a_generated_year_satisfies_every_identity(generated):
    outcome = checked(generated)
    assert outcome.report is not None
    table = export(outcome.report)
    assert broken(table, generated.year) == []
    if generated.fjol is not None:  # last year's column comes from a file too
        assert broken(table, generated.year - 1, previous=False) == []


@pytest.mark.parametrize(("forbund", "year"), [(name, year) for name in FORBUND
                                                for year in (LATEST[name] - 1, LATEST[name])])
def test_the_export_of_the_examples_satisfies_every_identity(forbund, year):
    report = derive_year(DATA / forbund, year)
    table = export(report)
    assert broken(table, year) == []
    if report.fjol is not None:
        assert broken(table, year - 1, previous=False) == []


def test_the_identities_catch_a_wrong_figure():
    """The checker itself: one figure of the export changed breaks the identities it is part of."""
    table = export(derive_year(DATA / "halland", 2023))
    table["balansrakning.kassa_och_bank"][2023] += 1
    problems = broken(table, 2023)
    assert any("summa_omsattningstillgangar" in p for p in problems)
    assert any("likvida_medel_vid_arets_slut" in p for p in problems)
    table = export(derive_year(DATA / "halland", 2023))
    varav = "noter.verksamhetens_kostnader.lokalkostnader.varav.driftkostnader"
    table[varav][2023] += 1
    assert broken(table, 2023) == ["2023 noter.verksamhetens_kostnader.lokalkostnader = "
                                   "noter.verksamhetens_kostnader.lokalkostnader.varav.driftkostnader + "
                                   "noter.verksamhetens_kostnader.lokalkostnader.varav.projektkostnader: "
                                   "-1757563 != -1757562"]
    table = export(derive_year(DATA / "sydnarke", 2023))
    table["driftredovisning.summa_budget"][2023] -= 5
    assert "2023 summa avvikelse: 191620 != 191625" in broken(table, 2023)
