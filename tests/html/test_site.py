"""The built site as files: completeness, metadata, downloads, determinism, no external resources, errors."""

from __future__ import annotations

import filecmp
import json
import re
import subprocess
from pathlib import Path

import pytest
from html_support import SAMPLE, essay_tei, make_edition
from lxml import html as lxml_html
from test_validators import VNU

from edition.transform.html import build_html
from edition.core import read_edition
from edition.xmlio import XmlInputError

PAGES = ["index.html", "sample.html", "register.html", "chronologie.html", "suche.html"]


def load(site: Path, name: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / name).read_bytes())


def test_site_has_every_page_asset_source_and_search_index(sample_site: Path) -> None:
    for name in [*PAGES, "assets/edition.css", "assets/search.js", "assets/reading.js", "pagefind/pagefind.js",
                 "pagefind/pagefind-entry.json"]:
        assert (sample_site / name).is_file(), name
    for rel, source in [("texts/sample.xml", "essays/sample.xml"), ("register/persons.xml", "register/persons.xml")]:
        assert filecmp.cmp(sample_site / "tei" / rel, SAMPLE / "tei" / source, shallow=False), rel
    # The edition document is generated from edition.toml.
    assert read_edition(SAMPLE).header_bytes == (sample_site / "tei" / "edition.xml").read_bytes()
    entry = json.loads((sample_site / "pagefind/pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["de"]


def test_build_is_deterministic(sample_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    build_html(SAMPLE, again)
    files = sorted(p.relative_to(sample_site) for p in sample_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (sample_site / rel).read_bytes() == (again / rel).read_bytes(), rel


@pytest.mark.parametrize("name", PAGES)
def test_no_external_resources_and_german(sample_site: Path, name: str) -> None:
    doc = load(sample_site, name)
    assert doc.get("lang") == "de"
    loaded = doc.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src | //iframe/@src | //source/@src")
    assert loaded and all(not re.match(r"^(https?:)?//", url) for url in loaded), loaded
    assert doc.xpath("//meta[@name='DC.title']/@content")
    ld = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    assert ld["@context"] == "https://schema.org" and ld["inLanguage"] == "de"


def test_reading_page_metadata_for_reference_managers(sample_site: Path) -> None:
    doc = load(sample_site, "sample.html")
    meta = {m.get("name"): m.get("content") for m in doc.xpath("//meta[@name]")}
    assert meta["citation_title"] == "Ein Beispiel. Lenin und die Folgen"
    assert meta["citation_author"] == "Max Muster"
    assert meta["citation_publication_date"] == "2026/11/22"
    assert meta["citation_pdf_url"] == "https://example.org/beispiel/pdf/sample.pdf"
    assert meta["DC.creator"] == "Max Muster" and meta["DC.date"] == "2026-11-22"
    ld = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    assert ld["@type"] == "ScholarlyArticle" and ld["author"] == [{"@type": "Person", "name": "Max Muster"}]


def test_reading_page_structure(sample_site: Path) -> None:
    doc = load(sample_site, "sample.html")
    assert [a.get("href") for a in doc.xpath("//nav[@class='toc']//a")] == [
        "#vorspann-1", "#abschnitt-1", "#abschnitt-1-1", "#anmerkungen", "#zitieren", "#downloads"]
    assert doc.xpath("//p[@id='abs2']/a[@class='pnum']/text()") == ["2"]
    assert doc.xpath("//*[@id='s2']//a/text()") == ["[S. 2]"]
    # Note 2: marker button, popover with its text, notes section entry linking back.
    assert doc.xpath("//button[@id='anm2-ref']/@popovertarget") == ["pop-anm2"]
    note_text = "".join(doc.xpath("//*[@id='pop-anm2']//text()[not(ancestor::*[@role='tooltip'])]"))
    assert "Zitiert nach Muster, S. 3; example.org." in note_text
    assert doc.xpath("//li[@id='anm2']/a[@class='note-back']/@href") == ["#anm2-ref"]
    # Note 1 was lost in the extraction: said so, nothing invented.
    assert doc.xpath("//li[@id='anm1']/@class") == ["lost"]
    assert "verloren" in doc.xpath("string(//li[@id='anm1'])")
    # Persons link to the register and carry a card; dates their normalised value.
    card = doc.xpath("//a[@href='register.html#lenin-wladimir']")[0]
    assert "22. April 1870" in doc.xpath(f"string(//*[@id='{card.get('aria-describedby')}'])")
    assert doc.xpath("//time[@datetime='1917-11-07']/@title") == ["25. Oktober / 7. November 1917"]
    assert doc.xpath("//span[@class='q']/text()") == ["„Alle Macht den Räten!“"]
    assert doc.xpath("//a[@download]/@href") == ["tei/texts/sample.xml", "pdf/sample.pdf"]
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_landing_page(sample_site: Path) -> None:
    text = load(sample_site, "index.html").text_content()
    for expected in ["Beispieledition", "Herausgegeben von Erika Muster", "Version 1.0.0", "22. November 2026",
                     "Ein kurzer Beispieltext.", "CC BY 4.0", "Lenin und die Folgen"]:
        assert expected in text, expected


def test_register_backlinks_and_authority(sample_site: Path) -> None:
    doc = load(sample_site, "register.html")
    assert doc.xpath("//li[@id='lenin-wladimir']//ul[@class='occurrences']//a/@href") == [
        "sample.html#abs1", "sample.html#abs2", "sample.html#abs3"]
    assert doc.xpath("//li[@id='muster-max']//ul[@class='occurrences']//a/@href") == ["sample.html#anm2"]
    assert doc.xpath("//li[@id='lenin-wladimir']//p[@class='authority']/a/@href") == ["https://www.wikidata.org/wiki/Q1394"]
    assert doc.xpath("//li[@id='muster-max']//p[@class='authority']") == []


def test_chronology_in_time_order(sample_site: Path) -> None:
    doc = load(sample_site, "chronologie.html")
    assert [d.text for d in doc.xpath("//span[@class='chrono-date']")] == [
        "25. Oktober / 7. November 1917", "1918–1922",
        "1990–1999", "September 2017"]
    assert doc.xpath("//a[@class='chrono-place']/@href") == [
        "sample.html#abs2", "sample.html#abs3", "sample.html#abs3", "sample.html#vorspann-1-schluss"]


def test_pdfs_are_copied_when_present(tmp_path: Path) -> None:
    pdfs = tmp_path / "pdf"
    pdfs.mkdir()
    (pdfs / "sample.pdf").write_bytes(b"%PDF-1.7 test")
    (pdfs / "other.pdf").write_bytes(b"%PDF-1.7 not an essay")
    build_html(SAMPLE, tmp_path / "site", pdf_dir=pdfs)
    assert (tmp_path / "site/pdf/sample.pdf").read_bytes() == b"%PDF-1.7 test"
    assert not (tmp_path / "site/pdf/other.pdf").exists()


def test_two_essays_and_unregistered_person(tmp_path: Path) -> None:
    text = """<body><div><head>Kopf <persName ref="psn:lenin-wladimir">Lenins</persName></head>
      <p>Ein <persName ref="psn:unbekannt-jemand">Unbekannter</persName> und <q rend="guillemets">Zitat</q>.</p></div></body>"""
    edition = make_edition(tmp_path / "ed", essays={"a": essay_tei("a", text), "b": essay_tei("b", "<body><p>Nur b.</p></body>")})
    build_html(edition, tmp_path / "site")
    a = load(tmp_path / "site", "a.html")
    assert a.xpath("//h2[@id='abschnitt-1']//a/@href") == ["register.html#lenin-wladimir"]
    assert a.xpath("//span[@class='person person-unregistered']/text()") == ["Unbekannter"]
    assert "«Zitat»" in a.text_content()
    register = load(tmp_path / "site", "register.html")
    assert register.xpath("//li[@id='lenin-wladimir']//ul[@class='occurrences']//a/@href") == ["a.html#abschnitt-1"]
    index = load(tmp_path / "site", "index.html")
    assert index.xpath("//article[@class='essay-entry']/h3/a/@href") == ["a.html", "b.html"]


def test_malformed_essay_names_file_line_and_column(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "ed", essays={"bad": '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="bad">\n<text><p>offen</text></TEI>'})
    with pytest.raises(XmlInputError) as err:
        build_html(edition, tmp_path / "site")
    assert re.match(r".*bad\.xml:2:\d+: error: ", str(err.value))
    assert not (tmp_path / "site").exists()


def test_text_is_known_by_its_file_name(tmp_path: Path) -> None:
    """A text whose xml:id is another (or none) still gets NAME.html; its TEI download stays byte for byte."""
    edition = make_edition(tmp_path / "ed", essays={"x": essay_tei("y", "<body><p>Absatz des Textes</p></body>")})
    build_html(edition, tmp_path / "site")
    assert "Absatz des Textes" in (tmp_path / "site" / "x.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "tei" / "texts" / "x.xml").read_bytes() == (edition / "tei" / "essays" / "x.xml").read_bytes()


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    text = """<body><p>&lt;script&gt;alert(1)&lt;/script&gt; <ref target="javascript:alert(2)">klick</ref>
      <ref target="https://example.org/a?b=1&amp;c=2">gut</ref></p></body>"""
    title_essay = essay_tei("h", text, abstract="Ende: &lt;/script>&lt;script>alert(3)&lt;/script>")
    edition = make_edition(tmp_path / "ed", essays={"h": title_essay})
    build_html(edition, tmp_path / "site")
    raw = (tmp_path / "site" / "h.html").read_text(encoding="utf-8")
    doc = load(tmp_path / "site", "h.html")
    assert [s.get("src") for s in doc.xpath("//script[@src]")] == ["assets/reading.js"]
    assert "<script>alert(1)</script>" in doc.xpath("string(//p[@id='abs1'])")
    assert len(doc.xpath("//script")) == 2 and "</script><script>" not in raw
    assert doc.xpath("//p[@id='abs1']//a[not(@class)]/@href") == ["https://example.org/a?b=1&c=2"]
    ld = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    assert ld["abstract"] == "Ende: </script><script>alert(3)</script>"


def test_search_index_title_survives_commas(tmp_path: Path) -> None:
    essay = essay_tei("k", "<body><p>Ein Komma.</p></body>").replace("Titel k", "Eins, zwei, drei")
    build_html(make_edition(tmp_path / "ed", essays={"k": essay}), tmp_path / "site")
    doc = load(tmp_path / "site", "k.html")
    assert doc.xpath("//article/@data-title") == ["Eins, zwei, drei"]


def test_page_breaks_inside_lists_keep_valid_html(tmp_path: Path) -> None:
    text = """<body><div><p>Vor der Liste.</p><list><item>eins</item><pb n="2"/><item>zwei</item><pb n="3"/></list>
      <p>Nach <hi rend="smallcaps">der</hi> Liste.</p></div></body>"""
    build_html(make_edition(tmp_path / "ed", essays={"l": essay_tei("l", text)}), tmp_path / "site")
    doc = load(tmp_path / "site", "l.html")
    assert [child.tag for child in doc.xpath("//div[@id='abs2']/ul/*")] == ["li", "li"]
    assert doc.xpath("//div[@id='abs2']/ul/li[2]/span[@id='s2']")
    assert doc.xpath("//div[@id='abs2']/span[@id='s3']")
    assert doc.xpath("//p[@id='abs3']/span[@class='smallcaps']/text()") == ["der"]
    checked = subprocess.run(["java", "-jar", str(VNU), "--errors-only", str(tmp_path / "site" / "l.html")],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def test_edition_without_address_invents_none(tmp_path: Path) -> None:
    """No base_url in edition.toml: no canonical link, no identifier or citation URL, no relative stand-in."""
    edition = make_edition(tmp_path / "ed")
    config = edition / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('base_url = "https://example.org/beispiel/"\n', ""),
                      encoding="utf-8")
    build_html(edition, tmp_path / "site")
    for page in ("index.html", "sample.html"):
        doc = lxml_html.parse(str(tmp_path / "site" / page))
        assert not doc.xpath("//link[@rel='canonical'] | //meta[@name='DC.identifier'] | //meta[contains(@name, '_url')]")
        for script in doc.xpath("//script[@type='application/ld+json']/text()"):
            assert '"url"' not in script and "contentUrl" not in script
        assert not doc.xpath("//*[@data-cite-url]")
