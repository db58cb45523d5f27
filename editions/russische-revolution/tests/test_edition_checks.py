"""Edition-level checks on this edition (texts/ + register/), after editorial review.

The register's own shape is tested in tests/register; the annotator on fixtures in
tests/annotate. Here: do essays and register fit together, are all dates well-formed
ISO values (Julian ones converted correctly), is the annotation stable (a re-run of
``edition annotate`` changes nothing) and is every review-report line explained.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.annotate import register as R
from edition.annotate.julian import julian_to_gregorian
from edition.annotate.names import compile_forms
from edition.annotate.report import DEFAULT_DICTIONARY
from edition.annotate.rewrite import serialise
from edition.annotate.tagger import Policy, annotate
from edition.core import read_edition
from edition.cli import main
from edition.xmlio import NS, XML_NS, parse, parse_bytes

EDITION = Path(__file__).resolve().parents[1]
ESSAYS = sorted((EDITION / "texts").glob("*.xml"))
REGISTER = EDITION / "register" / "persons.xml"
IGNORE = EDITION / "register" / "review-ignore.txt"
#: Essays whose review is finished: their report must be empty once review-ignore.txt is applied.
REVIEWED = ["dallmer-oktoberumsturz.xml", "meschkat-vorbild.xml"]

DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")
ISO = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")
#: Russia switched calendars on 1 (Julian) = 14 (Gregorian) February 1918.
SWITCH = dt.date(1918, 2, 14)


def essay_ids() -> list[str]:
    return [p.name for p in ESSAYS]


@pytest.fixture(scope="module")
def register_ids() -> set[str]:
    return {p.get(f"{{{XML_NS}}}id") for p in parse(REGISTER).iterfind(".//tei:person", NS)}


@pytest.fixture(scope="module")
def trees() -> dict[str, etree._ElementTree]:
    return {p.name: parse(p) for p in ESSAYS}


def mentions(tree: etree._ElementTree) -> list[etree._Element]:
    """Person mentions of the essay (header and text): every persName with @ref."""
    return tree.getroot().findall(".//tei:persName[@ref]", NS)


def iso_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day an ISO 8601 year, year-month or date covers; ValueError if invalid."""
    m = ISO.fullmatch(value)
    if not m:
        raise ValueError(f"not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD): {value!r}")
    y = int(m["y"])
    if m["d"]:
        day = dt.date(y, int(m["m"]), int(m["d"]))
        return day, day
    if m["m"]:
        month = int(m["m"])
        return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1])
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def converts(attr: str, julian: tuple[dt.date, dt.date], gregorian: tuple[dt.date, dt.date]) -> bool:
    """Is the Gregorian value the Julian one converted? A day exactly; a coarser Julian value
    (a month as printed) by the Gregorian day its range starts (@from) or ends (@to) on."""
    first, last = (julian_to_gregorian(d.year, d.month, d.day) for d in julian)
    lo, hi = gregorian
    if julian[0] == julian[1]:
        return (lo, hi) == (first, first)
    if attr in ("from", "notBefore"):
        return lo <= first <= hi
    if attr in ("to", "notAfter"):
        return lo <= last <= hi
    return lo <= last and first <= hi  # @when: the periods overlap


def test_the_edition_has_both_essays() -> None:
    assert essay_ids() == ["dallmer-oktoberumsturz.xml", "meschkat-vorbild.xml"]


def test_every_register_person_is_mentioned(trees: dict[str, etree._ElementTree], register_ids: set[str]) -> None:
    used = {p.get("ref").removeprefix("psn:") for t in trees.values() for p in mentions(t)}
    assert sorted(register_ids - used) == []


