"""Keys that carry a name from the data: a verksamhet, a member, an insats, a note row."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .base import ANDEL, ANTAL, BELOPP, Format, Key


@dataclass(frozen=True)
class Family:
    """Keys `<prefix>.<name>.<field>` for each name the data has (a verksamhet, a member …).

    `slot` is how the README shows the name (`<verksamhet>`); `fields` give each field's
    label and format. The name is the slug derive gave it (unique within its table).
    """

    prefix: str
    slot: str
    title: str
    fields: dict[str, tuple[str, Format]]

    def __call__(self, name: str, field: str) -> Key:
        label, fmt = self.fields[field]
        return Key(f"{self.prefix}.{name}.{field}", label, fmt)

    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.prefix, tuple(self.fields))


@functools.cache
def _pattern(prefix: str, fields: tuple[str, ...]) -> re.Pattern[str]:
    """Built once per family: `lookup` asks every family for it, for every key a check looks up."""
    return re.compile(rf"^{re.escape(prefix)}\.[a-z0-9_]+\.({'|'.join(fields)})$")


DRIFT = Family("driftredovisning", "<verksamhet>", "Driftredovisning per verksamhet", {
    "intakt": ("Intäkt", BELOPP), "kostnad": ("Kostnad", BELOPP), "netto": ("Netto", BELOPP),
    "budget": ("Budget netto", BELOPP), "avvikelse": ("Avvikelse netto − budget", BELOPP),
    "netto_fjol": ("Netto föregående år", BELOPP), "intakt_fjol": ("Intäkt föregående år", BELOPP),
    "kostnad_fjol": ("Kostnad föregående år", BELOPP),
})
# A memo row under the driftredovisning's total: a derived figure named by its key, and a budget.
MINNESPOST = Family("driftredovisning.minnespost", "<minnespost>", "Driftredovisningens minnesposter", {
    "netto": ("Belopp", BELOPP), "budget": ("Budget", BELOPP), "avvikelse": ("Avvikelse belopp − budget", BELOPP),
    "netto_fjol": ("Belopp föregående år", BELOPP),
})
MEDLEM = Family("medlemsavgifter", "<medlem>", "Medlemsavgift per medlem", {
    "belopp": ("Medlemsavgift", BELOPP), "andel": ("Andel av medlemsavgifterna", ANDEL),
})
INSATS = Family("insatser", "<insats>", "Per insats", {
    "budget": ("Budget", BELOPP), "utfall": ("Utfall", BELOPP), "avvikelse": ("Avvikelse budget − utfall", BELOPP),
    "deltagare": ("Antal deltagare", ANTAL), "andel_kvinnor": ("Andel kvinnor", ANDEL),
    "andel_man": ("Andel män", ANDEL), "andel_annan": ("Andel annan eller uppgift saknas", ANDEL),
    "kostnad_per_deltagare": ("Kostnad per deltagare", BELOPP), "avslutade": ("Avslutade deltagare", ANTAL),
    "avslutade_med_stegforflyttning": ("Avslutade med stegförflyttning", ANTAL),
    "andel_stegforflyttning": ("Andel av de avslutade med stegförflyttning", ANDEL),
})
INDIKATOR = Family("indikatormatning", "<insats>", "Indikatormätning per insats", {
    "svarande": ("Svarande", ANTAL), "avslutade": ("Avslutade deltagare", ANTAL),
    "svarsfrekvens": ("Svarsfrekvens", ANDEL),
})
# Figures the follow-up tables show row by row (truth rule 1: every shown figure has a key).
AKTIVITET = Family("strukturaktiviteter", "<aktivitet>", "Strukturövergripande aktivitet", {
    "deltagare": ("Antal deltagare", ANTAL),
})
FRAGA = Family("indikatormatning.fraga", "<insats>_<nr>", "Indikatormätning per fråga (numrerad i filens ordning)", {
    "andel_positiva": ("Andel positiva svar", ANDEL),
})
# One row per deficit in the balanskravsresultat's table of deficits: `<år>` is the year
# the deficit arose (a carried one, or this year's), `summa` the table's total row.
UNDERSKOTT = Family("balanskravsresultat.underskott", "<år>", "Underskott att återställa per år", {
    "belopp": ("Underskott", BELOPP), "aterstallt": ("Återställt i år", BELOPP),
    "aterstalls_inte": ("Återställs inte enligt styrelsens beslut", BELOPP),
    "kvar": ("Kvar att återställa", BELOPP),
})
FEMAR = Family("femar", "<år>", "Femårsöversikten per år", {
    "verksamhetens_intakter": ("Verksamhetens intäkter", BELOPP),
    "verksamhetens_kostnader": ("Verksamhetens kostnader", BELOPP),
    "arets_resultat": ("Årets resultat", BELOPP), "eget_kapital": ("Eget kapital", BELOPP),
    "soliditet": ("Soliditet", ANDEL), "antal_anstallda": ("Antal anställda", ANTAL),
})


@dataclass(frozen=True)
class KeyFamily(Family):
    """Keys whose name is itself a figure key, dots and all: `jamforelsetal.<nyckel>.<field>`."""

    def pattern(self) -> re.Pattern[str]:
        fields = "|".join(self.fields)
        return re.compile(rf"^{re.escape(self.prefix)}\.[a-z0-9_.]+\.({fields})$")


JAMFORELSE = KeyFamily("jamforelsetal", "<nyckel>", "Fjolårets belopp som de publicerades", {
    "publicerat": ("Publicerat i fjolårets årsredovisning", BELOPP),
    "visat": ("Visat som jämförelsetal", BELOPP),
    "skillnad": ("Skillnad, visat − publicerat", BELOPP),
})
# A goal's number in its list ("2"), a delmål's its goal's and its own ("2_1").
_MAL_FIELDS: dict[str, tuple[str, Format]] = {
    "delmal_uppnadda": ("Uppnådda delmål", ANTAL), "delmal_bedomda": ("Bedömda delmål", ANTAL),
    "delmal_antal": ("Antal delmål", ANTAL), "utfall": ("Utfall", ANDEL),
    "malvarde": ("Målvärde för året", ANDEL),
}
MAL_VERKSAMHET = Family("mal.verksamhetsmal", "<nr>", "Per verksamhetsmål", _MAL_FIELDS)
MAL_FINANSIELLT = Family("mal.finansiella_mal", "<nr>", "Per finansiellt mål", _MAL_FIELDS)
FAMILIES = (DRIFT, MEDLEM, INSATS, INDIKATOR, AKTIVITET, FRAGA, MINNESPOST, UNDERSKOTT, MAL_VERKSAMHET,
            MAL_FINANSIELLT, FEMAR, JAMFORELSE)


class Noter:
    """Keys of the notes: `noter.<line>.summa` and one key per row, all amounts.

    A row's key is its parent's key and its own slug: `noter.verksamhetens_kostnader.
    lokalkostnader`, a group's subtotal `….<group>.summa`, a varav row `….<row>.varav.<label>`,
    a bilaga's rows `noter.<line>.bilaga.<bilaga>.<row>` and its total `….summa`.
    """

    prefix = "noter"

    @staticmethod
    def line(line: str) -> str:
        return f"noter.{line}"

    @staticmethod
    def summa(parent: str) -> Key:
        return Key(f"{parent}.summa", "Summa")

    @staticmethod
    def row(parent: str, slug_: str, text: str) -> Key:
        return Key(f"{parent}.{slug_}", text)

    @staticmethod
    def varav(row: str, slug_: str, text: str, delvis: bool = False) -> Key:
        """A varav row; of a partial split (`varav_delvis`) under `….varav_delvis.…`, which need not add up."""
        return Key(f"{row}.{'varav_delvis' if delvis else 'varav'}.{slug_}", f"varav {text}")

    @staticmethod
    def bilaga(line: str, slug_: str) -> str:
        return f"noter.{line}.bilaga.{slug_}"




class Uppfoljning:
    """Keys of the follow-up tables: `uppfoljning.<tabell>.<rad>.<falt>`, counts and shares.

    A table of the whole förbund is `uppfoljning.<tabell>`, an insats's
    `uppfoljning.<insats>.<tabell>`; a varav row adds `.varav.<label>`, the rows' sum is
    `….summa` and an entered total `….totalt`. The last part says what the figure is.
    """

    prefix = "uppfoljning"
    FIELDS: dict[str, tuple[str, Format]] = {
        "antal": ("Antal", ANTAL), "kvinnor": ("Kvinnor", ANTAL), "man": ("Män", ANTAL),
        "annan": ("Annan eller uppgift saknas", ANTAL), "andel": ("Andel", ANDEL),
    }

    @staticmethod
    def lookup(key: str) -> Key | None:
        field = key.rsplit(".", 1)[-1]
        if not key.startswith("uppfoljning.") or field not in Uppfoljning.FIELDS:
            return None
        label, fmt = Uppfoljning.FIELDS[field]
        return Key(key, label, fmt)
