"""The `tei` profile's rules for every edition (tei/schema/general.sch), on a new edition's texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core import read_edition
from edition.project import new_edition
from edition.validate import validate_files
from edition.validate.profiles import profile_of

TEXT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body>{body}</body></text></TEI>
"""
REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><listPerson><person xml:id="anna"><persName>Anna</persName></person></listPerson></body></text></TEI>
"""


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    folder = tmp_path / "ed"
    new_edition(folder, "Test", "de", "2026-01-01")
    (folder / "register" / "persons.xml").write_text(REGISTER, encoding="utf-8")
    return folder


def problems(edition: Path, **texts: str) -> list[tuple[str, int, str]]:
    for name, body in texts.items():
        (edition / "texts" / f"{name}.xml").write_text(TEXT.format(body=body), encoding="utf-8")
    ed = read_edition(edition)
    profile = profile_of(ed)
    assert profile.name == "tei"
    found = validate_files(ed.sources, profile.schema, profile.rules, profile.register_prefix)
    return [(Path(p.file).name, p.line, f"{p.rule}: {p.message}") for p in found]


def test_valid_texts_pass(edition: Path) -> None:
    body = '<p xml:id="a1">Ein <ref target="#a1">Verweis</ref>, <persName ref="psn:anna">Anna</persName>, <date when="1848-03-18">1848</date>.</p>'
    assert problems(edition, a=body, b='<p><ref target="a.xml#a1">dort</ref></p>') == []


def test_unresolved_pointers_are_named(edition: Path) -> None:
    found = problems(edition, a='<p><ref target="#nowhere">x</ref> <ref target="b.xml#gone">y</ref></p>', b="<p/>")
    assert ("a.xml", 3, "pointer-resolves: @target points to #nowhere, which no element of this document has as xml:id") in found
    assert ("a.xml", 3, "pointer-resolves: @target points to b.xml#gone, which that text has no xml:id for") in found


def test_ids_unique_across_the_edition(edition: Path) -> None:
    found = problems(edition, a='<p xml:id="x">1</p>', b='<p xml:id="x">2</p>')
    assert ("a.xml", 3, 'id-unique: xml:id "x" is not unique in the edition (also in texts/b.xml)') in found


def test_register_reference_resolves(edition: Path) -> None:
    found = problems(edition, a='<p><persName ref="psn:bert">Bert</persName></p>')
    assert found == [("a.xml", 3, "ref-resolves: @ref names no person in the register: psn:bert")]


def test_dates_are_iso_and_in_order(edition: Path) -> None:
    found = problems(edition, a='<p><date when="18.3.1848">x</date> <date from="1922" to="1917">y</date></p>')
    rules = [message.split(":")[0] for _, _, message in found]
    assert "date-order" in rules and ("date-iso" in rules or any("when" in m for _, _, m in found))
