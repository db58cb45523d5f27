"""The German date grammar: every form the encoding guide names."""

from __future__ import annotations

from datetime import date

import pytest

from edition.annotate.dates import Context, find_dates, grammar
from edition.annotate.julian import julian_to_gregorian

RUSSIA = date(1918, 2, 14)  # the first Gregorian day in Russia
JULIAN = {"julian_default": True, "calendar_ref": "#t-julian", "switch": RUSSIA}


def tagged(text: str, **ctx) -> list[tuple[str, dict[str, str]]]:
    found, _ = find_dates(text, Context(**ctx))
    return [(text[d.start : d.end], d.attrs) for d in found]


def issues(text: str, **ctx) -> list[tuple[str, str]]:
    _, found = find_dates(text, Context(**ctx))
    return [(text[i.start : i.end], i.why) for i in found]


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        ("am 27. August 1917", "27. August 1917", {"when": "1917-08-27"}),
        ("am 3.Juli 1917", "3.Juli 1917", {"when": "1917-07-03"}),
        ("am 27.8.1917", "27.8.1917", {"when": "1917-08-27"}),
        ("am 07.11.1917", "07.11.1917", {"when": "1917-11-07"}),
        ("im Februar 1917", "Februar 1917", {"when": "1917-02"}),
        ("seit 1900 im Exil", "seit 1900", {"from": "1900"}),
        ("Um 1900 gab es", "1900", {"when": "1900"}),
        ("1918–1922", "1918–1922", {"from": "1918", "to": "1922"}),
        ("1918-1922", "1918-1922", {"from": "1918", "to": "1922"}),
        ("von 1918 bis 1922", "von 1918 bis 1922", {"from": "1918", "to": "1922"}),
        ("zwischen 1918 und 1922", "zwischen 1918 und 1922", {"from": "1918", "to": "1922"}),
        ("Revolution von 1925-27", "von 1925-27", {"from": "1925", "to": "1927"}),
        ("Nikolaus I. (bis 1855)", "bis 1855", {"to": "1855"}),
        ("ab 1901 Lenin", "ab 1901", {"from": "1901"}),
        ("1925/26", "1925/26", {"from": "1925", "to": "1926"}),
        ("der 1920er Jahre", "der 1920er Jahre", {"notBefore": "1920-01-01", "notAfter": "1929-12-31"}),
        ("im 19. Jahrhundert", "19. Jahrhundert", {"notBefore": "1801-01-01", "notAfter": "1900-12-31"}),
        ("im 20. Jahrhunderts", "20. Jahrhunderts", {"notBefore": "1901-01-01", "notAfter": "2000-12-31"}),
        ("Anfang des 20. Jahrhunderts", "Anfang des 20. Jahrhunderts", {"notBefore": "1901-01-01", "notAfter": "1933-12-31"}),
        ("Frühjahr 1918", "Frühjahr 1918", {"notBefore": "1918-03-01", "notAfter": "1918-05-31"}),
        ("im Frühsommer 1921", "Frühsommer 1921", {"notBefore": "1921-06-01", "notAfter": "1921-07-15"}),
        ("im Winter 1917/18", "Winter 1917/18", {"notBefore": "1917-12-01", "notAfter": "1918-02-28"}),
        ("Anfang 1918", "Anfang 1918", {"notBefore": "1918-01-01", "notAfter": "1918-04-30"}),
        ("Mitte des Jahres 1918", "Mitte des Jahres 1918", {"notBefore": "1918-05-01", "notAfter": "1918-08-31"}),
        ("Ende 1920", "Ende 1920", {"notBefore": "1920-09-01", "notAfter": "1920-12-31"}),
        ("Mitte Januar 1918", "Mitte Januar 1918", {"notBefore": "1918-01-11", "notAfter": "1918-01-20"}),
        ("Anfang Juli 1918", "Anfang Juli 1918", {"notBefore": "1918-07-01", "notAfter": "1918-07-10"}),
        ("Ende Februar 1920", "Ende Februar 1920", {"notBefore": "1920-02-21", "notAfter": "1920-02-29"}),
        ("die 1905er Revolution", "1905er", {"when": "1905"}),
    ],
)
def test_date_forms(text, span, attrs):
    assert tagged(text) == [(span, attrs)]


def test_two_dates_side_by_side():
    assert [s for s, _ in tagged("Ende 1927/Anfang 1928 leitete")] == ["Ende 1927", "Anfang 1928"]


