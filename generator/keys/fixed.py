"""The fixed keys, section by section, each with its label and display."""
from __future__ import annotations

from .base import ANDEL, ANTAL, Key, Section, _k


class RR(Section):
    prefix, title = "resultatrakning", "Resultaträkning"
    medlemsavgifter = _k(prefix, "medlemsavgifter", "Medlemsavgifter")
    verksamhetens_intakter = _k(prefix, "verksamhetens_intakter", "Verksamhetens intäkter")
    verksamhetens_kostnader = _k(prefix, "verksamhetens_kostnader", "Verksamhetens kostnader")
    avskrivningar = _k(prefix, "avskrivningar", "Avskrivningar")
    verksamhetens_nettokostnader = _k(prefix, "verksamhetens_nettokostnader", "Verksamhetens nettokostnader")
    verksamhetens_resultat = _k(prefix, "verksamhetens_resultat", "Verksamhetens resultat")
    finansiella_intakter = _k(prefix, "finansiella_intakter", "Finansiella intäkter")
    finansiella_kostnader = _k(prefix, "finansiella_kostnader", "Finansiella kostnader")
    resultat_efter_finansiella_poster = _k(prefix, "resultat_efter_finansiella_poster",
                                           "Resultat efter finansiella poster")
    extraordinara_poster = _k(prefix, "extraordinara_poster", "Extraordinära poster")
    arets_resultat = _k(prefix, "arets_resultat", "Årets resultat")


class BR(Section):
    prefix, title = "balansrakning", "Balansräkning"
    immateriella_anlaggningstillgangar = _k(prefix, "immateriella_anlaggningstillgangar",
                                            "Immateriella anläggningstillgångar")
    maskiner_och_inventarier = _k(prefix, "maskiner_och_inventarier", "Maskiner och inventarier")
    summa_materiella_anlaggningstillgangar = _k(prefix, "summa_materiella_anlaggningstillgangar",
                                                "Summa materiella anläggningstillgångar")
    finansiella_anlaggningstillgangar = _k(prefix, "finansiella_anlaggningstillgangar",
                                           "Finansiella anläggningstillgångar")
    summa_anlaggningstillgangar = _k(prefix, "summa_anlaggningstillgangar", "Summa anläggningstillgångar")
    forrad = _k(prefix, "forrad", "Förråd")
    fordringar = _k(prefix, "fordringar", "Fordringar")
    kortfristiga_placeringar = _k(prefix, "kortfristiga_placeringar", "Kortfristiga placeringar")
    kassa_och_bank = _k(prefix, "kassa_och_bank", "Kassa och bank")
    summa_omsattningstillgangar = _k(prefix, "summa_omsattningstillgangar", "Summa omsättningstillgångar")
    summa_tillgangar = _k(prefix, "summa_tillgangar", "Summa tillgångar")
    arets_resultat = _k(prefix, "arets_resultat", "Årets resultat")
    # The label is the balance sheet's line: år före 2024 the one, from 2024 the other.
    resultatutjamningsreserv = _k(prefix, "resultatutjamningsreserv", "Resultatutjämningsreserv")
    resultatreserv = _k(prefix, "resultatreserv", "Resultatreserv")
    ovrigt_eget_kapital = _k(prefix, "ovrigt_eget_kapital", "Övrigt eget kapital")
    summa_eget_kapital = _k(prefix, "summa_eget_kapital", "Summa eget kapital")
    avsattningar_pensioner = _k(prefix, "avsattningar_pensioner", "Avsättningar för pensioner")
    andra_avsattningar = _k(prefix, "andra_avsattningar", "Andra avsättningar")
    summa_avsattningar = _k(prefix, "summa_avsattningar", "Summa avsättningar")
    langfristiga_skulder = _k(prefix, "langfristiga_skulder", "Långfristiga skulder")
    kortfristiga_skulder = _k(prefix, "kortfristiga_skulder", "Kortfristiga skulder")
    summa_skulder = _k(prefix, "summa_skulder", "Summa skulder")
    summa_eget_kapital_avsattningar_och_skulder = _k(prefix, "summa_eget_kapital_avsattningar_och_skulder",
                                                     "Summa eget kapital, avsättningar och skulder")
    ansvarsforbindelser = _k(prefix, "ansvarsforbindelser", "Ansvarsförbindelser")


