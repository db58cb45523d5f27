"""Habits of pdftotext on PDFs that set their own hyphenation and superscript labels (as the toolkit's
Typst PDFs do): soft hyphens at line ends, word joiners around markers, a label on a line of its own."""

from __future__ import annotations

from edition.importer.hyphenation import is_hyphenated, join
from edition.importer.meta import Meta
from edition.importer.pipeline import run
from edition.importer.source import parse_source
from edition.xmlio import NS, parse_bytes

META = Meta(
    id="probe", language="de", title="Ein kurzer Versuch", subtitle="", author="Erika Muster", author_ref="", year="",
    original_note="", rights="", abstract="", publisher="test", edition="0", date="2026-01-01",
    licence="CC0", licence_target="", encoder="test", changes=(("2026-01-01", "test"),),
)
FULL = "Dies ist eine volle Zeile des laufenden Textes, die bis an den rechten Rand der Seite reicht"
WJ, SHY = "\u2060", "\u00ad"


def imported(pages: list[list[str]]):
    text = "".join("\n".join(p) + "\n\f" for p in pages)
    data, report = run(parse_source(text.encode(), "probe.txt"), META)
    return parse_bytes(data).getroot(), report


def test_a_soft_hyphen_at_a_line_end_always_joins_the_word_solid() -> None:
    assert is_hyphenated("die Bewe" + SHY) and not is_hyphenated("die Bewe" + SHY + " ")
    # Even before a capital, where a printed hyphen would stay (a compound): the typesetter broke one word.
    assert join("DER BEWE" + SHY, "GUNG", 3)[0] == "DER BEWEGUNG"
    assert join("der Bewe" + SHY, "gung", 3)[0] == "der Bewegung"
    assert join("der Sowjet-", "Regierung", 3)[0] == "der Sowjet-Regierung"


def test_invisible_format_characters_are_removed_and_reported() -> None:
    src = parse_source(f"Ein{WJ} Wort\nund Mexiko-{WJ}Stadt mit wei{SHY}chem Trenn{SHY}\nzeichen\n".encode(), "x.txt")
    assert src.lines == ["Ein Wort", "und Mexiko-Stadt mit weichem Trenn" + SHY, "zeichen"]
    assert src.invisible == (1, 2)


def test_a_label_alone_over_its_note_text_labels_that_note() -> None:
    body = [f"Der Text {FULL[9:]}", FULL, FULL, f"mit einer Marke am Wort.{WJ}1{WJ}", FULL, f"und endet mit der zweiten Marke.{WJ}2{WJ}"]
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body, f"{WJ}1{WJ}", "    Die erste Note, die über", "zwei Zeilen geht.", f"{WJ}2{WJ}", "    Die zweite Note."]
    p2 = [f"Weiter {FULL[7:]}", FULL, f"ein Wort mit wei{SHY}", "chem Trennzeichen und der dritten Marke.3", "", "3", "    Die dritte Note."]
    tei, report = imported([p1, p2])
    notes = [(n.get("n"), n.xpath("string()")) for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == [("1", "Die erste Note, die über zwei Zeilen geht."), ("2", "Die zweite Note."), ("3", "Die dritte Note.")]
    assert "weichem" in tei.find(".//tei:body", NS).xpath("string()").split()
    assert any(d.startswith("lines 8, 10, 11, 14:") and "invisible format characters" in d for d in report.doubts)


def test_a_word_broken_twice_over_a_page_break_joins_whole() -> None:
    # pdftotext -raw of a PDF whose source kept its own line breaks: the page's only word on its first line,
    # broken again (``ge­`` / ``schicht-`` / ``lich``).
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", f"Der Text {FULL[9:]}", FULL, "und sein Werk, das uns ge" + SHY]
    p2 = ["schicht-", "lich denken lehrte, und so weiter bis zum Ende des Satzes.", FULL, "Und ein Satz zum Schluss."]
    tei, _ = imported([p1, p2])
    words = tei.find(".//tei:body", NS).xpath("string()").split()
    assert "geschichtlich" in words
    pb = tei.find(".//tei:body//tei:pb[@n='2']", NS)
    assert pb is not None and (pb.tail or "").startswith(" denken")


def test_the_first_labels_place_after_the_last_note_text_is_read_back() -> None:
    # pdftotext's default order: the page's first note text right under the body (no blank line), the label of
    # note 1 alone after the last note text. Note lines are set smaller: longer than the body's marked lines.
    # (The page's other label confirms the order; a page's only label needs its text set off by a blank line.)
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    note = "Eine Note in kleinerer Schrift, deren Zeilen mehr Buchstaben fassen als die Zeilen"
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, f"mit der ersten Marke.{WJ}1{WJ} Dann {short[:30]}", short,
          f"und mit der zweiten.{WJ}2{WJ} Der Satz endet hier.", note, "des Textes darüber.", f"{WJ}2{WJ}", "Die zweite Note.", f"{WJ}1{WJ}", "", "5"]
    p2 = [f"Weiter {short[7:]}", "und Schluss.", "", "6"]
    tei, report = imported([p1, p2])
    notes = [(n.get("n"), n.xpath("string()")) for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == [("1", f"{note} des Textes darüber."), ("2", "Die zweite Note.")]
    own = " ".join((p.text or "") + "".join(c.tail or "" for c in p) for p in tei.iterfind(".//tei:body/tei:div/tei:p", NS))
    assert "Eine Note" not in own and "Die zweite Note" not in own  # the note texts left the paragraphs
    assert any(d.startswith("line 13: label 1 alone after the page's last note text") and d.endswith("at line 9") for d in report.doubts)


def test_a_lone_number_that_a_marker_backs_is_a_label_not_the_only_page_number() -> None:
    # No page prints a number: the lone 1 at page 1's foot would fit a page sequence by itself, but marker 1
    # above reads it as note 1's label, and with nothing else for the sequence the label wins.
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, f"mit der ersten Marke.{WJ}1{WJ} Dann {short[:30]}", "",
          "Eine Note in kleinerer Schrift, deren Zeilen mehr Buchstaben fassen als die Zeilen", "des Textes darüber.", f"{WJ}1{WJ}"]
    tei, report = imported([p1, [f"Weiter {short[7:]}", "und Schluss."]])
    assert [n.xpath("string()") for n in tei.iterfind(".//tei:text//tei:note", NS)] == [
        "Eine Note in kleinerer Schrift, deren Zeilen mehr Buchstaben fassen als die Zeilen des Textes darüber."]
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["1", "2"]
    assert not any("read as the printed page number" in d for d in report.doubts)


