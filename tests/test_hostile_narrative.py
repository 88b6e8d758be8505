"""Hostile narrative: links to the build machine, scripts, raw HTML and images never reach
the report; each refused link is a warning at its line and column (issue 8, point 3)."""
from __future__ import annotations

import re

import pytest

from generator.narrative import read_narrative, render_markdown

LANK = ('varning: länken "{}" visas som vanlig text: en länk får bara gå till en webbsida (https://…), '
        "en e-postadress (mailto:…) eller en rubrik i rapporten (#…) [W-LANK]")
BILD = ('varning: bilden "{}" visas inte: årsredovisningen visar bara de diagram som data ritar; '
        "ta bort bilden eller beskriv den i text [W-BILD]")

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


def test_an_image_inside_the_forbund_folder_is_not_shown_either(tmp_path):
    sections, findings = _read(tmp_path, "![karta](karta.png)")
    assert [str(f) for f in findings] == ["data/halland/2023.md:3:1: " + BILD.format("karta.png")]
    assert "<img" not in render_markdown(sections[0].markdown)


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
