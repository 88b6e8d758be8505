"""Hypothesis strategies: a consistent förbund-year, as the YAML and Markdown a kansli writes.

`forbund_years()` draws a förbund (forbund.yaml), its report year (YYYY.yaml), sometimes
last year's file and a YYYY.md, such that every identity `check` knows holds:

- members pay 50 % (staten), 25 % (region) and 25 % (kommunerna, split exactly by
  their fördelningsnyckel);
- the balance sheet balances: assets are drawn, and kassa och bank (or, when that would
  be negative, kortfristiga skulder) is what makes eget kapital + avsättningar + skulder
  equal them, eget kapital being last year's plus årets resultat;
- anläggningstillgångar follow from last year's + investeringar − avskrivningar − the
  book value sold, so the cash-flow analysis closes;
- notes' rows, groups, varav rows and bilagor add up to what they specify;
- the driftredovisning's netto adds up to årets resultat, and the insatser use less than
  verksamhetens kostnader;
- names are unique and slug to different keys; dates fall after the year and by March.

The YAML is written by hand (`dump`), so a test knows which line holds what.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

KOMMUNER = ["Askersunds kommun", "Hallsbergs kommun", "Kumla kommun", "Laxå kommun", "Falkenbergs kommun",
            "Halmstads kommun", "Hylte kommun", "Laholms kommun", "Kungsbacka kommun", "Varbergs kommun",
            "Örebro kommun", "Ödeshögs kommun", "Älvkarleby kommun"]
REGIONER = ["Region Halland", "Region Örebro län", "Region Östergötland", "Region Skåne"]
PERSONER = ["Linda Biltmark", "Helene Andersson", "Thomas Fager", "Christofer Lundholm", "Åsa Öberg",
            "Per Ärlig", "Maria Nilsson", "Jonas Lind", "Karin Holm", "Erik Ström"]
INSATSER = ["Individsamverkansteamet", "Samordningsteamet", "Coachingteamet", "ESF-projektet Progress",
            "Unga vuxna i arbete", "Kunskapsutveckling", "Finsamkonferensen", "Hälsoinriktat stöd",
            "Steg för steg", "Arena för samverkan"]
KOSTNADSRADER = ["Konsultkostnader", "Lokalkostnader", "IT-kostnader", "Personalkostnader", "Övriga kostnader",
                 "Avgifter för kurser", "Värdorganisation", "Resor och logi", "Köpta tjänster"]
INTAKTSRADER = ["EU-bidrag", "Försäljning momspliktigt", "Övriga bidrag", "Ersättning från Arbetsförmedlingen"]
DELAR = ["Driftkostnader", "Projektkostnader", "Räkenskapsrevision", "Utbildning"]
TILLGANGSRADER = ["Plusgirokonto", "Räntefond", "Skattekonto", "Upplupna intäkter", "Momsersättning",
                  "Leverantörsskulder", "Upplupna sociala avgifter", "Personalens källskatt"]


# --- YAML written by hand, so every line is known ----------------------------------------

_PLAIN_TEXT = re.compile(r"^[A-Za-zÅÄÖåäöÉéÆØæø][\wÅÄÖåäöÉé ()/,.–-]*[\wÅÄÖåäö).]$")
_YAML11_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
_PLAIN_KEY = re.compile(r"^[A-Za-zÅÄÖåäöÉé_][\wÅÄÖåäöÉé .-]*$")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _PLAIN_TEXT.match(value) and value.lower() not in _YAML11_WORDS:
        return value  # as a kansli user writes it
    return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar


def _key(key: Any) -> str:
    text = str(key)
    return text if isinstance(key, int) or (_PLAIN_KEY.match(text) and not text.endswith(" ")) else json.dumps(text)


def dump(value: Any, indent: int = 0) -> list[str]:
    """Block-style YAML lines for nested dicts and lists of scalars."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{_key(k)}:")
                lines += dump(v, indent + 2)
            else:
                lines.append(f"{pad}{_key(k)}: {_scalar(v) if not isinstance(v, (dict, list)) else '[]'}")
    else:
        for item in value:
            inner = dump(item, indent + 2) if isinstance(item, (dict, list)) else [f"{pad}  {_scalar(item)}"]
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
    return lines


