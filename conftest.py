"""Fixtures shared by the toolkit's tests and the editions' own tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

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


def _add_renamed_copies(edition_dir: Path, count: int) -> None:
    """``count`` more texts in an edition made from tests/fixtures/sample-edition: renamed copies
    of its essay (ids follow the file name, as the strict profile wants)."""
    sample = (edition_dir / "tei" / "essays" / "sample.xml").read_text(encoding="utf-8")
    for n in range(count):
        name = f"copy{n}"
        text = (sample.replace('xml:id="sample', f'xml:id="{name}').replace("#sample-", f"#{name}-")
                .replace('<idno type="essay">sample<', f'<idno type="essay">{name}<'))
        (edition_dir / "tei" / "essays" / f"{name}.xml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def add_renamed_copies() -> Callable[[Path, int], None]:
    """A function adding renamed copies of the sample essay to a copy of the sample edition."""
    return _add_renamed_copies
