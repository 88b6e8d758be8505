"""Front and back matter and the people beside the signatures (issue 9, items 7, 8 and 10):
titel, diarienummer, logo, the board's decisions, ersättare, members who did not sign,
party and organisation, organisations that sign, auditors' report submitted separately,
Bilagor, comments under a statement, and optional facts that print nothing when absent."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.pipeline import check_year, render_report

from .conftest import DATA


def copy_halland(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "halland"
    shutil.copytree(DATA / "halland", folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def outcome(folder: Path):
    return check_year(folder, 2023, base=folder.parent.parent)


def html_of(folder: Path) -> str:
    result = outcome(folder)
    assert result.report is not None and not result.errors, [str(f) for f in result.findings]
    return render_report(result.report)


def findings(folder: Path) -> list[str]:
    return [str(f) for f in outcome(folder).findings]


class Outline(HTMLParser):
    """Text of each element with a class or id the tests ask about, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}
        self.images: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append(a)
        if tag not in ("img", "br", "meta", "link"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, a in self.stack:
            for name in [f"#{a['id']}" if "id" in a else "", *(f".{c}" for c in a.get("class", "").split())]:
                if name:
                    self.texts.setdefault(name, []).append(data)

    def text(self, name: str) -> str:
        return re.sub(r"[ \t\r\n]+", " ", "".join(self.texts.get(name, []))).strip(" ")


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


# --- Front page ------------------------------------------------------------------------

def test_titel_diarienummer_everywhere_the_document_is_named(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "forbund.yaml", "installningar:\n", "installningar:\n  titel: Årsrapport\n")
    edit(folder / "2023.yaml", "underskrift:\n", "diarienummer: SFH 2024/7\nunderskrift:\n")
    html = html_of(folder)
    o = outline(html)
    assert "<title>Samordningsförbundet Halland – Årsrapport 2023</title>" in html
    assert re.search(r"<h1>Årsrapport 2023</h1>", html)
    assert "DiarienummerSFH 2024/7" in o.text(".front-facts")
    assert "avger här årsrapport för räkenskapsåret 2023" in re.sub(r"\s+", " ", html)
    assert "Styrelsen intygar att årsrapporten ger" in o.text("#styrelsens-underskrift")
    assert "Årsrapporten är upprättad enligt" in o.text("#not-1")
    assert "Årsredovisning" not in html.replace("Årsredovisningar", "")  # nowhere as the document's name


def test_without_organisationsnummer_nothing_names_it(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "forbund.yaml", 'organisationsnummer: "222000-2857"\n', "")
    html = html_of(folder)
    assert "rganisationsnummer" not in html and "222000" not in html and "None" not in html
    assert "Styrelsen för Samordningsförbundet Halland avger här" in re.sub(r"\s+", " ", html)


def test_without_diarienummer_no_empty_line(tmp_path):
    html = html_of(copy_halland(tmp_path))
    assert "Diarienummer" not in html


# --- People ----------------------------------------------------------------------------

PEOPLE = """styrelse:
  - namn: Linda Biltmark
    roll: Ordförande
    utsedd_av: Försäkringskassan
    parti: S
  - namn: Helene Andersson
    roll: Vice ordförande
    utsedd_av: Region Halland
    organisation: Region Halland
  - namn: Arbetsförmedlingen
    roll: Ledamot
    organisation_undertecknar: true
  - namn: Christofer Lundholm
    roll: Ledamot
    utsedd_av: Halmstads kommun

ersattare:
  - namn: Per Persson
    utsedd_av: Hylte kommun
    parti: C

revisorer:"""


def _people(folder: Path) -> None:
    text = (folder / "forbund.yaml").read_text(encoding="utf-8")
    start, end = text.index("styrelse:\n"), text.index("revisorer:")
    (folder / "forbund.yaml").write_text(text[:start] + PEOPLE + text[end + len("revisorer:"):], encoding="utf-8")


def test_party_organisation_deputies_and_a_member_who_did_not_sign(tmp_path):
    folder = copy_halland(tmp_path)
    _people(folder)
    edit(folder / "2023.yaml", "  ort: Halmstad\n", "  ort: Halmstad\n  ej_undertecknat: [Christofer Lundholm]\n")
    html = html_of(folder)
    part = html[html.index('id="styrelsens-underskrift"'):html.index('id="revisorernas-pateckning"')]
    signers = re.findall(r'<li class="signer([^"]*)">(.*?)</li>', part, flags=re.S)
    shown = [(cls.strip(), re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()) for cls, body in signers]
    assert shown == [
        ("", "Linda Biltmark (S) Ordförande, utsedd av Försäkringskassan"),
        ("", "Helene Andersson, Region Halland Vice ordförande, utsedd av Region Halland"),
        ("organisation", "För Arbetsförmedlingen Ledamot Namnförtydligande"),
        ("not-signed", "Christofer Lundholm Ledamot, utsedd av Halmstads kommun Har inte undertecknat"),
    ]
    # A member who did not sign has no line to sign on; everyone else has one (two for an organisation).
    assert [body.count("sign-line") for _, body in signers] == [1, 1, 2, 0]
    o = outline(html)
    assert o.text(".deputies") == "Per Persson (C) Ersättare, utsedd av Hylte kommun"
    assert "sign-line" not in part[part.index("deputies"):]


def test_a_name_under_ej_undertecknat_not_on_the_board_is_an_error(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "2023.yaml", "  ort: Halmstad\n", "  ort: Halmstad\n  ej_undertecknat: [Christoffer Lundholm]\n")
    assert [f for f in findings(folder) if "E-STYRELSE" in f] == [
        'data/halland/2023.yaml:9:20: fel: "Christoffer Lundholm" under ej_undertecknat är ingen ledamot i styrelsen; '
        'menade du "Christofer Lundholm"? [E-STYRELSE]']


def test_auditors_report_submitted_separately(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "forbund.yaml", "installningar:\n", "installningar:\n  revisorernas_patekning: separat\n")
    html = html_of(folder)
    start = html.index('id="revisorernas-pateckning"')
    part = html[start:html.index("</section>", start)]
    o = outline(part)
    assert o.text(".auditors-separate") == "Revisorernas revisionsberättelse för 2023 lämnas separat."
    assert "Daniel Larsson, KPMG AB" in o.text(".auditors")
    assert "sign-line" not in part and "________" not in part


def test_board_decisions_beside_the_signatures_name_figures(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "2023.yaml", "  ort: Halmstad\n", "  ort: Halmstad\n  beslut: >-\n    Styrelsen beslutar att "
         "föra över {{ resultatrakning.arets_resultat | kr }} till nästa års budget.\n")
    o = outline(html_of(folder))
    assert o.text(".board-decisions") == ("Styrelsen beslutar att föra över \u22122\u00a0812\u00a0499\u00a0kr "
                                          "till nästa års budget.")


def test_an_unknown_figure_in_the_decisions_is_an_error_at_its_place(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "2023.yaml", "  ort: Halmstad\n",
         "  ort: Halmstad\n  beslut: Vi för över {{ resultatrakning.arets }}.\n")
    assert [f for f in findings(folder) if "E-REFERENS" in f] == [
        'data/halland/2023.yaml:9:23: fel: "resultatrakning.arets" är inget belopp som räknas fram för 2023; menade '
        'du "resultatrakning.arets_resultat"? [E-REFERENS]']


# --- Logo ------------------------------------------------------------------------------

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="40">\n'
       '  <defs><linearGradient id="g"><stop offset="0" stop-color="#2a5"/></linearGradient></defs>\n'
       '  <rect width="120" height="40" fill="url(#g)"/><use xlink:href="#g"/>\n'
       "</svg>\n")


