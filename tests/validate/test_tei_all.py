"""The project schema narrows TEI: what it accepts, tei_all accepts too."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition import xmlio
from edition.paths import ROOT
from edition.validate import edition_files, validate_files

from validate_support import RULES, SAMPLE

BUNDLED = ROOT / "editions" / "russische-revolution"
ACCEPTED = edition_files(BUNDLED) + edition_files(SAMPLE) + sorted(RULES.glob("*/pass/tei/**/*.xml"))


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: str(p.relative_to(ROOT)))
def test_accepted_documents_are_valid_tei(path: Path, tei_all: etree.RelaxNG) -> None:
    tree = xmlio.parse(path)
    assert tei_all.validate(tree), [str(e) for e in tei_all.error_log]


def test_bundled_and_sample_editions_are_valid() -> None:
    # The bundled register may list persons no essay tags yet: warnings, not errors.
    assert [p for p in validate_files(edition_files(BUNDLED)) if p.severity == "error"] == []
    assert validate_files(edition_files(SAMPLE)) == []


def test_edition_files_lists_edition_essays_register() -> None:
    names = [p.relative_to(SAMPLE / "tei").as_posix() for p in edition_files(SAMPLE)]
    assert names == ["essays/sample.xml", "register/persons.xml"]
