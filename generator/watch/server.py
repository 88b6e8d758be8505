"""The preview's HTTP server: loopback only, three things served from memory.

    /                the report with the preview's banner and reload script (page.py)
    /events          Server-Sent Events: `event: reload` after each build
    /pdf             the PDF of the page shown, printed on request in the warm process
                     (also under the report's own PDF name, which its "Ladda ner PDF" links to)

Everything else is 404: no file is ever read from disk by the path asked for.
"""
from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TextIO
from urllib.parse import parse_qs, urlsplit

from ..layout.web import pdf_name
from .page import served
from .preview import Preview

HOST = "127.0.0.1"
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, to notice a closed page


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # an open event stream must not hold up Ctrl-C

    def __init__(self, port: int, preview: Preview, out: TextIO) -> None:
        super().__init__((HOST, port), Handler)
        self.preview, self.out = preview, out


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # the name http.server calls
        url = urlsplit(self.path)
        preview = self.server.preview
        report = preview.state.report
        if url.path == "/":
            self._page()
        elif url.path == "/events":
            self._events(_since(url.query))
        elif url.path == "/pdf" or (report is not None and url.path == "/" + pdf_name(report)):
            self._pdf()
        else:
            self._send(404, "text/plain; charset=utf-8", "Finns inte: förhandsvisningen visar bara "
                       "årsredovisningen (/), dess PDF (/pdf) och /events.\n".encode())

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _page(self) -> None:
        state = self.server.preview.state
        html = served(state.html, state.generation, state.findings, state.stale)
        self._send(200, "text/html; charset=utf-8", html.encode("utf-8"))

    def _pdf(self) -> None:
        printed, findings = self.server.preview.pdf()
        for finding in findings:
            print(finding, file=self.server.out, flush=True)
        if printed is None:
            self._send(409, "text/plain; charset=utf-8", "Ingen PDF: data har fel, eller utskriften "
                       "misslyckades; se terminalen och sidans ruta överst.\n".encode())
            return
        print(f"PDF:en skickades ({len(printed) // 1024} KiB)", file=self.server.out, flush=True)
        self._send(200, "application/pdf", printed)

    def _events(self, since: int) -> None:
        preview = self.server.preview
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not preview.closing:
                state = preview.wait(since, KEEPALIVE)
                if state.generation > since:
                    since = state.generation
                    self.wfile.write(f"event: reload\ndata: {since}\n\n".encode())
                else:
                    self.wfile.write(b": idle\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def log_message(self, format: str, *args: object) -> None:
        return  # the terminal is for findings, not for every request


def _since(query: str) -> int:
    value = parse_qs(query).get("since", ["0"])[0]
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else 0
