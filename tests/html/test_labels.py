"""One labels source (xslt/common/labels.xml) for every output: complete in every language, German
by default, English on every page when the stylesheets get interface-language=en — while the
texts themselves stay German and are marked as such."""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from html_support import SAMPLE
from lxml import etree, html

from edition.core import read_edition
from edition.paths import XSLT
from edition.transform.html import load_corpus
from edition.xmlio import parse_bytes
from edition.xslt import XsltError, to_xdm, transform

LABELS = XSLT / "common" / "labels.xml"
LB = "urn:tei-edition:labels"
EVAL = Path(__file__).with_name("eval.xsl")
SITE_PAGES = {"index.html": "landing.xsl", "register.html": "register.xsl",
              "chronologie.html": "chronology.xsl", "suche.html": "search.xsl"}
PAGES = [*SITE_PAGES, "sample.html"]
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9-]*)\}")


@cache
def labels() -> dict[str, dict[str, str]]:
    """labels.xml as language → key → text."""
    out: dict[str, dict[str, str]] = {}
    for label in etree.parse(str(LABELS)).getroot().iterfind(f"{{{LB}}}label"):
        for text in label:
            if isinstance(text.tag, str):
                out.setdefault(etree.QName(text).localname, {})[label.get("key")] = text.text or ""
    return out


@cache
def corpus():
    return to_xdm(load_corpus(read_edition(SAMPLE)))


@cache
def page(name: str, language: str | None) -> str:
    """A page of the sample edition; language None = the parameter left out."""
    params = {} if language is None else {"interface-language": language}
    if name == "sample.html":
        return transform(Path("html/essay.xsl"), corpus(), {"essay-id": "sample", **params})
    return transform(Path("html") / SITE_PAGES[name], corpus(), params)


def evaluate(expr: str, language: str) -> list[str]:
    source = parse_bytes((SAMPLE / "tei/essays/sample.xml").read_bytes())
    out = transform(EVAL, source, {"expr": expr, "interface-language": language})
    return out.split("\n") if out else []


# ---- the labels file ----

def test_every_key_has_a_text_in_every_language() -> None:
    root = etree.parse(str(LABELS)).getroot()
    keys = [label.get("key") for label in root.iterfind(f"{{{LB}}}label")]
    assert len(keys) == len(set(keys)), "a key is defined twice"
    languages = set(labels())
    assert {"de", "en"} <= languages
    for lang in sorted(languages):
        missing = [k for k in keys if k not in labels()[lang]]
        assert not missing, f"{lang} misses {missing}"
        empty = [k for k in keys if not labels()[lang][k].strip()]
        assert not empty, f"{lang} has empty texts for {empty}"
    for label in root.iterfind(f"{{{LB}}}label"):
        per_language = [etree.QName(t).localname for t in label if isinstance(t.tag, str)]
        assert len(per_language) == len(set(per_language)), f"{label.get('key')}: a language twice"


def test_placeholders_are_the_same_in_every_language() -> None:
    for key, german in labels()["de"].items():
        for lang, texts in labels().items():
            assert set(PLACEHOLDER.findall(texts[key])) == set(PLACEHOLDER.findall(german)), (key, lang)


def test_the_stylesheets_read_the_same_file() -> None:
    assert evaluate("ed:interface-languages()", "de") == sorted(labels())
    for lang in sorted(labels()):
        assert evaluate("ed:label('contents')", lang) == [labels()[lang]["contents"]]
        assert evaluate("(1 to 12) ! ed:month-name(.)", lang) == [labels()[lang][f"month-{m}"] for m in range(1, 13)]


# ---- choosing the language ----

@pytest.mark.parametrize("name", PAGES)
def test_german_is_the_default(name: str) -> None:
    assert page(name, None) == page(name, "de")
    assert '<html lang="de">' in page(name, None)
    # German interface on German texts: nothing needs marking
    assert len(re.findall(r'\slang="', page(name, None))) == 1


