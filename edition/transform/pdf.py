"""The PDF edition: one essay → one archival book PDF (PDF/A-3b + PDF/UA-1, TEI attached).

``xslt/pdf/pdf.xsl`` turns the TEI into Typst markup (all source text as escaped string
literals); the Typst compiler from the pinned ``typst`` wheel lays it out with
``xslt/pdf/edition.typ`` in its bundled Libertinus Serif, so no system fonts are involved
and the same sources give the same bytes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import typst

from ..paths import XSLT
from ..xmlio import XmlInputError, parse
from ..xslt import transform

STYLESHEET = Path("pdf/pdf.xsl")
TEMPLATE = XSLT / "pdf" / "edition.typ"
PDF_STANDARDS = ["a-3b", "ua-1"]


class PdfBuildError(Exception):
    """Typst could not lay out an essay; the message names the essay."""


def typst_markup(essay: Path, edition_dir: Path) -> str:
    """The Typst markup for ``essay`` (the TEI is attached under its own file name)."""
    tree = parse(essay)
    edition = parse(edition_dir / "tei" / "edition.xml")
    persons = parse(edition_dir / "tei" / "register" / "persons.xml")
    return transform(STYLESHEET, tree, {"edition": edition, "persons": persons, "source-name": essay.name})


def build_pdf(essay: Path, edition_dir: Path, out_pdf: Path) -> None:
    """Write the PDF of ``essay`` to ``out_pdf``; nothing is written unless it succeeds."""
    markup = typst_markup(essay, edition_dir)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="edition-pdf-") as tmp:
        work = Path(tmp)
        (work / "main.typ").write_text(markup, encoding="utf-8")
        shutil.copyfile(TEMPLATE, work / "edition.typ")
        shutil.copyfile(essay, work / essay.name)  # the attachment: the TEI source byte for byte
        try:
            pdf = typst.compile(
                str(work / "main.typ"),
                root=str(work),
                ignore_system_fonts=True,
                pdf_standards=PDF_STANDARDS,
            )
        except typst.TypstError as exc:
            hints = "".join(f"\n  hint: {h}" for h in exc.hints or [])
            raise PdfBuildError(f"{essay}: typesetting failed: {exc.message}{hints}") from None
        staged = out_pdf.with_name(f".{out_pdf.name}.tmp")
        staged.write_bytes(pdf)
        os.replace(staged, out_pdf)


__all__ = ["build_pdf", "typst_markup", "PdfBuildError", "XmlInputError"]
