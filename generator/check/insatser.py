"""Insatser reconcile with the driftredovisning, and their counts make sense."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..derive.insatser import InsatsResultat, drift_row_for
from ..findings import Finding, did_you_mean, error, warning
from ..formatting import plain
from ..keys import RR


def _drift_link(r: Arsredovisning, result: InsatsResultat) -> Iterator[Finding]:
    insats = result.insats
    row = drift_row_for(insats, r.arsfil)
    drift = r.arsfil.driftredovisning
    if insats.driftredovisning and row is None:
        names = [v.namn for v in drift.verksamheter] if drift else []
        hint = did_you_mean(insats.driftredovisning, names, "; name a row of driftredovisning.verksamheter")
        yield error("E-INSATS", f'insats "{insats.namn}": driftredovisning "{insats.driftredovisning}" is no row of '
                    f"the driftredovisning{hint}", insats.pos_of("driftredovisning"))
    if row is not None:
        pairs = (("utfall", insats.utfall, result.utfall), ("budget", insats.budget, result.budget))
        for name, entered, derived in pairs:
            if entered is not None and derived is not None and entered != derived:
                yield error("E-INSATS", f'insats "{insats.namn}": {name} {plain(entered)} differs from the '
                            f'driftredovisning row "{row.namn}", which gives {plain(derived)} (difference '
                            f"{plain(entered - derived)}); remove {name} here, it is taken from the driftredovisning",
                            insats.pos_of(name))
    elif result.utfall is None:
        yield warning("W-INSATS", f'insats "{insats.namn}" has no utfall: enter utfall, or link it to a '
                      "driftredovisning row with driftredovisning:", insats.pos)


def _counts(result: InsatsResultat) -> Iterator[Finding]:
    insats = result.insats
    if insats.avslutade is not None and result.deltagare is not None and insats.avslutade > result.deltagare:
        yield error("E-INSATS", f'insats "{insats.namn}": {insats.avslutade} avslutade but only {result.deltagare} '
                    "deltagare", insats.pos_of("avslutade"))
    stegf = insats.avslutade_med_stegforflyttning
    if stegf is not None and (insats.avslutade is None or stegf > insats.avslutade):
        yield error("E-INSATS", f'insats "{insats.namn}": {stegf} avslutade med stegförflyttning needs at least as '
                    f"many avslutade (avslutade: {insats.avslutade})", insats.pos_of("avslutade_med_stegforflyttning"))


def check_insatser(r: Arsredovisning) -> Iterator[Finding]:
    """Each insats agrees with its driftredovisning row, and its counts make sense."""
    for result in r.insatser:
        yield from _drift_link(r, result)
        yield from _counts(result)


def check_kategorier(r: Arsredovisning) -> Iterator[Finding]:
    """The insatser cannot have used more than verksamhetens kostnader."""
    costs = r.value(RR.verksamhetens_kostnader)
    for kategori in r.kategorier:
        if kategori.key == "drift_och_administration" and kategori.utfall < 0 and costs is not None:
            yield error("E-INSATS", f"the insatser's utfall add up to {plain(-costs - kategori.utfall)}, more than "
                        f"verksamhetens kostnader ({plain(-costs)})", r.arsfil.pos_of("insatser"))


def check_indikatormatning(r: Arsredovisning) -> Iterator[Finding]:
    """An indikatormätning belongs to an insats of the year and counts at most its avslutade."""
    by_name = {i.insats.namn.lower(): i.insats for i in r.insatser}
    for m in r.arsfil.indikatormatning:
        insats = by_name.get(m.insats.lower())
        if insats is None:
            hint = did_you_mean(m.insats, [i.insats.namn for i in r.insatser])
            yield error("E-INDIKATOR", f'indikatormätning for "{m.insats}", which is no insats of the year{hint}',
                        m.pos_of("insats"))
        elif insats.avslutade is not None and m.svarande > insats.avslutade:
            yield error("E-INDIKATOR", f"{m.svarande} svarande, but {insats.namn} had only {insats.avslutade} "
                        "avslutade", m.pos_of("svarande"))
        for fraga in m.fragor:
            if not 0 <= fraga.andel_positiva <= 1:
                yield error("E-INDIKATOR", f"andel_positiva {fraga.andel_positiva} is not a share between 0 and 1 "
                            "(write 0.98 for 98 %)", fraga.pos_of("andel_positiva"))
