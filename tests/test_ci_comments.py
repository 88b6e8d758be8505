"""The comment scripts of mall/ run against stand-ins for GitHub's and GitLab's APIs.

A second push must update the one comment (note) the first push made, never add another,
and never touch a comment a person wrote.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.test_repo_templates import GITLAB, _step, load

EARLIER = "<!-- finsam-sifferdiff -->\nförra versionen"


class _Notes(BaseHTTPRequestHandler):
    """GitLab's notes API for one merge request: lists the notes given, records each call."""

    notes: list[dict[str, Any]] = []
    calls: list[tuple[str, str, Any]] = []

    def _answer(self, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        type(self).calls.append((self.command, self.path, body))
        assert self.headers["PRIVATE-TOKEN"] == "hemlig"
        self._answer(type(self).notes if self.command == "GET" else {"id": 1})

    do_GET = do_PUT = do_POST = _record

    def log_message(self, *args: Any) -> None:
        pass


@pytest.mark.parametrize("notes, expected", [
    ([{"id": 3, "body": "en människas kommentar"}, {"id": 7, "body": EARLIER}], ("PUT", "/notes/7")),
    ([{"id": 3, "body": "en människas kommentar"}], ("POST", "/notes")),
])
def test_gitlab_note_is_made_once_and_then_updated(tmp_path, monkeypatch, notes, expected):
    script = "\n".join(load(GITLAB)["sifferdiff"]["script"])
    body = script.split("<<'PY'\n", 1)[1].split("\nPY", 1)[0]
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "sifferdiff.md").write_text("## Sifferdiff\n\nInga siffror ändras.\n", encoding="utf-8")
    _Notes.notes, _Notes.calls = notes, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Notes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for name, value in {"CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4",
                            "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "5", "FINSAM_NOTE_TOKEN": "hemlig"}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.chdir(tmp_path)
        exec(compile(body, "sifferdiff-note", "exec"), {})
    finally:
        server.shutdown()
        server.server_close()
    notes_path = "/api/v4/projects/42/merge_requests/5/notes"
    assert [call[:2] for call in _Notes.calls] == [
        ("GET", notes_path + "?per_page=100&sort=asc"), (expected[0], notes_path + expected[1].removeprefix("/notes"))]
    assert _Notes.calls[1][2] == {"body": "<!-- finsam-sifferdiff -->\n## Sifferdiff\n\nInga siffror ändras.\n"}


GITHUB_STAND_IN = """
const calls = [];
const comments = JSON.parse(process.argv[1]);
const github = {
  paginate: async (fn, args) => { calls.push(['list', args.issue_number]); return comments; },
  rest: { issues: {
    listComments: 'listComments',
    updateComment: async (a) => calls.push(['update', a.comment_id, a.body]),
    createComment: async (a) => calls.push(['create', a.issue_number, a.body]),
  } },
};
const context = { repo: { owner: 'forbund', repo: 'arsredovisning' }, issue: { number: 12 } };
const run = new (Object.getPrototypeOf(async function () {}).constructor)('github', 'context', 'require', SCRIPT);
run(github, context, require).then(() => console.log(JSON.stringify(calls)));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (sudo apt-get install nodejs)")
@pytest.mark.parametrize("comments, expected", [
    ([{"id": 3, "user": {"type": "User"}, "body": EARLIER},
      {"id": 9, "user": {"type": "Bot"}, "body": EARLIER}], ["update", 9]),
    ([{"id": 3, "user": {"type": "User"}, "body": EARLIER}], ["create", 12]),
])
def test_github_comment_is_made_once_and_then_updated(tmp_path, comments, expected):
    script = _step(uses="actions/github-script")["with"]["script"]
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "kommentar.md").write_text("<!-- finsam-sifferdiff -->\nny", encoding="utf-8")
    program = GITHUB_STAND_IN.replace("SCRIPT", json.dumps(script))
    done = subprocess.run(["node", "-e", program, json.dumps(comments)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [["list", 12], [*expected, "<!-- finsam-sifferdiff -->\nny"]]
