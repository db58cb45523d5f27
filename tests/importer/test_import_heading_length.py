"""How long a heading that ends like a sentence may be comes from the text: its sentences and its numbered headings."""

from __future__ import annotations

from test_import_evidence import imported

from edition.xmlio import NS

SENTENCE = "Ein Satz des Textes hat hier achtzehn Wörter, wie es in einer Abhandlung dieser Art gewöhnlich der Fall ist."


def para(n: int, width: int = 90) -> list[str]:
    """``n`` sentences wrapped greedily at ``width``."""
    words = " ".join([SENTENCE] * n).split()
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def heads(lines: list[str]) -> list[str]:
    tei, _ = imported([["Ein kurzer Versuch", "", "von Erika Muster", "", *lines]])
    return [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)]


def test_a_sentence_alone_longer_than_a_third_of_the_typical_sentence_is_a_paragraph() -> None:
    lines = [*para(3), "", "Kurze Titel sind Überschriften.", "", *para(3), "", "Dieser Satz steht allein und ist doch kein Titel.", "", *para(2)]
    assert heads(lines) == ["Kurze Titel sind Überschriften."]  # 4 words: under 18 / 3; 9 words: over


def test_after_a_heading_a_line_as_long_as_the_numbered_headings_is_a_heading() -> None:
    sub = "Erhebung der Geschichte zum Rang einer Wissenschaft."  # 7 words, more than 18 / 3
    lines = [
        "I. Die geschichtliche Arbeit nach ihren Stoffen.", "", *para(3), "",
        "Beilagen.", "", sub, "", *para(3), "", sub, "", *para(2),
    ]
    assert heads(lines) == ["I. Die geschichtliche Arbeit nach ihren Stoffen.", "Beilagen.", sub]  # the second one follows a paragraph


def test_a_page_top_line_that_ends_the_sentence_of_a_wrapped_line_above_is_no_heading() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para(4, 68), "", "Endlich jede monumentale Bezeichnung bis zum Grenzstein, bis zu den"]
    p2 = ["Titeln, Wappen und Namen herab.", "", *para(3, 68)]
    tei, _ = imported([p1, p2])
    assert [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)] == []
    texts = [p.xpath("string()") for p in tei.iterfind(".//tei:body//tei:p", NS)]
    assert "Endlich jede monumentale Bezeichnung bis zum Grenzstein, bis zu den Titeln, Wappen und Namen herab." in texts


def test_a_line_atop_a_page_that_opens_an_enumeration_is_no_heading() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para(3)]
    p2 = ["Die Versuchspflanzen müssen nothwendig", "", "1. Constant differirende Merkmale besitzen.", "",
          "2. Die Hybriden derselben müssen geschützt sein.", "", *para(2)]
    tei, _ = imported([p1, p2])
    assert [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)] == []


def test_a_short_line_at_a_page_foot_whose_sentence_goes_on_in_lower_case_is_no_heading() -> None:
    p1 = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para(3), "", "Trotzki, der von Parvus beeinflusst war und eine Fraktion"]
    p2 = ["zwischen Menschewiki und Bolschewiki anführte, kritisierte Lenins Position heftig.", "", *para(2)]
    tei, _ = imported([p1, p2])
    assert [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)] == []


def test_two_lines_alone_whose_first_ends_at_the_measure_are_a_paragraph() -> None:
    # The first line is short of the full lines, but the next word would not have fitted the measure.
    first = "Aus der Befruchtung zwischen den möglichen Keim- und Pollenzellen mussten"
    lines = ["Ein kurzer Versuch", "", "von Erika Muster", "", *para(3), "", first, "hervorgegangene Verbindungen entstehen, nämlich vier.", "", *para(2)]
    tei, _ = imported([lines])
    assert [h.xpath("string()") for h in tei.iterfind(".//tei:body//tei:head", NS)] == []
