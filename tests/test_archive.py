"""The source inside the archive (issue 11, point 2): the files a report was made from ride
in its PDF as PDF/A-3 associated files (/AFRelationship /Source), and `finsam extract`
gives back bytes identical to the data files, refusing what could write outside its folder.
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from generator import archive, cli
from generator.extract import name_problem

from .conftest import DATA, FORBUND, LATEST, ROOT, run_cli

# What each example's latest report is made from: forbund.yaml, every year up to it, its text.
SOURCES = {
    "halland": ["2022.yaml", "2023.md", "2023.yaml", "forbund.yaml"],
    "sydnarke": ["2022.yaml", "2023.md", "2023.yaml", "forbund.yaml"],
    "exempelbygd": ["2023.yaml", "2024.md", "2024.yaml", "forbund.yaml"],
}
DECIDED = {"halland": "D:20240308000000Z", "sydnarke": "D:20240313000000Z", "exempelbygd": "D:20250314000000Z"}
MIME = {".yaml": "/application/yaml", ".md": "/text/markdown", ".txt": "/text/plain"}


def _extract(*args: str) -> tuple[int, str]:
    """`finsam extract …` in this process: exit code and what it printed on standard error."""
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stderr", err)
        try:
            code = cli.main(["extract", *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, err.getvalue()


def _crafted(path: Path, files: dict[str, bytes], relationship: str = "/Source", checksum: bytes | None = None) -> Path:
    """A PDF made with pikepdf whose attachments are `files` (name → bytes)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    for name, data in files.items():
        spec = pikepdf.AttachedFileSpec(pdf, data, filename=name, mime_type="application/yaml", description="x")
        spec.obj.AFRelationship = pikepdf.Name(relationship)
        if checksum is not None:
            spec.obj.EF.F.Params.CheckSum = pikepdf.String(checksum)
        pdf.attachments[name] = spec
    pdf.save(path)
    return path


# --- In the PDF -------------------------------------------------------------------------

@pytest.mark.parametrize("forbund", FORBUND)
def test_the_catalog_lists_every_source_file(built, forbund):
    with pikepdf.open(built[forbund]["pdf"]) as pdf:
        listed = sorted({str(spec.UF) for spec in pdf.Root.AF})
        assert listed == SOURCES[forbund]  # built outside git: no git-commit.txt
        assert sorted(pdf.attachments) == SOURCES[forbund]


@pytest.mark.parametrize("forbund", FORBUND)
def test_each_file_is_a_pdfa3_source_with_type_size_and_checksum(built, forbund):
    with pikepdf.open(built[forbund]["pdf"]) as pdf:
        for spec in pdf.Root.AF:
            name = str(spec.UF)
            data = (DATA / forbund / name).read_bytes()
            assert spec.Type == "/Filespec" and spec.AFRelationship == "/Source"
            assert str(spec.F) == name and str(spec.Desc).endswith(("(YAML)", "(Markdown)"))
            stream = spec.EF.F
            assert stream.Type == "/EmbeddedFile" and stream.Subtype == MIME[Path(name).suffix]
            assert int(stream.Params.Size) == len(data)
            assert bytes(stream.Params.CheckSum) == hashlib.md5(data).digest()
            # The board's decision date, not the time of the build.
            assert str(stream.Params.CreationDate) == str(stream.Params.ModDate) == DECIDED[forbund]


def test_each_file_says_in_swedish_what_it_is(built):
    with pikepdf.open(built["halland"]["pdf"]) as pdf:
        said = {name: spec.description for name, spec in pdf.attachments.items()}
    assert said == {
        "2022.yaml": "Siffror och uppgifter för 2022, som jämförelsetal och ingående balanser bygger på (YAML)",
        "2023.md": "Årets text: förvaltningsberättelsen och de andra avsnitten (Markdown)",
        "2023.yaml": "Årets siffror och uppgifter (YAML)",
        "forbund.yaml": "Förbundets uppgifter: medlemmar, styrelse, revisorer och historik (YAML)",
    }


