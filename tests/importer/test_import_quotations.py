"""Block quotations: set off, wrapped at a narrower measure of their own, they become quote, not p."""

from __future__ import annotations

from test_import_evidence import FULL, body, imported

from edition.xmlio import NS

QUOTE = [
    "Man muss die Zeilen zählen, ehe man sie deuten kann; wer nur auf die",
    "einzelne Zeile sieht, hält jede Zahl für eine Seite und jede kurze",
    "Zeile für eine Überschrift, und er irrt sich dabei.",
]


def blocks(tei) -> list[tuple[str, str]]:
    return [(e.tag.split("}")[1], " ".join(e.xpath("string()").split()[:2])) for e in tei.find(".//tei:body/tei:div", NS) if e.tag.split("}")[1] != "pb"]


def test_a_block_at_a_narrower_measure_is_a_quotation() -> None:
    page = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5, end="und sagt dazu:"), "", *QUOTE, "", *body(4, first="So sagt")]
    tei, report = imported([page])
    assert blocks(tei) == [("p", "Der Text"), ("quote", "Man muss"), ("p", "So sagt")]
    assert "block quotations: 1 (lines 11)" in report.format()


def test_short_lines_that_end_short_of_their_own_measure_are_no_quotation() -> None:
    # The middle line ends where the next word would have fitted even the block's measure: a paragraph's end.
    lines = [QUOTE[0], "einzelne Zeile sieht.", QUOTE[2]]
    page = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5, end="und sagt dazu:"), "", *lines, "", *body(4, first="So sagt")]
    tei, _ = imported([page])
    assert "quote" not in [k for k, _ in blocks(tei)]


def test_lines_of_the_text_measure_are_no_quotation() -> None:
    page = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5), "", FULL, FULL, "Ende des Absatzes.", "", *body(4, first="So sagt")]
    tei, _ = imported([page])
    assert "quote" not in [k for k, _ in blocks(tei)]
