"""Derive every statement figure of a förbund-year from the facts entered once.

Each year's figures form a flat mapping from stable keys (`resultatrakning.arets_resultat`)
to exact Decimals. The report year's figures need last year's (opening equity, the cash-flow
analysis' opening balances, the comparison column), which come from last year's file or,
failing that, from the förbund's `historik` block.

Derivation does not judge: it computes. Where something cannot be computed (no opening
balance) it records a finding and leaves the figure out; `check` judges the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from . import insatser as insatser_mod
from .findings import Finding, error
from .load import Source
from .model import Ar, Bilaga, Forbund, Historik, Linje, Post, Rad
from .slug import slug, unique_slugs

ZERO = Decimal(0)
Figures = dict[str, Decimal]


# --- Lines and their specifications --------------------------------------------------

def rad_amount(rad: Rad) -> Decimal:
    """A row's amount: its own belopp, or the sum of its rows when it is a group."""
    if rad.rader:
        return sum((rad_amount(r) for r in rad.rader), ZERO)
    return rad.belopp if rad.belopp is not None else ZERO


def line_amount(linje: Linje | None) -> Decimal | None:
    if linje is None:
        return None
    if isinstance(linje, Post):
        if not linje.rader:
            return linje.belopp
        return sum((rad_amount(r) for r in linje.rader), ZERO)
    return linje


def _sum(*values: Decimal | None) -> Decimal:
    return sum((v for v in values if v is not None), ZERO)


# The statement lines a year file may specify with a note, in the order the report
# refers to them; notes are numbered in this order (after Not 1, redovisningsprinciper).
RR_LINES = ("verksamhetens_intakter", "verksamhetens_kostnader", "avskrivningar",
            "finansiella_intakter", "finansiella_kostnader", "extraordinara_poster")
BR_LINES = ("immateriella_anlaggningstillgangar", "maskiner_och_inventarier",
            "finansiella_anlaggningstillgangar", "forrad", "fordringar", "kortfristiga_placeringar",
            "kassa_och_bank", "avsattningar_pensioner", "andra_avsattningar", "langfristiga_skulder",
            "kortfristiga_skulder", "ansvarsforbindelser")


def resultatrakning(ar: Ar) -> Figures:
    rr = ar.resultatrakning
    medlemsavgifter = sum(ar.medlemsavgifter.values(), ZERO)
    f: Figures = {}
    f["medlemsavgifter"] = medlemsavgifter
    f["verksamhetens_intakter"] = medlemsavgifter + (line_amount(rr.verksamhetens_intakter) or ZERO)
    f["verksamhetens_kostnader"] = line_amount(rr.verksamhetens_kostnader)
    f["avskrivningar"] = line_amount(rr.avskrivningar) or ZERO
    f["verksamhetens_nettokostnader"] = _sum(f["verksamhetens_intakter"], f["verksamhetens_kostnader"], f["avskrivningar"])
    # A förbund has no skatteintäkter or generella statsbidrag: verksamhetens resultat
    # equals its nettokostnader.
    f["verksamhetens_resultat"] = f["verksamhetens_nettokostnader"]
    f["finansiella_intakter"] = line_amount(rr.finansiella_intakter) or ZERO
    f["finansiella_kostnader"] = line_amount(rr.finansiella_kostnader) or ZERO
    f["resultat_efter_finansiella_poster"] = _sum(f["verksamhetens_resultat"], f["finansiella_intakter"], f["finansiella_kostnader"])
    f["extraordinara_poster"] = line_amount(rr.extraordinara_poster) or ZERO
    f["arets_resultat"] = f["resultat_efter_finansiella_poster"] + f["extraordinara_poster"]
    return {f"resultatrakning.{k}": v for k, v in f.items()}


