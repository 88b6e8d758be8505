"""One file's text → its canonical text, or the text untouched and the findings that say why."""
from __future__ import annotations

from ..findings import Finding, Pos, error
from ..load.build import _empty, build_tree
from ..load.yaml import EMPTY, parse
from ..model import Arsfil, Forbund
from . import order, style

KINDS: dict[str, type] = {"forbund": Forbund, "ar": Arsfil}


def kind_of(name: str) -> str:
    """forbund.yaml is a förbund's file; every other data file is a year file."""
    return "forbund" if name == "forbund.yaml" else "ar"


def canonical(text: str, kind: str, shown: str = "") -> tuple[str, list[Finding]]:
    """The canonical form of a data file's text; a file that does not load is returned as it is.

    The result must load to the same model as the text: formatting never changes a value.
    """
    cls = KINDS[kind]
    before, found = _model(cls, text, shown)
    if found or before is None:
        return text, found
    result = order.reorder(style.restyle(text, cls), cls)
    after, found = _model(cls, result, shown)
    if found or after != before:
        return text, [error("E-FMT", "filen kunde inte formateras utan att något värde ändrades, så den lämnas "
                            "som den är; rapportera det som ett fel i generatorn", Pos(shown, 1, 1))]
    return result, []


def _model(cls: type, text: str, shown: str) -> tuple[object | None, list[Finding]]:
    tree, found = parse(text, shown)
    if found:
        return None, found
    if tree is None or tree is EMPTY:  # as the loader says it: the keys the file needs
        return None, [_empty(cls, text, shown)]
    if cls is Arsfil:
        # A new year not yet filled in (make new-year) is formatted too: its empty amounts
        # are left to fill in, not errors, exactly as the loader reads a year file.
        from ..load.fyll_i import take_empty

        take_empty(tree, shown)
    return build_tree(cls, tree, shown)
