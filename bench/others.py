"""The comparisons: WeasyPrint alone and headless Chromium printing our exact print HTML.

Both get the file `finsam report --print-html` writes. WeasyPrint gets the fonts as our
print gives them (generator.pdf.font_css(), as a stylesheet); Chromium cannot be given a
stylesheet, and the page's Content-Security-Policy allows fonts only as data: URLs, so its
copy has the same @font-face rules inlined in a <style> with the font files as data: URLs.
"""
from __future__ import annotations

import base64
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def chromium() -> str | None:
    """Debian's chromium (the Makefile's system-deps installs it), or whatever PATH has."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def font_css() -> str:
    sys.path.insert(0, str(HERE.parent))
    from generator.pdf import font_css as ours

    return ours()


def inline_fonts(css: str) -> str:
    """The @font-face rules with each file:// font as a data: URL."""
    from urllib.parse import unquote, urlparse

    def data(match: re.Match[str]) -> str:
        path = Path(unquote(urlparse(match.group(1)).path))
        return f'url("data:font/otf;base64,{base64.b64encode(path.read_bytes()).decode("ascii")}")'

    return re.sub(r'url\("(file://[^"]+)"\)', data, css)


def chromium_copy(print_html: Path, target: Path) -> Path:
    """The print HTML with our fonts inlined, for Chromium."""
    html = print_html.read_text(encoding="utf-8")
    style = f"<style>\n{inline_fonts(font_css())}\n</style>\n"
    target.write_text(html.replace("</head>", style + "</head>", 1), encoding="utf-8")
    return target


def weasy_argv(python: str, html: Path, base_url: str, fonts: Path, out: Path, variant: str) -> list[str]:
    return [python, str(HERE / "weasy_alone.py"), str(html), base_url, str(fonts), str(out), variant]


def chromium_argv(binary: str, html: Path, out: Path, profile: Path) -> list[str]:
    return [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", f"--print-to-pdf={out}", "--no-pdf-header-footer", html.as_uri()]
