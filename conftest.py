"""Fixtures shared by the toolkit's tests and the editions' own tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import etree

from edition.validate import relaxng


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 schema (shipped in tei/schema/), compiled once per test session (~10 s)."""
    return relaxng.load(relaxng.TEI_ALL).validator


#: Debian's Chromium, as the quality bar asks; one Playwright session for every test that needs a
#: browser (Playwright's sync API cannot run twice at once in one thread).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
