"""RELAX NG validation with messages that say what was expected where."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..cache import cache_dir
from ..paths import SCHEMA, TEI_ALL
from .grammar import RNG, Grammar, attribute_name

PROJECT_RNG = SCHEMA / "edition.rng"

# libxml2 reports these as consequences of an earlier, more precise error in the same parent.
_CASCADE = {"RELAXNG_ERR_NOELEM", "RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_INTEREXTRA", "RELAXNG_ERR_NOGRAMMAR"}


class SchemaError(Exception):
    """The requested RELAX NG schema cannot be found or compiled (a usage error)."""


@dataclass(frozen=True)
class Violation:
    element: etree._Element | None
    line: int
    message: str


@dataclass(eq=False)
class Schema:
    """A grammar, compiled only as far as needed.

    libxml2 compiles a grammar in time growing with its patterns (tei_all: ~570 elements, 5 s),
    while a document uses a few dozen names. A pattern naming nothing in the document can match
    nothing in it, so the grammar restricted to the document's names accepts it exactly when the
    whole grammar does; so does the grammar restricted to any more names, such as those of all the
    edition's documents, compiled once for all of them (an edition's 116 element names: 0.024 s,
    as much as one text's). Validity is decided with every other pattern made ``notAllowed``
    (milliseconds). An invalid document is reported from the grammar with every other pattern
    kept but emptied, and taken out of the choices it cannot be needed in (milliseconds too): the
    structure libxml2 explains errors by stays that of the whole grammar, and so do its messages.
    """

    path: Path
    tree: etree._ElementTree
    restricted: dict[tuple[frozenset[str], frozenset[str], bool], etree.RelaxNG] = field(default_factory=dict)

    @cached_property
    def validator(self) -> etree.RelaxNG:
        return _compile(self.path, self.tree)

    @cached_property
    def grammar(self) -> Grammar:
        return Grammar(self.tree)

    @cached_property
    def key(self) -> str:
        return hashlib.sha256(etree.tostring(self.tree, method="c14n")).hexdigest()

    def for_vocabulary(self, elements: frozenset[str], attributes: frozenset[str], hollow: bool = False) -> etree.RelaxNG:
        """The grammar restricted to these local names (``hollow``: emptied, else ``notAllowed``),
        compiled once per process and vocabulary."""
        key = (elements, attributes, hollow)
        if key not in self.restricted:
            if len(self.restricted) >= _RESTRICTED_KEPT:
                self.restricted.pop(next(iter(self.restricted)))
            self.restricted[key] = _compile(self.path, _restrict(self.tree, elements, attributes, hollow))
        return self.restricted[key]


def schema_path(schema: str | None) -> Path:
    if schema is None:
        return PROJECT_RNG
    if schema == "tei_all":
        if not TEI_ALL.is_file():
            raise SchemaError(f"tei_all: {TEI_ALL} not found (it ships with the toolkit: reinstall tei-edition)")
        return TEI_ALL
    return Path(schema)


_RESTRICTED_KEPT = 32
_ELEMENT, _ATTRIBUTE = f"{{{RNG}}}element", f"{{{RNG}}}attribute"
_DEFINE, _REF, _CHOICE = f"{{{RNG}}}define", f"{{{RNG}}}ref", f"{{{RNG}}}choice"
_EVERY_PART = {f"{{{RNG}}}{n}" for n in ("define", "group", "oneOrMore")}
_MAYBE, _EMPTY = {f"{{{RNG}}}optional", f"{{{RNG}}}zeroOrMore"}, f"{{{RNG}}}empty"
_SCOPES = [f"{{{RNG}}}{n}" for n in ("include", "externalRef", "parentRef", "grammar")]
_WILDCARDS = {f"{{{RNG}}}anyName", f"{{{RNG}}}nsName"}


@cache
def load(path: Path) -> Schema:
    """Read the grammar at ``path`` once per process; :class:`SchemaError` if it is not a usable grammar.

    Whether the whole grammar compiles is found once per grammar (by its hash, see :func:`_check`)
    and recorded in the cache folder, so later calls do not compile it to learn it.
    """
    if not path.is_file():
        raise SchemaError(f"schema {path}: no such file")
    try:
        tree = xmlio.parse(path)
    except xmlio.XmlInputError as exc:
        raise SchemaError(str(exc)) from None
    schema = Schema(path, tree)
    verdict = cache_dir("relaxng") / f"{schema.key}.usable"
    if not verdict.is_file():
        _check(schema)
        _record(verdict)
    return schema


def _check(schema: Schema) -> None:
    """:class:`SchemaError` unless the whole grammar compiles.

    Compiled with each element's content put in an interleave with ``empty``: the same patterns,
    checked by the same rules, but no content model that libxml2 compiles to an automaton and
    checks for determinism (no rule of the language: a model that is not deterministic is
    validated without one). tei_all: 0.05 s instead of 8 s. If that fails, the grammar as it is
    says why."""
    try:
        _compile(schema.path, _without_automata(schema.tree))
    except SchemaError:
        schema.validator  # the whole grammar's own error (or, should it compile after all, usable)


def _without_automata(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of the grammar whose element contents are each ``interleave(group(content), empty)``."""
    changed = copy.deepcopy(tree)
    for pattern in list(changed.iter(_ELEMENT)):
        parts = [c for c in pattern if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]
        content = parts if pattern.get("name") is not None else parts[1:]  # else the first is the name class
        interleave = etree.SubElement(pattern, f"{{{RNG}}}interleave")
        group = etree.SubElement(interleave, f"{{{RNG}}}group")
        group.extend(content)
        etree.SubElement(interleave, f"{{{RNG}}}empty")
    return changed


