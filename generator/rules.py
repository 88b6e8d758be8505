"""Legal and recommended rules, each stated once, with where it comes from.

Checks, derivations and the report's texts read these; none of them writes a share, a
date or a tolerance of its own.
"""
from __future__ import annotations

from decimal import Decimal

# 5 § lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser: staten
# (Försäkringskassan, which also pays Arbetsförmedlingen's part) half, the region a
# quarter, the kommuner together a quarter.
MEDLEMSANDEL = {"staten": Decimal("0.50"), "region": Decimal("0.25"), "kommun": Decimal("0.25")}

# How far a member's share may stray before it is a warning: 0,1 procentenhet, the
# rounding in the members' own decisions on their fees.
ANDEL_TOLERANS = Decimal("0.001")

# The board adopts the annual report within three months of the year's end, so by
# 31 March (DESIGN.md; Nationella rådets anvisningar).
BESLUT_SENAST = (3, 31)  # month, day of the following year

# A negative balanskravsresultat is restored within the three following years
# (11 kap. 12 § kommunallagen).
ATERSTALLA_AR = 3

# From räkenskapsår 2024 the resultatutjämningsreserv is replaced by a resultatreserv
# (prop. 2022/23:119, in force 1 January 2024; KL 11 kap., LKBR and the Finsam law).
RESULTATRESERV_FRAN = 2024

# Nationella rådets recommended ceiling for eget kapital, as a share of the year's
# allocation, when forbund.yaml does not set its own (installningar.eget_kapital_tak).
EGET_KAPITAL_TAK = Decimal("0.20")

# Amounts in kronor are kept with at most öre: two decimals.
ORE_DECIMALER = 2

# Lagen (2003:1210) om finansiell samordning came into force on 1 January 2004: no
# samordningsförbund has a year before it.
FORSTA_AR = 2004
