"""Every identity the figures export must satisfy, asserted on the export itself.

`export(report)` reads the JSON `finsam figures` prints (numbers parsed as Decimals, as
exact as the export writes them); `broken(table, year)` lists each identity that does not
hold for that year, as a readable line. An empty list is the property.

Amounts must agree to the krona (exactly); ratios, which the export rounds to six
decimals, within a millionth per term.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal

Table = dict[str, dict[int, Decimal]]
EXACT = Decimal(0)
RATIO = Decimal("0.000001")


def export(report) -> Table:
    from generator.figures import to_json

    data = json.loads(to_json(report, "prov"), parse_float=Decimal, parse_int=Decimal)
    return {key: {int(y): v for y, v in values.items()} for key, values in data["figures"].items()}


class _Year:
    """One year's figures, with the broken identities collected."""

    def __init__(self, table: Table, year: int):
        self.f = {k: v[year] for k, v in table.items() if year in v}
        self.year = year
        self.problems: list[str] = []

    def get(self, key: str) -> Decimal:
        return self.f.get(key, Decimal(0))

    def equal(self, name: str, left: Decimal, right: Decimal, tolerance: Decimal = EXACT) -> None:
        if abs(left - right) > tolerance:
            self.problems.append(f"{self.year} {name}: {left} != {right}")

    def sums(self, total: str, parts: Iterable[str], tolerance: Decimal = EXACT) -> None:
        """`total` = the sum of `parts` (a missing figure counts 0), when `total` is exported."""
        if total in self.f:
            parts = list(parts)
            self.equal(f"{total} = {' + '.join(parts)}", self.f[total], sum((self.get(p) for p in parts), Decimal(0)),
                       tolerance)

    def keys(self, prefix: str, suffix: str = "") -> list[str]:
        return sorted(k for k in self.f if k.startswith(prefix) and k.endswith(suffix))


def _resultatrakning(y: _Year) -> None:
    r = "resultatrakning."
    y.sums(r + "verksamhetens_nettokostnader", [r + "verksamhetens_intakter", r + "verksamhetens_kostnader",
                                                r + "avskrivningar"])
    y.equal("verksamhetens resultat", y.get(r + "verksamhetens_resultat"), y.get(r + "verksamhetens_nettokostnader"))
    y.sums(r + "resultat_efter_finansiella_poster", [r + "verksamhetens_resultat", r + "finansiella_intakter",
                                                     r + "finansiella_kostnader"])
    y.sums(r + "arets_resultat", [r + "resultat_efter_finansiella_poster", r + "extraordinara_poster"])


def _balansrakning(y: _Year) -> None:
    b = "balansrakning."
    if b + "summa_tillgangar" not in y.f:
        return
    y.sums(b + "summa_materiella_anlaggningstillgangar", [b + "maskiner_och_inventarier"])
    y.sums(b + "summa_anlaggningstillgangar", [b + "immateriella_anlaggningstillgangar",
                                               b + "summa_materiella_anlaggningstillgangar",
                                               b + "finansiella_anlaggningstillgangar"])
    y.sums(b + "summa_omsattningstillgangar", [b + "forrad", b + "fordringar", b + "kortfristiga_placeringar",
                                               b + "kassa_och_bank"])
    y.sums(b + "summa_tillgangar", [b + "summa_anlaggningstillgangar", b + "summa_omsattningstillgangar"])
    y.sums(b + "summa_eget_kapital", [b + "ovrigt_eget_kapital", b + "resultatutjamningsreserv", b + "resultatreserv",
                                      b + "arets_resultat"])
    y.sums(b + "summa_avsattningar", [b + "avsattningar_pensioner", b + "andra_avsattningar"])
    y.sums(b + "summa_skulder", [b + "langfristiga_skulder", b + "kortfristiga_skulder"])
    y.sums(b + "summa_eget_kapital_avsattningar_och_skulder", [b + "summa_eget_kapital", b + "summa_avsattningar",
                                                               b + "summa_skulder"])
    y.equal("the balance sheet balances", y.get(b + "summa_tillgangar"),
            y.get(b + "summa_eget_kapital_avsattningar_och_skulder"))
    y.equal("årets resultat in both statements", y.get(b + "arets_resultat"), y.get("resultatrakning.arets_resultat"))


