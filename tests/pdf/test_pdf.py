"""The PDF edition, checked in the PDF itself: text per page (poppler's pdftotext), links,
outline, XMP and attachments (pypdf)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from edition.paths import ROOT
from edition.transform.pdf import build_pdf
from edition.xmlio import NS, XmlInputError, parse
from pdf_support import pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
HOSTILE = Path(__file__).parent / "hostile.xml"
# the bundled edition (or another one, e.g. an annotated copy): its essays are tested when present
REAL = Path(os.environ.get("PDF_TEST_EDITION", ROOT))


def essays() -> list[tuple[Path, Path]]:
    """(essay, edition dir): the sample always, plus every essay of the bundled edition."""
    found = [(SAMPLE / "tei" / "essays" / "sample.xml", SAMPLE)]
    found += [(p, REAL) for p in sorted((REAL / "tei" / "essays").glob("*.xml"))]
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    pdfs = {}
    for essay, edition_dir in essays():
        pdfs[essay.stem] = out / f"{essay.stem}.pdf"
        build_pdf(essay, edition_dir, pdfs[essay.stem])
    return pdfs


def norm(s: str) -> str:
    """Text for comparison: line-end hyphenation joined, whitespace collapsed."""
    s = re.sub(r"(\w)[-\xad]\n(\w)", r"\1\2", s)
    return re.sub(r"\s+", " ", s).strip()


def pages_text(pdf: Path) -> list[str]:
    raw = pdf_text(pdf)
    return [norm(p) for p in raw.split("\f")][: len(pypdf.PdfReader(pdf).pages)]


def tei_text(el: etree._Element, markers: bool = False) -> str:
    """The text of a TEI element as the PDF prints it: quote marks restored, notes left out
    (or, with ``markers``, replaced by their number as pdftotext shows the marker)."""
    marks = {"guillemets": "«»", "guillemets-de": "»«", "straight": '""', "single-de": "‚‘",
             "single-guillemets": "‹›", "single-guillemets-de": "›‹"}
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.text:
            out.append(e.text)
        for c in e:
            name = etree.QName(c).localname
            if name == "q":
                m = marks.get(c.get("rend", ""), "„“")
                out.append(m[0]); walk(c); out.append(m[1])
            elif name == "note" and markers:
                out.append(c.get("n", ""))
            elif name not in {"note", "corr"}:
                walk(c)
            if c.tail:
                out.append(c.tail)

    walk(el)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def words_before(note: etree._Element) -> str:
    """The word the note marker is attached to: the last word before the note in its block."""
    block = note.getparent()
    while etree.QName(block).localname not in {"p", "head", "titlePart", "item", "byline"}:
        block = block.getparent()
    out: list[str] = []

    def walk(e: etree._Element) -> bool:  # True once the note is reached
        if e.text:
            out.append(e.text)
        for c in e:
            if c is note:
                return True
            if etree.QName(c).localname not in {"note", "corr"} and walk(c):
                return True
            if c.tail:
                out.append(c.tail)
        return False

    walk(block)
    return re.findall(r"\w+", "".join(out))[-1]


@pytest.mark.parametrize("essay", [e for e, _ in essays()], ids=lambda p: p.stem)
def test_each_note_is_on_the_page_of_its_marker(built: dict[str, Path], essay: Path) -> None:
    pages = pages_text(built[essay.stem])
    notes = parse(essay).xpath("//tei:text//tei:note[@place='foot']", namespaces=NS)
    assert notes
    for note in notes:
        n = note.get("n")
        body = tei_text(note) or "[Text der Anmerkung in der Quelle nicht überliefert]"
        opening = " ".join(body.split(" ")[:4])
        # the entry's number (the source's) stands apart from its text, as it does at the marker
        hits = [i for i, t in enumerate(pages) if opening in t and re.search(rf"(^|\s){re.escape(n)}(\s|$)", t)]
        assert hits, f"note {n}: text {opening!r} not found"
        anchor = words_before(note)
        assert any(anchor in pages[i] for i in hits), f"note {n}: marker word {anchor!r} not on page {[h + 1 for h in hits]}"


def test_lost_note_is_marked(built: dict[str, Path]) -> None:
    pages = pages_text(built["sample"])
    assert any("[Text der Anmerkung in der Quelle nicht überliefert]" in t and re.search(r"(^|\s)1(\s|$)", t) for t in pages)


@pytest.mark.parametrize("essay, edition_dir", essays(), ids=lambda p: p.stem)
def test_index_pages_hold_the_names(built: dict[str, Path], essay: Path, edition_dir: Path) -> None:
    pdf = built[essay.stem]
    pages = pages_text(pdf)
    tree = parse(essay)
    register = parse(edition_dir / "tei" / "register" / "persons.xml")
    mentions: dict[str, set[str]] = {}
    for pn in tree.xpath("//tei:text//tei:persName[starts-with(@ref, 'psn:')]", namespaces=NS):
        mentions.setdefault(pn.get("ref")[4:], set()).add(tei_text(pn))
    raw = pdf_text(pdf)
    lines = [[l for l in page.splitlines() if l.strip()] for page in raw.split("\f")]
    starts = [i for i, page in enumerate(lines) if page and page[0] == "Personenregister"]
    if not mentions:  # nothing to index: no index part
        assert not starts
        return
    first = min(starts)
    index_pages = [lines[first][1:-1]]  # heading … folio
    for page in lines[first + 1:]:
        if page and page[0] == "Impressum":
            break
        index_pages.append(page[1:-1])  # running head … folio
    index_text = norm("\n".join(l for page in index_pages for l in page))
    for pid, forms in mentions.items():
        reg = register.xpath("//tei:person[@xml:id=$id]/tei:persName[@type='reg']", namespaces=NS, id=pid)
        name = re.sub(r"\s+", " ", "".join(reg[0].itertext())).strip() if reg else sorted(forms)[0]
        assert name in index_text, f"{pid}: no index entry"
        entry = index_text[index_text.index(name):]
        numbers = re.match(r"[^·]*· ((?:\d+, )*\d+)", entry)
        assert numbers, f"{pid}: no page numbers in {entry[:160]!r}"
        for page in (int(x) for x in numbers.group(1).split(", ")):
            text = pages[page - 1]
            assert any(f in text or f.replace(" ", "") in text.replace(" ", "") for f in forms), (
                f"{pid}: page {page} does not show any of {sorted(forms)}")


# The reading text's declared typography (xslt/common/typography.xsl) turned back: what is left
# must be the TEI's characters exactly.
AS_PRINTED = str.maketrans({"„": '"', "“": '"', "”": '"', "–": "-"})


def test_hostile_text_comes_out_verbatim(tmp_path: Path) -> None:
    out = tmp_path / "hostile.pdf"
    build_pdf(HOSTILE, SAMPLE, out)
    text = " ".join(pages_text(out)).translate(AS_PRINTED)
    tree = parse(HOSTILE)
    paragraphs = tree.xpath("//tei:body//tei:p | //tei:body//tei:head | //tei:titlePart | //tei:note", namespaces=NS)
    assert len(paragraphs) >= 10
    for p in paragraphs:
        line = tei_text(p, markers=etree.QName(p).localname != "note").translate(AS_PRINTED)
        assert line in text, f"not verbatim: {line!r}"
    assert '"); #panic("x") //' in text and "\\u{1F600}" in text
    assert 'S. 2"#x\\' in text  # a page number from an attribute
    links = [a.get_object()["/A"]["/URI"] for p in pypdf.PdfReader(out).pages for a in p.get("/Annots", []) or []
             if "/A" in a.get_object()]
    assert 'https://example.org/?q="a"#b\\c' in links
    info = pypdf.PdfReader(out).metadata
    assert info.title.startswith('Feind #lich "\\u{41}" $x$ *fett*')


def test_archival_metadata_and_attachment(built: dict[str, Path]) -> None:
    pdf = built["sample"]
    reader = pypdf.PdfReader(pdf)
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>3</pdfaid:part>", xmp) and re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "Ein Beispiel. Lenin und die Folgen" in xmp and "<rdf:li>Max Muster</rdf:li>" in xmp
    assert "Ein kurzer Beispieltext." in xmp and "<rdf:li>de</rdf:li>" in xmp
    assert "2026-11-22T00:00:00Z" in xmp  # the edition's date, not the clock
    source = SAMPLE / "tei" / "essays" / "sample.xml"
    assert reader.attachments == {"sample.xml": [source.read_bytes()]}
    root = reader.trailer["/Root"]
    assert "/AF" in root and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    spec = root["/AF"][0].get_object()
    assert spec["/AFRelationship"] == "/Source" and spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/tei+xml"


def test_outline_and_layout(built: dict[str, Path]) -> None:
    pdf = built["sample"]
    reader = pypdf.PdfReader(pdf)

    def titles(items: list) -> list[str]:
        return [t for x in items for t in (titles(x) if isinstance(x, list) else [x.title])]

    assert titles(reader.outline) == ["Ein Beispiel", "Vorwort", "Februar 1917", "Unterabschnitt", "Personenregister", "Zur Edition", "Impressum"]
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (150, 230)
    pages = pages_text(pdf)
    toc = next(t for t in pages if t.startswith("Inhalt"))
    opening = next(i for i, t in enumerate(pages) if "Ein Beispiel1" in t) + 1
    assert re.search(rf"Februar 1917 [. ]+\u2060?{opening}\b", toc)
    assert "S. 1" in pages[opening - 1] and "S. 2" in pages[opening - 1]  # source pages in the margin
    fonts = {f for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts and all("Libertinus" in str(f.get_object()["/BaseFont"]) for f in fonts)


def test_colophon_from_the_sources(built: dict[str, Path]) -> None:
    colophon = pages_text(built["sample"])[-1]
    for s in ("Beispieledition, Version 1.0.0", "Erika Muster", "22. November 2026", "CC BY 4.0",
              "https://creativecommons.org/licenses/by/4.0/", "„sample.xml“"):
        assert s in colophon
    assert "Max Muster, Ein Beispiel, 2017" not in colophon  # the text's source: on the title page's verso


def test_title_page_verso_holds_the_text_facts(built: dict[str, Path]) -> None:
    """What the header says of the text (common:header-facts) stands on the title page's verso."""
    verso = pages_text(built["sample"])[1]
    assert verso.startswith("Angaben zum Text")
    assert re.search(r"Quelle Max Muster, Ein Beispiel, 2017", verso)
    assert "Textgrundlage" in verso


def test_same_sources_same_bytes(built: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    build_pdf(SAMPLE / "tei" / "essays" / "sample.xml", SAMPLE, again)
    assert again.read_bytes() == built["sample"].read_bytes()


def test_bad_xml_names_file_line_column_and_writes_nothing(tmp_path: Path) -> None:
    edition = tmp_path / "ed"
    shutil.copytree(SAMPLE, edition)
    bad = edition / "tei" / "essays" / "sample.xml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("<list>", "<list", 1), encoding="utf-8")
    out = tmp_path / "out" / "sample.pdf"
    with pytest.raises(XmlInputError) as err:
        build_pdf(bad, edition, out)
    assert re.match(rf"{re.escape(str(bad))}:\d+:\d+: error: ", str(err.value))
    assert not out.exists() and not list(tmp_path.glob("out/*"))
