"""Piecewise checking of large documents: it says valid exactly when whole-tree validation finds
nothing, and the streaming locator finds the same start tags as the text does."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from lxml import etree

from edition import xmlio
from edition.validate import locate, relaxng, stream
from validate_support import FIXTURES, SAMPLE

GRAMMAR = relaxng.load(relaxng.PROJECT_RNG)
ESSAY = next(SAMPLE.rglob("sample.xml"))
XML_ID = f"{{{xmlio.XML_NS}}}id"


def pieces() -> stream.Chunking:
    rules = stream.chunking(relaxng.PROJECT_RNG)
    assert rules is not None and f"{{{xmlio.TEI_NS}}}div" in rules.tags
    return rules


def whole_tree_valid(path: Path) -> bool:
    try:
        return not relaxng.validate(GRAMMAR, xmlio.parse(path))
    except xmlio.XmlInputError:
        return False


def mutations(count: int) -> list[bytes]:
    """The sample essay with elements dropped, doubled, renamed, attributes changed, ids repeated."""
    rnd = random.Random(10)
    base = xmlio.parse(ESSAY)
    found = []
    for _ in range(count):
        tree = copy.deepcopy(base)
        elements = [e for e in tree.iter() if isinstance(e.tag, str)][1:]
        for _ in range(rnd.randint(1, 3)):
            el = rnd.choice(elements)
            parent = el.getparent()
            op = rnd.randrange(5)
            if op == 0:
                parent.remove(el)
            elif op == 1:
                parent.insert(parent.index(el), copy.deepcopy(el))
            elif op == 2:
                el.tag = rnd.choice(elements).tag
            elif op == 3:
                el.set(rnd.choice(["n", "type", "when", XML_ID]), rnd.choice(["1", "x", "sample-a", "1917-13-01", ""]))
            else:
                el.text = rnd.choice(["", "text", None])
        found.append(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    return found


def test_piecewise_agrees_with_whole_tree(tmp_path: Path) -> None:
    rules = pieces()
    verdicts = set()
    for i, data in enumerate(mutations(150)):
        path = tmp_path / f"m{i}.xml"
        path.write_bytes(data)
        piecewise, whole = stream.check(path, rules, grammar=True), whole_tree_valid(path)
        assert piecewise == whole, path
        verdicts.add(whole)
    assert verdicts == {True, False}  # both kinds were tried


def test_every_fixture_agrees(tmp_path: Path) -> None:
    rules = pieces()
    for path in FIXTURES.rglob("*.xml"):
        if stream.check(path, rules, grammar=True):
            assert whole_tree_valid(path), path


def test_an_id_repeated_in_emptied_elements_is_not_valid(tmp_path: Path) -> None:
    text = ESSAY.read_text(encoding="utf-8").replace('<div type="section">', '<div type="section" xml:id="sample-twice">')
    assert text.count("sample-twice") > 1
    path = tmp_path / "sample.xml"
    path.write_text(text, encoding="utf-8")
    assert not stream.check(path, pieces(), grammar=True)
    assert not whole_tree_valid(path)


@pytest.mark.parametrize("prolog", ['<!DOCTYPE TEI SYSTEM "x.dtd">\n', '<?xml version="1.0" encoding="ISO-8859-1"?>\n'])
def test_doctype_or_other_encoding_is_left_to_the_whole_tree(tmp_path: Path, prolog: str) -> None:
    text = ESSAY.read_text(encoding="utf-8").split("?>", 1)[1]
    path = tmp_path / "sample.xml"
    path.write_bytes((prolog + text).encode("latin-1", errors="replace") if "8859" in prolog else (prolog + text).encode())
    assert not stream.check(path, pieces(), grammar=True)


def test_locator_finds_each_start_tag_across_read_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ('<?xml version="1.0"?>\n<!-- <not> a tag -->\n<a x=">" y=\'/>\'>\n  <b/><c\n    z="1"><![CDATA[<d>]]><d/></c>'
            '<?pi <e>?>\n  <b>t</b>\n</a>\n').encode()
    expected = {(1,): (3, 1), (1, 1): (4, 3), (1, 2): (4, 7), (1, 2, 1): (5, 26), (1, 3): (6, 3)}
    tree = etree.fromstring(data).getroottree()
    assert {locate.element_path(el) for el in tree.iter()} == set(expected)
    for size in (1, 2, 7, 1 << 20):
        monkeypatch.setattr(locate, "_READ", size)
        assert locate.Locator(data, "UTF-8").positions(expected) == expected
