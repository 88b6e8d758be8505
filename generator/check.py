"""Checks: small named functions, each returning findings with a source position.

Every accounting identity of DESIGN.md is an error. Control totals (`kontrollsummor`)
are assertions: a figure the user copied from the bookkeeping or a published report,
compared with what the tool derived. Warnings cover what is allowed but needs a look.
"""
from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Callable, Iterable

from .derive import ZERO, Arsredovisning, line_amount, rad_amount
from .findings import Finding, Pos, error, warning
from .formatting import NBSP, plain
from .formatting import procent as _procent
from .model import Post, Rad

Check = Callable[[Arsredovisning], Iterable[Finding]]


def _differ(a: Decimal | None, b: Decimal | None) -> bool:
    return a is not None and b is not None and a != b


def balans(r: Arsredovisning) -> Iterable[Finding]:
    """Tillgångar = eget kapital + avsättningar + skulder, to the krona."""
    ar = r.ar
    f = r.figures[ar.ar]
    assets = f.get("balansrakning.summa_tillgangar")
    claims = f.get("balansrakning.summa_eget_kapital_avsattningar_och_skulder")
    if _differ(assets, claims):
        yield error("E-BALANS",
                    f"the balance sheet {ar.ar} does not balance: summa tillgångar {plain(assets)}, "
                    f"summa eget kapital, avsättningar och skulder {plain(claims)}, difference {plain(assets - claims)}; "
                    "correct the balance-sheet lines so they agree with the bookkeeping",
                    ar.pos_of("balansrakning"))


def kassaflode(r: Arsredovisning) -> Iterable[Finding]:
    """Likvida medel vid årets början + årets kassaflöde = likvida medel vid årets slut."""
    ar = r.ar
    f = r.figures[ar.ar]
    begin = f.get("kassaflodesanalys.likvida_medel_vid_arets_borjan")
    flow = f.get("kassaflodesanalys.arets_kassaflode")
    end = f.get("kassaflodesanalys.likvida_medel_vid_arets_slut")
    if begin is None or flow is None or end is None:
        return
    if begin + flow != end:
        yield error("E-KASSAFLODE",
                    f"the cash-flow analysis {ar.ar} does not close: likvida medel vid årets början {plain(begin)} "
                    f"+ årets kassaflöde {plain(flow)} = {plain(begin + flow)}, but likvida medel vid årets slut "
                    f"are {plain(end)} (difference {plain(begin + flow - end)}); check investeringar and the "
                    "balance-sheet lines of both years",
                    ar.pos_of("balansrakning"))


def anlaggningstillgangar(r: Arsredovisning) -> Iterable[Finding]:
    """Last year's fixed assets + investments − depreciation − book value sold = this year's."""
    ar = r.ar
    now, before = r.figures[ar.ar], r.figures.get(ar.ar - 1, {})
    opening = before.get("balansrakning.summa_anlaggningstillgangar")
    closing = now.get("balansrakning.summa_anlaggningstillgangar")
    if opening is None or closing is None:
        return
    inv = ar.investeringar
    expected = (opening + inv.investeringar + now["resultatrakning.avskrivningar"]
                - (inv.forsaljningar - inv.realisationsresultat))
    if expected != closing:
        yield error("E-ANLAGGNING",
                    f"anläggningstillgångar {ar.ar} do not follow from last year's: {plain(opening)} + investeringar "
                    f"{plain(inv.investeringar)} − avskrivningar {plain(-now['resultatrakning.avskrivningar'])} − sold "
                    f"{plain(inv.forsaljningar - inv.realisationsresultat)} = {plain(expected)}, but the balance sheet "
                    f"says {plain(closing)}; enter this year's investeringar (payments for new assets)",
                    ar.pos_of("investeringar") if "investeringar" in ar.at else ar.pos_of("balansrakning"))


