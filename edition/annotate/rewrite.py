"""Read TEI text as runs of continuous text and wrap spans of it in new elements, in place.

A *chunk* is a maximal run of text in which words continue: an element's text and
the tails of its children, where page/line/column-break milestones are transparent
(``Rosa <pb/>Luxemburg`` is one run) and every other child element is a boundary.
Chunks come in document order, interleaved with *events* for the elements the
annotator must not enter (the header, existing ``persName``/``date``, ``ref``,
``idno``, ``sic`` …), so earlier markup still informs the context of later text.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..xmlio import TEI_NS, XmlInputError

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


BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: One item of the prolog: blanks, the XML declaration or a PI, a comment, the DOCTYPE (internal subset in brackets).
PROLOG_ITEM = re.compile(r"""\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*'|\[.*?\])*>""", re.S)


def serialise(tree: etree._ElementTree, original: bytes) -> bytes:
    """The tree as bytes in the original's encoding and BOM, its prolog kept character for character.

    The prolog (declaration, comments, PIs, DOCTYPE) is copied from ``original`` rather than
    re-serialised: the parser may drop or normalise it, and it is not the annotator's to change.
    """
    bom, codec = _encoding(tree, original)
    text = original[len(bom):].decode(codec)
    root = tree.getroot()
    parts = [text[: _prolog_end(text, root)], etree.tostring(root, encoding="unicode", with_tail=False)]
    parts += ["\n" + etree.tostring(node, encoding="unicode", with_tail=False) for node in root.itersiblings()]
    if text.endswith("\n"):
        parts.append("\n")
    # New markup is ASCII; a character the encoding lacks can only be in text, where a reference is valid.
    return bom + "".join(parts).encode(codec, errors="xmlcharrefreplace")


def _encoding(tree: etree._ElementTree, original: bytes) -> tuple[bytes, str]:
    """The byte order mark (or b"") and the Python codec the original is written in."""
    for bom, codec in BOMS:
        if original.startswith(bom):
            return bom, codec
    name = tree.docinfo.encoding or "utf-8"
    try:
        return b"", codecs.lookup(name).name
    except LookupError:
        raise XmlInputError(tree.docinfo.URL or "<string>", 1, 1, f"cannot write encoding {name}") from None


def _prolog_end(text: str, root: etree._Element) -> int:
    """Offset of the root element's start tag; refuses rather than cut a prolog it misread."""
    pos = 0
    while (m := PROLOG_ITEM.match(text, pos)) is not None and m.end() > pos:
        pos = m.end()
    qname = f"{root.prefix}:{etree.QName(root).localname}" if root.prefix else etree.QName(root).localname
    if not re.match(rf"<{re.escape(qname)}[\s/>]", text[pos:pos + len(qname) + 2]):
        line = text.count("\n", 0, pos) + 1
        raise XmlInputError(root.getroottree().docinfo.URL or "<string>", line, 1, "cannot find where the root element starts")
    return pos


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
