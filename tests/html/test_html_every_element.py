"""Every element of the default processing model (xslt/model/default.odd) and every behaviour
of the vocabulary, rendered on one web page: each element's word reaches the page (or, where
the model omits it, the build says so), each element shows as its own structure (its TEI name
as class, or the HTML its behaviour means), the page has unique ids and passes the Nu checker.

The snippets come from the ODD itself: an element gets a context by its behaviour (a phrase in
a paragraph, a block in a division) unless it needs particular parents or children (tables,
lists, speeches, choices …), which CONTEXTS gives. A new elementSpec is tested without edits."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html

from edition.paths import XSLT
from edition.transform.pdf import unmodelled
from html_support import built_site, essay_tei, make_edition
from test_validators import VNU

TEI = "http://www.tei-c.org/ns/1.0"
ODD = etree.parse(str(XSLT / "model" / "default.odd"))

#: Elements that need a particular context; {w} is the element's own test word.
CONTEXTS = {
    "text": None, "front": None, "body": None, "back": None, "group": None,  # the page's own frame
    "div": '<div type="probe"><head>Kopf</head><p>{w}</p></div>',
    "head": '<div><head>{w}</head><p>Absatz</p></div>',
    "table": '<table><row><cell>{w}</cell></row></table>',
    "row": '<table><row><cell>{w}</cell></row></table>',
    "cell": '<table><row><cell>{w}</cell></row></table>',
    "list": '<list><item>{w}</item></list>',
    "item": '<list><item>{w}</item></list>',
    "listBibl": '<listBibl><bibl>{w}</bibl></listBibl>',
    "castList": '<castList><castItem>{w}</castItem></castList>',
    "castGroup": '<castList><castGroup><castItem>{w}</castItem></castGroup></castList>',
    "castItem": '<castList><castItem>{w}</castItem></castList>',
    "roleDesc": '<castList><castItem><role>Rolle</role><roleDesc>{w}</roleDesc></castItem></castList>',
    "role": '<castList><castItem><role>{w}</role></castItem></castList>',
    "actor": '<castList><castItem><actor>{w}</actor></castItem></castList>',
    "lg": '<lg><l>{w}</l></lg>',
    "l": '<lg><l>{w}</l></lg>',
    "sp": '<sp><speaker>Sprecher</speaker><p>{w}</p></sp>',
    "speaker": '<sp><speaker>{w}</speaker><p>Rede</p></sp>',
    "figure": '<figure><head>{w}</head></figure>',
    "figDesc": '<figure><graphic url="nicht-da.png"/><figDesc>{w}</figDesc></figure>',
    "graphic": '<figure><graphic url="nicht-da.png"/><figDesc>{w}</figDesc></figure>',
    "choice": '<p><choice><sic>Fehlre</sic><corr>{w}</corr></choice></p>',
    "sic": '<p><choice><sic>{w}</sic><corr>Fehler</corr></choice></p>',
    "corr": '<p><choice><sic>Fehlre</sic><corr>{w}</corr></choice></p>',
    "abbr": '<p><choice><abbr>{w}</abbr><expan>Abkürzung</expan></choice></p>',
    "expan": '<p><choice><abbr>Abk.</abbr><expan>{w}</expan></choice></p>',
    "orig": '<p><choice><orig>{w}</orig><reg>regularisiert</reg></choice></p>',
    "reg": '<p><choice><orig>orig</orig><reg>{w}</reg></choice></p>',
    "app": '<p><app><lem wit="#A">{w}</lem><rdg wit="#B">Variante</rdg></app></p>',
    "lem": '<p><app><lem wit="#A">{w}</lem><rdg wit="#B">Variante</rdg></app></p>',
    "rdg": '<p><app><lem wit="#A">Lemma</lem><rdg wit="#B">{w}</rdg></app></p>',
    "rdgGrp": '<p><app><lem>Lemma</lem><rdgGrp><rdg wit="#B">{w}</rdg></rdgGrp></app></p>',
    "subst": '<p><subst><del>{w}</del><add>neu</add></subst></p>',
    "titlePage": '<titlePage><docTitle><titlePart>{w}</titlePart></docTitle></titlePage>',
    "docTitle": '<titlePage><docTitle><titlePart>{w}</titlePart></docTitle></titlePage>',
    "titlePart": '<titlePage><docTitle><titlePart>{w}</titlePart></docTitle></titlePage>',
    "opener": '<div><opener><salute>{w}</salute></opener><p>Brief</p></div>',
    "closer": '<div><p>Brief</p><closer><salute>{w}</salute></closer></div>',
    "postscript": '<div><p>Brief</p><postscript><p>{w}</p></postscript></div>',
    "floatingText": '<floatingText><body><p>{w}</p></body></floatingText>',
    "argument": '<div><argument><p>{w}</p></argument><p>Text</p></div>',
    "epigraph": '<div><epigraph><p>{w}</p></epigraph><p>Text</p></div>',
    "trailer": '<div><p>Text</p><trailer>{w}</trailer></div>',
    "respons": '<p><respons>{w}</respons></p>',
}
EMPTY = {"lb", "pb", "cb", "gb", "milestone", "anchor", "addSpan", "delSpan", "space", "handShift", "substJoin",
         "graphic", "ptr"}
BLOCK_BEHAVIOURS = {"block", "paragraph", "heading", "list", "listItem", "table", "row", "cell", "figure",
                    "lineGroup", "line", "speech", "speaker", "stage", "section", "title", "dateline", "signature"}


def specs() -> dict[str, list[str]]:
    """ident → the behaviours of its models, from the ODD."""
    return {spec.get("ident"): [m.get("behaviour") for m in spec.iter(f"{{{TEI}}}model")]
            for spec in ODD.iter(f"{{{TEI}}}elementSpec")}


def word(ident: str) -> str:
    """A test word that no other snippet contains: the ident spelled out, letters only."""
    return "Probe" + "".join(c for c in ident if c.isalpha()).lower() + "wort"


def snippet(ident: str, behaviours: list[str]) -> str | None:
    w = word(ident)
    if ident in CONTEXTS:
        template = CONTEXTS[ident]
        return None if template is None else template.format(w=w)
    if ident in EMPTY:
        return f'<p>vor {w} <{ident} xml:id="id-{ident.lower()}"/> nach</p>'
    if behaviours[-1] in BLOCK_BEHAVIOURS:
        return f'<div><{ident}>{w}</{ident}></div>'
    return f'<p>Satz mit <{ident}>{w}</{ident}> darin.</p>'


SPECS = specs()
SNIPPETS = {ident: s for ident, b in SPECS.items() if (s := snippet(ident, b)) is not None}
OMITTED = {ident for ident, b in SPECS.items() if b == ["omit"]}


@pytest.fixture(scope="module")
def tei_text() -> str:
    return "<body>" + "\n".join(SNIPPETS.values()) + "</body>"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, tei_text: str) -> Path:
    root = make_edition(tmp_path_factory.mktemp("every"), essays={"every": essay_tei("every", tei_text)})
    return built_site(root, tmp_path_factory.mktemp("every-site") / "site")


@pytest.fixture(scope="module")
def doc(site: Path) -> html.HtmlElement:
    return html.fromstring((site / "every.html").read_bytes())


def test_every_spec_has_a_snippet():
    """Only the page frame (text, front, body, back, group) is left to the page itself."""
    assert set(SPECS) - set(SNIPPETS) == {"text", "front", "body", "back", "group"}
    assert len(SNIPPETS) > 150


@pytest.mark.parametrize("ident", sorted(SNIPPETS))
def test_word_reaches_the_page(doc: html.HtmlElement, ident: str) -> None:
    """Every word is on the page; around an empty element the words stay; the words of an
    element the model omits are not shown (the build reports them: test_build_reports_omitted_words)."""
    text = " ".join(doc.xpath("string(//article)").split())
    if ident in EMPTY and ident != "graphic":
        assert f"vor {word(ident)}" in text
    elif ident in OMITTED:
        assert word(ident) not in text
    else:
        assert word(ident) in text, f"{ident}: its word is not on the page"


#: Elements the toolkit's own templates write as plain HTML (no TEI class): the HTML they mean.
PLAIN_HTML = {"p": "//article//p[contains(., 'Probepwort')]", "head": "//article//h2[contains(., 'Probeheadwort')]",
              "list": "//article//ul/li[contains(., 'Probelistwort')]", "item": "//article//li[contains(., 'Probeitemwort')]",
              "docTitle": "//article//h1[contains(., 'Probedoctitlewort')]",
              "titlePart": "//article//h1/span[contains(., 'Probetitlepartwort')]",
              "div": "//article//section[contains(@class, 'div-probe')]",
              "lb": "//article//br", "pb": "//article//*[contains(@class, 'pb')]",
              "choice": "//article//span[@class='sic']", "sic": "//article//span[@class='sic']",
              "corr": "//article//span[contains(@class, 'corr')]",
              "hi": "//article//span[contains(., 'Probehiwort')]", "q": "//article//span[@class='q']",
              "ref": "//article//*[contains(., 'Proberefwort')]", "gap": "//article//span[@class='gap']",
              "date": "//article//span[contains(@class, 'date')]", "persName": "//article//*[contains(., 'Probepersnamewort')]",
              "closer": "//article//p[@class='closer']", "dateline": "//article//span[@class='dateline']",
              "docAuthor": "//article//span[@class='docAuthor']", "byline": "//article//p[@class='byline']",
              "titlePage": "//article//h1[contains(., 'Probetitlepagewort')]"}

#: The HTML element a behaviour means, where it has one of its own.
BEHAVIOUR_HTML = {"table": "table", "row": "tr", "cell": "td", "figure": "figure", "heading": "h2"}


@pytest.mark.parametrize("ident", sorted(SNIPPETS))
def test_element_has_its_own_structure(doc: html.HtmlElement, ident: str) -> None:
    if ident in OMITTED:
        return
    if ident in PLAIN_HTML:
        assert doc.xpath(PLAIN_HTML[ident]), f"{ident}: {PLAIN_HTML[ident]} not found"
        return
    found = doc.xpath(f"//article//*[contains(concat(' ', @class, ' '), ' {ident} ')]")
    if ident == "graphic":  # no image file: the figure shows its description (and the build warns)
        assert doc.xpath("//article//figure[contains(., 'Probegraphicwort')]")
        return
    assert found, f"{ident}: no element with class {ident!r}"
    behaviour = SPECS[ident][-1]
    if behaviour in BEHAVIOUR_HTML and ident not in {"castList"}:
        assert any(el.tag == BEHAVIOUR_HTML[behaviour] for el in found), (ident, [el.tag for el in found])


def test_every_behaviour_is_used_by_the_page():
    used = {b for ident in SNIPPETS for b in SPECS[ident]}
    vocabulary = {"block", "inline", "heading", "paragraph", "list", "listItem", "table", "row", "cell", "figure",
                  "graphic", "note", "lineGroup", "line", "speech", "speaker", "stage", "alternate", "omit", "link",
                  "anchor", "section", "break", "label", "title", "dateline", "signature", "quote"}
    assert vocabulary <= used, vocabulary - used


def test_unique_ids(doc: html.HtmlElement) -> None:
    ids = Counter(doc.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_build_reports_omitted_words(tmp_path: Path, tei_text: str) -> None:
    """What the page does not show is said: one warning per omitted element name, with counts."""
    path = tmp_path / "every.xml"
    path.write_text(essay_tei("every", tei_text), encoding="utf-8")
    warnings = unmodelled(path, etree.parse(str(path)))
    reported = {line.split(": warning: ")[1].split()[0] for line in warnings if "left out by the model" in line}
    with_words = {ident for ident in OMITTED if ident not in EMPTY}
    assert with_words and with_words <= reported, (with_words, warnings)
    assert not [w for w in warnings if "has no model" in w]


def test_nu_html_checker(site: Path) -> None:
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(site / "every.html")],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == [], json.dumps(messages, ensure_ascii=False, indent=1)