def driftredovisning(r: Arsredovisning) -> Iterable[Finding]:
    """The driftredovisning's total netto is årets resultat."""
    ar = r.ar
    if ar.driftredovisning is None:
        return
    f = r.figures[ar.ar]
    total = f["driftredovisning.summa_netto"]
    result = f["resultatrakning.arets_resultat"]
    if total != result:
        yield error("E-DRIFT",
                    f"driftredovisningen {ar.ar} adds up to netto {plain(total)}, but årets resultat is "
                    f"{plain(result)} (difference {plain(total - result)}); every krona of the income statement "
                    "belongs to one verksamhet",
                    ar.pos_of("driftredovisning"))


def _rows(rader: Iterable[Rad]) -> Iterable[Rad]:
    for rad in rader:
        yield rad
        yield from _rows(rad.rader)
        yield from _rows(rad.varav)


def specifikationer(r: Arsredovisning) -> Iterable[Finding]:
    """A note's rows add up to its line; groups and varav-splits add up to their rows."""
    ar = r.ar
    for section in ("resultatrakning", "balansrakning"):
        obj = getattr(ar, section)
        for name in obj.at:
            linje = getattr(obj, name)
            if not isinstance(linje, Post):
                continue
            total = line_amount(linje)
            if linje.belopp is not None and linje.rader and linje.belopp != total:
                yield error("E-NOT", f"{section}.{name}: the rows add up to {plain(total)}, but belopp says "
                            f"{plain(linje.belopp)} (difference {plain(total - linje.belopp)}); correct a row or belopp",
                            linje.pos_of("belopp"))
            for rad in _rows(linje.rader):
                if rad.rader and rad.belopp is not None and rad.belopp != rad_amount(rad):
                    yield error("E-NOT", f'"{rad.text}": its rows add up to {plain(rad_amount(rad))}, but belopp says '
                                f"{plain(rad.belopp)}", rad.pos_of("belopp"))
                if rad.varav:
                    split = sum((rad_amount(v) for v in rad.varav), ZERO)
                    if split != rad_amount(rad):
                        yield error("E-VARAV", f'"{rad.text}": the varav rows add up to {plain(split)}, the row is '
                                    f"{plain(rad_amount(rad))} (difference {plain(split - rad_amount(rad))}); "
                                    "varav is the complete split of the row", rad.pos_of("varav"))
                if not rad.rader and rad.belopp is None:
                    yield error("E-NOT", f'"{rad.text}" has neither belopp nor rader', rad.pos)
            yield from _bilagor(linje, section, name)


