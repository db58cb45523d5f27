"""The bundled edition's reading page in Chromium at 1280 and 390 px: person cards stay inside the
window, the contents start closed on a phone so the title comes first, and no note number sits on
another line than the word it follows. Screenshots are kept to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from html_support import built_site, serving

from edition.paths import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
BUNDLED = ROOT / "editions" / "russische-revolution"
ESSAY = "dallmer-oktoberumsturz.html"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def bundled_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serving(built_site(BUNDLED, tmp_path_factory.mktemp("phone") / "site"))


def open_page(browser, url: str, viewport: dict[str, int]):
    context = browser.new_context(viewport=viewport, locale="de-DE")
    page = context.new_page()
    page.goto(url)
    return context, page


# Every note marker with the box of the character before it (the last one the reader sees, in
# document order, skipping hidden parts such as diplomatic forms and popovers).
MARKERS = """() => [...document.querySelectorAll('.noteref')].map(button => {
  const walker = document.createTreeWalker(document.querySelector('article.essay'), NodeFilter.SHOW_TEXT);
  walker.currentNode = button.closest('sup');
  let before = null;
  while (walker.previousNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+$/, '');
    if (!text || node.parentElement.closest('sup, .note-pop, .card')) continue;
    const range = document.createRange();
    range.setStart(node, text.length - 1);
    range.setEnd(node, text.length);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    if (!rects.length) continue;
    before = rects[rects.length - 1];
    break;
  }
  const box = button.getBoundingClientRect();
  return { id: button.id, spaced: /\\s$/.test(button.closest('sup').previousSibling?.textContent || ''),
           char: before && { top: before.top, bottom: before.bottom, right: before.right },
           box: { top: box.top, bottom: box.bottom, left: box.left } };
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_every_note_number_stays_on_the_line_of_its_word(browser, bundled_url: str, shots: Path, viewport) -> None:
    context, page = open_page(browser, bundled_url + ESSAY, viewport)
    markers = page.evaluate(MARKERS)
    assert len(markers) >= 50
    apart = [m["id"] for m in markers if not m["spaced"]
             and not (m["char"]["top"] < m["box"]["bottom"] and m["box"]["top"] < m["char"]["bottom"]
                      and m["box"]["left"] >= m["char"]["right"] - 1)]
    assert apart == [], f"at {viewport['width']} px these note numbers sit apart from their word: {apart}"
    page.screenshot(path=str(shots / f"bundled-essay-{viewport['width']}.png"))
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, {"width": 700, "height": 900}, PHONE], ids=["1280", "700", "390"])
def test_person_cards_stay_inside_the_window(browser, bundled_url: str, shots: Path, viewport) -> None:
    context, page = open_page(browser, bundled_url + ESSAY, viewport)
    # The mentions furthest right are the ones whose cards ran off the edge.
    links = page.locator("article .para .person > a")
    rightmost = sorted(range(links.count()), key=lambda i: -links.nth(i).evaluate("a => a.getBoundingClientRect().right"))[:6]
    for index in rightmost:
        link = links.nth(index)
        link.scroll_into_view_if_needed()
        card = page.locator("#" + link.get_attribute("aria-describedby"))
        for show in (link.focus, link.hover):  # keyboard and mouse
            page.evaluate("document.activeElement && document.activeElement.blur()")
            page.mouse.move(0, 0)
            show()
            assert card.is_visible()
            page.wait_for_timeout(50)  # reading.js moves a card in the frame after it shows
            box = card.bounding_box()
            assert box is not None
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (index, show.__name__, box)
            assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (index, show.__name__, box)
    page.screenshot(path=str(shots / f"bundled-card-{viewport['width']}.png"))
    context.close()


def test_contents_closed_on_a_phone_and_the_title_first(browser, bundled_url: str, shots: Path) -> None:
    context, page = open_page(browser, bundled_url + ESSAY, PHONE)
    title = page.locator("article.essay h1").first.bounding_box()
    assert title is not None and title["y"] + title["height"] <= PHONE["height"] / 2, title
    toggle = page.locator("nav.toc h2 button.toc-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("nav.toc > ol").is_visible()
    page.screenshot(path=str(shots / "bundled-phone-top.png"))
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("nav.toc > ol").is_visible()
    page.screenshot(path=str(shots / "bundled-phone-contents.png"))
    # a chosen entry leads to its heading and closes the contents again
    page.locator("nav.toc > ol a").nth(2).click()
    assert toggle.get_attribute("aria-expanded") == "false"
    heading = page.locator(":target").bounding_box()
    assert heading is not None and 0 <= heading["y"] < PHONE["height"]
    context.close()


def test_contents_open_on_a_wide_screen(browser, bundled_url: str) -> None:
    context, page = open_page(browser, bundled_url + ESSAY, DESKTOP)
    assert page.locator("nav.toc > ol").is_visible()
    assert page.locator("nav.toc button").count() == 0  # a plain heading where nothing is closed
    page.set_viewport_size(PHONE)
    page.wait_for_function("document.querySelector('nav.toc').classList.contains('toc-closed')")
    page.set_viewport_size(DESKTOP)
    page.wait_for_function("!document.querySelector('nav.toc button')")
    assert page.locator("nav.toc > ol").is_visible()
    context.close()
