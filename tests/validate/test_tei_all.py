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


def test_strict_profile_takes_what_the_importer_writes(tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    """A block quotation in a section and a signature in a closer (edition import writes both)
    are valid under the strict profile and under tei_all."""
    import re
    import shutil

    edition = tmp_path / "sample"
    shutil.copytree(SAMPLE, edition)
    essay = edition / "tei" / "essays" / "sample.xml"
    text = essay.read_text(encoding="utf-8")
    changed = re.sub(r"(<div type=\"section\"[^>]*>\s*<head>.*?</head>)", r"\1<quote><p>Ein Zitat als Block.</p></quote>",
                     text, count=1, flags=re.S)
    changed = changed.replace("</body>", '<div type="section"><p>Schluss.</p><closer><dateline>Berlin</dateline>'
                                         "<signed>Max Muster</signed></closer></div></body>", 1)
    assert changed.count("<quote>") == 1 and "<signed>" in changed
    essay.write_text(changed, encoding="utf-8")
    assert [p for p in validate_files(edition_files(edition)) if p.severity == "error"] == []
    assert tei_all.validate(xmlio.parse(essay)), [str(e) for e in tei_all.error_log]