# --- The generated förbund-year -------------------------------------------------------------

@dataclass(frozen=True)
class ForbundYear:
    """The files of one generated förbund, and what the generator knows about them."""

    year: int
    forbund: dict
    arsfil: dict
    fjol: dict | None = None
    markdown: str | None = None
    expected: dict[str, Decimal] = field(default_factory=dict)  # a few figures, computed independently

    def year_text(self) -> str:
        return "\n".join(["# Genererad årsfil", *dump(self.arsfil)]) + "\n"

    def files(self) -> dict[str, str]:
        out = {"forbund.yaml": "\n".join(["# Genererat förbund", *dump(self.forbund)]) + "\n",
               f"{self.year}.yaml": self.year_text()}
        if self.fjol is not None:
            out[f"{self.year - 1}.yaml"] = "\n".join(dump(self.fjol)) + "\n"
        if self.markdown is not None:
            out[f"{self.year}.md"] = self.markdown
        return out

    def with_kontrollsummor(self, values: dict[str, Decimal]) -> ForbundYear:
        arsfil = dict(self.arsfil)
        arsfil["kontrollsummor"] = {"kalla": "Huvudbok", "belopp": {self.year: dict(values)}}
        return replace(self, arsfil=arsfil)

    def line_of(self, key: str) -> int:
        """The line of `key:` in the year file (the last one: kontrollsummor come last)."""
        lines = self.year_text().splitlines()
        return max(i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{key}:"))


def _split(draw, total: int, parts: int) -> list[int]:
    """`parts` integers (any sign allowed except the last picks up the rest) adding up to `total`."""
    if parts <= 1:
        return [total]
    scale = max(abs(total), 1000)
    head = [draw(st.integers(0, scale)) * (1 if total >= 0 else -1) // parts for _ in range(parts - 1)]
    return [*head, total - sum(head)]


@st.composite
def _rows(draw, total: int, texts: list[str], deep: bool = True) -> list[dict]:
    """Note rows adding up to `total`; some with a varav split, one maybe a group."""
    names = draw(st.lists(st.sampled_from(texts), min_size=1, max_size=min(4, len(texts)), unique=True))
    rows = []
    for name, amount in zip(names, _split(draw, total, len(names)), strict=True):
        kind = draw(st.sampled_from(["plain", "plain", "varav", "delvis", "group"])) if deep else "plain"
        row: dict[str, Any] = {"text": name}
        if kind == "group":
            parts = draw(st.lists(st.sampled_from(DELAR), min_size=1, max_size=3, unique=True))
            row["rader"] = [{"text": t, "belopp": a} for t, a in zip(parts, _split(draw, amount, len(parts)),
                                                                        strict=True)]
        else:
            row["belopp"] = amount
            if kind == "varav":
                parts = draw(st.lists(st.sampled_from(DELAR), min_size=2, max_size=3, unique=True))
                row["varav"] = [{"text": t, "belopp": a} for t, a in zip(parts, _split(draw, amount, len(parts)),
                                                                            strict=True)]
            elif kind == "delvis":  # a partial split: one part, no larger than the row
                row["varav_delvis"] = True
                row["varav"] = [{"text": draw(st.sampled_from(DELAR)), "belopp": amount * draw(st.integers(0, 3)) // 4}]
        rows.append(row)
    return rows


def _line(draw, total: int, texts: list[str], deep: bool = True) -> Any:
    """A statement line: its amount, or a note's rows (with belopp sometimes, which must agree)."""
    if not draw(st.booleans()):
        return total
    post: dict[str, Any] = {"rader": draw(_rows(total, texts, deep))}
    if draw(st.booleans()):
        post["belopp"] = total
    return post


def _bilaga(draw, post: dict) -> None:
    """Sometimes a bilaga specifying the first plain row (or a varav label) of a note."""
    row = post["rader"][0]
    if "rader" in row or not draw(st.booleans()):
        return
    if row.get("varav"):
        label = row["varav"][0]["text"]
        amount = sum(r["belopp"] for x in post["rader"] for r in x.get("varav", ()) if r["text"] == label)
        avser = f"varav {label}"
    else:
        amount, avser = row["belopp"], row["text"]
    parts = draw(st.lists(st.sampled_from(INSATSER), min_size=1, max_size=4, unique=True))
    post["bilagor"] = [{"rubrik": f"Specifikation av {avser}", "avser": avser,
                        "rader": [{"text": t, "belopp": a} for t, a in zip(parts, _split(draw, amount, len(parts)),
                                                                           strict=True)]}]


# --- The förbund: members, board, auditors, settings ---------------------------------------

@st.composite
def _forbund(draw) -> tuple[dict, dict[str, int]]:
    """forbund.yaml (without historik) and each member's fee, exactly 50/25/25 and by key."""
    kommuner = draw(st.lists(st.sampled_from(KOMMUNER), min_size=1, max_size=6, unique=True))
    region = draw(st.sampled_from(REGIONER))
    nycklar = [draw(st.integers(1, 20)) for _ in kommuner]
    unit = draw(st.integers(1_000, 400_000))
    kommun_total = unit * sum(nycklar)
    fees = {"Staten": 2 * kommun_total, region: kommun_total}
    fees.update({k: unit * n for k, n in zip(kommuner, nycklar, strict=True)})
    medlemmar = [{"namn": "Staten", "typ": "staten"}, {"namn": region, "typ": "region"}]
    medlemmar += [{"namn": k, "typ": "kommun", "fordelningsnyckel": n} for k, n in zip(kommuner, nycklar, strict=True)]
    people = draw(st.lists(st.sampled_from(PERSONER), min_size=3, max_size=7, unique=True))
    board, auditors = people[:-2], people[-2:]
    roles = ["Ordförande", "Vice ordförande"] + ["Ledamot"] * len(board)
    members = [m["namn"] for m in medlemmar]
    forbund = {
        "namn": f"Samordningsförbundet {region.removeprefix('Region ')}",
        "organisationsnummer": f"222000-{draw(st.integers(1000, 9999))}",
        "sate": draw(st.sampled_from(["Halmstad", "Kumla", "Örebro"])),
        "verksamhetside": "Förbundet samordnar rehabilitering så att fler kan arbeta.",
        "vision": "Ingen faller mellan stolarna.",
        "medlemmar": medlemmar,
        "styrelse": [{"namn": p, "roll": r, "utsedd_av": draw(st.sampled_from(members))}
                     for p, r in zip(board, roles, strict=False)],
        "revisorer": [{"namn": p, "utsedd_av": draw(st.sampled_from(members))} for p in auditors],
        "installningar": {"eget_kapital_tak": Decimal(draw(st.integers(10, 40))) / 100,
                          "signeringsrad": draw(st.booleans()),
                          "datumformat": draw(st.sampled_from(["iso", "lang"]))},
    }
    return forbund, fees


BALANCE = ("anl", "forrad", "fordringar", "placeringar", "kassa", "avs", "lang", "kort")


@st.composite
def _opening(draw, scale: int) -> dict[str, int]:
    """A balanced closing balance sheet of the year before the first year file."""
    b = {k: draw(st.integers(0, scale // 4)) if draw(st.booleans()) else 0 for k in ("anl", "forrad", "placeringar",
                                                                                    "avs", "lang")}
    b["fordringar"] = draw(st.integers(0, scale // 4))
    b["kort"] = draw(st.integers(0, scale // 4))
    b["kassa"] = draw(st.integers(scale // 10, scale))
    assets = b["anl"] + b["forrad"] + b["fordringar"] + b["placeringar"] + b["kassa"]
    b["ek"] = assets - b["avs"] - b["lang"] - b["kort"]
    return b


def _historik(year: int, b: dict[str, int], scale: int) -> dict:
    return {year: {"verksamhetens_intakter": scale, "verksamhetens_kostnader": -scale + 1000, "arets_resultat": 1000,
                   "eget_kapital": b["ek"], "anlaggningstillgangar": b["anl"], "forrad": b["forrad"],
                   "fordringar": b["fordringar"], "kortfristiga_placeringar": b["placeringar"],
                   "kassa_och_bank": b["kassa"], "avsattningar": b["avs"], "langfristiga_skulder": b["lang"],
                   "kortfristiga_skulder": b["kort"], "antal_anstallda": 3},
            year - 1: {"verksamhetens_intakter": scale, "verksamhetens_kostnader": -scale, "arets_resultat": 0,
                       "eget_kapital": b["ek"] - 1000, "soliditet": Decimal("0.5")}}


# --- One year: statements, driftredovisning, insatser ----------------------------------------

@dataclass
class _Year:
    arsfil: dict
    closing: dict[str, int]
    result: int
    expected: dict[str, Decimal]


@st.composite
def _income(draw, fees: dict[str, int]) -> tuple[dict, dict[str, int]]:
    """The resultaträkning and its parts (positive income, negative costs)."""
    m = sum(fees.values())
    parts = {"ovriga": draw(st.integers(0, m // 10)) if draw(st.booleans()) else 0,
             "kostnader": -draw(st.integers(m // 2, m + m // 5)),
             "avskrivningar": 0,
             "fin_intakter": draw(st.integers(0, m // 50)) if draw(st.booleans()) else 0,
             "fin_kostnader": -draw(st.integers(0, m // 100)) if draw(st.booleans()) else 0,
             "extra": draw(st.integers(-m // 100, m // 100)) if draw(st.integers(0, 9)) == 0 else 0}
    rr: dict[str, Any] = {}
    if parts["ovriga"]:
        rr["verksamhetens_intakter"] = {"rader": draw(_rows(parts["ovriga"], INTAKTSRADER, deep=False))}
    kostnader = _line(draw, parts["kostnader"], KOSTNADSRADER)
    if isinstance(kostnader, dict):
        _bilaga(draw, kostnader)
    rr["verksamhetens_kostnader"] = kostnader
    return rr, parts


@st.composite
def _year(draw, year: int, fees: dict[str, int], opening: dict[str, int]) -> _Year:  # Long: one year's every line
    rr, p = draw(_income(fees))
    m = sum(fees.values())
    # Fixed assets follow: last year's + investeringar − avskrivningar − book value sold.
    inv = draw(st.integers(0, m // 20)) if draw(st.booleans()) else 0
    sold_book = draw(st.integers(0, opening["anl"])) if opening["anl"] and draw(st.booleans()) else 0
    realisation = draw(st.integers(-sold_book // 2, sold_book // 2)) if sold_book else 0
    dep = draw(st.integers(0, opening["anl"] + inv - sold_book))
    p["avskrivningar"] = -dep
    for key, name, texts in (("avskrivningar", "avskrivningar", ["Avskrivning inventarier"]),
                             ("fin_intakter", "finansiella_intakter", ["Ränta", "Utdelning"]),
                             ("fin_kostnader", "finansiella_kostnader", ["Bankavgifter", "Räntekostnader"]),
                             ("extra", "extraordinara_poster", ["Extraordinär post"])):
        if p[key]:
            rr[name] = _line(draw, p[key], texts, deep=False)
    result = m + sum(p.values())
    anl = opening["anl"] + inv - dep - sold_book
    fin_anl = draw(st.integers(0, anl))
    c = {"anl": anl, "forrad": draw(st.integers(0, m // 20)) if opening["forrad"] else 0,
         "fordringar": draw(st.integers(0, m // 5)), "placeringar": draw(st.integers(0, m // 5)),
         "avs": draw(st.integers(0, m // 10)) if draw(st.booleans()) else 0,
         "lang": draw(st.integers(0, m // 10)) if draw(st.booleans()) else 0, "kort": draw(st.integers(0, m // 5))}
    c["ek"] = opening["ek"] + result
    c["kassa"] = c["ek"] + c["avs"] + c["lang"] + c["kort"] - (anl + c["forrad"] + c["fordringar"] + c["placeringar"])
    if c["kassa"] < 0:  # the balancing item cannot be negative: the förbund owes it instead
        buffer = draw(st.integers(0, m // 10))
        c["kort"] += buffer - c["kassa"]
        c["kassa"] = buffer
    br: dict[str, Any] = {}
    pieces = (("maskiner_och_inventarier", anl - fin_anl), ("finansiella_anlaggningstillgangar", fin_anl),
              ("forrad", c["forrad"]), ("fordringar", c["fordringar"]), ("kortfristiga_placeringar", c["placeringar"]),
              ("kassa_och_bank", c["kassa"]), ("andra_avsattningar", c["avs"]), ("langfristiga_skulder", c["lang"]),
              ("kortfristiga_skulder", c["kort"]))
    for name, amount in pieces:
        if amount or name in ("kassa_och_bank", "fordringar", "kortfristiga_skulder"):
            br[name] = _line(draw, amount, TILLGANGSRADER, deep=False)
    if draw(st.booleans()):
        br["ansvarsforbindelser"] = draw(st.integers(0, m // 10))
    arsfil_noter = _infonoter(draw, br)
    beslut = dt.date(year + 1, draw(st.integers(1, 3)), draw(st.integers(1, 28)))
    arsfil: dict[str, Any] = {
        "ar": year, "styrelsens_beslut": beslut, "underskrift": {"ort": "Kumla", "datum": beslut},
        "antal_anstallda": draw(st.integers(0, 12)), "medlemsavgifter": dict(fees),
        "resultatrakning": rr, "balansrakning": br}
    if arsfil_noter:
        arsfil["noter"] = arsfil_noter
    if inv or sold_book:
        arsfil["investeringar"] = {"investeringar": inv, "forsaljningar": sold_book + realisation,
                                   "realisationsresultat": realisation}
    # From 2024 the reserve is a resultatreserv (generator.rules.RESULTATRESERV_FRAN).
    reserv = "resultatreserv" if year >= 2024 else "resultatutjamningsreserv"
    if opening["ek"] > 0 and draw(st.booleans()):
        br[reserv] = draw(st.integers(0, opening["ek"]))
    balanskrav: dict[str, Any] = {}
    if draw(st.integers(0, 3)) == 0:  # adjustments, which may make the balanskravsresultat negative
        for name in ("samtliga_realisationsvinster", f"till_{reserv}", f"fran_{reserv}"):
            balanskrav[name] = draw(st.integers(0, m // 20))
        balanskrav["tidigare_underskott"] = {year - 1: -draw(st.integers(0, m // 20))}
    if result < 0 or balanskrav:
        balanskrav["styrelsens_forklaring"] = "Underskottet finansieras med tidigare års överskott."
    if balanskrav:
        arsfil["balanskrav"] = balanskrav
    expected = {"resultatrakning.arets_resultat": Decimal(result), "balansrakning.summa_eget_kapital": Decimal(c["ek"]),
                "resultatrakning.medlemsavgifter": Decimal(m),
                "kassaflodesanalys.likvida_medel_vid_arets_slut": Decimal(c["kassa"] + c["placeringar"])}
    arsfil.update(draw(_follow_up(p, m, result)))
    return _Year(arsfil, c, result, expected)


def _infonoter(draw, br: dict[str, Any]) -> list[dict]:
    """Sometimes notes that specify no line, the cash line renamed and pointing to them."""
    if not draw(st.booleans()):
        return []
    noter: list[dict] = [{"rubrik": "Leasing", "beskrivning": "Förbundet har inga leasingavtal."}]
    if draw(st.booleans()):
        noter.append({"rubrik": "Arvode till revisorerna", "rader": draw(_rows(draw(st.integers(0, 200000)),
                                                                               DELAR))})
    kassa = br["kassa_och_bank"]
    post = kassa if isinstance(kassa, dict) else {"belopp": kassa}
    br["kassa_och_bank"] = {**post, "rubrik": "Likvida medel", "noter": [n["rubrik"] for n in noter]}
    return noter


STATUS = ["uppnatt", "delvis_uppnatt", "ej_uppnatt", "kan_ej_matas"]


@st.composite
def _insats(draw, name: str, kostnad: int, linked: str | None) -> dict:
    insats: dict[str, Any] = {"namn": name, "kategori": draw(st.sampled_from(["individinriktad",
                                                                              "strukturovergripande"]))}
    if linked is None:
        insats["utfall"] = kostnad
        if draw(st.booleans()):
            insats["budget"] = draw(st.integers(0, 2 * kostnad + 1))
    elif linked != name:
        insats["driftredovisning"] = linked
    kvinnor, man, annan = (draw(st.integers(0, 200)) for _ in range(3))
    if draw(st.booleans()):
        insats["deltagare"] = {"kvinnor": kvinnor, "man": man, "annan": annan}
        if kvinnor + man + annan:
            insats["avslutade"] = avslutade = draw(st.integers(0, kvinnor + man + annan))
            insats["avslutade_med_stegforflyttning"] = draw(st.integers(0, avslutade))
    insats["maluppfyllelse"] = draw(st.sampled_from(STATUS))
    return insats


@st.composite
def _follow_up(draw, p: dict[str, int], m: int, result: int) -> dict:
    """Driftredovisning (netto adding up to årets resultat), insatser, mål, aktiviteter, indikatorer."""
    names = draw(st.lists(st.sampled_from(INSATSER), max_size=4, unique=True))
    costs = [draw(st.integers(0, -p["kostnader"] * 4 // 5 // max(len(names), 1))) for _ in names]
    has_drift = draw(st.booleans())
    out: dict[str, Any] = {}
    links: list[str | None] = [None] * len(names)
    if has_drift:
        links = [draw(st.sampled_from([None, n, f"{n} (drift)"])) for n in names]
        # With finansiella_poster the driftredovisning derives their row from the resultaträkning.
        fin = draw(st.booleans())
        intakt = m + p["ovriga"] + (0 if fin else p["fin_intakter"]) + max(p["extra"], 0)
        kostnad = p["kostnader"] + p["avskrivningar"] + (0 if fin else p["fin_kostnader"]) + min(p["extra"], 0)
        rows = [{"namn": "Medlemsavgifter och övriga intäkter", "intakt": intakt}]
        rows += [{"namn": link, "kostnad": -cost} for link, cost in zip(links, costs, strict=True) if link]
        rows.append({"namn": "Kansli och administration",
                     "kostnad": kostnad + sum(c for link, c in zip(links, costs, strict=True) if link)})
        for row in rows:
            if draw(st.booleans()):
                row["budget"] = draw(st.integers(-m, m))
        out["driftredovisning"] = {"enhet": draw(st.sampled_from(["kr", "tkr", "mnkr"])), "verksamheter": rows,
                                   **_drift_options(draw, fin)}
    out["insatser"] = [draw(_insats(n, c, link)) for n, c, link in zip(names, costs, links, strict=True)]
    done = [i for i in out["insatser"] if i.get("avslutade")]
    if done and draw(st.booleans()):
        out["indikatormatning"] = [{"insats": done[0]["namn"], "svarande": draw(st.integers(0, done[0]["avslutade"])),
                                    "fragor": [{"fraga": "Fick du det stöd du behövde?",
                                                "andel_positiva": Decimal(draw(st.integers(0, 100))) / 100}]}]
    if draw(st.booleans()):
        out["uppfoljning"] = [draw(_uppfoljning())]
    if draw(st.booleans()):
        out["mal"] = {"verksamhetsmal": [draw(_mal(i)) for i in range(draw(st.integers(1, 3)))],
                      "finansiella_mal": [{"text": "Verksamheten bedrivs inom tilldelade medel.",
                                           "status": "uppnatt" if result >= 0 else "ej_uppnatt",
                                           "kommentar": "Resultatet blev {{ resultatrakning.arets_resultat }} kr."}]}
    if draw(st.booleans()):
        out["strukturaktiviteter"] = [{"aktivitet": "Gemensam utbildning", "deltagare": draw(st.integers(0, 300)),
                                       "maluppfyllelse": "Uppnått"}]
    return {k: v for k, v in out.items() if v}


@st.composite
def _mal(draw: Any, i: int) -> dict[str, Any]:
    """A goal the board assessed or not, sometimes with delmål and a target for the year."""
    goal: dict[str, Any] = {"text": f"Mål {i + 1}"}
    if draw(st.booleans()):
        goal["status"] = draw(st.sampled_from(STATUS))
    if draw(st.booleans()):
        goal["delmal"] = [{"text": f"Delmål {i + 1}.{j + 1}", **({"status": draw(st.sampled_from(STATUS))}
                                                                  if draw(st.booleans()) else {})}
                          for j in range(draw(st.integers(1, 2)))]
    return goal


@st.composite
def _uppfoljning(draw: Any) -> dict[str, Any]:
    """A follow-up table whose parts fit: varav within its row, rows within the total; a row may lack its count."""
    rows = []
    for j in range(draw(st.integers(1, 4))):
        row: dict[str, Any] = {"text": f"Grupp {j + 1}"}
        if draw(st.booleans()):
            row["kvinnor"], row["man"] = draw(st.integers(0, 60)), draw(st.integers(0, 60))
            count = row["kvinnor"] + row["man"]
        elif draw(st.integers(0, 4)):
            count = row["antal"] = draw(st.integers(0, 120))
        else:
            count = None  # nobody entered it: the table then has no sum and no shares
        if count and draw(st.booleans()):
            row["varav"] = [{"text": "varav unga vuxna", "antal": draw(st.integers(0, count))}]
        rows.append(row)
    table: dict[str, Any] = {"rubrik": "Deltagare per grupp", "dimension": draw(st.sampled_from(
        ["kommun", "remitterande_part", "forsorjning", "utfall", "intag"])), "rader": rows}
    counts = [r.get("antal", r.get("kvinnor", 0) + r.get("man", 0)) for r in rows]
    if all("antal" in r or "kvinnor" in r for r in rows) and draw(st.booleans()):
        table["totalt"] = sum(counts) + draw(st.integers(0, 20))
    return table


MARKDOWN = """## Organisation

Förbundet har {n} medlemmar. Årets resultat blev {{{{ resultatrakning.arets_resultat }}}} kr
och eget kapital {{{{ balansrakning.summa_eget_kapital }}}} kr.

## Förväntad utveckling

Förbundet fortsätter sitt arbete, med soliditeten {{{{ nyckeltal.soliditet }}}}.

## Egen rubrik

En *egen* sektion med en [länk](https://example.org).
"""


def _drift_options(draw, fin: bool) -> dict:
    """The driftredovisning's optional keys: finansiella poster, memo rows, last year's columns."""
    out: dict[str, Any] = {"finansiella_poster": True} if fin else {}
    if draw(st.booleans()):
        out["minnesposter"] = [{"text": "Utgående eget kapital", "nyckel": "balansrakning.summa_eget_kapital",
                                **({"budget": draw(st.integers(0, 10**7))} if draw(st.booleans()) else {})},
                               {"text": "Likvida medel", "nyckel": "kassaflodesanalys.likvida_medel_vid_arets_slut"}]
    if draw(st.booleans()):
        out["jamforelse"] = "intakt_och_kostnad"
        out["summa_text"] = "Resultat"
    return out


@st.composite
def forbund_years(draw) -> ForbundYear:
    """A förbund, its report year and sometimes last year's file and the year's Markdown."""
    forbund, fees = draw(_forbund())
    year = draw(st.integers(2021, 2025))
    two_files = draw(st.booleans())
    first = year - 1 if two_files else year
    scale = sum(fees.values())
    opening = draw(_opening(scale))
    forbund["historik"] = _historik(first - 1, opening, scale)
    fjol = None
    if two_files:
        last = draw(_year(year - 1, fees, opening))
        fjol, opening = last.arsfil, last.closing
    now = draw(_year(year, fees, opening))
    markdown = MARKDOWN.format(n=len(fees)) if draw(st.booleans()) else None
    return ForbundYear(year, forbund, now.arsfil, fjol, markdown, now.expected)


def write(folder, generated: ForbundYear) -> None:
    """The generated files into a (new) förbund folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generated.files().items():
        (folder / name).write_text(text, encoding="utf-8")
