"""The SIE 4 reader on files written for the tests (a fictional förbund): code page 437
and UTF-8 that claims PC8, quoting and object lists, exact amounts, and every kind of
malformed line as a finding at its line and column; arbitrary bytes never raise."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sie import read_sie

GOOD = """#FLAGGA 0
#PROGRAM "Fiktivt bokföringsprogram" 1.0
#FORMAT PC8
#GEN 20240215
#SIETYP 4
#ORGNR 222000-0000
#FNAMN "Samordningsförbundet Exempelbygd (fiktivt)"
#RAR 0 20230101 20231231
#RAR -1 20220101 20221231
#KONTO 1930 "Bank, förbundets konto"
#KONTO 2440 "Leverantörsskulder"
#KONTO 3010 "Medlemsavgift från staten"
#KONTO 4560 "Köpta tjänster \\"Hälsoteam\\" Låtsasmåla"
#KTYP 1930 T
#KTYP 2440 S
#IB 0 1930 1000000.10
#UB 0 1930 1200000.30
#IB 0 2440 -50000.00
#UB 0 2440 -80000
#UB -1 1930 1000000.10
#RES 0 3010 -4000000.00
#RES 0 4560 3800000.00
#PROSA "okänd etikett läses inte"
#VER A 1 20230105 "Medlemsavgift januari"
{
#TRANS 1930 {} 333333.33
#TRANS 3010 {1 "100" 6 "P1"} -333333.33 20230105 "januari"
}
"""


def write(tmp_path, text: str, encoding: str = "cp437"):
    path = tmp_path / "fiktiv.se"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_code_page_437_file_reads_with_its_letters_and_exact_amounts(tmp_path):
    path = write(tmp_path, GOOD)
    assert "ö".encode("cp437") in path.read_bytes() and b"\xc3" not in path.read_bytes()
    sie, findings = read_sie(path, "fiktiv.se")
    assert findings == []
    assert sie is not None and sie.kodning == "cp437" and sie.sietyp == "4"
    assert sie.fnamn == "Samordningsförbundet Exempelbygd (fiktivt)" and sie.orgnr == "222000-0000"
    assert sie.konton["1930"].namn == "Bank, förbundets konto"
    assert sie.konton["4560"].namn == 'Köpta tjänster "Hälsoteam" Låtsasmåla'
    assert sie.rar == {0: (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
                       -1: (dt.date(2022, 1, 1), dt.date(2022, 12, 31))}
    assert sie.ub[0]["1930"].belopp - sie.ib[0]["1930"].belopp == Decimal("200000.20")  # exact, no float
    assert sie.ub[0]["2440"].belopp == Decimal("-80000") and sie.ub[-1]["1930"].belopp == Decimal("1000000.10")
    assert str(sie.res[0]["3010"].pos) == "fiktiv.se:21:13"
    assert sie.ktyp == {"1930": "T", "2440": "S"}
    [ver] = sie.verifikationer
    assert (ver.serie, ver.nummer, [r.belopp for r in ver.rader]) == ("A", "1", [Decimal("333333.33"),
                                                                                  Decimal("-333333.33")])


def test_utf8_that_claims_pc8_is_read_as_utf8_and_said(tmp_path):
    sie, findings = read_sie(write(tmp_path, GOOD, "utf-8"), "fiktiv.se")
    assert sie is not None and sie.kodning == "utf-8" and sie.konton["2440"].namn == "Leverantörsskulder"
    assert [str(f) for f in findings] == [
        "fiktiv.se:3:1: varning: filen säger #FORMAT PC8 men är skriven i UTF-8; den läses som UTF-8 "
        "(kontrollera å, ä och ö i kontonamnen) [W-SIE-KODNING]"]


@pytest.mark.parametrize(("change", "expected"), [
    (("#UB 0 1930 1200000.30", "#UB 0 1930 1 200 000,30"),
     "fiktiv.se:17:12: fel: #UB har 5 fält men högst 4 (årsnummer, konto, saldo, kvantitet): ett belopp skrivs "
     "utan mellanrum, till exempel -1234.50 [E-SIE-FALT]"),
    (("#UB 0 1930 1200000.30", '#UB 0 1930 "1200000,30"'),
     'fiktiv.se:17:12: fel: beloppet "1200000,30" är inte ett SIE-belopp: skriv det med punkt före ören och utan '
     "mellanrum, till exempel -1234.50 [E-SIE-BELOPP]"),
    (('#KONTO 2440 "Leverantörsskulder"', '#KONTO 2440 "Leverantörsskulder'),
     'fiktiv.se:11:13: fel: citattecknet öppnas men stängs aldrig: avsluta fältet med " [E-SIE-RAD]'),
    (("#RAR 0 20230101 20231231", "#RAR 0 20230101 2023-12-31"),
     'fiktiv.se:8:17: fel: datumet "2023-12-31" ska skrivas ÅÅÅÅMMDD, till exempel 20231231 [E-SIE-DATUM]'),
    (("#IB 0 2440 -50000.00", "#UB 0 1930 5.00"),
     "fiktiv.se:18:1: fel: #UB 0 för konto 1930 står redan på rad 17: ett saldo per konto och år [E-SIE-DUBBEL]"),
    (("#TRANS 3010 {1 \"100\" 6 \"P1\"} -333333.33", "#TRANS 3010 {1 \"100\" 6 \"P1\"} -333333.30"),
     "fiktiv.se:24:1: fel: verifikation A 1 balanserar inte: raderna summerar till 0.03, inte 0 [E-SIE-VER]"),
    (("#SIETYP 4", "#SIETYP 3"),
     "fiktiv.se:5:9: fel: filen är SIE typ 3; importen läser SIE typ 4 (4E eller 4I): exportera en SIE 4-fil ur "
     "bokföringen [E-SIE-TYP]"),
    (("#KTYP 2440 S", "#KTYP 2440 X"),
     'fiktiv.se:15:12: fel: kontotypen "X" är okänd: skriv T (tillgång), S (skuld), K (kostnad) eller I (intäkt) '
     "[E-SIE-KTYP]"),
    (("#KONTO 1930", "#KONTO 19x30"),
     'fiktiv.se:10:8: fel: kontonumret "19x30" är inte ett nummer: skriv bara siffror [E-SIE-KONTO]'),
    (("#RES 0 4560 3800000.00", "#RES 0 4560"),
     "fiktiv.se:22:1: fel: #RES har 2 fält men behöver 3: skriv #RES 0 1910 1234.50 [E-SIE-FALT]"),
    (("#RES 0 4560 3800000.00", "RES 0 4560 3800000.00"),
     'fiktiv.se:22:1: fel: raden börjar med "RES"; en rad i en SIE-fil börjar med #ETIKETT, { eller } [E-SIE-RAD]'),
    (("#TRANS 1930 {} 333333.33", "#TRANS 1930 {1 \"100\" 333333.33"),
     "fiktiv.se:26:13: fel: objektlistan öppnas med { men stängs aldrig: avsluta den med } [E-SIE-RAD]"),
])
def test_a_malformed_line_is_a_finding_at_its_line_and_column(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    if "#UB 0 1930 5.00" in text:  # the duplicate goes after the first #UB of 1930
        text = GOOD.replace("#IB 0 2440 -50000.00", "#UB 0 1930 5.00")
    sie, findings = read_sie(write(tmp_path, text), "fiktiv.se")
    assert any(str(f).startswith(expected) for f in findings), [str(f) for f in findings]
    assert all(f.severity == "error" for f in findings)


def test_a_file_without_type_or_year_says_what_is_missing(tmp_path):
    text = GOOD.replace("#SIETYP 4\n", "").replace("#RAR 0 20230101 20231231\n", "")
    _, findings = read_sie(write(tmp_path, text), "fiktiv.se")
    assert [f.message for f in findings] == ["filen saknar #SIETYP: en SIE 4-fil har raden #SIETYP 4"]
    _, findings = read_sie(write(tmp_path, GOOD.replace("#RAR 0 20230101 20231231\n", "")), "fiktiv.se")
    assert [f.message for f in findings] == ["filen saknar #RAR 0 (räkenskapsårets första och sista dag)"]


def test_verifikation_braces_and_rows_out_of_place(tmp_path):
    text = GOOD + "#TRANS 1930 {} 1.00\n}\n#VER A 2 20230106 \"öppen\"\n{\n"
    _, findings = read_sie(write(tmp_path, text), "fiktiv.se")
    assert [str(f.pos) + " " + f.code for f in findings] == [
        "fiktiv.se:29:1 E-SIE-VER", "fiktiv.se:30:1 E-SIE-VER", "fiktiv.se:31:1 E-SIE-VER"]


def test_a_control_character_is_named(tmp_path):
    _, findings = read_sie(write(tmp_path, GOOD.replace("#ORGNR 222000-0000", "#ORGNR 222000\x0c-0000")), "f.se")
    assert [str(f) for f in findings] == ["f.se:6:14: fel: styrtecken U+000C på raden: ta bort det [E-SIE-RAD]"]


def test_a_missing_file_is_a_finding(tmp_path):
    sie, findings = read_sie(tmp_path / "saknas.se", "saknas.se")
    assert sie is None and [f.code for f in findings] == ["E-SIE-FIL"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("sie") / "x.se"
    path.write_bytes(data)
    sie, findings = read_sie(path, "x.se")
    assert sie is not None and all(f.pos.path == "x.se" for f in findings)


LINES = st.lists(st.sampled_from(GOOD.splitlines()) | st.text(alphabet='#{}" \\ABC0123.-ÅÄÖ\t', max_size=30),
                 max_size=40)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_shuffled_and_garbled_lines_never_raise(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("sie") / "x.se"
    path.write_bytes("\n".join(lines).encode("cp437", errors="replace"))
    sie, findings = read_sie(path, "x.se")
    assert sie is not None
    assert all(f.pos.line >= 1 for f in findings)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.from_regex(r"[1-8][0-9]{3}", fullmatch=True),
                       st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False), max_size=20))
def test_written_balances_read_back_exactly(tmp_path_factory, balances):
    text = "#SIETYP 4\n#RAR 0 20230101 20231231\n" + "".join(f"#UB 0 {k} {v}\n" for k, v in balances.items())
    path = tmp_path_factory.mktemp("sie") / "x.se"
    path.write_bytes(text.encode("cp437"))
    sie, findings = read_sie(path, "x.se")
    assert findings == [] and sie is not None
    assert {k: s.belopp for k, s in sie.ub.get(0, {}).items()} == balances
