"""The PDF reads the same labels as the HTML (xslt/common/labels.xml): German by default, English
with interface-language=en, and the Typst template holds no wording of its own."""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from edition.core import read_edition
from edition.paths import ROOT, XSLT
from edition.transform.pdf import build_pdf, typst_markup
from edition.xmlio import parse
from edition.xslt import XsltError, transform

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
ESSAY = SAMPLE / "tei" / "essays" / "sample.xml"
LABELS = XSLT / "common" / "labels.xml"
TEMPLATE = XSLT / "pdf" / "edition.typ"
LB = "urn:tei-edition:labels"
#: The labels the book prints (title page and its verso, margin, contents, index, colophon, attachment).
COLOPHON_KEYS = ["colophon-edition", "colophon-editors", "colophon-responsibility", "colophon-publisher",
                 "colophon-date", "licence", "colophon-online", "colophon-archiving"]
FACT_KEYS = ["fact-responsibility", "fact-source", "fact-basis"]  # what the sample's header says of it
PDF_KEYS = ["page-short", "pdf-note-lost", "contents", "notes", "register", "colophon", "editors", "pdf-attachment",
            "text-facts", *FACT_KEYS, *COLOPHON_KEYS]


@cache
def labels(lang: str) -> dict[str, str]:
    root = etree.parse(str(LABELS)).getroot()
    return {label.get("key"): label.findtext(f"{{{LB}}}{lang}") for label in root.iterfind(f"{{{LB}}}label")}


@cache
def markup(language: str | None, edition_dir: Path = SAMPLE) -> str:
    """The sample essay's Typst markup; language None = the parameter left out."""
    ed = read_edition(edition_dir)
    params = {"edition": ed.header, "persons": ed.register_tree(), "source-name": ESSAY.name}
    if language is not None:
        params["interface-language"] = language
    return transform(Path("pdf/pdf.xsl"), parse(ESSAY), params)


def lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{4,}", text))


def test_german_is_the_default_and_what_the_build_uses() -> None:
    assert markup(None) == markup("de")
    assert typst_markup(ESSAY, SAMPLE) == markup("de")  # the sample edition's interface is German


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_book_prints_the_labels_of_its_language(lang: str) -> None:
    text = markup(lang)
    wording = labels(lang)
    dictionary = ", ".join(f"{k}: {lit(wording[k])}" for k in ["page-short", "pdf-note-lost", "contents", "notes", "register", "colophon"])
    assert f"#let labels = ({dictionary})\n" in text
    assert f"description: {lit(wording['pdf-attachment'])})" in text
    assert f'[#"{wording["editors"]} Erika Muster";]' in text
    for key in [*COLOPHON_KEYS, *FACT_KEYS]:
        assert f"#colophon-entry({lit(wording[key])}, " in text, key
    assert f"#text-facts-title({lit(wording['text-facts'])})" in text
    for call in ["#contents(labels)", "#person-index(labels)[", "#colophon(labels)[", "#src-page(labels, ", "#lost-note(labels, "]:
        assert call in text


def test_english_colophon_date_and_archive_note() -> None:
    text = markup("en")
    assert '#colophon-entry("Date", [#"22 November 2026";])' in text
    assert "the TEI source of this essay is embedded as the file “sample.xml”." in text
    assert '#colophon-entry("Stand", [#"22. November 2026";])' in markup("de")


def test_no_german_label_word_in_the_english_book() -> None:
    german = set().union(*(_words(labels("de")[k]) for k in PDF_KEYS))
    english = set().union(*(_words(t) for t in labels("en").values()))
    data = set().union(*(_words(p.read_text(encoding="utf-8")) for p in [*SAMPLE.rglob("*.xml"), *SAMPLE.rglob("*.toml")]))
    forbidden = german - english - data
    assert {"Impressum", "Herausgabe", "Verlag", "Archivierung", "Textgrundlage"} <= forbidden
    assert not (_words(markup("en")) & forbidden)


def test_the_template_holds_no_wording() -> None:
    """What edition.typ prints of its own is only technical: every string literal and every
    content block of its code (comments aside) is a font, a style value, a mark or a separator."""
    code = "\n".join(line.split("//")[0] for line in TEMPLATE.read_text(encoding="utf-8").splitlines())
    strings = re.findall(r'"((?:[^"\\]|\\.)*)"', code)
    technical = {"Libertinus Serif", "fallback-fonts", "lining", "regular", "italic", "old-style", "odd", "id:", "#1a3a6b",
                 "endnotes", "endnote-", "endnote-ref-"}  # a state's and labels' names
    unescaped = [re.sub(r"\\u\{[0-9a-fA-F]+\}|\\.", "", s) for s in strings]
    assert [s for s in unescaped if re.search(r"[^\W\d_]", s) and s not in technical] == []
    assert re.findall(r"\[[^\]\[#]*[^\W\d_]{3,}[^\]\[]*\]", code) == []
    german = set().union(*(_words(t) for t in labels("de").values())) - set(labels("en").values())
    assert not (_words(code) & {w for w in german if w[0].isupper()} - {"Edition", "Text", "Online", "Version", "Essay", "Essays"})


def test_unknown_language_is_an_error_naming_it() -> None:
    with pytest.raises(XsltError, match="'fr'"):
        markup("fr")


@pytest.fixture(scope="module")
def english_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample edition with English as its interface language (edition.toml)."""
    ed = tmp_path_factory.mktemp("english") / "ed"
    shutil.copytree(SAMPLE, ed)
    config = ed / "edition.toml"
    text = config.read_text(encoding="utf-8")
    assert 'interface = "de"' in text
    config.write_text(text.replace('interface = "de"', 'interface = "en"'), encoding="utf-8")
    return ed


def test_english_book_end_to_end(english_edition: Path, tmp_path: Path) -> None:
    essay = english_edition / "tei" / "essays" / "sample.xml"
    # edition.toml's interface language reaches the stylesheets (the edition document, written in
    # that language, is the same on both sides)
    assert typst_markup(essay, english_edition) == markup("en", english_edition)
    out = tmp_path / "sample.pdf"
    build_pdf(essay, english_edition, out)
    reader = pypdf.PdfReader(out)
    pages = [p.extract_text() for p in reader.pages]
    assert any(p.startswith("Contents") for p in pages)
    assert any(p.startswith("Index of persons") for p in pages)
    assert any(p.startswith("Colophon") for p in pages)
    assert any("p.\xa01" in p for p in pages)
    assert "Edited by Erika Muster" in pages[0]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[-3:] == ["Index of persons", "About this edition", "Colophon"]
    assert not any("Inhalt" in p or "Impressum" in p or "Personenregister" in p for p in pages)
