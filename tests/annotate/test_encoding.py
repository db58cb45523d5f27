"""`edition annotate` keeps a file's bytes when it adds nothing, and its encoding and prolog when it does."""

from __future__ import annotations

import codecs
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.annotate.rewrite import serialise
from edition.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "annotate"
TEI_NS = "http://www.tei-c.org/ns/1.0"

PROLOG = (
    '<?xml version="1.0" encoding="{label}"?>\r\n'
    "<!-- Kommentar vor der Wurzel: Grüße -->\n"
    '<?xml-model href="../schema/edition.rng" type="application/xml"?>\n'
    "<!DOCTYPE TEI>\n"
    "\n"
)
HEADER = (
    f'<TEI xmlns="{TEI_NS}" xml:id="probe" xml:lang="de">\n'
    "  <teiHeader><fileDesc><titleStmt><title>Über Grüße</title></titleStmt>"
    "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>\n"
)
WITH_NAME = "<p>Schöne Grüße von Rosa Luxemburg an Trotzki.</p>"
WITHOUT_NAME = "<p>Schöne Grüße, aber kein Name und keine Jahreszahl.</p>"
ENCODINGS = [
    ("UTF-16", codecs.BOM_UTF16_LE, "utf-16-le"),
    ("UTF-16", codecs.BOM_UTF16_BE, "utf-16-be"),
    ("ISO-8859-1", b"", "latin-1"),
    ("UTF-8", codecs.BOM_UTF8, "utf-8"),
]


def document(label: str, body: str) -> str:
    return PROLOG.format(label=label) + HEADER + f"  <text><body>{body}</body></text>\n</TEI>\n<!-- Ende -->\n"


def write(path: Path, text: str, bom: bytes, codec: str) -> bytes:
    data = bom + text.encode(codec)
    path.write_bytes(data)
    return data


@pytest.fixture()
def essays(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "register", tmp_path / "register")
    (tmp_path / "essays").mkdir()
    return tmp_path / "essays"


def annotate(path: Path) -> str:
    result = CliRunner().invoke(main, ["annotate", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.mark.parametrize(("label", "bom", "codec"), ENCODINGS)
def test_file_without_anything_to_add_stays_byte_identical(essays: Path, label: str, bom: bytes, codec: str) -> None:
    path = essays / "probe.xml"
    before = write(path, document(label, WITHOUT_NAME), bom, codec)
    mtime = path.stat().st_mtime_ns
    assert "0 persName, 0 date added" in annotate(path)
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime  # not even rewritten with the same bytes


@pytest.mark.parametrize(("label", "bom", "codec"), ENCODINGS)
def test_added_markup_keeps_encoding_bom_and_prolog(essays: Path, label: str, bom: bytes, codec: str) -> None:
    path = essays / "probe.xml"
    write(path, document(label, WITH_NAME), bom, codec)
    assert "2 persName, 0 date added" in annotate(path)
    after = path.read_bytes()
    assert after.startswith(bom)
    text = after[len(bom):].decode(codec)  # still in the declared encoding
    assert text.startswith(PROLOG.format(label=label) + HEADER)
    assert '<persName ref="psn:luxemburg-rosa">Rosa Luxemburg</persName>' in text
    # Apart from the new tags, the file reads as before.
    assert re.sub(r"</?persName[^>]*>", "", text) == document(label, WITH_NAME)
    root = etree.fromstring(after)
    assert root.getroottree().docinfo.encoding.upper().startswith(label)
    # A second run finds everything tagged and leaves the bytes alone.
    assert "0 persName, 0 date added" in annotate(path)
    assert path.read_bytes() == after


def test_characters_outside_the_encoding_survive_as_references(essays: Path) -> None:
    path = essays / "probe.xml"
    write(path, document("ISO-8859-1", "<p>Rosa Luxemburg &#x2013; Zitat &#x201E;ja&#x201C;.</p>"), b"", "latin-1")
    annotate(path)
    after = path.read_bytes()
    root = etree.fromstring(after)
    p = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}p")
    assert "".join(p.itertext()) == "Rosa Luxemburg \u2013 Zitat \u201eja\u201c."
    assert p[0].tag == f"{{{TEI_NS}}}persName"


def test_prolog_with_quoted_greater_than_is_kept_whole() -> None:
    prolog = '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "tei>all.dtd">\n<!-- a > b -->\n'
    original = (prolog + f'<TEI xmlns="{TEI_NS}"><p>Rosa Luxemburg</p></TEI>').encode()
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    tree = etree.fromstring(original, parser).getroottree()
    tree.getroot()[0].text = "geändert"
    assert serialise(tree, original) == (prolog + f'<TEI xmlns="{TEI_NS}"><p>geändert</p></TEI>').encode()
