"""Where the toolkit's own resources and the bundled edition live."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# Stylesheets, the Typst template, site assets and schemas are package data under edition/resources/.
# In the source tree its two entries are symlinks to the top-level xslt/ and tei/schema/ (kept there
# because the layout shows the pipeline); a wheel holds real copies. resolve() names the real folder.
_RESOURCES = _PACKAGE / "resources"
XSLT = (_RESOURCES / "xslt").resolve()
SCHEMA = (_RESOURCES / "schema").resolve()
#: The official TEI P5 grammar (``--schema tei_all``), shipped with its licence notice TEI-LICENCE.md.
TEI_ALL = SCHEMA / "tei_all.rng"

#: The folder holding the ``edition`` package: the checkout in a source tree.
ROOT = _PACKAGE.parent
TEI = ROOT / "tei"
#: The bundled edition (the default for commands that take an edition directory).
DEFAULT_EDITION = ROOT
BUILD = ROOT / "build"
