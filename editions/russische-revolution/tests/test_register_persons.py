"""Checks of the person register file itself (tei/register/persons.xml).

Whether every register person is referenced by the essays, and every reference
resolves, is checked at edition level; here only the register's own shape.
"""

from __future__ import annotations

from pathlib import Path

import datetime as dt
import re
from collections import Counter

import pytest
from lxml import etree

from edition.xmlio import NS, XML_NS, parse

REGISTER = Path(__file__).resolve().parents[1] / "register" / "persons.xml"

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
WIKIDATA = re.compile(r"Q[1-9][0-9]*")
# GND identifier syntax as documented for Wikidata property P227.
GND = re.compile(r"1[0123]?[0-9]{7}[0-9X]|[47][0-9]{6}-[0-9]|[1-9][0-9]{0,7}-[0-9X]|3[0-9]{7}[0-9X]")
ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")

# Match strings deliberately shared by two persons; the tagger must disambiguate
# them from context ("Uljanow" alone is Lenin, "Alexander Uljanow" his brother).
KNOWN_AMBIGUOUS = {"Uljanow"}


@pytest.fixture(scope="module")
def tree() -> etree._ElementTree:
    return parse(REGISTER)


@pytest.fixture(scope="module")
def persons(tree: etree._ElementTree) -> list[etree._Element]:
    return tree.findall(".//tei:listPerson/tei:person", NS)


def pid(person: etree._Element) -> str:
    return person.get(f"{{{XML_NS}}}id", "")


def match_strings(person: etree._Element) -> list[str]:
    """The strings the tagger looks for: the regular surname and every variant."""
    surname = person.findtext("tei:persName[@type='reg']/tei:surname", namespaces=NS)
    variants = [v.text or "" for v in person.findall("tei:persName[@type='variant']", NS)]
    return ([surname] if surname else []) + variants


def gnd_check_digit_ok(gnd: str) -> bool:
    """Modulus-11 check digit of the purely numeric (PND-style) GND numbers."""
    if not re.fullmatch(r"1[0-9]{7,9}[0-9X]", gnd):
        return True  # other GND forms use other check schemes
    body, check = gnd[:-1], gnd[-1]
    total = sum(int(d) * w for d, w in zip(body, range(len(body) + 1, 1, -1)))
    expected = (11 - total % 11) % 11
    return check == ("X" if expected == 10 else str(expected))


@pytest.mark.slow
def test_valid_against_tei_all(tree: etree._ElementTree, tei_all: etree.RelaxNG) -> None:
    assert tei_all.validate(tree), str(tei_all.error_log)


def test_header(tree: etree._ElementTree) -> None:
    root = tree.getroot()
    assert root.get(f"{{{XML_NS}}}id") == "register"
    header = root.find("tei:teiHeader/tei:fileDesc", NS)
    assert header.findtext("tei:titleStmt/tei:title", namespaces=NS) == "Personenregister"
    assert header.findtext("tei:publicationStmt/tei:publisher", namespaces=NS) == "Projekt tei-edition"
    licence = header.find("tei:publicationStmt/tei:availability/tei:licence", NS)
    assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    assert "CC BY 4.0" in licence.text
    source = "".join(header.find("tei:sourceDesc", NS).itertext())
    assert "nicht online überprüft" in source


def test_ids_unique_and_slug_shaped(persons: list[etree._Element]) -> None:
    ids = [pid(p) for p in persons]
    assert len(ids) > 0
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not SLUG.fullmatch(i)] == []


def test_every_person_has_regular_name(persons: list[etree._Element]) -> None:
    for p in persons:
        regs = p.findall("tei:persName[@type='reg']", NS)
        assert len(regs) == 1, pid(p)
        reg = regs[0]
        # A surname, or for rulers a forename with an ordinal (Alexander I.).
        assert reg.find("tei:surname", NS) is not None or reg.find("tei:genName", NS) is not None, pid(p)
        assert (reg.findtext("tei:forename", namespaces=NS) or "").strip(), pid(p)
        assert {n.get("type") for n in p.findall("tei:persName", NS)} <= {"reg", "variant"}, pid(p)


