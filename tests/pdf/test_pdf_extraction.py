"""The PDF reads back as the source's words (text extraction: copy, search, pdftotext, the
corpus bench): a word the source hyphenates at its line end keeps that line break and reads
whole, a hyphen the source writes never ends a printed line, a footnote marker and the readings
of a substitution stand apart from the words they touch, a page break inside a word is marked
without a glyph."""

from __future__ import annotations

import re
from pathlib import Path

from bench.corpus import pdf_text as pdf_flow
from bench.corpus import words
from edition.paths import ROOT
from edition.transform.pdf import build_pdf, typst_markup
from pdf_support import WORD_JOINER, document

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
HARD = "Die fellow-passengers und half-a-dozen Samen- oder Pollen-Zellen. "


def build(tmp_path: Path, body: str) -> tuple[str, str]:
    essay = tmp_path / "extraction.xml"  # a name of no word the tests count
    essay.write_text(document(body), encoding="utf-8")
    build_pdf(essay, SAMPLE, tmp_path / "extraction.pdf")
    return typst_markup(essay, SAMPLE), pdf_flow(tmp_path / "extraction.pdf")[0]


def test_a_source_line_end_hyphen_keeps_its_break(tmp_path):
    markup, flow = build(tmp_path, "<p>Die Befruch-<lb/>tung und Befruchtungs-<lb/>Organe, müs-<lb/><pb n='31'/>sen</p>")
    assert '#"Die Befruch-";#linebreak()#"tung und Befruchtungs-";#linebreak()#"Organe' in markup
    read = words(flow)
    assert read["befruchtung"] == 1 and read["befruchtungs"] == 1 and read["organe"] == 1
    assert read["müssen"] == 1  # the page's mark between the halves is drawn, not a letter


def test_a_hard_hyphen_never_ends_a_line(tmp_path):
    markup, flow = build(tmp_path, f"<p>{HARD * 40}</p>")
    assert f"fellow-{WORD_JOINER}passengers" in markup and f"half-{WORD_JOINER}a-{WORD_JOINER}dozen" in markup
    assert f"Samen-{WORD_JOINER}\u00a0oder" in markup
    lines = [line for line in flow.split("\x01") if line.strip()]
    assert len(lines) > 20 and not [line for line in lines if re.search(r"\b(fellow|half|a|Samen|Pollen)-$", line)]
    read = words(flow)
    assert read["fellow"] == read["passengers"] == read["samen"] == read["oder"] == 40
    assert read["fellowpassengers"] == read["samenoder"] == 0


def test_markers_and_readings_stand_apart(tmp_path):
    markup, flow = build(tmp_path, '<p>in Laupen<note place="foot">Kanton Bern</note>, '
                                   '<subst><add>T</add><del>t</del></subst>he</p>')
    read = words(flow)
    assert read["laupen"] == 1 and read["kanton"] == 1 and not read["laupen1"] and not read["1kanton"]
    assert '#sym.wj;#"T";#sym.wj;' in markup and "#sym.wj;#strike[" in markup
    assert read["he"] == 1 and read["t"] == 2


def test_a_web_address_keeps_its_characters(tmp_path):
    markup, _ = build(tmp_path, "<p>Siehe https://example.org/a-b-c und Hecken-Zaun.</p>")
    assert '"Siehe https://example.org/a-b-c und Hecken-\u2060Zaun."' in markup


def test_a_correction_inside_a_word_reads_as_its_readings(tmp_path):
    """Erschein<choice><sic>n</sic><corr>u</corr></choice>ngen: the printed reading and the
    correction each a word for extraction, as the source's readings are read apart."""
    markup, flow = build(tmp_path, "<p>der Erschein<choice><sic>n</sic><corr>u</corr></choice>ngen und "
                                   "<choice><abbr>Dr</abbr><expan>Doktor</expan></choice>s Haus</p>")
    read = words(flow)
    assert read["erschein"] == read["n"] == read["u"] == read["ngen"] == 1 and not read["erscheinn"]
    assert read["doktor"] == read["dr"] == read["s"] == 1
