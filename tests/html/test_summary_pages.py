"""The corpus pages (landing, register, chronology, search, zur-edition) made from the texts'
summaries (xslt/html/summary.xsl, each made from a corpus of that text alone, as the build makes
them) are byte for byte the pages made from the full corpus of texts — for the bundled edition,
the sample edition and the 13 files of ../shared/corpus/ as one edition — and a summary holds
no TEI of its text, only what the pages show of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.core import Edition, read_edition
from edition.transform import html
from edition.xmlio import TEI_NS, parse_bytes
from edition.xslt import to_xdm

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def corpus_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared corpus's files added to a new edition (as tests/corpus does; it fails, never skips, without them)."""
    files = sorted(CORPUS.glob("*.xml"))
    assert len(files) == 13, f"expected the 13 TEI files of {CORPUS}"
    folder = tmp_path_factory.mktemp("summary-corpus") / "edition"
    for args in (["new", str(folder), "--title", "Corpus", "--lang", "en", "--date", "2026-01-01"],
                 ["add", str(folder), *map(str, files)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    return folder


def both_ways(edition: Edition) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The corpus pages from the full corpus and from per-text summaries, and the summaries."""
    params = edition.stylesheet_params
    whole = html.render_pages(to_xdm(html.load_corpus(edition)), [], params)
    summaries = [html.text_outputs(edition, text, params)[1] for text in edition.texts]
    return whole, html.corpus_pages(edition, summaries, params), summaries


@pytest.mark.parametrize("which", ["bundled", "sample", "corpus"])
def test_corpus_pages_from_summaries_are_those_of_the_texts(which: str, request: pytest.FixtureRequest) -> None:
    folder = {"bundled": REPO / "editions" / "russische-revolution",
              "sample": REPO / "tests" / "fixtures" / "sample-edition"}.get(which) or request.getfixturevalue("corpus_edition")
    edition = read_edition(folder)
    whole, from_summaries, summaries = both_ways(edition)
    assert sorted(whole) == sorted(html.SITE_PAGES)
    for name in html.SITE_PAGES:
        assert from_summaries[name].encode("utf-8") == whole[name].encode("utf-8"), f"{which}: {name} differs"
    # Every text is on the landing page and in the editorial note: the pages are not empty of texts.
    for text in edition.texts:
        assert f'href="{text.stem}.html"' in whole["index.html"] and f'id="{text.stem}"' in whole["zur-edition.html"]
    for text, summary in zip(edition.texts, summaries):
        root = parse_bytes(summary.encode("utf-8"), text.name).getroot()
        assert [s.get("id") for s in root] == [text.stem]
        assert not root.xpath("//tei:*", namespaces={"tei": TEI_NS}), f"{text.name}: the summary holds TEI"
