"""Fixtures shared by all test folders."""

from __future__ import annotations

import pytest
from lxml import etree

from edition.validate import relaxng


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 schema (../shared/reference), compiled once per test session (~10 s)."""
    if not relaxng.TEI_ALL.is_file():
        pytest.skip(f"official TEI schema not available: {relaxng.TEI_ALL} is missing (../shared is absent)")
    return relaxng.load(relaxng.TEI_ALL).validator