class KF(Section):
    prefix, title = "kassaflodesanalys", "Kassaflödesanalys"
    arets_resultat = _k(prefix, "arets_resultat", "Årets resultat")
    avskrivningar = _k(prefix, "avskrivningar", "Justering för avskrivningar")
    forandring_avsattningar = _k(prefix, "forandring_avsattningar", "Justering för förändring av avsättningar")
    realisationsresultat = _k(prefix, "realisationsresultat", "Justering för realisationsresultat")
    justering_ej_likviditetspaverkande_poster = _k(prefix, "justering_ej_likviditetspaverkande_poster",
                                                   "Justering för ej likviditetspåverkande poster")
    medel_fore_forandring_av_rorelsekapital = _k(prefix, "medel_fore_forandring_av_rorelsekapital",
                                                 "Medel från verksamheten före förändring av rörelsekapital")
    forandring_forrad = _k(prefix, "forandring_forrad", "Minskning (+) / ökning (−) av förråd")
    forandring_kortfristiga_fordringar = _k(prefix, "forandring_kortfristiga_fordringar",
                                            "Minskning (+) / ökning (−) av kortfristiga fordringar")
    forandring_kortfristiga_skulder = _k(prefix, "forandring_kortfristiga_skulder",
                                         "Ökning (+) / minskning (−) av kortfristiga skulder")
    kassaflode_fran_den_lopande_verksamheten = _k(prefix, "kassaflode_fran_den_lopande_verksamheten",
                                                  "Kassaflöde från den löpande verksamheten")
    investeringar = _k(prefix, "investeringar", "Investering i materiella anläggningstillgångar")
    forsaljningar = _k(prefix, "forsaljningar", "Försäljning av anläggningstillgångar")
    kassaflode_fran_investeringsverksamheten = _k(prefix, "kassaflode_fran_investeringsverksamheten",
                                                  "Kassaflöde från investeringsverksamheten")
    forandring_langfristiga_skulder = _k(prefix, "forandring_langfristiga_skulder",
                                         "Förändring av långfristiga skulder")
    kassaflode_fran_finansieringsverksamheten = _k(prefix, "kassaflode_fran_finansieringsverksamheten",
                                                   "Kassaflöde från finansieringsverksamheten")
    arets_kassaflode = _k(prefix, "arets_kassaflode", "Årets kassaflöde")
    likvida_medel_vid_arets_borjan = _k(prefix, "likvida_medel_vid_arets_borjan", "Likvida medel vid årets början")
    likvida_medel_vid_arets_slut = _k(prefix, "likvida_medel_vid_arets_slut", "Likvida medel vid årets slut")


class DR(Section):
    prefix, title = "driftredovisning", "Driftredovisning"
    summa_intakt = _k(prefix, "summa_intakt", "Summa intäkt")
    summa_kostnad = _k(prefix, "summa_kostnad", "Summa kostnad")
    summa_netto = _k(prefix, "summa_netto", "Summa netto")
    summa_budget = _k(prefix, "summa_budget", "Summa budget netto")
    summa_avvikelse = _k(prefix, "summa_avvikelse", "Summa avvikelse netto − budget")
    summa_netto_fjol = _k(prefix, "summa_netto_fjol", "Summa netto föregående år")
    summa_intakt_fjol = _k(prefix, "summa_intakt_fjol", "Summa intäkt föregående år")
    summa_kostnad_fjol = _k(prefix, "summa_kostnad_fjol", "Summa kostnad föregående år")


