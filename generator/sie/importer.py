"""An SIE file's balances, through the account mapping, → the statement parts of a year.

Each account with a balance goes to exactly one line: the #UB (closing balance) of a
balance account to a balansräkning line, the #RES of a result account to a
resultaträkning line or to medlemsavgifter. The sign follows the line, as a year file
writes it: assets as the file has them (debit positive), everything else turned over
(the file's credit amounts, negative there, are positive intäkter and skulder; its
kostnader, positive there, are negative). Amounts are kept exact, öre and all: a year
file takes decimals, and rounding each row would make the rows disagree with the sums
the file reconciles against.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..findings import Finding, Pos, error, excerpt
from ..formatting import plain
from .kontoplan import ARETS_RESULTAT, ASSETS, EGET_KAPITAL, MEDLEMSAVGIFTER, Kontoplan, Regel
from .model import Saldo, Sie

ZERO = Decimal(0)


@dataclass
class Rad:
    """A note row: its amount, and its varav rows (text → amount) in the order first met."""

    text: str
    belopp: Decimal = ZERO
    varav: dict[str, Decimal] = field(default_factory=dict)
    utan_varav: bool = False  # an account of the row has no varav row: the varav rows are partial


@dataclass
class Utfall:
    """What the file's balances say, line by line (line key → rows), ready for the year file."""

    linjer: dict[str, list[Rad]] = field(default_factory=dict)  # "balansrakning.kassa_och_bank" → rows
    medlemsavgifter: dict[str, Decimal] = field(default_factory=dict)
    eget_kapital: Decimal = ZERO  # the file's eget kapital (class 20), positive as in the balansräkning
    bokfort_resultat: Decimal = ZERO  # what the file books as årets resultat (class 89), if anything
    konton: dict[str, Saldo] = field(default_factory=dict)  # every account used, with its balance

    def linje(self, key: str) -> Decimal:
        return sum((r.belopp for r in self.linjer.get(key, [])), ZERO)


def kronor(amount: Decimal) -> str:
    return plain(amount.quantize(Decimal("0.01")) if amount != amount.to_integral_value() else amount) + " kr"


def _named(sie: Sie, konto: str) -> str:
    found = sie.konton.get(konto)
    return f'{konto} "{excerpt(found.namn)}"' if found else konto


def _sign(till: str) -> int:
    return 1 if till.removeprefix("balansrakning.") in ASSETS else -1


def _rule(sie: Sie, plan: Kontoplan, saldo: Saldo, balance: bool, where: str) -> tuple[Regel | None, list[Finding]]:
    """The one rule for an account with a balance, or the finding that says why there is none."""
    rules = plan.regler_for(saldo.konto)
    amount = kronor(saldo.belopp)
    if not rules:
        return None, [error("E-SIE-OMAPPAT", f"konto {_named(sie, saldo.konto)} har saldot {amount} men går inte till "
                            f"någon rad: lägg till en regel för det i {where}", saldo.pos)]
    if len(rules) > 1:
        lines = " och ".join(f"{r.till} (rad {r.pos.line})" for r in rules)
        return None, [error("E-SIE-DUBBEL", f"konto {_named(sie, saldo.konto)} med saldot {amount} går till två rader, "
                            f"{lines}: ett konto får bara gå till en rad", saldo.pos)]
    rule = rules[0]
    wanted = rule.till.startswith("balansrakning.") or rule.till == EGET_KAPITAL
    if wanted != balance:
        kind = "ett balanskonto (#UB)" if balance else "ett resultatkonto (#RES)"
        return None, [error("E-SIE-KONTOTYP", f"konto {_named(sie, saldo.konto)} är {kind} men regeln på rad "
                            f"{rule.pos.line} för det till {rule.till}", saldo.pos)]
    return rule, []


def _add(utfall: Utfall, sie: Sie, rule: Regel, saldo: Saldo) -> None:
    utfall.konton[saldo.konto] = saldo
    if rule.till == EGET_KAPITAL:
        utfall.eget_kapital -= saldo.belopp
        return
    if rule.till == ARETS_RESULTAT:
        utfall.bokfort_resultat -= saldo.belopp
        return
    amount = saldo.belopp * _sign(rule.till)
    if rule.till == MEDLEMSAVGIFTER:
        assert rule.medlem is not None  # the mapping's reader makes sure of it
        utfall.medlemsavgifter[rule.medlem] = utfall.medlemsavgifter.get(rule.medlem, ZERO) + amount
        return
    found = sie.konton.get(saldo.konto)
    text = rule.rad or (found.namn.strip() if found and found.namn.strip() else f"Konto {saldo.konto}")
    rows = utfall.linjer.setdefault(rule.till, [])
    row = next((r for r in rows if r.text == text), None)
    if row is None:
        row = Rad(text)
        rows.append(row)
    row.belopp += amount
    if rule.varav:
        row.varav[rule.varav] = row.varav.get(rule.varav, ZERO) + amount
    else:
        row.utan_varav = True


def utfall(sie: Sie, plan: Kontoplan, balances: dict[str, Saldo], results: dict[str, Saldo],
           where: str) -> tuple[Utfall, list[Finding]]:
    """The statements the balances give (balances: #UB or #IB of a year, results: its #RES)."""
    out, findings = Utfall(), []
    for source, balance in ((balances, True), (results, False)):
        for konto in sorted(source, key=lambda k: (k.ljust(10, "0"), k)):
            saldo = source[konto]
            rule, problems = _rule(sie, plan, saldo, balance, where)
            if rule is None and saldo.belopp != 0:
                findings += problems
            elif rule is not None:
                _add(out, sie, rule, saldo)
    return out, findings


def first_pos(utfall: Utfall, line: str, plan: Kontoplan, fallback: Pos) -> Pos:
    """Where in the SIE file the first account of a line stands (for a finding about the line)."""
    for konto, saldo in utfall.konton.items():
        rules = plan.regler_for(konto)
        if rules and rules[0].till == line:
            return saldo.pos
    return fallback