def _record(verdict: Path) -> None:
    try:
        verdict.parent.mkdir(parents=True, exist_ok=True)
        verdict.touch()
    except OSError:
        pass  # an unwritable cache only costs time


def _compile(path: Path, tree: etree._ElementTree) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"{path}: not a usable RELAX NG schema: {exc}") from None


def _pattern_names(pattern: etree._Element) -> set[str] | None:
    """The local names an element or attribute pattern can match; None for a wildcard (any name)."""
    name = pattern.get("name")
    if name is not None:
        return {name.split(":")[-1]}
    names: set[str] = set()
    name_class = next((c for c in pattern if isinstance(c.tag, str)), None)
    for node in name_class.iter() if name_class is not None else ():
        if node.tag in _WILDCARDS:
            return None
        if node.tag == f"{{{RNG}}}name" and node.text:
            names.add(node.text.strip().split(":")[-1])
    return names


def _restrict(tree: etree._ElementTree, elements: frozenset[str], attributes: frozenset[str],
              hollow: bool) -> etree._ElementTree:
    """A copy of the grammar in which each pattern naming none of these local names is ``notAllowed``
    or (``hollow``) keeps its name but holds nothing (elements: empty, attributes: text).

    Local names, not namespaced ones: a pattern kept without need only costs compile time."""
    restricted = copy.deepcopy(tree)
    for pattern in list(restricted.iter(_ELEMENT, _ATTRIBUTE)):
        names = _pattern_names(pattern)
        vocabulary = elements if pattern.tag == _ELEMENT else attributes
        parent = pattern.getparent()
        if names is None or parent is None or names & vocabulary:
            continue
        if hollow:
            name_class = [] if pattern.get("name") is not None else [c for c in pattern if isinstance(c.tag, str)][:1]
            for child in [c for c in pattern if not any(c is n for n in name_class)]:
                pattern.remove(child)
            etree.SubElement(pattern, f"{{{RNG}}}empty" if pattern.tag == _ELEMENT else f"{{{RNG}}}text")
        else:
            blocked = etree.Element(f"{{{RNG}}}notAllowed")
            blocked.tail = pattern.tail
            parent.replace(pattern, blocked)
    if hollow:
        _drop_unmatchable(restricted, elements)
    return restricted


def _drop_unmatchable(tree: etree._ElementTree, elements: frozenset[str]) -> None:
    """Take out of each choice the branches made only of elements named outside ``elements`` (one
    of them needed at least), of groups, repetitions and references; the first such branch leaves
    its first element in its place.

    libxml2 checks each content model it compiles to an automaton for determinism, in time growing
    with the square of its transitions: with hollow patterns kept, most TEI content is a choice of
    some 250 elements (a second per call). Such a branch only adds transitions on names the
    document lacks, none of them needed to get past the choice; it holds nothing (text, attributes,
    data, interleave) that decides how libxml2 validates the rest, nor a name the document has, so
    the document meets the same states and errors without it. Where content ends too early,
    libxml2 says which element it expected, trying the branches in order: the first one kept says
    the same. Grammars that nest scopes (include, externalRef, parentRef, nested grammar) are left whole."""
    if next(tree.getroot().iterdescendants(*_SCOPES), None) is not None:
        return
    defines: dict[str, list[etree._Element]] = {}
    for define in tree.iter(_DEFINE):
        defines.setdefault(define.get("name"), []).append(define)
    known: dict[etree._Element, tuple[bool, bool]] = {}  # holding the proxies keeps each node's key unique

    def absent(node: etree._Element) -> tuple[bool, bool]:
        if node not in known:
            known[node] = (False, False)  # references cycle only through elements, which end the recursion
            known[node] = _absent(node, elements, defines, absent)
        return known[node]

    for choice in list(tree.iter(_CHOICE)):
        branches = [b for b in choice if isinstance(b.tag, str)]
        removable = [b for b in branches if all(absent(b))]
        if not removable or len(removable) == len(branches):
            continue
        first, at = _first_element(removable[0], defines), choice.index(removable[0])
        for branch in removable:
            choice.remove(branch)
        if first is not None:
            choice.insert(at, first)


