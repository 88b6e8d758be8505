"""The orchestrator: every förbund's findings reach the user, whatever another förbund's files hold."""
from __future__ import annotations

import shutil

from generator.pipeline import check_forbund, check_year

from .conftest import DATA, run_cli


def test_an_unreadable_narrative_loses_no_other_finding(tmp_path):
    """One förbund's 2023.md in Latin-1: its error, the other förbund's findings and the summary all print."""
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "sydnarke" / "2023.md").write_bytes("## Organisation\nFörbundet\n".encode("latin-1"))
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2
    assert ("data/sydnarke/2023.md:2:2: fel: filen är inte giltig UTF-8 (byte 0xf6) (den ser ut att vara sparad som "
            "Latin-1 eller Windows-1252, där å, ä och ö lagras annorlunda); spara den som UTF-8 i din editor (i "
            "Anteckningar: Spara som → Kodning: UTF-8) [E-UTF8]") \
        in result.stdout
    # Halland's own finding (its 2022 equity above the ceiling) is still reported …
    assert "data/halland/2022.yaml:91:1: varning: eget kapital 5 480 534 kr" in result.stdout
    # … and the summary line, with the error counted.
    assert result.stderr.strip().endswith("1 fel, 1 varning")
    assert "Traceback" not in result.stdout + result.stderr


def test_a_forbund_is_derived_once_for_all_its_years(monkeypatch):
    from generator import pipeline

    calls = []
    real = pipeline.derive_forbund
    monkeypatch.setattr(pipeline, "derive_forbund", lambda source: calls.append(source.name) or real(source))
    outcomes = check_forbund(DATA / "halland", every_year=True)
    assert [o.year for o in outcomes] == [2022, 2023] and calls == ["halland"]
    assert all(o.usable for o in outcomes)


def test_a_year_without_a_file_is_a_finding_not_an_exception():
    outcome = check_year(DATA / "halland", 2019)
    assert outcome.report is None
    assert [f.message for f in outcome.findings] == [
        "det finns ingen 2019.yaml för det här förbundet; år med en fil: 2022, 2023"]


def test_findings_come_in_the_order_of_files_and_lines(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    folder = tmp_path / "data" / "sydnarke"
    (folder / "2023.md").write_text("Lös text\n## Organisation\nA {{ nyckeltal.nope }}\n", encoding="utf-8")
    text = (folder / "2023.yaml").read_text(encoding="utf-8")
    (folder / "2023.yaml").write_text(text.replace("styrelsens_beslut: 2024-03-13", "styrelsens_beslut: 2024-04-13"),
                                      encoding="utf-8")
    outcome = check_year(folder, 2023, base=tmp_path)
    places = [(f.pos.path, f.pos.line) for f in outcome.findings]
    assert places == sorted(places) and {p for p, _ in places} == {"data/sydnarke/2023.md", "data/sydnarke/2023.yaml"}