def balansrakning(ar: Ar, arets_resultat: Decimal, opening_equity: Decimal | None) -> Figures:
    br = ar.balansrakning
    f: Figures = {}
    for name in BR_LINES:
        amount = line_amount(getattr(br, name))
        f[name] = amount if amount is not None else ZERO
    f["summa_materiella_anlaggningstillgangar"] = f["maskiner_och_inventarier"]
    f["summa_anlaggningstillgangar"] = _sum(f["immateriella_anlaggningstillgangar"], f["maskiner_och_inventarier"],
                                            f["finansiella_anlaggningstillgangar"])
    f["summa_omsattningstillgangar"] = _sum(f["forrad"], f["fordringar"], f["kortfristiga_placeringar"], f["kassa_och_bank"])
    f["summa_tillgangar"] = f["summa_anlaggningstillgangar"] + f["summa_omsattningstillgangar"]
    f["arets_resultat"] = arets_resultat
    f["resultatutjamningsreserv"] = br.resultatutjamningsreserv or ZERO
    if opening_equity is not None:
        # Övrigt eget kapital is what last year's equity was, less what sits in the reserve.
        f["ovrigt_eget_kapital"] = opening_equity - f["resultatutjamningsreserv"]
        f["summa_eget_kapital"] = opening_equity + arets_resultat
    f["summa_avsattningar"] = f["avsattningar_pensioner"] + f["andra_avsattningar"]
    f["summa_skulder"] = f["langfristiga_skulder"] + f["kortfristiga_skulder"]
    if "summa_eget_kapital" in f:
        f["summa_eget_kapital_avsattningar_och_skulder"] = f["summa_eget_kapital"] + f["summa_avsattningar"] + f["summa_skulder"]
    return {f"balansrakning.{k}": v for k, v in f.items()}


def balance_from_history(h: Historik) -> Figures:
    """The balance-sheet figures a compact history block gives, under the same keys."""
    f: Figures = {}
    pairs = {
        "summa_anlaggningstillgangar": h.anlaggningstillgangar, "forrad": h.forrad, "fordringar": h.fordringar,
        "kortfristiga_placeringar": h.kortfristiga_placeringar, "kassa_och_bank": h.kassa_och_bank,
        "summa_avsattningar": h.avsattningar, "langfristiga_skulder": h.langfristiga_skulder,
        "kortfristiga_skulder": h.kortfristiga_skulder, "summa_eget_kapital": h.eget_kapital,
        "summa_tillgangar": h.summa_tillgangar,
    }
    for key, value in pairs.items():
        if value is not None:
            f[f"balansrakning.{key}"] = value
    if h.summa_tillgangar is None and h.kassa_och_bank is not None:
        f["balansrakning.summa_tillgangar"] = _sum(h.anlaggningstillgangar, h.forrad, h.fordringar,
                                                   h.kortfristiga_placeringar, h.kassa_och_bank)
    if h.arets_resultat is not None:
        f["resultatrakning.arets_resultat"] = h.arets_resultat
    if h.verksamhetens_intakter is not None:
        f["resultatrakning.verksamhetens_intakter"] = h.verksamhetens_intakter
    if h.verksamhetens_kostnader is not None:
        f["resultatrakning.verksamhetens_kostnader"] = h.verksamhetens_kostnader
    return f


# Opening balances the cash-flow analysis needs, and whether a missing one may count as 0
# (a förbund without förråd need not say so in its history block).
_OPENING = ("summa_anlaggningstillgangar", "forrad", "fordringar", "kortfristiga_placeringar", "kassa_och_bank",
            "summa_avsattningar", "langfristiga_skulder", "kortfristiga_skulder")
_OPENING_REQUIRED = ("fordringar", "kassa_och_bank", "kortfristiga_skulder")


