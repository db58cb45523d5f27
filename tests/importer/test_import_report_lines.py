"""The report names the line(s) to look at for every kind of uncertainty."""

from __future__ import annotations

import re

import importgen as G
from importscore import meta_for

from edition.importer.meta import Meta
from edition.importer.pipeline import run
from edition.importer.source import parse_source

META = Meta(
    id="probe", language="de", title="Ein kurzer Versuch", subtitle="", author="Erika Muster", author_ref="", year="",
    original_note="", rights="", abstract="", publisher="test", edition="0", date="2026-01-01",
    licence="CC0", licence_target="", encoder="test", changes=(("2026-01-01", "test"),),
)
FULL = "Dies ist eine volle Zeile des laufenden Textes, die bis an den rechten Rand der Seite reicht"
LINE = re.compile(r"^  - lines? \d+(?:–\d+)?(?:, \d+)*(?:, …)?: ")


def unsure(report: str) -> list[str]:
    return report.split("\nunsure (")[1].splitlines()[1:]


def test_markers_apart_and_missing_name_their_lines() -> None:
    page = [
        "Ein kurzer Versuch", "", "von Erika Muster", "", f"Der Text {FULL[9:]}", "mit der ersten Marke.1 Dann",  # 6
        FULL, "ein Satz, der die zweite Marke verliert, und einer, der", f"sie hat.3 {FULL[8:]}",  # 9
        "und einer, der seine Marke abseits setzt 4 und das war es.", "",  # 10
        "1 Die erste Note.", "2 Die zweite Note.", "3 Die dritte Note.", "4 Die vierte Note.",  # 12–15
    ]
    _, report = run(parse_source(("\n".join(page) + "\n\f").encode(), "probe.txt"), META)
    lines = unsure(report.format())
    assert "  - line 10: marker 4 stands apart from its word (accepted to fill the sequence)" in lines
    # Between the lines of markers 1 and 3; the foot's label 2 has no marker above it, so no note text is named.
    assert "  - lines 6–9: marker 2 not found in the text" in lines


def test_a_missing_marker_names_its_note_text_where_the_foot_shows_it() -> None:
    # Double-spaced: the foot's labels are read from the page rhythm, so note text 2 stands labelled.
    body = ["Ein kurzer Versuch", "von Erika Muster", " ", f"Der Text {FULL[9:]}", "mit der ersten Marke.1 Dann",  # 9
            FULL, "ein Satz, der die zweite Marke verliert, und einer, der", f"sie hat.3 {FULL[8:]}", "und das war es."]  # 15
    foot = ["1 Die erste Note.", "2 Die zweite Note.", "3 Die dritte Note."]  # 18–20
    text = "\n\n".join(body) + "\n" + "\n".join(foot) + "\n" + " Weiter " + FULL[7:] + "\n\nund Schluss.\n"
    _, report = run(parse_source(text.encode(), "probe.txt"), META)
    assert "  - lines 9–15: marker 2 not found in the text (its note text at line 19)" in unsure(report.format())


def test_every_doubt_of_generated_extractions_names_a_line() -> None:
    for x in G.corpus(20, 900, 301):
        _, report = run(parse_source(x.text.encode(), f"{x.name}.txt"), meta_for(x))
        bad = [u for u in unsure(report.format()) if u != "  nothing" and not LINE.match(u)]
        assert not bad, (x.name, bad)