def test_a_label_sunk_under_its_notes_first_line_labels_that_note() -> None:
    # pdftotext -layout: the note's first line indented where its label stood, the label alone under it, a blank.
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, f"mit der ersten Marke.{WJ}1{WJ} Dann {short[:30]}", "und Schluss.",
          "", " Die Note beginnt hier und geht über", f"{WJ}1{WJ}", "", "zwei Zeilen.", "", "                5"]
    tei, report = imported([p1, [f"Weiter {short[7:]}", "und Schluss.", "", "                6"]])
    assert [n.xpath("string()") for n in tei.iterfind(".//tei:text//tei:note", NS)] == ["Die Note beginnt hier und geht über zwei Zeilen."]
    assert any(d.startswith("line 10: label 1 alone under its note's first line") for d in report.doubts)


def test_a_pages_only_label_after_lines_set_smaller_right_under_the_text_leaves_them_in_the_text() -> None:
    # A block quotation is set smaller too: right under the sentence that leads to it, before a label whose
    # text is elsewhere, it stays text; a page number and a margin's page mark after the label change nothing.
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    quote = "Ein Zitat in kleinerer Schrift, dessen Zeilen mehr Buchstaben fassen als die Zeilen"
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, f"und führt zum Zitat.{WJ}1{WJ}", quote, "des Textes darüber.",
          f"{WJ}1{WJ}", "", "5", "", "S. 1"]
    tei, _ = imported([p1, ["1 Die Note steht hier.", "", f"Weiter {short[7:]}", "und Schluss."]])
    assert "Ein Zitat" in " ".join((p.text or "") + "".join(c.tail or "" for c in p) for p in tei.iterfind(".//tei:body//tei:p", NS))


def test_the_trailing_label_is_read_back_over_a_page_number_and_a_margins_page_mark() -> None:
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    note = "Eine Note in kleinerer Schrift, deren Zeilen mehr Buchstaben fassen als die Zeilen"
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, f"mit der ersten Marke.{WJ}1{WJ} Dann {short[:30]}", short,
          f"und mit der zweiten.{WJ}2{WJ} Der Satz endet hier.", note, "des Textes darüber.", f"{WJ}2{WJ}", "Die zweite Note.", f"{WJ}1{WJ}",
          "", "5", "", "S. 1"]
    tei, _ = imported([p1, [f"Weiter {short[7:]}", "und Schluss.", "", "6", "", "S. 2"]])
    notes = [n.xpath("string()") for n in tei.iterfind(".//tei:text//tei:note", NS)]
    # (The page's number and its margin mark, at no page edge here, are still read as the last note's end.)
    assert notes[0] == f"{note} des Textes darüber." and notes[1].startswith("Die zweite Note.")


