"""The editorial note of the site (zur-edition.html, xslt/html/editorial.xsl): every figure it
gives is the count of the TEI (counted here again, in Python), every paragraph it shows of a text
comes from that text's header or is the citation, and a text without encodingDesc says so; each
lost note links to the note's part on losses; the landing page counts markers and notes with text
apart. Checked on the bundled edition and on corpus texts, with the Nu checker and axe."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_support import built_site, serving
from lxml import etree, html
from test_labels import labels
from test_validators import AXE, VNU

from edition.core import read_edition
from edition.paths import ROOT
from edition.xmlio import parse

pytestmark = pytest.mark.slow
BUNDLED = ROOT / "editions" / "russische-revolution"
CORPUS = ROOT.parent / "shared" / "corpus"
# without encodingDesc (DTA: corrections, page breaks, gaps), with editorialDecl/p (TEI Lite),
# with persons, dates and notes but no register (a sermon)
CORPUS_FILES = ["de-dta-droysen_historik_1868.xml", "en-tei-lite-guide.xml", "sermon-27003.xml"]
T = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": T[1:-1]}
EDITION_CLI = [sys.executable, "-c", "from edition.cli import main; main()"]
PAGE = "zur-edition.html"


def de(key: str) -> str:
    return labels()["de"][key]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(BUNDLED, tmp_path_factory.mktemp("editorial") / "site")


@pytest.fixture(scope="module")
def corpus_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A German-interface edition of a few corpus files, made as a user makes one."""
    folder = tmp_path_factory.mktemp("editorial-corpus") / "edition"
    for step in (("new", str(folder), "--title", "Korpus", "--lang", "de", "--date", "2026-01-01"),
                 ("add", str(folder), *(str(CORPUS / f) for f in CORPUS_FILES))):
        done = subprocess.run([*EDITION_CLI, *step], capture_output=True, text=True, check=False, cwd=ROOT)
        assert done.returncode == 0, done.stderr[-2000:]
    return folder


@pytest.fixture(scope="module")
def corpus_site(corpus_edition: Path) -> Path:
    return built_site(corpus_edition, corpus_edition.parent / "site")


# ---- the TEI, counted independently of the stylesheets ----

def is_lost(note: etree._Element) -> bool:
    children = [c for c in note if isinstance(c.tag, str)]
    return bool(children) and all(c.tag == f"{T}gap" for c in children) and not "".join(
        t for t in note.xpath("text()")).strip()


def reason(gap: etree._Element) -> str:
    value = " ".join((gap.get("reason") or "").split())
    if not value:
        return de("editorial-reason-none")
    return labels()["de"].get(f"gap-reason-{value}") or de("editorial-reason").replace("{reason}", value)


def by_reason(parent: str, gaps: list[etree._Element]) -> dict[str, int]:
    out: dict[str, int] = {}
    for gap in gaps:
        out[f"{parent} > {reason(gap)}"] = out.get(f"{parent} > {reason(gap)}", 0) + 1
    return out


