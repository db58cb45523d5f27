"""Map elements of a parsed document back to the line and column of their start tag.

lxml's ``sourceline`` is the line where a start tag *ends* and carries no column, and Saxon HE
keeps no line numbers at all. So the raw text is scanned once for start tags: the k-th start tag
in the text is the k-th element in document order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from lxml import etree

# Markup that can hold a "<" which is not a start tag, then end tags, then start tags.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|</|<", re.S)


class Locator:
    """Line and column (1-based) of each element's start tag in ``data``."""

    def __init__(self, tree: etree._ElementTree, data: bytes) -> None:
        self.tree = tree
        self.data = data

    @cached_property
    def _elements(self) -> dict[etree._Element, int]:
        return {el: i for i, el in enumerate(e for e in self.tree.getroot().iter() if isinstance(e.tag, str))}

    @cached_property
    def _starts(self) -> list[tuple[int, int]]:
        text = self.data.decode(self.tree.docinfo.encoding or "utf-8", errors="replace")
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        positions = []
        for m in _MARKUP.finditer(text):
            if m.group() == "<":
                line = bisect_right(line_starts, m.start())
                positions.append((line, m.start() - line_starts[line - 1] + 1))
        return positions

    def element(self, el: etree._Element) -> tuple[int, int]:
        index = self._elements.get(el)
        if index is not None and index < len(self._starts):
            return self._starts[index]
        return (el.sourceline or 1, 1)

    def child_path(self, path: str) -> etree._Element:
        """The element at ``1/3/2`` (positions among element siblings from the root element)."""
        el = self.tree.getroot()
        for step in path.split("/")[1:]:
            children = [c for c in el if isinstance(c.tag, str)]
            el = children[int(step) - 1]
        return el