def _logo(folder: Path, name: str, content: bytes, alt: str = '\n  alt: "Förbundets logotyp"') -> None:
    (folder / "bilder").mkdir(exist_ok=True)
    (folder / "bilder" / name).write_bytes(content)
    edit(folder / "forbund.yaml", "sate: Halmstad\n", f"sate: Halmstad\nlogotyp:\n  fil: bilder/{name}{alt}\n")


def test_an_svg_logo_is_embedded_on_the_front_page_with_its_text(tmp_path):
    folder = copy_halland(tmp_path)
    _logo(folder, "logo.svg", SVG.encode())
    o = outline(html_of(folder))
    [img] = [i for i in o.images if i["src"].startswith("data:image/svg+xml;base64,") and i.get("alt") ==
             "Förbundets logotyp"]
    assert o.text(".front-logo") == ""  # the picture only; its words are the alt text


def test_a_png_logo_is_embedded(tmp_path):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "white").save(buffer, "PNG")
    folder = copy_halland(tmp_path)
    _logo(folder, "logo.png", buffer.getvalue())
    assert any(i["src"].startswith("data:image/png;base64,") for i in outline(html_of(folder)).images)


def test_a_logo_without_alt_text_is_an_error_at_its_line(tmp_path):
    folder = copy_halland(tmp_path)
    _logo(folder, "logo.svg", SVG.encode(), alt="")
    assert findings(folder) == ['data/halland/forbund.yaml:7:1: fel: logotyp saknar nyckeln "alt", som måste finnas; '
                                "lägg till den, som alt: … [E-MISSING]"]


