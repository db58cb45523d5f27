"""The cases of issue 13, each on a small extraction: the importer decides from the text's evidence."""

from __future__ import annotations

from edition.xmlio import NS
from probe_support import FULL, imported


def body(n: int, first: str = "Der Text", end: str = "und endet hier mit einem Satz.") -> list[str]:
    return [f"{first} {FULL[9:]}"] + [FULL] * (n - 2) + [end]


def test_a_page_number_equal_to_the_next_note_number_is_a_page_number() -> None:
    # Printed on pages 2 and 3 only; page 2's number is 2, the number the next note will have.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(6, end="mit der Marke am Wort.1"), "", "1 Die erste Note."]
    p2 = [*body(6, first="Weiter", end="und endet ohne jede Marke."), "2"]
    p3 = [*body(5, first="Noch", end="mit der zweiten Marke.2"), "", "2 Die zweite Note.", "3"]
    tei, report = imported([p1, p2, p3])
    notes = tei.findall(".//tei:text//tei:note", NS)
    assert [(n.get("n"), n.xpath("string()")) for n in notes] == [("1", "Die erste Note."), ("2", "Die zweite Note.")]
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["1", "2", "3"]
    assert "2" not in tei.find(".//tei:body", NS).xpath("string()").split()
    assert [d for d in report.doubts if "read as the printed page number" in d][0].startswith("line 19: 2 read as")


def test_a_lost_note_on_a_page_without_note_block_is_a_gap() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(6, end="mit der ersten Marke.1"), "", "1 Die erste Note."]
    p2 = [*body(6, first="Weiter", end="mit der Marke ohne Text.2")]
    p3 = [*body(6, first="Noch", end="und die dritte Marke.3"), "", "3 Die dritte Note."]
    tei, report = imported([p1, p2, p3])
    notes = tei.findall(".//tei:text//tei:note", NS)
    assert [n.get("n") for n in notes] == ["1", "2", "3"]
    assert notes[1].find("tei:gap[@reason='lost']", NS) is not None and notes[2].xpath("string()") == "Die dritte Note."
    assert report.notes_lost == [2]


def test_headings_at_the_top_and_at_the_bottom_of_a_page() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(6), "", "Am Fuß der Seite"]
    p2 = ["Oben auf der Seite", "", *body(6, first="Weiter")]
    tei, _ = imported([p1, p2])
    heads = [h.text for h in tei.iterfind(".//tei:body//tei:head", NS)]
    assert heads == ["Am Fuß der Seite", "Oben auf der Seite"]


def test_a_date_line_before_a_signature_is_a_closer_not_a_heading() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(6), "", "Berlin, im März 2026", "", "Erika Muster"]
    tei, _ = imported([p1])
    assert tei.find(".//tei:body//tei:head", NS) is None
    closer = tei.find(".//tei:body//tei:closer", NS)
    assert closer.findtext("tei:dateline", namespaces=NS) == "Berlin, im März 2026"
    assert closer.findtext("tei:signed", namespaces=NS) == "Erika Muster"


def test_a_name_atop_the_page_after_a_date_line_is_a_heading_not_its_signature() -> None:
    p1 = ["Ein kurzer Versuch", "", "Vorwort", "", *body(6), "", "Erika Muster, im September 2017"]
    p2 = ["Finsteres Russland", "", *body(6, first="Weiter")]
    tei, _ = imported([p1, p2])
    assert [h.text for h in tei.iterfind(".//tei:text//tei:head", NS)] == ["Vorwort", "Finsteres Russland"]
    assert tei.find(".//tei:text//tei:signed", NS) is None
    assert tei.findtext(".//tei:text//tei:dateline", namespaces=NS) == "Erika Muster, im September 2017"


def test_a_word_split_across_a_note_block_joins_its_own_halves() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5, end="Hier steht die Marke.1 " + FULL[:50]), FULL[:70] + " und das Wort Be-", "", "1 Eine Note."]
    p2 = ["völkerung geht weiter, " + FULL[:60], *body(4, first="Noch")]
    tei, _ = imported([p1, p2])
    text = tei.find(".//tei:body", NS).xpath("string()")
    assert "Wort Bevölkerung geht weiter" in text and "Be-" not in text
    assert tei.findtext(".//tei:note[@n='1']", namespaces=NS) == "Eine Note."
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["1", "2"]


def test_a_compound_printed_with_its_hyphen_keeps_it_at_a_line_end() -> None:
    lines = body(6, end="Hier steht die Sowjet-regierung mitten in der Zeile, und dort am Ende die Sowjet-")
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *lines, "regierung noch einmal, getrennt."]
    tei, report = imported([p1])
    text = tei.find(".//tei:body", NS).xpath("string()")
    assert text.count("Sowjet-regierung") == 2 and "Sowjetregierung" not in text
    assert any("Sowjet-regierung" in k for k in report.kept_hyphens)


def test_notes_marked_per_page_are_numbered_through() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(6, end="mit einem Stern hier.*)"), "", "*) Die Note der ersten Seite."]
    p2 = [*body(6, first="Weiter", end="und wieder ein Stern.*) Und noch einer**)"), "", "*) Zweite Note.", "**) Dritte Note."]
    tei, _ = imported([p1, p2])
    notes = tei.findall(".//tei:text//tei:note", NS)
    assert [(n.get("n"), n.xpath("string()")) for n in notes] == [("1", "Die Note der ersten Seite."), ("2", "Zweite Note."), ("3", "Dritte Note.")]
    assert "*)" not in tei.find(".//tei:body", NS).xpath("string()")
