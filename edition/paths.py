"""Where the toolkit's own resources live (an edition lives wherever its edition.toml is)."""

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

#: The folder holding the ``edition`` package (the checkout, in a source tree): the toolkit's code is below it.
ROOT = _PACKAGE.parent
