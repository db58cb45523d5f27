"""The editorial note of each PDF ("Zur Edition", xslt/pdf/editorial.xsl), read back from the PDF
itself: its figures are the counts of the TEI (counted here again), its statements the header's,
and a text without encodingDesc says that its header declares nothing; the note is its own part
between the index and the colophon."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from edition.core import read_edition
from edition.paths import ROOT, XSLT
from edition.transform.pdf import build_pdf
from edition.xmlio import parse
from pdf_support import pdf_text

BUNDLED = ROOT / "editions" / "russische-revolution"
CORPUS_TEXT = ROOT.parent / "shared" / "corpus" / "de-dta-droysen_historik_1868.xml"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
LB = "{urn:tei-edition:labels}"


@cache
def de(key: str) -> str:
    root = etree.parse(str(XSLT / "common" / "labels.xml")).getroot()
    return next(label.findtext(f"{LB}de") for label in root.iter(f"{LB}label") if label.get("key") == key)


def squeeze(s: str) -> str:
    """Text compared across line breaks: no whitespace, no hyphens (the typesetter's or not)."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", s)


def note_text(pdf: Path) -> str:
    """The editorial note's pages: from its heading to the colophon's."""
    text = pdf_text(pdf)
    heading = lambda key: [m.end() for m in re.finditer(rf"(?m)^\f*{de(key)}$", text)]  # noqa: E731
    (start,), (end,) = heading("editorial"), heading("colophon")  # a part of its own, opening a page
    assert start < end and f"{de('editorial')} ." in text  # and in the contents
    return text[start:end]


def shows_count(note: str, label: str, n: int) -> bool:
    """Whether the note says "label: n" (across line breaks), n not the start of a longer number."""
    gaps = r"[\s\-\u00ad\u2010]*"
    pattern = gaps.join(map(re.escape, squeeze(label))) + rf"{gaps}:\s*{n}(?!\d)"
    return re.search(pattern, note) is not None


def is_lost(note: etree._Element) -> bool:
    children = [c for c in note if isinstance(c.tag, str)]
    return bool(children) and all(etree.QName(c).localname == "gap" for c in children) and not "".join(
        note.xpath("text()")).strip()


def tei_counts(tei: etree._ElementTree, prefix: str) -> dict[str, int]:
    x = lambda path: tei.xpath(path, namespaces=NS)  # noqa: E731
    notes = x("//t:text//t:note[@place='foot']")
    lost = sum(map(is_lost, notes))
    names = x("//t:text//t:persName")
    registered = [n.get("ref") for n in names if (n.get("ref") or "").startswith(prefix + ":")]
    counts = {
        de("editorial-count-pb"): len(x("//t:text//t:pb")),
        de("editorial-count-corrected"): len(x("//t:text//t:choice[t:sic and t:corr]")),
        de("editorial-count-persname"): len(names),
        de("editorial-count-persname-register"): len(registered),
        de("editorial-count-persons"): len(set(registered)),
        de("editorial-count-date"): len(x("//t:text//t:date")),
    }
    if lost:
        counts |= {de("editorial-count-notes"): len(notes), de("editorial-count-notes-text"): len(notes) - lost,
                   de("editorial-count-notes-lost"): lost}
    return {k: v for k, v in counts.items() if v}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    out = tmp_path_factory.mktemp("pdf-editorial")
    pdfs = {}
    for text in read_edition(BUNDLED).texts:
        pdfs[text] = out / f"{text.stem}.pdf"
        build_pdf(text, BUNDLED, pdfs[text])
    return pdfs


@pytest.mark.slow
def test_the_note_counts_what_the_tei_holds(bundled: dict[Path, Path]) -> None:
    prefix = read_edition(BUNDLED).config.register_prefix
    for text, pdf in bundled.items():
        note = note_text(pdf)
        missing = {k: n for k, n in tei_counts(parse(text), prefix).items() if not shows_count(note, k, n)}
        assert missing == {}, text.name


@pytest.mark.slow
def test_the_note_says_what_the_header_says(bundled: dict[Path, Path]) -> None:
    for text, pdf in bundled.items():
        note = squeeze(note_text(pdf))
        tei = parse(text)
        decl = tei.xpath("//t:encodingDesc/t:editorialDecl/*/t:p", namespaces=NS)
        changes = tei.xpath("//t:revisionDesc/t:change", namespaces=NS)
        assert decl and changes
        for el in decl + changes:
            # the words as written; q's quote marks are the reader's, left out of the comparison
            words = re.sub(r'["„“«»]', "", squeeze("".join(el.itertext())))
            assert words in re.sub(r'["„“«»]', "", note), f"{text.name}: missing {words[:60]}"
        assert de("editorial-no-declaration")[:40].replace(" ", "") not in note


@pytest.mark.slow
def test_a_text_without_encoding_desc_gets_a_short_honest_note(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    cli = [sys.executable, "-c", "from edition.cli import main; main()"]
    for step in (("new", str(folder), "--title", "Korpus", "--lang", "de", "--date", "2026-01-01"),
                 ("add", str(folder), str(CORPUS_TEXT))):
        done = subprocess.run([*cli, *step], capture_output=True, text=True, check=False, cwd=ROOT)
        assert done.returncode == 0, done.stderr[-2000:]
    (text,) = read_edition(folder).texts
    build_pdf(text, folder, tmp_path / "droysen.pdf")
    note = note_text(tmp_path / "droysen.pdf")
    assert squeeze(de("editorial-no-declaration")) in squeeze(note)
    tei = parse(text)
    assert shows_count(note, de("editorial-count-pb"), len(tei.xpath("//t:text//t:pb", namespaces=NS)))
    for absent in ("editorial-decl-correction", "editorial-revisions", "editorial-count-notes"):
        assert de(absent) not in note  # the header says nothing of it: nor does the note


# ---- the colophon (xslt/pdf/colophon.xsl) ----

PAGE_WIDTH, INSIDE_MARGIN = 15 / 2.54 * 72, 20 / 25.4 * 72  # edition.typ: 15 cm wide, 20 mm inside (the smaller)


def words_past_the_margin(pdf: Path, page: int) -> list[str]:
    """Words of a page that reach into the narrower margin (pdftotext's word boxes)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    limit = PAGE_WIDTH - INSIDE_MARGIN + 0.5
    return [m.group(2) for m in re.finditer(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', out)
            if float(m.group(1)) > limit]


@pytest.mark.slow
def test_the_colophon_from_the_configuration(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(BUNDLED, folder, ignore=shutil.ignore_patterns("tests"))
    base = "https://editions.example.org/russische-revolution/a-rather-long-address-for-the-site/"
    toml = (folder / "edition.toml").read_text(encoding="utf-8").replace(
        "[[edition.editors]]", f'base_url = "{base}"\n\n[edition.identifier]\ntype = "DOI"\nvalue = "10.5281/zenodo.17000000"\n\n[[edition.editors]]', 1)
    (folder / "edition.toml").write_text(toml, encoding="utf-8")
    text = folder / "texts" / "dallmer-oktoberumsturz.xml"
    pdf = tmp_path / "book.pdf"
    build_pdf(text, folder, pdf)
    pages = pdf_text(pdf).split("\f")
    colophon = next(i for i, p in enumerate(pages) if re.match(rf"\s*{de('colophon')}\n", p))
    said = pages[colophon]
    assert squeeze(base) in squeeze(said)  # the address, whole across its line break
    assert "DOI 10.5281/zenodo.17000000" in said
    licence = parse(text).xpath("string(//t:publicationStmt//t:licence/@target)", namespaces=NS)
    assert squeeze(said).count(squeeze(licence)) == 1 and said.count("CC BY 4.0") == 1  # once, though edition and text both state it
    # the verso (the text's facts, its 64-digit hash) and the colophon stay inside the margins
    assert words_past_the_margin(pdf, 2) == [] and words_past_the_margin(pdf, colophon + 1) == []


@pytest.mark.slow
def test_every_lost_note_links_to_the_editorial_note(bundled: dict[Path, Path]) -> None:
    """In the PDF as on the site, the words of a lost note are a link to the part of the editorial
    note that says what the text lost."""
    import pypdf

    for text, pdf in bundled.items():
        lost = sum(1 for n in parse(text).iter(f"{{{NS['t']}}}note") if is_lost(n))
        reader = pypdf.PdfReader(pdf)
        pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
        texts = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
        part = [i for i, t in enumerate(texts) if de("editorial") in t.splitlines()[:1] or t.startswith(de("editorial"))]
        losses = [i for i in range(min(part, default=len(texts)), len(texts)) if de("editorial-losses") in texts[i]]
        to_losses = 0
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                a = annot.get_object()
                dest = a.get("/Dest") or (a.get("/A") or {}).get("/D")
                if a.get("/Subtype") != "/Link" or dest is None:
                    continue
                target = (reader.get_destination_page_number(reader.named_destinations[str(dest)])
                          if isinstance(dest, str) else pages.get(dest[0].idnum))
                to_losses += target in losses
        assert to_losses >= lost, (text.name, lost, to_losses)
