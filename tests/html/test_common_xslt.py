"""Unit tests of the shared XSLT modules (xslt/common/) over small TEI fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.xmlio import parse_bytes
from edition.xslt import transform

from html_support import SAMPLE

EVAL = Path(__file__).with_name("eval.xsl")
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def evaluate(expr: str, xml: str | None = None) -> list[str]:
    """Evaluate ``expr`` (functions of xslt/common in scope) on ``xml`` or the sample essay."""
    source = parse_bytes(xml.encode(), "unit.xml") if xml else parse_bytes((SAMPLE / "tei/essays/sample.xml").read_bytes())
    out = transform(EVAL, source, {"expr": expr})
    return out.split("\n") if out else []


@pytest.mark.parametrize(
    ("iso", "german"),
    [("1917", "1917"), ("1917-02", "Februar 1917"), ("1917-02-03", "3. Februar 1917"), ("1924-12-31", "31. Dezember 1924")],
)
def test_iso_dates_in_german(iso: str, german: str) -> None:
    assert evaluate(f'ed:iso-de("{iso}")') == [german]


@pytest.mark.parametrize(
    ("attrs", "normalised", "key"),
    [
        ('when="1917-09"', "September 1917", "1917-09"),
        ('from="1918" to="1922"', "1918–1922", "1918"),
        ('notBefore="1990-01-01" notAfter="1999-12-31"', "1990–1999", "1990-01-01"),
        ('notAfter="1920"', "spätestens 1920", "1920"),
        ('when="1917-11-07" when-custom="1917-10-25" calendar="#x-julian" datingMethod="#x-julian"',
         "25. Oktober / 7. November 1917", "1917-11-07"),
        ('when="1905" cert="medium"', "1905 (erschlossen)", "1905"),
        ('notBefore="1918-01-14" notAfter="1918-01-23" notBefore-custom="1918-01-01" notAfter-custom="1918-01-10"',
         "1.–10. Januar / 14.–23. Januar 1918",
         "1918-01-14"),
    ],
)
def test_date_normalisation_and_sort_key(attrs: str, normalised: str, key: str) -> None:
    xml = f"<date {TEI} {attrs}>so gedruckt</date>"
    assert evaluate("ed:date-label(/*), ed:date-sort-key(/*)", xml) == [normalised, key]


def test_undated_date_has_no_value() -> None:
    assert evaluate("count((ed:date-label(/*), ed:date-sort-key(/*)))", f"<date {TEI}>damals</date>") == ["0"]


def test_person_names_and_life_dates() -> None:
    register = (SAMPLE / "tei/register/persons.xml").read_text(encoding="utf-8")
    expr = ("//tei:person ! (ed:person-name(.), ed:person-sort-name(.), ed:life-dates(.), ed:person-description(.)),"
            " ed:person('psn:lenin-wladimir', /)/@xml:id, count(ed:person('psn:niemand', /))")
    assert evaluate(expr, register) == [
        "Wladimir Iljitsch Lenin", "Lenin, Wladimir Iljitsch", "22. April 1870 – 21. Januar 1924",
        "russischer Revolutionär, Vorsitzender des Rats der Volkskommissare",
        "Max Muster", "Muster, Max", "* 1951", "fiktiver Autor der Beispieledition",
        "lenin-wladimir", "0",
    ]


def test_authority_links_come_only_from_idno() -> None:
    person = f"""<listPerson {TEI}><person xml:id="a-b"><persName type="reg">A</persName>
      <idno type="wikidata">Q42</idno><idno type="GND">118540238</idno></person>
      <person xml:id="c-d"><persName type="reg">C</persName></person></listPerson>"""
    assert evaluate("//tei:person ! (ed:authority-links(.) ! (?label || ' ' || ?url)), '-'", person) == [
        "Wikidata Q42 https://www.wikidata.org/wiki/Q42", "GND 118540238 https://d-nb.info/gnd/118540238", "-"]


def test_paragraph_anchors_follow_structure_and_xml_id() -> None:
    xml = f"""<TEI {TEI}><teiHeader><profileDesc><abstract><p>nicht gezählt</p></abstract></profileDesc></teiHeader>
      <text><body><div><head>A</head><p>eins<note place="foot" n="1">kein <p>Absatz</p></note></p>
        <list><item>zwei</item></list><div><head>B</head><p xml:id="x-eigen">drei</p><p>vier</p></div></div>
        <div><p>fünf</p></div></body></text></TEI>"""
    assert evaluate("//(tei:p | tei:list)[ed:is-numbered(.)] ! (ed:anchor(.) || ' ' || ed:place-label(.))", xml) == [
        "abs1 Abs. 1", "abs2 Abs. 2", "x-eigen Abs. 3", "abs4 Abs. 4", "abs5 Abs. 5"]
    assert evaluate("//tei:div ! ed:anchor(.)", xml) == ["abschnitt-1", "abschnitt-1-1", "abschnitt-2"]


def test_places_of_mentions() -> None:
    expr = "//tei:text//tei:persName ! (ed:anchor(ed:place(.)) || '|' || ed:place-label(ed:place(.)))"
    assert evaluate(expr) == ["abs1|Abs. 1", "abs2|Abs. 2", "anm2|Anm. 2", "abs3|Abs. 3"]


def test_page_break_and_title_anchors() -> None:
    assert evaluate("//tei:pb ! ed:anchor(.), ed:anchor(//tei:docTitle), ed:anchor(//tei:closer)") == [
        "s1", "s2", "titel", "vorspann-1-schluss"]


def test_lost_notes_are_recognised() -> None:
    assert evaluate("ed:footnotes(/tei:TEI) ! (ed:note-number(.) || ' ' || ed:note-is-lost(.))") == ["1 true", "2 false"]


def test_unknown_label_is_an_error() -> None:
    from edition.xslt import XsltError

    with pytest.raises(XsltError, match="unknown label: nope"):
        evaluate("ed:label('nope')")
