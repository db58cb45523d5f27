"""A closer stands at its section's end: a date line or signature with text after it is written as a paragraph."""

from __future__ import annotations

from lxml import etree

from edition.importer.blocks import Block
from edition.importer.structure import Div
from edition.importer.writer import Context, _div
from edition.xmlio import NS


def written(kinds: list[str]) -> list[str]:
    blocks = [Block(kind, []) for kind in kinds]
    inline = {id(b): [f"text {n}"] for n, b in enumerate(blocks)}
    parent = etree.Element(f"{{{NS['tei']}}}body")
    _div(parent, Div("chapter", blocks), inline, Context("probe", {}, {}), "s1")
    return [etree.QName(c).localname for c in parent[0]]


def test_a_closer_with_text_after_it_is_a_paragraph() -> None:
    assert written(["head", "p", "dateline", "signed", "p"]) == ["head", "p", "p", "p", "p"]


def test_a_closer_at_the_end_stays_one() -> None:
    assert written(["head", "p", "dateline", "signed"]) == ["head", "p", "closer"]
    assert written(["p", "signed"]) == ["p", "closer"]
