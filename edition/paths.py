"""Where the toolkit's own resources and the bundled edition live."""

from __future__ import annotations

from pathlib import Path

#: The project root: the folder holding ``edition/``, ``xslt/`` and ``tei/``.
ROOT = Path(__file__).resolve().parent.parent
XSLT = ROOT / "xslt"
TEI = ROOT / "tei"
SCHEMA = TEI / "schema"
#: The bundled edition (the default for commands that take an edition directory).
DEFAULT_EDITION = ROOT
BUILD = ROOT / "build"
