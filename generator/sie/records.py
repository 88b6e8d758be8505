"""What each SIE label means (SIE 4B section 8), one small function per label the import
uses. Each takes the parser (values with their findings) and one lexed line."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from ..findings import excerpt
from .lexer import Line
from .model import TYPES, Konto, Saldo, Verifikation

if TYPE_CHECKING:
    from .reader import _Parser


def _sietyp(p: _Parser, line: Line) -> None:
    fields = p.fields(line, 1, "#SIETYP 4")
    if fields is not None and fields[0].text != "4":
        p.fail("E-SIE-TYP", f"filen är SIE typ {excerpt(fields[0].text)}; importen läser SIE typ 4 (4E eller 4I): "
               "exportera en SIE 4-fil ur bokföringen", line.number, fields[0].col)
    elif fields is not None:
        p.sie.sietyp = "4"


def _format(p: _Parser, line: Line) -> None:
    fields = p.fields(line, 1, "#FORMAT PC8")
    if fields is not None and fields[0].text.upper() != "PC8":
        p.fail("E-SIE-FORMAT", f'#FORMAT "{excerpt(fields[0].text)}" är okänt: SIE 4 har bara #FORMAT PC8',
               line.number, fields[0].col)


def _text(attribute: str, form: str) -> Callable[[_Parser, Line], None]:
    def handle(p: _Parser, line: Line) -> None:
        fields = p.fields(line, 1, form)
        if fields is not None:
            setattr(p.sie, attribute, fields[0].text)
    return handle


def _rar(p: _Parser, line: Line) -> None:
    fields = p.fields(line, 3, "#RAR 0 20230101 20231231")
    if fields is None:
        return
    year, start, end = p.year(fields[0], line), p.date(fields[1], line), p.date(fields[2], line)
    if year is not None and start is not None and end is not None:
        if end < start:
            p.fail("E-SIE-DATUM", "räkenskapsåret slutar före det börjar: byt plats på datumen", line.number,
                   fields[1].col)
        else:
            p.sie.rar[year] = (start, end)


def _konto(p: _Parser, line: Line) -> None:
    fields = p.fields(line, 2, '#KONTO 1910 "Kassa"')
    number = p.account(fields[0], line) if fields else None
    if fields is not None and number is not None:
        p.sie.konton[number] = Konto(number, fields[1].text, p.pos(line.number, fields[0].col))


def _ktyp(p: _Parser, line: Line) -> None:
    fields = p.fields(line, 2, "#KTYP 1910 T")
    number = p.account(fields[0], line) if fields else None
    if fields is None or number is None:
        return
    if fields[1].text not in TYPES:
        p.fail("E-SIE-KTYP", f'kontotypen "{excerpt(fields[1].text)}" är okänd: skriv T (tillgång), S (skuld), '
               "K (kostnad) eller I (intäkt)", line.number, fields[1].col)
    else:
        p.sie.ktyp[number] = fields[1].text


def _balance(kind: str) -> Callable[[_Parser, Line], None]:
    def handle(p: _Parser, line: Line) -> None:
        fields = p.fields(line, 3, f"{kind} 0 1910 1234.50")
        if fields is None:
            return
        if len(fields) > 4:  # "1 200 000,30" would otherwise read as 1 kr and a quantity
            p.fail("E-SIE-FALT", f"{kind} har {len(fields)} fält men högst 4 (årsnummer, konto, saldo, kvantitet): "
                   "ett belopp skrivs utan mellanrum, till exempel -1234.50", line.number, fields[2].col)
            return
        year, number, amount = p.year(fields[0], line), p.account(fields[1], line), p.amount(fields[2], line)
        if year is None or number is None or amount is None:
            return
        table = getattr(p.sie, kind[1:].lower()).setdefault(year, {})
        if number in table:
            p.fail("E-SIE-DUBBEL", f"{kind} {year} för konto {number} står redan på rad {table[number].pos.line}: "
                   "ett saldo per konto och år", line.number)
        else:
            table[number] = Saldo(number, amount, p.pos(line.number, fields[2].col))
    return handle


def _ver(p: _Parser, line: Line) -> None:
    fields = p.fields(line, 3, '#VER A 1 20230105 "text"')
    if fields is not None and p.date(fields[2], line) is not None:
        p.last_ver = line


def _open(p: _Parser, line: Line) -> None:
    if p.last_ver is None or p.open is not None:
        p.fail("E-SIE-VER", "{ står utan en #VER-rad före: en verifikations rader står inom { } direkt efter #VER",
               line.number)
        return
    p.open = (p.last_ver, [])
    p.last_ver = None


def _trans(p: _Parser, line: Line) -> None:
    if p.open is None:
        p.fail("E-SIE-VER", "#TRANS står utanför en verifikation: den hör hemma inom { } efter #VER", line.number)
        return
    fields = p.fields(line, 3, "#TRANS 1910 {} -100.00")
    if fields is None:
        return
    number, amount = p.account(fields[0], line), p.amount(fields[2], line)
    if number is not None and amount is not None:
        p.open[1].append(Saldo(number, amount, p.pos(line.number, fields[2].col)))


def _close(p: _Parser, line: Line) -> None:
    if p.open is None:
        p.fail("E-SIE-VER", "} står utan en öppnad verifikation: ta bort den eller lägg till #VER och {", line.number)
        return
    head, rows = p.open
    p.open = None
    total = sum((r.belopp for r in rows), Decimal(0))
    if total != 0:
        p.fail("E-SIE-VER", f"verifikation {excerpt(head.fields[0].text)} {excerpt(head.fields[1].text)} balanserar "
               f"inte: raderna summerar till {total}, inte 0", head.number)
    p.sie.verifikationer.append(Verifikation(head.fields[0].text, head.fields[1].text, tuple(rows),
                                             p.pos(head.number)))


RECORDS: dict[str, Callable[[_Parser, Line], None]] = {
    "#SIETYP": _sietyp, "#FORMAT": _format, "#ORGNR": _text("orgnr", "#ORGNR 222000-0000"),
    "#FNAMN": _text("fnamn", '#FNAMN "Samordningsförbundet …"'), "#RAR": _rar, "#KONTO": _konto, "#KTYP": _ktyp,
    "#IB": _balance("#IB"), "#UB": _balance("#UB"), "#RES": _balance("#RES"), "#VER": _ver, "{": _open,
    "#TRANS": _trans, "}": _close,
}
