"""Read TEI text as runs of continuous text and wrap spans of it in new elements, in place.

A *chunk* is a maximal run of text in which words continue: an element's text and
the tails of its children, where page/line/column-break milestones are transparent
(``Rosa <pb/>Luxemburg`` is one run) and every other child element is a boundary.
Chunks come in document order, interleaved with *events* for the elements the
annotator must not enter (the header, existing ``persName``/``date``, ``ref``,
``idno``, ``sic`` …), so earlier markup still informs the context of later text.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..xmlio import TEI_NS

MILESTONES = frozenset(f"{{{TEI_NS}}}{n}" for n in ("pb", "lb", "cb", "milestone", "anchor"))
#: Never tag inside these (and never descend into them).
OPAQUE = frozenset(
    f"{{{TEI_NS}}}{n}"
    for n in (
        "teiHeader", "persName", "date", "ref", "ptr", "idno", "sic", "orig", "gap", "num", "measure",
        "time", "placeName", "orgName", "name", "rs", "code", "formula", "graphic", "figDesc",
    )
)
NOTE = f"{{{TEI_NS}}}note"


@dataclass
class Segment:
    node: etree._Element
    slot: str  # "text" | "tail"
    start: int  # offset in the chunk
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Chunk:
    text: str
    segments: list[Segment]


@dataclass(frozen=True)
class Event:
    kind: str  # "element" (an opaque element), "enter-note", "leave-note"
    node: etree._Element


def _slot_text(node: etree._Element, slot: str) -> str:
    return (node.text if slot == "text" else node.tail) or ""


def _set_slot(node: etree._Element, slot: str, value: str) -> None:
    setattr(node, slot, value or None)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, node: etree._Element, slot: str) -> None:
        text = _slot_text(node, slot)
        self.segments.append(Segment(node, slot, self.length, text))
        self.parts.append(text)
        self.length += len(text)

    def chunk(self) -> Chunk | None:
        text = "".join(self.parts)
        return Chunk(text, self.segments) if text.strip() else None


def walk(root: etree._Element) -> Iterator[Chunk | Event]:
    """Chunks and events of ``root`` in document order (materialise before changing the tree)."""
    if not isinstance(root.tag, str) or root.tag in OPAQUE:
        if isinstance(root.tag, str):
            yield Event("element", root)
        return
    if root.tag == NOTE:
        yield Event("enter-note", root)
    current = _Builder()
    current.add(root, "text")
    for child in root:
        if isinstance(child.tag, str) and child.tag in MILESTONES:
            current.add(child, "tail")
            continue
        if (c := current.chunk()) is not None:
            yield c
        yield from walk(child)  # comments and PIs are boundaries too
        current = _Builder()
        current.add(child, "tail")
    if (c := current.chunk()) is not None:
        yield c
    if root.tag == NOTE:
        yield Event("leave-note", root)


def _segment_at(chunk: Chunk, offset: int) -> int:
    for i, seg in enumerate(chunk.segments):
        if seg.start <= offset < seg.end:
            return i
    raise ValueError(f"offset {offset} outside chunk")


def wrap(chunk: Chunk, start: int, end: int, element: etree._Element) -> None:
    """Put ``chunk.text[start:end]`` into ``element`` (milestones inside move along).

    Wraps in one chunk must be applied right to left: the text before a wrap stays
    where it was, so the offsets of earlier spans remain valid.
    """
    i, j = _segment_at(chunk, start), _segment_at(chunk, end - 1)
    first, last = chunk.segments[i], chunk.segments[j]
    owner_text = _slot_text(first.node, first.slot)
    before = owner_text[: start - first.start]
    if first.slot == "text":
        first.node.insert(0, element)
    else:
        first.node.addnext(element)
    if i == j:
        element.text = owner_text[start - first.start : end - first.start]
        element.tail = owner_text[end - first.start :] or None
        _set_slot(first.node, first.slot, before)
        return
    element.text = owner_text[start - first.start :]
    _set_slot(first.node, first.slot, before)
    for seg in chunk.segments[i + 1 : j + 1]:
        element.append(seg.node)  # a milestone, with its tail
    last_text = _slot_text(last.node, "tail")
    last.node.tail = last_text[: end - last.start] or None
    element.tail = last_text[end - last.start :] or None


def line_of(chunk: Chunk, offset: int) -> int:
    """Source line of a chunk offset (the tree must keep the parse's line numbers)."""
    seg = chunk.segments[_segment_at(chunk, offset)]
    node = seg.node
    base = node.sourceline or 0
    if seg.slot == "tail":
        base += etree.tostring(node, with_tail=False, encoding="unicode").count("\n")
    return base + seg.text[: offset - seg.start].count("\n")


XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>")


def serialise(tree: etree._ElementTree, original: bytes) -> bytes:
    """The tree as bytes, keeping the original XML declaration and final newline."""
    body = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
    decl = XML_DECL.match(original)
    out = (decl.group(0) + b"\n" + body) if decl else body
    if original.endswith(b"\n") and not out.endswith(b"\n"):
        out += b"\n"
    return out


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (never a half-written file)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
