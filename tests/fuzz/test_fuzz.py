"""Property-based fuzzing: no input makes a step crash with anything but a located error.

Seeds are the sample and bundled essays and the real TEI of ``../shared/corpus/`` (when present);
hypothesis mutates them (cut, duplicate, insert markup, odd Unicode, deep nesting, hostile
prologs) and builds random documents. Each case goes through validate, annotate, the HTML and
PDF transforms and the importer. Bounded for CI (``FUZZ_EXAMPLES`` per target, default 40);
``FUZZ_EXAMPLES=2000 python3 -m pytest tests/fuzz`` is the long run.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import xmlio
from edition.annotate import register as R
from edition.annotate.names import compile_forms
from edition.annotate.rewrite import serialise
from edition.annotate.tagger import annotate
from edition.importer.meta import Meta
from edition.importer.pipeline import run as import_run
from edition.importer.source import SourceError, parse_source
from edition.core import read_edition
from edition.paths import ROOT
from edition.transform.html import load_corpus, render_pages
from edition.transform.pdf import typst_markup
from edition.validate import validate_files
from edition.xslt import XsltError, to_xdm

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
CORPUS = ROOT.parent / "shared" / "corpus"
#: Seeds are cut to this many bytes (at a line end) so one case stays fast.
SEED_BYTES = 40_000

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("FUZZ_RANDOM") is None,  # CI runs are repeatable
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    database=None,
)


@cache
def seeds() -> tuple[bytes, ...]:
    files = [*sorted((SAMPLE / "tei" / "essays").glob("*.xml")), *sorted((ROOT / "editions").glob("*/texts/*.xml"))]
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.xml"))
    out = []
    for f in files:
        data = f.read_bytes()
        if len(data) > SEED_BYTES:  # a truncated seed is itself a damaged document worth trying
            data = data[: data.rfind(b"\n", 0, SEED_BYTES) + 1]
        out.append(data)
    return tuple(out)


# ---------------------------------------------------------------- strategies

ODD_TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(["\ufeff", "\u200b", "\u00ad", "ꝛ", "漢", "😀", "\u202e", "&", "<", "]]>", "\r", "\t"]),
    ),
    max_size=40,
).map("".join)
NAME = st.from_regex(r"\A[A-Za-zÄÖÜäöüß_][A-Za-z0-9Ä-ÿ_.-]{0,8}\Z", fullmatch=True)
MARKUP = st.one_of(
    st.builds(lambda n: f"<{n}>", NAME),
    st.builds(lambda n: f"</{n}>", NAME),
    st.builds(lambda n, v: f'<{n} xml:id="{v}"/>', NAME, NAME),
    st.sampled_from([
        '<persName ref="psn:nobody">X</persName>', '<date when="2017-13-45">x</date>',
        '<date notBefore="1921" notAfter="1920">x</date>', '<note place="foot" n="999">n</note>',
        '<ref target="javascript:alert(1)">js</ref>', '<ref target="data:text/html,x">d</ref>',
        '<pb n="x"/>', "<lg><l>a</l></lg>", "<sp><speaker>A</speaker><p>b</p></sp>",
        "<table><row><cell>1</cell></row></table>", "<choice><sic>a</sic><corr>b</corr></choice>",
        "<sourceDesc><p>again</p></sourceDesc>", "&amp;", "&#0;", "&#x1F600;", "&lt;", "<!-- c -->",
        "<?pi data?>", "<![CDATA[<x>]]>", '<hi rend="italic">i</hi>', "<head/>", "<p/>", "<div/>",
    ]),
    st.integers(min_value=90, max_value=300).map(lambda d: "<hi>" * d + "x" + "</hi>" * d),
)
PROLOG = st.sampled_from([
    b"",
    b'<?xml version="1.0" encoding="UTF-8"?>\n',
    b'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/x.dtd">\n',
    b'<!DOCTYPE TEI SYSTEM "/nonexistent/x.dtd">\n',
    b'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
    b"\xef\xbb\xbf",
])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A seed with a few random edits."""
    data = bytearray(draw(st.sampled_from(seeds())))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        kind = draw(st.sampled_from(["insert-markup", "insert-text", "cut", "duplicate", "flip"]))
        if kind == "insert-markup":
            data[at:at] = draw(MARKUP).encode()
        elif kind == "insert-text":
            data[at:at] = draw(ODD_TEXT).encode("utf-8", "surrogatepass")
        elif kind == "cut":
            data[at : at + draw(st.integers(min_value=1, max_value=200))] = b""
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(min_value=1, max_value=400))]
        elif data:
            i = min(at, len(data) - 1)
            data[i] = draw(st.integers(min_value=0, max_value=255))
    if draw(st.booleans()):
        body = bytes(data)
        if body.startswith(b"<?xml"):
            body = body[body.find(b"?>") + 2 :]
        data = bytearray(draw(PROLOG) + body.lstrip())
    return bytes(data)