def kassaflodesanalys(ar: Ar, now: Figures, before: Figures) -> Figures:
    """Indirect method (RKR R13) from the income statement, both balance sheets and investments."""
    def b(key: str, figures: Figures) -> Decimal:
        return figures.get(f"balansrakning.{key}", ZERO)

    inv = ar.investeringar
    f: Figures = {}
    f["arets_resultat"] = now["resultatrakning.arets_resultat"]
    f["avskrivningar"] = -now["resultatrakning.avskrivningar"]
    f["forandring_avsattningar"] = b("summa_avsattningar", now) - b("summa_avsattningar", before)
    f["realisationsresultat"] = -inv.realisationsresultat
    f["justering_ej_likviditetspaverkande_poster"] = f["avskrivningar"] + f["forandring_avsattningar"] + f["realisationsresultat"]
    f["medel_fore_forandring_av_rorelsekapital"] = f["arets_resultat"] + f["justering_ej_likviditetspaverkande_poster"]
    f["forandring_forrad"] = b("forrad", before) - b("forrad", now)
    f["forandring_kortfristiga_fordringar"] = b("fordringar", before) - b("fordringar", now)
    f["forandring_kortfristiga_skulder"] = b("kortfristiga_skulder", now) - b("kortfristiga_skulder", before)
    f["kassaflode_fran_den_lopande_verksamheten"] = (f["medel_fore_forandring_av_rorelsekapital"] + f["forandring_forrad"]
                                                     + f["forandring_kortfristiga_fordringar"] + f["forandring_kortfristiga_skulder"])
    f["investeringar"] = -inv.investeringar
    f["forsaljningar"] = inv.forsaljningar
    f["kassaflode_fran_investeringsverksamheten"] = f["investeringar"] + f["forsaljningar"]
    f["forandring_langfristiga_skulder"] = b("langfristiga_skulder", now) - b("langfristiga_skulder", before)
    f["kassaflode_fran_finansieringsverksamheten"] = f["forandring_langfristiga_skulder"]
    f["arets_kassaflode"] = (f["kassaflode_fran_den_lopande_verksamheten"] + f["kassaflode_fran_investeringsverksamheten"]
                             + f["kassaflode_fran_finansieringsverksamheten"])
    f["likvida_medel_vid_arets_borjan"] = b("kassa_och_bank", before) + b("kortfristiga_placeringar", before)
    f["likvida_medel_vid_arets_slut"] = b("kassa_och_bank", now) + b("kortfristiga_placeringar", now)
    return {f"kassaflodesanalys.{k}": v for k, v in f.items()}


# --- Notes -------------------------------------------------------------------------

@dataclass(frozen=True)
class NotRad:
    text: str
    key: str  # figure key of this row
    level: int  # 0 top row, 1 row of a group or a varav row
    kind: str  # "rad", "grupp", "delsumma", "varav"
    varden: dict[int, Decimal | None]


@dataclass(frozen=True)
class Not:
    key: str  # the statement line, e.g. "resultatrakning.verksamhetens_kostnader"
    rubrik: str
    rader: tuple[NotRad, ...]
    summa: dict[int, Decimal | None]
    bilagor: tuple["BilagaTabell", ...] = ()
    number: int = 0


@dataclass(frozen=True)
class BilagaTabell:
    rubrik: str
    avser: str
    key: str
    rader: tuple[NotRad, ...]
    summa: dict[int, Decimal | None]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _flatten(rader: Iterable[Rad], prefix: str, level: int = 0) -> list[tuple[str, str, int, str, Decimal]]:
    """Rows of a specification as (text, key, level, kind, amount), groups before their rows."""
    out = []
    rader = list(rader)
    for rad, key in zip(rader, unique_slugs([r.text for r in rader])):
        full = f"{prefix}.{key}"
        if rad.rader:
            out.append((rad.text, full, level, "grupp", None))
            out.extend(_flatten(rad.rader, full, level + 1))
            out.append((f"Summa {rad.text[:1].lower()}{rad.text[1:]}", full + ".summa", level, "delsumma", rad_amount(rad)))
        else:
            out.append((rad.text, full, level, "rad", rad_amount(rad)))
        for v, vkey in zip(rad.varav, unique_slugs([r.text for r in rad.varav])):
            out.append((f"varav {v.text[:1].lower()}{v.text[1:]}", f"{full}.varav.{vkey}", level + 1, "varav", rad_amount(v)))
    return out


