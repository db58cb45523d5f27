"""Lists set with dashes, and a title page whose place and year are no text."""

from __future__ import annotations

from edition.xmlio import NS
from probe_support import FULL, imported


def test_lines_opened_by_dashes_after_a_colon_are_a_list_and_a_dash_in_prose_is_none() -> None:
    body = [f"Der Text {FULL[9:]}", FULL, "und zählt die Punkte auf:", "– ob jede Fußnote an ihrer Stelle steht und",
            "ihren ganzen Text hat;", "– ob kein Wort verloren ging.", "", f"Ein Satz {FULL[9:]}", "und geht weiter",
            "– analog zu dem, was oben stand – bis zum Ende.", "", "Der letzte Absatz steht hier."]
    tei, report = imported([["Ein kurzer Versuch", "", "von Erika Muster", "", *body]])
    items = [i.xpath("string()") for i in tei.iterfind(".//tei:body//tei:list/tei:item", NS)]
    assert items == ["ob jede Fußnote an ihrer Stelle steht und ihren ganzen Text hat;", "ob kein Wort verloren ging."]
    assert any("– analog zu dem" in p.xpath("string()") for p in tei.iterfind(".//tei:body//tei:p", NS))
    assert report.list_items == 2


def test_an_item_that_wraps_after_an_abbreviation_stays_in_its_list() -> None:
    body = [f"Der Text {FULL[9:]}", "und unterscheidet:", "– a) Werke der Formgebung (künstlerische, technische u. s.", "w.).",
            "– b) Zustände der Sitten.", "", "Der letzte Absatz steht hier."]
    tei, _ = imported([["Ein kurzer Versuch", "", "von Erika Muster", "", *body]])
    items = [i.xpath("string()") for i in tei.iterfind(".//tei:body//tei:list/tei:item", NS)]
    assert items == ["a) Werke der Formgebung (künstlerische, technische u. s. w.).", "b) Zustände der Sitten."]


def test_a_title_pages_place_and_year_stay_out_of_the_text_and_go_to_the_header() -> None:
    title_page = ["Ein kurzer Versuch", "", "von Erika Muster", "", "Leipzig, 1868"]
    text = [f"Der Text {FULL[9:]}", FULL, "und endet hier.", "", f"Noch ein Absatz {FULL[16:]}", "und auch er endet."]
    tei, report = imported([title_page, text])
    body = tei.find(".//tei:text", NS).xpath("string()")
    assert "Leipzig" not in body and "1868" not in body
    assert tei.find(".//tei:sourceDesc//tei:note[@type='titlePage']", NS).text == "Leipzig, 1868"
    assert "line 5: 'Leipzig, 1868' on the title page kept out of the text" in "\n".join(report.doubts)
    assert "title page (1 more lines)" in report.format()


def test_a_heading_at_the_foot_of_the_first_page_is_no_title_page() -> None:
    # Pushed to the page's foot, the first heading stands alone under the title too, but names no year.
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", "Vom Blatt zur Datei"]
    tei, _ = imported([p1, [f"Der Text {FULL[9:]}", FULL, "und endet hier."]])
    assert [h.text for h in tei.iterfind(".//tei:body//tei:head", NS)] == ["Vom Blatt zur Datei"]


def test_a_table_of_contents_is_left_out_of_the_text_and_reported() -> None:
    toc = ["Inhalt", "Vom Blatt zur Datei . . . . . . . . . . . . . . 5", "Seitenzahlen und lebende",
           "Kolumnentitel . . . . . . . . . . . . . . . . . . 7", "Was eine Prüfung leisten soll . . . . . . . 9"]
    text = [f"Der Text {FULL[9:]}", FULL, "und endet hier.", "", "Ein Rest mit Punkten .......... wie in einer Tabelle", "und noch ein Satz."]
    tei, report = imported([["Ein kurzer Versuch", "", "von Erika Muster"], toc, text])
    body = tei.find(".//tei:body", NS).xpath("string()")
    assert "Kolumnentitel" not in body and "Prüfung" not in body
    assert "Punkten" in body  # leaders without a page number are no contents
    assert "lines 5–8: 4 lines of a table of contents left out (dot leaders and page numbers)" in report.doubts
