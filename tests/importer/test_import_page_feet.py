"""What stands at a page's foot: printed numbers of double-spaced pages, a note's last line that is only a
number, and separator lines that close headings."""

from __future__ import annotations

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


def body(n: int, first: str = "Der Text", end: str = "und endet hier mit einem Satz.") -> list[str]:
    return [f"{first} {FULL[9:]}"] + [FULL] * (n - 2) + [end]


def imported(text: str):
    data, report = run(parse_source(text.encode(), "probe.txt"), META)
    return parse_bytes(data).getroot(), report


def double(pages: list[list[str]]) -> str:
    """Double-spaced, a page begun by a leading space right under the last line of the page before
    (the extractor's habit of the bundled Dallmer source)."""
    return "".join((" " if k else "") + "\n\n".join(page) + "\n" for k, page in enumerate(pages))


def test_a_double_spaced_page_number_belongs_to_the_page_at_whose_foot_it_stands() -> None:
    # Printed at the foot of pages 2 and 3 only (the last one ends the file).
    p1 = ["Ein kurzer Versuch", "von Erika Muster", " ", *body(8)]
    p2 = [*body(8, first="Weiter"), "18"]
    p3 = [*body(8, first="Noch"), "19"]
    tei, report = imported(double([p1, p2, p3]))
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["1", "18", "19"]
    assert report.printed_pages == [(2, "18"), (3, "19")]
    assert not {"18", "19"} & set(tei.find(".//tei:body", NS).xpath("string()").split())


def test_a_note_line_that_is_only_its_page_number_stays_in_the_note() -> None:
    # Every page's note ends on a line of its own ('43.' under 'S.'): the same bottom line at every page's foot
    # once its digits are gone, yet no running foot, which has words.
    pages = []
    for n, first in enumerate(("Der Text", "Weiter", "Noch", "Zuletzt"), 1):
        lead = ["Ein kurzer Versuch", "", "von Erika Muster", ""] if n == 1 else []
        pages.append([*lead, *body(5, first=first, end=f"mit der Marke.{n}"), "", f"{n} Siehe Muster, Versuch, S.", f"{40 + n}."])
    tei, _ = imported("".join("\n".join(p) + "\n\f" for p in pages))
    notes = [n.xpath("string()") for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == [f"Siehe Muster, Versuch, S. {40 + n}." for n in range(1, 5)]


def test_where_separator_lines_close_headings_a_line_after_one_without_one_after_it_is_a_paragraph() -> None:
    # The text sets a whitespace-only line before and after its headings; under the last heading a one-line
    # paragraph ends in a period like the text's headings do.
    p1 = ["Ein kurzer Versuch", "von Erika Muster", " ", "I. Der Anfang.", " ", *body(6), " ", "II. Die Mitte.", " ", *body(6, first="Weiter")]
    p2 = ["III. Das Ende.", " ", "Ein Satz allein steht hier.", *body(6, first="Noch")]
    tei, _ = imported(double([p1, p2]))
    assert [h.text for h in tei.iterfind(".//tei:body//tei:head", NS)] == ["I. Der Anfang.", "II. Die Mitte.", "III. Das Ende."]
    paras = [p.xpath("string()") for p in tei.iterfind(".//tei:body//tei:p", NS)]
    assert "Ein Satz allein steht hier." in paras


def test_leading_spaces_start_pages_of_a_size_and_a_mid_page_one_indents() -> None:
    from edition.importer.pages import analyse

    line = "Zeile des Textes mit genug Worten, um eine volle Zeile zu sein."
    # Pages of 30, 29 (its last blank line dropped) and 30 lines, none with a foot: every leading space a page start.
    pages = [[line] * 30, [line] * 29, [line] * 30, [line] * 12]
    lay = analyse([(" " if k else "") + x if i == 0 else x for k, p in enumerate(pages) for i, x in enumerate(p)])
    assert [p.line for p in lay.pages] == [1, 31, 60, 90]
    # The same pages, one of them closed by a foot, and an indented line a few lines into a page.
    lines = [line] * 30 + ["", "1 Eine Note."] + [" " + line] + [line] * 5 + [" " + line] + [line] * 22 + [" " + line] + [line] * 9
    lay = analyse([line.replace("Zeile des", "Zeile1 des", 1) if i == 3 else x for i, x in enumerate(lines)])
    assert [p.line for p in lay.pages] == [1, 33, 62]
    assert any(d.startswith("line 39: leading space not taken as a page start") for d in lay.doubts)


def ff_imported(pages: list[list[str]]):
    return imported("".join("\n".join(p) + "\n\f" for p in pages))


def test_a_line_at_a_page_top_under_dot_leaders_or_wrapped_at_the_measure_is_no_heading() -> None:
    table = "Pflanzen hatten: 38 runde gelbe Samen .............. AB 65 runde gelbe Samen ......."
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5), "", f"Unter den übrigen {FULL[18:]}", table]
    p2 = ["AaB 138 runde gelbe und grüne Samen AaBb", "", *body(5, first="Weiter", end="und die Werte sind folgende:")]
    # A line that ends only because the next word did not fit, above a full line, at the top of a page.
    opening = "1. Versuch. Gestalt der Samen. Von 253 Hybriden wurden hier im zweiten und dritten"
    assert len(opening) + len(" Versuchsjahre") > len(FULL)
    p3 = [opening, "Versuchsjahre " + FULL[:70], *body(4, first="Noch")]
    tei, _ = ff_imported([p1, p2, p3])
    assert tei.find(".//tei:body//tei:head", NS) is None