@pytest.mark.parametrize(
    ("text", "ctx_year", "attrs"),
    [
        ("in den 90er Jahren", 1895, {"notBefore": "1890-01-01", "notAfter": "1899-12-31", "cert": "medium"}),
        ("Anfang der 90er Jahre", 1951, {"notBefore": "1990-01-01", "notAfter": "1993-12-31", "cert": "medium"}),
        ("Mitte der 20er Jahre", 1928, {"notBefore": "1924-01-01", "notAfter": "1926-12-31", "cert": "medium"}),
        ("Ende der 20er Jahre", 1928, {"notBefore": "1927-01-01", "notAfter": "1929-12-31", "cert": "medium"}),
        ("am 25. Oktober", 1917, {"when": "1917-10-25", "cert": "medium"}),
        ("im Herbst", 1917, {"notBefore": "1917-09-01", "notAfter": "1917-11-30", "cert": "medium"}),
        ("im Mai", 1918, {"when": "1918-05", "cert": "medium"}),
    ],
)
def test_century_or_year_from_context(text, ctx_year, attrs):
    assert [a for _, a in tagged(text, year=ctx_year)] == [attrs]


def test_year_context_follows_the_text():
    found = tagged("Am 3. April 1917 kam er an, am 7. April sprach er. 1918 folgte am 1. Mai der Umzug.")
    assert [a["when"] for _, a in found] == ["1917-04-03", "1917-04-07", "1918", "1918-05-01"]


@pytest.mark.parametrize(
    "text",
    ["in den 90er Jahren", "am 25. Oktober", "im Herbst"],
)
def test_without_context_nothing_is_guessed(text):
    assert tagged(text) == []
    assert issues(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("der 48er Revolution", "century unknown"),
        ("über 1500 Mann", "quantity"),
        ("im Winter 1917", "winter"),
        ("am 31. Februar 1917", "no such day"),
    ],
)
def test_unclear_numbers_are_reported(text, reason):
    assert tagged(text) == []
    assert any(reason in why for _, why in issues(text))


@pytest.mark.parametrize(
    "text",
    ["der 12-Stunden-Tag", "90.000 Arbeiterinnen", "3.000 Herrenhäuser", "700%", "15 %", "S. 1917", "der 10. Parteitag",
     "August Bebel", "der Mainzer Sommer", "Nikolaus II."],
)
def test_non_dates_stay_untagged(text):
    assert tagged(text, year=1917) == []


def test_julian_by_text_remark():
    found = tagged("Am 23. Februar 1917 (nach altem Kalender) begann es.", calendar_ref="#t-julian")  # no switch needed
    assert found == [(
        "23. Februar 1917",
        {"calendar": "#t-julian", "datingMethod": "#t-julian", "when-custom": "1917-02-23", "when": "1917-03-08"},
    )]


def test_julian_by_header_until_the_switch():
    found = tagged("Am 25. Oktober 1917 und am 31. Januar 1918, dann am 1. Februar 1918.", **JULIAN)
    assert [a.get("when-custom") for _, a in found] == ["1917-10-25", "1918-01-31", None]
    assert [a["when"] for _, a in found] == ["1917-11-07", "1918-02-13", "1918-02-01"]


def test_new_style_remark_overrides_header():
    found = tagged("am 7. November 1917 (neuen Stils)", **JULIAN)
    assert found == [("7. November 1917", {"when": "1917-11-07"})]


def test_julian_without_declaration_is_reported_not_tagged():
    assert tagged("Am 23. Februar 1917 (nach altem Kalender)") == []
    assert "declares no Julian calendar" in issues("Am 23. Februar 1917 (nach altem Kalender)")[0][1]


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [((1918, 1, 31), "1918-02-13"), ((1917, 10, 25), "1917-11-07"), ((1900, 2, 29), "1900-03-13"), ((1900, 3, 1), "1900-03-14"), ((1582, 10, 5), "1582-10-15")],
)
def test_julian_conversion(julian, gregorian):
    assert julian_to_gregorian(*julian).isoformat() == gregorian


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        ("zu Beginn der 1930er Jahre", "Beginn der 1930er Jahre", {"notBefore": "1930-01-01", "notAfter": "1933-12-31"}),
        ("in den frühen 1930er Jahren", "in den frühen 1930er Jahren", {"notBefore": "1930-01-01", "notAfter": "1933-12-31"}),
        ("in den späten 1920er Jahren", "in den späten 1920er Jahren", {"notBefore": "1927-01-01", "notAfter": "1929-12-31"}),
        ("Beginn 1919", "Beginn 1919", {"notBefore": "1919-01-01", "notAfter": "1919-04-30"}),
    ],
)
def test_synonyms_of_the_qualifiers(text, span, attrs):
    assert tagged(text) == [(span, attrs)]