@st.composite
def random_tei(draw: st.DrawFn) -> bytes:
    """A random structure of TEI-looking elements around odd text."""
    def tree(depth: int) -> str:
        if depth > 4 or draw(st.booleans()):
            return draw(ODD_TEXT).replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "]]&gt;")
        name = draw(st.sampled_from(["p", "div", "head", "hi", "note", "lg", "l", "sp", "q", "list", "item", "ab", "x"]))
        kids = "".join(tree(depth + 1) for _ in range(draw(st.integers(min_value=0, max_value=3))))
        return f"<{name}>{kids}</{name}>"
    body = "".join(tree(0) for _ in range(draw(st.integers(min_value=1, max_value=4))))
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="sample"><teiHeader><fileDesc><titleStmt><title>'
        f"{tree(3)}</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
        f"</fileDesc></teiHeader><text><body>{body}</body></text></TEI>"
    ).encode("utf-8", "surrogatepass")


TEI_FRAGMENT = "<w xmlns='http://www.tei-c.org/ns/1.0'>{}</w>"
ATTRIBUTES = st.sampled_from([
    ("{http://www.w3.org/XML/1998/namespace}id", "sample"), ("{http://www.w3.org/XML/1998/namespace}id", "dup"),
    ("when", "1917-02-30"), ("when", "garbage"), ("notBefore", "1922"), ("notAfter", "1917"), ("from", "-0044"),
    ("ref", "psn:nobody"), ("ref", "#"), ("target", "javascript:alert(1)"), ("target", "#nowhere"),
    ("rend", "italic"), ("place", "foot"), ("n", "0"), ("n", ""), ("calendar", "#nowhere"), ("type", "x"),
    ("{http://www.w3.org/XML/1998/namespace}lang", "zz"),
])


@st.composite
def tree_mutated(draw: st.DrawFn) -> bytes:
    """A seed edited as a tree: elements duplicated, dropped, moved, given odd attributes and text.

    Unlike byte edits these stay well-formed, so they reach the Schematron and the transforms.
    """
    seed = draw(st.sampled_from(seeds()))
    try:
        root = xmlio.parse_bytes(seed, "seed.xml").getroot()
    except xmlio.XmlInputError:
        return seed
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        el = elements[draw(st.integers(min_value=0, max_value=len(elements) - 1))]
        kind = draw(st.sampled_from(["dup", "drop", "move", "attr", "text", "fragment", "unwrap"]))
        parent = el.getparent()
        if kind == "dup" and parent is not None:
            parent.insert(parent.index(el), copy.deepcopy(el))
        elif kind == "drop" and parent is not None:
            parent.remove(el)
            elements = [e for e in root.iter() if isinstance(e.tag, str)]
        elif kind == "move" and parent is not None:
            target = elements[draw(st.integers(min_value=0, max_value=len(elements) - 1))]
            if el not in target.iterancestors() and target is not el:
                target.append(el)
        elif kind == "attr":
            el.set(*draw(ATTRIBUTES))
        elif kind == "text":
            el.text = (el.text or "") + _xml_safe(draw(ODD_TEXT))
        elif kind == "fragment":
            markup = draw(MARKUP)
            try:
                wrapper = etree.fromstring(TEI_FRAGMENT.format(markup))
            except etree.XMLSyntaxError:  # an end tag alone: no fragment
                continue
            el.extend(list(wrapper))
        elif kind == "unwrap" and parent is not None and len(el):
            el.tag = draw(st.sampled_from(["{http://www.tei-c.org/ns/1.0}ab", "{http://www.tei-c.org/ns/1.0}seg", "unknown"]))
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def _xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot hold at all are left out (the byte mutations cover them)."""
    return "".join(c for c in text if c in "\t\n\r" or ("\x20" <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff")


DOCUMENTS = st.one_of(mutated(), tree_mutated(), random_tei())


# ---------------------------------------------------------------- targets


@pytest.fixture()
def edition_dir():
    """A scratch copy of the sample edition whose essay each case replaces."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        shutil.copytree(SAMPLE, tmp, dirs_exist_ok=True)
        yield Path(tmp)


