"""Validation profiles: which schemas an edition's texts are checked against (``[validation] profile``).

* ``strict`` — the toolkit's essay schema (``edition.rng``) and its Schematron (``edition.sch``);
* ``tei`` — any TEI P5 document valid against ``tei_all``;
* ``custom`` — the editor's own RELAX NG grammar (``[validation] relaxng``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core import Edition
from ..paths import SCHEMA, TEI_ALL


@dataclass(frozen=True)
class Profile:
    name: str
    schema: str | None  #: what :func:`validate_files` takes: None (strict), "tei_all" or a grammar's path
    files: list[Path]  #: the schema files, which the deposit carries beside the TEI


def profile_of(edition: Edition) -> Profile:
    cfg = edition.config
    if cfg.profile == "strict":
        return Profile("strict", None, [SCHEMA / "edition.rng", SCHEMA / "edition.sch", SCHEMA / "README.md"])
    if cfg.profile == "custom":
        grammar = edition.dir / cfg.relaxng
        return Profile("custom", str(grammar), [grammar])
    return Profile("tei", "tei_all", [TEI_ALL, SCHEMA / "TEI-LICENCE.md"])
