"""The förbund's identity (issue 10, item 5): the accent colour from forbund.yaml, checked to
be readable and written into the page as `--accent` only; the cover as a partial."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.layout.matter import accent_hex
from generator.load.values import MIN_CONTRAST, colour, contrast_on_white, darker
from generator.model.forbund import ACCENTFARG

from .conftest import DATA
from .test_fbm_matter import copy_halland, edit, findings, html_of, outcome


def cover_of(html: str) -> str:
    """The cover's markup: from its header to that header's end (the web page's own site
    header comes before it)."""
    start = html.index('<header class="front')
    return html[start:html.index("</header>", start)]


def _said(value: object) -> str:
    """The refusal's words for installningar.accentfarg, or "" when the value is accepted."""
    from pydantic_core import PydanticCustomError

    from generator.load.refusal import Where
    try:
        colour(value)
    except PydanticCustomError as refusal:
        return str(refusal.context["say"](Where("installningar.accentfarg", "accentfarg", False)))  # type: ignore[index]
    return ""


# --- The value ---------------------------------------------------------------------------

def test_a_colour_is_six_hex_digits_after_a_hash_and_is_kept_in_lower_case():
    assert colour("#1f4e79") == "#1f4e79"
    assert colour("#1F4E79") == "#1f4e79"
    assert colour(" #00607a ") == "#00607a"


def test_a_short_or_hashless_colour_is_refused_with_the_six_digit_form_to_write():
    assert _said("1f4e79") == 'installningar.accentfarg ska skrivas med # och sex siffror; skriv "#1f4e79"'
    assert _said("#135") == 'installningar.accentfarg ska skrivas med # och sex siffror; skriv "#113355"'


@pytest.mark.parametrize("value", ["blå", "rgb(31, 78, 121)", "#1f4e7", "#1f4e79ff", "#gg4e79", 123456])
def test_anything_but_a_hex_colour_is_refused_saying_what_to_write(value):
    said = _said(value)
    assert said.startswith("installningar.accentfarg ska vara en färg skriven som sex hexadecimala siffror efter #")
    assert 'till exempel "#1f4e79"' in said


def test_a_colour_too_light_to_read_on_white_is_refused_with_its_ratio_and_a_darker_shade():
    assert _said("#ffcc00") == ("installningar.accentfarg: #ffcc00 är för ljus för text på vit botten (kontrast "
                                '1,5:1, minst 4,5:1 behövs); skriv en mörkare färg, till exempel "#8e7200"')
    assert contrast_on_white("#8e7200") >= MIN_CONTRAST > contrast_on_white("#917400")  # one step lighter


def test_the_models_default_is_the_stylesheets_default():
    # The layout writes --accent only when the förbund's colour differs from the model's default,
    # so the stylesheet's own value must be that default.
    css = (Path(__file__).parent.parent / "styles" / "report.css").read_text(encoding="utf-8")
    assert re.findall(r"--accent: (#[0-9a-f]{6});", css) == [ACCENTFARG]


def test_contrast_is_wcag_relative_luminance():
    assert round(contrast_on_white("#000000"), 2) == 21.0
    assert round(contrast_on_white("#ffffff"), 2) == 1.0
    assert round(contrast_on_white("#767676"), 2) == 4.54  # the lightest grey that passes AA
    assert darker("#1f4e79") == "#1f4e79"  # dark enough already: unchanged


def test_the_css_value_is_rebuilt_from_the_colours_numbers():
    assert accent_hex("#00607A") == "#00607a"
    # What the validator never lets through would still come out as six hex digits and nothing else.
    assert accent_hex("#00607a;}</style><script>") == "#00607a"


# --- In the page ---------------------------------------------------------------------------

def test_the_default_accent_writes_nothing_into_the_page(tmp_path: Path):
    html = html_of(copy_halland(tmp_path))
    assert "--accent: #1f4e79;" in html  # the stylesheet's own default
    assert html.count("--accent:") == 1


def test_a_chosen_accent_is_the_one_value_written_into_the_stylesheet(tmp_path: Path):
    folder = copy_halland(tmp_path)
    edit(folder / "forbund.yaml", "installningar:\n", 'installningar:\n  accentfarg: "#7A1F3D"\n')
    html = html_of(folder)
    assert re.findall(r"--accent: (#[0-9a-f]{6});", html) == ["#1f4e79", "#7a1f3d"]  # default, then the chosen
    assert ":root { --accent: #7a1f3d; }" in html


def test_exempelbygd_has_its_own_accent():
    result = outcome_of_exempelbygd()
    from generator.pipeline import render_report
    assert ":root { --accent: #00607a; }" in render_report(result.report)


def outcome_of_exempelbygd():
    from generator.pipeline import check_year
    result = check_year(DATA / "exempelbygd", 2024)
    assert result.report is not None and not result.errors
    return result


def test_a_too_light_accent_stops_the_report_at_its_line(tmp_path: Path):
    folder = copy_halland(tmp_path)
    edit(folder / "forbund.yaml", "installningar:\n", 'installningar:\n  accentfarg: "#8ab4f8"\n')
    said = findings(folder)
    assert outcome(folder).report is None
    assert any(re.match(r"data/halland/forbund\.yaml:\d+:\d+: fel: installningar\.accentfarg: #8ab4f8 är för ljus "
                        r"för text på vit botten \(kontrast 2,\d:1, minst 4,5:1 behövs\).*\[E-KONTRAST\]", f)
               for f in said), said


def test_the_cover_shows_name_title_and_facts_with_the_facts_as_labelled_pairs(tmp_path: Path):
    folder = copy_halland(tmp_path)
    edit(folder / "2023.yaml", "underskrift:\n", "diarienummer: SFH 2024/7\nunderskrift:\n")
    html = html_of(folder)
    cover = cover_of(html)
    assert '<header class="front no-logo">' in cover  # no logo: the band stands higher on paper
    assert re.search(r'<div class="front-title">\s*<p class="front-forbund">Samordningsförbundet Halland</p>\s*'
                     r"<h1>Årsredovisning 2023</h1>", cover)
    assert re.findall(r"<div><dt>([^<]+)</dt><dd>([^<]+)</dd></div>", cover) == [
        ("Organisationsnummer", "222000-2857"), ("Diarienummer", "SFH 2024/7"), ("Säte", "Halmstad"),
        ("Beslutad av styrelsen", "2024-03-08")]
