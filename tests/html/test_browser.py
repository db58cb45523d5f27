"""The site in headless Chromium: notes, register back-links, search; screenshots to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_note_marker_opens_note_in_place_by_keyboard(page, site_url: str, shots: Path) -> None:
    page.goto(site_url + "sample.html")
    popover = page.locator("#pop-anm2")
    assert not popover.is_visible()
    page.locator("#anm2-ref").focus()
    page.keyboard.press("Enter")
    popover.wait_for(state="visible")
    assert "Zitiert nach" in popover.inner_text()
    page.screenshot(path=str(shots / "note-open.png"))
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    # The lost note says so in its popover.
    page.locator("#anm1-ref").click()
    assert "verloren" in page.locator("#pop-anm1").inner_text()


def test_notes_section_links_back_to_marker(page, site_url: str) -> None:
    page.goto(site_url + "sample.html#anm2")
    page.locator("#anm2 a.note-back").click()
    assert page.evaluate("location.hash") == "#anm2-ref"


def test_person_card_shows_on_focus(page, site_url: str, shots: Path) -> None:
    page.goto(site_url + "sample.html")
    link = page.locator("#abs2 .person > a").first
    card = page.locator("#" + link.get_attribute("aria-describedby"))
    assert not card.is_visible()
    link.focus()
    assert card.is_visible() and "22. April 1870 – 21. Januar 1924" in card.inner_text()
    page.screenshot(path=str(shots / "person-card.png"))
    page.keyboard.press("Escape")  # dismissible without moving focus
    assert not card.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert card.is_visible()


def test_register_backlink_lands_on_paragraph(page, site_url: str, shots: Path) -> None:
    page.goto(site_url + "register.html")
    page.locator("#lenin-wladimir a", has_text="Abs. 3").click()
    page.wait_for_url("**/sample.html#abs3")
    target = page.locator("#abs3")
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "abs3"
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert "Lenins" in target.inner_text()
    # The citation suggestion now names the paragraph.
    assert page.locator(".citation .cite-para").inner_text() == ", Abs. 3"
    page.screenshot(path=str(shots / "register-backlink.png"))


def test_chronology_links_back(page, site_url: str) -> None:
    page.goto(site_url + "chronologie.html")
    page.locator("a.chrono-place").first.click()
    page.wait_for_url("**/sample.html#abs2")
    assert "25. Oktober" in page.locator("#abs2").inner_text()


def test_search_finds_a_word_with_german_stemming(page, site_url: str, shots: Path) -> None:
    page.goto(site_url + "suche.html")
    page.fill("#suchbegriff", "Vorworts")  # genitive: found through the German stemmer
    page.keyboard.press("Enter")
    page.locator("#suchergebnisse li").first.wait_for()
    results = page.locator("#suchergebnisse li")
    assert "Ein Beispiel" in results.first.locator("a.result-title").inner_text()
    assert "Treffer auf einer Seite für „Vorworts“" in page.locator("#suchstatus").inner_text()  # places on one page
    page.screenshot(path=str(shots / "search.png"))
    results.first.locator("a.result-title").click()
    page.wait_for_url("**/sample.html")


def test_reading_page_on_a_phone_and_in_print(browser, site_url: str, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(site_url + "sample.html")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"horizontal scrolling on a phone: {width}px"
    phone.screenshot(path=str(shots / "phone.png"), full_page=True)
    phone.emulate_media(media="print")
    assert not phone.locator(".toc").is_visible() and phone.locator("#anmerkungen").is_visible()
    phone.screenshot(path=str(shots / "print.png"), full_page=True)
    context.close()


def test_normalised_dates_can_be_shown_in_the_text(page, site_url: str, shots: Path) -> None:
    page.goto(site_url + "sample.html")
    norm = page.locator("#abs2 .date-norm")
    assert not norm.is_visible()
    page.locator("#daten-zeigen").check()
    assert norm.is_visible()
    assert norm.inner_text().strip() == "[25. Oktober / 7. November 1917]"
    page.screenshot(path=str(shots / "dates-shown.png"))
