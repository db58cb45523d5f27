"""One link policy for the HTML and the PDF (xslt/common/links.xsl): web and mail addresses,
elements of the same text and other texts of the edition link; any other target keeps its
words as plain text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from lxml import html

from edition.paths import ROOT
from edition.transform.html import build_html
from edition.transform.pdf import build_pdf
from pdf_support import pdf_text

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
# words → target; the words say whether the link is allowed
ALLOWED = {
    "WebLink": "https://example.org/a?b=c",
    "PlainHttp": "  HTTP://example.org/x  ",
    "MailLink": "mailto:redaktion@example.org",
    "HereLink": "#ziel",
    "OtherText": "meschkat.xml#s2",
}
REFUSED = {
    "JsLink": "javascript:alert(1)",
    "JsCase": " JavaScript:alert(2)",
    "JsSplit": "java&#10;script:alert(3)",
    "DataLink": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "FileLink": "file:///etc/passwd",
    "HostLink": "//evil.example/x",
    "UpLink": "../../secret.xml",
    "VbLink": "vbscript:msgbox(1)",
}


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ed = tmp_path_factory.mktemp("links") / "ed"
    shutil.copytree(SAMPLE, ed)
    essay = ed / "tei" / "essays" / "sample.xml"
    refs = " ".join(f'<ref target="{t}">{words}</ref>' for words, t in {**ALLOWED, **REFUSED}.items())
    text = essay.read_text(encoding="utf-8").replace("<list>", f'<p xml:id="ziel">Verweise: {refs}.</p>\n        <list>', 1)
    essay.write_text(text, encoding="utf-8")
    return ed


@pytest.fixture(scope="module")
def pdf(edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("links-pdf") / "sample.pdf"
    build_pdf(edition / "tei" / "essays" / "sample.xml", edition, out)
    return out



def pdf_links(pdf: Path) -> list[dict]:
    return [a.get_object() for p in pypdf.PdfReader(pdf).pages for a in p.get("/Annots", []) or []
            if a.get_object().get("/Subtype") == "/Link"]


def test_pdf_links_only_what_the_policy_allows(pdf: Path) -> None:
    uris = [a["/A"]["/URI"] for a in pdf_links(pdf) if "/A" in a]
    for bad in ("javascript", "JavaScript", "data:", "file:", "vbscript", "//evil", "secret"):
        assert not any(bad in u for u in uris), bad
    assert {"https://example.org/a?b=c", "HTTP://example.org/x", "mailto:redaktion@example.org", "meschkat.pdf#s2"} <= set(uris)
    text = " ".join(pdf_text(pdf).split())
    assert "Verweise: " + " ".join([*ALLOWED, *REFUSED]) + "." in text  # every word printed


def test_pdf_fragment_link_goes_to_its_element(pdf: Path) -> None:
    reader = pypdf.PdfReader(pdf)
    page = next(i for i, t in enumerate(pdf_text(pdf).split("\f")) if "Verweise:" in t)
    internal = [a for a in reader.pages[page].get("/Annots", []) or []
                if "/Dest" in a.get_object() and a.get_object()["/Contents"].startswith("Seite")]
    assert len(internal) == 1  # #ziel (the others are footnote markers and their back-links)
    assert reader.get_page_number(internal[0].get_object()["/Dest"][0].get_object()) == page


def test_html_links_only_what_the_policy_allows(edition: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_html(edition, site)
    page = html.parse(str(site / "sample.html")).getroot()
    refs = {a.text_content(): a.get("href") for a in page.iter("a") if a.text_content() in {**ALLOWED, **REFUSED}}
    assert refs == {"WebLink": "https://example.org/a?b=c", "PlainHttp": "HTTP://example.org/x",
                    "MailLink": "mailto:redaktion@example.org", "HereLink": "#ziel", "OtherText": "meschkat.html#s2"}
    body = page.text_content()
    assert all(words in body for words in REFUSED)
    assert "javascript" not in html.tostring(page, encoding="unicode").lower()
