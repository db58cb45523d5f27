"""The date formatter (xslt/common/dates.xsl, ed:date-label) on every date form of the bundled
essays, in German and English: each label is read back into the days it covers and must cover
exactly the days the encoding says (Gregorian and, where given, Julian), said at the coarsest
precision that does so (no day where whole months are meant, no month where whole years are),
and in the reading text's tooltips and the chronology the same label appears."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from edition.xmlio import NS, parse_bytes
from edition.xslt import transform

EVAL = Path(__file__).with_name("eval.xsl")
TEXTS = Path(__file__).resolve().parents[2] / "editions" / "russische-revolution" / "texts"
TEI = NS["tei"]
ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

#: The words of a label, per language: month names, the open-span prefixes, "inferred".
MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
PREFIXES = {
    "de": {"ab ": "from", "bis ": "to", "frühestens ": "notBefore", "spätestens ": "notAfter"},
    "en": {"from ": "from", "until ": "to", "not before ": "notBefore", "not after ": "notAfter"},
}
INFERRED = {"de": " (erschlossen)", "en": " (inferred)"}

Parts = dict[str, int]
Days = tuple[dt.date | None, dt.date | None]


def essay_date_forms() -> list[dict[str, str]]:
    """Every distinct attribute set of a date in the bundled essays' texts."""
    forms: dict[tuple, dict[str, str]] = {}
    for path in sorted(TEXTS.glob("*.xml")):
        for d in etree.parse(str(path)).getroot().iterfind("tei:text//tei:date", NS):
            attrs = {k: v for k, v in d.attrib.items() if "}" not in k}
            forms.setdefault(tuple(sorted(attrs.items())), attrs)
    return list(forms.values())


def _dates_document(forms: list[dict[str, str]]) -> bytes:
    dates = "".join(
        "<date " + " ".join(f'{k}="{v}"' for k, v in sorted(f.items())) + ">gedruckt</date>" for f in forms
    )
    return f'<list xmlns="{TEI}">{dates}</list>'.encode()


@cache
def labels(language: str) -> tuple[str, ...]:
    """ed:date-label of every essay date form, in the order of essay_date_forms()."""
    source = parse_bytes(_dates_document(essay_date_forms()), "dates.xml")
    out = transform(EVAL, source, {"expr": f"//tei:date ! ed:date-label(., '{language}')"})
    return tuple(out.split("\n"))


def label_of(attrs: str, language: str) -> str:
    source = parse_bytes(f'<date xmlns="{TEI}" {attrs}>gedruckt</date>'.encode(), "date.xml")
    return transform(EVAL, source, {"expr": f"ed:date-label(/*, '{language}')"})


# ---- reading a label back -------------------------------------------------------------------

def _single(text: str, language: str) -> Parts:
    """ "23. Februar 1917", "Februar 1917", "1917", or a part of them ("23.", "Februar", "23")."""
    parts: Parts = {}
    for word in text.split():
        if word.rstrip(".").isdigit() and len(word.rstrip(".")) == 4 and not word.endswith("."):
            parts["y"] = int(word)
        elif word.rstrip(".").isdigit():
            assert word.endswith(".") == (language == "de"), f"day {word!r} in {language}"
            parts["d"] = int(word.rstrip("."))
        else:
            parts["m"] = MONTHS[language].index(word) + 1
    return parts


def _inherit(left: Parts, right: Parts) -> Parts:
    """A bound said without the parts it shares with the other (the year, the month of a day span)."""
    out = dict(left)
    if "d" in out and "m" not in out:
        out["m"] = right["m"]
    if "y" not in out and "y" in right:
        out["y"] = right["y"]
    return out


def _range(text: str, language: str) -> tuple[Parts, Parts]:
    if " – " in text:
        left, right = text.split(" – ")
    elif "–" in text:
        left, right = text.split("–")
    else:
        one = _single(text, language)
        return one, one
    end = _single(right, language)
    return _inherit(_single(left, language), end), end


def _first(p: Parts) -> dt.date:
    return dt.date(p["y"], p.get("m", 1), p.get("d", 1))


def _last(p: Parts) -> dt.date:
    month = p.get("m", 12)
    return dt.date(p["y"], month, p.get("d", calendar.monthrange(p["y"], month)[1]))


