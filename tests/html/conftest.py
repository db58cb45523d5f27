"""Shared fixtures for the HTML edition tests: a built sample site, a local server, a page (the browser: the root conftest)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from html_support import SAMPLE, SHOTS, built_site, serving


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(SAMPLE, tmp_path_factory.mktemp("sample-site") / "site")


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    yield from serving(sample_site)


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
