"""A deposit bag made from the sample edition with a small stand-in site and PDF.

The bag and zip code do not care what the site and PDFs contain; the real ones are
exercised end to end in tests/build.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.package.archive import write_zip
from edition.package.bag import make_deposit_bag
from edition.core import Edition, read_edition

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sample-edition"


@pytest.fixture
def edition(tmp_path: Path) -> Edition:
    shutil.copytree(FIXTURE, tmp_path / "edition")
    # The raw source the text is imported from and its metadata, as `edition import` reads them.
    sources = tmp_path / "edition" / "sources"
    sources.mkdir()
    (sources / "sample.txt").write_text("Ein Beispiel\n\nText der Quelle.\n", encoding="utf-8")
    (sources / "sample.toml").write_text('id = "sample"\nlanguage = "de"\n', encoding="utf-8")
    (sources / ".hidden").write_text("an editor's scratch file\n", encoding="utf-8")
    return read_edition(tmp_path / "edition")


@pytest.fixture
def outputs(edition: Edition, tmp_path: Path) -> tuple[Path, Path]:
    site, pdf = tmp_path / "site", tmp_path / "pdf"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><title>Beispieledition</title>", encoding="utf-8")
    (site / "sample.html").write_text("<!DOCTYPE html><title>Ein Beispiel</title>", encoding="utf-8")
    # The site carries the TEI and the PDFs it links, as edition.transform.html writes them.
    (site / "tei" / "texts").mkdir(parents=True)
    (site / "tei" / "register").mkdir()
    shutil.copyfile(FIXTURE / "tei" / "essays" / "sample.xml", site / "tei" / "texts" / "sample.xml")
    shutil.copyfile(FIXTURE / "tei" / "register" / "persons.xml", site / "tei" / "register" / "persons.xml")
    (site / "tei" / "edition.xml").write_bytes(edition.header_bytes)
    (site / "assets" / "edition.css").write_text("body { margin: 0 }", encoding="utf-8")
    pdf.mkdir()
    (pdf / "sample.pdf").write_bytes(b"%PDF-1.7\n% stand-in\n")
    return site, pdf


@pytest.fixture
def make_bag(edition: Edition, outputs: tuple[Path, Path], tmp_path: Path) -> Callable[[str], Path]:
    """Make a bag of the (copied) sample edition in tmp_path/NAME."""

    def make(name: str) -> Path:
        where = tmp_path / name
        where.mkdir(parents=True)
        return make_deposit_bag(where, edition, *outputs)

    return make


@pytest.fixture
def bag(make_bag: Callable[[str], Path]) -> Path:
    return make_bag("bag")


@pytest.fixture
def zipped(bag: Path, edition: Edition, tmp_path: Path) -> Path:
    return write_zip(bag, tmp_path / f"{edition.deposit_name}.zip", edition.deposit_name, edition.date)