def test_every_person_has_a_one_line_description(persons: list[etree._Element]) -> None:
    for p in persons:
        notes = p.findall("tei:note[@type='description']", NS)
        assert len(notes) == 1, pid(p)
        text = "".join(notes[0].itertext())
        assert text.strip() and "\n" not in text and text == text.strip(), pid(p)


def test_variants_are_clean_and_distinct(persons: list[etree._Element]) -> None:
    for p in persons:
        surname = p.findtext("tei:persName[@type='reg']/tei:surname", namespaces=NS)
        variants = [v.text or "" for v in p.findall("tei:persName[@type='variant']", NS)]
        assert all(v and v == v.strip() and "  " not in v for v in variants), pid(p)
        assert len(variants) == len(set(variants)), pid(p)
        assert surname not in variants, pid(p)


def test_persons_share_no_match_string_except_known_ambiguities(persons: list[etree._Element]) -> None:
    owners: dict[str, set[str]] = {}
    for p in persons:
        for s in match_strings(p):
            owners.setdefault(s, set()).add(pid(p))
    shared = {s for s, ids in owners.items() if len(ids) > 1}
    assert shared == KNOWN_AMBIGUOUS
    assert owners["Uljanow"] == {"lenin-wladimir", "uljanow-alexander"}


def _as_date(value: str) -> dt.date:
    parts = [int(x) for x in value.split("-")]
    return dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


def test_life_dates_are_iso_and_ordered(persons: list[etree._Element]) -> None:
    for p in persons:
        dates = {}
        for event in ("birth", "death"):
            found = p.findall(f"tei:{event}", NS)
            assert len(found) <= 1, pid(p)
            if found:
                when = found[0].get("when", "")
                assert ISO_DATE.fullmatch(when), (pid(p), when)
                dates[event] = _as_date(when)  # raises on impossible dates
        if len(dates) == 2:
            assert dates["birth"] < dates["death"], pid(p)


def test_authority_ids_are_syntactically_right(persons: list[etree._Element]) -> None:
    for p in persons:
        idnos = p.findall("tei:idno", NS)
        types = [i.get("type") for i in idnos]
        assert set(types) <= {"wikidata", "GND"}, pid(p)
        assert len(types) == len(set(types)), pid(p)
        for idno in idnos:
            value = idno.text or ""
            if idno.get("type") == "wikidata":
                assert WIKIDATA.fullmatch(value), (pid(p), value)
            else:
                assert GND.fullmatch(value), (pid(p), value)
                assert gnd_check_digit_ok(value), (pid(p), value)


def test_gnd_check_digit() -> None:
    assert gnd_check_digit_ok("118571869")  # Lenin, from the encoding guide
    assert not gnd_check_digit_ok("118571868")
    assert gnd_check_digit_ok("4012345-6")  # other scheme: syntax only


def test_essay_authors_are_registered(persons: list[etree._Element]) -> None:
    ids = {pid(p) for p in persons}
    assert {"dallmer-klaus", "meschkat-klaus"} <= ids


def test_first_name_acknowledgements_are_not_registered(persons: list[etree._Element]) -> None:
    # Dallmer thanks "Marianne, Carlos, Ulf, Bolle und Ingrid" by first name only.
    strings = {s for p in persons for s in match_strings(p)}
    assert strings.isdisjoint({"Marianne", "Carlos", "Ulf", "Bolle", "Ingrid"})


def test_authority_sources_are_pages_that_state_them(tree: etree._ElementTree, persons: list[etree._Element]) -> None:
    """An identifier added after the register's first compilation names, in idno/@source, the
    public page that confirmed it for this person; the header says so."""
    sourced = [i for p in persons for i in p.findall("tei:idno[@source]", NS)]
    assert sourced, "no authority identifier records where it was confirmed"
    for idno in sourced:
        assert re.fullmatch(r"https?://[^\s/]+\.[a-z]{2,}/\S*", idno.get("source")), (pid(idno.getparent()), idno.get("source"))
    # @source is the register's only record of a confirmation: nowhere else in the register
    assert {e.tag for e in tree.getroot().iter() if e.get("source") is not None} == {f"{{{NS['tei']}}}idno"}
    header = "".join(tree.getroot().find("tei:teiHeader/tei:fileDesc/tei:sourceDesc", NS).itertext())
    assert "idno/@source" in header
