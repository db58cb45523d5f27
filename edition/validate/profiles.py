"""Validation profiles: which schemas an edition's texts are checked against (``[validation] profile``).

* ``strict`` — the toolkit's essay schema (``edition.rng``) and its Schematron (``edition.sch``);
* ``tei`` — any TEI P5 document valid against ``tei_all``, and the rules for every edition
  (``general.sch``: ids unique, pointers and register references resolve, ISO dates in order);
* ``custom`` — the editor's own RELAX NG grammar and/or Schematron (``[validation] relaxng``,
  ``schematron``); what is not given is the ``tei`` profile's.
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
    rules: Path | None  #: the Schematron beside a grammar (the strict profile's comes with ``schema`` None)
    register_prefix: str
    files: list[Path]  #: the schema files, which the deposit carries beside the TEI


GENERAL_SCH = SCHEMA / "general.sch"
TEI_FILES = [TEI_ALL, SCHEMA / "TEI-LICENCE.md"]


def profile_of(edition: Edition | None) -> Profile:
    """The profile of ``edition``; a file in no edition gets the ``tei`` profile."""
    cfg = edition.config if edition else None
    prefix = cfg.register_prefix if cfg else "psn"
    if cfg and cfg.profile == "strict":
        return Profile("strict", None, None, prefix, [SCHEMA / "edition.rng", SCHEMA / "edition.sch", SCHEMA / "README.md"])
    if cfg and cfg.profile == "custom":
        assert edition is not None
        grammar = edition.dir / cfg.relaxng if cfg.relaxng else None
        rules = edition.dir / cfg.schematron if cfg.schematron else GENERAL_SCH
        return Profile("custom", str(grammar) if grammar else "tei_all", rules, prefix,
                       [grammar] if grammar else TEI_FILES + [rules])
    return Profile("tei", "tei_all", GENERAL_SCH, prefix, [*TEI_FILES, GENERAL_SCH])
