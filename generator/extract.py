"""`finsam extract`: the files a report was made from, taken out of its PDF again.

The PDF carries them as PDF/A-3 associated files with /AFRelationship /Source
(generator/archive.py). Whoever holds only the archived PDF gets back the exact bytes of
the YAML and Markdown it was made from. The PDF may come from anywhere, so nothing in it
decides where a file goes: a name that climbs out of the folder (`..`, `/etc/x`, `C:x`,
a backslash, a control character) is refused, nothing is written over an existing file
without `--skriv-over`, and every file is written completely or not at all.
"""
from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pikepdf

from .findings import Finding, Pos, error, excerpt
from .load.files import DEFAULT_LIMIT, os_says, size_text

LIMIT = DEFAULT_LIMIT  # of one file: the loader reads nothing bigger, so no source of ours is


@dataclass(frozen=True)
class Extracted:
    name: str
    data: bytes


def name_problem(name: str) -> str | None:
    """Why an attachment's name cannot be a file under the target folder, or None."""
    parts = name.split("/")
    if not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        return "namnet är en sökväg som pekar ut ur mappen (.., / eller en tom del)"
    if "\\" in name or ":" in name:
        return "namnet innehåller \\ eller :, som i Windows pekar ut ur mappen"
    if any(not ch.isprintable() for ch in name):
        return "namnet innehåller ett styrtecken"
    return None


def read_sources(pdf_path: Path) -> tuple[list[Extracted], list[Finding]]:
    """The /Source files in a PDF, or the findings saying why there are none to take out."""
    shown = str(pdf_path)
    if not pdf_path.is_file():
        why = "filen finns inte" if not pdf_path.exists() else "det är ingen vanlig fil"
        return [], [error("E-EXTRACT", f"kan inte läsa PDF:en: {why}", Pos(shown))]
    try:
        with pikepdf.open(pdf_path) as pdf:
            return _sources(pdf, shown)
    except pikepdf.PasswordError:
        return [], [error("E-EXTRACT", "PDF:en är lösenordsskyddad; en årsredovisning från finsam är det aldrig",
                          Pos(shown))]
    except (pikepdf.PdfError, ValueError):
        return [], [error("E-EXTRACT", f"{_not_pdf(pdf_path)}; ange PDF:en som finsam report skrev, till exempel "
                          "build/halland-2023.pdf", Pos(shown))]
    except OSError as exc:
        return [], [error("E-EXTRACT", f"kan inte läsa PDF:en: {os_says(exc)}", Pos(shown))]


def _not_pdf(path: Path) -> str:
    """What is wrong with a file pikepdf cannot open: not a PDF at all, or a damaged one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        return f"kan inte läsa filen: {os_says(exc)}"
    return "PDF:en är skadad och kan inte läsas" if b"%PDF-" in head else "filen är ingen PDF"


def _sources(pdf: pikepdf.Pdf, shown: str) -> tuple[list[Extracted], list[Finding]]:
    files, findings = [], []
    for key, spec in sorted(pdf.attachments.items()):
        if spec.obj.get("/AFRelationship") != pikepdf.Name.Source:
            continue
        name = spec.filename or key  # the file's own name (/UF); the name tree's key must be as safe
        problem = name_problem(name) or name_problem(key)
        if problem:
            findings.append(error("E-EXTRACT", f'filen "{excerpt(name)}" i PDF:en tas inte ut: {problem}', Pos(shown)))
            continue
        data, problem = _data(spec)
        if problem:
            findings.append(error("E-EXTRACT", f'filen "{name}" i PDF:en tas inte ut: {problem}', Pos(shown)))
        elif data is not None:
            files.append(Extracted(name, data))
    if not files and not findings:
        findings.append(error("E-EXTRACT", "PDF:en har inga inbäddade källfiler (/AFRelationship /Source); den är "
                              "inte byggd av finsam report, eller byggdes innan källfilerna bäddades in", Pos(shown)))
    return files, findings


def _data(spec: pikepdf.AttachedFileSpec) -> tuple[bytes | None, str | None]:
    """An attachment's bytes, checked against the size and MD5 checksum it declares."""
    stream = spec.obj.EF.F
    params = stream.get("/Params", pikepdf.Dictionary())
    declared = params.get("/Size")
    if declared is not None and int(declared) > LIMIT:
        return None, f"den säger sig vara {size_text(int(declared))}, mer än någon källfil får vara"
    data = stream.read_bytes()
    if len(data) > LIMIT or (declared is not None and len(data) != int(declared)):
        return None, f"den är {size_text(len(data))}, inte den storlek PDF:en anger; PDF:en är skadad"
    checksum = params.get("/CheckSum")
    if checksum is not None and bytes(checksum) != hashlib.md5(data, usedforsecurity=False).digest():
        return None, "dess kontrollsumma (MD5) stämmer inte med innehållet; PDF:en är skadad"
    return data, None


