"""Map elements of a document back to the line and column of their start tag.

lxml's ``sourceline`` is the line where a start tag *ends* and carries no column, and Saxon HE
keeps no line numbers at all. So the raw text is scanned for tags, keeping track of each element's
path (its position among element siblings, from the root element down, as the Schematron reports
it). The scan reads the text in pieces, so no copy of a large document is held, and it stops once
every wanted path is found.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from lxml import etree

ElementPath = tuple[int, ...]

# Markup that can hold a "<" which is not a tag, then end tags, then start tags (quoted attribute
# values may hold ">"; the loop is unrolled so a cut-off tag fails at once instead of backtracking).
_MARKUP = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|</[^>]*>"""
    r"""|<(?![!?/])[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""", re.S)
_READ = 1 << 20


def element_path(el: etree._Element) -> ElementPath:
    """The path of ``el``: its position among element siblings at each level from the root."""
    steps = []
    node: etree._Element | None = el
    while node is not None:
        steps.append(1 + sum(1 for _ in node.itersiblings(etree.Element, preceding=True)))
        node = node.getparent()
    return tuple(reversed(steps))


def schematron_path(path: str) -> ElementPath:
    """``"1/3/2"`` → ``(1, 3, 2)``."""
    return tuple(int(step) for step in path.split("/"))


class Locator:
    """Line and column (1-based) of start tags in a document: its file or its bytes."""

    def __init__(self, source: Path | bytes, encoding: str | None) -> None:
        self.source = source
        self.encoding = encoding or "utf-8"

    def _open(self) -> BinaryIO:
        return io.BytesIO(self.source) if isinstance(self.source, bytes) else self.source.open("rb")

    def positions(self, paths: Iterable[ElementPath]) -> dict[ElementPath, tuple[int, int]]:
        wanted = set(paths)
        if not wanted:
            return {}
        prefixes = {p[:i] for p in wanted for i in range(1, len(p) + 1)}
        found: dict[ElementPath, tuple[int, int]] = {}
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        counts = [0]  # element children seen so far, per open element (the document at the bottom)
        open_paths: list[ElementPath | None] = [()]  # path of each open element if a wanted prefix, else None
        buf, cur, line, line_start, eof = "", 0, 1, 0, False
        with self._open() as handle:
            while len(found) < len(wanted):
                i = buf.find("<", cur)
                match = _MARKUP.match(buf, i) if i >= 0 else None
                if match is None:  # the next tag is cut off (or none is left): read on
                    if eof:
                        break
                    keep = i if i >= 0 else len(buf)
                    newlines = buf.count("\n", cur, keep)
                    if newlines:
                        line += newlines
                        line_start = buf.rindex("\n", cur, keep) + 1
                    buf, line_start, cur = buf[keep:], line_start - keep, 0
                    chunk = handle.read(_READ)
                    eof = not chunk
                    buf += decoder.decode(chunk, final=eof)
                    continue
                newlines = buf.count("\n", cur, i)
                if newlines:
                    line += newlines
                    line_start = buf.rindex("\n", cur, i) + 1
                cur = match.end()
                tag = match.group()
                if tag.startswith("</"):
                    counts.pop()
                    open_paths.pop()
                elif tag[1] not in "!?":
                    counts[-1] += 1
                    parent = open_paths[-1]
                    here = parent + (counts[-1],) if parent is not None else None
                    if here in wanted:
                        found[here] = (line, i - line_start + 1)
                    if not tag.endswith("/>"):
                        counts.append(0)
                        open_paths.append(here if here in prefixes else None)
                # a tag's own line breaks (between attributes) count for what follows
                newlines = tag.count("\n")
                if newlines:
                    line += newlines
                    line_start = i + tag.rindex("\n") + 1
        return found
