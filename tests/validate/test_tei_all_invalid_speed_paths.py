"""Invalid documents against tei_all (and the project grammar): the fast paths (the grammar
restricted to the document's names for the verdict, its hollow form with unneeded choice branches
taken out for the report) say what the whole grammar says, for every kind of error."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from edition import xmlio
from edition.paths import ROOT, TEI_ALL
from edition.validate import relaxng
from edition.validate.grammar import RNG
from edition.validate.locate import element_path

CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.xml"))
BUNDLED = sorted((ROOT / "editions" / "russische-revolution" / "texts").glob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"


def _tei(name: str) -> str:
    return f"{{{TEI}}}{name}"


def _first(tree: etree._ElementTree, *names: str) -> etree._Element:
    found = next(tree.iter(*map(_tei, names)), None)
    assert found is not None, names
    return found


def _unknown(tree: etree._ElementTree) -> None:
    etree.SubElement(_first(tree, "p", "l"), _tei("nonesuch"))


def _misplaced(tree: etree._ElementTree) -> None:
    _first(tree, "p", "l").append(etree.Element(_tei("teiHeader")))


def _bad_value(tree: etree._ElementTree) -> None:
    etree.SubElement(_first(tree, "p", "l"), _tei("date"), when="yesterday")


def _missing_attribute(tree: etree._ElementTree) -> None:
    etree.SubElement(_first(tree, "p", "l"), _tei("specGrpRef"))  # @target is required


def _text_not_allowed(tree: etree._ElementTree) -> None:
    _first(tree, "teiHeader").text = "stray words"


def _missing_content(tree: etree._ElementTree) -> None:
    title_stmt = _first(tree, "titleStmt")  # holds one title at least
    for child in list(title_stmt):
        title_stmt.remove(child)


def _wrong_order(tree: etree._ElementTree) -> None:
    file_desc = _first(tree, "fileDesc")
    file_desc.append(_first(tree, "titleStmt"))  # titleStmt comes first


#: How each document is broken, and what the report must then name.
KINDS: dict[str, tuple[Callable[[etree._ElementTree], None], str]] = {
    "unknown element": (_unknown, "element <nonesuch> not allowed in <"),
    "element in the wrong place": (_misplaced, "element <teiHeader> not allowed in <"),
    "bad attribute value": (_bad_value, '<date> @when="yesterday" is invalid; expected a date'),
    "missing required attribute": (_missing_attribute, "<specGrpRef> lacks required attribute @target"),
    "text where none is allowed": (_text_not_allowed, "text not allowed in <teiHeader>"),
    "required content missing": (_missing_content, "<titleStmt> is incomplete"),
    "wrong order": (_wrong_order, "in <fileDesc>"),
}


def _log(validator: etree.RelaxNG) -> list[tuple[str, str | None, int, str]]:
    return [(e.type_name, e.path, e.line, e.message) for e in validator.error_log]


def _said(violations: list[relaxng.Violation]) -> list[tuple[tuple[int, ...] | None, int, str]]:
    return [(element_path(v.element) if v.element is not None else None, v.line, v.message) for v in violations]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("path", CORPUS + BUNDLED, ids=lambda p: p.name)
def test_invalid_document_is_reported_as_the_whole_grammar_reports_it(path: Path, kind: str,
                                                                      tei_all: etree.RelaxNG) -> None:
    schema = relaxng.load(TEI_ALL)
    tree = xmlio.parse(path)
    valid_before = tei_all.validate(tree)
    broken = copy.deepcopy(tree)
    breaking, named = KINDS[kind]
    breaking(broken)
    assert not tei_all.validate(broken)
    whole = _log(tei_all)
    assert relaxng.is_valid(schema, broken) is False
    hollow = schema.for_vocabulary(*relaxng.vocabulary(broken), hollow=True)
    assert not hollow.validate(broken)
    assert _log(hollow) == whole
    reported = relaxng.validate(schema, broken)
    assert _said(reported) == _said(relaxng.report(schema, broken, tei_all))
    if valid_before:  # else an earlier error may keep libxml2 from looking where this one is
        assert any(named in v.message for v in reported), [v.message for v in reported]


def _grammar(body: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(f'<grammar xmlns="{RNG}"><start>{body}</start></grammar>'))


def _rng(tag: str) -> str:
    return f"{{{RNG}}}{tag}"


def test_choice_branches_the_document_cannot_need_are_taken_out() -> None:
    tree = _grammar('<element name="a"><zeroOrMore><choice>'
                    '<element name="b"><empty/></element>'
                    '<element name="c"><text/></element>'
                    '<group><element name="f"><empty/></element><element name="g"><empty/></element></group>'
                    '<group><element name="b"><empty/></element><element name="d"><empty/></element></group>'
                    '<optional><element name="e"><empty/></element></optional>'
                    '<text/>'
                    '</choice></zeroOrMore></element>')
    hollow = relaxng._restrict(tree, frozenset({"a", "b"}), frozenset(), hollow=True)
    choice = next(hollow.iter(_rng("choice")))
    kept = [etree.QName(c).localname + (f":{c.get('name')}" if c.get("name") else "") for c in choice]
    # c stands for itself and the group of f and g; the group holding b stays, the option needs nothing
    assert kept == ["element:b", "element:c", "group", "optional", "text"]
    assert len(next(tree.iter(_rng("choice")))) == 6  # the grammar itself is untouched
    whole, reporting = etree.RelaxNG(tree), etree.RelaxNG(hollow)
    for document in ("<a><b/>text<b/></a>", "<a><b/><x/></a>", "<a><b>no</b></a>", "<a><d/></a>", "<a><b/><f/></a>"):
        doc = etree.ElementTree(etree.fromstring(document))
        assert whole.validate(doc) == reporting.validate(doc), document
        assert _log(whole) == _log(reporting), document


def test_a_grammar_that_includes_others_keeps_its_choices(tmp_path: Path) -> None:
    (tmp_path / "part.rng").write_text(f'<grammar xmlns="{RNG}"><define name="x"><element name="x"><empty/>'
                                       '</element></define></grammar>')
    main = tmp_path / "main.rng"
    main.write_text(f'<grammar xmlns="{RNG}"><include href="part.rng"/><start><element name="a"><choice>'
                    '<ref name="x"/><element name="c"><empty/></element><empty/></choice></element></start></grammar>')
    tree = etree.parse(str(main))
    hollow = relaxng._restrict(tree, frozenset({"a"}), frozenset(), hollow=True)
    assert len(next(hollow.iter(_rng("choice")))) == 3


PROJECT_TEXTS = sorted((ROOT / "tests" / "fixtures" / "sample-edition" / "tei").rglob("*.xml")) + BUNDLED


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("path", PROJECT_TEXTS, ids=lambda p: p.name)
def test_the_project_grammar_reports_as_its_whole(path: Path, kind: str) -> None:
    """The project's grammar validates much by trying branches in order, where libxml2 names the
    element it expected first: the reporting restriction names the same."""
    schema = relaxng.load(relaxng.PROJECT_RNG)
    broken = xmlio.parse(path)
    KINDS[kind][0](broken)
    assert not schema.validator.validate(broken)
    whole = _log(schema.validator)
    hollow = schema.for_vocabulary(*relaxng.vocabulary(broken), hollow=True)
    assert not hollow.validate(broken)
    assert _log(hollow) == whole
    assert _said(relaxng.validate(schema, broken)) == _said(relaxng.report(schema, broken, schema.validator))