BAD_SVG = {
    "doctype": ('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "xxxxxxxx">]>\n<svg xmlns="http://www.w3.org/2000/svg">'
                "&x;</svg>", "2:15", "logotypen har en DOCTYPE"),
    "script": ('<svg xmlns="http://www.w3.org/2000/svg">\n  <script>alert(1)</script>\n</svg>', "2:3",
               "logotypen innehåller ett skript (<script>)"),
    "event": ('<svg xmlns="http://www.w3.org/2000/svg">\n  <rect onclick="alert(1)" width="1"/>\n</svg>', "2:3",
              'logotypen har händelseattributet onclick="…"'),
    "foreign": ('<svg xmlns="http://www.w3.org/2000/svg">\n<foreignObject><p>x</p></foreignObject></svg>', "2:1",
                "logotypen innehåller <foreignObject>"),
    "external": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
                 '  <image xlink:href="https://example.com/x.png" width="1" height="1"/>\n</svg>', "2:3",
                 'logotypen hänvisar till något utanför filen (href="https://example.com/x.png")'),
    "file": ('<svg xmlns="http://www.w3.org/2000/svg">\n  <use href="/etc/passwd#x"/>\n</svg>', "2:3",
             'logotypen hänvisar till något utanför filen (href="/etc/passwd#x")'),
    "style": ('<svg xmlns="http://www.w3.org/2000/svg">\n  <rect style="fill: url(http://x.se/a)"/>\n</svg>', "2:3",
              "logotypens stil hämtar något utanför filen"),
    "not_svg": ("<html><body>x</body></html>", "1:1", "filen är ingen SVG-bild"),
    "broken": ('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', "1:49", "filen är ingen giltig SVG"),
}


@pytest.mark.parametrize("case", sorted(BAD_SVG))
def test_an_svg_logo_with_active_content_is_refused_at_its_line(tmp_path, case):
    svg, place, why = BAD_SVG[case]
    folder = copy_halland(tmp_path)
    _logo(folder, "logo.svg", svg.encode())
    result = outcome(folder)
    refused = [str(f) for f in result.findings if f.code == "E-LOGOTYP"]
    assert len(refused) == 1, refused
    assert refused[0].startswith(f"data/halland/bilder/logo.svg:{place}: fel: {why}"), refused
    assert refused[0].endswith("[E-LOGOTYP]") and ("ta bort" in refused[0] or "spara" in refused[0])
    assert result.report is not None and result.report.logotyp is None


@pytest.mark.parametrize(("fil", "why"), [
    ("../2023.yaml", 'logotypen "../2023.yaml" kan inte visas: skriv sökvägen till en SVG- eller PNG-fil'),
    ("https://example.com/logo.svg", 'logotypen "https://example.com/logo.svg" kan inte visas'),
    ("bilder/saknas.svg", "logotypen bilder/saknas.svg finns inte i förbundets mapp"),
    ("bilder/logo.gif", 'logotypen "bilder/logo.gif" kan inte visas'),
])
def test_a_logo_path_outside_missing_or_of_another_kind_is_an_error_at_fil(tmp_path, fil, why):
    folder = copy_halland(tmp_path)
    edit(folder / "forbund.yaml", "sate: Halmstad\n", f"sate: Halmstad\nlogotyp:\n  fil: {fil}\n  alt: Logga\n")
    refused = [f for f in findings(folder) if "E-LOGOTYP" in f]
    assert len(refused) == 1 and refused[0].startswith(f"data/halland/forbund.yaml:8:8: fel: {why}"), refused


