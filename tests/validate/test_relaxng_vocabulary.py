"""The grammar restricted to a document's names decides validity exactly as the whole grammar does,
and its hollow form reports an invalid document with the whole grammar's messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition import xmlio
from edition.paths import ROOT, TEI_ALL
from edition.validate import relaxng

CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.xml"))
BUNDLED = sorted((ROOT / "editions" / "russische-revolution").glob("*/*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"


def _broken(tree: etree._ElementTree, how: str) -> etree._ElementTree:
    """A copy of ``tree`` made invalid: an unknown element, a misplaced known one, a bad attribute."""
    broken = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    p = next(broken.iter(f"{{{TEI}}}p", f"{{{TEI}}}l"), broken.getroot())
    if how == "unknown":
        etree.SubElement(p, f"{{{TEI}}}nonesuch")
    elif how == "misplaced":
        p.append(etree.fromstring(f'<teiHeader xmlns="{TEI}"/>'))
    else:
        p.set("nonesuch", "1")
    return broken


def _log(validator: etree.RelaxNG) -> list[tuple[str, str | None, str]]:
    return [(e.type_name, e.path, e.message) for e in validator.error_log]


@pytest.mark.parametrize("path", CORPUS + BUNDLED, ids=lambda p: p.name)
def test_restricted_verdict_is_the_whole_grammars(path: Path, tei_all: etree.RelaxNG) -> None:
    schema = relaxng.load(TEI_ALL)
    tree = xmlio.parse(path)
    valid = tei_all.validate(tree)
    assert relaxng.is_valid(schema, tree) == valid
    if not valid:
        hollow = schema.for_vocabulary(*relaxng.vocabulary(tree), hollow=True)
        expected = _log(tei_all)
        assert not hollow.validate(tree) and _log(hollow) == expected
    for how in ("unknown", "misplaced", "attribute"):
        broken = _broken(tree, how)
        assert not tei_all.validate(broken)
        assert relaxng.is_valid(schema, broken) is False, how
        hollow = schema.for_vocabulary(*relaxng.vocabulary(broken), hollow=True)
        assert not hollow.validate(broken)
        assert _log(hollow) == _log(tei_all), how
        messages = " ".join(v.message for v in relaxng.validate(schema, broken))
        # The whole grammar reports an invalid document, so the message names what was broken.
        assert not valid or {"unknown": "<nonesuch>", "misplaced": "<teiHeader>", "attribute": "@nonesuch"}[how] in messages


def test_unusable_part_outside_the_vocabulary_still_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    rng = tmp_path / "broken.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a"><choice><empty/>'
                   '<element name="b"><ref name="undefined"/></element></choice></element></start></grammar>')
    with pytest.raises(relaxng.SchemaError, match="not a usable RELAX NG schema"):
        relaxng.load(rng)
    assert not (tmp_path / "cache").exists()  # nothing recorded for a grammar that does not compile


def test_a_usable_grammar_is_compiled_once_then_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    rng = tmp_path / "ok.rng"
    rng.write_text('<element name="a" xmlns="http://relaxng.org/ns/structure/1.0"><optional><element name="b">'
                   '<empty/></element></optional></element>')
    schema = relaxng.load(rng)
    assert [p.name for p in (tmp_path / "cache" / "relaxng").iterdir()] == [f"{schema.key}.usable"]
    assert relaxng.is_valid(schema, etree.ElementTree(etree.fromstring("<a/>")))
    assert not relaxng.is_valid(schema, etree.ElementTree(etree.fromstring("<a><c/></a>")))


def _union(trees: list[etree._ElementTree]) -> tuple[frozenset[str], frozenset[str]]:
    names = [relaxng.vocabulary(t) for t in trees]
    return frozenset().union(*(e for e, _ in names)), frozenset().union(*(a for _, a in names))


def test_restricted_to_all_documents_names_decides_and_reports_as_the_whole_grammar(tei_all: etree.RelaxNG) -> None:
    """One restriction for the names of every document (the edition's, Index.vocabulary) gives each
    document the whole grammar's verdict; an invalid one is still explained from its own names."""
    schema = relaxng.load(TEI_ALL)
    trees = [xmlio.parse(p) for p in CORPUS + BUNDLED]
    names = _union(trees)
    for path, tree in zip(CORPUS + BUNDLED, trees):
        assert relaxng.is_valid(schema, tree, names) == tei_all.validate(tree), path.name
        for how in ("unknown", "misplaced", "attribute"):
            broken = _broken(tree, how)
            assert relaxng.is_valid(schema, broken, names) is False, (path.name, how)
            assert [(v.line, v.message) for v in relaxng.validate(schema, broken, names)] == \
                [(v.line, v.message) for v in relaxng.validate(schema, broken)], (path.name, how)


def test_an_editions_checks_share_one_restricted_grammar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from edition.validate.run import checks

    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    edition = ROOT / "editions" / "russische-revolution"
    todo = checks(sorted(edition.glob("*/*.xml")))  # the project's grammar and rules, as the build checks
    expected = _union([xmlio.parse(c.path) for c in todo])
    assert len(todo) == 3 and all(c.names == todo[0].names for c in todo)
    assert todo[0].names[0] >= expected[0] and todo[0].names[1] >= expected[1]  # (and the edition document's)
    schema = relaxng.load(relaxng.schema_path(None))
    before = len(schema.restricted)
    for check in todo:
        check.run()
    assert len(schema.restricted) - before <= 1  # one restriction for all its documents
