"""`edition deposit` end to end: the zip's path on every run, and --ocfl into a storage root."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from urllib.parse import unquote, urlsplit

import bagit
import lxml.html
from click.testing import CliRunner

from edition.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sample-edition"


def local_links(page: Path) -> set[str]:
    """The files a page links or loads inside the site (no addresses elsewhere, no fragments)."""
    doc = lxml.html.parse(str(page))
    links = {unquote(urlsplit(v).path) for v in doc.xpath("//@href | //@src") if not urlsplit(v).scheme and not v.startswith("//")}
    return {link for link in links if link}


def test_deposit_prints_its_zip_and_adds_it_to_ocfl_once(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    out, root = tmp_path / "build", tmp_path / "repository"
    zip_path = out / "deposit" / "edition-1.0.0.zip"
    first = CliRunner().invoke(main, ["deposit", str(edition), "-o", str(out), "--ocfl", str(root)])
    assert first.exit_code == 0, first.output
    assert f"deposit: {zip_path}" in first.output.splitlines()
    assert "OCFL: v1 of https://example.org/beispiel/ in " in first.output
    # Nothing changed: nothing is rebuilt, the existing zip is named, the object keeps its one version.
    again = CliRunner().invoke(main, ["deposit", str(edition), "-o", str(out), "--ocfl", str(root)])
    assert again.exit_code == 0, again.output
    assert "nothing to do" in again.output and f"deposit: {zip_path}" in again.output.splitlines()
    assert "already holds this deposit as v1" in again.output
    checked = CliRunner().invoke(main, ["verify", str(root)])
    assert checked.exit_code == 0 and "intact: " in checked.output, checked.output
    # The zip is a bag the bagit library validates, with its README and PREMIS.
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(tmp_path / "unzipped")
    bag = bagit.Bag(str(tmp_path / "unzipped" / "edition-1.0.0"))
    assert bag.validate()
    assert (tmp_path / "unzipped" / "edition-1.0.0" / "README.txt").is_file()
    assert "data/metadata/premis.xml" in bag.payload_entries()
    # Unpacked, the site still finds everything it links: the TEI and PDFs are the site's own copies.
    site = tmp_path / "unzipped" / "edition-1.0.0" / "data" / "html"
    missing = [f"{page.name}: {link}" for page in site.rglob("*.html") for link in local_links(page)
               if not (page.parent / link).resolve().is_file()]
    assert missing == []
    assert (site / "tei" / "texts" / "sample.xml").is_file() and (site / "pdf" / "sample.pdf").is_file()
    assert not (tmp_path / "unzipped" / "edition-1.0.0" / "data" / "pdf").exists()


def test_deposit_into_a_folder_that_is_no_repository_fails_in_one_line(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["deposit", str(edition), "-o", str(tmp_path / "build"), "--ocfl", str(busy)])
    assert result.exit_code == 1
    assert f"{busy}: error: not an OCFL storage root" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]
