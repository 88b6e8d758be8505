"""WeasyPrint alone: our exact print HTML (`finsam report --print-html FIL`) to PDF, with the
fonts our print uses and nothing of ours around it (no checks, no layout, no PDF/UA mending).

    python bench/weasy_alone.py PRINT.html BASE_URL FONTS.css OUT.pdf [plain|pdf/a-3a]

FONTS.css is generator.pdf.font_css() as the bench wrote it, so this process imports
WeasyPrint and nothing from the generator.
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(html: str, base_url: str, fonts: str, out: str, variant: str = "plain") -> None:
    import logging

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # as our print does
    font_config = FontConfiguration()
    css = CSS(string=Path(fonts).read_text(encoding="utf-8"), font_config=font_config)
    options = {} if variant == "plain" else {"pdf_variant": variant}
    HTML(filename=html, base_url=base_url).write_pdf(out, stylesheets=[css], font_config=font_config, **options)


if __name__ == "__main__":
    main(*sys.argv[1:])
