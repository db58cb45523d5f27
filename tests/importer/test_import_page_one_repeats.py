"""Readings that compete at a title page and after separator lines."""

from __future__ import annotations

import importgen as G
from importscore import meta_for, score
from test_import_evidence import body, imported

from edition.importer.pipeline import run
from edition.importer.source import parse_source
from edition.xmlio import NS

HABITS = {h.name: h for h in G.HABITS}


def heads(tei) -> list[str]:
    return [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)]


WORDS = ("Weiter", "Noch", "Dann", "Ferner", "Zuletzt", "Endlich")


def page(k: int) -> list[str]:
    return body(6, first=WORDS[k], end=f"und endet {WORDS[k].lower()} mit einem Satz.")


def test_the_title_repeated_atop_one_of_several_later_pages_is_a_heading() -> None:
    title_page = ["Ein kurzer Versuch", "", "von Erika Muster"]
    pages = [title_page, ["Ein kurzer Versuch", "", *page(0)]] + [page(k) for k in range(1, 6)]
    tei, _ = imported(pages)
    assert heads(tei) == ["Ein kurzer Versuch"]


def test_the_title_atop_every_later_page_is_a_running_head() -> None:
    pages = [["Ein kurzer Versuch", "", "von Erika Muster", "", *page(0)]] + [["Ein kurzer Versuch", *page(k)] for k in range(1, 3)]
    tei, report = imported(pages)
    assert heads(tei) == [] and "running heads/feet dropped (ein kurzer versuch)" in report.format()


def test_a_bulleted_or_parenthesised_line_after_a_separator_is_no_heading() -> None:
    lines = ["Ein kurzer Versuch", "", "von Erika Muster", "", *body(4), " ", "(Vorgelegt in der Sitzung vom 8. März 1865.)", "", *body(4, first="Weiter")]
    tei, _ = imported([lines])
    assert heads(tei) == []
    assert "(Vorgelegt in der Sitzung vom 8. März 1865.)" in [p.xpath("string()") for p in tei.iterfind(".//tei:body//tei:p", NS)]



def test_a_line_after_a_heading_that_ends_for_want_of_room_opens_a_paragraph() -> None:
    # Double-spaced: "Die neue Regierung wollte die Rolle der Arbeiter zunächst auf die" under a heading,
    # the next word ("Arbeiterkontrolle") too long for the line, a full hyphenated line below.
    x = G.generate(G.ROOT / "editions" / "russische-revolution" / "texts" / "dallmer-oktoberumsturz.xml", HABITS["double-space"], 1002)
    assert "Die neue Regierung wollte die Rolle der Arbeiter zunächst auf die\n" in x.text
    data, _ = run(parse_source(x.text.encode(), "x.txt"), meta_for(x))
    assert score(data, x.key).heads_exact


def test_the_author_with_a_page_number_at_the_foot_of_a_later_page_is_a_running_foot() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *page(0), "1"]
    p2 = [*page(1), "", "Berlin, im März 2026", "", "Erika Muster", "", "Erika Muster   2"]
    tei, report = imported([p1, p2])
    assert tei.findtext(".//tei:closer/tei:signed", namespaces=NS) == "Erika Muster"
    assert "Erika Muster" not in "".join(tei.find(".//tei:body", NS).xpath(".//text()[not(ancestor::tei:closer)]", namespaces=NS))
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["1", "2"]


def test_a_signature_alone_atop_the_last_page_is_no_running_head_of_the_running_feet() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *page(0), "3"]
    p2 = [*page(1), "Erika Muster   4"]
    p3 = [*page(2), "", "Berlin, im März 2026", "Erika Muster   5"]
    p4 = ["Erika Muster", "Erika Muster   6"]
    tei, _ = imported([p1, p2, p3, p4])
    assert tei.findtext(".//tei:closer/tei:signed", namespaces=NS) == "Erika Muster"
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["3", "4", "5", "6"]


def test_a_wrapped_heading_whose_second_line_is_longer_stays_one_heading() -> None:
    # Double-spaced: "Dem 10. Parteitag entgegen! Niederlage der" / "Arbeiteropposition und Neue Ökonomische Politik":
    # the long word did not fit the first line.
    x = G.generate(G.ROOT / "editions" / "russische-revolution" / "texts" / "dallmer-oktoberumsturz.xml", HABITS["double-space"], 2052)
    assert "Dem 10. Parteitag entgegen! Niederlage der\n" in x.text
    data, _ = run(parse_source(x.text.encode(), "x.txt"), meta_for(x))
    assert score(data, x.key).heads_exact
