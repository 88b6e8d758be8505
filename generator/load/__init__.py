"""The load stage: a förbund's folder → the typed model, with every finding about the files.

    source, findings = load_forbund(folder)

`yaml` reads YAML with positions and refuses anchors, aliases and tags; `syntax` explains
syntax errors; `values` holds the value kinds' validators; `tree` and `errors` validate
the tree against the model (pydantic) and place each error; `source` reads a folder.
"""
from __future__ import annotations

from .source import Source, forbund_folders, load_forbund

__all__ = ["Source", "forbund_folders", "load_forbund"]
