"""What real TEI brings to a reading page beyond the essays: images copied into the site, the
diplomatic/normalised switch, languages per element and page (and per search index), the
header's facts before the text, a title where the text prints none, an edition's own model
winning over the toolkit's templates."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lxml import html

from edition.transform.html import build_html
from html_support import essay_tei, make_edition, serving

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a7"
                    "b1fd0000000049454e44ae426082")  # a 1×1 pixel image

LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="brief">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Brief an Wilhelm</title>
        <respStmt><resp>Transkription</resp><resp>Kommentar</resp><name>Anna Beispiel</name><name>Ben Muster</name></respStmt>
      </titleStmt>
      <publicationStmt><p>unveröffentlicht</p></publicationStmt>
      <sourceDesc><msDesc><msIdentifier><settlement>Weimar</settlement><repository>Goethe-Archiv</repository>
        <idno>GSA 28/1</idno></msIdentifier><physDesc><p>Ein Doppelblatt.</p></physDesc></msDesc></sourceDesc>
    </fileDesc>
    <profileDesc>
      <langUsage><language ident="ger">Deutsch</language></langUsage>
      <correspDesc><correspAction type="sent"><persName>Johanna Absenderin</persName><placeName>Jena</placeName>
        <date when="1801-05-02">2. Mai 1801</date></correspAction>
        <correspAction type="received"><persName>Wilhelm Empfänger</persName></correspAction></correspDesc>
    </profileDesc>
  </teiHeader>
  <facsimile><surface xml:id="f2"><graphic url="https://example.org/scan/f2.jpg"/></surface></facsimile>
  <text>
    <body>
      <div type="letter">
        <p>Lieber Wilhelm, <choice><abbr>Dr.</abbr><expan>Doktor</expan></choice> Faust kam
          <choice><sic>gestren</sic><corr>gestern</corr></choice> mit <foreign xml:lang="fr">un livre</foreign>
          und <hi rend="italic" xml:lang="la">in nuce</hi>, ein Samen<lb break="no"/>korn.</p>
        <p>Grüße an <persName ref="https://d-nb.info/gnd/118540238">Goethe</persName> in
          <placeName ref="javascript:alert(1)">Weimar</placeName>.<pb n="2" facs="#f2"/>Zweite Seite.</p>
        <figure><graphic url="bilder/skizze.png"/><figDesc>Eine Skizze des Gartens</figDesc></figure>
        <figure><graphic url="bilder/fehlt.png"/><figDesc>Ein verlorenes Blatt</figDesc></figure>
      </div>
    </body>
  </text>
</TEI>
"""

ENGLISH = essay_tei("english", "<body><div><head>Chapter</head><p>Mermaids and lighthouses.</p></div></body>").replace(
    'xml:lang="de"', 'xml:lang="en"')


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_edition(tmp_path_factory.mktemp("reader"), essays={"brief": LETTER, "english": ENGLISH})
    (root / "tei" / "essays" / "bilder").mkdir()
    (root / "tei" / "essays" / "bilder" / "skizze.png").write_bytes(PNG)
    return root