def _bilagor(linje: Post, section: str, name: str) -> Iterable[Finding]:
    for bilaga in linje.bilagor:
        total = sum((rad_amount(x) for x in bilaga.rader), ZERO)
        target = _avser(linje, bilaga.avser)
        if target is None:
            texts = [x.text for x in linje.rader] + [f"varav {v.text}" for x in linje.rader for v in x.varav]
            close = difflib.get_close_matches(bilaga.avser, texts, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else "; name a row of the note, or varav and a varav text"
            yield error("E-BILAGA", f'bilaga "{bilaga.rubrik}": avser "{bilaga.avser}" names no row of the note{hint}',
                        bilaga.pos_of("avser"))
        elif total != target:
            yield error("E-BILAGA", f'bilaga "{bilaga.rubrik}" adds up to {plain(total)}, but "{bilaga.avser}" in the '
                        f"note is {plain(target)} (difference {plain(total - target)})", bilaga.pos_of("rader"))


def _avser(linje: Post, avser: str) -> Decimal | None:
    text = " ".join(avser.lower().split())
    if text.startswith("varav "):
        label = text[6:]
        parts = [rad_amount(v) for x in linje.rader for v in x.varav if v.text.lower() == label]
        return sum(parts, ZERO) if parts else None
    for rad in _rows(linje.rader):
        if rad.text.lower() == text:
            return rad_amount(rad)
    return None


def medlemmar(r: Arsredovisning) -> Iterable[Finding]:
    """Fees are paid by members the förbund has, and every member pays."""
    names = [m.namn for m in r.forbund.medlemmar]
    for name in r.ar.medlemsavgifter:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else "; add the member to medlemmar in forbund.yaml"
            yield error("E-MEDLEM", f'"{name}" is not a member in forbund.yaml{hint}', r.ar.medlemsavgifter.pos_of(name))
    for name in names:
        if name not in r.ar.medlemsavgifter:
            yield warning("W-MEDLEM", f'{name} paid no medlemsavgift in {r.year}; add it under medlemsavgifter '
                          "(0 if that is true)", r.ar.pos_of("medlemsavgifter"))


def procent(value: Decimal, decimals: int = 0) -> str:
    """Percent for terminal messages: ordinary spaces, like the amounts beside it."""
    return _procent(value, decimals).replace(NBSP, " ")


TOLERANCE = Decimal("0.001")  # 0,1 procentenhet: rounding in the members' decisions


def medlemsandelar(r: Arsredovisning) -> Iterable[Finding]:
    """Staten half, the region a quarter, the kommuner a quarter (5 § lagen om finansiell samordning)."""
    f = r.figures[r.year]
    total = f.get("medlemsavgifter.summa") or ZERO
    if not total:
        return
    labels = {"staten": "staten", "region": "regionen", "kommun": "kommunerna together"}
    expected = {"staten": Decimal("0.50"), "region": Decimal("0.25"), "kommun": Decimal("0.25")}
    for typ, share in expected.items():
        actual = f.get(f"medlemsavgifter.andel_{typ}", ZERO)
        if abs(actual - share) > TOLERANCE:
            yield warning("W-ANDEL", f"{labels[typ]} paid {plain(actual * total)} kr, {procent(actual, 2)} of "
                          f"{plain(total)} kr; the law's share is {procent(share)} ({plain((share * total).quantize(Decimal(1)))} kr)",
                          r.ar.pos_of("medlemsavgifter"))
    for m in r.medlemmar:
        if m.typ == "kommun" and m.forvantad_andel is not None and abs(m.andel - m.forvantad_andel) > TOLERANCE:
            yield warning("W-ANDEL", f"{m.namn} paid {plain(m.belopp)} kr, {procent(m.andel, 2)} of the fees; its "
                          f"fördelningsnyckel gives {procent(m.forvantad_andel, 2)} "
                          f"({plain((m.forvantad_andel * total).quantize(Decimal(1)))} kr)",
                          r.ar.medlemsavgifter.pos_of(m.namn))


def eget_kapital_tak(r: Arsredovisning) -> Iterable[Finding]:
    f = r.figures[r.year]
    over = f.get("nyckeltal.eget_kapital_over_tak")
    if over is not None and over > 0:
        yield warning("W-EK-TAK", f"eget kapital {plain(f['balansrakning.summa_eget_kapital'])} kr is "
                      f"{procent(f['nyckeltal.eget_kapital_andel_av_tilldelning'])} of the year's medlemsavgifter, above "
                      f"Nationella rådets recommended ceiling of {procent(f['nyckeltal.eget_kapital_tak_andel'])} "
                      f"({plain(f['nyckeltal.eget_kapital_tak'])} kr) by {plain(over)} kr; say in the "
                      "förvaltningsberättelse how the förbund will use it", r.ar.pos_of("balansrakning"))


def balanskrav(r: Arsredovisning) -> Iterable[Finding]:
    """A negative balanskravsresultat needs the board's explanation; old deficits are flagged."""
    f = r.figures[r.year]
    result = f.get("balanskravsresultat.arets_balanskravsresultat")
    if result is not None and result < 0 and not r.ar.balanskrav.styrelsens_forklaring:
        yield warning("W-BALANSKRAV", f"årets balanskravsresultat is negative ({plain(result)} kr): write "
                      "balanskrav: styrelsens_forklaring: how and when it is restored, or the synnerliga skäl "
                      "for not restoring it", r.ar.pos_of("balanskrav") if "balanskrav" in r.ar.at else r.ar.pos)
    for year, amount in r.ar.balanskrav.tidigare_underskott.items():
        if amount < 0 and r.year - year > 3:
            yield warning("W-UNDERSKOTT", f"the deficit of {year} ({plain(amount)} kr) is older than three years and "
                          "should have been restored", r.ar.balanskrav.tidigare_underskott.pos_of(year))


def datum(r: Arsredovisning) -> Iterable[Finding]:
    """The board adopts the report within three months of the year's end."""
    deadline = dt.date(r.year + 1, 3, 31)
    for name, value in (("styrelsens_beslut", r.ar.styrelsens_beslut), ("underskrift.datum", r.ar.underskrift.datum)):
        if value is None:
            continue
        pos = r.ar.pos_of(name) if name == "styrelsens_beslut" else r.ar.underskrift.pos_of("datum")
        if value > deadline:
            yield warning("W-DATUM", f"{name} {value.isoformat()} is after {deadline.isoformat()}: the board should "
                          "adopt the annual report within three months of the year's end", pos)
        if value <= dt.date(r.year, 12, 31):
            yield error("E-DATUM", f"{name} {value.isoformat()} is before the end of {r.year}; the report can only be "
                        "adopted after the year has ended", pos)


def kontrollsummor(r: Arsredovisning) -> Iterable[Finding]:
    """Figures copied from the bookkeeping or a published report, checked as assertions."""
    ks = r.ar.kontrollsummor
    if ks is None:
        return
    for year, values in ks.belopp.items():
        if year not in (r.year, r.year - 1):
            yield error("E-KONTROLL", f"kontrollsummor for {year}: only {r.year} and {r.year - 1} are in this report",
                        ks.belopp.pos_of(year))
            continue
        derived = r.figures.get(year, {})
        for key, expected in values.items():
            pos = values.pos_of(key)
            if key not in derived:
                close = difflib.get_close_matches(key, list(derived), n=1, cutoff=0.7)
                hint = f'; did you mean "{close[0]}"?' if close else "; `make figures` lists every key"
                yield error("E-KONTROLL", f'kontrollsumma "{key}" names no figure of {year}{hint}', pos)
                continue
            computed = derived[key]
            if computed != expected:
                yield error("E-KONTROLL", f"kontrollsumma {key} {year}: expected {plain(expected)}, computed "
                            f"{plain(computed)}, difference {plain(expected - computed)}", pos)


def _texts(r: Arsredovisning):
    """Every free text that may name figures, with where it starts: (text, path, first line)."""
    for a in r.narrativ:
        yield a.markdown, a.pos.path, a.body_line
    ar = r.ar

    def field_text(obj, name):
        value = getattr(obj, name)
        if value:
            pos = obj.pos_of(name)
            # A block scalar (| or >) starts on the line after its key.
            first = pos.line + (1 if "\n" in value else 0)
            yield value, pos.path, first

    yield from field_text(ar.balanskrav, "styrelsens_forklaring")
    if ar.mal is not None:
        for mal in ar.mal.verksamhetsmal + ar.mal.finansiella_mal:
            yield from field_text(mal, "kommentar")
    for insats in ar.insatser:
        yield from field_text(insats, "kommentar")


def narrativ_referenser(r: Arsredovisning) -> Iterable[Finding]:
    """Figures named in the narrative exist; nothing else stands between the braces."""
    from .narrative import references

    for text, path, first_line in _texts(r):
        for ref in references(text):
            line = first_line + text.count("\n", 0, ref.offset)
            col = ref.offset - (text.rfind("\n", 0, ref.offset) + 1) + 1
            pos = Pos(path, line, col)
            if ref.problem:
                yield error("E-REFERENS", ref.problem, pos)
                continue
            year = ref.year or r.year
            if year not in (r.year, r.year - 1):
                yield error("E-REFERENS", f"{ref.text}: only {r.year} and {r.year - 1} are in this report", pos)
                continue
            if ref.key not in r.figures.get(year, {}):
                close = difflib.get_close_matches(ref.key, list(r.figures.get(year, {})), n=1, cutoff=0.7)
                hint = f'; did you mean "{close[0]}"?' if close else "; `make figures` lists every name"
                yield error("E-REFERENS", f'"{ref.key}" names no figure of {year}{hint}', pos)


def insatser(r: Arsredovisning) -> Iterable[Finding]:
    """Insatser reconcile with the driftredovisning, and their counts make sense."""
    from .insatser import drift_row_for

    ar = r.ar
    names = [v.namn for v in ar.driftredovisning.verksamheter] if ar.driftredovisning else []
    for result in r.insatser:
        insats = result.insats
        row = drift_row_for(insats, ar)
        if insats.driftredovisning and row is None:
            close = difflib.get_close_matches(insats.driftredovisning, names, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else "; name a row of driftredovisning.verksamheter"
            yield error("E-INSATS", f'insats "{insats.namn}": driftredovisning "{insats.driftredovisning}" is no '
                        f"row of the driftredovisning{hint}", insats.pos_of("driftredovisning"))
        if row is not None:
            for name, entered, derived in (("utfall", insats.utfall, result.utfall), ("budget", insats.budget, result.budget)):
                if entered is not None and derived is not None and entered != derived:
                    yield error("E-INSATS", f'insats "{insats.namn}": {name} {plain(entered)} differs from the '
                                f'driftredovisning row "{row.namn}", which gives {plain(derived)} (difference '
                                f"{plain(entered - derived)}); remove {name} here, it is taken from the driftredovisning",
                                insats.pos_of(name))
        elif result.utfall is None:
            yield warning("W-INSATS", f'insats "{insats.namn}" has no utfall: enter utfall, or link it to a '
                          "driftredovisning row with driftredovisning:", insats.pos)
        total = result.deltagare
        if insats.avslutade is not None and total is not None and insats.avslutade > total:
            yield error("E-INSATS", f'insats "{insats.namn}": {insats.avslutade} avslutade but only {total} deltagare',
                        insats.pos_of("avslutade"))
        stegf = insats.avslutade_med_stegforflyttning
        if stegf is not None and (insats.avslutade is None or stegf > insats.avslutade):
            yield error("E-INSATS", f'insats "{insats.namn}": {stegf} avslutade med stegförflyttning needs at least as '
                        f"many avslutade (avslutade: {insats.avslutade})", insats.pos_of("avslutade_med_stegforflyttning"))
    for kategori in r.kategorier:
        if kategori.key == "drift_och_administration" and kategori.utfall < 0:
            yield error("E-INSATS", f"the insatser's utfall add up to {plain(-r.value('resultatrakning.verksamhetens_kostnader') - kategori.utfall)}, "
                        f"more than verksamhetens kostnader ({plain(-r.value('resultatrakning.verksamhetens_kostnader'))})",
                        ar.pos_of("insatser"))
    by_name = {i.insats.namn.lower(): i.insats for i in r.insatser}
    for m in ar.indikatormatning:
        insats = by_name.get(m.insats.lower())
        if insats is None:
            close = difflib.get_close_matches(m.insats, [i.insats.namn for i in r.insatser], n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            yield error("E-INDIKATOR", f'indikatormätning for "{m.insats}", which is no insats of the year{hint}',
                        m.pos_of("insats"))
        elif insats.avslutade is not None and m.svarande > insats.avslutade:
            yield error("E-INDIKATOR", f"{m.svarande} svarande, but {insats.namn} had only {insats.avslutade} avslutade",
                        m.pos_of("svarande"))
        for fraga in m.fragor:
            if not 0 <= fraga.andel_positiva <= 1:
                yield error("E-INDIKATOR", f"andel_positiva {fraga.andel_positiva} is not a share between 0 and 1 "
                            "(write 0.98 for 98 %)", fraga.pos_of("andel_positiva"))


CHECKS: tuple[Check, ...] = (balans, kassaflode, anlaggningstillgangar, driftredovisning, specifikationer,
                             medlemmar, medlemsandelar, eget_kapital_tak, balanskrav, datum, kontrollsummor,
                             narrativ_referenser, insatser)


def run_checks(r: Arsredovisning) -> list[Finding]:
    findings = list(r.findings)
    for check in CHECKS:
        findings.extend(check(r))
    return sorted(findings, key=lambda f: (f.pos.path, f.pos.line, f.pos.col, f.code))
