"""The render stage: the laid-out page as one self-contained HTML document (Jinja2).

Templates place what the layout stage decided; the filters here only format.
"""
from __future__ import annotations

from decimal import Decimal

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import formatting
from .layout import Page
from .paths import ROOT, STYLES, TEMPLATES

# Compiled templates kept between builds: compiling the templates anew is a fifth of a
# second of every build. Jinja checks each template's source against what it compiled.
TEMPLATE_CACHE = ROOT / "build" / ".cache" / "jinja"


def show(value: Decimal | int | None, format: str, unit: str | None, decimals: int) -> str:
    """A figure in a table cell: an amount in the table's unit, with kr, a share or a count."""
    if format == "belopp":
        return formatting.belopp(value if value is None else Decimal(value), unit or "kr", decimals)
    if format == "kr":
        return formatting.kr(value if value is None else Decimal(value))
    if format == "procent":
        return formatting.procent(value if value is None else Decimal(value))
    return formatting.heltal(value)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=_bytecode_cache())
    env.filters.update(show=show)
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    try:
        TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout compiles every time
        return None
    return FileSystemBytecodeCache(str(TEMPLATE_CACHE))


_ENV = environment()
# Where the web page's font goes once the page's characters are known (see render_html).
_FONT_SLOT = "/*finsam:webfont*/"

# The stylesheets, in cascade order: each concern in its own file, later ones refining
# earlier ones; print.css last, so paper rules win over screen rules.
STYLESHEETS = ("report.css", "tables.css", "charts.css", "korthet.css", "identity.css", "web.css", "print.css")


def stylesheet() -> str:
    """The report's CSS, one string, inlined into the page (the page loads nothing)."""
    return "\n".join((STYLES / name).read_text(encoding="utf-8") for name in STYLESHEETS)


def render_html(page: Page, lang: str = "sv", web: bool = True) -> str:
    """The page as HTML. The PDF is printed from the page with lang="sv-SE", which WeasyPrint
    writes as the PDF's document language; the web page says lang="sv".

    The web page (web=True) adds its header, contents sidebar, footer and accessibility
    statement, and embeds the PDF's font cut to the characters it uses; the HTML printed
    to PDF has none of these (web=False), so the PDF is the same whether they change or not."""
    template = _ENV.get_template("report.html.j2")
    css = stylesheet()
    if not web or page.web is None:
        return template.render(page=page, lang=lang, css=Markup(css), web=None)
    from .webfont import font_css

    # Rendered once, with a slot for the font: the font is cut to the characters of the page
    # without it, so the page is the same as when rendered twice, in half the time.
    plain = template.render(page=page, lang=lang, css=Markup(_FONT_SLOT + "\n" + css), web=page.web)
    before, slot, after = plain.partition(_FONT_SLOT)
    return before + font_css(before + after) + after
