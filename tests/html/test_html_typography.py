"""Reading text typography as a declared normalisation (xslt/common/typography.xsl): straight
quotes and spaced hyphens as the language's quote marks and en dashes in HTML and PDF alike,
the printed form kept in the TEI and in the HTML's diplomatic view, and said so in the edition
document."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from html_support import essay_tei, make_edition
from lxml import etree, html

from edition.core import read_edition
from edition.transform.html import build_html
from edition.transform.pdf import build_pdf

sys.path.insert(0, str(Path(__file__).parents[1] / "pdf"))
from pdf_support import pdf_text  # noqa: E402

TEXT = """<body><div><head><persName ref="psn:lenin-wladimir">Lenin</persName>, die <q rend="straight">Ideologie</q> und die Organisation</head>
<p>Die Revolution wurde nicht "gemacht"- sie war "von <hi rend="italic">unten</hi>" gewachsen - so der Autor.
Die <q rend="straight">Partei <q rend="straight">neuen Typs</q></q> blieb; die Kerenski-Offensive scheiterte
<date when="1917-07">im Juli</date> - früh. Er schrieb: "Brot"<note place="foot" n="1">Zitiert nach "Iskra" - 1901.</note> und mehr.
Ein <q rend="guillemets">Zitat</q> bleibt, wie es gedruckt ist.</p>
<p xml:lang="en">The "workers" - so they said - took the <q rend="straight">factories</q>.</p>
<p xml:lang="fr">Les "soviets" - disait-il.</p>
<p>Gesetzt mit Maß="2 cm" - im Code <code>width="1in" - x</code> bleibt alles, wie es steht.</p>
</div></body>"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_edition(tmp_path_factory.mktemp("typography"), essays={"satz": essay_tei("satz", TEXT)})


@pytest.fixture(scope="module")
def site(edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("typography-site") / "site"
    build_html(edition, site)
    return site


@pytest.fixture(scope="module")
def page(site: Path) -> html.HtmlElement:
    return html.fromstring((site / "satz.html").read_bytes())


def reading(el: html.HtmlElement) -> str:
    """The text a reader sees by default: without the diplomatic forms, popovers, cards and normalised dates."""
    el = html.fromstring(html.tostring(el))
    for hidden in el.xpath(".//*[contains(@class, 'reading-dipl') or contains(@class, 'note-pop') or contains(@class, 'date-norm') or @class = 'card']"):
        hidden.drop_tree()
    return " ".join(el.text_content().split())


def diplomatic(el: html.HtmlElement) -> str:
    """The text of the diplomatic view: the printed forms instead of the normalised ones."""
    el = html.fromstring(html.tostring(el))
    for hidden in el.xpath(".//*[contains(@class, 'reading-norm') or contains(@class, 'note-pop') or contains(@class, 'date-norm') or @class = 'card']"):
        hidden.drop_tree()
    return " ".join(el.text_content().split())


def test_quotes_and_dashes_as_read_in_german(page: html.HtmlElement) -> None:
    para = reading(page.xpath("//p[@class='para'][1]")[0])
    assert "nicht „gemacht“- sie war „von unten“ gewachsen – so der Autor" in para
    # nested quotations take the single marks; compounds and printed marks stay
    assert "Die „Partei ‚neuen Typs‘“ blieb; die Kerenski-Offensive" in para
    assert "im Juli – früh" in para  # a spaced hyphen after an element
    assert "Er schrieb: „Brot“1 und mehr." in para  # closing mark before a note marker
    assert "Ein «Zitat» bleibt" in para


def test_per_language_and_only_where_declared(page: html.HtmlElement) -> None:
    english, french, code = page.xpath("//p[@class='para'][position() > 1]")
    assert "The “workers” – so they said – took the “factories”." in reading(english)
    assert 'Les "soviets" - disait-il.' in reading(french)  # no French rules: as printed
    # a quote opens before a word after a sign; code keeps its characters
    assert 'Gesetzt mit Maß=„2 cm“ – im Code width="1in" - x bleibt' in reading(code)


def test_diplomatic_view_shows_the_printed_form(page: html.HtmlElement) -> None:
    para = diplomatic(page.xpath("//p[@class='para'][1]")[0])
    assert 'nicht "gemacht"- sie war "von unten" gewachsen - so der Autor' in para
    assert 'Die "Partei "neuen Typs"" blieb' in para
    assert page.xpath("//input[@id='diplomatisch']"), "the view needs its switch"
    # the printed forms stay out of the search index
    assert all(s.get("data-pagefind-ignore") == "all" for s in page.xpath("//span[contains(@class, 'reading-dipl')]"))


def test_notes_headings_and_contents_keep_their_quote_marks(page: html.HtmlElement) -> None:
    note = reading(page.xpath("//ol[@class='notes-list']/li")[0])
    assert "Zitiert nach „Iskra“ – 1901." in note
    assert "Lenin, die „Ideologie“ und die Organisation" in reading(page.xpath("//h2[contains(., 'Organisation')]")[0])
    assert "Lenin, die „Ideologie“ und die Organisation" in page.xpath("string(//nav[@class='toc']//a[contains(., 'Organisation')])")


def test_the_tei_keeps_what_was_printed(edition: Path, site: Path) -> None:
    source = edition / "tei" / "essays" / "satz.xml"
    assert (site / "tei" / "texts" / "satz.xml").read_bytes() == source.read_bytes()


def test_the_edition_document_declares_the_normalisation(edition: Path, site: Path) -> None:
    tei = {"t": "http://www.tei-c.org/ns/1.0"}
    decl = read_edition(edition).header.xpath("string(//t:editorialDecl/t:normalization/t:p)", namespaces=tei)
    assert "gerade Anführungszeichen" in decl and "Halbgeviertstrich" in decl and "wie gedruckt" in decl
    published = etree.parse(str(site / "tei" / "edition.xml"))
    assert published.xpath("string(//t:editorialDecl/t:normalization/t:p)", namespaces=tei) == decl


def test_the_declaration_in_an_english_interface(tmp_path: Path) -> None:
    english = make_edition(tmp_path / "en", essays={"satz": essay_tei("satz", TEXT)})
    config = english / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('interface = "de"', 'interface = "en"'), encoding="utf-8")
    tei = {"t": "http://www.tei-c.org/ns/1.0"}
    p = read_edition(english).header.xpath("//t:editorialDecl/t:normalization/t:p", namespaces=tei)[0]
    assert "straight quotation marks" in p.text and p.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_the_pdf_reads_the_same(edition: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "satz.pdf"
    build_pdf(edition / "tei" / "essays" / "satz.xml", edition, pdf)
    text = " ".join(re.sub("\u00ad\\s*", "", pdf_text(pdf)).split())  # the typesetter's hyphenation undone
    for expected in ("nicht „gemacht“- sie war „von unten“ gewachsen – so der Autor", "„Partei ‚neuen Typs‘“",
                     "Kerenski-Offensive", "im Juli – früh", "The “workers” – so they said – took the “factories”.",
                     'Les "soviets" - disait-il.', "die „Ideologie“ und die Organisation", "„Iskra“ – 1901"):
        assert expected in text, expected
