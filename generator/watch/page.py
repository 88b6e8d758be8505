"""The page the preview server sends: the report's HTML as `finsam report` writes it, with
three additions that exist only in what the server sends, never in build/:

- a banner at the top with the findings of the latest build (file:line, as in the terminal),
  a link to the PDF, and, when the data has errors, a note that the page is the last good one;
- one inline script that listens to /events and reloads the page after a rebuild;
- a Content-Security-Policy that allows exactly that script (by its SHA-256) and a
  connection back to the server; everything else stays forbidden as in the report.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from html import escape

from ..findings import Finding, Severity

_CSP = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')
_BODY_OPEN = re.compile(r"<body[^>]*>")
_BODY_CLOSE = "</body>"

# The banner's own look: inline, as the page loads nothing; the id keeps it apart from the report's classes.
_STYLE = """<style id="finsam-preview-style">
#finsam-preview { position: sticky; top: 0; z-index: 1000; margin: 0; padding: .5rem 1rem;
  font: 0.9rem/1.4 system-ui, sans-serif; background: #e8f0fa; color: #10243e; border-bottom: 1px solid #9ab; }
#finsam-preview.fel { background: #fdeaea; color: #4a0000; border-bottom-color: #c66; }
#finsam-preview p { margin: 0; }
#finsam-preview ul { margin: .25rem 0 0; padding-left: 1.25rem; max-height: 12rem; overflow: auto; }
#finsam-preview li { overflow-wrap: anywhere; }
#finsam-preview code { font-size: .85rem; }
</style>
"""

PLACEHOLDER = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Förhandsvisning</title>
</head>
<body>
</body>
</html>
"""


def script(generation: int) -> str:
    """The reload script: a rebuild after `generation` reloads the page."""
    return (f'new EventSource("/events?since={generation}").addEventListener("reload", function () '
            "{ location.reload(); });")


def _policy(csp: str, code: str) -> str:
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
    return f"{csp}; script-src 'sha256-{digest}'; connect-src 'self'"


def _head(errors: int, stale: bool, has_page: bool, building: bool) -> str:
    if building:
        return "Förhandsvisningen byggs; sidan laddas om när den är klar."
    if not has_page:
        return (f"Data har {errors} fel och ingen version utan fel är byggd än. "
                "Rätta felen och spara, så laddas sidan om.")
    if stale:
        return (f"Data har {errors} fel: sidan visar den senaste versionen utan fel. "
                "Rätta felen och spara, så laddas sidan om.")
    return "Förhandsvisning: sidan laddas om när du sparar data, mallar eller stilar."


def banner(findings: Sequence[Finding], stale: bool, has_page: bool, building: bool = False) -> str:
    """The banner: what the latest build said, where, and what the page shows."""
    errors = sum(f.severity is Severity.ERROR for f in findings)
    link = ' <a href="/pdf">Bygg och visa PDF:en</a>' if has_page else ""
    items = "".join(f"<li><code>{escape(str(f.pos))}</code> {escape(f.severity.label)}: {escape(f.message)} "
                    f"[{escape(f.code)}]</li>" for f in findings)
    listing = f'<ul aria-label="Fel och varningar">{items}</ul>' if items else ""
    kind = ' class="fel"' if errors else ""
    return (f'<div id="finsam-preview"{kind} role="status"><p>{_head(errors, stale, has_page, building)}{link}</p>'
            f"{listing}</div>\n")


def served(html: str | None, generation: int, findings: Sequence[Finding], stale: bool) -> str:
    """The page to send: the report (or a placeholder when none has been built without errors)
    with the banner, the reload script and the policy that lets that one script run."""
    page = html if html is not None else PLACEHOLDER
    code = script(generation)
    # The policy is the template's own and a base64 digest: no character in it needs escaping.
    page = _CSP.sub(lambda m: m.group(1) + _policy(m.group(2), code) + m.group(3), page, count=1)
    page = page.replace("</head>", _STYLE + "</head>", 1)
    top = banner(findings, stale, html is not None, building=generation == 0)
    page = _BODY_OPEN.sub(lambda m: m.group(0) + "\n" + top, page, count=1)
    at = page.rfind(_BODY_CLOSE)
    return page[:at] + f"<script>{code}</script>\n" + page[at:]