def expected_counts(tei: etree._ElementTree, prefix: str) -> dict[str, int]:
    """label path ("whole > of which") → count, for every count the note must show (no zeros)."""
    x = lambda path: tei.xpath(path, namespaces=NS)  # noqa: E731
    notes = x("//t:text//t:note[@place='foot']")
    lost = [n for n in notes if is_lost(n)]
    names = x("//t:text//t:persName")
    registered = [n.get("ref").strip()[len(prefix) + 1:] for n in names
                  if (n.get("ref") or "").strip().startswith(prefix + ":")]
    dates = x("//t:text//t:date")
    paired = x("//t:text//t:choice[t:sic and t:corr]")
    gaps = [g for g in x("//t:text//t:gap") if not any(g.getparent() is n for n in lost)]
    persname, date, lb = de("editorial-count-persname"), de("editorial-count-date"), de("editorial-count-lb")
    counts = {
        de("editorial-count-pb"): len(x("//t:text//t:pb")),
        lb: len(x("//t:text//t:lb")),
        f"{lb} > {de('editorial-count-lb-joined')}": len(x("//t:text//t:lb[@break='no']")),
        de("editorial-count-corrected"): len(paired),
        de("editorial-count-corr"): len(x("//t:text//t:corr")) - len(paired),
        de("editorial-count-sic"): len(x("//t:text//t:sic")) - len(paired),
        de("editorial-count-reg"): len(x("//t:text//t:reg")),
        de("editorial-count-expan"): len(x("//t:text//t:expan")),
        de("editorial-count-supplied"): len(x("//t:text//t:supplied")),
        de("editorial-count-unclear"): len(x("//t:text//t:unclear")),
        de("editorial-count-gaps"): len(gaps),
        **by_reason(de("editorial-count-gaps"), gaps),
        persname: len(names),
        f"{persname} > {de('editorial-count-persname-register')}": len(registered),
        f"{persname} > {de('editorial-count-persname-other')}": len([n for n in names if n.get("ref")]) - len(registered),
        de("editorial-count-persons"): len(set(registered)),
        de("editorial-count-placename"): len(x("//t:text//t:placeName")),
        de("editorial-count-orgname"): len(x("//t:text//t:orgName")),
        date: len(dates),
        f"{date} > {de('editorial-count-date-value')}": len(
            [d for d in dates if {"when", "from", "to", "notBefore", "notAfter"} & set(d.attrib)]),
        f"{date} > {de('editorial-count-date-cert')}": len([d for d in dates if d.get("cert") is not None]),
    }
    if lost:
        whole, without = de("editorial-count-notes"), f"{de('editorial-count-notes')} > {de('editorial-count-notes-lost')}"
        counts |= {whole: len(notes), f"{whole} > {de('editorial-count-notes-text')}": len(notes) - len(lost),
                   without: len(lost), **by_reason(without, [n.find(f"{T}gap") for n in lost])}
    for calendar in x("//t:profileDesc/t:calendarDesc/t:calendar[@xml:id]"):
        ref = "#" + calendar.get("{http://www.w3.org/XML/1998/namespace}id")
        name = " ".join("".join(calendar.itertext()).split())
        counts[f"{date} > " + de("editorial-count-date-calendar").replace("{calendar}", name)] = len(
            [d for d in dates if ref in (d.get("calendar"), d.get("datingMethod"))])
    return {label: n for label, n in counts.items() if n}


def shown_counts(section: html.HtmlElement) -> dict[str, int]:
    """label path → count of every item of the section's count lists."""
    out = {}
    for li in section.xpath(".//ul[@class='editorial-counts']/li"):
        path = []
        for item in [*reversed([a for a in li.iterancestors("li")]), li]:
            own = "".join(item.xpath("text()")).strip()
            assert own.endswith(":"), own
            path.append(own[:-1])
        out[" > ".join(path)] = int(li.xpath("string(span[@class='count'])"))
    return out


def prose(el: etree._Element) -> str:
    """A header element's words as a reader sees them: q's marks back, parts kept apart."""
    marks = {"straight": ('"', '"'), "de": ("„", "“"), "guillemets": ("«", "»"), "guillemets-de": ("»", "«")}

    def walk(e: etree._Element) -> str:
        inner = (e.text or "") + "".join(walk(c) + (c.tail or "") for c in e if isinstance(c.tag, str))
        if e.tag == f"{T}q":
            opening, closing = marks.get(e.get("rend") or "", ("„", "“"))
            return opening + inner + closing
        return f" {inner} " if e.tag in (f"{T}note", f"{T}p") else inner

    return " ".join(walk(el).split())