def _kassaflode(y: _Year) -> None:
    k = "kassaflodesanalys."
    if k + "arets_kassaflode" not in y.f:
        return
    y.equal("kassaflöde: årets resultat", y.get(k + "arets_resultat"), y.get("resultatrakning.arets_resultat"))
    y.equal("kassaflöde: avskrivningar", y.get(k + "avskrivningar"), -y.get("resultatrakning.avskrivningar"))
    y.sums(k + "justering_ej_likviditetspaverkande_poster", [k + "avskrivningar", k + "forandring_avsattningar",
                                                             k + "realisationsresultat"])
    y.sums(k + "medel_fore_forandring_av_rorelsekapital", [k + "arets_resultat",
                                                           k + "justering_ej_likviditetspaverkande_poster"])
    y.sums(k + "kassaflode_fran_den_lopande_verksamheten", [
        k + "medel_fore_forandring_av_rorelsekapital", k + "forandring_forrad",
        k + "forandring_kortfristiga_fordringar", k + "forandring_kortfristiga_skulder"])
    y.sums(k + "kassaflode_fran_investeringsverksamheten", [k + "investeringar", k + "forsaljningar"])
    y.sums(k + "kassaflode_fran_finansieringsverksamheten", [k + "forandring_langfristiga_skulder"])
    y.sums(k + "arets_kassaflode", [k + "kassaflode_fran_den_lopande_verksamheten",
                                    k + "kassaflode_fran_investeringsverksamheten",
                                    k + "kassaflode_fran_finansieringsverksamheten"])
    y.sums(k + "likvida_medel_vid_arets_slut", [k + "likvida_medel_vid_arets_borjan", k + "arets_kassaflode"])
    y.sums(k + "likvida_medel_vid_arets_slut", ["balansrakning.kassa_och_bank",
                                                "balansrakning.kortfristiga_placeringar"])


def _driftredovisning(y: _Year) -> None:
    d = "driftredovisning."
    memo = d + "minnespost."
    rows = sorted({k.rsplit(".", 1)[0] for k in y.keys(d) if not k.startswith((d + "summa_", memo))})
    for row in rows:
        if row + ".netto" in y.f:
            y.sums(row + ".netto", [row + ".intakt", row + ".kostnad"])
        if row + ".netto_fjol" in y.f and row + ".intakt_fjol" in y.f:
            y.sums(row + ".netto_fjol", [row + ".intakt_fjol", row + ".kostnad_fjol"])
        if row + ".avvikelse" in y.f:
            y.equal(f"{row} avvikelse", y.get(row + ".avvikelse"), y.get(row + ".netto") - y.get(row + ".budget"))
    for row in sorted({k.rsplit(".", 1)[0] for k in y.keys(memo)}):  # memo rows: outside the sums
        if row + ".avvikelse" in y.f:
            y.equal(f"{row} avvikelse", y.get(row + ".avvikelse"), y.get(row + ".netto") - y.get(row + ".budget"))
    for column in ("intakt", "kostnad", "netto", "budget", "netto_fjol", "intakt_fjol", "kostnad_fjol"):
        y.sums(d + "summa_" + column, [f"{row}.{column}" for row in rows])
    if d + "summa_avvikelse" in y.f:
        y.equal("summa avvikelse", y.get(d + "summa_avvikelse"), y.get(d + "summa_netto") - y.get(d + "summa_budget"))
    if d + "summa_netto" in y.f:
        y.equal("driftredovisning netto = årets resultat", y.get(d + "summa_netto"),
                y.get("resultatrakning.arets_resultat"))


