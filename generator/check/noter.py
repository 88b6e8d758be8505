"""Notes and bilagor add up: a note's rows to its line, groups and varav rows to their row."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..derive import ZERO, Arsredovisning
from ..derive.noter import NOTE_LINES, line_amount, rad_amount
from ..derive.upplysningar import infonot_key
from ..findings import Finding, did_you_mean, error, excerpt
from ..formatting import plain
from ..keys import Noter
from ..model import Post, Rad


def check_infonoter(r: Arsredovisning) -> Iterator[Finding]:
    """Information-only notes: their rows add up, their keys are their own, references exist."""
    a = r.arsfil
    taken: dict[str, str] = {Noter.line(key.split(".", 1)[1]): str(key) for key in NOTE_LINES}
    for note in a.noter:
        key = infonot_key(note)
        if key in taken:
            yield error("E-NYCKEL", f'not "{excerpt(note.rubrik)}" ger samma nyckel som {excerpt(taken[key])}: {key}; '
                        "ge noten en annan rubrik", note.pos_of("rubrik"))
        taken[key] = f'noten "{note.rubrik}"'
        for rad in _rows(note.rader):
            yield from _rad(rad)
    headings = [n.rubrik for n in a.noter]
    known = {infonot_key(n) for n in a.noter}
    for section, name, linje in _posts(r):
        for ref in linje.noter:
            if infonot_key(ref) not in known:
                hint = did_you_mean(ref, headings, "; skriv rubriken på en not under noter: i årsfilen" if headings
                                    else "; årsfilen har inga noter under noter:")
                yield error("E-NOTREF", f'{section}.{name}: noter: "{excerpt(ref)}" är ingen not{hint}',
                            linje.pos_of("noter"))


def _rows(rader: Iterable[Rad]) -> Iterator[Rad]:
    for rad in rader:
        yield rad
        yield from _rows(rad.rader)
        yield from _rows(rad.varav)


def _posts(r: Arsredovisning) -> Iterator[tuple[str, str, Post]]:
    for section in ("resultatrakning", "balansrakning"):
        lines = getattr(r.arsfil, section)
        for name in lines.at:
            linje = getattr(lines, name)
            if isinstance(linje, Post):
                yield section, name, linje


def check_specifikationer(r: Arsredovisning) -> Iterator[Finding]:
    """A note's rows add up to its line; groups and varav rows add up to their rows."""
    for section, name, linje in _posts(r):
        total = line_amount(linje)
        if linje.belopp is not None and linje.rader and total is not None and linje.belopp != total:
            yield error("E-NOT", f"{section}.{name}: raderna summerar till {plain(total)}, men belopp är "
                        f"{plain(linje.belopp)} (skillnad {plain(total - linje.belopp)}); rätta en rad eller belopp",
                        linje.pos_of("belopp"))
        for rad in _rows(linje.rader):
            yield from _rad(rad)
        yield from _bilagor(linje)


def _rad(rad: Rad) -> Iterator[Finding]:
    if rad.rader and rad.belopp is not None and rad.belopp != rad_amount(rad):
        yield error("E-NOT", f'"{excerpt(rad.text)}": raderna summerar till {plain(rad_amount(rad))}, men belopp är '
                    f"{plain(rad.belopp)} (skillnad {plain(rad_amount(rad) - rad.belopp)}); rätta en rad eller belopp",
                    rad.pos_of("belopp"))
    yield from _varav(rad)
    if not rad.rader and rad.belopp is None:
        yield error("E-NOT", f'"{excerpt(rad.text)}" har varken belopp eller rader; skriv belopp: för raden', rad.pos)


def _varav(rad: Rad) -> Iterator[Finding]:
    """A complete split adds up to its row; a partial one (varav_delvis) is no larger than it."""
    split, whole = sum((rad_amount(v) for v in rad.varav), ZERO), rad_amount(rad)
    if rad.varav_delvis and not rad.varav:
        yield error("E-VARAV", f'"{excerpt(rad.text)}": varav_delvis: true men raden har inga varav-rader; ta bort '
                    "varav_delvis eller skriv raderna under varav:", rad.pos_of("varav_delvis"))
    elif rad.varav_delvis and (abs(split) > abs(whole) or split * whole < 0):
        yield error("E-VARAV", f'"{excerpt(rad.text)}": varav-raderna summerar till {plain(split)}, mer än raden '
                    f"({plain(whole)}); en del kan inte vara större än raden, rätta en varav-rad eller raden",
                    rad.pos_of("varav"))
    elif rad.varav and not rad.varav_delvis and split != whole:
        yield error("E-VARAV", f'"{excerpt(rad.text)}": varav-raderna summerar till {plain(split)}, raden är '
                    f"{plain(whole)} (skillnad {plain(split - whole)}); varav ska dela upp hela raden, eller skriv "
                    "varav_delvis: true om de bara visar en del av den", rad.pos_of("varav"))


def _bilagor(linje: Post) -> Iterator[Finding]:
    for bilaga in linje.bilagor:
        total = sum((rad_amount(x) for x in bilaga.rader), ZERO)
        target = _avser(linje, bilaga.avser)
        if target is None:
            texts = [x.text for x in linje.rader] + [f"varav {v.text}" for x in linje.rader for v in x.varav]
            hint = did_you_mean(bilaga.avser, texts,
                                "; skriv texten på en rad i noten, eller varav och texten på en varav-rad")
            yield error("E-BILAGA", f'bilaga "{excerpt(bilaga.rubrik)}": avser "{excerpt(bilaga.avser)}" är ingen '
                        f"rad i noten{hint}",
                        bilaga.pos_of("avser"))
        elif total != target:
            yield error("E-BILAGA", f'bilaga "{excerpt(bilaga.rubrik)}" summerar till {plain(total)}, men '
                        f'"{excerpt(bilaga.avser)}" '
                        f"i noten är {plain(target)} (skillnad {plain(total - target)})", bilaga.pos_of("rader"))


def _avser(linje: Post, avser: str) -> Decimal | None:
    """The amount of the note row (or of every varav row with a label) a bilaga names."""
    text = " ".join(avser.lower().split())
    if text.startswith("varav "):
        parts = [rad_amount(v) for x in linje.rader for v in x.varav if v.text.lower() == text[6:]]
        return sum(parts, ZERO) if parts else None
    return next((rad_amount(rad) for rad in _rows(linje.rader) if rad.text.lower() == text), None)
