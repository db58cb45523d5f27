"""The PDF's front matter: what the text's header says of it (common:header-facts: responsibility
with several resp, a letter's correspDesc, a manuscript's msDesc, the source's bibl) on the title
page's verso, in the interface language's labels; the document language from the text's
xml:lang; passages in another language set in theirs."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from edition.paths import ROOT
from edition.transform.pdf import build_pdf, typst_markup
from pdf_support import pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
TEI = "http://www.tei-c.org/ns/1.0"

HEADER = """<teiHeader><fileDesc>
  <titleStmt><title>Brief an Ernst</title>
    <respStmt><resp>Transkription</resp><resp>Kommentar</resp><persName>Anna Muster</persName><persName>Ben Beispiel</persName></respStmt>
  </titleStmt>
  <publicationStmt><p>test</p></publicationStmt>
  <sourceDesc>
    <msDesc><msIdentifier><settlement>Weimar</settlement><repository>Goethe- und Schiller-Archiv</repository><idno>GSA 28/1</idno></msIdentifier>
      <physDesc><p>Ein Doppelblatt, eigenhändig.</p></physDesc></msDesc>
    <bibl>Gedruckt in: Briefe, Bd. 2, Berlin 1960</bibl>
  </sourceDesc></fileDesc>
  <profileDesc><correspDesc>
    <correspAction type="sent"><persName>Clara Schumann</persName><placeName>Leipzig</placeName><date when="1840-05-01">1. Mai 1840</date></correspAction>
    <correspAction type="received"><persName>Ernst Becker</persName></correspAction>
  </correspDesc></profileDesc>
</teiHeader>"""


def letter(tmp_path: Path, lang: str = "de", header: str = HEADER) -> tuple[str, str, Path]:
    essay = tmp_path / "brief.xml"
    essay.write_text(f'<TEI xmlns="{TEI}" xml:lang="{lang}">{header}<text><body><div><head>Brief</head>'
                     '<p>Lieber Ernst, <foreign xml:lang="fr">mon cher ami</foreign>.</p></div></body></text></TEI>',
                     encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    build_pdf(essay, SAMPLE, pdf)
    return typst_markup(essay, SAMPLE), pdf_text(pdf), pdf


def test_header_facts_on_the_title_page_verso(tmp_path):
    markup, text, _ = letter(tmp_path)
    verso = re.sub(r"\s+", " ", text.split("\f")[1])
    for fact in ("Angaben zum Text", "Transkription, Kommentar: Anna Muster, Ben Beispiel",
                 "Clara Schumann, Leipzig, 1. Mai 1840", "Ernst Becker",
                 "Weimar, Goethe- und Schiller-Archiv, GSA 28/1", "Ein Doppelblatt, eigenhändig.",
                 "Gedruckt in: Briefe, Bd. 2, Berlin 1960"):
        assert fact in verso, fact
    for label in ("Verantwortlich", "Absender", "Empfänger", "Handschrift", "Beschreibung", "Quelle"):
        assert f'#colophon-entry("{label}", ' in markup
    # the verso opens no part: the contents still start on a recto, page 3
    assert re.sub(r"\s+", " ", text.split("\f")[2]).startswith("Inhalt")


def test_no_verso_facts_where_the_header_says_nothing(tmp_path):
    bare = ('<teiHeader><fileDesc><titleStmt><title>Kahl</title></titleStmt><publicationStmt><p>t</p>'
            '</publicationStmt><sourceDesc><p>geboren digital</p></sourceDesc></fileDesc></teiHeader>')
    markup, text, _ = letter(tmp_path, header=bare)
    assert "#text-facts-title(" not in markup
    assert re.sub(r"\s+", " ", text.split("\f")[2]).startswith("Inhalt")  # the title page's verso stays blank


def test_document_language_from_the_text(tmp_path):
    markup, _, pdf = letter(tmp_path, lang="en")
    assert ', lang: "en", ' in markup
    assert pypdf.PdfReader(pdf).trailer["/Root"]["/Lang"] == "en"
    assert '#text(lang: "fr")[#"mon cher ami";]' in markup
