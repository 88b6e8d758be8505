"""`finsam import-sie`: the SIE files in tests/fixtures/sie (made from Halland 2023 by
make_halland.py) give back Halland's statement figures exactly, and a malformed or
unbalanced file changes nothing."""
from __future__ import annotations

import difflib
import hashlib
import importlib.util
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.cli import main
from generator.figures import figure_table
from generator.pipeline import check_year, render_report
from generator.sie.importer import Rad, Utfall
from generator.sie.kontoplan import DEFAULT, read_kontoplan
from generator.sie.kor import import_sie
from generator.sie.skriv import updated_text

ROOT = Path(__file__).resolve().parent.parent
SIE = ROOT / "tests" / "fixtures" / "sie"
HALLAND = ROOT / "data" / "halland"
STATEMENTS = ("resultatrakning.", "balansrakning.", "noter.", "medlemsavgifter.")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of data/halland with the test's kontoplan.yaml."""
    shutil.copytree(HALLAND, tmp_path / "data" / "halland")
    shutil.copy(SIE / "kontoplan.yaml", tmp_path / "data" / "halland" / "kontoplan.yaml")
    return tmp_path / "data"


def _figures(folder: Path, year: int = 2023) -> dict[str, dict[int, Decimal]]:
    outcome = check_year(folder, year)
    assert outcome.report is not None, [str(f) for f in outcome.findings]
    return figure_table(outcome.report)


def _statement_keys(table: dict[str, dict[int, Decimal]], year: int) -> dict[str, Decimal]:
    return {k: v[year] for k, v in table.items() if k.startswith(STATEMENTS) and year in v}


def _emptied(path: Path) -> None:
    """The year file without what comes from the bookkeeping: no medlemsavgifter, and each
    statement line reduced to what the kansli wrote about it (its bilagor), or removed."""
    yaml = YAML()
    doc = yaml.load(path.read_text(encoding="utf-8"))
    del doc["medlemsavgifter"]
    for section in ("resultatrakning", "balansrakning"):
        for name in list(doc[section]):
            line = doc[section][name]
            if isinstance(line, dict) and "bilagor" in line:
                del line["rader"]
            else:
                del doc[section][name]
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(doc, out)


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", ["halland-2023-cp437.se", "halland-2023-utf8.se"])
def test_import_into_an_emptied_year_gives_back_every_figure(data: Path, name: str) -> None:
    expected = _figures(HALLAND)
    _emptied(data / "halland" / "2023.yaml")
    done = import_sie(data / "halland", 2023, SIE / name)
    assert done.ok, [str(f) for f in done.findings]
    assert [str(f) for f in done.kontroll] == []  # check is clean
    assert _figures(data / "halland") == expected  # every figure, statements, notes and bilagor alike
    codes = [f.code for f in done.findings]
    assert codes == (["W-SIE-KODNING"] if "utf8" in name else [])


def test_row_texts_come_back_from_the_account_names(data: Path) -> None:
    _emptied(data / "halland" / "2023.yaml")
    assert import_sie(data / "halland", 2023, SIE / "halland-2023-cp437.se").ok
    yaml = YAML(typ="safe")
    now = yaml.load((data / "halland" / "2023.yaml").read_text(encoding="utf-8"))
    then = yaml.load((HALLAND / "2023.yaml").read_text(encoding="utf-8"))
    for section in ("resultatrakning", "balansrakning"):
        assert {k: v["rader"] for k, v in now[section].items()} == {k: v["rader"] for k, v in then[section].items()}
        assert list(now[section]) == list(then[section])  # in the model's order
    assert now["medlemsavgifter"] == then["medlemsavgifter"]
    # And so the web page is Halland's, byte for byte.
    imported, example = check_year(data / "halland", 2023).report, check_year(HALLAND, 2023).report
    assert imported is not None and example is not None
    assert render_report(imported) == render_report(example)


def test_import_into_a_new_year_file(data: Path) -> None:
    expected = _statement_keys(_figures(HALLAND), 2023)
    (data / "halland" / "2023.yaml").unlink()
    done = import_sie(data / "halland", 2023, SIE / "halland-2023-cp437.se")
    assert done.ok, [str(f) for f in done.findings]
    text = (data / "halland" / "2023.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/ar.schema.json\n"
                           "ar: 2023\n\nmedlemsavgifter:\n")
    got = _statement_keys(_figures(data / "halland"), 2023)
    assert {k: v for k, v in got.items() if ".bilaga." not in k} == \
        {k: v for k, v in expected.items() if ".bilaga." not in k}