def _first_element(node: etree._Element, defines: dict[str, list[etree._Element]]) -> etree._Element | None:
    """A copy of the element pattern libxml2 tries first in ``node`` (its namespace made explicit:
    the copy goes elsewhere), or None if there is none."""
    while node.tag != _ELEMENT:
        if node.tag == _REF:
            found = defines.get(node.get("name"), [])
            if not found:
                return None
            node = found[0]
        kids = [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]
        if not kids:
            return None
        node = kids[0]
    found = copy.deepcopy(node)
    ns = next((a.get("ns") for a in (node, *node.iterancestors()) if a.get("ns") is not None), None)
    if ns is not None:
        found.set("ns", ns)
    found.tail = None
    return found


def _absent(node: etree._Element, elements: frozenset[str], defines: dict[str, list[etree._Element]],
            recurse: Callable[[etree._Element], tuple[bool, bool]]) -> tuple[bool, bool]:
    """Whether ``node`` is made only of elements named outside ``elements`` (and of structure around
    them), and whether it needs one of them to match."""
    if node.tag == _ELEMENT:
        name = node.get("name")
        outside = name is not None and name.split(":")[-1] not in elements
        return outside, outside
    parts = [recurse(c) for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]
    only = all(o for o, _ in parts)
    if node.tag == _REF:
        found = defines.get(node.get("name"), [])
        combined = [recurse(d) for d in found]
        by_choice = any(d.get("combine") == "choice" for d in found)
        needs = [n for _, n in combined]
        return bool(found) and all(o for o, _ in combined), bool(found) and (all(needs) if by_choice else any(needs))
    if node.tag == _CHOICE:
        return only, bool(parts) and all(n for _, n in parts)
    if node.tag in _EVERY_PART:
        return only, any(n for _, n in parts)
    if node.tag in _MAYBE:
        return only, False
    return node.tag == _EMPTY, False


def vocabulary(tree: etree._ElementTree) -> tuple[frozenset[str], frozenset[str]]:
    """The local names of the elements and of the attributes of a document."""
    tags: set[str] = set()
    keys: set[str] = set()
    for el in tree.iter(etree.Element):
        tags.add(el.tag)
        keys.update(el.attrib)
    return local_names(tags), local_names(keys)


def local_names(names: set[str]) -> frozenset[str]:
    """The local names of element or attribute names in Clark notation (``{ns}name``)."""
    return frozenset(name.rpartition("}")[2] for name in names)


def is_valid(schema: Schema, tree: etree._ElementTree, names: tuple[frozenset[str], frozenset[str]] | None = None) -> bool:
    """Whether ``tree`` is valid against ``schema``, decided on the grammar restricted to its names
    and ``names`` (the names of the other documents checked: one restriction serves them all)."""
    elements, attributes = vocabulary(tree)
    if names is not None:
        elements, attributes = elements | names[0], attributes | names[1]
    try:
        return schema.for_vocabulary(elements, attributes).validate(tree)
    except SchemaError:
        return schema.validator.validate(tree)  # the whole grammar decides (and raises if unusable)


def _reporting(schema: Schema, tree: etree._ElementTree) -> etree.RelaxNG:
    """The validator whose error log explains an invalid ``tree``: the hollow restriction, else the whole grammar."""
    try:
        return schema.for_vocabulary(*vocabulary(tree), hollow=True)
    except SchemaError:
        return schema.validator


def validate(schema: Schema, tree: etree._ElementTree,
             names: tuple[frozenset[str], frozenset[str]] | None = None) -> list[Violation]:
    """The violations of ``tree``; ``names`` as :func:`is_valid` takes them (an invalid document is
    explained from the restriction to its own names, whose messages are those of the whole grammar)."""
    if is_valid(schema, tree, names):
        return []
    return report(schema, tree, _reporting(schema, tree))


def report(schema: Schema, tree: etree._ElementTree, validator: etree.RelaxNG) -> list[Violation]:
    """The violations of ``tree`` as ``validator`` (compiled from ``schema`` or a restriction of it)
    finds them, said with what ``schema`` expects where."""
    if validator.validate(tree):
        return []
    found: list[tuple[str, etree._Element | None, int, str]] = []
    # libxml2 writes prefixed steps (/ns0:TEI/…) where the document binds a prefix.
    namespaces = {k: v for el in tree.iter() if isinstance(el.tag, str) for k, v in el.nsmap.items() if k}
    for entry in validator.error_log:
        element = _element(tree, entry.path, namespaces)
        for message in _explain(schema.grammar, entry.type_name, element, entry.message):
            found.append((entry.type_name, element, entry.line, message))
    # Every element holding a precise (non-cascade) error, and all its ancestors.
    primary = {a for kind, el, _, _ in found if kind not in _CASCADE and el is not None for a in (el, *el.iterancestors())}
    result: list[Violation] = []
    seen: set[tuple[int, str]] = set()
    for kind, element, line, message in found:
        if kind in _CASCADE and element is not None and _explained(element, primary):
            continue
        key = (id(element) if element is not None else line, message)
        if key not in seen:
            seen.add(key)
            result.append(Violation(element, line, message))
    return result