def _medlemmar(y: _Year) -> None:
    m = "medlemsavgifter."
    belopp = y.keys(m, ".belopp")
    y.sums(m + "summa", belopp)
    y.equal("medlemsavgifter in the resultaträkning", y.get(m + "summa"), y.get("resultatrakning.medlemsavgifter"))
    total = y.get(m + "summa")
    for key in belopp:
        share = key.removesuffix(".belopp") + ".andel"
        y.equal(f"{share} = belopp / summa", y.get(share), y.get(key) / total if total else Decimal(0), RATIO)
    if total:
        y.equal("members' shares add up to 1", sum((y.get(key.removesuffix(".belopp") + ".andel") for key in belopp),
                                                   Decimal(0)), Decimal(1), RATIO * len(belopp))
        y.equal("staten + region + kommuner = 1", y.get(m + "andel_staten") + y.get(m + "andel_region")
                + y.get(m + "andel_kommun"), Decimal(1), 3 * RATIO)


def _noter(y: _Year) -> None:
    """Each total (`….summa`) is the sum of its direct rows; each row is the sum of its varav rows."""
    for total in y.keys("noter.", ".summa"):
        parent = total.removesuffix(".summa")
        depth = parent.count(".") + 1
        children = {k.split(".")[depth] for k in y.f if k.startswith(parent + ".") and k != total}
        children -= {"summa", "varav", "varav_delvis", "bilaga"}
        if not children:  # last year's column of a line entered as an amount: a total without rows
            continue
        parts = [f"{parent}.{c}" if f"{parent}.{c}" in y.f else f"{parent}.{c}.summa" for c in sorted(children)]
        y.sums(total, parts)
    for line in {k.split(".")[1] for k in y.keys("noter.", ".summa") if k.count(".") == 2}:
        statement = next((f"{s}.{line}" for s in ("resultatrakning", "balansrakning") if f"{s}.{line}" in y.f), None)
        if statement is not None:
            y.equal(f"note {line} = its statement line", y.get(f"noter.{line}.summa"), y.get(statement))
    for row in {k.split(".varav.")[0] for k in y.keys("noter.") if ".varav." in k}:
        y.sums(row, y.keys(row + ".varav."))
    for row in {k.split(".varav_delvis.")[0] for k in y.keys("noter.") if ".varav_delvis." in k}:
        # A partial split: a part of its row (of the sum, for a note's own summa), never more.
        whole = y.f.get(row, y.f.get(row + ".summa"))
        part = sum((y.get(k) for k in y.keys(row + ".varav_delvis.")), Decimal(0))
        if whole is not None and (abs(part) > abs(whole) or part * whole < 0):
            y.problems.append(f"{y.year} {row}: varav_delvis {part} is more than its row {whole}")


def _balanskrav(y: _Year) -> None:
    b = "balanskravsresultat."
    if b + "arets_resultat" not in y.f:
        return
    y.equal("balanskrav: årets resultat", y.get(b + "arets_resultat"), y.get("resultatrakning.arets_resultat"))
    y.sums(b + "resultat_efter_balanskravsjusteringar", [b + name for name in (
        "arets_resultat", "samtliga_realisationsvinster", "realisationsvinster_undantag",
        "realisationsforluster_undantag", "orealiserade_vinster_forluster", "aterforing_orealiserade")])
    # A year has the reserve under one name: resultatutjämningsreserv before 2024, resultatreserv from it.
    y.sums(b + "arets_balanskravsresultat", [b + "resultat_efter_balanskravsjusteringar",
                                             b + "till_resultatutjamningsreserv", b + "fran_resultatutjamningsreserv",
                                             b + "till_resultatreserv", b + "fran_resultatreserv"])
    # The table of deficits: each row across, the sum row down, and the totals it gives.
    u = b + "underskott."
    rows = sorted({k[len(u):].split(".")[0] for k in y.keys(u)} - {"summa"})
    for row in rows:
        y.equal(f"underskott {row} kvar", y.get(f"{u}{row}.kvar"),
                y.get(f"{u}{row}.belopp") + y.get(f"{u}{row}.aterstallt") - y.get(f"{u}{row}.aterstalls_inte"))
    for field in ("belopp", "aterstallt", "aterstalls_inte", "kvar"):
        y.sums(f"{u}summa.{field}", [f"{u}{row}.{field}" for row in rows])
    if rows:
        y.sums(b + "underskott_att_aterstalla", [f"{u}{row}.kvar" for row in rows])
        y.sums(b + "aterstallt", [f"{u}{row}.aterstallt" for row in rows])


