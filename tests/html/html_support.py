"""Helpers for the HTML edition tests: sample paths, small editions built from TEI snippets."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from edition.paths import ROOT
from edition.transform.html import build_html
from edition.transform.serve import serve_in_thread

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
SHOTS = ROOT / "build" / "test-screenshots" / "html"


def built_site(edition_dir: Path, site: Path) -> Path:
    """``edition_dir``'s HTML edition, built into ``site``."""
    build_html(edition_dir, site)
    return site


def serving(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port for as long as the generator lives; yields its URL."""
    server = serve_in_thread(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def make_edition(root: Path, essays: dict[str, str] | None = None, persons: str | None = None) -> Path:
    """An edition directory: the sample edition, with essays (id → TEI text) and register replaced if given."""
    shutil.copytree(SAMPLE, root, dirs_exist_ok=True)
    if essays is not None:
        for old in (root / "tei" / "essays").glob("*.xml"):
            old.unlink()
        for essay_id, text in essays.items():
            (root / "tei" / "essays" / f"{essay_id}.xml").write_text(text, encoding="utf-8")
    if persons is not None:
        (root / "tei" / "register" / "persons.xml").write_text(persons, encoding="utf-8")
    return root


def essay_tei(essay_id: str, text: str, abstract: str = "Kurzbeschreibung.") -> str:
    """A minimal contract-conforming essay whose <text> content is ``text``."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{essay_id}" xml:lang="de">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">Titel {essay_id}</title>
        <author><persName ref="psn:muster-max">Max Muster</persName></author></titleStmt>
      <publicationStmt><publisher>tei-edition</publisher><date when="2026-11-22">2026</date>
        <idno type="essay">{essay_id}</idno></publicationStmt>
      <sourceDesc><bibl type="original"><author>Max Muster</author><date when="2017">2017</date></bibl></sourceDesc>
    </fileDesc>
    <profileDesc><abstract><p>{abstract}</p></abstract></profileDesc>
  </teiHeader>
  <text>{text}</text>
</TEI>
"""