class BK(Section):
    prefix, title = "balanskravsresultat", "Balanskravsresultat"
    arets_resultat = _k(prefix, "arets_resultat", "Årets resultat enligt resultaträkningen")
    samtliga_realisationsvinster = _k(prefix, "samtliga_realisationsvinster",
                                      "Reducering av samtliga realisationsvinster")
    realisationsvinster_undantag = _k(prefix, "realisationsvinster_undantag",
                                      "Vissa realisationsvinster enligt undantagsmöjlighet")
    realisationsforluster_undantag = _k(prefix, "realisationsforluster_undantag",
                                        "Vissa realisationsförluster enligt undantagsmöjlighet")
    orealiserade_vinster_forluster = _k(prefix, "orealiserade_vinster_forluster",
                                        "Orealiserade vinster och förluster i värdepapper")
    aterforing_orealiserade = _k(prefix, "aterforing_orealiserade",
                                 "Återföring av orealiserade vinster och förluster i värdepapper")
    resultat_efter_balanskravsjusteringar = _k(prefix, "resultat_efter_balanskravsjusteringar",
                                               "Årets resultat efter balanskravsjusteringar")
    till_resultatutjamningsreserv = _k(prefix, "till_resultatutjamningsreserv", "Medel till resultatutjämningsreserv")
    fran_resultatutjamningsreserv = _k(prefix, "fran_resultatutjamningsreserv", "Medel från resultatutjämningsreserv")
    till_resultatreserv = _k(prefix, "till_resultatreserv", "Medel till resultatreserv")
    fran_resultatreserv = _k(prefix, "fran_resultatreserv", "Medel från resultatreserv")
    arets_balanskravsresultat = _k(prefix, "arets_balanskravsresultat", "Årets balanskravsresultat")
    tidigare_underskott = _k(prefix, "tidigare_underskott", "Underskott från tidigare år att återställa")
    aterstallt = _k(prefix, "aterstallt", "Återställt i år av tidigare års underskott")
    aterstalls_inte = _k(prefix, "aterstalls_inte",
                         "Del av årets underskott som inte återställs enligt styrelsens beslut (synnerliga skäl)")
    underskott_att_aterstalla = _k(prefix, "underskott_att_aterstalla",
                                   "Underskott kvar att återställa (utom det styrelsen beslutat inte återställa)")


class NT(Section):
    prefix, title = "nyckeltal", "Nyckeltal"
    soliditet = _k(prefix, "soliditet", "Soliditet (summa eget kapital ÷ summa tillgångar)", ANDEL)
    eget_kapital_andel_av_tilldelning = _k(prefix, "eget_kapital_andel_av_tilldelning",
                                           "Eget kapital ÷ årets medlemsavgifter", ANDEL)
    eget_kapital_tak_andel = _k(prefix, "eget_kapital_tak_andel",
                                "Rekommenderat tak för eget kapital, andel av medlemsavgifterna", ANDEL)
    eget_kapital_tak = _k(prefix, "eget_kapital_tak", "Rekommenderat tak för eget kapital i kronor")
    eget_kapital_over_tak = _k(prefix, "eget_kapital_over_tak", "Eget kapital över taket (negativt: under taket)")
    antal_anstallda = _k(prefix, "antal_anstallda", "Antal anställda", ANTAL)


class MA(Section):
    prefix, title = "medlemsavgifter", "Medlemsavgifter"
    summa = _k(prefix, "summa", "Summa medlemsavgifter")
    summa_andel = _k(prefix, "summa_andel", "Summa av medlemmarnas andelar", ANDEL)
    andel_staten = _k(prefix, "andel_staten", "Statens andel", ANDEL)
    andel_region = _k(prefix, "andel_region", "Regionens andel", ANDEL)
    andel_kommun = _k(prefix, "andel_kommun", "Kommunernas andel", ANDEL)


