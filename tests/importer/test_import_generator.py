"""The generator of test extractions and the scorer: deterministic, true to their habits, and sharp."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from lxml import etree

import importgen as G
from importscore import meta_for, score
from edition.importer.pipeline import run
from edition.importer.source import parse_source

FIXTURE = G.FIXTURES / "gen-werkstatt.xml"
HABITS = {h.name: h for h in G.HABITS}
T = "{http://www.tei-c.org/ns/1.0}"


def imported(x: G.Extraction) -> bytes:
    data, _ = run(parse_source(x.text.encode(), f"{x.name}.txt"), meta_for(x))
    return data


def test_the_fixture_text_is_read_with_its_structure() -> None:
    t = G.read_text(FIXTURE)
    assert t.title == ["Aus der Werkstatt der Textausgabe", "Bemerkungen über Seiten, Zeilen und Fußnoten"]
    assert t.author == "Erika Muster" and t.byline == "von Erika Muster"
    kinds = [b.kind for b in t.blocks]
    assert kinds.count("head") == 3 and kinds.count("item") == 4 and "quote" in kinds
    assert kinds[-2:] == ["dateline", "signed"]
    assert len(t.notes) == 4 and all(t.notes)


def test_same_seed_same_bytes_other_seed_other_layout() -> None:
    a, b = (G.generate(FIXTURE, HABITS["pdftotext-raw"], 3) for _ in range(2))
    assert a.text == b.text and a.key == b.key
    assert G.generate(FIXTURE, HABITS["pdftotext-raw"], 4).text != a.text
    assert [x.text for x in G.corpus(12)] == [x.text for x in G.corpus(12)]


def test_form_feed_habits_break_pages_with_form_feeds() -> None:
    for name in ("pdftotext-raw", "pdftotext-layout", "partial-numbers", "edge-heads", "title-page"):
        x = G.generate(FIXTURE, HABITS[name], 1)
        assert x.text.count("\f") == x.key.pages, name
    x = G.generate(FIXTURE, HABITS["single-space"], 1)
    assert "\f" not in x.text and x.text.count("\n ") == x.key.pages - 1  # every later page starts with a space


def test_habits_show_what_they_claim() -> None:
    double = G.generate(FIXTURE, HABITS["double-space"], 1).text
    assert double.count("\n\n") > double.count("\n") / 3
    stars = G.generate(FIXTURE, HABITS["notes-per-page"], 1)
    assert re.search(r"^\*\) \S", stars.text, re.M) and "*)" in stars.text.split("\n\n")[1] + stars.text
    raw = G.generate(FIXTURE, HABITS["pdftotext-raw"], 1)
    pages = raw.text.split("\f")[:-1]
    assert all(p.splitlines()[0] == "Erika Muster" for p in pages[1:])  # the running head
    assert all(p.splitlines()[-1] == n for p, n in zip(pages, raw.key.printed))  # the printed number
    layout = G.generate(FIXTURE, HABITS["pdftotext-layout"], 1).text
    assert re.search(r"^ {8,}Vom gedruckten Blatt zur Datei$", layout, re.M)  # centred heading
    assert re.search(r"[^\W\d_]\u00ad$", layout, re.M) and not re.search(r"[^\W\d_]-$", layout, re.M)  # soft hyphens
    assert re.search(r"^\d\n {4}\S", layout, re.M)  # a note's label alone over its text
    # Proportional type: the measure holds fewer wide letters than narrow ones.
    assert G.wrap(["M" * 10] * 3, 25, False, measure=G.proportional) == ["M" * 10, "M" * 10, "M" * 10]
    assert G.wrap(["l" * 10] * 3, 25, False, measure=G.proportional) == [" ".join(["l" * 10] * 3)]


def test_lost_notes_are_absent_and_marked_in_the_key() -> None:
    lossy = replace(HABITS["lost-notes"], lost=1.0)
    x = G.generate(FIXTURE, lossy, 1)
    assert [text for _, text in x.key.notes] == [None] * 4
    flat = " ".join(x.text.split())
    for note in G.read_text(FIXTURE).notes:
        assert " ".join(note.split()[:5]) not in flat
    kept = G.generate(FIXTURE, replace(lossy, lost=0.0), 1)
    assert all(" ".join(note.split()[:5]) in " ".join(kept.text.split()) for note in G.read_text(FIXTURE).notes)


def test_key_words_are_the_printed_words() -> None:
    """Every key word is printed (whole or split at a line-end hyphen); page numbers and heads are not key words."""
    for h in G.HABITS:
        x = G.generate(FIXTURE, h, 2)
        printed = set(G.TOK.findall(x.text))
        split = {w for w in x.key.words if any(w[:k] in printed and w[k:] in printed for k in range(2, len(w) - 1))}
        missing = {w for w in x.key.words if w not in printed and w not in split}
        assert not missing, (h.name, sorted(missing)[:10])
        assert len(x.key.heads) == 3 and x.key.paragraphs == 10 and x.key.items == 4 and x.key.closers == 2


def test_scorer_sees_every_kind_of_damage() -> None:
    x = G.generate(FIXTURE, HABITS["pdftotext-raw"], 1)
    data = imported(x)
    s = score(data, x.key)
    assert (s.notes_exact, s.lost_exact, s.pages_exact, s.heads_exact) == (True, True, True, True)
    assert s.recall == s.precision == 1.0

    def damaged(edit) -> bytes:
        root = etree.fromstring(data)
        edit(root.find(f"{T}text"))
        return etree.tostring(root)

    def lose_note(root) -> None:
        note = next(root.iter(f"{T}note"))
        for c in list(note):
            note.remove(c)
        note.text = None
        etree.SubElement(note, f"{T}gap", reason="lost")

    s = score(damaged(lose_note), x.key)
    assert not s.notes_exact and not s.lost_exact and s.lost_false == 1 and s.notes_right == s.notes - 1 and s.recall < 1
    head = lambda root: next(root.iter(f"{T}head")).getparent().remove(next(root.iter(f"{T}head")))  # noqa: E731
    s = score(damaged(head), x.key)
    assert not s.heads_exact and s.heads_right == s.heads_key - 1
    pb = lambda root: next(root.iter(f"{T}pb")).getparent().remove(next(root.iter(f"{T}pb")))  # noqa: E731
    assert not score(damaged(pb), x.key).pages_exact

    def misnamed(root) -> None:
        last = list(root.iter(f"{T}pb"))[-1]
        last.set("n", str(int(last.get("n")) + 1))

    s = score(damaged(misnamed), x.key)
    assert not s.pages_exact and s.pages == s.pages_key and not s.page_names_right

    def extra_word(root) -> None:
        p = next(root.iter(f"{T}p"))
        p.text = "Zusatz " + (p.text or "")

    s = score(damaged(extra_word), x.key)
    assert s.recall == 1.0 and s.precision < 1.0


@pytest.mark.parametrize("habit", [h.name for h in G.HABITS])
def test_the_importer_reconstructs_the_fixture_in_every_habit(habit: str) -> None:
    for seed in (1, 2, 3):
        x = G.generate(FIXTURE, HABITS[habit], seed)
        s = score(imported(x), x.key)
        assert s.notes_exact and s.lost_exact and s.pages_exact and s.heads_exact, (x.name, s)
        assert s.recall >= 0.998 and s.precision >= 0.998, (x.name, s)
        assert s.items == s.items_key == 4, (x.name, s)  # the fixture's list, in every habit (bullets or dashes)
        assert s.closers == s.closers_key == 2, (x.name, s)  # its date line and signature
        assert s.title_page_kept and s.title_page_key == (1 if x.habit.title_page else 0), (x.name, s)
