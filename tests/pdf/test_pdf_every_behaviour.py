"""Every behaviour of the processing model (ed:behaviours() in xslt/model/model.xsl) and every
element of xslt/model/default.odd, rendered in one PDF each: the words are in the PDF (pdftotext)
or, for what the model omits, not; the Typst markup lays each behaviour out with its call of
edition.typ (a verse line in #verse-line, a cell in tei-cell, a footnote in #note …), found as the
calls whose content encloses the element's word.

The samples are checked against the model itself (tests/model/probe.xsl): each marked element
has the behaviour it stands for, so the table below cannot drift from default.odd."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree

from edition.paths import ROOT, XSLT
from edition.transform.pdf import build_pdf, typst_markup
from edition.xslt import transform
from pdf_support import TEI, document, enclosing_calls, pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
PROBE = ROOT / "tests" / "model" / "probe.xsl"
ODD = etree.parse(str(XSLT / "model" / "default.odd"))

#: behaviour → (a TEI sample whose element id="m" has it, the calls that must enclose its word
#: "zq…" in the markup, a markup pattern it must produce besides). The words are letters only,
#: so pdftotext keeps them whole.
SAMPLES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "block": ('<opener xml:id="m">zqblock</opener>', ("tei-block",), ""),
    "inline": ('<p>a <hi xml:id="m" rendition="#i">zqinline</hi> b</p>', ("emph",), ""),
    "heading": ('<div><head xml:id="m">zqheading</head><p>x</p></div>', ("noted-heading",), r'#noted-heading\(2, \[#"zqheading'),
    "paragraph": ('<p xml:id="m">zqparagraph</p>', (), r'\n#anchor\("m"\)#"zqparagraph";\n\n'),
    "list": ('<castList xml:id="m"><castItem>zqlist</castItem></castList>', ("list",), r"#list\(tight: true, \["),
    "listItem": ('<castList><castItem xml:id="m">zqlistitem</castItem><castItem>x</castItem></castList>', ("list",),
                 r'#list\(tight: true, \[#"zqlistitem";\], \[#"x";\]\)'),
    "table": ('<table xml:id="m"><row><cell>zqtable</cell><cell>x</cell></row></table>', ("tei-table", "tei-cell"),
              r"#tei-table\(2, "),
    "row": ('<table><row xml:id="m"><cell>zqrow</cell></row><row><cell>y</cell></row></table>', ("tei-table", "tei-cell"),
            r'#tei-table\(1, tei-cell\(\)\[#"zqrow";\], tei-cell\(\)\[#"y";\]\)'),
    "cell": ('<table><row><cell xml:id="m" cols="2">zqcell</cell></row></table>', ("tei-table", "tei-cell"),
             r"tei-cell\(colspan: 2\)"),
    "figure": ('<figure xml:id="m"><head>zqfigure</head><graphic url="none.png"/></figure>', ("tei-figure",), ""),
    "graphic": ('<figure><graphic xml:id="m" url="none.png"/></figure>', (), r"#tei-figure\[\n#text\(fill: grey\)\[#\"\[Abbildung\]\";\]\]"),
    "note": ('<p>a<note xml:id="m" place="foot">zqnote</note> b</p>', ("note",), r'#note\("1", \['),
    "lineGroup": ('<lg xml:id="m"><l>zqlinegroup</l></lg>', ("verse", "verse-line"), ""),
    "line": ('<lg><l xml:id="m" n="5">zqline</l></lg>', ("verse", "verse-line"), r'#verse-line\("5"\)'),
    "speech": ('<sp xml:id="m"><speaker>x</speaker><p>zqspeech</p></sp>', ("speech",), ""),
    "speaker": ('<sp><speaker xml:id="m">zqspeaker</speaker><p>x</p></sp>', ("speech", "speaker"), ""),
    "stage": ('<sp><stage xml:id="m">zqstage</stage></sp>', ("speech", "stage"), ""),
    "alternate": ('<p><choice xml:id="m"><abbr>zqabbr</abbr><expan>zqalternate</expan></choice></p>', ("alternate",),
                  r'#alternate\(\[#"zqalternate";\], \[#"zqabbr";\]\)'),
    "omit": ('<p>zqvisible<index xml:id="m"><term>zqomitted</term></index></p>', (), ""),
    "link": ('<p><ref xml:id="m" target="https://example.org/">zqlink</ref></p>', ("link",), r'#link\("https://example.org/", \['),
    "anchor": ('<p><anchor xml:id="m"/>zqanchor</p>', (), r'#anchor\("m"\)#"zqanchor";'),
    "section": ('<div xml:id="m"><head>zqsection</head><div><p>zqnohead</p><div><head>zqsub</head></div></div></div>',
                ("noted-heading",), r'#noted-heading\(2, \[#"zqsection";\].*#noted-heading\(3, \[#"zqsub";\]'),
    "break": ('<lg><l>zqbreak<lb xml:id="m"/>zqnext</l></lg><p>zqbro<lb break="no"/>ken zqpage<pb n="7"/>zqturn</p>',
              ("verse", "verse-line"), r'#"zqbreak";#linebreak\(\)#"zqnext";.*#src-page\(labels, "7"\)'),
    "label": ('<label xml:id="m">zqlabel</label>', ("tei-label",), ""),
    "title": ('<lg><head xml:id="m">zqtitle</head><l>x</l></lg>', ("verse", "tei-title"), ""),
    "dateline": ('<opener><dateline xml:id="m">zqdateline</dateline></opener>', ("tei-right",), ""),
    "signature": ('<closer><signed xml:id="m">zqsignature</signed></closer>', ("closer",), ""),
    "quote": ('<quote xml:id="m">zqquote</quote>', ("block-quote",), ""),
}
#: words the PDF must show beyond a sample's own (zq + behaviour) word
MORE_WORDS = {"alternate": ["zqabbr"], "omit": ["zqvisible"], "section": ["zqnohead", "zqsub"],
              "break": ["zqnext", "zqbroken", "zqpage", "zqturn"], "graphic": ["Abbildung"]}
#: words the PDF must not show
ABSENT = {"omit": ["zqomitted"]}


def models(tree: etree._ElementTree) -> dict:
    return json.loads(transform(PROBE, tree, {}))


@pytest.fixture(scope="module")
def behaviours_pdf(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str, dict]]:
    """Per behaviour: its sample's markup, the PDF's text and the model of its element."""
    folder = tmp_path_factory.mktemp("every-behaviour")
    built = {}
    for behaviour, (sample, _, _) in SAMPLES.items():
        essay = folder / f"{behaviour}.xml"
        essay.write_text(document(sample), encoding="utf-8")
        build_pdf(essay, SAMPLE, folder / f"{behaviour}.pdf")
        built[behaviour] = (typst_markup(essay, SAMPLE), pdf_text(folder / f"{behaviour}.pdf"),
                            models(etree.parse(str(essay)))["m"])
    return built


def test_every_behaviour_has_a_sample():
    assert list(SAMPLES) == models(etree.ElementTree(etree.fromstring(document("<p/>"))))["#behaviours"]


@pytest.mark.parametrize("behaviour", list(SAMPLES))
def test_behaviour_is_laid_out(behaviours_pdf, behaviour):
    markup, text, model = behaviours_pdf[behaviour]
    assert model["behaviour"] == behaviour, "the sample's element has another behaviour in default.odd"
    words = set(re.findall(r"\w+", text))
    sample, calls, pattern = SAMPLES[behaviour]
    own = [w for w in [f"zq{behaviour.lower()}"] if w in sample and behaviour != "omit"]
    assert [w for w in own + MORE_WORDS.get(behaviour, []) if w not in words] == []
    assert [w for w in ABSENT.get(behaviour, []) if w in words or w in markup] == []
    if own:
        assert tuple(c for c in enclosing_calls(markup, own[0]) if c in calls) == calls
    if pattern:
        assert re.search(pattern, markup, re.S), pattern


# ---- every element of the default model ------------------------------------------------------

OMITTED = {"omit"}
#: elements that hold no words of their own in any real text (breaks, anchors, images, spans)
WORDLESS = {"lb", "pb", "cb", "gb", "anchor", "milestone", "addSpan", "delSpan", "graphic", "ptr", "gap",
            "space", "substJoin", "handShift"}


def idents() -> list[str]:
    return [s.get("ident") for s in ODD.iter(f"{{{TEI}}}elementSpec")]


def word(ident: str, where: str) -> str:
    return "zq" + re.sub(r"[^a-z]", "", ident.lower()) + where + "x"


@pytest.fixture(scope="module")
def every_element(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, dict]:
    """One PDF with every element of default.odd twice: in a paragraph and between blocks."""
    parts = []
    for ident in idents():
        if ident in WORDLESS:
            parts.append(f'<p>{word(ident, "before")} <{ident} xml:id="{ident}-in"/> {word(ident, "after")}</p>')
        else:
            parts.append(f'<p>before <{ident} xml:id="{ident}-in">{word(ident, "in")}</{ident}> after</p>')
            parts.append(f'<{ident} xml:id="{ident}-between">{word(ident, "between")}</{ident}>')
    folder = tmp_path_factory.mktemp("every-element")
    essay = folder / "every.xml"
    essay.write_text(document("".join(parts)), encoding="utf-8")
    warnings = build_pdf(essay, SAMPLE, folder / "every.pdf")
    assert [w for w in warnings if "has no model" in w] == []
    return typst_markup(essay, SAMPLE), pdf_text(folder / "every.pdf"), models(etree.parse(str(essay)))


def test_every_element_of_the_model_is_rendered(every_element):
    markup, text, model = every_element
    words = set(re.findall(r"\w+", text))
    lost, shown = [], []
    for ident in idents():
        omitted = model[f"{ident}-in"]["behaviour"] in OMITTED
        expected = [word(ident, w) for w in (("before", "after") if ident in WORDLESS else ("in", "between"))]
        if omitted and ident not in WORDLESS:
            shown += [w for w in expected if w in words]
        else:
            lost += [w for w in expected if w not in words]
    assert lost == [] and shown == []


# Between blocks, an element whose behaviour lays out a block of its own is that block (a text,
# a division or an ab holding words is a block of them; head, docTitle, byline, closer and list
# have templates of their own in xslt/pdf/body.xsl).
BLOCK_CALLS = {"lineGroup": "verse", "line": "verse-line", "speech": "speech", "speaker": "speaker",
               "stage": "stage", "figure": "tei-figure", "label": "tei-label", "dateline": "tei-right",
               "signature": "tei-right", "note": "side-note", "quote": "block-quote", "list": "list",
               "block": "tei-block", "section": "tei-block", "paragraph": "tei-block", "listItem": "tei-block",
               "row": "tei-block", "cell": "tei-block", "title": "tei-title"}
OWN_TEMPLATES = {"head": "noted-heading", "docTitle": "titled-heading", "byline": "byline", "closer": "closer",
                 "list": "list", "p": None}  # p: the page's own paragraph, no call
#: what only a table's rows and cells lay out (its sample in SAMPLES): words directly in a table
#: are kept after it (test_every_element_of_the_model_is_rendered), no table of them is made
TABLE_ONLY = {"table"}
#: every block call: in running text none of them may enclose an element's words
BLOCKS = {"side-note", "tei-figure", "block-quote", "tei-block", "tei-title", "verse", "speech", "stage",
          "speaker", "tei-right", "tei-label"}


#: structures that stay structures in a paragraph too (lg in p, a speech quoted in prose): their
#: lines must not run on
KEPT_IN_TEXT = {"lineGroup": "verse", "speech": "speech"}


def printed(model: dict, ident: str) -> bool:
    return ident not in WORDLESS and model[f"{ident}-in"]["behaviour"] not in OMITTED


@pytest.mark.parametrize("ident", [i for i in idents() if i not in WORDLESS | TABLE_ONLY])
def test_element_between_blocks_is_its_block(every_element, ident):
    markup, _, model = every_element
    behaviour = model[f"{ident}-between"]["behaviour"]
    if behaviour in OMITTED:
        assert word(ident, "between") not in markup
        return
    calls = enclosing_calls(markup, word(ident, "between"))
    expected = OWN_TEMPLATES[ident] if ident in OWN_TEMPLATES else BLOCK_CALLS.get(behaviour)
    if expected is None:  # a phrase (inline, alternate, link …) standing alone: a paragraph of its own
        assert not set(calls) & BLOCKS, (behaviour, calls)
    else:
        assert expected in calls, (behaviour, calls)


@pytest.mark.parametrize("ident", [i for i in idents() if i not in WORDLESS])
def test_element_in_running_text_stays_in_its_paragraph(every_element, ident):
    """In a paragraph an element never opens a block of the page (a side note, a figure, a
    quotation …): its words stay in the paragraph's flow, or in a footnote; verse and speeches
    keep their structure there."""
    markup, _, model = every_element
    if not printed(model, ident):
        assert word(ident, "in") not in markup
        return
    calls = enclosing_calls(markup, word(ident, "in"))
    kept = KEPT_IN_TEXT.get(model[f"{ident}-in"]["behaviour"])
    if kept:
        assert kept in calls and not set(calls) & BLOCKS - {kept}, calls
    else:
        assert not set(calls) & BLOCKS, calls