@pytest.mark.parametrize("forbund", FORBUND)
def test_extract_gives_back_the_data_files_byte_for_byte(built, forbund, tmp_path):
    result = run_cli("extract", str(built[forbund]["pdf"]), "--till", str(tmp_path / "ut"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == SOURCES[forbund]
    for name in SOURCES[forbund]:
        assert (tmp_path / "ut" / name).read_bytes() == (DATA / forbund / name).read_bytes(), name
        assert f"skrev {tmp_path / 'ut' / name}\n" in result.stderr


def test_extract_writes_under_build_kalla_by_default(built, tmp_path):
    result = run_cli("extract", str(built["sydnarke"]["pdf"]), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "build" / "kalla" / f"sydnarke-{LATEST['sydnarke']}"
    assert (out / "2023.yaml").read_bytes() == (DATA / "sydnarke" / "2023.yaml").read_bytes()
    assert "skrev build/kalla/sydnarke-2023/2023.yaml\n" in result.stderr


# --- Which files ------------------------------------------------------------------------

def test_an_earlier_year_is_made_from_no_later_file_and_no_missing_text():
    # exempelbygd 2023 has no 2023.md, and 2024.yaml is later: neither goes in.
    assert archive.source_names(DATA / "exempelbygd", 2023, [2023, 2024]) == ["2023.yaml", "forbund.yaml"]
    assert archive.source_names(DATA / "halland", 2023, [2022, 2023]) == SOURCES["halland"]


# --- The git commit ---------------------------------------------------------------------

def _git(cwd: Path, *args: str) -> str:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(cwd), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """data/halland in a fresh git repository, committed; returns the förbund's folder."""
    (tmp_path / "data").mkdir()
    folder = tmp_path / "data" / "halland"
    shutil.copytree(DATA / "halland", folder)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "data")
    return folder


def _git_text(folder: Path) -> str:
    files, findings = archive.source_files(folder, 2023, [2022, 2023])
    assert findings == []
    assert [f.name for f in files] == SOURCES["halland"] + ["git-commit.txt"]
    assert files[-1].mime == "text/plain"
    return files[-1].data.decode("utf-8")


def test_a_clean_checkout_names_its_commit(repo):
    head = _git(repo, "rev-parse", "HEAD").strip()
    assert _git_text(repo) == (f"Rapporten byggdes från git-incheckningen {head}, mappen data/halland/.\n"
                               "Förbundets filer var oförändrade sedan incheckningen.\n")
    assert _git_text(repo) == _git_text(repo)  # the same checkout, the same bytes


@pytest.mark.slow
def test_the_pdf_built_in_a_checkout_carries_its_commit(repo, tmp_path):
    result = run_cli("report", "--forbund", "halland", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with pikepdf.open(tmp_path / "build" / "halland-2023.pdf") as pdf:
        assert sorted({str(spec.UF) for spec in pdf.Root.AF}) == SOURCES["halland"] + ["git-commit.txt"]
        spec = pdf.attachments["git-commit.txt"]
        assert spec.obj.AFRelationship == "/Source" and spec.obj.EF.F.Subtype == "/text/plain"
        assert spec.get_file().read_bytes().decode("utf-8") == _git_text(repo)


def test_uncommitted_changes_are_said(repo):
    head = _git(repo, "rev-parse", "HEAD").strip()
    (repo / "2023.md").write_bytes((repo / "2023.md").read_bytes() + b"\nNytt stycke.\n")
    (repo / "anteckning.txt").write_text("x", encoding="utf-8")
    (repo / "2022.yaml").unlink()
    files, _ = archive.source_files(repo, 2023, [2023])
    assert files[0].data.endswith(b"\nNytt stycke.\n")  # the bytes the report was made from, not the commit's
    assert files[-1].data.decode("utf-8") == (
        f"Rapporten byggdes från git-incheckningen {head}, mappen data/halland/.\n"
        "Förbundets mapp hade ändringar som inte är incheckade, så de inbäddade filerna kan skilja sig från "
        "incheckningen:\n  2022.yaml (borttagen)\n  2023.md (ändrad)\n  anteckning.txt (inte incheckad)\n")


def test_an_ignored_source_file_is_not_called_committed(repo):
    (repo.parent.parent / ".gitignore").write_text("2023.md\n", encoding="utf-8")
    _git(repo, "rm", "-q", "--cached", "2023.md")
    _git(repo, "commit", "-q", "-m", "ignore the text")
    assert _git_text(repo).endswith("incheckningen:\n  2023.md (inte incheckad)\n")


def test_outside_git_or_without_git_there_is_no_commit_file(tmp_path_factory, monkeypatch, repo):
    outside = tmp_path_factory.mktemp("utanfor") / "halland"
    shutil.copytree(DATA / "halland", outside)
    assert archive.git_file(outside, ["2023.yaml"]) is None
    monkeypatch.setattr(archive.shutil, "which", lambda name: None)
    assert archive.git_file(repo, ["2023.yaml"]) is None


# --- Refusals ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../x.yaml", "a/../../x.yaml", "/tmp/x.yaml", "a\\..\\x.yaml", "C:x.yaml",
                                  "a\0b.yaml", "", ".", "a//b.yaml", "rad\nbrytning.yaml"])
def test_a_name_that_could_leave_the_folder_is_refused(name):
    assert name_problem(name) is not None


@pytest.mark.parametrize("name", ["2023.yaml", "forbund.yaml", "bilder/logo.svg", "årets text.md"])
def test_an_ordinary_name_is_fine(name):
    assert name_problem(name) is None


def test_extract_writes_nothing_for_a_pdf_with_a_traversal_name(tmp_path):
    pdf = _crafted(tmp_path / "ond.pdf", {"../x.yaml": b"a: 1\n", "2023.yaml": b"b: 2\n"})
    code, err = _extract(str(pdf), "--till", str(tmp_path / "ut" / "inne"))
    assert code == 1
    assert err == (f'{pdf}: fel: filen "../x.yaml" i PDF:en tas inte ut: namnet är en sökväg som pekar ut ur mappen '
                   "(.., / eller en tom del) [E-EXTRACT]\n")
    assert not (tmp_path / "ut").exists()


def test_extract_never_overwrites_without_the_flag(tmp_path):
    pdf = _crafted(tmp_path / "a.pdf", {"2023.yaml": b"ny: 1\n"})
    (tmp_path / "ut").mkdir()
    (tmp_path / "ut" / "2023.yaml").write_bytes(b"gammal: 1\n")
    code, err = _extract(str(pdf), "--till", str(tmp_path / "ut"))
    assert code == 1
    assert err == (f"{tmp_path / 'ut' / '2023.yaml'}: fel: det finns redan en fil med det namnet; ange en tom mapp "
                   "med --till MAPP, eller --skriv-over (SKRIV_OVER=1 för make) för att ersätta filerna "
                   "[E-EXTRACT]\n")
    assert (tmp_path / "ut" / "2023.yaml").read_bytes() == b"gammal: 1\n"
    code, err = _extract(str(pdf), "--till", str(tmp_path / "ut"), "--skriv-over")
    assert (code, err) == (0, f"skrev {tmp_path / 'ut' / '2023.yaml'}\n")
    assert (tmp_path / "ut" / "2023.yaml").read_bytes() == b"ny: 1\n"
    assert sorted(os.listdir(tmp_path / "ut")) == ["2023.yaml"]  # no temporary file left behind


def test_extract_replaces_no_link_even_with_the_flag(tmp_path):
    pdf = _crafted(tmp_path / "a.pdf", {"2023.yaml": b"ny: 1\n"})
    (tmp_path / "ut").mkdir()
    (tmp_path / "hemlig").write_bytes(b"orord\n")
    (tmp_path / "ut" / "2023.yaml").symlink_to(tmp_path / "hemlig")
    code, err = _extract(str(pdf), "--till", str(tmp_path / "ut"), "--skriv-over")
    assert code == 1 and "det finns redan en länk med det namnet, och den ersätts inte" in err
    assert (tmp_path / "hemlig").read_bytes() == b"orord\n"


def test_a_file_whose_checksum_does_not_match_is_not_written(tmp_path):
    pdf = _crafted(tmp_path / "a.pdf", {"2023.yaml": b"a: 1\n"}, checksum=b"\0" * 16)
    code, err = _extract(str(pdf), "--till", str(tmp_path / "ut"))
    assert code == 1
    assert err == (f'{pdf}: fel: filen "2023.yaml" i PDF:en tas inte ut: dess kontrollsumma (MD5) stämmer inte med '
                   "innehållet; PDF:en är skadad [E-EXTRACT]\n")
    assert not (tmp_path / "ut").exists()


@pytest.mark.parametrize(("content", "said"), [
    (b"<!doctype html><p>hej</p>", "filen är ingen PDF"),
    (b"", "filen är ingen PDF"),
    (b"%PDF-1.7\n1 0 obj\n<<", "PDF:en är skadad och kan inte läsas"),
])
def test_a_file_that_is_no_pdf_is_a_clean_error(tmp_path, content, said):
    path = tmp_path / "rapport.pdf"
    path.write_bytes(content)
    code, err = _extract(str(path), "--till", str(tmp_path / "ut"))
    assert (code, err) == (1, f"{path}: fel: {said}; ange PDF:en som finsam report skrev, till exempel "
                              "build/halland-2023.pdf [E-EXTRACT]\n")
    assert "Traceback" not in err and not (tmp_path / "ut").exists()


def test_a_missing_pdf_is_a_clean_error(tmp_path):
    code, err = _extract(str(tmp_path / "finns-inte.pdf"))
    assert (code, err) == (1, f"{tmp_path / 'finns-inte.pdf'}: fel: kan inte läsa PDF:en: filen finns inte "
                              "[E-EXTRACT]\n")


def test_a_pdf_without_source_files_says_so(tmp_path):
    pdf = _crafted(tmp_path / "annan.pdf", {"bilaga.yaml": b"a: 1\n"}, relationship="/Data")
    code, err = _extract(str(pdf), "--till", str(tmp_path / "ut"))
    assert (code, err) == (1, f"{pdf}: fel: PDF:en har inga inbäddade källfiler (/AFRelationship /Source); den är "
                              "inte byggd av finsam report, eller byggdes innan källfilerna bäddades in [E-EXTRACT]\n")


# --- make extract -----------------------------------------------------------------------

def _make(cwd: Path, *assignments: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "extract", *assignments,
                           "STAMP=", f"PY={sys.executable}"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60)


def test_make_extract_takes_pdf_and_till(tmp_path):
    _crafted(tmp_path / "-a'b.pdf", {"2023.yaml": b"a: 1\n"})
    result = _make(tmp_path, "PDF=-a'b.pdf", "TILL=ut $$(touch marker)")
    assert result.returncode == 0, result.stderr
    # make passes the value as written ($$ and all), as one word the shell does not read.
    assert (tmp_path / "ut $$(touch marker)" / "2023.yaml").read_bytes() == b"a: 1\n"
    assert not (tmp_path / "marker").exists()
    again = _make(tmp_path, "PDF=-a'b.pdf", "TILL=ut $$(touch marker)", "SKRIV_OVER=1")
    assert again.returncode == 0, again.stderr


def test_a_pdf_named_dots_gets_its_own_folder_not_build(tmp_path, monkeypatch):
    _crafted(tmp_path / "...pdf", {"2023.yaml": b"a: 1\n"})
    monkeypatch.chdir(tmp_path)
    code, err = _extract("...pdf")
    assert (code, err) == (0, "skrev build/kalla/pdf/2023.yaml\n")