def _merge_years(now: list, before: list, year: int) -> tuple[NotRad, ...]:
    """Match this year's and last year's rows by key (their text, and their parent's for
    group and varav rows); a row of only one year keeps its place."""
    by_key = {k: a for _, k, _, _, a in before}
    keys_now = {k for _, k, _, _, _ in now}
    rows = [NotRad(t, k, lvl, kind, {year: a, year - 1: by_key.get(k)}) for t, k, lvl, kind, a in now]
    rows += [NotRad(t, k, lvl, kind, {year: None, year - 1: a}) for t, k, lvl, kind, a in before if k not in keys_now]
    return tuple(rows)


DEFAULT_RUBRIK = {
    "verksamhetens_intakter": "Verksamhetens intäkter", "verksamhetens_kostnader": "Verksamhetens kostnader",
    "avskrivningar": "Avskrivningar", "finansiella_intakter": "Finansiella intäkter",
    "finansiella_kostnader": "Finansiella kostnader", "extraordinara_poster": "Extraordinära poster",
    "immateriella_anlaggningstillgangar": "Immateriella anläggningstillgångar",
    "maskiner_och_inventarier": "Maskiner och inventarier",
    "finansiella_anlaggningstillgangar": "Finansiella anläggningstillgångar", "forrad": "Förråd",
    "fordringar": "Fordringar", "kortfristiga_placeringar": "Kortfristiga placeringar",
    "kassa_och_bank": "Kassa och bank", "avsattningar_pensioner": "Avsättningar för pensioner",
    "andra_avsattningar": "Andra avsättningar", "langfristiga_skulder": "Långfristiga skulder",
    "kortfristiga_skulder": "Kortfristiga skulder", "ansvarsforbindelser": "Ansvarsförbindelser",
}


def _post(ar: Ar | None, section: str, name: str) -> Post | None:
    if ar is None:
        return None
    linje = getattr(getattr(ar, section), name)
    return linje if isinstance(linje, Post) and (linje.rader or name == "verksamhetens_intakter") else None


def _intakter_rows(ar: Ar, prefix: str) -> list:
    """Note rows for verksamhetens intäkter: the members' fees as a group, then other income."""
    rows = []
    if ar.medlemsavgifter:
        rows.append(("Medlemsavgifter", f"{prefix}.medlemsavgifter", 0, "grupp", None))
        names = list(ar.medlemsavgifter)
        for name, key in zip(names, unique_slugs(names)):
            rows.append((name, f"{prefix}.medlemsavgifter.{key}", 1, "rad", ar.medlemsavgifter[name]))
        rows.append(("Summa medlemsavgifter", f"{prefix}.medlemsavgifter.summa", 0, "delsumma",
                     sum(ar.medlemsavgifter.values(), ZERO)))
    rows.extend(_flatten(ar.resultatrakning.verksamhetens_intakter.rader, prefix))
    return rows


