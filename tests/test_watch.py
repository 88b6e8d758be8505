"""`finsam watch`: the live preview, tested as a user runs it (a child process on a copy of
an example), and the served page's additions tested alone.

Every wait polls with a deadline; nothing sleeps and hopes. The rebuild's speed is measured
by bench/watch_rebuild.py, not here.
"""
from __future__ import annotations

import base64
import hashlib
import http.client
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.findings import Pos, error, warning
from generator.watch.page import banner, script, served

from .conftest import DATA, ROOT, run_cli

NAME, YEAR = "exempelbygd", 2024
DEADLINE = 120.0  # the first build imports matplotlib and friends: generous on a busy machine


def until(condition, what: str, timeout: float = DEADLINE):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"no {what} within {timeout:.0f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers["Content-Type"], refused.read()


class Watch:
    """`python -m generator watch` in `work`, its terminal output in a file."""

    def __init__(self, work: Path, *args: str) -> None:
        self.work, self.port, self.log = work, free_port(), work / "terminal.txt"
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "generator", "watch", "--forbund", NAME, "--port", str(self.port),
                 "--no-browser", *args], cwd=work, stdout=out, stderr=subprocess.STDOUT,
                env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})

    def terminal(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def page(self) -> str:
        try:
            return get(self.port, "/")[2].decode("utf-8")
        except OSError:
            return ""

    def page_when(self, wanted, what: str) -> str:
        """The served page, once `wanted(page)` holds."""
        def ready() -> str:
            page = self.page()
            return page if wanted(page) else ""

        return until(ready, what)

    def generation(self) -> int:
        found = re.search(r'EventSource\("/events\?since=(\d+)"\)', self.page())
        return int(found.group(1)) if found else 0

    def stop(self, sent: int = signal.SIGINT) -> subprocess.CompletedProcess:
        if self.proc.poll() is None:
            self.proc.send_signal(sent)  # SIGINT: Ctrl-C
        self.proc.wait(timeout=60)
        return subprocess.CompletedProcess(self.proc.args, self.proc.returncode, self.terminal())


@pytest.fixture(scope="module")
def watching(tmp_path_factory):
    work = tmp_path_factory.mktemp("watch")
    shutil.copytree(DATA / NAME, work / "data" / NAME)
    watch = Watch(work)
    until(lambda: watch.generation() >= 1, "first build")
    yield watch
    watch.stop()


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


SENTENCE = "Det här var året då förbundets tre lokala insatser"


@pytest.mark.slow
def test_a_saved_edit_is_announced_and_served(watching):
    md = watching.work / "data" / NAME / f"{YEAR}.md"
    before = watching.generation()
    events = http.client.HTTPConnection("127.0.0.1", watching.port, timeout=DEADLINE)
    events.request("GET", f"/events?since={before}")
    stream = events.getresponse()
    assert stream.headers["Content-Type"] == "text/event-stream"
    assert stream.readline() == b"retry: 1000\n"
    original = edit(md, SENTENCE, "Det här var året då förbundets fyra lokala insatser")
    try:
        lines = [stream.readline() for _ in range(3)]
        assert lines[1:] == [b"event: reload\n", f"data: {before + 1}\n".encode()]
        page = watching.page()
        assert "Det här var året då förbundets fyra lokala insatser" in page
        assert SENTENCE not in page
        assert f"ändrat: {YEAR}.md; byggd på" in watching.terminal()
    finally:
        events.close()
        md.write_text(original, encoding="utf-8")
        until(lambda: SENTENCE in watching.page(), "page restored")


@pytest.mark.slow
def test_a_data_error_is_shown_in_the_banner_and_terminal_over_the_last_good_page(watching):
    yaml = watching.work / "data" / NAME / f"{YEAR}.yaml"
    original = edit(yaml, "belopp: 100000}", "belopp: 10x0000}")
    line = original[: original.index("belopp: 100000}")].count("\n") + 1
    try:
        page = watching.page_when(lambda p: 'class="fel"' in p, "error banner")
        where = f"data/{NAME}/{YEAR}.yaml:{line}:"
        top = page[page.index('<div id="finsam-preview"'):page.index("</div>", page.index('id="finsam-preview"'))]
        assert "Data har 1 fel: sidan visar den senaste versionen utan fel." in top
        assert f"<code>{where}" in top and "&quot;10x0000&quot; är inget belopp" in top and "[E-AMOUNT]" in top
        assert SENTENCE in page  # the last good report is still shown under the banner
        assert re.search(rf"^{re.escape(where)}\d+: fel: .*\"10x0000\" är inget belopp.*\[E-AMOUNT\]$",
                         watching.terminal(), re.M)
        assert "sidan visar den senaste versionen utan fel" in watching.terminal()
    finally:
        yaml.write_text(original, encoding="utf-8")
        until(lambda: 'class="fel"' not in watching.page(), "banner without errors")


@pytest.mark.slow
def test_the_served_page_is_the_report_plus_the_preview_and_nothing_else_is_served(watching):
    from generator.pipeline import check_year, render_report

    page = watching.page_when(lambda p: 'class="fel"' not in p and SENTENCE in p, "clean page")
    report = check_year(watching.work / "data" / NAME).report
    assert report is not None
    written = render_report(report)  # what `finsam report` writes for the same data
    assert "<script" not in written and "script-src" not in written
    generation = watching.generation()
    code = script(generation)
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    added_policy = f"; script-src 'sha256-{digest}'; connect-src 'self'"
    assert added_policy in page
    top = page[page.index('<div id="finsam-preview"'):]
    top = top[: top.index("</div>\n") + 7]
    style = page[page.index('<style id="finsam-preview-style">'):page.index("</head>")]
    stripped = (page.replace(added_policy, "", 1).replace(style, "", 1).replace("\n" + top, "", 1)
                .replace(f"<script>{code}</script>\n", "", 1))
    assert stripped == written
    for path in ("/data/exempelbygd/2024.yaml", "/../data/exempelbygd/2024.md", "/etc/passwd", "/favicon.ico",
                 f"/{NAME}-{YEAR}.html", "/events/../data"):
        assert get(watching.port, path)[0] == 404, path
    assert not (watching.work / "build").exists()


@pytest.mark.slow
def test_the_pdf_is_printed_on_request(watching):
    import io

    from pypdf import PdfReader

    status, kind, body = get(watching.port, "/pdf")
    assert (status, kind) == (200, "application/pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    assert "Samordningsförbundet Exempelbygd" in text
    assert get(watching.port, f"/{NAME}-{YEAR}.pdf")[2] == body  # the page's own "Ladda ner PDF" link
    assert "PDF:en skickades" in watching.terminal()


@pytest.mark.slow
def test_the_open_page_reloads_itself_in_chromium_after_a_save(watching):
    import json

    from .test_axe import _missing

    missing = _missing()
    if missing:
        pytest.skip(f"Chromium not run: {missing}")
    md = watching.work / "data" / NAME / f"{YEAR}.md"
    browser = subprocess.Popen(["node", str(ROOT / "tests" / "watch_reload.mjs"), f"http://127.0.0.1:{watching.port}/"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert browser.stdout is not None and browser.stdout.readline() == "loaded\n"
        original = edit(md, SENTENCE, "Det här var året då förbundets sju lokala insatser")
        out, err = browser.communicate(timeout=DEADLINE)
    finally:
        if browser.poll() is None:
            browser.kill()
        if "original" in locals():
            md.write_text(original, encoding="utf-8")
    assert browser.returncode == 0, err
    seen = json.loads(out)
    assert seen["console"] == []  # the policy let the reload script run, and nothing else complained
    assert "Det här var året då förbundets sju lokala insatser" in seen["text"]
    until(lambda: SENTENCE in watching.page(), "page restored")


@pytest.mark.slow
@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_ends_the_preview_cleanly(tmp_path, sent):
    shutil.copytree(DATA / NAME, tmp_path / "data" / NAME)
    watch = Watch(tmp_path)
    until(lambda: watch.generation() >= 1, "first build")
    done = watch.stop(sent)
    assert done.returncode == 0
    assert "Traceback" not in done.stdout
    assert done.stdout.rstrip().endswith("Förhandsvisningen avslutades.")
    with pytest.raises(OSError):
        get(watch.port, "/")


def test_a_taken_port_is_named_and_nothing_is_built(tmp_path):
    shutil.copytree(DATA / NAME, tmp_path / "data" / NAME)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("watch", "--forbund", NAME, "--port", str(port), "--no-browser", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == (f"watch: fel: porten {port} på 127.0.0.1 används redan av ett annat program "
                             "(kanske en annan förhandsvisning); välj en annan med --port (PORT=… för make)\n")


@pytest.mark.parametrize("value", ["80", "70000", "abc", "-1"])
def test_a_port_that_is_no_port_is_refused_in_swedish(value, tmp_path):
    result = run_cli("watch", "--port", value, cwd=tmp_path)
    assert result.returncode == 2
    assert f'"{value}" är ingen port: skriv ett tal mellan 1024 och 65535, till exempel 8765' in result.stderr


def test_one_forbund_at_a_time(tmp_path):
    result = run_cli("--data", str(DATA), "watch", "--forbund", "halland,sydnarke", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "watch: förhandsvisa ett förbund i taget; ange ett med --forbund (FORBUND=… för make)\n"


def test_the_policy_allows_the_reload_script_and_nothing_more():
    html = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
            "</head><body class=\"x\"><p>rapport</p></body></html>")
    page = served(html, 7, (), False)
    code = re.search(r"<script>(.*)</script>", page).group(1)
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"content=\"default-src 'none'; script-src 'sha256-{digest}'; connect-src 'self'\"" in page
    assert code == script(7) and '"/events?since=7"' in code
    assert page.index('<div id="finsam-preview"') > page.index('<body class="x">')
    assert page.index("<script>") > page.index("<p>rapport</p>")


def test_the_banner_lists_each_finding_with_its_place_escaped():
    findings = (error("E-AMOUNT", 'värdet "<b>" är inget belopp', Pos("data/x/2024.yaml", 12, 5)),
                warning("W-ANDEL", "andelarna är inte 50/25/25", Pos("data/x/forbund.yaml", 3, 1)))
    shown = banner(findings, stale=True, has_page=True)
    assert shown.startswith('<div id="finsam-preview" class="fel" role="status"><p>Data har 1 fel: sidan visar '
                            "den senaste versionen utan fel.")
    assert ("<li><code>data/x/2024.yaml:12:5</code> fel: värdet &quot;&lt;b&gt;&quot; är inget belopp "
            "[E-AMOUNT]</li><li><code>data/x/forbund.yaml:3:1</code> varning: andelarna är inte 50/25/25 "
            "[W-ANDEL]</li>") in shown
    assert '<a href="/pdf">' in shown
    first = banner((findings[0],), stale=True, has_page=False)
    assert "ingen version utan fel är byggd än" in first and "/pdf" not in first
    assert 'class="fel"' not in banner((findings[1],), stale=False, has_page=True)
