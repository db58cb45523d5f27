"""What a RELAX NG grammar allows where: children, attributes, attribute values.

libxml2 reports RELAX NG violations as "Element p failed to validate attributes" or "Did not
expect element foo there". To say what was *expected* (as jing does), the grammar itself is read:
for each element name, the child elements, text and attributes its patterns allow, and a check of
one attribute value against its pattern. Works on any grammar without includes (ours, tei_all).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_DATATYPES = {
    "date": "a date YYYY-MM-DD",
    "gYearMonth": "a month YYYY-MM",
    "gYear": "a year YYYY",
    "ID": "an XML name (unique in the document)",
    "anyURI": "a URI",
    "positiveInteger": "a positive integer",
    "language": "a language code (BCP 47)",
}
_OPTIONAL = {f"{{{RNG}}}{n}" for n in ("optional", "zeroOrMore", "choice")}


@dataclass
class ElementModel:
    children: set[str] = field(default_factory=set)
    text: bool = False
    attributes: dict[str, list[etree._Element]] = field(default_factory=dict)
    required: set[str] | None = None  # attributes every pattern of this element requires


def _name(pattern: etree._Element) -> str:
    name = pattern.get("name")
    if name is None:
        name_el = pattern.find(f"{{{RNG}}}name")
        return name_el.text.strip() if name_el is not None and name_el.text else "*"
    return name.split(":")[-1] if pattern.tag == f"{{{RNG}}}element" else name


class Grammar:
    """The models of a grammar's elements, each read when first asked for: a message names a few
    elements, while reading all of tei_all's would take a quarter of a second per call."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self.defines: dict[str, list[etree._Element]] = {}
        for d in tree.iter(f"{{{RNG}}}define"):
            self.defines.setdefault(d.get("name"), []).append(d)
        self.patterns: dict[str, list[etree._Element]] = {}
        for el in tree.iter(f"{{{RNG}}}element"):
            self.patterns.setdefault(_name(el), []).append(el)
        self.models: dict[str, ElementModel] = {}

    def _read(self, patterns: list[etree._Element]) -> ElementModel:
        """What the element patterns of one name allow together (required: what all of them require)."""
        model = ElementModel()
        for el in patterns:
            required: set[str] = set()
            content = [c for c in el if isinstance(c.tag, str) and c.tag != f"{{{RNG}}}name"]
            for c in content:
                self._walk(c, model, required, optional=False, seen=set())
            model.required = required if model.required is None else model.required & required
        return model

    def _walk(self, node: etree._Element, model: ElementModel, required: set[str], optional: bool, seen: set[str]) -> None:
        tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if tag == "element":
            model.children.add(_name(node))
        elif tag == "attribute":
            name = _name(node)
            model.attributes.setdefault(name, []).append(node)
            if not optional:
                required.add(name)
        elif tag in ("text", "mixed"):
            model.text = True
        if tag == "ref" and node.get("name") not in seen:
            seen.add(node.get("name"))
            for d in self.defines.get(node.get("name"), []):
                for c in d:
                    if isinstance(c.tag, str):
                        self._walk(c, model, required, optional, seen)
        elif tag in ("group", "choice", "optional", "zeroOrMore", "oneOrMore", "interleave", "mixed", "list"):
            for c in node:
                if isinstance(c.tag, str):
                    self._walk(c, model, required, optional or node.tag in _OPTIONAL, seen)

    def model(self, name: str) -> ElementModel | None:
        if name not in self.models and name in self.patterns:
            self.models[name] = self._read(self.patterns[name])
        return self.models.get(name)

    # ---- attribute values ----

    def value_ok(self, pattern: etree._Element, value: str) -> bool:
        tag = etree.QName(pattern).localname
        kids = _patterns(pattern)
        if tag == "attribute":
            return not kids or self.value_ok(kids[0], value)
        if tag == "value":
            expected = pattern.text or ""
            return value == expected if pattern.get("type") == "string" else value.split() == expected.split()
        if tag == "data":
            return _data_ok(etree.tostring(pattern, with_tail=False), _library(pattern), value)
        if tag == "empty":
            return value == ""
        if tag == "ref":
            return any(self.value_ok(c, value) for d in self.defines.get(pattern.get("name"), []) for c in _patterns(d))
        if tag == "choice":
            return any(self.value_ok(c, value) for c in kids)
        if tag == "list":
            inner = kids[0] if len(kids) == 1 else None
            item = inner[0] if inner is not None and etree.QName(inner).localname in ("oneOrMore", "zeroOrMore") else inner
            return item is None or all(self.value_ok(item, tok) for tok in value.split())
        if tag in ("group", "optional", "oneOrMore", "zeroOrMore") and len(kids) == 1:
            return self.value_ok(kids[0], value)
        return True  # text, and anything too complex to judge: do not accuse

    def describe(self, pattern: etree._Element) -> list[str]:
        tag = etree.QName(pattern).localname
        kids = _patterns(pattern)
        if tag == "value":
            return [f'"{pattern.text or ""}"']
        if tag == "data":
            regex = pattern.find(f"{{{RNG}}}param[@name='pattern']")
            what = _DATATYPES.get(pattern.get("type", ""), f"a {pattern.get('type')}")
            return [f"{what} matching {regex.text}" if regex is not None else what]
        if tag == "text":
            return ["any text"]
        if tag == "ref":
            return [s for d in self.defines.get(pattern.get("name"), []) for c in _patterns(d) for s in self.describe(c)]
        return [s for c in kids for s in self.describe(c)]


def _patterns(node: etree._Element) -> list[etree._Element]:
    """Child patterns of ``node``: RELAX NG elements other than name classes, params and annotations."""
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")
            and etree.QName(c).localname not in ("name", "param", "except")]


def _library(node: etree._Element) -> str:
    for anc in node.iterancestors():
        if anc.get("datatypeLibrary") is not None:
            return anc.get("datatypeLibrary")
    return node.get("datatypeLibrary", "")


@cache
def _data_validator(data_xml: bytes, library: str) -> etree.RelaxNG:
    data = etree.fromstring(data_xml)
    for exc in data.findall(f"{{{RNG}}}except"):
        data.remove(exc)
    data.set("datatypeLibrary", data.get("datatypeLibrary", library))
    element = etree.Element(f"{{{RNG}}}element", name="v")
    element.append(data)
    return etree.RelaxNG(etree.ElementTree(element))


def _data_ok(data_xml: bytes, library: str, value: str) -> bool:
    v = etree.Element("v")
    v.text = value
    return _data_validator(data_xml, library).validate(v)


def attribute_name(key: str) -> str:
    """lxml attribute key → the name as written (xml:id, rend)."""
    q = etree.QName(key)
    return f"xml:{q.localname}" if q.namespace == XML_NS else q.localname
