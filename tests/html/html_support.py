"""Helpers for the HTML edition tests: sample paths, small editions built from TEI snippets."""

from __future__ import annotations

import shutil
from pathlib import Path

from edition.paths import ROOT

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = ROOT / "build" / "test-screenshots" / "html"


def make_edition(root: Path, essays: dict[str, str] | None = None, persons: str | None = None) -> Path:
    """An edition directory: the sample edition, with essays (id → TEI text) and register replaced if given."""
    shutil.copytree(SAMPLE / "tei", root / "tei")
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


