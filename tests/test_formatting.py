"""Swedish number formatting via Babel, with the locale's own minus sign."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from generator.formatting import belopp, datum, distribute, kr, procent, tal

NB = "\u00a0"
MINUS = "\u2212"


def test_amounts():
    assert belopp(D(19847560)) == f"19{NB}847{NB}560"
    assert belopp(D(-2812499)) == f"{MINUS}2{NB}812{NB}499"
    assert belopp(D(0)) == "0"
    assert belopp(None) == "–"
    assert belopp(D("-0.4")) == "0"  # never "−0"
    assert belopp(D("1234.5"), decimals=2) == f"1{NB}234,50"
    assert kr(D(308788)) == f"308{NB}788{NB}kr"


def test_units():
    assert belopp(D(-2812499), "tkr") == f"{MINUS}2{NB}812"
    assert belopp(D(19847560), "mnkr", 1) == "19,8"


def test_percent_and_ratio():
    assert procent(D("0.4236")) == f"42{NB}%"
    assert procent(D("0.153421"), 1) == f"15,3{NB}%"
    assert tal(D("0.4236")) == "0,42"


def test_dates():
    assert datum(dt.date(2024, 3, 8)) == "2024-03-08"
    assert datum(dt.date(2024, 3, 8), "lang") == "8 mars 2024"


def test_distribute_keeps_the_shown_total():
    values = [D(1400), D(1400), D(1200)]
    shown = distribute(values, sum(values), "tkr")
    assert sum(shown) == D(4000) and all(v % 1000 == 0 for v in shown)
    negative = [D(-1600), D(-1600), D(-800)]
    shown = distribute(negative, sum(negative), "tkr")
    assert sum(shown) == D(-4000)