def test_a_logo_linked_from_outside_the_folder_is_refused(tmp_path):
    folder = copy_halland(tmp_path)
    (tmp_path / "outside.svg").write_text(SVG)
    (folder / "bilder").mkdir()
    (folder / "bilder" / "logo.svg").symlink_to(tmp_path / "outside.svg")
    edit(folder / "forbund.yaml", "sate: Halmstad\n", "sate: Halmstad\nlogotyp:\n  fil: bilder/logo.svg\n  alt: L\n")
    assert [f for f in findings(folder) if "E-LOGOTYP" in f] == [
        "data/halland/forbund.yaml:8:8: fel: logotypen bilder/logo.svg leder via en länk utanför förbundets mapp; "
        "lägg filen där som en vanlig fil [E-LOGOTYP]"]


# --- Bilagor and comments under statements ---------------------------------------------

BACK = """
## Kommentar till resultaträkningen

Underskottet är planerat och möts av eget kapital.

## Bilaga: Insatskatalog 2023

| Insats | Kommun |
|---|---|
| Steg A | Halmstad |

## Bilaga 2: Verksamhetsplan

Planen antogs i december.
"""


def test_bilagor_after_the_auditors_in_the_toc_and_a_comment_under_its_statement(tmp_path):
    folder = copy_halland(tmp_path)
    with (folder / "2023.md").open("a", encoding="utf-8") as md:
        md.write(BACK)
    html = html_of(folder)
    o = outline(html)
    ids = re.findall(r'<section class="part[^"]*" id="([^"]+)"', html)
    assert ids[-3:] == ["styrelsens-underskrift", "revisorernas-pateckning", "bilagor"]
    toc = o.text("#innehall")
    assert "9 Bilagor Bilaga 1 Insatskatalog 2023 Bilaga 2 Verksamhetsplan" in toc
    assert re.findall(r"<h3>(Bilaga \d [^<]+)</h3>", html) == ["Bilaga 1 Insatskatalog 2023",
                                                               "Bilaga 2 Verksamhetsplan"]
    assert "<th>Insats</th>" in html[html.index('id="bilaga-1"'):]  # the Markdown table is a table
    assert o.text("#bilaga-2") == "Bilaga 2 Verksamhetsplan Planen antogs i december."
    # The comment stands right under the income statement, not in the förvaltningsberättelse.
    rr = html[html.index('id="resultatrakning"'):html.index('id="balansrakning"')]
    assert rr.index("</table>") < rr.index("Underskottet är planerat") and "Kommentar till" not in toc


def test_a_comment_under_a_driftredovisning_the_year_lacks_is_an_error_at_its_heading(tmp_path):
    folder = copy_halland(tmp_path)
    text = (folder / "2023.yaml").read_text(encoding="utf-8")
    start = text.index("driftredovisning:\n")
    (folder / "2023.yaml").write_text(text[:start] + text[text.index("balanskrav:\n"):], encoding="utf-8")
    with (folder / "2023.md").open("a", encoding="utf-8") as md:
        md.write("\n## Kommentar till driftredovisningen\n\nText.\n")
    lines = (folder / "2023.md").read_text(encoding="utf-8").split("\n")
    line = lines.index("## Kommentar till driftredovisningen") + 1
    assert [f for f in findings(folder) if "E-NARRATIV" in f] == [
        f'data/halland/2023.md:{line}:1: fel: "Kommentar till driftredovisningen": årsfilen har ingen '
        "driftredovisning 2023, så kommentaren har ingen tabell att stå under; lägg till driftredovisning i årsfilen "
        "eller ta bort avsnittet [E-NARRATIV]"]


def test_without_bilagor_there_is_no_bilagor_part(tmp_path):
    html = html_of(copy_halland(tmp_path))
    assert 'id="bilagor"' not in html and "Bilagor" not in outline(html).text("#innehall")


# --- Facts a report may lack -----------------------------------------------------------

def _visible_text(html: str) -> str:
    body = html[html.index("<body"):]
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", body))