def _nyckeltal_och_insatser(y: _Year) -> None:
    ek, assets = y.get("balansrakning.summa_eget_kapital"), y.get("balansrakning.summa_tillgangar")
    if "nyckeltal.soliditet" in y.f and "balansrakning.summa_tillgangar" in y.f and assets:
        y.equal("soliditet = eget kapital / tillgångar", y.get("nyckeltal.soliditet"), ek / assets, RATIO)
    if "nyckeltal.eget_kapital_over_tak" in y.f:
        y.equal("eget kapital over the ceiling", y.get("nyckeltal.eget_kapital_over_tak"),
                ek - y.get("nyckeltal.eget_kapital_tak"))
    categories = [f"insatser.{c}.utfall" for c in ("individinriktad", "strukturovergripande",
                                                    "drift_och_administration")]
    if any(c in y.f for c in categories):
        y.equal("categories add up to verksamhetens kostnader", sum((y.get(c) for c in categories), Decimal(0)),
                -y.get("resultatrakning.verksamhetens_kostnader"))
    for key in y.keys("insatser.", ".avvikelse"):
        insats = key.removesuffix(".avvikelse")
        y.equal(f"{insats} avvikelse", y.get(key), y.get(insats + ".budget") - y.get(insats + ".utfall"))
    for key in y.keys("insatser.", ".deltagare"):
        insats = key.removesuffix(".deltagare")
        if y.get(key) and insats + ".andel_kvinnor" in y.f:  # a category total has no shares per kön
            shares = [insats + f".andel_{s}" for s in ("kvinnor", "man", "annan")]
            y.equal(f"{insats} shares per kön", sum((y.get(s) for s in shares), Decimal(0)), Decimal(1), 3 * RATIO)
            if insats + ".kostnad_per_deltagare" in y.f:
                y.equal(f"{insats} kostnad per deltagare", y.get(insats + ".kostnad_per_deltagare"),
                        y.get(insats + ".utfall") / y.get(key), RATIO)


CHECKS: tuple[Callable[[_Year], None], ...] = (_resultatrakning, _balansrakning, _kassaflode, _driftredovisning,
                                               _medlemmar, _noter, _balanskrav, _nyckeltal_och_insatser)


def broken(table: Table, year: int, previous: bool = True) -> list[str]:
    """Every identity the export breaks for `year` (and the opening cash against last year's closing)."""
    y = _Year(table, year)
    for check in CHECKS:
        check(y)
    before = _Year(table, year - 1)
    if previous and "kassaflodesanalys.likvida_medel_vid_arets_borjan" in y.f and \
            "balansrakning.kassa_och_bank" in before.f:
        y.equal("opening cash = last year's closing", y.get("kassaflodesanalys.likvida_medel_vid_arets_borjan"),
                before.get("balansrakning.kassa_och_bank") + before.get("balansrakning.kortfristiga_placeringar"))
    for key in y.keys("driftredovisning.", ".netto_fjol") if previous else ():
        last = key.removesuffix("_fjol")
        if last in before.f:
            y.equal(f"{key} = last year's netto", y.get(key), before.get(last))
    return y.problems