def noter(forbund: Forbund, ar: Ar, prev: Ar | None, figures: dict[int, Figures]) -> list[Not]:
    """Notes in order of first reference, numbered from 2 (Not 1 is redovisningsprinciper)."""
    year = ar.ar
    out: list[Not] = []
    for section, names in (("resultatrakning", RR_LINES), ("balansrakning", BR_LINES)):
        for name in names:
            post_now, post_before = _post(ar, section, name), _post(prev, section, name)
            prefix = f"noter.{name}"
            if name == "verksamhetens_intakter":
                now_rows = _intakter_rows(ar, prefix)
                before_rows = _intakter_rows(prev, prefix) if prev else []
            else:
                if post_now is None and post_before is None:
                    continue
                now_rows = _flatten(post_now.rader, prefix) if post_now else []
                before_rows = _flatten(post_before.rader, prefix) if post_before else []
            if not now_rows and not before_rows:
                continue
            rubrik = (post_now.rubrik if post_now and post_now.rubrik else DEFAULT_RUBRIK[name])
            key = f"{section}.{name}"
            summa = {year: figures.get(year, {}).get(key), year - 1: figures.get(year - 1, {}).get(key)}
            bilagor_before = {_norm(b.rubrik): b for b in (post_before.bilagor if post_before else ())}
            bilagor = tuple(_bilaga(b, bilagor_before.get(_norm(b.rubrik)), prefix, year)
                            for b in (post_now.bilagor if post_now else ()))
            out.append(Not(key, rubrik, _merge_years(now_rows, before_rows, year), summa, bilagor))
    return [Not(n.key, n.rubrik, n.rader, n.summa, n.bilagor, number=i + 2) for i, n in enumerate(out)]


def _bilaga(b: Bilaga, before: Bilaga | None, prefix: str, year: int) -> BilagaTabell:
    key = f"{prefix}.bilaga.{slug(b.rubrik)}"
    rows = _merge_years(_flatten(b.rader, key), _flatten(before.rader, key) if before else [], year)
    total = sum((rad_amount(r) for r in b.rader), ZERO)
    total_before = sum((rad_amount(r) for r in before.rader), ZERO) if before else None
    return BilagaTabell(b.rubrik, b.avser, key, rows, {year: total, year - 1: total_before})


def note_figures(notes: list[Not], year: int) -> dict[int, Figures]:
    out: dict[int, Figures] = {year: {}, year - 1: {}}
    for note in notes:
        name = note.key.split(".", 1)[1]
        for y in (year, year - 1):
            if note.summa.get(y) is not None:
                out[y][f"noter.{name}.summa"] = note.summa[y]
            for row in note.rader:
                if row.varden.get(y) is not None:
                    out[y][row.key] = row.varden[y]
        for bilaga in note.bilagor:
            for y in (year, year - 1):
                for row in bilaga.rader:
                    if row.varden.get(y) is not None:
                        out[y][row.key] = row.varden[y]
                if bilaga.summa.get(y) is not None:
                    out[y][f"{bilaga.key}.summa"] = bilaga.summa[y]
    return out


# --- Driftredovisning ---------------------------------------------------------------

@dataclass(frozen=True)
class DriftRad:
    namn: str
    key: str
    intakt: Decimal | None
    kostnad: Decimal | None
    netto: Decimal | None
    budget: Decimal | None
    avvikelse: Decimal | None
    netto_fjol: Decimal | None


def driftredovisning(ar: Ar, prev: Ar | None) -> tuple[list[DriftRad], Figures]:
    if ar.driftredovisning is None:
        return [], {}
    prev_netto: dict[str, Decimal] = {}
    prev_names: dict[str, str] = {}
    if prev is not None and prev.driftredovisning is not None:
        for v in prev.driftredovisning.verksamheter:
            prev_netto[slug(v.namn)] = v.intakt + v.kostnad
            prev_names[slug(v.namn)] = v.namn
    rows, f = [], {}
    names = [v.namn for v in ar.driftredovisning.verksamheter]
    for v, key in zip(ar.driftredovisning.verksamheter, unique_slugs(names)):
        netto = v.intakt + v.kostnad
        avvikelse = netto - v.budget if v.budget is not None else None
        rows.append(DriftRad(v.namn, key, v.intakt, v.kostnad, netto, v.budget, avvikelse, prev_netto.pop(key, None)))
    for key, netto in prev_netto.items():  # last year's rows that ended
        rows.append(DriftRad(prev_names[key], key, None, None, None, None, None, netto))
    for r in rows:
        for field_name in ("intakt", "kostnad", "netto", "budget", "avvikelse", "netto_fjol"):
            value = getattr(r, field_name)
            if value is not None:
                f[f"driftredovisning.{r.key}.{field_name}"] = value
    for name in ("intakt", "kostnad", "netto", "budget", "netto_fjol"):
        values = [getattr(r, name) for r in rows if getattr(r, name) is not None]
        if values:  # a column nobody filled in has no total, not a total of 0
            f[f"driftredovisning.summa_{name}"] = sum(values, ZERO)
    if "driftredovisning.summa_budget" in f:
        f["driftredovisning.summa_avvikelse"] = f["driftredovisning.summa_netto"] - f["driftredovisning.summa_budget"]
    return rows, f


