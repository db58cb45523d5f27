"""XSpec-style unit tests of the processing model lookup (xslt/model/model.xsl): TEI snippets →
the behaviour map ed:model() returns; two matching models fail; an edition's ODD overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from edition.paths import XSLT
from edition.xslt import XsltError, transform

HERE = Path(__file__).parent
PROBE = HERE / "probe.xsl"
UNMODELLED = XSLT / "model" / "unmodelled.xsl"
TEI = "http://www.tei-c.org/ns/1.0"


def tei(body: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader/><text><body>{body}</body></text></TEI>'))


def models(body: str, odd: Path | None = None) -> dict:
    params = {"edition-odd": odd.resolve().as_uri()} if odd else {}
    return json.loads(transform(PROBE, tei(body), params))


def odd(tmp_path: Path, specs: str) -> Path:
    path = tmp_path / "edition.odd"
    path.write_text(f'<TEI xmlns="{TEI}"><teiHeader/><text><body><schemaSpec ident="mine">{specs}'
                    f'</schemaSpec></body></text></TEI>', encoding="utf-8")
    return path


def test_vocabulary():
    assert models("<p/>")["#behaviours"] == [
        "block", "inline", "heading", "paragraph", "list", "listItem", "table", "row", "cell", "figure",
        "graphic", "note", "lineGroup", "line", "speech", "speaker", "stage", "alternate", "omit", "link",
        "anchor", "section", "break", "label", "title", "dateline", "signature", "quote"]


@pytest.mark.parametrize(("snippet", "behaviour", "params"), [
    ('<p xml:id="x">a</p>', "paragraph", {}),
    ('<lg><l xml:id="x" n="5">a</l></lg>', "line", {"n": "5"}),
    ('<lg xml:id="x" type="stanza"><l>a</l></lg>', "lineGroup", {"type": "stanza"}),
    ('<sp xml:id="x" who="#a"><speaker>A</speaker><p>b</p></sp>', "speech", {"who": "#a"}),
    ('<sp><speaker xml:id="x">A</speaker></sp>', "speaker", {}),
    ('<table><row role="label"><cell xml:id="x" cols="2">a</cell></row></table>', "cell", {"cols": "2", "role": "", "rows": ""}),
    ('<div xml:id="x"><head>h</head></div>', "section", {"type": ""}),
    ('<div><div><head xml:id="x">h</head></div></div>', "heading", {"level": "2"}),
    ('<list><head xml:id="x">h</head></list>', "title", {}),
    ('<p><lb xml:id="x" break="no"/></p>', "break", {"type": "line", "join": "true"}),
    ('<p><lb xml:id="x"/></p>', "break", {"type": "line", "join": "false"}),
    ('<p><note xml:id="x" place="margin">n</note></p>', "note", {"place": "margin", "n": "", "type": ""}),
    ('<p><note xml:id="x">n</note></p>', "note", {"place": "foot", "n": "", "type": ""}),
    ('<p><choice xml:id="x"><sic>a</sic><corr>b</corr></choice></p>', "alternate", {"default": "b", "alternate": "a", "reading": "true"}),
    ('<p><choice xml:id="x"><abbr>a</abbr><expan>b</expan></choice></p>', "alternate", {"default": "b", "alternate": "a", "reading": "true"}),
    ('<p><choice xml:id="x"><orig>a</orig><reg>b</reg></choice></p>', "alternate", {"default": "b", "alternate": "a", "reading": "true"}),
    ('<p><app xml:id="x"><rdg>a</rdg><lem>b</lem></app></p>', "alternate", {"default": "b", "alternate": "a"}),
    ('<p><hi xml:id="x" rend="italic" rendition="#b #g">a</hi></p>', "inline", {"rend": "italic b g"}),
    ('<listBibl><bibl xml:id="x">a</bibl></listBibl>', "listItem", {}),
    ('<p><bibl xml:id="x">a</bibl></p>', "inline", {}),
])
def test_model_of(snippet, behaviour, params):
    got = models(snippet)["x"]
    assert got["behaviour"] == behaviour
    assert got["params"] == params


def test_rendition():
    assert models('<p><fw xml:id="x">a</fw></p>')["x"]["rendition"] == "font-size: smaller; color: #595959"
    assert models('<p xml:id="x">a</p>')["x"]["rendition"] is None


def test_no_spec_no_model():
    got = models('<p><frobnicate xml:id="x">a</frobnicate></p>')
    assert got["x"] is None


def test_two_matching_models_fail(tmp_path):
    mine = odd(tmp_path, '<elementSpec ident="p" mode="change"><model predicate="@rend" behaviour="block"/>'
                         '<model predicate="@n" behaviour="paragraph"/></elementSpec>')
    assert models('<p xml:id="x" rend="a">a</p>', mine)["x"]["behaviour"] == "block"
    with pytest.raises(XsltError, match="p: two models match"):
        models('<p xml:id="x" rend="a" n="1">a</p>', mine)


def test_unknown_behaviour_fails(tmp_path):
    mine = odd(tmp_path, '<elementSpec ident="p" mode="change"><model behaviour="sparkle"/></elementSpec>')
    with pytest.raises(XsltError, match="unknown behaviour 'sparkle'"):
        models('<p xml:id="x">a</p>', mine)


def test_edition_odd_overrides(tmp_path):
    mine = odd(tmp_path, '<elementSpec ident="lg" mode="change"><model behaviour="block">'
                         '<param name="label" value="concat(\'v. \', @n)"/><outputRendition>color: red</outputRendition>'
                         '</model></elementSpec><elementSpec ident="frobnicate" mode="add"><model behaviour="omit"/>'
                         '</elementSpec><elementSpec ident="ab" mode="delete"/>')
    got = models('<lg xml:id="x" n="3"><l xml:id="y">a</l></lg><frobnicate xml:id="z"/><ab xml:id="w"/>', mine)
    assert got["x"] == {"behaviour": "block", "params": {"label": "v. 3"}, "rendition": "color: red"}
    assert got["y"]["behaviour"] == "line"  # the default's other elementSpecs stay
    assert got["z"]["behaviour"] == "omit"
    assert got["w"] is None


def test_predicate_sees_model_namespaces(tmp_path):
    mine = odd(tmp_path, '<elementSpec ident="p" mode="change" xmlns:x="urn:x"><model predicate="@x:a" behaviour="block"/>'
                         '<model behaviour="paragraph"/></elementSpec>')
    assert models('<p xml:id="x" xmlns:y="urn:x" y:a="1"/>', mine)["x"]["behaviour"] == "block"
    assert models('<p xml:id="x"/>', mine)["x"]["behaviour"] == "paragraph"


def test_every_default_model_names_a_known_behaviour():
    doc = etree.parse(str(XSLT / "model" / "default.odd"))
    vocabulary = set(models("<p/>")["#behaviours"])
    used = {m.get("behaviour") for m in doc.iter(f"{{{TEI}}}model")}
    assert used <= vocabulary
    idents = [s.get("ident") for s in doc.iter(f"{{{TEI}}}elementSpec")]
    assert len(idents) == len(set(idents))


def test_unmodelled_report():
    out = transform(UNMODELLED, tei('<p>a<frobnicate>b</frobnicate><frobnicate/><lg><l>x</l></lg>'
                                    '<zork/></p><egXML xmlns="http://www.tei-c.org/ns/Examples"><zap/></egXML>'))
    assert out.splitlines() == ["unmodelled frobnicate 2", "unmodelled zork 1"]  # examples (egXML) are not TEI to model


def test_omitted_words_are_reported():
    """Words the model leaves out on purpose are counted, once per outermost omitted element."""
    out = transform(UNMODELLED, tei('<p>a<index><term>Stichwort eins</term><index><term>zwei</term></index></index>'
                                    '<interp>Deutung</interp><space/></p>'))
    assert out.splitlines() == ["omitted index 1 3", "omitted interp 1 1"]
