"""A small extraction imported with fixed metadata: the probes of tests/importer."""

from __future__ import annotations

from edition.importer.meta import Meta
from edition.importer.pipeline import run
from edition.importer.source import parse_source
from edition.xmlio import parse_bytes

META = Meta(
    id="probe", language="de", title="Ein kurzer Versuch", subtitle="", author="Erika Muster", author_ref="", year="",
    original_note="", rights="", abstract="", publisher="test", edition="0", date="2026-01-01",
    licence="CC0", licence_target="", encoder="test", changes=(("2026-01-01", "test"),),
)
FULL = "Dies ist eine volle Zeile des laufenden Textes, die bis an den rechten Rand der Seite reicht"


def imported(pages: list[list[str]]):
    """The TEI root and the report of ``pages`` (lists of lines) imported as one extraction with form feeds."""
    data, report = run(parse_source("".join("\n".join(p) + "\n\f" for p in pages).encode(), "probe.txt"), META)
    return parse_bytes(data).getroot(), report