def test_unknown_language_is_an_error_naming_it() -> None:
    with pytest.raises(XsltError, match="no interface labels for language 'fr'.*de, en"):
        page("index.html", "fr")
    with pytest.raises(XsltError, match="'xx-YY'"):
        page("sample.html", "xx-YY")


def test_regional_tag_falls_back_to_its_language() -> None:
    landing = page("index.html", "en-GB")
    assert '<html lang="en-GB">' in landing
    assert labels()["en"]["indexes-and-search"] in landing


def test_unknown_key_is_an_error_in_every_language() -> None:
    for lang in ("de", "en"):
        with pytest.raises(XsltError, match="nope"):
            evaluate("ed:label('nope')", lang)
    with pytest.raises(XsltError, match=r"note-back \(en\): no value for \{number\}"):
        evaluate("ed:label-format('note-back', map { 'cited': 1 })", "en")


# ---- English on every page ----

#: Keys whose English text each page shows (in its text or its attributes).
SHOWN = {
    "index.html": ["home", "register", "chronology", "search", "licence", "cite", "essays", "extent",
                   "indexes-and-search", "licence-and-sources", "version", "build-date", "read"],
    "register.html": ["register", "chronology", "search", "licence", "by-initial", "also-known-as",
                      "authority-records", "occurrences", "paragraph-short"],
    "chronologie.html": ["chronology", "register", "search", "licence", "closer"],
    "suche.html": ["search", "search-term", "search-submit", "search-hint", "register", "chronology", "licence"],
    "sample.html": ["contents", "notes", "note", "cite", "downloads", "tei-source", "pdf-edition", "page-short",
                    "paragraph", "close", "note-in-notes", "show-normalised-dates", "apparatus", "licence",
                    "register", "chronology", "search", "corrected"],
}


@pytest.mark.parametrize("name", PAGES)
def test_english_pages_show_english_labels(name: str) -> None:
    text = unescape(page(name, "en"))
    for key in SHOWN[name]:
        assert labels()["en"][key] in text, f"{name}: no English {key!r} ({labels()['en'][key]!r})"


def test_english_reading_page_in_detail() -> None:
    doc = html.fromstring(page("sample.html", "en"))
    assert doc.get("lang") == "de"  # the text's language
    assert doc.xpath("string(//nav[@class='toc']/h2)") == "Contents"
    assert doc.xpath("//nav[@class='toc']/h2/@lang") == ["en"]
    assert doc.xpath("//nav[@class='site-nav']/@lang") == ["en"]
    assert doc.xpath("string(//section[@class='notes']/h2)") == "Notes"
    assert doc.xpath("//a[@class='pb-label']")[0].text == "[p. 1]"
    assert "start of page 1 of the printed edition" in doc.xpath("string(//a[@class='pb-label'][1])")
    assert doc.xpath("//a[@class='note-back']/@aria-label")[0] == "Note 1, back to the text"
    assert doc.xpath("//p[@class='citation']/@data-label-paragraph") == ["para."]
    assert "(para. 1)" in doc.xpath("string(//section[@class='cite']/p[@class='hint'])")
    assert "In: Beispieledition, ed. by Erika Muster" in doc.xpath("string(//p[@class='citation'])")
    # dates in the text: the normalised value in English
    assert "25 October / 7 November 1917" in doc.xpath("//time/@title")
    # the metadata say the text's language, not the interface's
    assert doc.xpath("//meta[@name='DC.language']/@content") == ["de"]


def test_english_site_pages_are_english_with_german_content_marked() -> None:
    landing = html.fromstring(page("index.html", "en"))
    assert landing.get("lang") == "en"
    assert landing.xpath("//meta[@name='DC.language']/@content") == ["en"]
    assert landing.xpath("//div[@class='about']/@lang") == ["de"]
    assert landing.xpath("//article[@class='essay-entry']/h3/@lang") == ["de"]
    assert "Updated: 22 November 2026" in landing.text_content()
    register = html.fromstring(page("register.html", "en"))
    assert "22 April 1870 – 21 January 1924" in register.text_content()
    chronology = html.fromstring(page("chronologie.html", "en"))
    assert "1990–1999" in chronology.text_content()
    assert "1918–1922" in chronology.text_content()
    search = html.fromstring(page("suche.html", "en"))
    form = search.xpath("//form[@class='search-form']")[0]
    assert form.get("data-label-none") == labels()["en"]["search-none"]
    assert form.get("data-label-count") == labels()["en"]["search-count"]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{4,}", text))


