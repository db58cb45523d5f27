"""The processing model's behaviours in the PDF (xslt/pdf/behaviours.xsl), case by case: verse,
speeches, tables, breaks and alternatives have their own structure; an unmodelled element keeps
its text and the build warns once per name (every behaviour and every element of the model at
once: test_pdf_every_behaviour.py)."""

from __future__ import annotations

import re
from pathlib import Path

from edition.paths import ROOT
from edition.transform.pdf import build_pdf, typst_markup
from pdf_support import document, pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"


def build(tmp_path: Path, body: str) -> tuple[str, str, list[str]]:
    essay = tmp_path / "t.xml"
    essay.write_text(document(body), encoding="utf-8")
    warnings = build_pdf(essay, SAMPLE, tmp_path / "t.pdf")
    return typst_markup(essay, SAMPLE), re.sub(r"\s+", " ", pdf_text(tmp_path / "t.pdf")), warnings


def test_verse(tmp_path):
    markup, text, _ = build(tmp_path, '<lg type="poem"><head>Lied</head><lg><l n="1">Erste Zeile</l>'
                                     '<l n="5">Fünfte Zeile</l></lg></lg>')
    assert markup.count("#verse-line(") == 2 and markup.count("#verse[") == 2
    assert 'verse-line("5")' in markup and "verse-line(none)" in markup
    assert "Erste Zeile" in text and "Fünfte Zeile 5" in text


def test_drama(tmp_path):
    markup, text, _ = build(tmp_path, '<sp who="#a"><speaker>ANNA</speaker><stage>leise</stage>'
                                     '<l>Ein Vers <stage>lacht</stage> zu Ende</l><p>Prosa.</p></sp>')
    assert "#speech[" in markup and "#speaker[" in markup and "#stage[" in markup and "#emph[" in markup
    for words in ("ANNA", "leise", "Ein Vers lacht zu Ende", "Prosa."):
        assert words in text


def test_table(tmp_path):
    markup, text, _ = build(tmp_path, '<table><head>Tafel</head><row role="label"><cell>A</cell><cell>B</cell>'
                                     '<cell>C</cell></row><row><cell cols="2">wide</cell><cell>c</cell></row>'
                                     '<row><cell>short</cell></row></table>')
    assert "#tei-table(3, table.header(" in markup
    assert "tei-cell(colspan: 2)" in markup
    assert "[#\"short\";], [], []" in markup  # a short row is filled
    for words in ("Tafel", "wide", "short"):
        assert words in text


def test_line_breaks(tmp_path):
    markup, text, _ = build(tmp_path, '<p>Ge<lb break="no"/>schichte und<lb/>Welt</p>'
                                     '<opener><dateline>Berlin,<lb/>1. Mai</dateline><salute>Lieber Freund,</salute></opener>')
    assert "Geschichte und Welt" in text
    assert "#linebreak()" in markup and "#tei-right[" in markup


def test_alternatives(tmp_path):
    markup, text, _ = build(tmp_path, '<p><choice><abbr>Dr.</abbr><expan>Doktor</expan></choice> '
                                     '<app><lem>Haus</lem><rdg wit="#B">Hof</rdg></app></p>')
    assert markup.count("#alternate(") == 2
    assert "Doktor [Dr.]" in text and "Haus [Hof #B]" in text


def test_notes_by_place(tmp_path):
    markup, text, _ = build(tmp_path, '<p>Text<note place="inline">innen</note>.</p>'
                                     '<note place="margin" n="a">Am Rand</note>')
    assert "#inline-note[" in markup and '#side-note("a")' in markup
    assert "innen" in text and "Am Rand" in text


def test_unmodelled_element_keeps_text_and_warns(tmp_path):
    _, text, warnings = build(tmp_path, '<p>Ein <frobnicate>seltsames</frobnicate> Wort '
                                        '<frobnicate>zweimal</frobnicate></p><zork><p>Block</p></zork>')
    assert "seltsames" in text and "zweimal" in text and "Block" in text
    assert [w for w in warnings if "has no model" in w] == [
        f"{tmp_path / 't.xml'}: warning: frobnicate has no model; its text is kept (2 times)",
        f"{tmp_path / 't.xml'}: warning: zork has no model; its text is kept (1 time)"]


def test_hostile_text_in_behaviours(tmp_path):
    """Source text in the new structures is string literals too: markup characters print as text."""
    hostile = '#set text(red) ]) [*x*] \\ "q" $m$ //c'
    attr = hostile.replace('"', "&quot;")
    markup, text, _ = build(tmp_path, f'<lg><l n="{attr}">{hostile}</l></lg><table><row><cell>{hostile}</cell>'
                                      f'</row></table><sp><speaker>{hostile}</speaker></sp>')
    assert text.count("#set text(red)") >= 3


def test_line_breaks_between_blocks_print_nothing(tmp_path):
    """DTA puts an lb after every verse line and paragraph: the blocks break there already."""
    markup, text, _ = build(tmp_path, '<lg><l>Erste</l><lb/><l>Zweite</l><lb/></lg><lb/><p>Prosa</p><lb/>')
    assert "#linebreak()" not in markup and '#" ";' not in markup
    assert "Erste Zweite Prosa" in text


def test_supplied_text_is_bracketed_in_both_outputs(tmp_path):
    """What the editor supplied is marked as such in the PDF as on the site ([1]815)."""
    markup, text, _ = build(tmp_path, "<p>London d. 4. März <supplied>1</supplied>815</p>")
    assert '#supplied[#"1";]' in markup
    assert "[1]815" in text