def test_julian_third_of_a_month_keeps_printed_span_beside_gregorian():
    found = tagged("Ende September 1917", **JULIAN)
    assert found == [("Ende September 1917", {
        "calendar": "#t-julian", "datingMethod": "#t-julian",
        "notBefore-custom": "1917-09-21", "notAfter-custom": "1917-09-30",
        "notBefore": "1917-10-04", "notAfter": "1917-10-13",
    })]
    # after the switch the same phrase is plain Gregorian
    assert tagged("Ende September 1918", **JULIAN) == [
        ("Ende September 1918", {"notBefore": "1918-09-21", "notAfter": "1918-09-30"})
    ]


def test_gregorian_without_any_declaration():
    assert tagged("Am 18. März 1848 kämpften sie.") == [("18. März 1848", {"when": "1848-03-18"})]


def test_julian_default_needs_a_switch():
    assert tagged("am 18. März 1848", julian_default=True, calendar_ref="#t-julian") == []
    assert "no switch date" in issues("am 18. März 1848", julian_default=True, calendar_ref="#t-julian")[0][1]


def test_another_switch_another_boundary():
    """Great Britain: Wednesday 2 September 1752 (Julian) was followed by Thursday 14 September (Gregorian)."""
    ctx = {"julian_default": True, "calendar_ref": "#t-julian", "switch": date(1752, 9, 14)}
    found = tagged("am 2. September 1752, am 14. September 1752", **ctx)
    assert [a["when"] for _, a in found] == ["1752-09-13", "1752-09-14"]
    assert "when-custom" not in found[1][1]


EN = grammar("en")


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        ("on 18 March 1848", "18 March 1848", {"when": "1848-03-18"}),
        ("on 18th March 1848", "18th March 1848", {"when": "1848-03-18"}),
        ("on March 18, 1848", "March 18, 1848", {"when": "1848-03-18"}),
        ("on March 18th 1848", "March 18th 1848", {"when": "1848-03-18"}),
        ("in March 1848", "March 1848", {"when": "1848-03"}),
        ("mid-March 1848", "mid-March 1848", {"notBefore": "1848-03-11", "notAfter": "1848-03-20"}),
        ("late 1848", "late 1848", {"notBefore": "1848-09-01", "notAfter": "1848-12-31"}),
        ("in the winter 1847/48", "winter 1847/48", {"notBefore": "1847-12-01", "notAfter": "1848-02-29"}),
        ("spring of 1848", "spring of 1848", {"notBefore": "1848-03-01", "notAfter": "1848-05-31"}),
        ("the 19th century", "19th century", {"notBefore": "1801-01-01", "notAfter": "1900-12-31"}),
        ("from 1848 to 1850", "from 1848 to 1850", {"from": "1848", "to": "1850"}),
        ("between 1848 and 1850", "between 1848 and 1850", {"from": "1848", "to": "1850"}),
        ("until 1850", "until 1850", {"to": "1850"}),
        ("since 1848", "since 1848", {"from": "1848"}),
    ],
)
def test_english_forms(text, span, attrs):
    assert tagged(text, grammar=EN) == [(span, attrs)]


def test_english_context_remarks_and_non_dates():
    assert tagged("on March 19 they met", year=1848, grammar=EN) == [("March 19", {"when": "1848-03-19", "cert": "medium"})]
    assert tagged("p. 1848, 1500 men, May we", year=1848, grammar=EN) == []
    julian = {"julian_default": False, "calendar_ref": "#t-julian", "grammar": EN}
    assert tagged("on 7 November 1917 (O.S.)", **julian)[0][1]["when"] == "1917-11-20"


def test_edition_words_extend_the_language():
    text = "1500 Werst, S. 1917, Bl. 1918"
    assert [s for s, _ in tagged(text)] == ["1500", "1918"]
    extended = grammar("de", ("Werst",), ("Bl.",))
    assert tagged(text, grammar=extended) == []
    assert issues(text, grammar=extended) == [("1500", "a quantity?")]
    assert grammar("de").units >= {"Mann", "Prozent", "km"} and not grammar("de").units & {"Werst", "Pud", "Rubel", "Pesos"}