def header_texts(tei: etree._ElementTree) -> set[str]:
    """Every statement of the header the note may show."""
    x = lambda path: tei.xpath(path, namespaces=NS)  # noqa: E731
    parts = x("//t:teiHeader/t:fileDesc/t:sourceDesc/*[not(self::t:listWit or self::t:listBibl)]")
    parts += x("//t:teiHeader/t:fileDesc/t:sourceDesc/*/t:witness")
    decl = x("//t:teiHeader/t:encodingDesc/t:editorialDecl/*")
    parts += [p for d in decl for p in (d.xpath("t:p", namespaces=NS) or [d])]
    parts += x("//t:teiHeader/t:profileDesc/t:calendarDesc/t:calendar")
    parts += x("//t:teiHeader/t:revisionDesc//t:change")
    return {prose(p) for p in parts}


def text_section(page: html.HtmlElement, text_id: str) -> html.HtmlElement:
    found = page.xpath(f"//section[@class='editorial-text'][h2/@id='{text_id}']")
    assert len(found) == 1, f"no section for {text_id}"
    return found[0]


def paragraph_text(p: html.HtmlElement) -> str:
    term = p.xpath("string(span[@class='editorial-term'])")
    whole = " ".join(p.text_content().split())
    return whole[len(term) + 2:] if term else whole