@pytest.mark.parametrize("name", essay_ids())
def test_every_person_reference_resolves(name: str, trees: dict[str, etree._ElementTree], register_ids: set[str]) -> None:
    tree = trees[name]
    refs = [p.get("ref") for p in mentions(tree)]
    assert refs, "an essay without person mentions has not been annotated"
    bad = [(p.sourceline, p.get("ref")) for p in mentions(tree)
           if not p.get("ref").startswith("psn:") or p.get("ref")[4:] not in register_ids]
    assert bad == []
    # every persName in the text is a mention (a bare persName would be lost to the register)
    bare = [p.sourceline for p in tree.getroot().iterfind("tei:text//tei:persName", NS) if p.get("ref") is None]
    assert bare == []


def inside_words(root: etree._Element) -> list[str]:
    """Person tags glued to letters or hyphens: a mention is a whole word (or its genitive)."""
    out = []
    for p in root.iterfind(".//tei:text//tei:persName", NS):
        before = p.getprevious().tail if p.getprevious() is not None else p.getparent().text
        if re.search(r"[\w-]$", before or "") or re.match(r"[\w-]|['’]\w", p.tail or ""):
            out.append(f"{p.sourceline}: {''.join(p.itertext())}")
    return out


@pytest.mark.parametrize("name", essay_ids())
def test_no_person_tag_inside_a_word(name: str, trees: dict[str, etree._ElementTree]) -> None:
    """Stalinismus, Kerenski-Offensive, Lenin’sche, Pinochet-Putsch stay untagged."""
    assert inside_words(trees[name].getroot()) == []


@pytest.mark.parametrize("name", essay_ids())
def test_a_correction_inside_a_mention_keeps_the_mention(name: str, trees: dict[str, etree._ElementTree]) -> None:
    """persName and date wrap a choice (the name as printed stays the mention), never the reverse."""
    inside = trees[name].getroot().xpath(".//tei:choice//tei:persName | .//tei:choice//tei:date", namespaces=NS)
    assert [f"{e.sourceline}: {''.join(e.itertext())}" for e in inside] == []


def range_errors(root: etree._Element) -> list[str]:
    """A range the text says in words ("zwischen Februar und Oktober", "von 1936 bis 1938") is one
    date with both bounds, not two dates around the conjunction."""
    errors = []
    for d in root.iterfind("tei:text//tei:date", NS):
        before = d.getprevious().tail if d.getprevious() is not None else d.getparent().text
        after = d.getnext()
        where = f"{d.sourceline}: {''.join(d.itertext())!r}"
        opens = re.search(r"\b(zwischen|von)\s*$", before or "", re.IGNORECASE)
        if (opens and after is not None and after.tag == d.tag
                and re.fullmatch(r"\s*(und|bis)\s*", d.tail or "")):
            errors.append(f"{where}: two dates for one range; one date with @from/@to")
        elif opens and opens.group(1).lower() == "zwischen" and not (
                {"from", "to"} <= set(d.attrib) or {"notBefore", "notAfter"} <= set(d.attrib)):
            errors.append(f"{where}: a range after 'zwischen' needs both bounds")
    return errors


@pytest.mark.parametrize("name", essay_ids())
def test_ranges_in_words_are_one_date(name: str, trees: dict[str, etree._ElementTree]) -> None:
    assert range_errors(trees[name].getroot()) == []


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ('zwischen <date when="1917-02">Februar</date> und <date when="1917-10">Oktober</date>', 1),
        ('von <date when="1936">1936</date> bis <date when="1938">1938</date>', 1),
        ('zwischen <date when="1917-02">Februar</date>', 1),
        ('zwischen <date from="1917-02" to="1917-10">Februar und Oktober</date>', 0),
        ('<date from="1936" to="1938">von 1936 bis 1938</date>', 0),
        ('Zwischen 30 und 80 %; im <date when="1917-02">Februar</date> und <date when="1917-10">Oktober</date>', 0),
    ],
)
def test_range_check(body: str, errors: int) -> None:
    assert len(range_errors(_text(body))) == errors


