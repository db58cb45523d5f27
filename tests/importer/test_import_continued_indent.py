"""A note continued on the next page whose rest opens with a capital after a finished sentence:
in a text that indents its paragraphs, a group at the foot that opens without the indent is no paragraph."""

from __future__ import annotations

from test_import_evidence import FULL, imported

from edition.xmlio import NS


def para(first: str, n: int, end: str) -> list[str]:
    return [f"    {first} {FULL[9:]}"] + [FULL] * (n - 2) + [end]


def test_the_rest_of_an_open_note_after_a_blank_line_continues_it() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para("Der Text", 4, "mit einem Satz."), *para("Dann", 4, "mit der Marke.1"),
          *para("Noch", 3, "und endet hier."), "", "1 Zitiert nach Oertzen: José Carlos"]
    p2 = [*para("Weiter", 4, "mit einem Satz."), *para("Und", 3, "und ist zu Ende."), "", "Mariategui, S. 39."]
    tei, _ = imported([p1, p2])
    assert tei.findtext(".//tei:note[@n='1']", namespaces=NS) == "Zitiert nach Oertzen: José Carlos Mariategui, S. 39."
    assert "Mariategui" not in "".join(tei.find(".//tei:body", NS).xpath(".//text()[not(ancestor::tei:note)]", namespaces=NS))


def test_a_group_with_the_paragraph_indent_stays_text() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para("Der Text", 4, "mit einem Satz."), *para("Dann", 4, "mit der Marke.1"),
          *para("Noch", 3, "und endet hier."), "", "1 Zitiert nach Oertzen: José Carlos"]
    p2 = [*para("Weiter", 4, "mit einem Satz."), *para("Und", 3, "und ist zu Ende."), "", "    Ein letzter Absatz."]
    tei, _ = imported([p1, p2])
    assert tei.findtext(".//tei:note[@n='1']", namespaces=NS) == "Zitiert nach Oertzen: José Carlos"
    assert "Ein letzter Absatz." in [p.xpath("string()") for p in tei.iterfind(".//tei:body//tei:p", NS)]


def test_a_url_alone_atop_the_next_page_foot_ends_the_note_left_open() -> None:
    body1 = [f"Der Text {FULL[9:]}", FULL, FULL, "und endet mit der Marke.1"]
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body1, "", "1 Siehe auch den Bericht in LuXemburg 2/2016, S. 90–97, unter"]
    p2 = [f"Weiter {FULL[9:]}", FULL, "und endet mit der zweiten Marke.2", "", "www.rosalux.de/publikation/id/8612/klasse-verbinden/.", "2 Die zweite Note."]
    tei, report = imported([p1, p2])
    note = tei.find(".//tei:note[@n='1']", NS).xpath("string()")
    assert note.endswith("unter www.rosalux.de/publikation/id/8612/klasse-verbinden/.")
    assert tei.findtext(".//tei:note[@n='2']", namespaces=NS) == "Die zweite Note."
    assert not report.dropped


def test_a_note_ending_in_an_abbreviation_with_a_period_is_still_open() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para("Der Text", 4, "mit einem Satz."), *para("Dann", 4, "mit der Marke.1"),
          *para("Noch", 3, "und endet hier."), "", "1 Löwy, Michael: Le Marxisme en Amérique Latine, Paris 1980, S."]
    p2 = [*para("Weiter", 4, "mit einem Satz."), *para("Und", 3, "und ist zu Ende."), "", "86."]
    tei, _ = imported([p1, p2])
    assert tei.findtext(".//tei:note[@n='1']", namespaces=NS) == "Löwy, Michael: Le Marxisme en Amérique Latine, Paris 1980, S. 86."


def test_a_per_page_number_mark_set_off_by_a_space_counts_where_its_label_stands_below() -> None:
    lines1 = [f"Der Text {FULL[9:]}", "und Pollenzelle zu einer einzigen Zelle 1), welche sich verbindet, und es folgen", FULL, "Ende."]
    lines2 = [f"Weiter {FULL[9:]}", "mit zwei Merkmalen: 1) die Form und 2) die Farbe, wie es hier steht und weiter", FULL, "und die zweite Marke.1)"]
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *lines1, "", "1) Bei Pisum ist es wohl ausser Zweifel."]
    p2 = [*lines2, "", "1) Die zweite Note."]
    tei, _ = imported([p1, p2])
    notes = [(n.get("n"), n.xpath("string()")) for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == [("1", "Bei Pisum ist es wohl ausser Zweifel."), ("2", "Die zweite Note.")]
    text = "".join(tei.find(".//tei:body", NS).xpath(".//text()[not(ancestor::tei:note)]", namespaces=NS))
    assert "1) die Form und 2) die Farbe" in text  # numbers of an enumeration without a label below stay text