# --- Balanskravsresultat -------------------------------------------------------------

def balanskravsresultat(ar: Ar, arets_resultat: Decimal) -> Figures:
    bk = ar.balanskrav
    f: Figures = {"arets_resultat": arets_resultat,
                  "samtliga_realisationsvinster": -bk.samtliga_realisationsvinster,
                  "realisationsvinster_undantag": bk.realisationsvinster_undantag,
                  "realisationsforluster_undantag": bk.realisationsforluster_undantag,
                  "orealiserade_vinster_forluster": -bk.orealiserade_vinster_forluster,
                  "aterforing_orealiserade": bk.aterforing_orealiserade}
    f["resultat_efter_balanskravsjusteringar"] = sum(f.values(), ZERO)
    f["till_resultatutjamningsreserv"] = -bk.till_resultatutjamningsreserv
    f["fran_resultatutjamningsreserv"] = bk.fran_resultatutjamningsreserv
    f["arets_balanskravsresultat"] = (f["resultat_efter_balanskravsjusteringar"] + f["till_resultatutjamningsreserv"]
                                      + f["fran_resultatutjamningsreserv"])
    underskott = sum(bk.tidigare_underskott.values(), ZERO)
    f["tidigare_underskott"] = underskott
    remaining = underskott + min(f["arets_balanskravsresultat"], ZERO)
    # A positive result this year restores earlier deficits first.
    restored = min(max(f["arets_balanskravsresultat"], ZERO), -underskott) if underskott < 0 else ZERO
    f["underskott_att_aterstalla"] = remaining + restored
    return {f"balanskravsresultat.{k}": v for k, v in f.items()}


# --- Members and key figures ---------------------------------------------------------

@dataclass(frozen=True)
class Medlemsandel:
    namn: str
    typ: str
    key: str
    belopp: Decimal
    andel: Decimal  # of all medlemsavgifter
    forvantad_andel: Decimal | None  # by the law's halves and the förbund's key


EXPECTED_SHARE = {"staten": Decimal("0.50"), "region": Decimal("0.25"), "kommun": Decimal("0.25")}


def medlemsandelar(forbund: Forbund, ar: Ar) -> tuple[list[Medlemsandel], Figures]:
    total = sum(ar.medlemsavgifter.values(), ZERO)
    typ_by_name = {m.namn: m for m in forbund.medlemmar}
    kommuner = [m for m in forbund.medlemmar if m.typ == "kommun"]
    keys_known = all(m.fordelningsnyckel is not None for m in kommuner) and kommuner
    key_total = sum((m.fordelningsnyckel for m in kommuner), ZERO) if keys_known else ZERO
    out, f = [], {}
    names = list(ar.medlemsavgifter)
    for name, key in zip(names, unique_slugs(names)):
        amount = ar.medlemsavgifter[name]
        member = typ_by_name.get(name)
        typ = member.typ if member else "okänd"
        andel = amount / total if total else ZERO
        expected = None
        if member and member.typ != "kommun":
            expected = EXPECTED_SHARE[member.typ]
        elif member and keys_known and key_total:
            expected = EXPECTED_SHARE["kommun"] * member.fordelningsnyckel / key_total
        out.append(Medlemsandel(name, typ, key, amount, andel, expected))
        f[f"medlemsavgifter.{key}.belopp"] = amount
        f[f"medlemsavgifter.{key}.andel"] = andel
    for typ in ("staten", "region", "kommun"):
        part = sum((m.belopp for m in out if m.typ == typ), ZERO)
        f[f"medlemsavgifter.andel_{typ}"] = part / total if total else ZERO
    f["medlemsavgifter.summa"] = total
    return out, f


