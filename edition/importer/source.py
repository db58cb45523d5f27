"""Read a raw text extraction: UTF-8, one list entry per physical line."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import LocatedError


class SourceError(LocatedError):
    """Unusable input to the importer (source text or metadata)."""


@dataclass(frozen=True)
class Source:
    name: str
    lines: list[str]
    sha256: str
    shown: str  # the path as the user gave it, for error lines
    #: 0-based indices of lines that begin a page after a form feed (pdftotext's page break); empty: none in the file
    breaks: frozenset[int] = frozenset()
    #: lines (1-based) from which invisible format characters were removed
    invisible: tuple[int, ...] = ()


# Control characters other than LF, TAB and FF (pdftotext's page break) never occur in a
# text extraction and are used internally as milestone sentinels, so they are refused up front.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f]")
#: Characters that print nothing and only steer line breaking (word joiner, zero-width space and no-break,
#: a soft hyphen inside a line); some extractors copy them from the PDF, where they split words and markers.
#: A soft hyphen at a line's end is the break itself and stays for the hyphenation.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]|\u00ad(?![ ]*$)")


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    return parse_source(data, path.name, str(path))


def parse_source(data: bytes, name: str, shown: str | None = None) -> Source:
    shown = shown or name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(shown, line, col, f"not UTF-8 (byte 0x{data[exc.start]:02x})") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\t", " ")
    # Emptiness first: blanks and form feeds alone are an empty extraction, not a damaged one.
    if not text.strip():
        raise SourceError(shown, 1, 1, "the file holds no text")
    for no, line in enumerate(text.split("\n"), 1):
        bad = _CONTROL.search(line)
        if bad:
            raise SourceError(shown, no, bad.start() + 1, f"control character U+{ord(bad.group()):04X} in a text extraction")
    lines = text.split("\n")
    invisible = tuple(no for no, line in enumerate(lines, 1) if _INVISIBLE.search(line))
    lines = [_INVISIBLE.sub("", line) for line in lines]
    breaks: set[int] = set()
    for i, line in enumerate(lines):
        if "\f" in line:
            # pdftotext ends every page with a form feed: what follows it on the line starts the next page.
            before, _, after = line.rpartition("\f")
            breaks.add(i if after.strip() or not before.replace("\f", "").strip() else i + 1)
            lines[i] = line.replace("\f", "")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it is not an extra line
    breaks = {b for b in breaks if 0 < b < len(lines)}
    return Source(name, lines, hashlib.sha256(data).hexdigest(), shown, frozenset(breaks), invisible)
