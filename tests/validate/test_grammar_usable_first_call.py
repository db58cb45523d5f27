"""Whether a grammar compiles is found without compiling its content models to automata (the first
call with tei_all), and it is the whole grammar's answer: every rule libxml2 checks still fails."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from edition import xmlio
from edition.paths import TEI_ALL
from edition.validate import relaxng
from edition.validate.grammar import RNG


def _rng(tag: str, **attributes: str) -> etree._Element:
    return etree.Element(f"{{{RNG}}}{tag}", **attributes)


def _add(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    child = _rng(tag, **attributes)
    parent.append(child)
    return child


def _undefined_reference(el: etree._Element) -> None:
    _add(el, "ref", name="nonesuch.defined")


def _unknown_datatype(el: etree._Element) -> None:
    _add(el, "data", type="notAType")


def _attribute_twice(el: etree._Element) -> None:
    _add(_add(el, "attribute", name="scheme"), "text")  # <gi> has @scheme already


def _element_in_list(el: etree._Element) -> None:
    _add(_add(_add(el, "list"), "element", name="x"), "empty")


def _attribute_in_attribute(el: etree._Element) -> None:
    _add(_add(_add(el, "attribute", name="outer"), "attribute", name="inner"), "text")


def _text_interleaved_twice(el: etree._Element) -> None:
    interleave = _add(el, "interleave")
    _add(interleave, "text")
    _add(interleave, "text")


def _empty_choice(el: etree._Element) -> None:
    _add(el, "choice")


def _repeated_group_with_attribute(el: etree._Element) -> None:
    group = _add(_add(el, "oneOrMore"), "group")
    _add(_add(group, "attribute", name="each"), "text")
    _add(_add(group, "element", name="part"), "empty")


BREAKS: dict[str, Callable[[etree._Element], None]] = {
    "undefined reference": _undefined_reference,
    "unknown datatype": _unknown_datatype,
    "attribute twice in a group": _attribute_twice,
    "element in a list": _element_in_list,
    "attribute in an attribute": _attribute_in_attribute,
    "text twice in an interleave": _text_interleaved_twice,
    "empty choice": _empty_choice,
    "repeated group with an attribute": _repeated_group_with_attribute,
}


@pytest.fixture(scope="module")
def tei_all_tree() -> etree._ElementTree:
    return xmlio.parse(TEI_ALL)


@pytest.mark.parametrize("kind", BREAKS)
def test_a_broken_grammar_fails_with_the_whole_grammars_error(kind: str, tei_all_tree: etree._ElementTree,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    broken = copy.deepcopy(tei_all_tree)
    # Deep inside the grammar, in an element no document of the tests uses.
    BREAKS[kind](next(e for e in broken.iter(f"{{{RNG}}}element") if e.get("name") == "gi"))
    path = tmp_path / "broken.rng"
    broken.write(str(path))
    with pytest.raises(etree.RelaxNGParseError) as whole:
        etree.RelaxNG(etree.parse(str(path)))
    with pytest.raises(relaxng.SchemaError) as ours:
        relaxng.load.__wrapped__(path)
    assert str(ours.value) == f"{path}: not a usable RELAX NG schema: {whole.value}"
    assert not (tmp_path / "cache").exists()


def test_tei_all_is_found_usable_without_compiling_it_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    schema = relaxng.load.__wrapped__(TEI_ALL)
    assert "validator" not in vars(schema)  # the whole grammar was not compiled
    assert [p.name for p in (tmp_path / "cache" / "relaxng").iterdir()] == [f"{schema.key}.usable"]


def test_element_contents_are_interleaved_with_empty() -> None:
    tree = etree.ElementTree(etree.fromstring(
        f'<grammar xmlns="{RNG}"><start><element name="a"><attribute name="n"/><element><anyName/><text/></element>'
        '</element></start></grammar>'))
    changed = relaxng._without_automata(tree)
    a = next(changed.iter(f"{{{RNG}}}element"))
    assert [etree.QName(c).localname for c in a] == ["interleave"]
    assert [etree.QName(c).localname for c in a[0]] == ["group", "empty"]
    assert [etree.QName(c).localname for c in a[0][0]] == ["attribute", "element"]
    wildcard = a[0][0][1]
    assert [etree.QName(c).localname for c in wildcard] == ["anyName", "interleave"]  # the name class stays first
    validator = etree.RelaxNG(changed)
    assert validator.validate(etree.ElementTree(etree.fromstring('<a n="1"><b>x</b></a>')))
    assert not validator.validate(etree.ElementTree(etree.fromstring("<a><b/></a>")))