def test_page_marks_of_another_print_are_dropped_where_they_rise_page_by_page() -> None:
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, "und endet hier.", "", "S. 1"]
    p2 = ["S. 2", "", f"Weiter {short[7:]}", "und endet da.", "", "S. 3"]
    tei, report = imported([p1, p2, [f"Noch {short[5:]}", "und Schluss."]])
    body = tei.find(".//tei:body", NS).xpath("string()")
    assert "S. 1" not in body and "S. 2" not in body and "S. 3" not in body
    assert "lines 8, 9, 14: 3 page marks of another print dropped (S. 1 …)" in report.doubts
    # Not rising: no sequence of page marks, but text.
    tei, _ = imported([["Ein kurzer Versuch", "", "von Erika Muster", "", short, "siehe", "S. 9"], ["S. 4", "", f"Weiter {short[7:]}", "und Schluss."]])
    assert "S. 9" in tei.find(".//tei:body", NS).xpath("string()")


def test_each_prefix_of_page_marks_makes_its_own_rising_sequence() -> None:
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    # The marks S. [1], S. [3], S. 4 rise; the page's own number in brackets between them does not break them.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short, "und endet hier.", "", "S. [1]"]
    p2 = ["S. [3]", "[2]", "", f"Weiter {short[7:]}", "und endet da.", "", "S. 4"]
    tei, report = imported([p1, p2, [f"Noch {short[5:]}", "und Schluss."]])
    body = tei.find(".//tei:body", NS).xpath("string()")
    assert "S. [1]" not in body and "S. [3]" not in body and "S. 4" not in body
    assert any("3 page marks of another print dropped (S. [1] …)" in d for d in report.doubts)


def test_a_few_words_ending_in_a_period_after_a_blank_line_are_a_heading() -> None:
    # DTA prints end their headings in a period; pdftotext -layout sets a blank above one and none under it.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", FULL, FULL, "und endet hier mit einem Satz.", "",
          "Die zweite Betrachtung.", FULL, FULL, "und endet auch.", FULL, "Schluss."]
    tei, _ = imported([p1, [FULL, "und Ende."]])
    heads = [h.xpath("string()").strip() for h in tei.iterfind(".//tei:body//tei:head", NS)]
    assert "Die zweite Betrachtung." in heads


def test_blank_lines_only_beside_page_furniture_leave_a_text_unspaced() -> None:
    # pdftotext's default order: blank lines around a lone page mark only; the heading sits between text lines.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", FULL, FULL, "und endet hier mit einem Satz.",
          "Die zweite Betrachtung.", FULL, FULL, "", "S. 7", "", FULL, "und endet auch.", FULL, "Schluss."]
    tei, _ = imported([p1, [FULL, "und Ende."]])
    heads = [h.xpath("string()").strip() for h in tei.iterfind(".//tei:body//tei:head", NS)]
    assert "Die zweite Betrachtung." in heads


def test_a_heading_over_a_numbered_section_opens_it() -> None:
    # A section sign opens a unit as a capital does: the short line above it is a heading.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", FULL, FULL, "und endet hier mit einem Satz.",
          "Die zweite Betrachtung.", "§. 20.", FULL, FULL, "und endet auch.", FULL, "Schluss."]
    tei, _ = imported([p1, [FULL, "und Ende."]])
    heads = [h.xpath("string()").strip() for h in tei.iterfind(".//tei:body//tei:head", NS)]
    assert "Die zweite Betrachtung." in heads


def test_page_marks_in_the_margin_beside_the_text_are_taken_out_of_it() -> None:
    short = "Der Text läuft hier über die Breite der Seite, wie es sich gehört"
    # pdftotext -layout sets a margin's page mark on the line beside it, left on a verso, right on a recto.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", short + "       S. 4", "und endet hier."]
    p2 = ["S. 5   Weiter " + short[7:], "und endet da.", "Die Fortsetzung          S. 6", f"Noch {short[5:]}", "und Schluss."]
    tei, report = imported([p1, p2])
    body = tei.find(".//tei:body", NS).xpath("string()")
    assert "S. 4" not in body and "S. 5" not in body and "S. 6" not in body and "Weiter" in body
    assert any("3 page marks of another print taken out of the margin" in d for d in report.doubts)