class IN(Section):
    prefix, title = "insatser", "Insatser per kategori"
    individinriktad_utfall = _k(prefix, "individinriktad.utfall", "Individinriktade insatser, utfall")
    individinriktad_budget = _k(prefix, "individinriktad.budget", "Individinriktade insatser, budget")
    individinriktad_andel = _k(prefix, "individinriktad.andel_av_kostnaderna",
                               "Individinriktade insatser, andel av verksamhetens kostnader", ANDEL)
    strukturovergripande_utfall = _k(prefix, "strukturovergripande.utfall", "Strukturövergripande insatser, utfall")
    strukturovergripande_budget = _k(prefix, "strukturovergripande.budget", "Strukturövergripande insatser, budget")
    strukturovergripande_andel = _k(prefix, "strukturovergripande.andel_av_kostnaderna",
                                    "Strukturövergripande insatser, andel av verksamhetens kostnader", ANDEL)
    individinriktad_avvikelse = _k(prefix, "individinriktad.avvikelse",
                                   "Individinriktade insatser, avvikelse budget − utfall")
    strukturovergripande_avvikelse = _k(prefix, "strukturovergripande.avvikelse",
                                        "Strukturövergripande insatser, avvikelse budget − utfall")
    verksamhetens_kostnader = _k(prefix, "verksamhetens_kostnader",
                                 "Verksamhetens kostnader som summa av kategorierna (positivt tal)")
    summa_andel = _k(prefix, "summa_andel", "Summa av kategoriernas andelar av verksamhetens kostnader", ANDEL)
    # The whole förbund's individinriktade insatser, as a report's summary prints them; each
    # only when every individinriktad insats has the figures it is made of.
    individinriktad_deltagare = _k(prefix, "individinriktad.deltagare", "Individinriktade insatser, deltagare",
                                   ANTAL)
    individinriktad_kostnad_per_deltagare = _k(
        prefix, "individinriktad.kostnad_per_deltagare",
        "Individinriktade insatser, kostnad per deltagare (deras sammanlagda utfall ÷ deras sammanlagda deltagare)")
    individinriktad_avslutade = _k(prefix, "individinriktad.avslutade",
                                   "Individinriktade insatser, avslutade deltagare", ANTAL)
    individinriktad_avslutade_med_stegforflyttning = _k(
        prefix, "individinriktad.avslutade_med_stegforflyttning",
        "Individinriktade insatser, avslutade med stegförflyttning", ANTAL)
    individinriktad_andel_stegforflyttning = _k(
        prefix, "individinriktad.andel_stegforflyttning",
        "Individinriktade insatser, andel av de avslutade med stegförflyttning", ANDEL)
    drift_och_administration_utfall = _k(prefix, "drift_och_administration.utfall",
                                         "Drift och administration (verksamhetens kostnader utöver insatserna)")
    drift_och_administration_andel = _k(prefix, "drift_och_administration.andel_av_kostnaderna",
                                        "Drift och administration, andel av verksamhetens kostnader", ANDEL)

    @staticmethod
    def kategori(kategori: str, falt: str) -> Key:
        """insatser.<kategori>.utfall|budget|andel_av_kostnaderna."""
        return FIXED[f"insatser.{kategori}.{falt}"]


class ML(Section):
    prefix, title = "mal", "Mål"
    verksamhetsmal_uppnadda = _k(prefix, "verksamhetsmal.uppnadda", "Uppnådda verksamhetsmål", ANTAL)
    verksamhetsmal_antal = _k(prefix, "verksamhetsmal.antal", "Antal verksamhetsmål", ANTAL)
    finansiella_mal_uppnadda = _k(prefix, "finansiella_mal.uppnadda", "Uppnådda finansiella mål", ANTAL)
    finansiella_mal_antal = _k(prefix, "finansiella_mal.antal", "Antal finansiella mål", ANTAL)
    verksamhetsmal_bedomda = _k(prefix, "verksamhetsmal.bedomda", "Verksamhetsmål som styrelsen bedömt", ANTAL)
    finansiella_mal_bedomda = _k(prefix, "finansiella_mal.bedomda", "Finansiella mål som styrelsen bedömt", ANTAL)

    @staticmethod
    def grupp(grupp: str, falt: str) -> Key:
        """mal.<verksamhetsmal|finansiella_mal>.uppnadda|bedomda|antal."""
        return FIXED[f"mal.{grupp}.{falt}"]


class SA(Section):
    prefix, title = "strukturaktiviteter", "Strukturövergripande aktiviteter"
    antal = _k(prefix, "antal", "Antal aktiviteter", ANTAL)
    deltagare = _k(prefix, "deltagare", "Deltagare i aktiviteterna", ANTAL)


SECTIONS: tuple[type[Section], ...] = (RR, BR, KF, DR, BK, NT, MA, IN, ML, SA)
FIXED: dict[str, Key] = {k: k for s in SECTIONS for k in s.members()}

