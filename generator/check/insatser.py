"""Insatser reconcile with the driftredovisning, and their counts make sense."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..derive.insatser import InsatsResultat, drift_row_for
from ..findings import Finding, did_you_mean, error, excerpt, warning
from ..formatting import plain
from .mal import suggest_key


def _drift_link(r: Arsredovisning, result: InsatsResultat) -> Iterator[Finding]:
    insats = result.insats
    n = excerpt(insats.namn)
    row = drift_row_for(insats, r.arsfil)
    drift = r.arsfil.driftredovisning
    if insats.driftredovisning and row is None:
        names = [v.namn for v in drift.verksamheter] if drift else []
        hint = did_you_mean(insats.driftredovisning, names,
                            "; skriv namnet på en rad under driftredovisning.verksamheter")
        yield error("E-INSATS", f'insats "{n}": driftredovisning '
                    f'"{excerpt(insats.driftredovisning)}" '
                    f"är ingen rad i driftredovisningen{hint}", insats.pos_of("driftredovisning"))
    if row is not None:
        pairs = (("utfall", insats.utfall, result.utfall), ("budget", insats.budget, result.budget))
        for name, entered, derived in pairs:
            if entered is not None and derived is not None and entered != derived:
                yield error("E-INSATS", f'insats "{n}": {name} {plain(entered)} skiljer sig från '
                            f'raden "{excerpt(row.namn)}" i driftredovisningen, som ger {plain(derived)} (skillnad '
                            f"{plain(entered - derived)}); ta bort {name} här, det hämtas från driftredovisningen",
                            insats.pos_of(name))
    elif result.utfall is None and getattr(r.arsfil.kategorier, insats.kategori, None) is None:
        # Without a total for its category (kategorier:), the category's cost is unknown.
        yield warning("W-INSATS", f'insats "{n}" saknar utfall: skriv utfall:, eller knyt den till '
                      "en rad i driftredovisningen med driftredovisning:", insats.pos)


def _counts(result: InsatsResultat) -> Iterator[Finding]:
    insats = result.insats
    n = excerpt(insats.namn)
    if insats.avslutade is not None and result.deltagare is not None and insats.avslutade > result.deltagare:
        yield error("E-INSATS", f'insats "{n}": {insats.avslutade} avslutade men bara '
                    f"{result.deltagare} deltagare; fler kan inte ha avslutat än som deltog",
                    insats.pos_of("avslutade"))
    stegf = insats.avslutade_med_stegforflyttning
    if stegf is not None and (insats.avslutade is None or stegf > insats.avslutade):
        yield error("E-INSATS", f'insats "{n}": {stegf} avslutade med stegförflyttning kräver minst '
                    f"lika många avslutade (avslutade: {insats.avslutade})",
                    insats.pos_of("avslutade_med_stegforflyttning"))


def _accounts(r: Arsredovisning, result: InsatsResultat) -> Iterator[Finding]:
    """The follow-up's utfall against the note, bilaga or driftredovisning rows it is tied to."""
    insats = result.insats
    if not insats.utfall_enligt:
        return
    known = r.figures.get(r.year, {})
    for raw in insats.utfall_enligt:
        key = raw.strip()
        if key not in known:
            hint = suggest_key(key, sorted(known))
            yield error("E-INSATS", f'insats "{excerpt(insats.namn)}": utfall_enligt "{excerpt(key, 100)}" är ingen '
                        f"siffra för {r.year}{hint}", insats.pos_of("utfall_enligt"))
    accounts, utfall = result.enligt_redovisningen, result.utfall
    if accounts is not None and utfall is not None and accounts != utfall:
        keys = " + ".join(k.strip() for k in insats.utfall_enligt)
        at = insats.pos_of("utfall") if insats.utfall is not None else insats.pos_of("utfall_enligt")
        yield error("E-AVSTAMNING", f'insats "{excerpt(insats.namn)}": utfallet i uppföljningen är {plain(utfall)} kr '
                    f"men räkenskaperna ({keys}) ger {plain(accounts)} kr, skillnad {plain(utfall - accounts)} kr; "
                    "rätta utfallet eller nycklarna", at)


def check_insatser(r: Arsredovisning) -> Iterator[Finding]:
    """Each insats agrees with its driftredovisning row and its accounts, and its counts make sense."""
    for result in r.insatser:
        yield from _drift_link(r, result)
        yield from _accounts(r, result)
        yield from _counts(result)


def check_indikatormatning(r: Arsredovisning) -> Iterator[Finding]:
    """An indikatormätning belongs to an insats of the year and counts at most its avslutade."""
    by_name = {i.insats.namn.lower(): i.insats for i in r.insatser}
    for m in r.arsfil.indikatormatning:
        insats = by_name.get(m.insats.lower())
        if insats is None:
            hint = did_you_mean(m.insats, [i.insats.namn for i in r.insatser])
            yield error("E-INDIKATOR", f'indikatormätning för "{excerpt(m.insats)}", som inte är någon av årets '
                        f"insatser{hint}",
                        m.pos_of("insats"))
        elif insats.avslutade is not None and m.svarande > insats.avslutade:
            yield error("E-INDIKATOR", f"{m.svarande} svarande, men {excerpt(insats.namn)} hade bara "
                        f"{insats.avslutade} avslutade", m.pos_of("svarande"))
        for fraga in m.fragor:
            if not 0 <= fraga.andel_positiva <= 1:
                yield error("E-INDIKATOR", f"andel_positiva {fraga.andel_positiva} är ingen andel mellan 0 och 1 "
                            "(skriv 0.98 för 98 %)", fraga.pos_of("andel_positiva"))
