"""The web version: site header, contents sidebar, PDF link, footer, embedded font,
signature statement and accessibility statement; none of it in the PDF."""
from __future__ import annotations

import base64
import io
import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import DATA, LATEST, derive_year

CSP = ("default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
       "form-action 'none'")


@cache
def report(name: str):
    return derive_year(DATA / name, LATEST[name])


@cache
def html_of(name: str) -> str:
    from generator.pipeline import render_report

    return render_report(report(name))


def element(html: str, start: str, tag: str) -> str:
    """The element that begins with `start` (no nesting of the same tag inside)."""
    begin = html.index(start)
    return html[begin:html.index(f"</{tag}>", begin) + len(tag) + 3]


def words(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


# --- Header, contents, PDF link -------------------------------------------------------

def test_the_site_header_shows_the_logo_the_name_the_date_and_the_pdf():
    header = element(html_of("exempelbygd"), '<header class="site-header">', "header")
    # The logo is decorative beside the name; the front page's has its words.
    logo = re.search(r'<img class="site-logo" src="(data:image/svg\+xml;base64,[^"]+)" alt="">', header)
    front = re.search(r'<p class="front-logo"><img src="([^"]+)" alt="([^"]+)">', html_of("exempelbygd"))
    assert logo and front and logo.group(1) == front.group(1)
    assert front.group(2) == "Exempelbygds logotyp, en sol över ett berg bredvid två streck"
    assert words(header) == ("Samordningsförbundet Exempelbygd (fiktivt) Årsrapport 2024 "
                             "Fastställd av styrelsen 14 mars 2025 Ladda ner PDF")
    # Halland has no logo and writes dates as ISO.
    halland = element(html_of("halland"), '<header class="site-header">', "header")
    assert "<img" not in halland
    assert words(halland) == ("Samordningsförbundet Halland Årsredovisning 2023 Fastställd av styrelsen 2024-03-08 "
                              "Ladda ner PDF")


def test_without_a_decision_date_the_header_says_no_date(tmp_path):
    from generator.layout.web import web

    folder = tmp_path / "halland"
    shutil.copytree(DATA / "halland", folder)
    year = folder / "2023.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("styrelsens_beslut: 2024-03-08\n", ""), encoding="utf-8")
    w = web(derive_year(folder, 2023))
    assert w.fastalld is None
    assert "Redogörelsen gjordes" not in words(" ".join(p for s in w.redogorelse for p in s.stycken))


@pytest.mark.parametrize("name", LATEST)
def test_the_sidebar_and_the_phone_menu_list_the_contents_of_the_toc(name):
    from generator.layout import layout_report

    page = layout_report(report(name))
    expected = [link for part in page.toc for link in (part.id, *(s.id for s in part.sections))]
    html = html_of(name)
    sidebar = element(html, '<nav class="site-nav"', "nav")
    menu = element(html, '<details class="site-menu">', "details")
    assert re.findall(r'href="#([^"]+)"', sidebar) == expected
    assert re.findall(r'href="#([^"]+)"', menu) == expected
    assert "<summary>Innehåll</summary>" in menu
    assert all(f'id="{link}"' in html for link in expected)


def test_the_pdf_link_names_the_pdf_built_beside_the_page():
    for name in LATEST:
        links = re.findall(r'<a href="([^"]+)" download type="application/pdf">Ladda ner PDF</a>', html_of(name))
        assert links == [f"{name}-{LATEST[name]}.pdf"] * 2  # the header's and the footer's


def test_the_built_pdf_link_points_at_the_pdf_next_to_the_html(built):
    for files in built.values():
        html = files["html"].read_text(encoding="utf-8")
        href = re.search(r'<a href="([^"]+)" download', html).group(1)
        assert href == files["pdf"].name and (files["html"].parent / href).is_file()


# --- The page's policy: no script, nothing loaded ---------------------------------------

@pytest.mark.parametrize("name", LATEST)
def test_the_policy_forbids_scripts_and_loads_and_only_links_go_out(name):
    html = html_of(name)
    csp = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp == [CSP] and "script-src" not in csp[0]
    assert "<script" not in html.lower() and not re.search(r"\son[a-z]+=", html)
    # http: and https: occur only as the target of a link, never as something to load.
    outside = [m.start() for m in re.finditer(r"https?:", html)]
    links = [m.start(1) for m in re.finditer(r'<a href="(https?:)', html)]
    assert outside == links and links  # the statement links to Digg's form
    assert not re.search(r'src="(?!data:image/)', html) and not re.search(r"url\((?!data:)", html)


def test_the_embedded_font_is_the_pdfs_cut_to_the_page():
    from fontTools.ttLib import TTFont

    html = html_of("exempelbygd")
    faces = re.findall(r'@font-face \{ font-family: "Source Sans Pro"; src: url\(data:font/woff2;base64,'
                       r'([A-Za-z0-9+/=]+)\) format\("woff2"\); font-weight: (\d+); font-style: (\w+);', html)
    assert [(w, s) for _, w, s in faces] == [("400", "normal"), ("400", "italic"), ("600", "normal"),
                                             ("700", "normal")]
    for data, _, _ in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff2" and font["name"].getDebugName(1).startswith("Source Sans Pro")
        cmap = font.getBestCmap()
        assert all(ord(ch) in cmap for ch in "Årsrapport 2024 åäöÅÄÖé–−"), "every character of the page"
        assert ord("ж") not in cmap and ord("ł") not in cmap, "only the characters a report uses"
    assert sum(len(data) for data, _, _ in faces) < 100_000


def test_the_html_printed_to_pdf_has_no_web_parts_and_no_embedded_font():
    from generator.layout import layout_report
    from generator.render import render_html

    printed = render_html(layout_report(report("exempelbygd")), "sv-SE", web=False)
    for part in ("site-header", "site-nav", "site-menu", "site-footer", "signed-statement",
                 "tillganglighetsredogorelse", "data:font/"):
        assert f'class="{part}"' not in printed and f'id="{part}"' not in printed
    assert "data:font/" not in printed and "Ladda ner PDF" not in printed


def test_the_web_parts_are_hidden_when_printed_from_a_browser():
    from generator.render import stylesheet

    rule = re.search(r"@media print \{\s*([^{]+)\{\s*display: none !important;", stylesheet())
    assert rule and {s.strip() for s in rule.group(1).split(",")} >= {
        ".site-header", ".site-nav", ".site-menu", ".site-footer", ".signed-statement", ".accessibility-statement"}


# --- Footer --------------------------------------------------------------------------

def test_the_footer_gives_the_contact_details_of_forbund_yaml():
    footer = element(html_of("exempelbygd"), '<footer class="site-footer">', "footer")
    assert words(footer) == ("Samordningsförbundet Exempelbygd (fiktivt) Postadress Box 100, 999 01 Exempelby "
                             "Besöksadress Solgatan 1, Exempelby Telefon 0999-12 34 56 "
                             "E-post kansli@exempelbygd.exempel.se Webbplats exempelbygd.exempel.se "
                             "Organisationsnummer 222000-0000 Tillgänglighetsredogörelse · Ladda ner PDF")
    assert re.findall(r'href="([^"#]+)"', footer) == [
        "tel:0999123456", "mailto:kansli@exempelbygd.exempel.se", "https://exempelbygd.exempel.se",
        "exempelbygd-2024.pdf"]
    assert 'href="#tillganglighetsredogorelse"' in footer


def test_without_kontakt_the_footer_has_the_name_and_no_contact_lines():
    footer = element(html_of("sydnarke"), '<footer class="site-footer">', "footer")
    assert "site-contact" not in footer and "Postadress" not in footer
    assert words(footer).startswith("Samordningsförbundet Sydnärke")


@pytest.mark.parametrize(("key", "written", "message"), [
    ("e_post", "mailto:kansli@exempel.se", "kontakt.e_post: skriv bara adressen: kansli@exempel.se"),
    ("e_post", "kansli(at)exempel.se",
     'kontakt.e_post: "kansli(at)exempel.se" är ingen e-postadress; skriv den som namn@exempel.se'),
    ("webbplats", "www.exempel.se",
     'kontakt.webbplats: "www.exempel.se" är ingen webbadress som börjar med https://; skriv https://www.exempel.se'),
    ("webbplats", "http://exempel.se/a b", 'kontakt.webbplats: "http://exempel.se/a b" är ingen webbadress som '
     "börjar med https://, till exempel https://www.exempel.se"),
])
def test_a_malformed_address_is_an_error_at_its_place(tmp_path, key, written, message):
    from generator.pipeline import check_year

    folder = tmp_path / "exempelbygd"
    shutil.copytree(DATA / "exempelbygd", folder)
    path = folder / "forbund.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(f"  {key}: "))
    path.write_text(re.sub(rf"(?m)^  {key}: .*$", f"  {key}: {written}", text), encoding="utf-8")
    found = [str(f) for f in check_year(folder, 2024).findings if f.severity.name == "ERROR"]
    col = len(f"  {key}: ") + 1
    assert found == [f"{Path(path)}:{line}:{col}: fel: {message} [E-TYPE]"]


# --- Signatures and the accessibility statement ----------------------------------------

@pytest.mark.parametrize(("name", "said"), [
    ("exempelbygd", "Årsrapporten har undertecknats av styrelsen i Exempelby den 14 mars 2025."),
    ("halland", "Årsredovisningen har undertecknats av styrelsen i Halmstad den 2024-03-08."),
    ("sydnarke", "Årsredovisningen har undertecknats av styrelsen med elektroniska underskrifter."),
])
def test_the_signature_block_says_who_signed_and_when(name, said):
    html = html_of(name)
    block = element(html, '<section class="part signatures" id="styrelsens-underskrift">', "section")
    assert re.findall(r'<p class="signed-statement">([^<]+)</p>', block) == [said]
    # Then the names with their roles; the lines to sign on are for paper only.
    assert block.index("signed-statement") < block.index('<ul class="signers')
    screen = re.search(r"@media screen \{(.*?)\n\}", html, re.S).group(1)
    assert ".place-date, .sign-line, .sign-line.representative + .signer-role { display: none; }" in screen


def test_the_accessibility_statement_has_the_parts_digg_asks_for():
    statement = words(element(html_of("exempelbygd"), '<section class="accessibility-statement"', "section"))
    for part in ("Tillgänglighetsredogörelse",
                 "Samordningsförbundet Exempelbygd (fiktivt) står bakom den här webbversionen av årsrapport 2024",
                 "lagen (2018:1937) om tillgänglighet till digital offentlig service", "WCAG 2.1 på nivå AA",
                 "Sidan är delvis förenlig med lagens krav", "Innehåll som inte är tillgängligt",
                 "Diagrammens textalternativ skrivs automatiskt", "axe", "PDF/UA",
                 "skriv till oss på kansli@exempelbygd.exempel.se", "Myndigheten för digital förvaltning (Digg)",
                 "digg.se/tdosanmalan", "självskattning",
                 "Redogörelsen gjordes och uppdaterades senast 14 mars 2025, när styrelsen fastställde årsrapporten."):
        assert part in statement, part
    html = html_of("exempelbygd")
    assert '<a href="https://www.digg.se/tdosanmalan">' in html
    assert '<a href="mailto:kansli@exempelbygd.exempel.se">' in html
    # Without an e-mail address in forbund.yaml the reader is told whom to contact.
    halland = words(element(html_of("halland"), '<section class="accessibility-statement"', "section"))
    assert "kontakta Samordningsförbundet Halland." in halland and "mailto:" not in halland
    assert "senast 2024-03-08, när styrelsen fastställde årsredovisningen." in halland


# --- The PDF is not changed by the web page --------------------------------------------

def test_the_pdf_has_none_of_the_web_page(built):
    for files in built.values():
        text = "\n".join(page.extract_text() for page in PdfReader(str(files["pdf"])).pages)
        assert "Ladda ner PDF" not in text and "Tillgänglighetsredogörelse" not in text
        assert "har undertecknats av styrelsen" not in text and "Fastställd av styrelsen" not in text
