"""Read and check a large document piece by piece, never holding its whole lxml tree.

libxml2's tree is about 12 times the file for dense TEI (a node per element, attribute and text),
so a 200 MB essay cannot be held whole in 1 GB. But where the grammar has exactly one pattern for
an element name (TEI's ``div``, ``p``), whether such an element is valid depends on its own subtree
alone. So each such element is checked against its pattern as soon as it is parsed, then emptied
to a stub; the patterns of those names are made empty in every later check, so a stub stands for
an element already found valid. The root, with stubs, is checked last. All checks pass exactly
when the whole document is valid.

This proves only validity: for a document with a problem, or one that is not plain (a DOCTYPE,
another encoding, not a regular file), :func:`check` answers False and the caller parses and
validates the whole tree as before, so every message stays what whole-tree validation says.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from .. import xmlio

RNG = "http://relaxng.org/ns/structure/1.0"
_XML_ID = f"{{{xmlio.XML_NS}}}id"
# Grammar features whose meaning is not local to one element: chunks could not be judged alone.
_NONLOCAL = {f"{{{RNG}}}{n}" for n in ("anyName", "nsName", "include", "externalRef", "parentRef", "grammar")}
_NONLOCAL_TYPES = {"IDREF", "IDREFS", "ENTITY", "ENTITIES", "NOTATION"}
# XML declaration, comments, PIs and white space, then a start tag: the prolog has no DOCTYPE.
_PLAIN_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?.*?\?>|<!--.*?-->|[ \t\r\n]+)*<[A-Za-z_:\x80-\xff]", re.S)
_PROLOG_LIMIT = 1 << 16


def _rng(tag: str) -> str:
    return f"{{{RNG}}}{tag}"


def _patterns(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]


def _clark(element: etree._Element) -> str:
    ns = next((a.get("ns") for a in (element, *element.iterancestors()) if a.get("ns") is not None), "")
    return f"{{{ns}}}{element.get('name')}" if ns else str(element.get("name"))


def _start_names(grammar: etree._Element) -> set[str]:
    """Element names the start pattern reaches without entering an element: never chunks."""
    defines = {d.get("name"): d for d in grammar.iter(_rng("define"))}
    names: set[str] = set()
    seen: set[str] = set()

    def walk(node: etree._Element) -> None:
        for c in _patterns(node):
            if c.tag == _rng("element"):
                names.add(_clark(c))
            elif c.tag == _rng("ref") and c.get("name") not in seen and c.get("name") in defines:
                seen.add(c.get("name"))
                walk(defines[c.get("name")])
            else:
                walk(c)

    for start in grammar.iter(_rng("start")):
        walk(start)
    return names


def _reaches_element(node: etree._Element, defines: dict[str, list[etree._Element]], seen: set[str]) -> bool:
    """The content of ``node`` can hold a child element (emptying it would save nothing otherwise)."""
    for c in _patterns(node):
        if c.tag == _rng("element"):
            return True
        if c.tag == _rng("ref"):
            name = str(c.get("name"))
            if name not in seen:
                seen.add(name)
                if any(_reaches_element(d, defines, seen) for d in defines.get(name, [])):
                    return True
        elif _reaches_element(c, defines, seen):
            return True
    return False


def _chunk_patterns(grammar: etree._Element) -> dict[str, etree._Element] | None:
    """Element name → its only pattern, for names whose pattern alone fills a define and may hold
    elements (None: the grammar has non-local features, nothing can be judged alone)."""
    patterns: dict[str, list[etree._Element]] = {}
    for el in grammar.iter():
        if el.tag in _NONLOCAL and el is not grammar:
            return None
        if el.tag == _rng("data") and el.get("type") in _NONLOCAL_TYPES:
            return None
        if el.tag == _rng("element"):
            name = el.get("name")
            if name is None or ":" in name:
                return None
            patterns.setdefault(_clark(el), []).append(el)
    defines: dict[str, list[etree._Element]] = {}
    for d in grammar.iter(_rng("define")):
        defines.setdefault(str(d.get("name")), []).append(d)
    starts = _start_names(grammar)
    chunks = {}
    for name, found in patterns.items():
        (pattern, *others) = found
        parent = pattern.getparent()
        if (not others and name not in starts and parent is not None and parent.tag == _rng("define")
                and len(defines[str(parent.get("name"))]) == 1 and _patterns(parent) == [pattern]
                and _reaches_element(pattern, defines, set())):
            chunks[name] = pattern
    return chunks


def _inherited(element: etree._Element, attribute: str) -> str | None:
    return next((a.get(attribute) for a in (element, *element.iterancestors()) if a.get(attribute) is not None), None)


@dataclass
class Chunking:
    """The grammar cut for piecewise checking: the names checked on their own, the grammar with
    their patterns empty (for the root), and per name the grammar whose start is that name's full
    pattern, inside the emptied grammar (compiled when first needed)."""

    patterns: dict[str, etree._Element]
    emptied: etree._Element
    root: etree.RelaxNG
    _chunks: dict[str, etree.RelaxNG] = field(default_factory=dict)

    @property
    def tags(self) -> list[str]:
        return sorted(self.patterns)

    def chunk(self, tag: str) -> etree.RelaxNG:
        if tag not in self._chunks:
            grammar = copy.deepcopy(self.emptied)
            pattern = copy.deepcopy(self.patterns[tag])
            for attribute in ("ns", "datatypeLibrary"):  # as the pattern had them where it was
                value = _inherited(self.patterns[tag], attribute)
                if value is not None:
                    pattern.set(attribute, value)
            taken = {d.get("name") for d in grammar.iter(_rng("define"))}
            name = next(n for n in (f"edition.stream.{i}" for i in range(len(taken) + 1)) if n not in taken)
            etree.SubElement(grammar, _rng("define"), name=name).append(pattern)
            for start in grammar.findall(_rng("start")):
                grammar.remove(start)
            etree.SubElement(etree.SubElement(grammar, _rng("start")), _rng("ref"), name=name)
            self._chunks[tag] = etree.RelaxNG(etree.ElementTree(grammar))
        return self._chunks[tag]


@cache
def chunking(path: Path) -> Chunking | None:
    """How the grammar at ``path`` can be checked piecewise (None: it cannot)."""
    grammar = xmlio.parse(path).getroot()
    chunks = _chunk_patterns(grammar) if grammar.tag == _rng("grammar") else None
    if not chunks or len(grammar.findall(_rng("start"))) != 1:
        return None
    emptied = copy.deepcopy(grammar)
    for pattern in (_chunk_patterns(emptied) or {}).values():  # same names: the copy is alike
        for child in list(pattern):
            pattern.remove(child)
        etree.SubElement(pattern, _rng("empty"))
    try:
        return Chunking(chunks, emptied, etree.RelaxNG(etree.ElementTree(emptied)))
    except etree.RelaxNGParseError:
        return None


def plain(path: Path) -> bool:
    """A regular file whose prolog, read as bytes, shows no DOCTYPE (so no entity can be declared)."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            head = handle.read(_PROLOG_LIMIT)
    except OSError:
        return False
    return _PLAIN_PROLOG.match(head) is not None


