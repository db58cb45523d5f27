"""The behaviours of the processing model on the web (xslt/html/behaviours.xsl): one page with
verse, drama, a table, a figure, lists with head and labels, notes by place, substitutions,
alternatives and page breaks without number; its structure, its words, unique ids, Nu and axe."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import html

from html_support import built_site, essay_tei, make_edition, serving
from test_validators import AXE, VNU

TEXT = """<front><docTitle><titlePart>Behaviours</titlePart></docTitle></front>
<body>
<div><head>Verse</head>
  <lg type="stanza"><head>Erste Strophe</head>
    <l n="1">Ein Sommertag, wo man zu tiefer</l><lb/>
    <l n="2">Siesta sich <stage>leise</stage> verpflichtet hält</l><lb/>
    <l>Wo Mücken nur</l>
  </lg>
  <pb/>
  <sp who="#p"><speaker>Proserpina.</speaker><stage>Sie tritt auf.</stage><p>Halte! Halte einmal!</p><l>Vers im Dialog</l></sp>
  <pb/>
</div>
<div><head>Tabelle</head>
  <table><head>Zahlen</head>
    <row role="label"><cell>Art</cell><cell>Zahl</cell></row>
    <row><cell cols="2">Erbsen zusammen</cell></row>
    <row><cell role="label">Bohnen</cell><cell>12</cell></row>
  </table>
  <figure><graphic url="bild.png"/><head>Abbildung eins</head><figDesc>Eine Erbse im Längsschnitt</figDesc></figure>
  <p>Im Absatz <figure><head>Kleine Figur</head></figure> weiter.</p>
</div>
<div><head>Listen</head>
  <list type="gloss"><head>Glossar</head><label>Eins</label><item>das erste</item><label>Zwei</label><item>das zweite</item></list>
  <list><head>Einkauf</head><item>Brot</item><item>Milch</item></list>
  <p>Eine Randnote<note place="margin">am Rand notiert</note> und eine ohne Ort<note>ohne Ort notiert</note> und
    <note place="foot" n="*)">Stern eins</note> und <note place="foot" n="*)">Stern zwei</note>.</p>
  <p><subst><del>alt</del><add place="above">neu</add></subst> und <choice><abbr>Dr.</abbr><expan>Doktor</expan></choice>
    und <app><lem wit="#A">Lesart</lem><rdg wit="#B">Variante</rdg></app> und <unclear>unklar</unclear>
    und <supplied>ergänzt</supplied> und <hi rendition="#g">gesperrt</hi>.</p>
  <floatingText><body><p>Unbekannter Rahmen mit Wort</p></body></floatingText>
</div>
</body>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_edition(tmp_path_factory.mktemp("behaviours"), essays={"verse": essay_tei("verse", TEXT)})
    return built_site(root, tmp_path_factory.mktemp("behaviours-site") / "site")


@pytest.fixture(scope="module")
def doc(site: Path) -> html.HtmlElement:
    return html.fromstring((site / "verse.html").read_bytes())


def css(el: html.HtmlElement, selector: str) -> list[html.HtmlElement]:
    """The few CSS selectors these tests use (tag.class[attr=value], descendants), as XPath."""
    steps = []
    for part in selector.split():
        m = re.fullmatch(r"([a-z0-9]*)((?:\.[\w-]+)*)(?:\[(\w+)=(\w+)\])?", part)
        assert m, part
        tests = [f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in m[2].split(".")[1:]]
        if m[3]:
            tests.append(f"@{m[3]}='{m[4]}'")
        steps.append((m[1] or "*") + "".join(f"[{t}]" for t in tests))
    return el.xpath(".//" + "//".join(steps))


def main_text(doc: html.HtmlElement) -> str:
    return " ".join(doc.xpath("string(//main)").split())


def test_verse_lines_and_numbers(doc: html.HtmlElement) -> None:
    lg = css(doc, "div.lg")
    assert len(lg) == 1
    lines = css(lg[0], "span.l")
    assert len(lines) == 3
    assert [n.text for n in css(lg[0], ".l-n")] == ["1", "2"]
    assert css(lg[0], "p.part-title")[0].text_content().strip() == "Erste Strophe"
    assert css(lines[1], ".stage")  # a stage direction inside a line stays inline


def test_speech_speaker_stage(doc: html.HtmlElement) -> None:
    sp = css(doc, "div.sp")
    assert len(sp) == 1
    assert css(sp[0], "p.speaker")[0].text_content() == "Proserpina."
    assert css(sp[0], "p.stage")[0].text_content() == "Sie tritt auf."
    assert css(sp[0], "span.l")


def test_table_rows_cells_headers_spans(doc: html.HtmlElement) -> None:
    table = css(doc, "table.table")[0]
    assert css(table, "caption")[0].text_content().strip() == "Zahlen"
    rows = css(table, "tr")
    assert [c.tag for c in rows[0]] == ["th", "th"]
    assert rows[1][0].get("colspan") == "2"
    assert [c.tag for c in rows[2]] == ["th", "td"]


def test_figure_caption_without_image_file(doc: html.HtmlElement) -> None:
    figure = css(doc, "figure.figure")[0]
    assert not css(figure, "img")  # bild.png is not in the site
    assert "Eine Erbse im Längsschnitt" in css(figure, "figcaption")[0].text_content()
    assert css(doc, "p span.figure[role=figure]")  # in a paragraph: a span with the figure role


def test_list_head_and_labels(doc: html.HtmlElement) -> None:
    assert [p.text_content() for p in css(doc, "p.list-head")] == ["Glossar", "Einkauf"]
    dl = css(doc, "dl.list")[0]
    assert [dt.text_content() for dt in css(dl, "dt")] == ["Eins", "Zwei"]
    assert [dd.text_content().strip() for dd in css(dl, "dd")] == ["das erste", "das zweite"]


def test_notes_by_place_and_unique_ids(doc: html.HtmlElement) -> None:
    assert "am Rand notiert" in css(doc, ".note-margin")[0].text_content()
    assert "ohne Ort notiert" in css(doc, ".note-inline")[0].text_content()
    ids = Counter(doc.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []
    assert len(css(doc, ".notes-list li")) == 2
    for pb in css(doc, ".pb"):
        assert "[S. ]" not in pb.text_content()


def test_alternatives_and_transcription(doc: html.HtmlElement) -> None:
    subst = css(doc, "span.subst")[0]
    assert css(subst, "del")[0].text_content() == "alt" and css(subst, "ins")[0].text_content() == "neu"
    choice = css(doc, "span.choice")[0]
    assert css(choice, ".expan")[0].text_content() == "Doktor" and css(choice, ".abbr")[0].text_content() == "Dr."
    app = css(doc, "span.app")[0]
    assert css(app, ".lem")[0].text_content() == "Lesart" and "Variante" in css(app, ".rdg")[0].text_content()
    assert css(doc, "span.unclear") and css(doc, "span.supplied")
    assert css(doc, "span.hi.r-g")[0].text_content() == "gesperrt"


def test_every_word_kept(doc: html.HtmlElement) -> None:
    text = main_text(doc)
    for words in ("Unbekannter Rahmen mit Wort", "Wo Mücken nur", "Erbsen zusammen", "Halte! Halte einmal!"):
        assert words in text


def test_nu_html_checker(site: Path) -> None:
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(site / "verse.html")],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == [], json.dumps(messages, ensure_ascii=False, indent=1)


@pytest.mark.browser
def test_axe(page, site: Path) -> None:
    for url in serving(site):
        page.goto(url + "verse.html")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert result["violations"] == [], json.dumps(result["violations"], indent=1)
        break
