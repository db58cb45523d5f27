"""Characters Libertinus Serif lacks: typeset from an installed fallback font, or printed as a
visible ``[U+XXXX]`` with a ``file:line`` warning; never a failed book."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from edition.paths import ROOT
from edition.transform import pdf_fonts
from edition.transform.pdf import PdfBuildError, build_pdf, prepare
from edition.xmlio import NS, parse
from pdf_support import pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
SHOTS = ROOT / "build" / "test-screenshots" / "pdf"
EMOJI, BOM, R_ROTUNDA, HAN = "\U0001F600", "\ufeff", "\ua75b", "\u6f22"
NO_FONT = "\U0010FFFD"  # private use, plane 16: in no font
MARKED = "Glyphen-Probe"  # the paragraph that carries them


def covered(c: str) -> bool:
    return any(ord(c) in f.coverage for f in pdf_fonts.chain())



def line_of(essay: Path, needle: str) -> int:
    """The line of the element whose own text holds ``needle``."""
    hits = [e for e in parse(essay).iter() if isinstance(e.tag, str) and needle in (e.text or "")]
    assert len(hits) == 1
    return hits[0].sourceline


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample edition with a paragraph of hard characters, a page number and a register name
    that hold one too."""
    ed = tmp_path_factory.mktemp("glyphs") / "ed"
    shutil.copytree(SAMPLE, ed)
    essay = ed / "tei" / "essays" / "sample.xml"
    probe = (f"<p>{MARKED}: Emoji {EMOJI},\n          Wortfuge a{BOM}b, Rotunda de{R_ROTUNDA}, Han {HAN},"
             f" Privat {NO_FONT} und Ende.</p>\n        <p>Zweite Zeile mit <hi rend=\"bold\">e\u0301 und {NO_FONT}</hi>.</p>")
    text = essay.read_text(encoding="utf-8")
    text = text.replace("<pb n=\"2\"/>", f"<pb n=\"2{NO_FONT}\"/>", 1)
    essay.write_text(text.replace("<list>", probe + "\n        <list>", 1), encoding="utf-8")
    persons = ed / "tei" / "register" / "persons.xml"
    persons.write_text(persons.read_text(encoding="utf-8").replace("<forename>Max</forename>", f"<forename>Max{NO_FONT}</forename>"),
                       encoding="utf-8")
    return ed


@pytest.fixture(scope="module")
def built(edition: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("glyph-pdf") / "sample.pdf"
    warnings = build_pdf(edition / "tei" / "essays" / "sample.xml", edition, out)
    return out, warnings


def test_libertinus_coverage_is_read_from_the_typst_wheel() -> None:
    libertinus = pdf_fonts.primary()
    assert libertinus.name == "Libertinus Serif" and not libertinus.files
    assert all(ord(c) in libertinus.coverage for c in "AZaz09äöüÄÖÜß„“‚‘«»–—…·ſ€")
    assert not any(ord(c) in libertinus.coverage for c in (EMOJI, HAN, R_ROTUNDA, NO_FONT))


def test_the_fallback_chain_holds_only_installed_fonts_in_order() -> None:
    chain = pdf_fonts.chain()
    names = [f.name for f in chain[1:]]
    assert names == [n for n in pdf_fonts.FALLBACK_FAMILIES if n in names]
    assert all(Path(p).is_file() for f in chain[1:] for p in f.files)


def test_hard_characters_are_typeset_or_substituted(built: tuple[Path, list[str]]) -> None:
    pdf, _ = built
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    assert MARKED in text and "und Ende." in text  # the paragraph is printed whole
    for c in (EMOJI, R_ROTUNDA, HAN):
        assert (c if covered(c) else f"[U+{ord(c):04X}]") in text, f"U+{ord(c):04X}"
    assert "Privat [U+10FFFD] und Ende." in text
    assert "S. 2[U+10FFFD]" in text  # a page number from an attribute
    assert "Muster, Max[U+10FFFD]" in text  # the person index
    assert "\ufeff" not in text  # U+FEFF is kept as an (allowed) word joiner, invisible


def test_each_substitute_is_warned_at_its_element_line(built: tuple[Path, list[str]], edition: Path) -> None:
    _, warnings = built
    essay = edition / "tei" / "essays" / "sample.xml"
    persons = edition / "tei" / "register" / "persons.xml"
    line = line_of(essay, MARKED)
    bold = parse(essay).xpath("//tei:hi[@rend='bold']", namespaces=NS)[0].sourceline
    pb = parse(essay).xpath("//tei:pb[starts-with(@n, '2')]", namespaces=NS)[0].sourceline
    person = line_of(persons, f"Max{NO_FONT}")
    expected = {f"{essay}:{line}", f"{essay}:{bold}", f"{essay}:{pb}", f"{persons}:{person}"}
    assert {w.split(": warning: ")[0] for w in warnings} == expected
    probe = next(w for w in warnings if w.startswith(f"{essay}:{line}:"))
    assert "U+10FFFD" in probe and "printed as [U+10FFFD]" in probe
    assert all(re.fullmatch(r".+:\d+: warning: no font has .+; printed as .+", w) for w in warnings)
    assert not any("U+FEFF" in w for w in warnings)


def test_combining_mark_stays_with_its_base(built: tuple[Path, list[str]]) -> None:
    assert "e\u0301 und [U+10FFFD]" in pdf_text(built[0]).replace("é", "e\u0301")


def test_substitutes_keep_pdfa_and_bytes(built: tuple[Path, list[str]], edition: Path, tmp_path: Path) -> None:
    pdf, _ = built
    xmp = pypdf.PdfReader(pdf).xmp_metadata.stream.get_data().decode("utf-8")
    assert "<pdfaid:part>3</pdfaid:part>" in xmp and "<pdfuaid:part>1</pdfuaid:part>" in xmp
    again = tmp_path / "again.pdf"
    build_pdf(edition / "tei" / "essays" / "sample.xml", edition, again)
    assert again.read_bytes() == pdf.read_bytes()


def test_fallback_fonts_are_embedded_only_where_needed(built: tuple[Path, list[str]]) -> None:
    reader = pypdf.PdfReader(built[0])
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert any("Libertinus" in f for f in fonts)
    if covered(HAN):
        assert any("CJK" in f for f in fonts)


def test_page_with_the_characters_renders(built: tuple[Path, list[str]]) -> None:
    pdf, _ = built
    pages = pdf_text(pdf).split("\f")
    page = next(i for i, t in enumerate(pages) if MARKED in t) + 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(SHOTS / "glyphs")], check=True)
    assert (SHOTS / "glyphs.png").stat().st_size > 10_000