def test_reimport_of_the_same_figures_changes_no_figure(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (data / "halland" / "2023.yaml").read_text(encoding="utf-8")
    status = main(["--data", str(data), "import-sie", "--forbund", "halland", "--year", "2023",
                   "--fil", str(SIE / "halland-2023-cp437.se")])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert out == "halland 2023: inget härlett belopp ändras\n"
    assert "kontroll av halland 2023 efter importen: 0 fel, 0 varningar" in err
    after = (data / "halland" / "2023.yaml").read_text(encoding="utf-8")
    # Only the comments inside the replaced rows go (they were about typed, published figures).
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:1] in "+-"]
    assert diff == ["-           # Rounding krona: published 695 646, which makes the split 740 066, one",
                    "-           # krona more than the row.",
                    "-       # Rounding krona: published 2 603 109; the note's rows then add up to 5 537 449,",
                    "-       # one krona more than kassa och bank in the balance sheet (5 537 448)."]


def test_changed_figures_are_printed(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "halland" / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("belopp: 2603108}", "belopp: 2600000}"),
                    encoding="utf-8")
    # Typed wrong, the year no longer balances; the import puts the bookkeeping's figure back.
    status = main(["--data", str(data), "import-sie", "--forbund", "halland", "--year", "2023",
                   "--fil", str(SIE / "halland-2023-cp437.se")])
    out, _ = capsys.readouterr()
    assert status == 0
    lines = out.splitlines()
    assert lines.index("  Balansräkning") < lines.index("    Kassa och bank 2023: 5 534 340 → 5 537 448 (+3 108)")
    assert lines.index("  Noter") < lines.index("    Plusgirokonto 2023: 2 600 000 → 2 603 108 (+3 108)")


@pytest.mark.parametrize(("name", "line", "message"), [
    ("trasig.se", 119, 'trasig.se:119:12: fel: beloppet "2603108,00" är inte ett SIE-belopp'),
    ("obalanserad.se", 113, "obalanserad.se:113:12: fel: balanskontonas #UB summerar till -2 811 499 kr; de ska "
     "summera till 0 (årets resultat bokfört mot eget kapital) eller till årets resultat, -2 812 499 kr"),
])
def test_a_malformed_or_unbalanced_file_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                         line: int, message: str) -> None:
    before = _hashes(data)
    status = main(["--data", str(data), "import-sie", "--forbund", "halland", "--year", "2023",
                   "--fil", str(SIE / name)])
    out, err = capsys.readouterr()
    assert status == 1
    assert message in err
    assert "halland 2023: importen stoppades; ingen fil har ändrats" in err
    assert out == ""
    assert _hashes(data) == before
    # The line named is the line in the file that says so.
    text = (SIE / name).read_bytes().decode("cp437").split("\n")[line - 1]
    assert text.startswith("#UB 0 ")