def date_errors(root: etree._Element, name: str) -> list[str]:
    """What is wrong with the dates of an essay's text: ISO syntax and calendar validity,
    ranges, @cert, and Julian dates (declared calendar, correct conversion, before the switch)."""
    calendars = {f"#{c.get(f'{{{XML_NS}}}id')}" for c in root.iterfind(".//tei:calendarDesc/tei:calendar", NS)}
    errors: list[str] = []
    for d in root.iterfind("tei:text//tei:date", NS):
        where = f"{name}:{d.sourceline} {''.join(d.itertext())!r}"
        values = {a: d.get(a) for a in DATE_ATTRS if d.get(a) is not None}
        if not values:
            errors.append(f"{where}: no @when/@from/@to/@notBefore/@notAfter")
            continue
        try:
            bounds = {a: iso_bounds(v) for a, v in values.items()}
            customs = {a: iso_bounds(d.get(f"{a}-custom")) for a in DATE_ATTRS if d.get(f"{a}-custom") is not None}
        except ValueError as exc:
            errors.append(f"{where}: {exc}")
            continue
        if "when" in values and len(values) > 1:
            errors.append(f"{where}: @when together with a range")
        for lo, hi in (("from", "to"), ("notBefore", "notAfter")):
            if lo in bounds and hi in bounds and bounds[lo][0] > bounds[hi][1]:
                errors.append(f"{where}: @{lo} after @{hi}")
        if d.get("cert") not in (None, "high", "medium", "low"):
            errors.append(f"{where}: @cert {d.get('cert')!r}")
        julian = d.get("calendar") is not None or d.get("datingMethod") is not None or customs
        if not julian:
            continue
        if not (d.get("calendar") == d.get("datingMethod") and d.get("calendar") in calendars and customs):
            errors.append(f"{where}: Julian date needs @calendar = @datingMethod (declared) and a *-custom value")
        for attr, (first, last) in customs.items():
            if attr not in bounds:
                errors.append(f"{where}: @{attr}-custom without @{attr}")
            elif not converts(attr, (first, last), bounds[attr]):
                errors.append(f"{where}: @{attr} {values[attr]} is not Julian {d.get(attr + '-custom')} in the Gregorian calendar")
            if julian_to_gregorian(first.year, first.month, first.day) >= SWITCH:
                errors.append(f"{where}: Julian date after Russia's calendar switch (14 February 1918)")
    return errors


@pytest.mark.parametrize("name", essay_ids())
def test_every_date_has_valid_iso_values(name: str, trees: dict[str, etree._ElementTree]) -> None:
    root = trees[name].getroot()
    assert root.findall("tei:text//tei:date", NS), "an essay without dates has not been annotated"
    assert date_errors(root, name) == []


def _text(body: str) -> etree._Element:
    return parse_bytes(
        f'<TEI xmlns="{NS["tei"]}"><teiHeader><profileDesc><calendarDesc><calendar xml:id="t-julian"/>'
        f"</calendarDesc></profileDesc></teiHeader><text><body><p>{body}</p></body></text></TEI>".encode(),
        "t.xml",
    ).getroot()


J = 'calendar="#t-julian" datingMethod="#t-julian"'


@pytest.mark.parametrize(
    "date",
    [
        '<date when="1917-11-07" when-custom="1917-10-25" ' + J + ">25. Oktober</date>",
        '<date from="1917-02-14" to="1917-11-13" from-custom="1917-02" to-custom="1917-10" ' + J + ">Februar und Oktober</date>",
        '<date notBefore="1930-01-01" notAfter="1933-12-31">Anfang der 1930er Jahre</date>',
        '<date from="1925" to="1926">1925/26</date>',
        '<date when="1928" cert="medium">1928</date>',
    ],
)
def test_date_check_accepts_well_formed_dates(date: str) -> None:
    assert date_errors(_text(date), "t.xml") == []