def check(path: Path, rules: Chunking, grammar: bool) -> bool:
    """True when ``path`` is a plain UTF-8 XML 1.0 file that the safe parser reads without error
    and, with ``grammar``, that is valid: Saxon may then read the file itself, and whole-tree
    validation would report nothing. False means: read and validate it whole."""
    if not plain(path):
        return False
    ids: set[str] = set()
    try:
        events = etree.iterparse(str(path), events=("end",), tag=rules.tags, resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False, remove_blank_text=False)
        for _, element in events:  # each after the elements it holds: those are stubs by now
            if grammar and not rules.chunk(element.tag)(element):
                return False
            if not _new_ids(element, ids):
                return False  # libxml2 would refuse a repeated xml:id; emptied elements forget theirs
            element.clear(keep_tail=True)
        root = events.root
    except (etree.XMLSyntaxError, OSError):
        return False
    tree = root.getroottree()
    info = tree.docinfo
    if (info.encoding or "").upper() != "UTF-8" or info.xml_version != "1.0" or info.doctype or info.internalDTD is not None:
        return False
    return _new_ids(root, ids) and (not grammar or rules.root(tree))


_IDS = etree.XPath("descendant-or-self::*/@xml:id")


def _new_ids(element: etree._Element, seen: set[str]) -> bool:
    """Add the xml:id values in ``element`` to ``seen``; False if one was there already."""
    for value in _IDS(element):
        key = " ".join(str(value).split())
        if key in seen:
            return False
        seen.add(key)
    return True