def test_unit_typeset_keeps_what_a_font_has() -> None:
    libertinus = (pdf_fonts.primary(),)
    assert pdf_fonts.typeset("Straße „x“", libertinus) == ("Straße „x“", [])
    assert pdf_fonts.typeset(f"a{HAN}b", libertinus) == ("a[U+6F22]b", [HAN])
    assert pdf_fonts.typeset(f"a{BOM}b", libertinus) == ("a\u2060b", [])
    assert pdf_fonts.typeset("x\u200by\u00ad", libertinus) == ("x\u200by\u00ad", [])
    assert pdf_fonts.typeset(f"a\n\t{HAN}\r\n", libertinus) == ("a\n\t[U+6F22]\r\n", [HAN])  # XML whitespace needs no glyph


def test_without_fallback_fonts_every_hard_character_is_a_substitute(
        edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine with no fallback font installed (pip install alone) still builds the book."""
    monkeypatch.setattr(pdf_fonts, "chain", lambda: (pdf_fonts.primary(),))
    out = tmp_path / "bare.pdf"
    warnings = build_pdf(edition / "tei" / "essays" / "sample.xml", edition, out)
    text = re.sub(r"\s+", " ", pdf_text(out)).replace("\u2060", "")  # the word joiner that stands for U+FEFF
    assert "Emoji [U+1F600], Wortfuge ab, Rotunda de[U+A75B], Han [U+6F22], Privat [U+10FFFD] und Ende." in text
    probe = next(w for w in warnings if f":{line_of(edition / 'tei' / 'essays' / 'sample.xml', MARKED)}:" in w)
    for code in ("U+1F600 GRINNING FACE", "U+A75B LATIN SMALL LETTER R ROTUNDA", "U+6F22 CJK UNIFIED IDEOGRAPH-6F22", "U+10FFFD"):
        assert code in probe
    fonts = {str(f.get_object()["/BaseFont"]) for p in pypdf.PdfReader(out).pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts and all("Libertinus" in f for f in fonts)


def test_the_bundled_essays_need_no_installed_font() -> None:
    for essay in sorted((ROOT / "tei" / "essays").glob("*.xml")):
        assert prepare(essay, ROOT).families == (pdf_fonts.primary(),), essay.name


def test_a_text_libertinus_covers_needs_no_installed_font() -> None:
    assert pdf_fonts.families_for(set("Straße „Räte“ – 1917 …\ufeff\u00ad\n\t\r")) == (pdf_fonts.primary(),)
    assert pdf_fonts.families_for({HAN}) == pdf_fonts.chain()


def test_an_unreadable_typst_wheel_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))  # no coverage recorded for the wheel yet
    monkeypatch.setattr(pdf_fonts, "_embedded_faces", lambda: iter(()))
    monkeypatch.setattr(pdf_fonts, "primary", pdf_fonts.primary.__wrapped__)
    out = tmp_path / "x.pdf"
    with pytest.raises(PdfBuildError, match=r"sample\.xml: typst .*: the embedded Libertinus Serif was not found"):
        build_pdf(SAMPLE / "tei" / "essays" / "sample.xml", SAMPLE, out)
    assert not out.exists()
