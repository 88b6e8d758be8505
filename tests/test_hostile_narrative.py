"""Hostile narrative: links to the build machine, scripts, raw HTML and images never reach
the report; each refused link is a warning at its line and column (issue 8, point 3)."""
from __future__ import annotations

import re

import pytest

from generator.narrative import read_narrative, render_markdown

LANK = ('varning: länken "{}" visas som vanlig text: en länk får bara gå till en webbsida (https://…), '
        "en e-postadress (mailto:…) eller en rubrik i rapporten (#…) [W-LANK]")
BILD = ('varning: bilden "{}" visas inte: bara bilder i förbundets egen mapp kan visas, som PNG eller JPEG, med en '
        "sökväg utan .. (till exempel ![Styrelsen](styrelsen.jpg)); en webbadress eller en sökväg utanför mappen "
        "visas inte [W-BILD]")
def _png(width: int = 2, height: int = 2) -> bytes:
    """A real PNG picture, made by Pillow (the library the check decodes with)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 60, 120)).save(out, format="PNG")
    return out.getvalue()


PNG = _png()


# (the line as written on line 3 of the file, what the message names, the column)
REFUSED = [
    ("Se [lösen](/etc/passwd).", "/etc/passwd", 4),
    ("Se [data](2023.yaml).", "2023.yaml", 4),
    ("Se [fil](file:///home/kansli/hemligt.pdf).", "file:///home/kansli/hemligt.pdf", 4),
    ("Se [värd](//evil.example/x).", "//evil.example/x", 4),
    ("[tab](java%09script:alert(1))", "java%09script:alert(1)", 1),
    ("[skript](javascript:alert(1))", "javascript:alert(1)", 1),
    ("[skript](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)", 1),
    ("[entitet](javascript&#58;alert(1))", "javascript:alert(1)", 1),
    ("[tecken](<java\tscript:alert(1)>)", "java%09script:alert(1)", 1),
    ("Klicka <javascript:alert(1)> här", "javascript:alert(1)", 8),
    ("[data](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4=", 1),
    ("[vb](vbscript:msgbox(1))", "vbscript:msgbox(1)", 1),
    ("[relativ](../forbund.yaml)", "../forbund.yaml", 1),
    ("[ftp](ftp://example.org/x)", "ftp://example.org/x", 1),
    ("[osynligt](java\u200bscript:alert(1))", "java%E2%80%8Bscript:alert(1)", 1),
    ("[lokal](C:/Windows/win.ini)", "C:/Windows/win.ini", 1),
]


def _read(tmp_path, body: str):
    path = tmp_path / "2023.md"
    path.write_text(f"## Organisation\n\n{body}\n", encoding="utf-8")
    return read_narrative(path, "data/halland/2023.md")


@pytest.mark.parametrize(("line", "shown", "col"), REFUSED, ids=[r[1][:30] for r in REFUSED])
def test_a_link_that_may_not_stay_is_text_with_a_warning_at_its_line(tmp_path, line, shown, col):
    sections, findings = _read(tmp_path, line)
    assert [str(f) for f in findings] == [f"data/halland/2023.md:3:{col}: " + LANK.format(shown)]
    html = render_markdown(sections[0].markdown)
    assert "href" not in html and "<a" not in html, html
    text = re.sub(r"<[^>]+>", "", html)
    assert re.search(r"\w", text)


def test_a_reference_link_is_reported_at_the_line_that_uses_it(tmp_path):
    _, findings = _read(tmp_path, "Första raden\nSe [här][r] och\n\n[r]: /etc/shadow")
    assert [str(f) for f in findings] == ["data/halland/2023.md:4:4: " + LANK.format("/etc/shadow")]


def test_a_link_on_a_later_line_of_a_paragraph_in_a_later_section(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("## Organisation\nA\n\n## Uppdrag\n\nrad ett\nrad två [x](file:///etc/hosts)\n", encoding="utf-8")
    _, findings = read_narrative(path, "2023.md")
    assert [str(f) for f in findings] == ["2023.md:7:9: " + LANK.format("file:///etc/hosts")]


@pytest.mark.parametrize("link", ["https://www.finsam.se/", "http://example.org/a?b=c", "mailto:kansli@example.se",
                                  "#not-1", "HTTPS://EXAMPLE.ORG"])
def test_web_mail_and_in_document_links_stay(tmp_path, link):
    sections, findings = _read(tmp_path, f"Se [här]({link}).")
    assert findings == []
    assert f'href="{link}"' in render_markdown(sections[0].markdown)


def test_an_image_is_its_description_with_a_warning(tmp_path):
    sections, findings = _read(tmp_path, "Logga: ![Förbundets logga](/etc/passwd)")
    assert [str(f) for f in findings] == ["data/halland/2023.md:3:8: " + BILD.format("/etc/passwd")]
    html = render_markdown(sections[0].markdown)
    assert "<img" not in html and "passwd" not in html and "Förbundets logga" in html


def test_a_picture_of_the_forbund_folder_is_embedded_and_nothing_is_said(tmp_path):
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "karta.png").write_bytes(PNG)
    sections, findings = _read(tmp_path, "![Karta över länet](bilder/karta.png)")
    assert findings == []
    html = render_markdown(sections[0].markdown, dict(sections[0].bilder))
    assert re.findall(r"<img[^>]*>", html) == [
        '<img src="data:image/png;base64,' + __import__("base64").b64encode(PNG).decode() + '" alt="Karta över länet">']


@pytest.mark.parametrize(("src", "make", "why"), [
    ("karta.png", None, "filen karta.png finns inte i förbundets mapp; lägg bilden där eller rätta namnet"),
    ("karta.png", b"GIF89a", "filen karta.png är inte en PNG-bild; spara den som PNG eller JPEG"),
    ("karta.gif", b"GIF89a", None),
    ("../karta.png", PNG, None),
    ("/tmp/karta.png", PNG, None),
    ("https://example.org/karta.png", PNG, None),
    ("data:image/png;base64,iVBORw0KGgo=", PNG, None),
    (".dold.png", PNG, None),
])
def test_a_picture_that_is_not_the_forbunds_own_png_or_jpeg_is_not_shown(tmp_path, src, make, why):
    if make is not None and "/" not in src and ":" not in src:
        (tmp_path / src).write_bytes(make)
    sections, findings = _read(tmp_path, f"![karta]({src})")
    expected = BILD.format(src) if why is None else f'varning: bilden "{src}" visas inte: {why} [W-BILD]'
    assert [str(f) for f in findings] == ["data/halland/2023.md:3:1: " + expected]
    assert "<img" not in render_markdown(sections[0].markdown, dict(sections[0].bilder))


def test_a_picture_reached_through_a_linked_folder_outside_is_not_shown(tmp_path):
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "karta.png").write_bytes(PNG)
    folder = tmp_path / "halland"
    folder.mkdir()
    (folder / "bilder").symlink_to(outside)
    sections, findings = _read(folder, "![karta](bilder/karta.png)")
    assert [f.message for f in findings] == [
        'bilden "bilder/karta.png" visas inte: bilder/karta.png leder via en länk till något utanför förbundets '
        "mapp och visas inte"]
    assert sections[0].bilder == ()


@pytest.mark.parametrize(("name", "make", "why"), [
    ("trasig.png", lambda: PNG[:40], "filen trasig.png är en skadad eller ofullständig PNG-bild; spara den på nytt som "
     "PNG eller JPEG"),
    ("jattestor.png", lambda: _png(8000, 6000), "bilden jattestor.png är 8000 × 6000 bildpunkter; gör den mindre "
     "(högst 40 miljoner bildpunkter, en bild över en sida behöver inte mer)"),
])
def test_a_damaged_or_enormous_picture_is_refused_before_it_reaches_the_pdf(tmp_path, name, make, why):
    (tmp_path / name).write_bytes(make())
    sections, findings = _read(tmp_path, f"![bild]({name})")
    assert [f.message for f in findings] == [f'bilden "{name}" visas inte: {why}']
    assert sections[0].bilder == ()


def test_a_picture_named_with_swedish_letters_and_a_space_is_found(tmp_path):
    (tmp_path / "styrelsen å.png").write_bytes(PNG)
    sections, findings = _read(tmp_path, "![Styrelsen](<styrelsen å.png>)")
    assert findings == [] and len(sections[0].bilder) == 1


def test_a_picture_that_is_a_link_to_itself_is_refused_not_a_crash(tmp_path):
    (tmp_path / "slinga.png").symlink_to("slinga.png")
    sections, findings = _read(tmp_path, "![x](slinga.png)")
    assert [f.message for f in findings] == [
        'bilden "slinga.png" visas inte: slinga.png är en länk som pekar på sig själv i en slinga; lägg bilden där '
        "som en vanlig fil"]


def test_a_picture_too_big_is_not_read(tmp_path):
    (tmp_path / "stor.png").write_bytes(PNG + b"\0" * (2 * 1024 * 1024))
    sections, findings = _read(tmp_path, "![stor](stor.png)")
    assert [f.message for f in findings] == [
        'bilden "stor.png" visas inte: filen är 2,0 MB, mer än de 1,0 MB som en sådan fil får vara; den är troligen '
        "fel fil eller har fått något inklistrat av misstag"]


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>",
    '<iframe src="file:///etc/passwd"></iframe>',
    '<a href="https://x.se" onclick="alert(1)">a</a>',
    '<p style="background:url(file:///etc/passwd)">x</p>',
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<object data="file:///etc/passwd"></object>',
    "<!-- <script>alert(1)</script> -->",
])
def test_raw_html_is_shown_as_text_never_as_markup(raw):
    html = render_markdown(f"Före\n\n{raw}\n\nEfter")
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert tags and all(re.fullmatch(r'<p data-line="\d">', tag) for tag in tags), html
    assert "&lt;" in html


def test_a_line_of_raw_html_inside_a_table_cell_is_text():
    html = render_markdown("| a |\n|---|\n| <script>x</script> [y](/etc/passwd) |\n")
    assert "<script" not in html and "href" not in html and "&lt;script&gt;" in html


# --- The built report: nothing of the build machine in its links (HTML and PDF) -------------

HOSTILE_MD = """
Se [lösen](/etc/passwd), [data](2023.yaml), [fil](file:///etc/hosts), [värd](//evil.example/x),
[tab](java%09script:alert(1)), [skript](JavaScript:alert(1)), <vbscript:msgbox(1)> och
![bild](/etc/passwd). Men [Finsam](https://www.finsam.se/) och [not](#not-1) står kvar.
"""


def _hostile_copy(tmp_path, addition: str):
    import shutil

    from .conftest import DATA

    folder = tmp_path / "halland"
    shutil.copytree(DATA / "halland", folder)
    md = (folder / "2023.md").read_text(encoding="utf-8")
    (folder / "2023.md").write_text(md.replace("## Organisation\n", "## Organisation\n" + addition, 1),
                                    encoding="utf-8")
    return folder


def _pdf_links(path) -> list[str]:
    from pypdf import PdfReader

    found = []
    for page in PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                found.append(str(action.get("/URI") or action.get("/D") or action.get("/S")))
    return found


@pytest.mark.slow
def test_no_link_of_the_built_report_leads_to_the_build_machine_or_a_script(tmp_path):
    from generator.pipeline import build_year

    folder = _hostile_copy(tmp_path, HOSTILE_MD)
    outcome = build_year(folder, tmp_path / "build", 2023)
    html = (tmp_path / "build" / "halland-2023.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert "https://www.finsam.se/" in hrefs
    # Besides anchors and web addresses, only the web page's two links to the PDF built beside it.
    assert [h for h in hrefs if not h.startswith(("#", "https://"))] == ["halland-2023.pdf"] * 2
    uris = [u for u in _pdf_links(tmp_path / "build" / "halland-2023.pdf") if "://" in u or ":" in u]
    assert uris == ["https://www.finsam.se/"], uris
    assert [str(f) for f in outcome.findings] == [
        f"{folder}/2023.md:{place}: " + (BILD if what == "/etc/passwd " else LANK).format(what.strip())
        for place, what in [("14:4", "/etc/passwd"), ("14:26", "2023.yaml"), ("14:45", "file:///etc/hosts"),
                            ("14:71", "//evil.example/x"), ("15:1", "java%09script:alert(1)"),
                            ("15:32", "JavaScript:alert(1)"), ("15:63", "vbscript:msgbox(1)"),
                            ("16:1", "/etc/passwd ")]]


# --- The page's Content-Security-Policy -------------------------------------------------

def test_the_html_forbids_scripts_and_requests_and_has_none():
    from generator.pipeline import render_report

    from .conftest import DATA, derive_year

    html = render_report(derive_year(DATA / "halland", 2023))
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp and csp.group(1) == ("default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
                                    "base-uri 'none'; form-action 'none'")
    assert html.index("Content-Security-Policy") < html.index("<style>"), "the policy must come before the styles"
    assert "<script" not in html and not re.search(r"\son[a-z]+=", html)
    assert not re.search(r'src="(?!data:image/svg\+xml;base64,)', html)
    # Links the reader may follow (the PDF beside the page, Digg's form) are not loads.
    assert not re.search(r'href="(?!#|halland-2023\.pdf"|https://www\.digg\.se/)', html)


def _chromium_console(path) -> str:
    import subprocess

    result = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                             "--v=0", f"--screenshot={path.with_suffix('.png')}", "--window-size=1280,2000",
                             path.as_uri()], capture_output=True, text=True, timeout=120)
    return "\n".join(line for line in result.stderr.splitlines() if "CONSOLE" in line)


@pytest.mark.slow
@pytest.mark.skipif(not __import__("shutil").which("chromium"), reason="needs chromium")
def test_a_browser_shows_the_page_without_breaking_its_policy(tmp_path):
    """The policy is the tightest the page works with: a browser reports no violation for
    the page, and does for the same page with a script and an outside picture added."""
    from generator.pipeline import render_report

    from .conftest import DATA, derive_year

    html = render_report(derive_year(DATA / "halland", 2023))
    page, control = tmp_path / "page.html", tmp_path / "control.html"
    page.write_text(html, encoding="utf-8")
    control.write_text(html.replace("</body>", '<script>1</script><img src="https://example.org/x.png"></body>'),
                       encoding="utf-8")
    assert "Content Security Policy" not in _chromium_console(page)
    console = _chromium_console(control)
    assert "Executing inline script violates" in console and "Loading the image 'https://example.org" in console


def test_a_kommentar_in_the_yaml_gets_the_same_warnings_from_link_findings():
    from generator.narrative import link_findings

    found = link_findings("Rad ett\nse [x](file:///etc/passwd)", "data/halland/2023.yaml", 40)
    assert [str(f) for f in found] == ["data/halland/2023.yaml:41:4: " + LANK.format("file:///etc/passwd")]


@pytest.mark.parametrize(("char", "named", "col"), [
    ("\u202e", "en riktningsvändning (RLO) (U+202E)", 10), ("\u2067", "en riktningsstyrning (RLI) (U+2067)", 10),
    ("\x07", "ett styrtecken (U+0007)", 10),
])
def test_a_direction_control_or_control_character_in_the_narrative_is_an_error_where_it_stands(tmp_path, char,
                                                                                                  named, col):
    sections, findings = _read(tmp_path, f"Förbundet{char} har ett kansli.")
    assert [str(f) for f in findings] == [
        f"data/halland/2023.md:3:{col}: fel: {named}: tecknet syns inte men kan få texten att se ut som något annat "
        "än det som står i filen; ta bort tecknet [E-TECKEN]"]


def test_a_link_or_picture_in_a_heading_is_reported_at_its_column(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("## Organisation ![x](/etc/passwd) [y](file:///z)\nText.\n", encoding="utf-8")
    _, findings = read_narrative(path, "2023.md")
    assert [str(f) for f in findings] == [
        '2023.md:1:17: varning: bilden "/etc/passwd" visas inte: en rubrik visar bara text [W-BILD]',
        "2023.md:1:35: " + LANK.format("file:///z")]