@pytest.mark.parametrize(
    ("date", "error"),
    [
        ('<date when="1917-02-30">30. Februar</date>', "day is out of range"),
        ('<date when="17.10.1926">17.10.1926</date>', "not ISO 8601"),
        ("<date>1917</date>", "no @when"),
        ('<date from="1938" to="1936">1938–1936</date>', "@from after @to"),
        ('<date when="1917" from="1917">1917</date>', "@when together with a range"),
        ('<date when="1917" cert="sure">1917</date>', "@cert"),
        ('<date when="1917-10-25" when-custom="1917-10-25" ' + J + ">25. Oktober</date>", "is not Julian"),
        ('<date when="1917-11-07" when-custom="1917-10-25">25. Oktober</date>', "needs @calendar"),
        ('<date when="1917-11-07" when-custom="1917-10-25" calendar="#x" datingMethod="#x">x</date>', "needs @calendar"),
        ('<date when="1919-03-15" when-custom="1919-03-02" ' + J + ">2. März 1919</date>", "after Russia's calendar switch"),
    ],
)
def test_date_check_catches_errors(date: str, error: str) -> None:
    errors = date_errors(_text(date), "t.xml")
    assert len(errors) == 1 and error in errors[0], errors


def test_inside_word_check_catches_glued_tags() -> None:
    root = _text(
        '<persName ref="psn:a">Stalin</persName>ismus, Anti-<persName ref="psn:b">Hitler</persName> '
        '<persName ref="psn:c">Lenin</persName>’sche <persName ref="psn:d">Marx</persName>’ und «<persName ref="psn:e">Chávez</persName>»'
    )
    assert [e.split(": ")[1] for e in inside_words(root)] == ["Stalin", "Hitler", "Lenin"]


@pytest.mark.parametrize("name", essay_ids())
def test_annotate_rerun_changes_nothing(name: str) -> None:
    """Idempotence on the reviewed files: editorial corrections survive a re-run byte for byte."""
    reg = R.load(REGISTER)
    path = EDITION / "texts" / name
    original = path.read_bytes()
    tree = parse_bytes(original, str(path))
    result = annotate(tree, reg, compile_forms(reg.forms), Policy.of(read_edition(EDITION).config))
    assert (result.persons, result.dates) == (0, 0)
    assert serialise(tree, original) == original


def test_annotate_dry_run_cli_on_both_essays_adds_nothing() -> None:
    before = {p: p.read_bytes() for p in ESSAYS}
    result = CliRunner().invoke(main, ["annotate", "--dry-run", *map(str, ESSAYS)])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "added" in line] == [
        f"{p}: 0 persName, 0 date added" for p in ESSAYS
    ]
    assert {p: p.read_bytes() for p in ESSAYS} == before


@pytest.mark.parametrize("name", REVIEWED)
def test_review_report_is_empty_after_ignores(name: str) -> None:
    assert DEFAULT_DICTIONARY.is_file(), "install wngerman (scripts/install-test-deps.sh): the report needs its word list"
    assert IGNORE.is_file()
    result = CliRunner().invoke(main, ["annotate", "--dry-run", "--report", str(EDITION / "texts" / name)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "0 report line(s) open"


def test_every_ignore_line_is_still_needed(tmp_path: Path) -> None:
    """An explained line of a reviewed essay that matches no finding is stale and would hide a future one."""
    empty = tmp_path / "review-ignore.txt"
    empty.write_text("", encoding="utf-8")
    stale = []
    for name in REVIEWED:
        result = CliRunner().invoke(
            main, ["annotate", "--dry-run", "--report", "--ignore", str(empty), str(EDITION / "texts" / name)]
        )
        assert result.exit_code == 0, result.output
        # file:line: kind: token — context (why)
        found = {(kind, rest.split(" — ")[0]) for _, kind, rest in (l.split(": ", 2) for l in result.stdout.splitlines())}
        for raw in IGNORE.read_text(encoding="utf-8").splitlines():
            words = raw.split(" — ")[0].split()
            if len(words) == 3 and not raw.startswith("#") and words[2] == name and (words[0], words[1]) not in found:
                stale.append(raw)
    assert found and stale == []
