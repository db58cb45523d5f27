"""Round trips through the toolkit's own PDFs (tests/importer/pdfround.py): a fixture and a bundled essay are
typeset, extracted with pdftotext in its three forms, imported and scored against their TEI sources."""

from __future__ import annotations

from pathlib import Path

import pdfround as R
import pytest

from edition.importer import blocks as blk
from edition.importer.pages import BodyLine

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [R.G.FIXTURES / "gen-werkstatt.xml", ROOT / "editions" / "russische-revolution" / "texts" / "meschkat-vorbild.xml"]


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], R.Round]:
    work = tmp_path_factory.mktemp("pdf-round")
    pdfs = R.build_pdfs(TEXTS, work)
    return {(tei.stem, mode): R.round_trip(tei, pdf, mode) for tei, pdf in zip(TEXTS, pdfs) for mode in R.MODES}


def test_every_extraction_imports_and_keeps_the_essays_words(rounds: dict[tuple[str, str], R.Round]) -> None:
    for (name, mode), r in rounds.items():
        assert not r.error, (name, mode, r.error)
        # The default mode loses some note texts to labels it sets apart from them (see the report of the bench).
        assert r.recall >= (0.98 if mode == "default" else 0.998), (name, mode, r)
        # The PDF prints a title page, contents and the edition's apparatus too: more words than the essay.
        assert 0.7 < r.precision < 1, (name, mode, r)


def test_raw_extractions_give_every_note_its_text_and_the_headings(rounds: dict[tuple[str, str], R.Round]) -> None:
    for name in ("gen-werkstatt", "meschkat-vorbild"):
        r = rounds[(name, "raw")]
        assert r.found == r.notes > 0, r
        assert r.placed >= 0.85 * r.notes, r  # a few notes stand after editorial corrections the PDF prints ([Zitats])
        assert r.heads_found >= r.heads - 1, r


def test_a_text_without_blank_lines_sets_its_headings_between_lines_of_text() -> None:
    # pdftotext -raw sets no blank line anywhere: a short line with words and no final punctuation, between a
    # sentence's end and a capital, with room for the next word, is a heading there.
    full = "Der Text läuft hier über die ganze Breite der Seite, wie es sich für einen"
    lines = [full, "Absatz gehört, und er endet mit einem Satz.", "Seitenzahlen und lebende Kolumnentitel",
             "Viele Vorlagen " + full[15:], "ganzen Absatz gehört, und dann geht es weiter mit", "dem nächsten Satz, der auch endet."]
    body = [BodyLine(k + 1, x, page_start=k == 0, page=1) for k, x in enumerate(lines)]
    habits = blk.head_words(body, blk.detect_habits(body, "single"), False)
    assert [(b.kind, len(b.lines)) for b in blk.segment(body, habits, False)] == [("p", 2), ("head", 1), ("p", 3)]


def test_without_blank_lines_a_titles_few_words_with_a_period_and_a_closer_are_read_too() -> None:
    full = "Der Text läuft hier über die ganze Breite der Seite, wie es sich für einen"
    lines = [full, "Absatz gehört, und er endet mit einem langen Satz hier.", "Einleitung.",
             "Viele Vorlagen " + full[15:], "ganzen Absatz gehört, und dann geht es weiter bis", "zum Ende des Satzes.",
             "Jena im Mai 1858.", "Erika Muster"]
    body = [BodyLine(k + 1, x, page_start=k == 0, page=1) for k, x in enumerate(lines)]
    habits = blk.head_words(body, blk.detect_habits(body, "single"), False)
    got = [(b.kind, len(b.lines)) for b in blk.segment(body, habits, False)]
    assert got == [("p", 2), ("head", 1), ("p", 3), ("dateline", 1), ("signed", 1)]


def test_a_heading_after_blank_lines_with_its_paragraph_right_under_it() -> None:
    # pdftotext -layout: blank lines above a heading, none under it; the paragraph opens without an indent.
    full = "Der Text läuft hier über die ganze Breite der Seite, wie es sich für einen"
    lines = [full, "Absatz gehört, und er endet mit einem langen Satz hier.", "Seitenzahlen und lebende Kolumnentitel",
             "Viele Vorlagen " + full[15:], "ganzen Absatz gehört, und dann geht es weiter bis", "zum Ende des Satzes."]
    body = [BodyLine(k + 1, x, page_start=k == 0, blank_before=k == 2, page=1) for k, x in enumerate(lines)]
    habits = blk.head_words(body, blk.detect_habits(body, "single"), False)
    assert [(b.kind, len(b.lines)) for b in blk.segment(body, habits, False)] == [("p", 2), ("head", 1), ("p", 3)]