def read_label(label: str, language: str) -> dict:
    """A label as its kind (point/span or the open kind of its prefix), the days of its Gregorian
    and Julian readings, its certainty and the bounds as said (for the precision check)."""
    inferred = label.endswith(INFERRED[language])
    text = label.removesuffix(INFERRED[language])
    kind = next((k for p, k in PREFIXES[language].items() if text.startswith(p)), "closed")
    text = text.removeprefix(next((p for p, k in PREFIXES[language].items() if k == kind), ""))
    julian_text, _, gregorian_text = text.rpartition(" / ")
    g_start, g_end = _range(gregorian_text, language)
    out = {"kind": kind, "inferred": inferred, "gregorian": (_first(g_start), _last(g_end)),
           "said": [g_start, g_end], "julian": None}
    if julian_text:
        j_start, j_end = _range(julian_text, language)
        j_start, j_end = ({"y": g_start["y"], **j_start}, {"y": g_start["y"], **j_end})  # a shared year is said once
        out["julian"] = (_first(j_start), _last(j_end))
        out["said"] += [j_start, j_end]
    return out


# ---- what the encoding means ------------------------------------------------------------------

def _iso_days(value: str) -> tuple[dt.date, dt.date]:
    y, m, d = ISO.fullmatch(value).groups()
    parts: Parts = {"y": int(y), **({"m": int(m)} if m else {}), **({"d": int(d)} if d else {})}
    return _first(parts), _last(parts)


def encoded(attrs: dict[str, str], suffix: str = "") -> tuple[str, Days] | None:
    """The kind and days of the encoding: a point or closed span, or the one bound of an open one."""
    a = {k.removesuffix(suffix): v for k, v in attrs.items() if k.endswith(suffix) and (suffix or "-" not in k)}
    if "when" in a:
        return "closed", _iso_days(a["when"])
    for lo, hi in (("from", "to"), ("notBefore", "notAfter")):
        if lo in a and hi in a:
            return "closed", (_iso_days(a[lo])[0], _iso_days(a[hi])[1])
        if lo in a:
            return lo, (_iso_days(a[lo])[0], None)
        if hi in a:
            return hi, (None, _iso_days(a[hi])[1])
    return None


def _coarsest(first: dt.date, last: dt.date) -> str:
    """The precision a span of these days is said at: 'y' whole years, 'm' whole months, 'd' days."""
    if first.day != 1 or last.day != calendar.monthrange(last.year, last.month)[1]:
        return "d"
    return "y" if (first.month, last.month) == (1, 12) else "m"


# ---- the tests --------------------------------------------------------------------------------

def test_the_essays_use_every_kind_of_date() -> None:
    forms = essay_date_forms()
    keys = {frozenset(f) - {"cert", "calendar", "datingMethod"} for f in forms}
    assert {frozenset({"when"}), frozenset({"from", "to"}), frozenset({"from"}), frozenset({"to"}),
            frozenset({"notBefore", "notAfter"}), frozenset({"when", "when-custom"}),
            frozenset({"notBefore", "notAfter", "notBefore-custom", "notAfter-custom"}),
            frozenset({"from", "to", "from-custom", "to-custom"})} <= keys
    assert len(forms) > 150


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_essay_date_says_exactly_what_it_encodes(language: str) -> None:
    forms = essay_date_forms()
    said = labels(language)
    assert len(said) == len(forms)
    wrong = []
    for attrs, label in zip(forms, said):
        read = read_label(label, language)
        kind, days = encoded(attrs)
        bound = {"closed": days, "from": (days[0], None), "notBefore": (days[0], None),
                 "to": (None, days[1]), "notAfter": (None, days[1])}[kind]
        gregorian = read["gregorian"] if kind == "closed" else (
            (read["gregorian"][0], None) if kind in ("from", "notBefore") else (None, read["gregorian"][1]))
        julian = encoded(attrs, "-custom")
        checks = [
            read["kind"] == kind,
            gregorian == bound,
            read["inferred"] == (attrs.get("cert") in ("medium", "low")),
            (read["julian"] is None) == (julian is None),
        ]
        if julian is not None and julian[0] == "closed":
            checks.append(read["julian"] == julian[1])
        if not all(checks):
            wrong.append(f"{attrs} → {label!r}")
    assert wrong == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_essay_date_is_said_at_its_precision(language: str) -> None:
    """Whole months without days, whole years without months, days where the encoding has them."""
    wrong = []
    for attrs, label in zip(essay_date_forms(), labels(language)):
        read = read_label(label, language)
        first, last = read["gregorian"]
        said = read["said"][:2]
        if read["kind"] == "closed":
            precision = _coarsest(first, last)
            has = "d" if any("d" in p for p in said) else "m" if any("m" in p for p in said) else "y"
            # a point or single bound is said as written: its precision is that of the encoding
            if "when" in attrs:
                value = attrs["when"]
                precision = "y" if len(value) == 4 else "m" if len(value) == 7 else "d"
            if has != precision:
                wrong.append(f"{attrs} → {label!r} (said to {has}, meant to {precision})")
    assert wrong == []