def check_note(site: Path, edition_dir: Path) -> None:
    page = html.parse(str(site / PAGE)).getroot()
    edition = read_edition(edition_dir)
    for path in edition.texts:
        tei = parse(path)
        section = text_section(page, path.stem)
        assert shown_counts(section) == expected_counts(tei, edition.config.register_prefix), path.name
        # the text's own header, and what the edition document declares of every text (typography)
        allowed = header_texts(tei) | header_texts(edition.header) | {de("editorial-no-declaration")}
        citation = " ".join(section.xpath("string(section[@class='editorial-citation']/p[1])").split())
        titles = tei.xpath("//t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS)
        main = [t for t in titles if t.get("type") == "main"] or titles
        title = " ".join("".join(main[0].itertext()).split())
        assert title in citation and edition.config.title in citation, citation
        for p in section.xpath("section[not(@class='editorial-citation')]/p"):
            assert paragraph_text(p) in allowed, f"{path.name}: not from the header: {paragraph_text(p)!r}"
        no_declaration = not tei.xpath("//t:teiHeader/t:encodingDesc", namespaces=NS)
        assert (de("editorial-no-declaration") in section.text_content()) == no_declaration


# ---- the bundled edition ----

def test_the_note_of_the_bundled_essays_is_their_header_and_their_counts(bundled: Path) -> None:
    check_note(bundled, BUNDLED)
    page = html.parse(str(bundled / PAGE)).getroot()
    # the figures the issue names, as the reader finds them
    losses = page.xpath("//section[@id='dallmer-oktoberumsturz-losses'] | //h3[@id='dallmer-oktoberumsturz-losses']/..")[0]
    notes, lost = de("editorial-count-notes"), de("editorial-count-notes-lost")
    assert shown_counts(losses) == {notes: 53, f"{notes} > {de('editorial-count-notes-text')}": 12,
                                    f"{notes} > {lost}": 41, f"{notes} > {lost} > {de('gap-reason-lost')}": 41}
    assert not page.xpath("//h3[@id='meschkat-vorbild-losses']")  # nothing lost, nothing said


def test_every_lost_note_links_to_the_losses(bundled: Path) -> None:
    ids = set(html.parse(str(bundled / PAGE)).getroot().xpath("//@id"))
    for path in read_edition(BUNDLED).texts:
        lost = sum(is_lost(n) for n in parse(path).iter(f"{T}note"))
        page = html.parse(str(bundled / f"{path.stem}.html")).getroot()
        links = page.xpath("//span[@class='note-lost']/a/@href")
        assert len(links) == 2 * lost  # in the popover and in the notes section
        assert {link.split("#")[1] for link in links} <= ids
        assert all(link == f"{PAGE}#{path.stem}-losses" for link in links)


def test_the_landing_page_counts_markers_and_notes_with_text(bundled: Path) -> None:
    page = html.parse(str(bundled / "index.html")).getroot()
    for path in read_edition(BUNDLED).texts:
        notes = parse(path).xpath("//t:text//t:note[@place='foot']", namespaces=NS)
        lost = sum(map(is_lost, notes))
        entry = " ".join(page.xpath(f"string(//article[h3/@id='essay-{path.stem}']//dl)").split())
        if lost:
            assert f"{len(notes)} Anmerkungszeichen, davon {len(notes) - lost} mit Text" in entry
        else:
            assert f"{len(notes)} Anmerkungen" in entry and "Anmerkungszeichen" not in entry
        assert page.xpath(f"//article[h3/@id='essay-{path.stem}']//a[@href='{PAGE}#{path.stem}']")


def test_every_page_links_the_note(bundled: Path) -> None:
    for page in bundled.glob("*.html"):
        nav = html.parse(str(page)).getroot().xpath("//nav[@class='site-nav']//a[@href='zur-edition.html']")
        assert [a.text_content() for a in nav] == [de("editorial")], page.name


def test_the_note_is_the_same_bytes_each_time(bundled: Path, tmp_path: Path) -> None:
    again = built_site(BUNDLED, tmp_path / "site")
    assert (again / PAGE).read_bytes() == (bundled / PAGE).read_bytes()


# ---- texts from elsewhere ----

def test_corpus_texts_get_an_honest_note(corpus_site: Path, corpus_edition: Path) -> None:
    check_note(corpus_site, corpus_edition)
    page = html.parse(str(corpus_site / PAGE)).getroot()
    droysen = text_section(page, "de-dta-droysen_historik_1868")
    assert de("editorial-no-declaration") in droysen.text_content()
    assert shown_counts(droysen)[de("editorial-count-pb")] == 94
    lite = text_section(page, "en-tei-lite-guide")  # editorialDecl/p: said without a lead-in
    edition_decl = header_texts(read_edition(corpus_edition).header)  # the edition's own, with their lead-in
    termed = lite.xpath("section[@class='editorial-establishment']/p[span[@class='editorial-term']]")
    assert termed and all(paragraph_text(p) in edition_decl for p in termed)
    sermon = text_section(page, "sermon-27003")  # a dateTime change: its day, as dates are said
    assert sermon.xpath("string(section[@class='editorial-revisions']/p/span)") == "21. Mai 2025"


def test_the_note_in_english(corpus_edition: Path, tmp_path: Path) -> None:
    english = tmp_path / "edition"
    shutil.copytree(corpus_edition, english)
    toml = (english / "edition.toml").read_text(encoding="utf-8")
    assert 'interface = "de"' in toml, toml
    (english / "edition.toml").write_text(toml.replace('interface = "de"', 'interface = "en"'), encoding="utf-8")
    page = html.parse(str(built_site(english, tmp_path / "site") / PAGE)).getroot()
    assert page.xpath("string(//h1)") == labels()["en"]["editorial"]
    assert labels()["en"]["editorial-count-pb"] + ":" in page.text_content()


# ---- validators ----

def test_nu_checker_on_the_note(bundled: Path, corpus_site: Path) -> None:
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                             str(bundled / PAGE), str(corpus_site / PAGE)], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == [], json.dumps(messages[:20], ensure_ascii=False, indent=1)


@pytest.fixture(scope="module")
def urls(bundled: Path, corpus_site: Path) -> Iterator[tuple[str, str]]:
    for bundled_url in serving(bundled):
        for corpus_url in serving(corpus_site):
            yield bundled_url, corpus_url


@pytest.mark.browser
def test_axe_on_the_note(page, urls: tuple[str, str]) -> None:
    for url in urls:
        page.goto(url + PAGE)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert result["violations"] == [], json.dumps(result["violations"], indent=1)