def test_without_population_keys_check_is_clean_and_nothing_stands_in_their_place(tmp_path):
    folder = copy_halland(tmp_path)
    before = _visible_text(html_of(folder))
    text = (folder / "forbund.yaml").read_text(encoding="utf-8")
    (folder / "forbund.yaml").write_text(re.sub(r"\n    fordelningsnyckel: \d+", "", text), encoding="utf-8")
    assert "fordelningsnyckel" not in (folder / "forbund.yaml").read_text(encoding="utf-8")
    assert outcome(folder).findings == ()
    after = _visible_text(html_of(folder))
    assert after == before  # the key is used only to check the shares; the report never showed it
    assert "None" not in after and "[?]" not in after


def test_a_comparison_year_without_its_decision_date_prints_no_placeholder(tmp_path):
    folder = copy_halland(tmp_path)
    edit(folder / "2022.yaml", "styrelsens_beslut: 2023-03-10\n", "")
    assert outcome(folder).findings == ()
    assert [str(f) for f in check_year(folder, 2022, base=folder.parent.parent).findings if f.code == "E-MISSING"] == []
    report = check_year(folder, 2022, base=folder.parent.parent).report
    assert report is not None
    o = outline(render_report(report))
    assert "Beslutad av styrelsen" not in o.text(".front-facts") and "–" not in o.text(".front-facts")
    assert o.text(".place-date") == "den ________________"  # 2022 has no underskrift either: a line to write on
    assert "2023-03-10" not in _visible_text(html_of(folder))


# --- Footnotes -------------------------------------------------------------------------

def test_footnotes_are_numbered_linked_and_listed_under_their_text(tmp_path):
    folder = copy_halland(tmp_path)
    with (folder / "2023.md").open("a", encoding="utf-8") as md:
        md.write("\n## Kommentar till balansräkningen\n\nKassan[^kassa] och skulderna[^2] och kassan igen[^kassa].\n\n"
                 "[^2]: Leverantörsskulder i **december**.\n"
                 "[^kassa]: Enligt {{ balansrakning.kassa_och_bank | kr }}.\n")
    assert outcome(folder).findings == ()
    html = html_of(folder)
    part = html[html.index('id="balansrakning"'):html.index('id="kassaflodesanalys"')]
    refs = re.findall(r'<sup class="fotnot-ref" id="([^"]+)"><a href="#([^"]+)" aria-label="Fotnot \d">(\d)</a></sup>',
                      part)
    assert [n for _, _, n in refs] == ["1", "2", "1"]  # numbered in the order first referred to
    notes = re.findall(r'<li id="([^"]+)">(.*?)</li>', part[part.index('class="fotnoter"'):], flags=re.S)
    assert [re.sub(r"<[^>]+>", "", text).strip() for _, text in notes] == [
        "Enligt 5\u00a0537\u00a0448\u00a0kr.", "Leverantörsskulder i december."]
    assert refs[0][1] == notes[0][0] and refs[1][1] == notes[1][0]  # each number links to its note
    assert "[^" not in part


def test_a_footnote_without_text_and_a_note_never_used_are_warnings_at_their_lines(tmp_path):
    folder = copy_halland(tmp_path)
    lines = (folder / "2023.md").read_text(encoding="utf-8").count("\n")
    with (folder / "2023.md").open("a", encoding="utf-8") as md:
        md.write("\n## Egen rubrik\n\nSe not[^saknas].\n\n[^oanvand]: Ingen hänvisar hit.\n")
    assert [f for f in findings(folder) if "W-FOTNOT" in f] == [
        f'data/halland/2023.md:{lines + 4}:7: varning: fotnoten "[^saknas]" har ingen text: skriv den på en egen rad, '
        "som [^saknas]: Fotnotens text. [W-FOTNOT]",
        f'data/halland/2023.md:{lines + 6}:1: varning: fotnoten "[^oanvand]" används inte i texten och visas inte; '
        "skriv [^oanvand] där den hör hemma eller ta bort den [W-FOTNOT]"]


# --- In the PDF ------------------------------------------------------------------------

