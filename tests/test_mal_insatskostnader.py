"""An insats's utfall tied to the accounts (utfall_enligt), and an insats without utfall."""
from __future__ import annotations

import re
import shutil

from generator.formatting import NBSP
from generator.pipeline import render_report as render_html

from .conftest import DATA, derive_year, run_cli

BILAGA = "noter.verksamhetens_kostnader.bilaga.projektkostnader_per_insats"


def _halland(tmp_path, old: str, new: str):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "halland" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path / "data" / "halland"


def _line(fragment: str) -> int:
    """The line of the example file a fragment stands on: computed, so other edits of the example don't matter."""
    lines = (DATA / "halland" / "2023.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if fragment in text)


def _check(tmp_path) -> str:
    return run_cli("check", "--forbund", "halland", "--year", "2023", cwd=tmp_path).stdout


def test_mal_halland_insatser_tied_to_the_bilaga_agree():
    r = derive_year(DATA / "halland", 2023)
    tied = {i.key: (i.utfall, i.enligt_redovisningen) for i in r.insatser if i.insats.utfall_enligt}
    assert tied == {"esf_projektet_progress": (600005, 600005), "iop_med_skoopi_halland": (89495, 89495),
                    "utveckling_och_utbildning_i_bip_skapa": (456224, 456224)}


def test_mal_an_utfall_that_disagrees_with_the_accounts_is_an_error_at_its_line(tmp_path):
    _halland(tmp_path, "    utfall: 600005\n", "    utfall: 600015\n")
    assert (f'data/halland/2023.yaml:{_line("utfall: 600005")}:13: fel: insats "ESF-projektet Progress": '
            "utfallet i uppföljningen är "
            f"600 015 kr men räkenskaperna ({BILAGA}.esf_projektet_progress) ger 600 005 kr, skillnad 10 kr; "
            "rätta utfallet eller nycklarna [E-AVSTAMNING]") in _check(tmp_path).replace(NBSP, " ")


def test_mal_several_keys_are_summed_and_compared(tmp_path):
    _halland(tmp_path, "{namn: Kunskapsutveckling, kategori: strukturovergripande, utfall: 216543}",
             "{namn: Kunskapsutveckling, kategori: strukturovergripande, utfall: 216543, utfall_enligt: "
             f"[{BILAGA}.kunskapsutveckling, {BILAGA}.utbildning_med_moms]}}")
    out = _check(tmp_path).replace(NBSP, " ")
    assert (f'data/halland/2023.yaml:{_line("{namn: Kunskapsutveckling")}:72: fel: insats "Kunskapsutveckling": '
            "utfallet i uppföljningen är 216 543 kr "
            f"men räkenskaperna ({BILAGA}.kunskapsutveckling + {BILAGA}.utbildning_med_moms) ger 216 542 kr, "
            "skillnad 1 kr; rätta utfallet eller nycklarna [E-AVSTAMNING]") in out, out


def test_mal_an_unknown_key_is_an_error_with_a_suggestion(tmp_path):
    _halland(tmp_path, f"[{BILAGA}.skapa]", f"[{BILAGA}.skappa]")
    assert (f'data/halland/2023.yaml:{_line("per_insats.skapa]")}:20: fel: '
            'insats "Utveckling och utbildning i BIP/SKAPA": utfall_enligt '
            f'"{BILAGA}.skappa" är ingen siffra för 2023; menade du "{BILAGA}.skapa"? [E-INSATS]') in _check(tmp_path)


def test_mal_utfall_is_taken_from_the_accounts_when_not_entered(tmp_path):
    r = derive_year(_halland(tmp_path, "    utfall: 89495\n", ""), 2023)
    assert r.figures[2023]["insatser.iop_med_skoopi_halland.utfall"] == 89495
    assert "W-INSATS" not in _check(tmp_path)


def test_mal_an_insats_without_utfall_shows_a_dash_and_nothing_computed_from_it(tmp_path):
    folder = _halland(tmp_path, "{namn: Kunskapsutveckling, kategori: strukturovergripande, utfall: 216543}",
                      "{namn: Kunskapsutveckling, kategori: strukturovergripande, budget: 200000}")
    r = derive_year(folder, 2023)
    f = r.figures[2023]
    assert f["insatser.kunskapsutveckling.budget"] == 200000
    assert not any(k in f for k in ("insatser.kunskapsutveckling.utfall", "insatser.kunskapsutveckling.avvikelse",
                                    "insatser.kunskapsutveckling.kostnad_per_deltagare"))
    html = render_html(r).replace(NBSP, " ")
    table = re.search(r'id="tabell-insatser-strukturovergripande".*?</table>', html, re.S).group(0)
    row = re.search(r"Kunskapsutveckling</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">([^<]*)</td>", row) == ["200 000", "–", "–"]
    # No column total over a hole: budget and utfall are missing for the others and this one.
    summa = re.search(r"Summa</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">([^<]*)</td>", summa) == ["–", "–", "–"]
    assert (f'data/halland/2023.yaml:{_line("{namn: Kunskapsutveckling")}:5: varning: '
            'insats "Kunskapsutveckling" saknar utfall') in _check(tmp_path)
