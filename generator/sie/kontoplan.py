"""The account mapping: which statement line (and note row) each account's balance goes to.

A mapping is a YAML file with a list `regler:`; each rule names accounts (one account,
a class such as 19, or a range such as 4000-4099: an account belongs to it when its
leading digits, as many as the bound has, are within it), the line they go to (`till`),
and optionally the note row's text (`rad`, else the account's #KONTO name), a `varav`
row under it, and for `till: medlemsavgifter` the member (`medlem`). The shipped default
is kommun-bas.yaml beside this file; a förbund's own data/<förbund>/kontoplan.yaml is
read first, and its rules win over the default's for the accounts they name. Within one
file two rules may not name the same account.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding, Pos, did_you_mean, error, excerpt, warning
from ..load.files import read_text
from ..load.yaml import parse

DEFAULT = Path(__file__).with_name("kommun-bas.yaml")
FILE = "kontoplan.yaml"  # a förbund's own mapping, in its data folder

ASSETS = ("immateriella_anlaggningstillgangar", "maskiner_och_inventarier", "finansiella_anlaggningstillgangar",
          "forrad", "fordringar", "kortfristiga_placeringar", "kassa_och_bank")
LIABILITIES = ("avsattningar_pensioner", "andra_avsattningar", "langfristiga_skulder", "kortfristiga_skulder")
RESULT = ("verksamhetens_intakter", "verksamhetens_kostnader", "avskrivningar", "finansiella_intakter",
          "finansiella_kostnader", "extraordinara_poster")
# Not imported: eget kapital is derived (its accounts are used to reconcile the balance
# sheet), and an account the year's result is booked to says nothing new.
EGET_KAPITAL, ARETS_RESULTAT, MEDLEMSAVGIFTER = "eget_kapital", "arets_resultat", "medlemsavgifter"
TARGETS = ([f"balansrakning.{n}" for n in ASSETS + LIABILITIES] + [f"resultatrakning.{n}" for n in RESULT]
           + [MEDLEMSAVGIFTER, EGET_KAPITAL, ARETS_RESULTAT])
KEYS = ("konto", "till", "rad", "varav", "medlem")


@dataclass(frozen=True)
class Regel:
    """One rule: accounts from `low` to `high` (leading digits) → a line, a row, a varav row."""

    low: str
    high: str
    till: str
    rad: str | None
    varav: str | None
    medlem: str | None
    pos: Pos

    @property
    def konton(self) -> str:
        return self.low if self.low == self.high else f"{self.low}-{self.high}"

    def covers(self, konto: str) -> bool:
        return len(konto) >= len(self.low) and self.low <= konto[: len(self.low)] <= self.high

    def overlaps(self, other: Regel) -> bool:
        n = min(len(self.low), len(other.low))
        return self.low[:n] <= other.high[:n] and other.low[:n] <= self.high[:n]


@dataclass(frozen=True)
class Kontoplan:
    """The förbund's own rules (may be empty) and the default's; the first that covers an account wins."""

    egna: tuple[Regel, ...]
    standard: tuple[Regel, ...]

    def regler_for(self, konto: str) -> list[Regel]:
        """The rules that decide the account: the förbund's own when any covers it, else the default's."""
        own = [r for r in self.egna if r.covers(konto)]
        return own or [r for r in self.standard if r.covers(konto)]


def _where(node: Any, key: Any, shown: str, at_key: bool = False) -> Pos:
    try:
        line, col = (node.lc.key(key) if at_key else node.lc.value(key)) if isinstance(key, str) else node.lc.item(key)
        return Pos(shown, line + 1, col + 1)
    except (AttributeError, KeyError, IndexError, TypeError):
        return Pos(shown, 1, 1)


def _accounts(value: Any) -> tuple[str, str] | None:
    text = str(value).replace(" ", "").replace("–", "-") if isinstance(value, int | str) else ""
    low, _, high = text.partition("-")
    high = high or low
    if low.isascii() and low.isdigit() and high.isascii() and high.isdigit() and len(low) == len(high) \
            and low <= high and len(low) <= 10:
        return low, high
    return None


def _text(item: Any, key: str) -> str | None:
    value = item.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _rule(item: Any, shown: str, pos: Pos) -> tuple[Regel | None, list[Finding]]:
    if not hasattr(item, "get"):
        return None, [error("E-KONTOPLAN", "en regel skrivs som en mappning: - {konto: 1910, till: "
                            "balansrakning.kassa_och_bank}", pos)]
    problems = [error("E-KONTOPLAN", f'okänd nyckel "{excerpt(str(k))}" i regeln'
                      f'{did_you_mean(str(k), list(KEYS), "; nycklarna är " + ", ".join(KEYS))}',
                      _where(item, k, shown, at_key=True))
                for k in item if k not in KEYS]
    accounts = _accounts(item.get("konto"))
    if accounts is None:
        problems.append(error("E-KONTOPLAN", f'"konto: {excerpt(str(item.get("konto", "")))}" är inget konto: skriv '
                              "ett konto (1910), en kontoklass (19) eller ett intervall (4000-4099)",
                              _where(item, "konto", shown) if "konto" in item else pos))
    till = item.get("till")
    if till not in TARGETS:
        problems.append(error("E-KONTOPLAN", f'"till: {excerpt(str(till or ""))}" är ingen rad som kan importeras'
                              f'{did_you_mean(str(till or ""), TARGETS, "; se kommun-bas.yaml för raderna")}',
                              _where(item, "till", shown) if "till" in item else pos))
    elif (item.get("medlem") is not None) != (till == MEDLEMSAVGIFTER):
        problems.append(error("E-KONTOPLAN", "medlem: anges för till: medlemsavgifter och bara där (medlemmens namn "
                              "som i forbund.yaml)", pos))
    if problems or accounts is None:
        return None, problems
    return Regel(accounts[0], accounts[1], str(till), _text(item, "rad"), _text(item, "varav"),
                 _text(item, "medlem"), pos), []


def _overlaps(rules: list[Regel]) -> list[Finding]:
    found = []
    for i, rule in enumerate(rules):
        earlier = next((r for r in rules[:i] if r.overlaps(rule)), None)
        if earlier is not None:
            # Harmless until an account with a balance falls in both (then the import stops).
            found.append(warning("W-KONTOPLAN", f"konto {rule.konton} täcks redan av regeln på rad "
                                 f"{earlier.pos.line} (konto {earlier.konton}); ett konto får bara gå till en rad",
                                 rule.pos))
    return found


def read_kontoplan(path: Path, shown: str) -> tuple[tuple[Regel, ...], list[Finding]]:
    """The rules of one mapping file, and a finding at file:line for every problem."""
    text, findings = read_text(path, shown)
    if text is None:
        return (), findings
    tree, findings = parse(text, shown)
    items = tree.get("regler") if hasattr(tree, "get") else None
    if findings or not isinstance(items, list):
        return (), findings or [error("E-KONTOPLAN", "kontoplanen har ingen lista regler: (se "
                                      "generator/sie/kommun-bas.yaml)", Pos(shown, 1, 1))]
    rules: list[Regel] = []
    for i, item in enumerate(items):
        rule, problems = _rule(item, shown, _where(items, i, shown))
        findings += problems
        if rule is not None:
            rules.append(rule)
    return tuple(rules), findings + _overlaps(rules)


def members(plan: Kontoplan, names: list[str]) -> list[Finding]:
    """A rule's medlem that is not a member's name in forbund.yaml."""
    return [error("E-KONTOPLAN", f'medlem: "{excerpt(r.medlem)}" är ingen medlem i forbund.yaml'
                  f'{did_you_mean(r.medlem, names, "; skriv namnet som under medlemmar: i forbund.yaml")}', r.pos)
            for r in plan.egna + plan.standard if r.medlem is not None and r.medlem not in names]


def load_kontoplan(folder: Path, shown_folder: str) -> tuple[Kontoplan, list[Finding]]:
    """The förbund's mapping: its own kontoplan.yaml (when there is one) over the default."""
    standard, findings = read_kontoplan(DEFAULT, "generator/sie/kommun-bas.yaml")
    own: tuple[Regel, ...] = ()
    if (folder / FILE).exists():
        own, more = read_kontoplan(folder / FILE, f"{shown_folder}/{FILE}")
        findings += more
    return Kontoplan(own, standard), findings