def _element(tree: etree._ElementTree, path: str | None, namespaces: dict[str, str]) -> etree._Element | None:
    if not path:
        return None
    try:
        hits = tree.xpath(path, namespaces=namespaces)
    except etree.XPathError:
        return None
    return hits[0] if hits and isinstance(hits[0], etree._Element) else None


def _explained(element: etree._Element, primary: set[etree._Element]) -> bool:
    """A more precise error sits inside the parent of ``element`` (or inside ``element``)."""
    scope = element.getparent() if element.getparent() is not None else element
    return scope in primary


def _tag(el: etree._Element) -> str:
    return f"<{etree.QName(el).localname}>"


def _names(names: set[str], limit: int = 15) -> str:
    shown = sorted(names)
    text = ", ".join(f"<{n}>" for n in shown[:limit]) or "nothing"
    return text + (f", … ({len(shown)} in all)" if len(shown) > limit else "")


def _explain(grammar: Grammar, kind: str, el: etree._Element | None, raw: str) -> list[str]:
    if el is None:
        return [raw]
    name = etree.QName(el).localname
    model = grammar.model(name)
    parent = el.getparent()
    parent_model = grammar.model(etree.QName(parent).localname) if parent is not None else None
    if kind in ("RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_INVALIDATTR") and model is not None:
        return _attribute_problems(grammar, el) or [f"attributes of {_tag(el)} do not match the schema; allowed: {_attributes(model.attributes)}"]
    if kind in ("RELAXNG_ERR_ELEMWRONG", "RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_ELEMNAME", "RELAXNG_ERR_INTEREXTRA") and parent is not None:
        where = f"in {_tag(parent)}"
        if parent_model is None:
            return [f"element {_tag(el)} not allowed here {where}"]
        if name in parent_model.children:
            return [f"element {_tag(el)} not allowed at this position {where} (wrong order or too many); {_tag(parent)} contains {_names(parent_model.children)}"]
        return [f"element {_tag(el)} not allowed {where}; expected {_names(parent_model.children)}"]
    if kind == "RELAXNG_ERR_TEXTWRONG" and model is not None:
        return [f"text not allowed in {_tag(el)}; expected only elements: {_names(model.children)}"]
    if kind in ("RELAXNG_ERR_NOELEM", "RELAXNG_ERR_CONTENTVALID") and model is not None:
        return [f"{_tag(el)} is incomplete or its content is out of order; it contains {_names(model.children)}{' and text' if model.text else ''}"]
    if kind in ("RELAXNG_ERR_DATATYPE", "RELAXNG_ERR_VALUE", "RELAXNG_ERR_LIST", "RELAXNG_ERR_DATAELEM"):
        text = (el.text or "").strip()
        return [f"{_tag(el)} must not be empty" if not text and len(el) == 0 else f"text of {_tag(el)} is not a valid value: \"{text[:60]}\""]
    if kind == "RELAXNG_ERR_NOTEMPTY":
        return [f"{_tag(el)} must be empty"]
    return [f"{_tag(el)}: {raw}"]


def _attributes(names: dict[str, list[etree._Element]], limit: int = 15) -> str:
    shown = sorted(names)
    text = ", ".join(f"@{a}" for a in shown[:limit]) or "no attributes"
    return text + (f", … ({len(shown)} in all)" if len(shown) > limit else "")


def _attribute_problems(grammar: Grammar, el: etree._Element) -> list[str]:
    model = grammar.model(etree.QName(el).localname)
    assert model is not None
    problems = []
    present = {attribute_name(k): v for k, v in el.attrib.items()}
    for name, value in present.items():
        patterns = model.attributes.get(name)
        if patterns is None:
            problems.append(f"attribute @{name} not allowed on {_tag(el)}; allowed: {_attributes(model.attributes)}")
        elif not any(grammar.value_ok(p, value) for p in patterns):
            options = list(dict.fromkeys(s for p in patterns for s in grammar.describe(p)))
            expected = ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else (options or ["?"])[0]
            problems.append(f"{_tag(el)} @{name}=\"{value}\" is invalid; expected {expected}")
    for name in sorted((model.required or set()) - present.keys()):
        problems.append(f"{_tag(el)} lacks required attribute @{name}")
    return problems
