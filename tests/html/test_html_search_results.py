"""Search on the built bundled edition in Chromium: results grouped by page with their number of
places, each place a link to its paragraph (not the page top), and an index whose words stay
apart between blocks (no "1917Die", no page labels or paragraph numbers among the words)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_support import built_site, serving

from edition.paths import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
BUNDLED = ROOT / "editions" / "russische-revolution"


@pytest.fixture(scope="module")
def bundled_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serving(built_site(BUNDLED, tmp_path_factory.mktemp("search") / "site"))


def search(page, url: str, query: str) -> None:
    page.goto(url + "suche.html?q=" + query)
    page.locator("#suchergebnisse .result-group").first.wait_for()


def test_results_grouped_by_page_with_counts(page, bundled_url: str, shots: Path) -> None:
    search(page, bundled_url, "Kronstadt")
    groups = page.locator("#suchergebnisse > li.result-group")
    assert groups.count() >= 2
    total = 0
    for i in range(groups.count()):
        group = groups.nth(i)
        places = group.locator(".result-places > li").count()
        count = group.locator(".result-count").inner_text().strip()
        assert count == ("1 Treffer" if places == 1 else f"{places} Treffer"), count
        total += places
    titles = groups.locator(".result-title").all_inner_texts()
    assert len(set(titles)) == len(titles), "one group per page"
    assert f"{total} Treffer auf {groups.count()} Seiten für „Kronstadt“." == page.locator("#suchstatus").inner_text()
    page.screenshot(path=str(shots / "bundled-search.png"), full_page=True)


def test_more_places_than_shown_open_on_request(page, bundled_url: str) -> None:
    search(page, bundled_url, "Kronstadt")
    group = page.locator("#suchergebnisse > li.result-group").first
    hidden = group.locator(".result-places > li[hidden]").count()
    assert hidden > 0, "the query should find more places in the first text than are shown"
    group.locator("button.result-more").click()
    assert group.locator(".result-places > li[hidden]").count() == 0
    assert group.locator("button.result-more").count() == 0


def test_a_hit_leads_to_its_paragraph(page, bundled_url: str) -> None:
    search(page, bundled_url, "Kronstadt")
    links = page.locator("#suchergebnisse a.result-place")
    followed = 0
    for i in range(min(links.count(), 4)):
        href = links.nth(i).get_attribute("href")
        assert "#" in href, href
        hit = page.context.new_page()
        hit.goto(bundled_url + href.lstrip("/"))
        target = hit.locator(":target")
        assert target.count() == 1, href
        assert re.search("kronst", target.inner_text(), re.I), (href, target.inner_text()[:200])
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] < 900, (href, box)
        followed += 1
        hit.close()
    assert followed == min(links.count(), 4) > 0
    # the excerpt shows the word found, marked
    assert "kronst" in page.locator("#suchergebnisse a.result-place mark").first.inner_text().lower()


def test_index_keeps_words_apart_and_leaves_labels_out(page, bundled_url: str) -> None:
    page.goto(bundled_url + "suche.html")
    contents = page.evaluate("""async () => {
      const pf = await import('./pagefind/pagefind.js');
      await pf.options({ baseUrl: '/' });
      const all = await pf.search(null);
      const out = {};
      for (const r of all.results) { const d = await r.data(); out[d.url] = d.content; }
      return out; }""")
    assert len(contents) >= 4
    glued = {url: re.findall(r"\S*(?:\d{4}|\(erschlossen\)|\])[A-ZÄÖÜ][a-zäöü]+", text) for url, text in contents.items()}
    assert {url: g for url, g in glued.items() if g} == {}
    essays = [text for url, text in contents.items() if url.endswith(("dallmer-oktoberumsturz.html", "meschkat-vorbild.html"))]
    assert len(essays) == 2
    for text in essays:
        assert "[S. " not in text and "Abs. " not in text  # page labels and paragraph numbers stay out
        assert '"' not in text  # as read: typographic quotes
