"""Unit tests for each reconstruction step of `edition import`, on small inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.importer import blocks, notes, quotes
from edition.importer.hyphenation import is_hyphenated, join
from edition.importer.meta import read_meta
from edition.importer.pages import analyse, spacing_habit
from edition.importer.source import SourceError, parse_source

FIX = Path(__file__).parents[1] / "fixtures" / "importer"


def test_spacing_habit_detected_not_assumed() -> None:
    assert spacing_habit(["a", "", "b", "", "c", ""]) == "double"
    assert spacing_habit(["a", "b", "", "c", "d"]) == "single"


def test_double_spaced_page_break_and_page_foot() -> None:
    lines = ["Erste Zeile ", "", "zweite ", "", "letzte Zeile der Seite", "  Fußnote ohne Nummer.", " erste Zeile neu ", "", "weiter ", ""]
    lay = analyse(lines)
    assert lay.spacing == "double"
    assert [p.line for p in lay.pages] == [1, 7]
    assert [z.raw.strip() for z in lay.zone] == ["Fußnote ohne Nummer."]
    assert [b.no for b in lay.body] == [1, 3, 5, 7, 9]


def test_double_spaced_rule_label_and_printed_page_number() -> None:
    lines = ["Text mit Marke5 ", "", " " * 59, "5", "", " Die Notiz.", "", "", "3 ", "", "Neue Seite ohne Leerzeichen "]
    lay = analyse(lines)
    assert [(z.label, z.rest) for z in lay.zone] == [(5, None), (None, None)]
    assert lay.pages[-1].printed == "3" and lay.pages[-1].line == 11


def test_single_spaced_notes_and_false_page_start() -> None:
    body = [f"Zeile {i} des Textes mit genug Worten, um eine volle Zeile zu sein." for i in range(20)]
    lines = [" " + body[0], *body[1:10], " Leerzeichen mitten auf der Seite.", *body[10:], "", "1  Eine Note", "", "fortgesetzt.", " Seite zwei"]
    lay = analyse(lines)
    assert lay.spacing == "single"
    assert [p.line for p in lay.pages] == [1, len(lines)]
    assert any("not taken as a page start" in d for d in lay.doubts)
    assert [(z.label, z.raw) for z in lay.zone] == [(1, "1  Eine Note"), (None, "fortgesetzt.")]


@pytest.mark.parametrize(
    ("left", "right", "joined", "kept"),
    [
        ("Gruppe Arbeiterpoli-", "tik2 erwies", "Gruppe Arbeiterpolitik2 erwies", False),
        ("die linksradikale Bucharin-", "Fraktion inner", "die linksradikale Bucharin-Fraktion inner", True),
        ("Mit dem Pino-", "chet-Putsch wurde", "Mit dem Pinochet-Putsch wurde", False),
        ("die Arbeiter-", "und Soldatenräte", "die Arbeiter- und Soldatenräte", True),
        ("der US-", "amerikanische", "der US-amerikanische", True),
    ],
)
def test_hyphen_joins(left: str, right: str, joined: str, kept: bool) -> None:
    text, j = join(left, right, 1)
    assert text == joined and j.kept is kept


def test_spaced_dash_is_not_hyphenation() -> None:
    assert is_hyphenated("Komin-")
    assert not is_hyphenated("mit der - ")
    assert not is_hyphenated("mit der -")
    assert not is_hyphenated("Wort- ")


def test_join_doubtful_when_printed_with_hyphen_elsewhere() -> None:
    _, j = join("die Arbeiter-", "klasse", 7, frozenset({"Arbeiter-klasse"}))
    assert j.doubtful and "elsewhere" in j.doubtful


def test_markers_glued_apart_and_false_numbers() -> None:
    text = ("Titel und Folgen1 im 12-Stunden-Tag am 3.Juli mit 21jährige Menschheit.»2 und 1917 "
            "Kämpfe3und dann suchte. 4 Dies Kalender)5 und SDAPR6 1898")
    found, missing = notes.find_markers(text)
    assert [m.n for m in found] == [1, 2, 3, 4, 5, 6] and not missing
    assert [m.n for m in found if m.apart] == [4]
    out = notes.replace_markers(text, found)
    assert "suchte.\x024\x03 Dies" in out and "12-Stunden-Tag" in out and "3.Juli" in out and "21jährige" in out
    assert "SDAPR\x026\x03 1898" in out


def test_years_and_counts_are_not_markers() -> None:
    found, _ = notes.find_markers("Im Jahr 1917 fielen 2000 Tote, 27 Millionen, 1920/21 und 700%.")
    assert found == []


def test_unnumbered_note_texts_take_free_markers_of_their_page() -> None:
    from edition.importer.pages import ZoneLine

    zone = [ZoneLine(10, "  Ohne Nummer.", page=3), ZoneLine(11, "43", 43, None, page=3), ZoneLine(13, " Mit Nummer.", page=3)]
    items = notes.note_items(zone)
    markers = [notes.Marker(42, 0, 1, False, 3), notes.Marker(43, 5, 6, False, 3)]
    doubts: list[str] = []
    got = notes.assign(items, markers, doubts)
    assert [(i.number, i.lines[0].raw.strip()) for i in got] == [(42, "Ohne Nummer."), (43, "Mit Nummer.")]
    assert doubts


def test_quotes_pair_by_style_and_nest() -> None:
    nodes, ok = quotes.parse('Er sagte "Eure »Ordnung« ist auf Sand gebaut" und mehr.')
    assert ok
    assert nodes[1] == ("q", "straight", ["Eure ", ("q", "guillemets-de", ["Ordnung"]), " ist auf Sand gebaut"])
    nodes, ok = quotes.parse("«Räte» und «Volk».\x021\x03")
    assert nodes == [("q", "guillemets", ["Räte"]), " und ", ("q", "guillemets", ["Volk"]), ".", ("note", 1)]


def test_unpaired_quotes_are_left_as_printed() -> None:
    nodes, ok = quotes.parse('ein "offenes Zitat')
    assert not ok and "".join(n for n in nodes if isinstance(n, str)) == 'ein "offenes Zitat'


def test_urls_become_refs_using_known_full_urls() -> None:
    nodes = quotes.link_urls(["unter: www.example.org/a/. Und (www.b.org/x)."], {"www.example.org/a/": "http://www.example.org/a/"})
    assert ("ref", "http://www.example.org/a/", "www.example.org/a/") in nodes
    assert ("ref", "http://www.b.org/x", "www.b.org/x") in nodes


def _lines(*texts: str, **kw: bool):
    from edition.importer.pages import BodyLine

    return [BodyLine(i + 1, t, **({"sep_before": True} if kw.get("sep") == i else {})) for i, t in enumerate(texts)]


def test_paragraphs_from_short_lines_and_headings() -> None:
    full = "x" * 85
    body = _lines(full + "-", full, "kurz endet.", "Neuer Absatz " + full, "ENDE DER VERSALIEN", "Text danach.")
    habits = blocks.detect_habits(body, "double")  # the hyphenated line shows how long a full line is
    got = blocks.segment(body, habits, after_front=False)
    assert [b.kind for b in got] == ["p", "p", "head", "p"]


def test_separator_heading_dateline_and_list() -> None:
    from edition.importer.pages import BodyLine

    body = [
        BodyLine(1, "Satz endet hier."),
        BodyLine(2, "Klaus Muster, im September 2017", sep_before=True),
        BodyLine(3, "Neuer Abschnitt", sep_before=True),
        BodyLine(4, "Die Thesen sind:"),
        BodyLine(5, "\uf0b7 erstens;"),
        BodyLine(6, "\uf0b7 zweitens."),
    ]
    got = blocks.segment(body, blocks.Habits("double", 86.0, False, short=0.9 * 86), after_front=False)
    assert [b.kind for b in got] == ["p", "dateline", "head", "p", "item", "item"]
    for b in got:
        blocks.assemble(b, frozenset())
    assert got[-1].text == "zweitens."


def test_source_errors_name_file_line_column() -> None:
    with pytest.raises(SourceError, match=r"x.txt:2:3: error: not UTF-8"):
        parse_source(b"ok\nab\xff\n", "x.txt")
    with pytest.raises(SourceError, match=r"x.txt:1:2: error: control character"):
        parse_source(b"a\x01b\n", "x.txt")


def test_meta_errors(tmp_path: Path) -> None:
    bad = tmp_path / "m.toml"
    bad.write_text('id = "x"\n[essay\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"m.toml:2:\d+: error: invalid TOML"):
        read_meta(bad)
    bad.write_text('id = "x"\n[essay]\ntitle = "T"\nauthor = "A"\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"\[\[change\]\] with .when. and .what. is required"):
        read_meta(bad)


def test_cli_mini_fixture(tmp_path: Path) -> None:
    out = tmp_path / "mini.xml"
    res = CliRunner().invoke(main, ["import", str(FIX / "mini-double.txt"), "--meta", str(FIX / "mini.toml"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    xml = out.read_text(encoding="utf-8")
    assert "Arbeiterpolitik<note place=\"foot\" n=\"1\" xml:id=\"mini-fn1\">Eine Fußnote ohne Nummer steht hier am Fuß der Seite.</note>" in xml
    assert "Bevölkerung<pb n=\"2\"/> wird" in xml
    assert "Bucharin-Fraktion" in xml and "Seite - so wie" in xml
    assert '<note place="foot" n="2" xml:id="mini-fn2"><gap reason="lost"/></note>' in xml
    assert "notes: 2 markers; with text: 1 (1); text lost: 1 (2)" in res.output


def test_cli_bad_input_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "mini.txt"
    src.write_bytes(b"gut\n\xc3(\n")
    out = tmp_path / "mini.xml"
    res = CliRunner().invoke(main, ["import", str(src), "--meta", str(FIX / "mini.toml"), "-o", str(out)])
    assert res.exit_code == 2 and f"{src}:2:1: error: not UTF-8" in res.output
    assert "Traceback" not in res.output and not out.exists() and list(tmp_path.iterdir()) == [src]
