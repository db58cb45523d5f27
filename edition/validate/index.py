"""What the cross-document rules need to know of an edition, as an index instead of its documents.

The rules of ``edition.sch`` and ``general.sch`` ask of the other documents only: which of them
hold an xml:id, which persons the register holds, which register references the other essays
make, and which documents there are. Each document's answer is a small :class:`Summary` (a pure
function of its bytes, so it is cached by their hash); the index of an edition is made from the
summaries, and each document is checked with the part of it that its own ids and references ask
about (``$index``, a JSON object the rules read with ``parse-json``). So checking one document
costs the same in an edition of ten texts and of a thousand, and no document's tree is held while
another is checked.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..cache import read_json, write_json
from .relaxng import local_names

TEI = f"{{{xmlio.TEI_NS}}}"
XML_ID = f"{{{xmlio.XML_NS}}}id"
#: The attributes whose pointers general.sch resolves (its pattern "pointers").
POINTERS = ("target", "ref", "corresp", "sameAs", "who", "wit", "resp", "source", "hand", "next", "prev", "synch",
            "copyOf", "calendar", "datingMethod")
_POINTER_SET = frozenset(POINTERS)
_REMOTE = re.compile(r"^[^:/#\s]+\.xml#.+$")
#: Bump when what a summary holds changes: older cached summaries are then not read.
VERSION = "2"


@dataclass(frozen=True)
class Summary:
    """One document, as far as the other documents' rules look at it."""

    essay: bool  #: a tei:TEI root whose xml:id is not "edition" or "register" (edition.sch's essays)
    register_strict: bool  #: /TEI/text/body/listPerson (edition.sch's register)
    register_general: bool  #: a tei:TEI root with a listPerson/person (general.sch's register)
    ids: tuple[str, ...]  #: every xml:id
    persons: tuple[str, ...]  #: the xml:id of every tei:person
    person_refs: tuple[str, ...]  #: every persName/@ref as written
    refs: tuple[str, ...]  #: every @ref as written
    remote: tuple[tuple[str, str], ...]  #: pointers into other texts (file.xml#id) as (file.xml, id)
    elements: tuple[str, ...]  #: the local names of its elements (for the grammar check: Index.vocabulary)
    attributes: tuple[str, ...]  #: and of its attributes


def summarize(tree: etree._ElementTree) -> Summary:
    """One pass over the document's elements (0.4 ms per 10 kB of TEI: a cold build summarizes every text before any is checked)."""
    root = tree.getroot()
    tei_root = root.tag == f"{TEI}TEI"
    ids: dict[str, None] = {}
    persons: dict[str, None] = {}
    person_refs: dict[str, None] = {}
    refs: dict[str, None] = {}
    remote: dict[tuple[str, str], None] = {}
    tags: set[str] = set()
    keys: set[str] = set()
    person, pers_name = f"{TEI}person", f"{TEI}persName"
    for el in root.iter(etree.Element):
        tags.add(el.tag)
        attrib = el.attrib
        if not attrib:
            continue
        keys.update(attrib)
        if (value := attrib.get(XML_ID)) is not None:
            ids[value] = None
            if el.tag == person:
                persons[value] = None
        if (ref := attrib.get("ref")) is not None:
            refs[ref] = None
            if el.tag == pers_name:
                person_refs[ref] = None
        if _POINTER_SET.isdisjoint(attrib):
            continue
        for name in POINTERS:  # in this order, so the summary is the same bytes in every run
            value = attrib.get(name)
            if value is not None and ".xml#" in value:
                for token in value.split():
                    if _REMOTE.match(token):
                        file, _, fragment = token.partition("#")
                        remote[(file, fragment)] = None
    body = root.find(f"{TEI}text/{TEI}body")
    return Summary(
        essay=tei_root and root.get(XML_ID) not in ("edition", "register"),
        register_strict=tei_root and body is not None and body.find(f"{TEI}listPerson") is not None,
        register_general=tei_root and root.find(f".//{TEI}listPerson/{TEI}person") is not None,
        ids=tuple(ids), persons=tuple(persons), person_refs=tuple(person_refs), refs=tuple(refs),
        remote=tuple(remote),
        elements=tuple(sorted(local_names(tags))), attributes=tuple(sorted(local_names(keys))),
    )