def test_a_roman_numeral_is_no_word_in_capitals() -> None:
    from edition.importer.blocks import is_caps

    assert not is_caps("XXVII. 142.)") and not is_caps("(Dante Purg. XXVII. 142.)")
    assert is_caps("KROPOTKIN UND CHÁVEZ") and is_caps("II. DIE KRITIK")


def test_per_page_stars_count_as_far_as_the_page_needs() -> None:
    marks = " ".join(f"Satz{'*' * k})" for k in range(1, 7))
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5, end=f"und sechs Noten: {marks}"), "",
          *(f"{'*' * k}) Note {k}." for k in range(1, 7))]
    tei, _ = ff_imported([p1])
    notes = [(n.get("n"), n.xpath("string()")) for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == [(str(k), f"Note {k}.") for k in range(1, 7)]


def test_an_indented_paragraph_opening_a_page_is_no_heading_where_its_indent_filled_the_measure() -> None:
    # pdftotext -layout: paragraphs open with an indent, a block quotation is indented on every line.
    def para(k: int) -> list[str]:
        return ["    Ein Absatz beginnt hier " + FULL[28:], FULL, f"und endet mit dem {('ersten', 'zweiten', 'dritten', 'vierten', 'fünften')[k - 1]} Satz."]

    quote = ["    Ein Zitat in eigener Breite, das über", "    zwei Zeilen geht und endet."]
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para(1), *para(2), *quote, *para(3), *para(4)]
    opening = "    Lenins Parteikonzept hatte zwar die aktivsten Sozialdemokraten der Partei ein"
    # Without its indent the next word would have fitted the line: with it, it did not.
    assert len(opening.strip()) + len(" Bolschewiki") <= len(FULL) < len(opening) + len(" Bolschewiki")
    p2 = [opening, "Bolschewiki " + FULL[12:], "und endet hier.", *para(5)]
    tei, _ = ff_imported([p1, p2])
    assert tei.find(".//tei:body//tei:head", NS) is None
    starts = [p.xpath("string()").split()[0] for p in tei.iterfind(".//tei:body//tei:p", NS)]
    assert starts.count("Lenins") == 1 and starts[-2:] == ["Lenins", "Ein"]


def test_a_double_spaced_note_goes_on_atop_the_next_page_foot_where_the_text_loses_no_labels() -> None:
    def page(body_lines: list[str], foot: list[str]) -> str:
        return "".join(x + "\n\n" for x in body_lines) + "".join(x + "\n" for x in [" " * 30, *foot])

    p1 = page(["Ein kurzer Versuch", "von Erika Muster", " ", *body(8, end="mit der ersten Marke.1")], ["1 Die erste Note steht in einem Buch."])
    p2 = page(body(8, first="Weiter", end="mit der zweiten Marke.2"), ["Erschienen in Berlin 1986.", "2 Die zweite Note."])
    p3 = page(body(8, first="Noch", end="mit der dritten Marke.3"), ["3 Die dritte Note."])
    tei, report = imported(p1 + " " + p2 + " " + p3)
    notes = [(n.get("n"), n.xpath("string()")) for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == [("1", "Die erste Note steht in einem Buch. Erschienen in Berlin 1986."), ("2", "Die zweite Note."), ("3", "Die dritte Note.")]
    assert any("taken as the rest of note 1" in d for d in report.doubts)


def test_two_short_lines_alone_that_join_clauses_with_a_semicolon_are_no_heading() -> None:
    saying = ["Man muss die Zeilen zählen, ehe man sie deuten kann; wer nur auf die", "einzelne Zeile sieht, hält jede kurze Zeile für eine Überschrift."]
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5), "", *saying, "", "Zwei kurze Zeilen ohne Punkt", "als Überschrift", "", *body(5, first="Weiter")]
    tei, _ = ff_imported([p1])
    assert [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)] == ["Zwei kurze Zeilen ohne Punkt als Überschrift"]


def test_a_page_top_line_in_lower_case_that_ends_in_a_marker_goes_on_with_the_sentence() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5), "", f"Weiter {FULL[7:]}", "dass die Partei die Kommunalräte (Consejos Comunales)"]
    p2 = ["in dieser Weise beherrscht und damit zugrunde richtet.1", *body(5, first="Solche"), "", "1 Die Note."]
    tei, _ = ff_imported([p1, p2])
    assert tei.find(".//tei:body//tei:head", NS) is None
    assert tei.findtext(".//tei:note[@n='1']", namespaces=NS) == "Die Note."


def test_lines_over_a_label_atop_a_foot_continue_the_note_before_though_it_looked_finished() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(5, end="mit dem Zitat.*)"), "", '*) „Die Diktatur einer Handvoll Politiker."']
    p2 = [*body(5, first="Weiter", end="mit der zweiten Marke.*)"), "", "Luxemburg, Die russische Revolution, 1922.", "*) Die zweite Note."]
    tei, _ = ff_imported([p1, p2])
    notes = [n.xpath("string()") for n in tei.iterfind(".//tei:text//tei:note", NS)]
    assert notes == ['„Die Diktatur einer Handvoll Politiker." Luxemburg, Die russische Revolution, 1922.', "Die zweite Note."]
    assert tei.find(".//tei:body//tei:head", NS) is None
