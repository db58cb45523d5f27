"""Fixtures shared by the toolkit's tests and the editions' own tests."""

from __future__ import annotations

import pytest
from lxml import etree

from edition.validate import relaxng


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 schema (shipped in tei/schema/), compiled once per test session (~10 s)."""
    return relaxng.load(relaxng.TEI_ALL).validator