def summary_of(path: Path) -> Summary | None:
    """The summary of the file at ``path``, from the cache when its bytes were summarized before;
    None when it cannot be read as XML (the validator reports it; the others' rules leave it out)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    key = hashlib.sha256(VERSION.encode() + data).hexdigest()
    if (cached := read_json("summaries", key)) is not None:
        try:
            return _from_json(cached)
        except (KeyError, TypeError, ValueError):
            pass  # an entry not of this form: made again
    try:
        summary = summarize(xmlio.parse_bytes(data, str(path)))
    except xmlio.XmlInputError:
        return None
    write_json("summaries", key, asdict(summary))
    return summary


def _from_json(data: dict) -> Summary:
    return Summary(data["essay"], data["register_strict"], data["register_general"], tuple(data["ids"]),
                   tuple(data["persons"]), tuple(data["person_refs"]), tuple(data["refs"]),
                   tuple((f, i) for f, i in data["remote"]), tuple(data["elements"]), tuple(data["attributes"]))


@dataclass
class Index:
    """The summaries of an edition's readable documents, by their name in the rules (texts/a.xml)."""

    summaries: dict[str, Summary]

    def __post_init__(self) -> None:
        self.holders: dict[str, list[str]] = {}  # xml:id → the documents holding it, sorted
        self.mentions: dict[str, list[str]] = {}  # persName/@ref → the essays making it, sorted
        self.persons = {"strict": set[str](), "general": set[str]()}
        for name in sorted(self.summaries):
            s = self.summaries[name]
            for value in s.ids:
                self.holders.setdefault(value, []).append(name)
            if s.essay:
                for ref in s.person_refs:
                    self.mentions.setdefault(ref, []).append(name)
            if s.register_strict:
                self.persons["strict"].update(s.persons)
            if s.register_general:
                self.persons["general"].update(s.persons)
        self.essays = sorted(n for n, s in self.summaries.items() if s.essay)
        self.registers = {kind: any(getattr(s, f"register_{kind}") for s in self.summaries.values())
                          for kind in ("strict", "general")}

    @cached_property  # asked once per document checked: made once, not once per document (quadratic)
    def vocabulary(self) -> tuple[frozenset[str], frozenset[str]]:
        """The local names of the elements and attributes of all documents: the grammar restricted
        to them decides each document's validity as the whole grammar does (any superset of a
        document's names does, see relaxng.Schema), and it is compiled once per process, not once per text."""
        return (frozenset(n for s in self.summaries.values() for n in s.elements),
                frozenset(n for s in self.summaries.values() for n in s.attributes))

    def context(self, name: str, register_prefix: str) -> str:
        """The ``$index`` of the document ``name``: the answers to what its ids and references ask."""
        s = self.summaries.get(name)
        if s is None:
            return "{}"
        folder = name.rpartition("/")[0] + "/" if "/" in name else ""
        start = f"{register_prefix}:"
        asked_ids = [*s.ids, *(fragment for _, fragment in s.remote)]
        asked_persons = {token[len(start):] for ref in s.refs for token in ref.split() if token.startswith(start)}
        asked_persons |= {ref[len(start):] for ref in s.person_refs if ref.startswith(start)}  # edition.sch: the whole @ref
        asked_refs = [f"{start}{pid}" for pid in s.persons]
        data = {
            "names": sorted({folder + f for f, _ in s.remote} & self.summaries.keys()),
            "ids": {i: self.holders[i] for i in sorted(set(asked_ids)) if i in self.holders},
            "registers": self.registers,
            "persons": {kind: {p: True for p in sorted(asked_persons & found)} for kind, found in self.persons.items()},
            "essays": len(self.essays) > (name in self.summaries and s.essay),
            "mentioned": {r: others for r in sorted(set(asked_refs)) if (others := [e for e in self.mentions.get(r, []) if e != name])},
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
