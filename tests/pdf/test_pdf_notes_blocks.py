"""Notes in the PDF: lists (with labels), tables and verse in a footnote are laid out in it (no
Typst error, every word kept); notes of every place are numbered once each; notes placed at the
end stand in a notes part after the text."""

from __future__ import annotations

import re
from pathlib import Path

from edition.paths import ROOT
from edition.transform.pdf import build_pdf, typst_markup
from pdf_support import document, enclosing_calls, pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"

BODY = ('<p>Alpha<note place="foot">Liste <list><item>zqitemone</item><item>zqitemtwo</item></list> nach</note>'
        ' beta<note place="foot">Tafel <table><row role="label"><cell>zqhead</cell><cell>x</cell></row>'
        '<row><cell cols="2">zqwide</cell></row></table></note>'
        ' gamma<note place="foot"><lg><l n="1">zqverseone</l><l>zqversetwo</l></lg></note>'
        ' delta<note place="end">zqend</note> eps<note place="margin">zqmargin</note>'
        ' zeta<note place="foot"><p>zqparaone</p><p><list type="gloss"><label>zqlabel</label><item>zqgloss</item></list></p></note>'
        '.</p>')


def build(tmp_path: Path) -> tuple[str, str]:
    essay = tmp_path / "notes.xml"
    essay.write_text(document(BODY), encoding="utf-8")
    build_pdf(essay, SAMPLE, tmp_path / "notes.pdf")  # raises where Typst cannot lay a note out
    return typst_markup(essay, SAMPLE), re.sub(r"\s+", " ", pdf_text(tmp_path / "notes.pdf"))


def test_blocks_in_footnotes_keep_their_words_and_structure(tmp_path):
    markup, text = build(tmp_path)
    for w in ("zqitemone", "zqitemtwo", "zqhead", "zqwide", "zqverseone", "zqversetwo", "zqparaone", "zqlabel",
              "zqgloss", "nach"):
        assert w in text, w
    assert enclosing_calls(markup, "zqitemtwo") == ["note", "list"]
    assert enclosing_calls(markup, "zqwide") == ["note", "tei-table", "tei-cell"]
    assert enclosing_calls(markup, "zqverseone") == ["note", "verse", "verse-line"]
    assert enclosing_calls(markup, "zqgloss") == ["note", "list"]
    # a label and its item are one entry of the list, on one line
    assert '[#strong[#"zqlabel";]#h(0.6em)#"zqgloss";]' in markup
    assert "zqlabel zqgloss" in text


def test_every_note_has_a_number_of_its_own(tmp_path):
    markup, _ = build(tmp_path)
    numbers = re.findall(r'#(?:note\(|endnote\("\d+", )"([^"]*)"', markup)
    assert numbers == ["1", "2", "3", "4", "5", "6"]


def test_end_notes_stand_after_the_text(tmp_path):
    """A note placed at the end: its marker in the line, its text in the notes part after the
    text (its own page, a level-1 heading), not at the foot of the page."""
    markup, text = build(tmp_path)
    assert '#endnote("4", "4", [#"zqend";])' in markup and markup.count("#endnotes(labels)") == 1
    pages = [re.sub(r"\s+", " ", p) for p in pdf_text(tmp_path / "notes.pdf").split("\f")]
    notes_part = next(i for i, p in enumerate(pages) if p.startswith("Anmerkungen"))
    assert "4 zqend" in pages[notes_part] and not any("zqend" in p for p in pages[:notes_part])
    assert notes_part % 2 == 0  # a recto: the part opens on an odd page


def test_no_notes_part_without_end_notes(tmp_path):
    essay = tmp_path / "plain.xml"
    essay.write_text(document('<p>Text<note place="foot">unten</note>.</p>'), encoding="utf-8")
    assert "#endnotes(" not in typst_markup(essay, SAMPLE)