def _essay(edition: Path, data: bytes) -> Path:
    path = edition / "tei" / "essays" / "sample.xml"
    path.write_bytes(data)
    return path


@FUZZ
@given(data=DOCUMENTS)
def test_validate_never_raises(edition_dir: Path, data: bytes) -> None:
    essay = _essay(edition_dir, data)
    for problem in validate_files([essay]):
        assert problem.file == str(essay) and problem.line >= 0 and problem.message.strip()
        assert "\n" not in str(problem) and "Traceback" not in problem.message


@FUZZ
@given(data=DOCUMENTS)
def test_annotate_raises_only_located_errors(data: bytes) -> None:
    reg = _register()
    try:
        tree = xmlio.parse_bytes(data, "essay.xml")
    except xmlio.XmlInputError as exc:
        assert str(exc).startswith("essay.xml:")
        event("refused as XML")
        return
    event("parsed")
    annotate(tree, reg, _matcher())
    out = serialise(tree, data)
    xmlio.parse_bytes(out, "annotated.xml")  # what annotate writes is well-formed again


@FUZZ
@given(data=DOCUMENTS)
def test_transforms_raise_only_located_errors(edition_dir: Path, data: bytes) -> None:
    """HTML pages and PDF markup of any well-formed document, or a located refusal."""
    essay = _essay(edition_dir, data)
    try:
        corpus = load_corpus(read_edition(edition_dir))
    except xmlio.XmlInputError as exc:
        assert str(exc).startswith(str(edition_dir))
        return
    event("parsed")
    for target in (lambda: render_pages(to_xdm(corpus), ["sample"], {"interface-language": "de"}), lambda: typst_markup(essay, edition_dir)):
        try:
            target()
        except XsltError as exc:  # a stylesheet's refusal must name the text and stay one line
            assert "\n" not in str(exc).strip(), str(exc)


LINE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)
SOURCE_LINES = st.lists(
    st.one_of(LINE, st.just(""), st.integers(min_value=1, max_value=400).map(str), st.just("\f"),
              st.builds(lambda n, t: f"{n} {t}", st.integers(min_value=1, max_value=60), LINE),
              st.builds(lambda t: t + "-", LINE)),
    max_size=80,
)


@FUZZ
@given(lines=SOURCE_LINES)
def test_importer_raises_only_located_errors(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8")
    try:
        src = parse_source(data, "source.txt")
        tei, _ = import_run(src, META)
    except SourceError as exc:
        assert str(exc).startswith("source.txt:")
        return
    xmlio.parse_bytes(tei, "draft.xml")


META = Meta(
    id="fuzz", language="de", title="Titel", subtitle="", author="Max Muster", author_ref="", year="2017",
    original_note="", rights="", abstract="", publisher="tei-edition", edition="1", date="2026-01-01",
    licence="CC BY 4.0", licence_target="", encoder="Fuzz", changes=(("2026-01-01", "fuzzed"),),
)


@cache
def _register() -> R.Register:
    return R.load(SAMPLE / "tei" / "register" / "persons.xml")


@cache
def _matcher():
    return compile_forms(_register().forms)


def test_seeds_parse() -> None:
    """The seeds themselves are real documents: most parse (a truncated one may not)."""
    parsed = 0
    for data in seeds():
        try:
            xmlio.parse_bytes(data, "seed.xml")
            parsed += 1
        except xmlio.XmlInputError:
            pass
    assert parsed >= 3 and isinstance(etree.LXML_VERSION, tuple)
