"""The statements and the other tables of figures (the driftredovisning is in `drift`, the notes in `noter`)."""
from __future__ import annotations

from ..derive import Arsredovisning
from ..derive.balanskrav import reserv_keys
from ..keys import BK, BR, KF, MA, RR
from .tables import Column, Row, Statement, Table, decimals, year_columns


def table_resultatrakning(r: Arsredovisning) -> Table:
    t = Statement(r)
    t.line(RR.verksamhetens_intakter, always=True)
    t.line(RR.verksamhetens_kostnader, always=True)
    t.line(RR.avskrivningar)
    t.line(RR.verksamhetens_nettokostnader, "summa", always=True)
    t.line(RR.verksamhetens_resultat, "summa", always=True)
    t.line(RR.finansiella_intakter)
    t.line(RR.finansiella_kostnader)
    t.line(RR.resultat_efter_finansiella_poster, "summa", always=True)
    t.line(RR.extraordinara_poster)
    t.line(RR.arets_resultat, "totalsumma", always=True)
    return Table("tabell-resultatrakning", "Resultaträkning", year_columns(r, False), tuple(t.rows),
                 decimals=decimals(t.rows), note_column=True, quiet_caption=True)


def table_balansrakning(r: Arsredovisning) -> Table:
    t = Statement(r)
    t.heading("Tillgångar")
    t.group("Anläggningstillgångar", (BR.immateriella_anlaggningstillgangar, BR.maskiner_och_inventarier,
                                      BR.finansiella_anlaggningstillgangar), BR.summa_anlaggningstillgangar)
    t.group("Omsättningstillgångar", (BR.forrad, BR.fordringar, BR.kortfristiga_placeringar, BR.kassa_och_bank),
            BR.summa_omsattningstillgangar)
    t.line(BR.summa_tillgangar, "totalsumma", always=True)
    t.heading("Eget kapital, avsättningar och skulder")
    t.heading("Eget kapital")
    t.line(BR.arets_resultat, always=True)
    t.line(reserv_keys(r.year)[0])
    t.line(BR.ovrigt_eget_kapital, always=True)
    t.line(BR.summa_eget_kapital, "summa", always=True, ends_group=True)
    t.group("Avsättningar", (BR.avsattningar_pensioner, BR.andra_avsattningar), BR.summa_avsattningar)
    t.group("Skulder", (BR.langfristiga_skulder, BR.kortfristiga_skulder), BR.summa_skulder)
    t.line(BR.summa_eget_kapital_avsattningar_och_skulder, "totalsumma", always=True)
    t.line(BR.ansvarsforbindelser)
    return Table("tabell-balansrakning", "Balansräkning", year_columns(r, True), tuple(t.rows),
                 decimals=decimals(t.rows), note_column=True, quiet_caption=True)


def table_kassaflodesanalys(r: Arsredovisning) -> Table:
    t = Statement(r)
    t.heading("Den löpande verksamheten")
    t.line(KF.arets_resultat, always=True)
    t.line(KF.avskrivningar, "indrag")
    t.line(KF.forandring_avsattningar, "indrag")
    t.line(KF.realisationsresultat, "indrag")
    t.line(KF.medel_fore_forandring_av_rorelsekapital, "summa", always=True)
    t.line(KF.forandring_forrad)
    t.line(KF.forandring_kortfristiga_fordringar, always=True)
    t.line(KF.forandring_kortfristiga_skulder, always=True)
    t.line(KF.kassaflode_fran_den_lopande_verksamheten, "summa", always=True, ends_group=True)
    t.group("Investeringsverksamheten", (KF.investeringar, KF.forsaljningar),
            KF.kassaflode_fran_investeringsverksamheten)
    t.group("Finansieringsverksamheten", (KF.forandring_langfristiga_skulder,),
            KF.kassaflode_fran_finansieringsverksamheten)
    t.line(KF.arets_kassaflode, "totalsumma", always=True)
    t.line(KF.likvida_medel_vid_arets_borjan, always=True)
    t.line(KF.likvida_medel_vid_arets_slut, "summa", always=True)
    return Table("tabell-kassaflodesanalys", "Kassaflödesanalys", year_columns(r, False), tuple(t.rows),
                 decimals=decimals(t.rows), quiet_caption=True)


def table_balanskrav(r: Arsredovisning) -> Table:
    t = Statement(r)
    for key in (BK.arets_resultat, BK.samtliga_realisationsvinster, BK.realisationsvinster_undantag,
                BK.realisationsforluster_undantag, BK.orealiserade_vinster_forluster, BK.aterforing_orealiserade):
        t.line(key, always=True)
    t.line(BK.resultat_efter_balanskravsjusteringar, "summa", always=True)
    _, till, fran = reserv_keys(r.year)  # the reserve's name of the report year (both columns)
    t.line(till)
    t.line(fran)
    t.line(BK.arets_balanskravsresultat, "totalsumma", always=True)
    return Table("tabell-balanskravsresultat", "Balanskravsresultat", year_columns(r, False), tuple(t.rows),
                 decimals=decimals(t.rows))


def table_medlemsavgifter(r: Arsredovisning) -> Table:
    rows = [Row(m.namn, (m.belopp, m.andel), key=f"medlemsavgifter.{m.key}") for m in r.medlemmar]
    rows.append(Row(MA.summa.label, (r.value(MA.summa), r.value(MA.summa_andel)), "totalsumma",
                    cell_keys=(MA.summa, MA.summa_andel)))
    return Table("tabell-medlemsavgifter", f"Medlemsavgifter {r.year}",
                 (Column("Belopp", "belopp"), Column("Andel", "andel", "procent")), tuple(rows),
                 decimals=decimals(rows, amount_columns=1), first_header="Medlem")
