"""Follow-up tables: counts per dimension and kön, derived sums and shares, impossible shares refused."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal

from generator.formatting import NBSP
from generator.pipeline import render_report as render_html

from .conftest import DATA, derive_year, run_cli

KOMMUN = """
uppfoljning:
  - rubrik: Deltagare per kommun
    dimension: kommun
    rader:
      - {text: Hallsberg, kvinnor: 20, man: 10}
      - text: Kumla
        kvinnor: 12
        man: 8
        varav:
          - {text: unga under 30 år, kvinnor: 5, man: 3}
      - {text: Laxå, antal: 10}
"""

REMISS = """    uppfoljning:
      - rubrik: Remitterande part
        dimension: remitterande_part
        totalt: 72
        rader:
          - {text: Arbetsförmedlingen, antal: 30}
          - {text: Försäkringskassan, antal: 24}
"""


def _sydnarke(tmp_path, extra: str = KOMMUN, insats: str = REMISS):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "sydnarke" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "    deltagare: {kvinnor: 40, man: 32}\n"
    path.write_text(text.replace(anchor, anchor + insats) + extra, encoding="utf-8")
    return tmp_path / "data" / "sydnarke"


def _cells(html: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'id="{table_id}".*?</table>', html, re.S).group(0).replace(NBSP, " ")
    return [[label, *re.findall(r"<td[^>]*>([^<]*)</td>", cells)]
            for label, cells in re.findall(r'<th scope="row" class="label">([^<]+)</th>(.*?)</tr>', table, re.S)]


def test_mal_a_follow_up_table_per_kommun_and_kon_with_derived_sums_and_shares(tmp_path):
    r = derive_year(_sydnarke(tmp_path), 2023)
    f = r.figures[2023]
    assert f["uppfoljning.deltagare_per_kommun.kumla.antal"] == 20
    assert f["uppfoljning.deltagare_per_kommun.summa.antal"] == 60
    assert f["uppfoljning.deltagare_per_kommun.kumla.andel"] == Decimal(20) / 60
    assert f["uppfoljning.deltagare_per_kommun.kumla.varav.unga_under_30_ar.andel"] == Decimal(8) / 20
    # Laxå has no split by kön: the kön columns have a hole and get no sum.
    assert "uppfoljning.deltagare_per_kommun.summa.kvinnor" not in f
    html = render_html(r)
    assert _cells(html, "tabell-uppfoljning-deltagare-per-kommun") == [
        ["Hallsberg", "20", "10", "30", "50 %"],
        ["Kumla", "12", "8", "20", "33 %"],
        ["varav unga under 30 år", "5", "3", "8", "40 %"],
        ["Laxå", "–", "–", "10", "17 %"],
        ["Summa", "–", "–", "60", "100 %"],
    ]
    assert "Andelen på en varav-rad är andelen av raden ovanför." in html
    assert "<h4>Uppföljning för hela förbundet</h4>" in html


def test_mal_an_insats_table_with_an_entered_total_takes_shares_of_it(tmp_path):
    r = derive_year(_sydnarke(tmp_path), 2023)
    f = r.figures[2023]
    assert f["uppfoljning.mottagningsteamet.remitterande_part.totalt.antal"] == 72
    assert f["uppfoljning.mottagningsteamet.remitterande_part.arbetsformedlingen.andel"] == Decimal(30) / 72
    assert "uppfoljning.mottagningsteamet.remitterande_part.summa.antal" not in f
    html = render_html(r)
    assert ">Mottagningsteamet: Remitterande part</caption>" in html
    assert _cells(html, "tabell-uppfoljning-mottagningsteamet-remitterande-part") == [
        ["Arbetsförmedlingen", "30", "42 %"], ["Försäkringskassan", "24", "33 %"], ["Totalt", "72", "100 %"]]


def test_mal_a_row_without_a_count_leaves_every_share_out(tmp_path):
    r = derive_year(_sydnarke(tmp_path, KOMMUN.replace("{text: Laxå, antal: 10}", "{text: Laxå}"), ""), 2023)
    f = r.figures[2023]
    assert not [k for k in f if k.startswith("uppfoljning.deltagare_per_kommun.") and k.endswith(".andel")
                and ".varav." not in k]
    rows = _cells(render_html(r), "tabell-uppfoljning-deltagare-per-kommun")
    assert rows[3] == ["Laxå", "–", "–", "–", "–"] and rows[4] == ["Summa", "–", "–", "–", "–"]


def _check(tmp_path, extra: str, insats: str = REMISS) -> str:
    _sydnarke(tmp_path, extra, insats)
    return run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path).stdout


def test_mal_parts_over_the_entered_total_are_an_error_at_the_total(tmp_path):
    out = _check(tmp_path, "", REMISS.replace("totalt: 72", "totalt: 50"))
    assert ('data/sydnarke/2023.yaml:107:17: fel: "Remitterande part": raderna summerar till 54, mer än totalt 50; '
            "rätta en rad eller totalt [E-UPPFOLJNING]") in out, out


def test_mal_a_varav_larger_than_its_row_is_an_error_at_its_line(tmp_path):
    out = _check(tmp_path, KOMMUN.replace("{text: unga under 30 år, kvinnor: 5, man: 3}",
                                          "{text: unga under 30 år, antal: 25}"))
    assert ('data/sydnarke/2023.yaml:218:45: fel: "Deltagare per kommun": varav "unga under 30 år" är 25, fler än '
            'raden "Kumla" (20); en delgrupp kan inte vara större än sin grupp [E-UPPFOLJNING]') in out, out


def test_mal_a_varav_larger_than_its_row_per_kon_is_an_error(tmp_path):
    out = _check(tmp_path, KOMMUN.replace("kvinnor: 5, man: 3}", "kvinnor: 13, man: 3}"))
    assert ('data/sydnarke/2023.yaml:218:47: fel: "Deltagare per kommun": varav "unga under 30 år" har kvinnor 13, '
            'fler än raden "Kumla" (12) [E-UPPFOLJNING]') in out, out


def test_mal_antal_that_disagrees_with_its_kon_counts_is_an_error(tmp_path):
    out = _check(tmp_path, KOMMUN.replace("{text: Hallsberg, kvinnor: 20, man: 10}",
                                          "{text: Hallsberg, antal: 31, kvinnor: 20, man: 10}"))
    assert ('data/sydnarke/2023.yaml:213:34: fel: "Deltagare per kommun", raden "Hallsberg": antal 31 men kvinnor, '
            "män och annan summerar till 30; skriv antingen antal eller antal per kön [E-UPPFOLJNING]") in out, out


def test_mal_halland_shows_the_intake_stages_without_sum_or_share():
    r = derive_year(DATA / "halland", 2023)
    html = render_html(r)
    assert _cells(html, "tabell-uppfoljning-individsamverkansteamen") == [
        ["Inskrivna vid årets slut", "313"], ["Nya under året", "269"], ["Avslutade under året", "258"]]
    assert "Vid årets slut var 313 deltagare inskrivna och 269 hade börjat under året." in html
    assert not [k for k in r.figures[2023] if k.startswith("uppfoljning.") and (".summa." in k or k.endswith("andel"))]


def test_mal_exempelbygd_uses_goals_follow_up_tables_and_reconciled_utfall():
    r = derive_year(DATA / "exempelbygd", 2024)
    html = render_html(r).replace(NBSP, " ")
    assert "Styrelsen har bedömt 2 av 3 finansiella mål: 1 uppnått, 1 ej uppnått." in html
    assert "1 av 2 delmål uppnått." in html
    assert "Målvärden 2024: 60 %, 2026: 75 %. Utfall 2024: 65 % mot målvärdet 60 %." in html
    assert _cells(html, "tabell-uppfoljning-arbetsnara-stod-exempelby-deltagare-per-kommun")[1] == [
        "varav unga under 30 år", "8", "6", "14", "27 %"]
    assert _cells(html, "tabell-uppfoljning-deltagare-efter-remitterande-part")[-1] == ["Summa", "164", "100 %"]
    tied = [i for i in r.insatser if i.insats.utfall_enligt]
    assert len(tied) == 4 and all(i.utfall == i.enligt_redovisningen for i in tied)
