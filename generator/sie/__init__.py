"""SIE 4 (types 4E and 4I), the Swedish bookkeeping export: `lexer` splits a line into
fields, `records` says what each label means, `reader` decodes the file (code page 437,
or UTF-8 when a file claims PC8 but is not) and returns `model.Sie` with every problem as
a finding at file:line:col.

The import (`finsam import-sie`, `kor`) maps the file's balances to a year's statements
through `kontoplan` (default `kommun-bas.yaml`), reconciles them (`avstamning`) and writes
them into the year file (`skriv`)."""
from __future__ import annotations

from .model import Konto, Saldo, Sie, Verifikation
from .reader import read_sie

__all__ = ["Konto", "Saldo", "Sie", "Verifikation", "read_sie"]
