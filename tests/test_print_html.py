"""`finsam report --print-html FIL`: the very HTML the PDF is printed from, for the bench's
"WeasyPrint alone" and Chromium measurements."""
from __future__ import annotations

from generator.cli import main
from generator.pipeline import check_year, print_html

from .conftest import DATA


def test_print_html_is_what_weasyprint_is_given(tmp_path, capsys):
    target = tmp_path / "tryck.html"
    code = main(["report", "--forbund", "halland", "--html-only", "--out", str(tmp_path), "--print-html", str(target)])
    said = capsys.readouterr().err
    assert code == 0 and f"skrev {target}" in said
    report = check_year(DATA / "halland").report
    assert report is not None
    printed = target.read_text(encoding="utf-8")
    assert printed == print_html(report)
    assert '<html lang="sv-SE">' in printed
    # The web page is another page: the same report, its own parts (lang sv, the web header).
    assert printed != (tmp_path / "halland-2023.html").read_text(encoding="utf-8")


def test_no_print_html_when_the_report_is_not_built(tmp_path, capsys):
    target = tmp_path / "tryck.html"
    code = main(["report", "--forbund", "halland", "--year", "2019", "--html-only", "--out", str(tmp_path),
                 "--print-html", str(target)])
    capsys.readouterr()
    assert code != 0 and not target.exists()