@pytest.mark.slow
def test_front_and_back_matter_in_the_pdf(tmp_path):
    import subprocess

    from pypdf import PdfReader

    from .conftest import run_cli

    folder = copy_halland(tmp_path)
    _people(folder)
    _logo(folder, "logo.svg", SVG.encode())
    edit(folder / "forbund.yaml", "installningar:\n", "installningar:\n  titel: Årsrapport\n"
         "  revisorernas_patekning: separat\n")
    edit(folder / "2023.yaml", "  ort: Halmstad\n", "  ort: Halmstad\n  ej_undertecknat: [Christofer Lundholm]\n"
         "  beslut: |\n    Styrelsen beslutar att föra över 400 000 kr till 2024.[^1]\n\n    [^1]: Enligt budgeten.\n")
    edit(folder / "2023.yaml", "underskrift:\n", "diarienummer: SFH 2024/7\nunderskrift:\n")
    with (folder / "2023.md").open("a", encoding="utf-8") as md:
        md.write(BACK)
    result = run_cli("report", "--forbund", "halland", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "build" / "halland-2023.pdf"
    reader = PdfReader(str(pdf))
    assert reader.metadata["/Title"] == "Samordningsförbundet Halland – Årsrapport 2023"
    pages = [p.extract_text() for p in reader.pages]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Årsrapport 2023" in pages[0] and "SFH 2024/7" in pages[0]
    assert pages[0].count("/Subtype") == 0 and "/XObject" in str(reader.pages[0]["/Resources"])  # the logo is drawn
    assert "Årsredovisning" not in text
    assert "Har inte undertecknat" in text and "För Arbetsförmedlingen" in text and "Per Persson (C)" in text
    assert "Styrelsen beslutar att föra över 400 000 kr till 2024." in text and "Enligt budgeten." in text
    assert "Revisorernas revisionsberättelse för 2023 lämnas separat." in text
    toc = next(p for p in pages if p.lstrip().startswith("Innehåll"))
    assert re.search(r"9 Bilagor[ .]*\d+", toc) and "Bilaga 2 Verksamhetsplan" in toc
    last = pages[-1]
    assert "Bilaga 2 Verksamhetsplan" in last and "Planen antogs i december." in last
    outline_titles = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert "9 Bilagor" in outline_titles


# --- The fictional example uses all of it ----------------------------------------------

def test_exempelbygd_shows_its_front_and_back_matter_and_people():
    result = check_year(DATA / "exempelbygd", 2024)
    assert result.report is not None and result.findings == ()
    html = render_report(result.report)
    o = outline(html)
    assert "<h1>Årsrapport 2024</h1>" in html and "DiarienummerSFE 2025/3" in o.text(".front-facts")
    assert any(i["src"].startswith("data:image/svg+xml;base64,") and i["alt"].startswith("Exempelbygds logotyp")
               for i in o.images)
    assert "Styrelsen beslutar att föra över 200\u00a0000\u00a0kr" in o.text(".board-decisions")
    assert "Fredrik Testlund (Z) Ledamot, utsedd av Låtsasmåla kommun Har inte undertecknat" in o.text(".not-signed")
    assert "För Exempelbygdens brukarråd" in o.text(".organisation")
    assert "Johan Vikarie, Arbetsförmedlingen" in o.text(".deputies")
    assert o.text(".auditors-separate") == "Revisorernas revisionsberättelse för 2024 lämnas separat."
    assert "9 Bilagor Bilaga 1 Insatser och ägare 2024 Bilaga 2 Styrelsens sammanträden" in o.text("#innehall")
    drift = html[html.index('id="driftredovisning"'):html.index('id="noter"')]
    assert 'class="narrative statement-comment"' in drift and 'class="fotnoter"' in drift
    # The comparison year has no decision date, and its own report prints no placeholder for it.
    fjol = check_year(DATA / "exempelbygd", 2023)
    assert fjol.report is not None and fjol.report.arsfil.styrelsens_beslut is None and not fjol.errors
    assert "Beslutad av styrelsen" not in render_report(fjol.report)


def test_every_table_of_a_bilaga_has_a_caption(tmp_path):
    folder = copy_halland(tmp_path)
    with (folder / "2023.md").open("a", encoding="utf-8") as md:
        md.write(BACK + "\n| A | B |\n|---|---|\n| 1 | 2 |\n\nText.\n\n| C |\n|---|\n| 3 |\n")
    html = html_of(folder)
    part = html[html.index('id="bilagor"'):]
    assert re.findall(r"<table[^>]*><caption>([^<]+)</caption>", part) == [
        "Bilaga 1 Insatskatalog 2023", "Bilaga 2 Verksamhetsplan", "Bilaga 2 Verksamhetsplan (tabell 2)"]
    assert part.count("<table") == 3