def nyckeltal(fig: Figures, forbund: Forbund, antal_anstallda: int | None) -> Figures:
    f: Figures = {}
    ek = fig.get("balansrakning.summa_eget_kapital")
    assets = fig.get("balansrakning.summa_tillgangar")
    if ek is not None and assets:
        f["nyckeltal.soliditet"] = ek / assets
    allocation = fig.get("resultatrakning.medlemsavgifter")
    if ek is not None and allocation:
        f["nyckeltal.eget_kapital_andel_av_tilldelning"] = ek / allocation
        f["nyckeltal.eget_kapital_tak"] = (allocation * forbund.installningar.eget_kapital_tak).quantize(Decimal(1))
        f["nyckeltal.eget_kapital_tak_andel"] = forbund.installningar.eget_kapital_tak
        f["nyckeltal.eget_kapital_over_tak"] = ek - f["nyckeltal.eget_kapital_tak"]
    if antal_anstallda is not None:
        f["nyckeltal.antal_anstallda"] = Decimal(antal_anstallda)
    return f


# --- Five-year overview --------------------------------------------------------------

@dataclass(frozen=True)
class FemArsRad:
    ar: int
    verksamhetens_intakter: Decimal | None
    verksamhetens_kostnader: Decimal | None
    arets_resultat: Decimal | None
    soliditet: Decimal | None
    eget_kapital: Decimal | None
    antal_anstallda: int | None
    kalla: str  # "årsfil" or "historik"


# --- The whole year ------------------------------------------------------------------

@dataclass(frozen=True)
class Arsredovisning:
    """Everything the report shows for one förbund-year, derived."""

    forbund: Forbund
    ar: Ar
    prev: Ar | None
    figures: dict[int, Figures]  # this year and last year
    noter: list[Not]
    driftredovisning: list[DriftRad]
    medlemmar: list[Medlemsandel]
    femar: list[FemArsRad]
    findings: list[Finding] = field(default_factory=list)
    narrativ: tuple = ()  # narrative.Avsnitt of the year's Markdown, in file order
    insatser: list = field(default_factory=list)  # insatser.InsatsResultat
    kategorier: list = field(default_factory=list)  # insatser.Kategori

    @property
    def year(self) -> int:
        return self.ar.ar

    def value(self, key: str, year: int | None = None) -> Decimal | None:
        return self.figures.get(year or self.year, {}).get(key)


def history_figures(source: Source, year: int) -> Figures:
    """The figures a compact history block gives for a year without a file."""
    h = source.forbund.historik.get(year)
    if h is None:
        return {}
    f = balance_from_history(h)
    if h.soliditet is not None and "balansrakning.summa_tillgangar" not in f:
        f["nyckeltal.soliditet"] = h.soliditet
    elif "balansrakning.summa_eget_kapital" in f and f.get("balansrakning.summa_tillgangar"):
        f["nyckeltal.soliditet"] = f["balansrakning.summa_eget_kapital"] / f["balansrakning.summa_tillgangar"]
    if h.antal_anstallda is not None:
        f["nyckeltal.antal_anstallda"] = Decimal(h.antal_anstallda)
    return f


def all_year_figures(source: Source) -> tuple[dict[int, Figures], list[Finding]]:
    """Figures of every year with a file, oldest first, each opening from the year before."""
    findings: list[Finding] = []
    out: dict[int, Figures] = {}
    for year in sorted(source.years):
        before = out.get(year - 1) or history_figures(source, year - 1)
        out[year] = _year(source.forbund, source.years[year], before, findings)
    return out, findings