@pytest.fixture(scope="module")
def built(edition: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    site = tmp_path_factory.mktemp("reader-site") / "site"
    return site, build_html(edition, site)


@pytest.fixture(scope="module")
def letter(built: tuple[Path, list[str]]) -> html.HtmlElement:
    return html.fromstring((built[0] / "brief.html").read_bytes())


def test_images_copied_and_the_missing_one_reported(built: tuple[Path, list[str]], letter: html.HtmlElement) -> None:
    site, warnings = built
    assert (site / "bilder" / "skizze.png").read_bytes() == PNG
    img = letter.xpath("//figure//img")
    assert [(i.get("src"), i.get("alt")) for i in img] == [("bilder/skizze.png", "Eine Skizze des Gartens")]
    assert "Ein verlorenes Blatt" in letter.xpath("string(//article)")  # no image: its description
    missing = [w for w in warnings if "fehlt.png" in w]
    assert len(missing) == 1 and "brief.xml:" in missing[0]
    assert missing[0].endswith("warning: graphic 'bilder/fehlt.png' is not found beside the text; the figure shows its description")
    assert not [w for w in warnings if "skizze.png" in w]


def test_images_outside_the_edition_are_not_copied(tmp_path: Path) -> None:
    root = make_edition(tmp_path / "ed", essays={"brief": LETTER.replace("bilder/skizze.png", "../../geheim.png")})
    (tmp_path / "geheim.png").write_bytes(PNG)
    warnings = build_html(root, tmp_path / "site")
    assert not list((tmp_path / "site").rglob("geheim.png"))
    assert any("'../../geheim.png' is not a file inside the edition" in w for w in warnings)


def test_header_facts_before_the_text(letter: html.HtmlElement) -> None:
    facts = {dt.text_content(): dd.text_content() for dt, dd in zip(letter.xpath("//details[@class='text-facts']//dt"),
                                                                   letter.xpath("//details[@class='text-facts']//dd"))}
    assert facts == {
        "Verantwortlich": "Transkription, Kommentar: Anna Beispiel, Ben Muster",
        "Absender": "Johanna Absenderin, Jena, 2. Mai 1801",
        "Empfänger": "Wilhelm Empfänger",
        "Handschrift": "Weimar, Goethe-Archiv, GSA 28/1",
        "Beschreibung": "Ein Doppelblatt.",
    }
    # before the text, after the title the header gives (the letter prints none)
    article = letter.xpath("//article")[0]
    assert [c.tag for c in article][:2] == ["h1", "details"]
    assert article[0].text_content() == "Brief an Wilhelm"


def test_languages_per_page_and_element(letter: html.HtmlElement) -> None:
    assert letter.get("lang") == "de"  # langUsage "ger" (ISO 639-2) as a BCP 47 tag
    assert letter.xpath("//*[@lang='fr']")[0].text_content() == "un livre"
    assert letter.xpath("//em[@lang='la']")[0].text_content() == "in nuce"  # the toolkit's own hi template


def test_one_search_index_per_language(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    entry = json.loads((site / "pagefind-en" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]
    search = html.fromstring((site / "suche.html").read_bytes())
    assert search.xpath("//form/@data-bundles") == ["en:pagefind-en/"]


def test_normalised_reading_by_default_diplomatic_on_request(letter: html.HtmlElement) -> None:
    norm = [e.text_content() for e in letter.xpath("//*[contains(@class, 'reading-norm')]")]
    dipl = [e.text_content() for e in letter.xpath("//*[contains(@class, 'reading-dipl')]")]
    assert "Doktor" in norm and "Dr." in dipl
    assert letter.xpath("//input[@id='diplomatisch']")


@pytest.mark.browser
def test_reader_switches_reading_and_finds_every_language(page, built: tuple[Path, list[str]]) -> None:
    site = built[0]
    for url in serving(site):
        page.goto(url + "brief.html")
        body = page.locator("article")
        assert "Doktor" in body.inner_text() and "Dr." not in body.inner_text()
        page.check("#diplomatisch")
        assert "Dr." in body.inner_text() and "Doktor" not in body.inner_text()
        assert "gestren" in body.inner_text()
        assert "Samen\nkorn" in body.inner_text()  # the line break inside the word, as printed
        page.uncheck("#diplomatisch")
        assert "Samenkorn" in body.inner_text()
        page.goto(url + "suche.html?q=Samenkorn")  # the word is whole in the search index too
        page.wait_for_selector("#suchergebnisse li", timeout=10000)
        assert "brief.html" in page.locator("#suchergebnisse").inner_html()
        page.goto(url + "suche.html?q=lighthouses")
        page.wait_for_selector("#suchergebnisse li", timeout=10000)
        assert "english.html" in page.locator("#suchergebnisse").inner_html()
        break


def test_nu_html_checker_on_the_letter(built: tuple[Path, list[str]]) -> None:
    from test_validators import VNU

    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(built[0] / "brief.html")],
                            capture_output=True, text=True, check=False)
    assert json.loads(result.stderr or result.stdout)["messages"] == []


def test_build_follows_the_edition_model_and_its_images(tmp_path: Path) -> None:
    """An incremental build rebuilds the site when the edition's own ODD or an image beside the texts
    changes (both are read by every page, neither is a text)."""
    from click.testing import CliRunner

    from edition.cli import main

    root = make_edition(tmp_path / "ed", essays={"brief": LETTER})
    (root / "tei" / "essays" / "bilder").mkdir()
    image = root / "tei" / "essays" / "bilder" / "skizze.png"
    image.write_bytes(PNG)
    odd = root / "model.odd"
    odd.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><schemaSpec ident="m">'
                   '<elementSpec ident="foreign" mode="change"><model behaviour="inline"/></elementSpec>'
                   '</schemaSpec></body></text></TEI>', encoding="utf-8")
    config = root / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[model]\nodd = "model.odd"\n', encoding="utf-8")
    run = lambda: CliRunner().invoke(main, ["build", str(root), "--allow-invalid"])  # noqa: E731
    assert run().exit_code == 0
    page = root / "build" / "site" / "brief.html"
    assert "un livre" in page.read_text(encoding="utf-8")
    odd.write_text(odd.read_text(encoding="utf-8").replace('behaviour="inline"', 'behaviour="omit"'), encoding="utf-8")
    result = run()
    assert result.exit_code == 0 and "up to date" not in result.output
    assert "un livre" not in page.read_text(encoding="utf-8")
    image.write_bytes(PNG + b"\0")
    assert "up to date" not in run().output
    assert (root / "build" / "site" / "bilder" / "skizze.png").read_bytes() == PNG + b"\0"


def test_authority_links_and_facsimiles(letter: html.HtmlElement) -> None:
    """A name with an external authority and no register entry links to the authority (a target the
    link policy refuses stays text); a page break names its facsimile."""
    assert [(a.get("href"), a.text_content()) for a in letter.xpath("//article//a[contains(@class, 'persName')]")] == [
        ("https://d-nb.info/gnd/118540238", "Goethe")]
    assert not letter.xpath("//a[starts-with(@href, 'javascript')]")
    assert "Weimar" in letter.xpath("string(//article)")
    assert letter.xpath("//span[@id='s2']/a[@class='pb-facs']/@href") == ["https://example.org/scan/f2.jpg"]
