"""Annual-report generator for Swedish samordningsförbund (Finsam).

Pipeline: load → model → derive → check → render → print.
"""