@cache
def data_words() -> set[str]:
    """Every word of the sample edition's own content (German texts, register, edition facts)."""
    words: set[str] = set()
    for path in [*SAMPLE.rglob("*.xml"), *SAMPLE.rglob("*.toml")]:
        words |= _words(path.read_text(encoding="utf-8"))
    return words


def _interface_text(doc: html.HtmlElement) -> str:
    """What the page says in its interface language: the text and the readable attributes of
    every element whose nearest lang is English (parts marked German are left out)."""
    parts = []
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        lang = next((a.get("lang") for a in [el, *el.iterancestors()] if a.get("lang")), None)
        if lang != "en":
            continue
        parts += [el.text or "", *(el.get(a) or "" for a in ("aria-label", "title", "content", "alt"))]
        parts += [v for k, v in el.attrib.items() if k.startswith("data-label-")]
        parts += [c.tail or "" for c in el if isinstance(c.tag, str)]
    return " ".join(parts)


@pytest.mark.parametrize("name", PAGES)
def test_no_german_label_word_in_english_interface(name: str) -> None:
    german = set().union(*(_words(t) for t in labels()["de"].values()))
    english = set().union(*(_words(t) for t in labels()["en"].values()))
    forbidden = german - english - data_words()
    assert len(forbidden) > 100, "the check would be vacuous"
    said = _words(_interface_text(html.fromstring(page(name, "en"))))
    assert not (said & forbidden), f"{name}: German interface words in English: {sorted(said & forbidden)}"


# ---- the scripts' defaults are labels.xml's German ----

def test_script_defaults_are_the_german_labels() -> None:
    search = (XSLT / "html/assets/search.js").read_text(encoding="utf-8")
    defaults = dict(re.findall(r'label\("([a-z-]+)", "([^"]*)"', search))
    assert set(defaults) == {"running", "none", "count", "count-one", "count-page", "group-count", "group-count-one",
                             "show-all", "failed"}
    for name, german in defaults.items():
        assert german == labels()["de"][f"search-{name}"], name
    reading = (XSLT / "html/assets/reading.js").read_text(encoding="utf-8")
    assert f'getAttribute("data-label-paragraph") || "{labels()["de"]["paragraph-short"]}"' in reading


def test_dates_in_english() -> None:
    assert evaluate('ed:iso-date("1917-02-03")', "en") == ["3 February 1917"]
    assert evaluate('ed:iso-date("1917-02")', "en") == ["February 1917"]
    assert evaluate('ed:iso-date("1917-02-03")', "de") == ["3. Februar 1917"]
    assert evaluate('ed:iso-de("1917-02-03")', "en") == ["3. Februar 1917"]  # German whatever the interface
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    cases = {
        f'<date {tei} from="1918" to="1922"/>': "1918–1922",
        f'<date {tei} from="1918"/>': "from 1918",
        f'<date {tei} to="1922"/>': "until 1922",
        f'<date {tei} notBefore="1990-01-01" notAfter="1999-12-31"/>': "1990–1999",
        f'<date {tei} notBefore="1990-05-01"/>': "not before 1 May 1990",
        f'<date {tei} when="1917-11-07" when-custom="1917-10-25" cert="low"/>':
            "25 October / 7 November 1917 (inferred)",
    }
    for xml, english in cases.items():
        source = parse_bytes(xml.encode(), "unit.xml")
        assert transform(EVAL, source, {"expr": "ed:date-label(/*)", "interface-language": "en"}) == english
