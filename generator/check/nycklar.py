"""Figure keys never collide: two names that slug alike, or a name that takes a reserved key.

Derived figures are keyed by slugs of names in the data (`insatser.steg_a.utfall`). Two
names that make the same slug ("Steg A", "Steg-A"), or a name that makes a key the stage
itself writes (a note row "Summa", an insats "Individinriktad"), would give one key two
meanings; derive would silently keep one of them. Each such name is an error naming both
lines, so the export, the narrative's `{{ … }}` and the control totals mean one thing.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..derive import Arsredovisning
from ..derive.noter import NOTE_LINES, _post
from ..findings import Finding, Pos, error, excerpt
from ..keys import Noter
from ..model import Arsfil, Rad
from ..slug import slug
from ..texts import KATEGORI

CODE = "E-NYCKEL"
KEY_EXCERPT = 100  # a key is made of the names, so it is cut like them, if later


@dataclass(frozen=True)
class Claim:
    """A name from the data and the key prefix it makes."""

    what: str  # 'insats', 'notrad' … as the message names it
    name: str
    key: str
    pos: Pos
    fix: str = "byt namn på en av dem"  # what to do when two names collide


def _line(pos: Pos, here: Pos) -> str:
    """'rad 31', or 'forbund.yaml rad 31' when the other name stands in another file."""
    return f"rad {pos.line}" if pos.path == here.path else f"{pos.path} rad {pos.line}"


def collisions(claims: Iterable[Claim], reserved: dict[str, str]) -> Iterator[Finding]:
    """An error for each claim whose key an earlier claim, or the stage itself, already has."""
    seen: dict[str, Claim] = {}
    for c in claims:
        name, key = excerpt(c.name), excerpt(c.key, KEY_EXCERPT)
        if c.key in reserved:
            yield error(CODE, f'{c.what} "{name}" ger nyckeln {key}, som är reserverad för {reserved[c.key]}; '
                        f"välj ett annat namn", c.pos)
        elif c.key in seen:
            first = seen[c.key]
            yield error(CODE, f'{c.what} "{name}" ({_line(c.pos, c.pos)}) ger samma nyckel som "{excerpt(first.name)}" '
                        f"({_line(first.pos, c.pos)}): {key}; {c.fix}", c.pos)
        else:
            seen[c.key] = c


_RESERVED_ROW = {"summa": "summan", "varav": "varav-raderna", "varav_delvis": "varav-raderna", "bilaga": "bilagorna"}


def _reserved_rows(parent: str) -> dict[str, str]:
    return {f"{parent}.{word}": text for word, text in _RESERVED_ROW.items()}


def _rows(rader: Iterable[Rad], parent: str, what: str, reserved: dict[str, str]) -> Iterator[Finding]:
    """The rows under one parent, then each group's rows and each row's varav, recursively."""
    rader = list(rader)
    yield from collisions((Claim(what, r.text, f"{parent}.{slug(r.text)}", r.pos_of("text")) for r in rader), reserved)
    for rad in rader:
        key = f"{parent}.{slug(rad.text)}"
        yield from _rows(rad.rader, key, what, _reserved_rows(key))
        yield from _rows(rad.varav, f"{key}.{'varav_delvis' if rad.varav_delvis else 'varav'}", "varav-rad", {})


def check_noter(arsfil: Arsfil) -> Iterator[Finding]:
    """Rows of each note, of each group, varav and bilaga: one key each, none of the reserved ones."""
    for line in NOTE_LINES:
        post = _post(arsfil, line)
        if post is None:
            continue
        parent = Noter.line(line.split(".", 1)[1])
        reserved = _reserved_rows(parent)
        if line.endswith("verksamhetens_intakter") and arsfil.medlemsavgifter:
            reserved[f"{parent}.medlemsavgifter"] = "gruppen med medlemsavgifterna"
        yield from _rows(post.rader, parent, "notrad", reserved)
        bilagor = [Claim("bilaga", b.rubrik, Noter.bilaga(parent.split(".", 1)[1], slug(b.rubrik)), b.pos_of("rubrik"))
                   for b in post.bilagor]
        yield from collisions(bilagor, {})
        for b, claim in zip(post.bilagor, bilagor, strict=True):
            yield from _rows(b.rader, claim.key, "bilagerad", _reserved_rows(claim.key))
    for note in arsfil.noter:  # information-only notes: noter.<rubrik>.<row>
        parent = Noter.line(slug(note.rubrik))
        yield from _rows(note.rader, parent, "notrad", _reserved_rows(parent))


def check_nycklar(r: Arsredovisning) -> Iterator[Finding]:
    """Every name of the year makes a key of its own."""
    a = r.arsfil
    yield from collisions((Claim("insats", i.namn, f"insatser.{slug(i.namn)}", i.pos_of("namn")) for i in a.insatser),
                          {f"insatser.{k}": f"summan av kategorin {k}" for k in KATEGORI}
                          | {"insatser.drift_och_administration": "drift och administration"})
    if a.driftredovisning is not None:
        yield from collisions((Claim("verksamhet", v.namn, f"driftredovisning.{slug(v.namn)}", v.pos_of("namn"))
                               for v in a.driftredovisning.verksamheter), {})
    yield from collisions((Claim("medlem", n, f"medlemsavgifter.{slug(n)}", a.medlemsavgifter.pos_of(n),
                                 "skriv varje medlem en gång, med namnet som i forbund.yaml")
                           for n in a.medlemsavgifter), _reserved_rows("medlemsavgifter"))
    yield from collisions((Claim("indikatormätning för", m.insats, f"indikatormatning.{slug(m.insats)}",
                                 m.pos_of("insats"), "skriv alla frågor för insatsen i en och samma mätning")
                           for m in a.indikatormatning), {})
    yield from check_noter(a)
