"""The importer's thresholds come from the document: how short a full line can be (its measure), and how
long a note rule is (its whitespace-only lines). A layout with a narrower or wider measure, or with other
rule and separator lengths, is read by its own statistics, not by shares fitted to the bundled sources."""

from __future__ import annotations

import importgen as G

from edition.importer import blocks as blk
from edition.importer.pages import BodyLine, analyse, rule_length

FIXTURE_WORDS = " ".join(G._ANCHOR.sub("", b.text) for b in G.read_text(G.FIXTURES / "gen-werkstatt.xml").blocks if b.kind == "p").split()


def kinds(texts: list[str], spacing: str = "double", blank: frozenset[int] = frozenset()) -> list[tuple[str, int]]:
    body = [BodyLine(k + 1, x, page_start=k == 0, blank_before=k in blank, page=1) for k, x in enumerate(texts)]
    habits = blk.head_words(body, blk.detect_habits(body, spacing), False)
    return [(b.kind, len(b.lines)) for b in blk.segment(body, habits, False)]


def test_in_a_wide_measure_a_sentence_end_well_short_of_it_ends_the_paragraph() -> None:
    # 100 columns: a line of 93 that ends a sentence, with room for the next word, closes its paragraph
    # (a fixed share of 0.9 of the full length would call it full and run the two paragraphs together).
    first = G.wrap(FIXTURE_WORDS[:170], 100, True)[:-1]
    end = "Jede dieser Entscheidungen lässt sich begründen, wenn man die Gewohnheiten der Vorlage kennt."
    second = G.wrap(("Die Arbeit " + " ".join(FIXTURE_WORDS[170:260])).split(), 100, True)
    assert 0.9 * 99 < len(end) < 99
    assert kinds(first + [end] + second) == [("p", len(first) + 1), ("p", len(second))]


def test_in_a_narrow_measure_a_sentence_end_before_a_long_word_goes_on() -> None:
    # 36 columns, long compounds: a sentence ends on a short line only because the next word did not fit.
    p1 = ["Die Geschichte der Arbeiterbewegung", "ist ohne die Gewerkschaftsbewegung", "nicht zu verstehen. Sie beginnt mit",
          "der Industrialisierung.", "Genossenschaftsbewegungen entstanden", "später, doch sie wuchsen rasch und", "hatten viele Mitglieder."]
    p2 = ["Im Jahr darauf begann eine Zeit, in", "der die Vereine sich zusammenfanden", "und gemeinsam handelten."]
    assert kinds(p1 + p2, "single", frozenset({len(p1)})) == [("p", len(p1)), ("p", len(p2))]


def test_the_short_limit_follows_the_measure_and_the_typeface() -> None:
    shares = {}
    for width, measure in ((40, G.proportional), (100, len)):
        lines = G.wrap(FIXTURE_WORDS, width, True, measure=measure)
        habits = blk.detect_habits([BodyLine(k + 1, x, page_start=k == 0, page=1) for k, x in enumerate(lines)], "single")
        shares[width] = habits.short / habits.full_length
        # Below the limit lie only a few of the lines that run on (hyphenated, or followed in lower case).
        running = [len(a) for a, b in zip(lines, lines[1:]) if a.endswith("-") or b[:1].islower()]
        assert sum(1 for n in running if n < habits.short) <= 0.1 * len(running) + 1
    # A narrow proportional measure lets full lines fall further short than a wide fixed one.
    assert shares[40] < shares[100]


def test_a_short_rule_over_a_note_is_a_rule() -> None:
    # Rules of six spaces (a fixed length of ten would call them section separators and lose the notes).
    page = ["Der Text mit einer Marke1 steht hier.", "Und noch ein Satz des Textes.", " " * 6, "1 Die Note zur Marke."]
    lines = page + [" " + page[0].replace("Marke1", "Marke2")] + page[1:3] + ["2 Die zweite Note."]
    assert rule_length(lines) == 6
    lay = analyse(lines)
    assert [z.label for z in lay.zone] == [1, 2]
    assert "Die Note zur Marke." not in [x.text for x in lay.body]


def test_long_separator_lines_without_notes_under_them_are_no_rules() -> None:
    # Double-spaced, a heading set off by a whitespace line of twelve spaces, no note under it.
    text = ["Der Text beginnt hier mit einem Satz.", "Und er geht weiter bis zum Schluss.", " " * 12, "Eine Überschrift", "Der Text danach."]
    lines = [x for t in text for x in (t, "")]
    assert rule_length(lines) == float("inf")
    lay = analyse(lines)
    assert lay.zone == []
    assert [x.text for x in lay.body if x.sep_before] == ["Eine Überschrift"]


def test_two_groups_of_whitespace_lines_split_at_their_gap() -> None:
    lines = ["Text.", " ", "Mehr Text.", " " * 30, "1 Note.", " " * 2, "Weiter.", " " * 40, "2 Note."]
    assert rule_length(lines) == 30


def test_a_byline_is_the_authors_name_and_a_word_or_two_whatever_their_length() -> None:
    lines = [BodyLine(1, "Ein kurzer Versuch", page_start=True, page=1), BodyLine(2, "Herausgegeben von Li Wu", page=1),
             BodyLine(3, "Der Text beginnt hier.", blank_before=True, page=1)]
    front, start = blk.front_blocks(lines, "Ein kurzer Versuch", "", "Li Wu")
    assert [b.kind for b in front] == ["title", "byline"] and start == 2
    # A sentence that names the author is no byline.
    lines[1] = BodyLine(2, "Li Wu hat diesen Text im Winter geschrieben", page=1)
    assert [b.kind for b in blk.front_blocks(lines, "Ein kurzer Versuch", "", "Li Wu")[0]] == ["title"]
