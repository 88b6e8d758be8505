"""Slugs: names in the data made into stable ASCII keys, without losing a letter."""
from __future__ import annotations

import pytest

from generator.slug import slug, unique_slugs


@pytest.mark.parametrize("name,key", [
    ("Region Örebro län", "region_orebro_lan"),
    ("Ærø", "aero"),
    ("Søderberg & Co", "soderberg_co"),
    ("Kostnader för IT-kostnader", "kostnader_for_it_kostnader"),
    ("Momsersättning okt–dec", "momsersattning_okt_dec"),
    ("Straße", "strasse"),
    ("  ", "rad"),
])
def test_slug(name, key):
    assert slug(name) == key


def test_repeated_names_are_numbered():
    assert unique_slugs(["Kansli", "Kansli", "Projekt"]) == ["kansli", "kansli_2", "projekt"]
    assert unique_slugs(["Kansli", "Kansli", "Kansli 2"]) == ["kansli", "kansli_2", "kansli_2_2"]
