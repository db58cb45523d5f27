"""Safe XML parsing with errors that name file, line and column.

Every XML file the toolkit reads goes through :func:`parse`: no network, no
DTD loading, no external or internal entity expansion (billion laughs), so a
hostile file can neither reach out nor blow up memory.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .errors import LocatedError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS}


class XmlInputError(LocatedError):
    """A file that cannot be read as XML."""


def safe_parser(*, line_numbers: bool = True) -> etree.XMLParser:
    """A parser that never loads DTDs or entities and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def _refuse_doctype_entities(tree: etree._ElementTree, name: str) -> None:
    """Refuse any document that declares entities: the edition never needs them."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XmlInputError(name, 1, 1, "entity declarations are not allowed (DOCTYPE with ENTITY); refusing to expand them")
    for el in tree.iter(etree.Entity):
        line = el.sourceline or 1
        raise XmlInputError(name, line, 1, f"entity reference &{el.name}; is not allowed")


_ROOT_START = re.compile(rb"<[A-Za-z_:]")
_ENTITY_DECL = re.compile(rb"<!ENTITY")
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+\s*$")


def _refuse_entity_declarations(data: bytes, name: str) -> None:
    """Refuse entity declarations in the prolog before libxml2 sees them (XXE, billion laughs)."""
    root = _ROOT_START.search(data)
    decl = _ENTITY_DECL.search(data, 0, root.start() if root else len(data))
    if decl:
        line = data.count(b"\n", 0, decl.start()) + 1
        column = decl.start() - (data.rfind(b"\n", 0, decl.start()) + 1) + 1
        raise XmlInputError(name, line, column, "entity declarations are not allowed (<!ENTITY> in the DOCTYPE); refusing to load or expand them")


def parse_bytes(data: bytes, name: str = "<string>") -> etree._ElementTree:
    """Parse ``data`` safely; raise :class:`XmlInputError` on any problem."""
    _refuse_entity_declarations(data, name)
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=name)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        msg = exc.msg or str(exc)
        # lxml appends "(file, line N)"; the position already says it.
        msg = msg.split(", line ")[0] if msg.endswith(")") and ", line " in msg else msg
        msg = " ".join(_POSITION_SUFFIX.sub("", msg).split())  # libxml2 may end lines inside a message
        raise XmlInputError(name, line or 1, col or 1, msg) from None
    tree = root.getroottree()
    _refuse_doctype_entities(tree, name)
    return tree


def parse(path: str | Path) -> etree._ElementTree:
    """Parse the file at ``path`` safely; unreadable files raise :class:`XmlInputError`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise XmlInputError(str(p), 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    return parse_bytes(data, str(p))


def parse_header(path: str | Path) -> etree._Element | None:
    """The ``teiHeader`` of the TEI file at ``path`` (None if it has none), read only as far as its
    end: for steps that need the header of every text of a large edition. A file that is not
    well-formed up to there raises as :func:`parse` does."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise XmlInputError(str(p), 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    _refuse_entity_declarations(data, str(p))
    parser = etree.XMLPullParser(events=("end",), tag=f"{{{TEI_NS}}}teiHeader", resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False)
    try:
        for at in range(0, len(data), 1 << 16):
            parser.feed(data[at:at + (1 << 16)])
            if (header := _ended_header(parser)) is not None:
                return header
        parser.close()
    except etree.XMLSyntaxError:
        # An error after the header's end, in the same piece fed: the header is whole.
        if (header := _ended_header(parser)) is not None:
            return header
    # No header, an entity reference in it, or an error before its end: parse() says which and where.
    return parse_bytes(data, str(p)).getroot().find(f"{{{TEI_NS}}}teiHeader")


def _ended_header(parser: etree.XMLPullParser) -> etree._Element | None:
    for _, header in parser.read_events():
        return None if any(True for _ in header.iter(etree.Entity)) else header
    return None