@dataclass(frozen=True)
class Plan:
    """Where each file goes, decided before anything is written."""

    targets: dict[Path, bytes]
    findings: list[Finding]


def plan(files: list[Extracted], folder: Path, overwrite: bool) -> Plan:
    """Each file's place under `folder`; a finding for a place that is taken (without
    `overwrite`) or that a link in the folder would lead outside it."""
    targets, findings = {}, []
    root = folder.resolve()
    for f in files:
        target = folder.joinpath(*PurePosixPath(f.name).parts)
        if not target.parent.resolve().is_relative_to(root):
            findings.append(error("E-EXTRACT", f"{target.parent} leder ut ur {folder} (en länk); inget skrivs där",
                                  Pos(str(target))))
        elif target.is_symlink() or target.is_dir():
            what = "en länk" if target.is_symlink() else "en mapp"
            findings.append(error("E-EXTRACT", f"det finns redan {what} med det namnet, och den ersätts inte; ange en "
                                  "tom mapp med --till MAPP", Pos(str(target))))
        elif os.path.lexists(target) and not overwrite:
            findings.append(error("E-EXTRACT", "det finns redan en fil med det namnet; ange en tom mapp med --till "
                                  "MAPP, eller --skriv-over (SKRIV_OVER=1 för make) för att ersätta filerna",
                                  Pos(str(target))))
        else:
            targets[target] = f.data
    return Plan(targets, findings)


def write(target: Path, data: bytes, overwrite: bool = False) -> Finding | None:
    """One file written completely (a temporary file beside it, then renamed), or a finding.

    Without `overwrite` the finished file is linked in under its name, which fails rather
    than replace a file that appeared there since the plan was made."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        return error("E-WRITE", f"kan inte skriva {target}: {os_says(exc)}", Pos(str(target)))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        _place(Path(tmp), target, overwrite)
    except OSError as exc:
        taken = exc.errno == errno.EEXIST
        why = "det finns redan en fil med det namnet; ange --skriv-over för att ersätta den" if taken else os_says(exc)
        return error("E-WRITE", f"kan inte skriva {target}: {why}", Pos(str(target)))
    finally:
        Path(tmp).unlink(missing_ok=True)
    return None


def _place(tmp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        os.replace(tmp, target)  # a filesystem without hard links: checked just before, by the plan


def extract(pdf_path: Path, folder: Path, overwrite: bool = False) -> tuple[list[Path], list[Finding]]:
    """Take the /Source files out of a PDF into `folder`: all of them, or (on any finding) none."""
    files, findings = read_sources(pdf_path)
    if findings:
        return [], findings
    planned = plan(files, folder, overwrite)
    if planned.findings:
        return [], planned.findings
    written: list[Path] = []
    for target, data in planned.targets.items():
        problem = write(target, data, overwrite)
        if problem:
            return written, [problem]
        written.append(target)
    return written, []
