"""The people beside the signatures and the texts placed under the statements.

A member named as not having signed must be a member of the board (a misspelt name would
otherwise print a signature line for someone who did not sign); a comment written for a
statement the year does not have would silently vanish.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..findings import Finding, did_you_mean, error, excerpt

_STATEMENT = {"kommentar_driftredovisning": "driftredovisning"}


def check_ej_undertecknat(r: Arsredovisning) -> Iterator[Finding]:
    """Everyone under underskrift.ej_undertecknat is on the board in forbund.yaml."""
    names = [m.namn for m in r.forbund.styrelse]
    u = r.arsfil.underskrift
    for name in u.ej_undertecknat:
        if name.strip() not in names:
            hint = did_you_mean(name, names, "; skriv namnet som under styrelse i forbund.yaml")
            yield error("E-STYRELSE", f'"{excerpt(name)}" under ej_undertecknat är ingen ledamot i styrelsen{hint}',
                        u.pos_of("ej_undertecknat"))


def check_beslutsdatum(r: Arsredovisning) -> Iterator[Finding]:
    """The latest year's report is adopted on a day; only a comparison year's may be unknown."""
    if r.arsfil.styrelsens_beslut is None and r.senaste:
        yield error("E-MISSING", 'filen saknar nyckeln "styrelsens_beslut", som måste finnas för förbundets senaste '
                    f"år; lägg till den, som styrelsens_beslut: {r.year + 1}-03-08", r.arsfil.pos)


def check_kommentarer(r: Arsredovisning) -> Iterator[Finding]:
    """A comment under a statement the report does not show is an error at its heading."""
    for a in r.narrativ:
        if a.key in _STATEMENT and r.arsfil.driftredovisning is None:
            yield error("E-NARRATIV", f'"{excerpt(a.rubrik)}": årsfilen har ingen driftredovisning {r.year}, så '
                        "kommentaren har ingen tabell att stå under; lägg till driftredovisning i årsfilen eller "
                        "ta bort avsnittet", a.pos)
