"""Without metadata the subtitle is told from the main title by the layout of the title lines."""

from __future__ import annotations

from pathlib import Path

from edition.importer.guess import guess_meta
from edition.importer.source import read_source

SOURCES = Path(__file__).parents[2] / "editions" / "russische-revolution" / "sources"


def guessed(tmp_path: Path, text: str) -> tuple[str, str, str, list[str]]:
    src = tmp_path / "probe.txt"
    src.write_text(text, encoding="utf-8")
    meta, said = guess_meta(read_source(src).lines, src, "probe", None)
    return meta.title, meta.subtitle, meta.author, said


BODY = "Der Text beginnt hier und läuft über die ganze Breite der Seite, wie es sich für einen Absatz gehört.\n"


def test_a_title_ending_in_a_period_and_a_subtitle(tmp_path: Path) -> None:
    title, sub, author, said = guessed(tmp_path, f"Vom Blatt zur Datei.\nBemerkungen über Seiten und Zeilen\n\nvon Erika Muster\n\n{BODY}")
    assert (title, sub, author) == ("Vom Blatt zur Datei.", "Bemerkungen über Seiten und Zeilen", "Erika Muster")
    assert any(s.startswith("subtitle from the title lines") for s in said)


def test_a_title_line_that_stops_short_of_the_title_measure_ends_the_main_title(tmp_path: Path) -> None:
    title, sub, _, _ = guessed(tmp_path, f"Kurzer Titel\nund ein Untertitel, der länger ist als der Titel\n\nvon Erika Muster\n\n{BODY}")
    assert (title, sub) == ("Kurzer Titel und ein Untertitel, der länger ist als der Titel", "")  # lower case runs on
    title, sub, _, _ = guessed(tmp_path, f"Kurzer Titel\nEin Untertitel, der länger ist als der Titel\n\nvon Erika Muster\n\n{BODY}")
    assert (title, sub) == ("Kurzer Titel", "Ein Untertitel, der länger ist als der Titel")


def test_one_wrapped_title_stays_one_title(tmp_path: Path) -> None:
    title, sub, _, said = guessed(tmp_path, f"Wladimir Lenins Großer Sozialistischer\nOktoberumsturz und die Folgen\n\nvon Klaus Dallmer\n\n{BODY}")
    assert (title, sub) == ("Wladimir Lenins Großer Sozialistischer Oktoberumsturz und die Folgen", "")
    assert not any(s.startswith("subtitle") for s in said)


def test_the_bundled_sources_give_their_metadata_title_and_subtitle(tmp_path: Path) -> None:
    # Meschkat: capitals, the main title wrapped after a comma, the subtitle after it.
    src = SOURCES / "meschkat-vorbild.txt"
    meta, _ = guess_meta(read_source(src).lines, src, "meschkat", None)
    assert (meta.title.casefold(), meta.subtitle.casefold()) == (
        "das vorbild kennen, um es nicht zu wiederholen", "die russische revolution von 1917 und die lateinamerikanische linke")
    src = SOURCES / "dallmer-oktoberumsturz.txt"
    meta, _ = guess_meta(read_source(src).lines, src, "dallmer", None)
    assert (meta.title, meta.subtitle) == ("Wladimir Lenins Großer Sozialistischer Oktoberumsturz und die Folgen", "")


def test_the_text_begins_at_a_line_as_long_as_its_full_lines_whatever_its_longest_line(tmp_path: Path) -> None:
    # A narrow text with one very long line further on (a URL): the text's own full lines, not a share of
    # its longest line, tell where the title lines end.
    text = [
        "Der Text beginnt gleich unter dem Titel und läuft",
        "über die ganze Breite der Seite, wie es sich für",
        "einen Absatz gehört, und geht noch eine Weile so",
        "weiter, bis der Satz zu Ende ist und der nächste",
        "beginnt, der wieder über mehrere Zeilen reicht.",
        "Siehe https://example.org/ein/sehr/langer/pfad/zu/einer/quelle/die/viel/breiter/ist/als/jede/zeile/des/textes.html",
    ]
    title, sub, _, _ = guessed(tmp_path, "Kurzer Titel\n" + "\n".join(text) + "\n")
    assert (title, sub) == ("Kurzer Titel", "")
