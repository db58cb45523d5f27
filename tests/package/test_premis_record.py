"""PREMIS for every payload file, the README beside bagit.txt, and what the deposit leaves out."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from edition.core import Edition, read_edition
from edition.package.bag import make_deposit_bag
from edition.package.formats import identify
from edition.package.site import site_files

P = {"p": "http://www.loc.gov/premis/v3", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def premis(bag: Path) -> etree._ElementTree:
    return etree.parse(str(bag / "data" / "metadata" / "premis.xml"))


def file_object(doc: etree._ElementTree, path: str) -> etree._Element:
    (obj,) = doc.xpath("//p:object[@xsi:type='premis:file'][p:objectIdentifier/p:objectIdentifierValue = $path]",
                       namespaces=P, path=path)
    return obj


def text(el: etree._Element, xpath: str) -> list[str]:
    return [str(v) for v in el.xpath(f"{xpath}/text()", namespaces=P)]


def test_every_payload_file_but_the_record_itself_is_described_with_its_fixity(bag: Path) -> None:
    doc = premis(bag)
    payload = {p.relative_to(bag).as_posix(): p for p in (bag / "data").rglob("*") if p.is_file()}
    described = text(doc.getroot(), "//p:object[@xsi:type='premis:file']/p:objectIdentifier/p:objectIdentifierValue")
    assert sorted(described) == sorted(set(payload) - {"data/metadata/premis.xml"})
    manifest = dict(reversed(line.split(maxsplit=1)) for line in (bag / "manifest-sha512.txt").read_text().splitlines())
    for path in described:
        obj = file_object(doc, path)
        data = payload[path].read_bytes()
        assert text(obj, ".//p:fixity[p:messageDigestAlgorithm='SHA-256']/p:messageDigest") == [hashlib.sha256(data).hexdigest()]
        assert text(obj, ".//p:fixity[p:messageDigestAlgorithm='SHA-512']/p:messageDigest") == [manifest[path]]
        assert text(obj, ".//p:size") == [str(len(data))]


@pytest.mark.parametrize(("path", "name", "puid"), [
    ("data/html/tei/texts/sample.xml", "TEI P5 - Single Text File", "fmt/1476"),
    ("data/html/index.html", "Hypertext Markup Language", "fmt/471"),
    ("data/html/pdf/sample.pdf", "Portable Document Format", "fmt/276"),
    ("data/html/assets/edition.css", "Cascading Style Sheet", "x-fmt/224"),
    ("data/sources/sample.txt", "Plain Text File", "x-fmt/111"),
    ("data/schema/edition.rng", "Extensible Markup Language", "fmt/101"),
    ("data/metadata/sample.datacite.xml", "Extensible Markup Language", "fmt/101"),
])
def test_formats_carry_their_pronom_identifier(bag: Path, path: str, name: str, puid: str) -> None:
    obj = file_object(premis(bag), path)
    assert text(obj, ".//p:formatName") == [name]
    assert text(obj, ".//p:formatRegistry[p:formatRegistryName='PRONOM']/p:formatRegistryKey") == [puid]


def test_a_format_pronom_does_not_register_has_a_name_only(bag: Path) -> None:
    obj = file_object(premis(bag), "data/sources/edition.toml")
    assert text(obj, ".//p:formatName") == ["TOML (Tom's Obvious Minimal Language)"]
    assert not obj.xpath(".//p:formatRegistry", namespaces=P)


def test_outputs_name_the_programs_that_made_them_and_what_they_come_from(bag: Path) -> None:
    doc = premis(bag)
    pdf = file_object(doc, "data/html/pdf/sample.pdf")
    assert "Typst" in text(pdf, ".//p:creatingApplicationName")
    assert text(pdf, ".//p:creatingApplication[p:creatingApplicationName='Typst']/p:creatingApplicationVersion") == ["0.15.2"]
    assert text(pdf, ".//p:relationship[p:relationshipType='derivation']//p:relatedObjectIdentifierValue") == [
        "data/html/tei/texts/sample.xml"]
    page = file_object(doc, "data/html/sample.html")
    assert "SaxonC-HE (saxonche)" in text(page, ".//p:creatingApplicationName")
    # The texts were written by editors, not by a program of this build: no creating application is claimed.
    assert not file_object(doc, "data/html/tei/texts/sample.xml").xpath(".//p:creatingApplication", namespaces=P)
    agents = text(doc.getroot(), "//p:agent/p:agentName")
    assert {"tei-edition", "Typst", "Pagefind", "bagit-python"} <= set(agents)


def test_events_follow_the_text_from_import_to_deposit(bag: Path) -> None:
    doc = premis(bag)
    events = {e.xpath("string(p:eventIdentifier/p:eventIdentifierValue)", namespaces=P): e for e in doc.xpath("//p:event",
                                                                                                              namespaces=P)}
    assert list(events) == ["sample-change-1", "validation", "build", "packing"]
    created = events["sample-change-1"]
    assert text(created, "p:eventType") == ["creation"] and text(created, "p:eventDateTime") == ["2026-11-22"]
    assert text(created, ".//p:eventDetail") == ["Erstellt."]
    validation = events["validation"]
    assert text(validation, ".//p:eventOutcome") == ["pass"]
    assert text(validation, ".//p:eventOutcomeDetailNote") == ["2 files, 0 errors, 0 warnings"]
    # The build's and the packing's date is the edition's, never the clock.
    assert {d for e in events.values() for d in text(e, "p:eventDateTime")} == {"2026-11-22"}
    text_file = file_object(doc, "data/html/tei/texts/sample.xml")
    assert text(text_file, "p:linkingEventIdentifier/p:linkingEventIdentifierValue") == ["sample-change-1", "validation",
                                                                                           "packing"]


def test_the_raw_source_is_linked_when_its_checksum_is_the_one_the_header_gives(
        edition: Edition, outputs: tuple[Path, Path], tmp_path: Path) -> None:
    digest = hashlib.sha256((edition.raw_sources_dir / "sample.txt").read_bytes()).hexdigest()
    for name, given in (("right", digest), ("wrong", "0" * 64)):
        essay = edition.texts[0]
        source = re.sub(r"<idno type=\"file\">sample.txt</idno>(, SHA-256 <idno type=\"SHA-256\">\w+</idno>)?",
                        f'<idno type="file">sample.txt</idno>, SHA-256 <idno type="SHA-256">{given}</idno>',
                        essay.read_text(encoding="utf-8"))
        essay.write_text(source, encoding="utf-8")
        (outputs[0] / "tei" / "texts" / essay.name).write_text(source, encoding="utf-8")
        (tmp_path / name).mkdir()
        doc = premis(make_deposit_bag(tmp_path / name, read_edition(edition.dir), *outputs))
        linked = text(file_object(doc, "data/html/tei/texts/sample.xml"), ".//p:relatedObjectIdentifierValue")
        assert linked == (["data/sources/sample.txt"] if name == "right" else []), name


def test_a_failed_validation_is_recorded_as_failed(edition: Edition, outputs: tuple[Path, Path], tmp_path: Path) -> None:
    essay = edition.texts[0]
    essay.write_text(essay.read_text(encoding="utf-8").replace("</body>", "<unbekannt/></body>"), encoding="utf-8")
    (tmp_path / "bag").mkdir()
    doc = premis(make_deposit_bag(tmp_path / "bag", read_edition(edition.dir), *outputs))
    (event,) = doc.xpath("//p:event[p:eventType='validation']", namespaces=P)
    assert text(event, ".//p:eventOutcome") == ["fail"]
    assert re.fullmatch(r"2 files, [1-9]\d* errors, \d+ warnings", text(event, ".//p:eventOutcomeDetailNote")[0])


def test_same_sources_give_the_same_premis_and_readme(make_bag: Callable[[str], Path]) -> None:
    first, second = make_bag("one"), make_bag("two")
    for name in ("data/metadata/premis.xml", "README.txt"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_readme_explains_the_deposit_to_a_person(bag: Path) -> None:
    readme = (bag / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("Beispieledition — version 1.0.0\n")
    for expected in ("Open data/html/index.html in a web browser", "TEI: data/html/tei/texts/sample.xml",
                     "PDF: data/html/pdf/sample.pdf", "Published at https://example.org/beispiel/",
                     "sha256sum -c manifest-sha256.txt", "validated with the 'strict'", "0 errors",
                     "Erika Muster (ed.): Beispieledition, version 1.0.0, tei-edition 2026",
                     "Portable Document Format 1.7 (PRONOM fmt/276): 1 file", "2026-11-22: Erstellt."):
        assert expected in " ".join(readme.split()), expected
    assert max(len(line) for line in readme.splitlines()[2:]) <= 76


def test_unused_pagefind_interfaces_are_left_out(tmp_path: Path) -> None:
    site = tmp_path / "site"
    bundle = site / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (site / "suche.html").write_text('<script src="assets/search.js"></script>', encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "search.js").write_text('import("pagefind/pagefind.js")', encoding="utf-8")
    (bundle / "pagefind.js").write_text('new Worker("pagefind-worker.js")', encoding="utf-8")
    (bundle / "pagefind-worker.js").write_text("//", encoding="utf-8")
    (bundle / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (bundle / "fragment" / "de_1.pf_fragment").write_bytes(b"\x1f\x8b")
    for unused in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-highlight.js"):
        (bundle / unused).write_text('"pagefind.js"', encoding="utf-8")  # they load the API, nothing loads them
    assert site_files(site) == ["assets/search.js", "pagefind/fragment/de_1.pf_fragment", "pagefind/pagefind-entry.json",
                                "pagefind/pagefind-worker.js", "pagefind/pagefind.js", "suche.html"]


def test_pdf_a_is_identified_by_the_level_its_metadata_declares(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7\n<x:xmpmeta><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>")
    assert (identify(pdf).puid, identify(pdf).version) == ("fmt/480", "3b")
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?><unclosed", encoding="utf-8")
    assert identify(broken).puid == "" and identify(broken).name == "unidentified"
