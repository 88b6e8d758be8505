"""An SIE 4 file (types 4E and 4I) → `Sie`, and a finding with file:line:col for every
problem; nothing raises for what a file contains.

Encoding: the specification says PC8 (IBM code page 437). Several bookkeeping systems
write UTF-8 and still say `#FORMAT PC8`; a file whose bytes are valid UTF-8 and not plain
ASCII is read as UTF-8, with a warning (code page 437 text with å, ä or ö is practically
never valid UTF-8). Amounts are exact decimals: a point before at most two decimals, a
minus sign first; anything else (a comma, a thousands space) is an error that says what
to write. Labels the reader does not use are skipped, as the specification asks.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from ..findings import Finding, Pos, error, excerpt, warning
from .lexer import Field, LexError, Line, split
from .model import Saldo, Sie
from .records import RECORDS

AMOUNT = re.compile(r"-?[0-9]+(\.[0-9]{1,2})?")
ACCOUNT = re.compile(r"[0-9]{1,10}")


def decode(data: bytes, shown: str) -> tuple[str, str, list[Finding]]:
    """The text, the encoding used, and a warning when a PC8 file is really UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp437"), "cp437", []
    if text.isascii():
        return text, "cp437", []
    claims = re.search(r"^#FORMAT[ \t]+(\S+)", text, flags=re.M)
    if claims and claims.group(1).strip('"').upper() == "PC8":
        line = text[: claims.start()].count("\n") + 1
        return text, "utf-8", [warning("W-SIE-KODNING", "filen säger #FORMAT PC8 men är skriven i UTF-8; den läses "
                                       "som UTF-8 (kontrollera å, ä och ö i kontonamnen)", Pos(shown, line, 1))]
    return text, "utf-8", []


def read_sie(path: Path, shown: str | None = None) -> tuple[Sie | None, list[Finding]]:
    """The SIE file at `path`, or None when it cannot be read at all; every finding."""
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except OSError as problem:
        return None, [error("E-SIE-FIL", f"filen går inte att läsa ({problem.strerror})", Pos(shown))]
    text, encoding, findings = decode(data, shown)
    sie = Sie(shown, encoding)
    parser = _Parser(sie, shown)
    # Lines end at LF (or CR LF) only: str.splitlines would also end one at a form feed or
    # other control character, hiding it from the check below and shifting every line number.
    for number, raw in enumerate(text.split("\n"), start=1):
        parser.line(raw.removesuffix("\r"), number)
    findings += parser.finish()
    return sie, findings


class _Parser:
    def __init__(self, sie: Sie, shown: str) -> None:
        self.sie, self.shown = sie, shown
        self.findings: list[Finding] = []
        self.open: tuple[Line, list[Saldo]] | None = None  # the #VER whose rows are being read
        self.last_ver: Line | None = None

    def pos(self, line: int, col: int = 1) -> Pos:
        return Pos(self.shown, line, col)

    def fail(self, code: str, message: str, line: int, col: int = 1) -> None:
        self.findings.append(error(code, message, self.pos(line, col)))

    def line(self, raw: str, number: int) -> None:
        if not raw.strip():
            return
        bad = next((i for i, c in enumerate(raw) if ord(c) < 32 and c != "\t"), None)
        if bad is not None:
            self.fail("E-SIE-RAD", f"styrtecken U+{ord(raw[bad]):04X} på raden: ta bort det", number, bad + 1)
            return
        try:
            parsed = split(raw, number)
        except LexError as problem:
            self.fail("E-SIE-RAD", problem.message, number, problem.col)
            return
        handler = RECORDS.get(parsed.label)
        if handler is not None:
            handler(self, parsed)
        elif not parsed.label.startswith("#"):
            self.fail("E-SIE-RAD", f'raden börjar med "{excerpt(parsed.label)}"; en rad i en SIE-fil börjar med '
                      "#ETIKETT, { eller }", number)

    def finish(self) -> list[Finding]:
        if self.open is not None:
            self.fail("E-SIE-VER", "verifikationen öppnas med { men stängs aldrig: avsluta den med }",
                      self.open[0].number)
        if not self.sie.sietyp:
            self.findings.append(error("E-SIE-SAKNAS", "filen saknar #SIETYP: en SIE 4-fil har raden #SIETYP 4",
                                       self.pos(1)))
        if 0 not in self.sie.rar and self.sie.sietyp:
            self.findings.append(error("E-SIE-SAKNAS", "filen saknar #RAR 0 (räkenskapsårets första och sista dag)",
                                       self.pos(1)))
        return self.findings

    # --- values --------------------------------------------------------------------

    def fields(self, line: Line, least: int, form: str) -> tuple[Field, ...] | None:
        if len(line.fields) < least:
            self.fail("E-SIE-FALT", f"{line.label} har {len(line.fields)} fält men behöver {least}: skriv {form}",
                      line.number)
            return None
        return line.fields

    def amount(self, item: Field, line: Line) -> Decimal | None:
        if AMOUNT.fullmatch(item.text):
            return Decimal(item.text)
        self.fail("E-SIE-BELOPP", f'beloppet "{excerpt(item.text)}" är inte ett SIE-belopp: skriv det med punkt före '
                  "ören och utan mellanrum, till exempel -1234.50", line.number, item.col)
        return None

    def account(self, item: Field, line: Line) -> str | None:
        if ACCOUNT.fullmatch(item.text):
            return item.text
        self.fail("E-SIE-KONTO", f'kontonumret "{excerpt(item.text)}" är inte ett nummer: skriv bara siffror',
                  line.number, item.col)
        return None

    def year(self, item: Field, line: Line) -> int | None:
        if re.fullmatch(r"0|-[0-9]{1,2}", item.text):
            return int(item.text)
        self.fail("E-SIE-AR", f'årsnumret "{excerpt(item.text)}" ska vara 0 (räkenskapsåret) eller -1, -2 … '
                  "(åren före)", line.number, item.col)
        return None

    def date(self, item: Field, line: Line) -> dt.date | None:
        try:
            return dt.datetime.strptime(item.text, "%Y%m%d").date()
        except ValueError:
            self.fail("E-SIE-DATUM", f'datumet "{excerpt(item.text)}" ska skrivas ÅÅÅÅMMDD, till exempel 20231231',
                      line.number, item.col)
            return None