@pytest.mark.parametrize(
    ("attrs", "german", "english"),
    [
        # the examples: "Ende 1920", "Anfang 1921", a Julian day
        ('notBefore="1920-09-01" notAfter="1920-12-31"', "September–Dezember 1920", "September–December 1920"),
        ('notBefore="1921-01-01" notAfter="1921-04-30"', "Januar–April 1921", "January–April 1921"),
        ('when="1917-03-08" when-custom="1917-02-23" calendar="#j" datingMethod="#j"',
         "23. Februar / 8. März 1917", "23 February / 8 March 1917"),
        # whole years, across years, days in one month, days across months, across the year's end
        ('notBefore="1890-01-01" notAfter="1899-12-31"', "1890–1899", "1890–1899"),
        ('from="1895" to="1896"', "1895–1896", "1895–1896"),
        ('notBefore="1918-05-21" notAfter="1918-05-31" cert="medium"', "21.–31. Mai 1918 (erschlossen)",
         "21–31 May 1918 (inferred)"),
        ('notBefore="1921-06-01" notAfter="1921-07-15"', "1. Juni – 15. Juli 1921", "1 June – 15 July 1921"),
        ('notBefore="1932-12-01" notAfter="1933-02-28"', "Dezember 1932 – Februar 1933", "December 1932 – February 1933"),
        ('notBefore="1919-12-01" notAfter="1920-02-29"', "Dezember 1919 – Februar 1920", "December 1919 – February 1920"),
        ('notBefore="1919-12-01" notAfter="1920-02-28"', "1. Dezember 1919 – 28. Februar 1920",
         "1 December 1919 – 28 February 1920"),
        # open spans, a mixed precision, a Julian span across a year's end
        ('to="1825"', "bis 1825", "until 1825"),
        ('notBefore="1990-05-01"', "frühestens 1. Mai 1990", "not before 1 May 1990"),
        ('from="1917-02-14" to="1917-11"', "14. Februar – November 1917", "14 February – November 1917"),
        ('from="1917" to="1917-10"', "1917 – Oktober 1917", "1917 – October 1917"),
        ('when="1918-01-02" when-custom="1917-12-20" calendar="#j" datingMethod="#j"',
         "20. Dezember 1917 / 2. Januar 1918", "20 December 1917 / 2 January 1918"),
        ('from="1917-02-14" to="1917-11-13" from-custom="1917-02" to-custom="1917-10" calendar="#j" datingMethod="#j"',
         "Februar–Oktober / 14. Februar – 13. November 1917", "February–October / 14 February – 13 November 1917"),
        # no value; a value that is no ISO date stays as written
        ("", "", ""),
        ('when="um 1900"', "um 1900", "um 1900"),
    ],
)
def test_date_label_examples(attrs: str, german: str, english: str) -> None:
    assert label_of(attrs, "de") == german
    assert label_of(attrs, "en") == english


def test_reading_text_and_chronology_show_the_label(tmp_path: Path) -> None:
    """The essays' pages: every date's tooltip, and every chronology entry, is its label."""
    from edition.core import read_edition
    from edition.transform.html import load_corpus
    from edition.xslt import to_xdm
    from lxml import html

    edition = read_edition(TEXTS.parent)
    corpus = to_xdm(load_corpus(edition))
    page = html.fromstring(transform(Path("html/chronology.xsl"), corpus, {}))
    entries = [e.text_content() for e in page.xpath("//span[@class='chrono-date']")]
    assert "September–Dezember 1920" in entries and "23. Februar / 8. März 1917" in entries
    assert not [e for e in entries if "zwischen" in e or " bis " in e]
    essay = html.fromstring(transform(Path("html/essay.xsl"), corpus, {"essay-id": "dallmer-oktoberumsturz"}))
    titles = essay.xpath("//*[contains(@class, 'date')]/@title")
    assert "Januar–April 1921" in titles and "25. Oktober / 7. November 1917 (erschlossen)" in titles
    assert set(titles) <= set(labels("de"))
