"""Figure keys never have two meanings: names that slug alike, or take a reserved key.

The check stage reports each collision (tests/malformed/key_*.yaml give the exact
messages); these tests hold derive to its half: even before the names are fixed, no
figure overwrites another, so the figures export never shows one key with two meanings.
"""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from generator.keys import IN, Noter
from generator.pipeline import check_year
from generator.slug import unique_slugs

from .conftest import FORBUND

REPO = Path(__file__).resolve().parent.parent
FIN = "  - {namn: Finsamkonferensen, kategori: strukturovergripande, utfall: 148748}"
BANK = "      - {text: Bankavgifter, belopp: -22437}"


def _derived(tmp_path: Path, old: str, new: str):
    folder = tmp_path / "halland"
    shutil.copytree(REPO / "data" / "halland", folder)
    path = folder / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    outcome = check_year(folder, 2023)
    assert outcome.report is not None
    return outcome.report, [f for f in outcome.findings if f.code == "E-NYCKEL"]


def _line_of(tmp_path: Path, needle: str) -> int:
    lines = (tmp_path / "halland" / "2023.yaml").read_text(encoding="utf-8").splitlines()
    [number] = [i + 1 for i, line in enumerate(lines) if needle in line]
    return number


def test_unique_slugs_never_repeat_a_key():
    assert unique_slugs(["Kansli", "Kansli", "Kansli 2"]) == ["kansli", "kansli_2", "kansli_2_2"]


def test_unique_slugs_avoid_reserved_words():
    assert unique_slugs(["Summa", "summa", "Rad"], ("summa",)) == ["summa_2", "summa_3", "rad"]


def test_insats_named_like_its_category_keeps_the_category_total(tmp_path):
    r, found = _derived(tmp_path, FIN, FIN + "\n  - {namn: Individinriktad, kategori: individinriktad, utfall: 7}")
    assert len(found) == 1
    f = r.figures[2023]
    assert f["insatser.individinriktad_2.utfall"] == Decimal(7)
    assert f[IN.individinriktad_utfall] == Decimal(14036493 + 600005 + 7)


def test_two_insatser_that_slug_alike_both_keep_their_figures(tmp_path):
    r, found = _derived(tmp_path, FIN, FIN + "\n  - {namn: Steg A, kategori: individinriktad, utfall: 1}"
                        "\n  - {namn: Steg-A, kategori: individinriktad, utfall: 2}")
    first = _line_of(tmp_path, "{namn: Steg A,")  # computed, so other edits of the example don't break it
    assert [x.message.split(":")[0] for x in found] == [
        f'insats "Steg-A" (rad {first + 1}) ger samma nyckel som "Steg A" (rad {first})']
    assert r.figures[2023]["insatser.steg_a.utfall"] == 1
    assert r.figures[2023]["insatser.steg_a_2.utfall"] == 2


def test_note_row_called_summa_does_not_replace_the_total(tmp_path):
    r, found = _derived(tmp_path, BANK, BANK + "\n      - {text: Summa, belopp: -5}")
    assert len(found) == 1
    f = r.figures[2023]
    assert f[Noter.summa("noter.finansiella_kostnader")] == Decimal(-22437 - 5)
    assert f["noter.finansiella_kostnader.summa_2"] == Decimal(-5)


def test_member_called_summa_does_not_replace_the_fees_subtotal(tmp_path):
    r, found = _derived(tmp_path, "  Varbergs kommun: 955500", "  Varbergs kommun: 955500\n  Summa: 3")
    assert any('medlem "Summa" ger nyckeln medlemsavgifter.summa' in x.message for x in found)
    f = r.figures[2023]
    assert f["noter.verksamhetens_intakter.medlemsavgifter.summa"] == Decimal(19085200 + 3)
    assert f["medlemsavgifter.summa_2.belopp"] == Decimal(3)


def test_the_examples_have_no_collisions():
    for forbund in FORBUND:
        outcome = check_year(REPO / "data" / forbund)
        assert not [f for f in outcome.findings if f.code == "E-NYCKEL"]


def _pairs_once(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), f"a key twice in the export: {keys}"
    return dict(pairs)


def test_the_figures_export_has_one_meaning_per_key(tmp_path):
    import json

    from generator.figures import to_json
    from generator.keys import lookup

    r, found = _derived(tmp_path, BANK, BANK + "\n      - {text: Summa, belopp: -5}\n      - {text: bankavgifter, "
                        "belopp: -7}")
    assert len(found) == 2
    figures = json.loads(to_json(r, "halland"), object_pairs_hook=_pairs_once)["figures"]
    assert figures["noter.finansiella_kostnader.summa"] == {"2023": -22449, "2022": -53654}
    assert figures["noter.finansiella_kostnader.summa_2"] == {"2023": -5}
    assert figures["noter.finansiella_kostnader.bankavgifter_2"] == {"2023": -7}
    assert all(lookup(key) is not None for key in figures)


def test_a_collision_of_very_long_names_quotes_only_an_excerpt(tmp_path):
    long = "Steg " * 2000
    r, found = _derived(tmp_path, FIN, FIN + f"\n  - {{namn: {long}, kategori: individinriktad, utfall: 1}}"
                        f"\n  - {{namn: {long.upper()}, kategori: individinriktad, utfall: 2}}")
    [f] = found
    assert len(f.message) < 300, f.message
    line = _line_of(tmp_path, "{namn: STEG STEG")
    assert f.message.startswith(f'insats "STEG STEG STEG STEG STEG STEG STEG STEG…" (rad {line}) ger samma nyckel som')