def _year(forbund: Forbund, ar: Ar, before: Figures, findings: list[Finding]) -> Figures:
    year = ar.ar
    f = resultatrakning(ar)
    opening = before.get("balansrakning.summa_eget_kapital")
    if opening is None:
        findings.append(error("E-OPENING", f"no opening eget kapital for {year}: add {year - 1}.yaml, or "
                              f"historik: {year - 1}: eget_kapital: … in forbund.yaml", ar.pos_of("balansrakning")))
    f.update(balansrakning(ar, f["resultatrakning.arets_resultat"], opening))
    missing = [k for k in _OPENING_REQUIRED if f"balansrakning.{k}" not in before]
    if missing and opening is not None:
        findings.append(error("E-OPENING", f"the cash-flow analysis for {year} needs last year's balance sheet; "
                              f"add {year - 1}.yaml or historik: {year - 1}: with " + ", ".join(missing),
                              ar.pos_of("balansrakning")))
    elif not missing:
        f.update(kassaflodesanalys(ar, f, before))
    f.update(balanskravsresultat(ar, f["resultatrakning.arets_resultat"]))
    f.update(nyckeltal(f, forbund, ar.antal_anstallda))
    return f


def _femar(source: Source, year: int, by_year: dict[int, Figures]) -> list[FemArsRad]:
    rows = []
    later: Figures = {}
    for y in range(year, year - 5, -1):
        f = dict(by_year.get(y) or history_figures(source, y))
        if not f:
            continue
        # Eget kapital of a history year that does not give it: the next year's, less
        # the next year's result.
        ek_next, result_next = later.get("balansrakning.summa_eget_kapital"), later.get("resultatrakning.arets_resultat")
        if "balansrakning.summa_eget_kapital" not in f and ek_next is not None and result_next is not None:
            f["balansrakning.summa_eget_kapital"] = ek_next - result_next
        later = f
        anst = f.get("nyckeltal.antal_anstallda")
        rows.append(FemArsRad(
            y, f.get("resultatrakning.verksamhetens_intakter"), f.get("resultatrakning.verksamhetens_kostnader"),
            f.get("resultatrakning.arets_resultat"), f.get("nyckeltal.soliditet"),
            f.get("balansrakning.summa_eget_kapital"), int(anst) if anst is not None else None,
            "årsfil" if y in source.years else "historik"))
    return rows


def derive(source: Source, year: int, narrativ: tuple = (), narrativ_findings: list[Finding] | None = None) -> Arsredovisning:
    """The whole report of one year. `narrativ` is the year's Markdown, read by narrative.read_year."""
    ar = source.years[year]
    prev = source.years.get(year - 1)
    by_year, findings = all_year_figures(source)
    # Findings about other years belong to their own report.
    findings = [f for f in findings if f.pos.path == ar.pos.path]
    figures = {year: dict(by_year[year]), year - 1: dict(by_year.get(year - 1) or history_figures(source, year - 1))}
    notes = noter(source.forbund, ar, prev, figures)
    for y, extra in note_figures(notes, year).items():
        figures[y].update(extra)
    drift_rows, drift_f = driftredovisning(ar, prev)
    figures[year].update(drift_f)
    if prev is not None:
        figures[year - 1].update(driftredovisning(prev, source.years.get(year - 2))[1])
        figures[year - 1].update(medlemsandelar(source.forbund, prev)[1])
    members, member_f = medlemsandelar(source.forbund, ar)
    figures[year].update(member_f)
    results = insatser_mod.insatser(ar)
    categories = insatser_mod.kategorier(results, figures[year]["resultatrakning.verksamhetens_kostnader"])
    figures[year].update(insatser_mod.figures(ar, results, categories))
    return Arsredovisning(source.forbund, ar, prev, figures, notes, drift_rows, members,
                          _femar(source, year, by_year), findings + list(narrativ_findings or ()), tuple(narrativ),
                          results, categories)
