"""xmlio.parse_header: a text's teiHeader read only as far as its end, as safely as xmlio.parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.xmlio import TEI_NS, XmlInputError, parse, parse_header

HEADER = "<teiHeader><fileDesc><titleStmt><title>T</title><author>A. Autor</author></titleStmt></fileDesc></teiHeader>"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_header_is_the_one_parse_gives(tmp_path: Path) -> None:
    path = write(tmp_path, f'<TEI xmlns="{TEI_NS}">{HEADER}<text><body><p>x</p></body></text></TEI>')
    header = parse_header(path)
    assert header is not None
    assert etree.tostring(header) == etree.tostring(parse(path).getroot().find(f"{{{TEI_NS}}}teiHeader"))


def test_a_prefixed_document_and_a_body_broken_after_the_header(tmp_path: Path) -> None:
    prefixed = HEADER.replace("<", "<tei:").replace("<tei:/", "</tei:")
    path = write(tmp_path, f'<tei:TEI xmlns:tei="{TEI_NS}">{prefixed}<tei:text><tei:body><tei:p>x</tei:body></tei:TEI>')
    header = parse_header(path)  # the body is not read: its error is the validator's to report
    assert header is not None and header.findtext(f".//{{{TEI_NS}}}author") == "A. Autor"


def test_errors_before_the_header_end_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc></teiHeader></TEI>')
    with pytest.raises(XmlInputError) as caught:
        parse_header(path)
    assert str(caught.value).startswith(f"{path}:1:")


def test_entities_are_refused_not_expanded(tmp_path: Path) -> None:
    declared = write(tmp_path, f'<!DOCTYPE TEI [<!ENTITY x "boom">]><TEI xmlns="{TEI_NS}">{HEADER}</TEI>')
    with pytest.raises(XmlInputError, match="entity declarations are not allowed"):
        parse_header(declared)
    used = write(tmp_path, f'<TEI xmlns="{TEI_NS}">{HEADER.replace("A. Autor", "&x;")}</TEI>')
    with pytest.raises(XmlInputError, match="entity|Entity"):
        parse_header(used)


def test_no_header(tmp_path: Path) -> None:
    assert parse_header(write(tmp_path, f'<TEI xmlns="{TEI_NS}"><text/></TEI>')) is None