def _run(data: Path, sie: Path, capsys: pytest.CaptureFixture[str], year: str = "2023") -> tuple[int, str]:
    status = main(["--data", str(data), "import-sie", "--forbund", "halland", "--year", year, "--fil", str(sie)])
    return status, capsys.readouterr().err


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    """The UTF-8 test file with one piece of text replaced."""
    text = (SIE / "halland-2023-utf8.se").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.se"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_test_files_are_what_make_halland_writes(tmp_path: Path) -> None:
    """The SIE files follow data/halland: changed figures there mean running make_halland.py again."""
    spec = importlib.util.spec_from_file_location("make_halland", SIE / "make_halland.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["halland-2023-cp437.se", "halland-2023-utf8.se", "kontoplan.yaml", "obalanserad.se", "trasig.se"]
    assert all((tmp_path / n).read_bytes() == (SIE / n).read_bytes() for n in written)
    # Code page 437 really: å, ä and ö as its bytes, lines ended CR LF as DOS programs write them.
    cp437 = (SIE / "halland-2023-cp437.se").read_bytes()
    assert '#KONTO 3102 "Övriga bidrag"\r\n'.encode("cp437") in cp437 and b"\xc3" not in cp437


def test_the_default_mapping_reads_clean() -> None:
    rules, findings = read_kontoplan(DEFAULT, "kommun-bas.yaml")
    assert findings == []
    assert {r.till for r in rules} >= {"balansrakning.kassa_och_bank", "resultatrakning.verksamhetens_kostnader",
                                       "eget_kapital"}
    # Every account from 1000 to 8999 falls in at most one rule; 80-83 (skatteintäkter) in none.
    for number in range(1000, 9000):
        covering = [r for r in rules if r.covers(str(number))]
        assert len(covering) == (0 if 8000 <= number < 8400 or 8600 <= number < 8700 else 1), number


def test_mapping_mistakes_are_named_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "kontoplan.yaml"
    path.write_text("regler:\n"
                    "  - {konto: 3010, till: medlemsavgifter, medlem: Staten}\n"
                    "  - {konto: 4000-4099, till: resultatrakning.verksamhetens_kostnad}\n"
                    "  - {konto: 40x, till: balansrakning.forrad}\n"
                    "  - {konto: 4010, till: balansrakning.forrad, radd: Förråd}\n"
                    "  - {konto: 19, till: balansrakning.kassa_och_bank, medlem: Staten}\n"
                    "  - {konto: 1910-1919, till: balansrakning.kassa_och_bank}\n", encoding="utf-8")
    _, findings = read_kontoplan(path, "kontoplan.yaml")
    assert [str(f) for f in findings] == [
        'kontoplan.yaml:3:30: fel: "till: resultatrakning.verksamhetens_kostnad" är ingen rad som kan importeras; '
        'menade du "resultatrakning.verksamhetens_kostnader"? [E-KONTOPLAN]',
        'kontoplan.yaml:4:13: fel: "konto: 40x" är inget konto: skriv ett konto (1910), en kontoklass (19) eller '
        "ett intervall (4000-4099) [E-KONTOPLAN]",
        'kontoplan.yaml:5:47: fel: okänd nyckel "radd" i regeln; menade du "rad"? [E-KONTOPLAN]',
        "kontoplan.yaml:6:5: fel: medlem: anges för till: medlemsavgifter och bara där (medlemmens namn som i "
        "forbund.yaml) [E-KONTOPLAN]",
    ]  # rule 6 is refused, so rule 7 overlaps nothing


def test_an_account_in_two_rules_stops_the_import(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = data / "halland" / "kontoplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "  - {konto: 19, till: balansrakning.kassa_och_bank}\n"
                    "  - {konto: 1930, till: balansrakning.kortfristiga_placeringar}\n", encoding="utf-8")
    before = _hashes(data)
    status, err = _run(data, SIE / "halland-2023-cp437.se", capsys)
    assert status == 1
    assert "kontoplan.yaml:28:5: varning: konto 1930 täcks redan av regeln på rad 27 (konto 19)" in err
    assert ('halland-2023-cp437.se:118:12: fel: konto 1930 "Räntefond" med saldot 2 934 340 kr går till två rader, '
            "balansrakning.kassa_och_bank (rad 27) och balansrakning.kortfristiga_placeringar (rad 28): ett konto "
            "får bara gå till en rad [E-SIE-DUBBEL]") in err
    assert _hashes(data) == before


def test_an_account_with_a_balance_and_no_rule_stops_the_import(data: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    sie = _variant(tmp_path, "#RES 0 3010 ", '#KONTO 8010 "Kommunalskatt"\n#RES 0 8010 -1250.50\n#RES 0 3010 ')
    before = _hashes(data)
    status, err = _run(data, sie, capsys)
    assert status == 1
    line = sie.read_text(encoding="utf-8").split("\n").index("#RES 0 8010 -1250.50") + 1
    assert (f'variant.se:{line}:13: fel: konto 8010 "Kommunalskatt" har saldot -1 250,50 kr men går inte till '
            "någon rad: lägg till en regel för det i") in err
    assert _hashes(data) == before


def test_opening_balances_are_checked_against_last_year(data: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    sie = _variant(tmp_path, "#IB 0 1931 5645351.00", "#IB 0 1931 5645000.00")
    before = _hashes(data)
    status, err = _run(data, sie, capsys)
    assert status == 1
    assert "#IB för kassa och bank är 8 527 886 kr, men fjolårets fil säger 8 528 237 kr vid årets slut" in err
    assert "#IB för eget kapital är 5 480 183 kr, men fjolårets fil säger 5 480 534 kr" in err
    assert _hashes(data) == before


def test_a_file_for_another_year_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _hashes(data)
    status, err = _run(data, SIE / "halland-2023-cp437.se", capsys, year="2024")
    assert status == 1
    assert "fel: filen gäller räkenskapsåret 2023-01-01–2023-12-31, inte 2024" in err
    assert _hashes(data) == before


def test_a_file_without_balances_is_refused(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (SIE / "halland-2023-utf8.se").read_text(encoding="utf-8")
    sie = tmp_path / "bara-resultat.se"
    sie.write_text("\n".join(line for line in text.split("\n") if not line.startswith("#UB 0 ")), encoding="utf-8")
    before = _hashes(data)
    status, err = _run(data, sie, capsys)
    assert status == 1
    assert ("bara-resultat.se:1:1: fel: filen har inga #UB 0 för räkenskapsåret (utgående balanser): exportera en "
            "SIE 4-fil med saldon (typ 4E eller 4I), inte bara verifikationer [E-SIE-SAKNAS]") in err
    assert _hashes(data) == before


def test_a_year_file_that_is_not_yaml_is_left_alone(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "halland" / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ar: 2023", "ar: [2023", 1), encoding="utf-8")
    before = _hashes(data)
    status, err = _run(data, SIE / "halland-2023-cp437.se", capsys)
    assert status == 1
    assert "/halland/2023.yaml:" in err and "fel:" in err
    assert "halland 2023: importen stoppades; ingen fil har ändrats" in err
    assert _hashes(data) == before


def test_member_fees_need_a_rule(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "halland" / "kontoplan.yaml").unlink()  # the default alone: fees would be ordinary intäkter
    status, err = _run(data, SIE / "halland-2023-cp437.se", capsys)
    assert status == 1
    assert "fel: inget konto går till medlemsavgifter: skriv en regel per medlem i" in err


def test_a_member_not_in_forbund_yaml_is_named(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = data / "halland" / "kontoplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("medlem: Hylte kommun", "medlem: Hylte komun"),
                    encoding="utf-8")
    status, err = _run(data, SIE / "halland-2023-cp437.se", capsys)
    assert status == 1
    assert 'kontoplan.yaml:9:5: fel: medlem: "Hylte komun" är ingen medlem i forbund.yaml; menade du "Hylte kommun"?' \
        in err


def test_last_years_file_is_made_from_the_files_last_year(data: Path) -> None:
    expected = _statement_keys(_figures(HALLAND, 2022), 2022)
    (data / "halland" / "2022.yaml").unlink()
    done = import_sie(data / "halland", 2023, SIE / "halland-2023-cp437.se")
    assert done.ok, [str(f) for f in done.findings]
    assert [p.name for p in done.written] == ["2023.yaml", "2022.yaml"]
    got = _statement_keys(_figures(data / "halland", 2022), 2022)
    assert {k: v for k, v in got.items() if ".bilaga." not in k} == \
        {k: v for k, v in expected.items() if ".bilaga." not in k}


def test_a_result_booked_to_eget_kapital_reconciles(data: Path, tmp_path: Path) -> None:
    """Closing entries made: class 89 takes the result out of the result accounts, and it
    sits in eget kapital (2099); the balance accounts' #UB then add up to nothing."""
    sie = _variant(tmp_path, "#RES 0 3010 ", '#KONTO 8999 "Årets resultat"\n#RES 0 8999 -2812499.00\n'
                   '#KONTO 2099 "Årets resultat"\n#UB 0 2099 2812499.00\n#RES 0 3010 ')
    done = import_sie(data / "halland", 2023, sie)
    assert done.ok, [str(f) for f in done.findings]
    assert done.changed == []


def test_ore_are_kept_exactly(data: Path, tmp_path: Path) -> None:
    sie = _variant(tmp_path, "#RES 0 8511 22437.00", "#RES 0 8511 22437.40")
    sie.write_text(sie.read_text(encoding="utf-8").replace("#UB 0 1931 2603108.00", "#UB 0 1931 2603107.60"),
                   encoding="utf-8")
    done = import_sie(data / "halland", 2023, sie)
    assert done.ok, [str(f) for f in done.findings]
    text = (data / "halland" / "2023.yaml").read_text(encoding="utf-8")
    assert "      - {text: Bankavgifter, belopp: -22437.40}\n" in text
    assert "      - {text: Plusgirokonto, belopp: 2603107.60}\n" in text
    figures = _figures(data / "halland")
    assert figures["resultatrakning.arets_resultat"][2023] == Decimal("-2812499.40")
    assert figures["balansrakning.summa_eget_kapital"][2023] == Decimal("2668034.60")


def test_eget_kapital_by_the_file_is_checked_against_the_derived(data: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """1 000 kr moved from kassa to eget kapital: the balances still add up to the year's
    result, but eget kapital no longer follows from last year's and the year's result."""
    sie = _variant(tmp_path, "#UB 0 2010 -5480534.00", "#UB 0 2010 -5479534.00")
    sie.write_text(sie.read_text(encoding="utf-8").replace("#UB 0 1931 2603108.00", "#UB 0 1931 2602108.00"),
                   encoding="utf-8")
    before = _hashes(data)
    status, err = _run(data, sie, capsys)
    assert status == 1
    line = sie.read_text(encoding="utf-8").split("\n").index("#UB 0 2010 -5479534.00") + 1
    assert (f"variant.se:{line}:12: fel: eget kapital enligt filens #UB är 2 667 035 kr, men fjolårets eget kapital "
            "och årets resultat ger 2 668 035 kr [E-SIE-UB]") in err
    assert _hashes(data) == before


def test_writing_keeps_what_the_kansli_chose() -> None:
    """A line written as an amount stays an amount (with its comment); a line with a note
    keeps its rubrik and bilagor; a line the bookkeeping no longer has goes; the reserve stays."""
    old = ("ar: 2023\n"
           "medlemsavgifter:\n  Staten: 100  # beslut 2022-11-03\n  Region: 50\n"
           "resultatrakning:\n  verksamhetens_kostnader: -10\n"
           "balansrakning:\n"
           "  kassa_och_bank: 100  # bank och kassa\n"
           "  fordringar:\n    rubrik: Kortfristiga fordringar\n    belopp: 7\n"
           "  forrad: 3\n"
           "  resultatutjamningsreserv: 40\n")
    ut = Utfall(linjer={"balansrakning.kassa_och_bank": [Rad("Bank", Decimal(120)), Rad("Kassa", Decimal(5))],
                        "balansrakning.fordringar": [Rad("Kundfordringar", Decimal(9))],
                        "resultatrakning.verksamhetens_kostnader": [Rad("Lokaler", Decimal(-12))]},
                medlemsavgifter={"Staten": Decimal(110), "Region": Decimal(55)})
    assert updated_text(old, 2023, ut) == (
        "ar: 2023\n"
        "medlemsavgifter:\n  Staten: 110  # beslut 2022-11-03\n  Region: 55\n"
        "resultatrakning:\n  verksamhetens_kostnader: -12\n"
        "balansrakning:\n"
        "  kassa_och_bank: 125  # bank och kassa\n"
        "  fordringar:\n    rubrik: Kortfristiga fordringar\n    rader:\n      - {text: Kundfordringar, belopp: 9}\n"
        "  resultatutjamningsreserv: 40\n")


def test_the_command_needs_a_forbund_a_year_and_a_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _hashes(data)
    assert main(["--data", str(data), "import-sie", "--forbund", "halland", "--year", "2023"]) == 2
    assert "import-sie: ange ett förbund, ett år och en fil: --forbund halland --year 2023 --fil bokforing.se" \
        in capsys.readouterr().err
    status, err = _run(data, data / "halland" / "saknas.se", capsys)
    assert status == 1
    assert "saknas.se: fel: filen går inte att läsa (No such file or directory) [E-SIE-FIL]" in err
    assert _hashes(data) == before
