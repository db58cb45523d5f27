"""The text of a PDF as poppler's pdftotext reads it, for the PDF tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

WORD_JOINER = "\u2060"  # invisible; the book sets it where a line must not break (hard hyphens, note markers)


def pdf_text(pdf: Path) -> str:
    """pdftotext's text of ``pdf`` (pages parted by form feeds), word joiners left out."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.replace(WORD_JOINER, "")
