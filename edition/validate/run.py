"""Validate files: RELAX NG and Schematron in one pass per file, with the edition as context."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from .. import xmlio
from ..paths import SCHEMA
from ..xslt import to_xdm
from . import relaxng, schematron
from .locate import Locator
from .problems import Problem

PROJECT_SCH = SCHEMA / "edition.sch"


@dataclass
class Source:
    """A file as read: its name for messages, its tree (None if unreadable) and raw bytes."""

    path: Path
    tree: etree._ElementTree | None
    data: bytes
    problem: Problem | None = None


def edition_files(edition_dir: Path) -> list[Path]:
    """The TEI documents of the edition in ``edition_dir``: edition.xml, essays, register."""
    tei = Path(edition_dir) / "tei"
    main = [tei / "edition.xml"] if (tei / "edition.xml").is_file() else []
    return main + sorted((tei / "essays").glob("*.xml")) + sorted((tei / "register").glob("*.xml"))


def edition_root(path: Path) -> Path | None:
    """The edition directory ``path`` belongs to: a folder whose ``tei/`` holds it and has a
    register (``tei/register/persons.xml``) or holds it in ``tei/essays/``."""
    full = path.resolve()
    for tei in full.parents:
        if tei.name != "tei":
            continue
        if (tei / "register" / "persons.xml").is_file() or full.parent == tei / "essays":
            return tei.parent
    return None


def read(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Source(path, None, b"", Problem(str(path), 0, 0, "error", f"cannot read file: {exc.strerror or exc}", "io"))
    try:
        return Source(path, xmlio.parse_bytes(data, str(path)), data)
    except xmlio.XmlInputError as exc:
        return Source(path, None, data, Problem(str(path), exc.line, exc.column, "error", exc.message, "xml"))


def validate_files(paths: list[Path], schema: str | None = None) -> list[Problem]:
    """Problems of ``paths``: the project's RELAX NG + Schematron, or only the RELAX NG ``schema``
    (``"tei_all"`` or a path to a .rng). Never raises for bad input; raises
    :class:`relaxng.SchemaError` when ``schema`` itself is unusable."""
    grammar = relaxng.load(relaxng.schema_path(schema))
    sources = {p.resolve(): read(p) for p in map(Path, paths)}
    contexts: dict[Path, PyXdmNode | None] = {}
    problems: list[Problem] = []
    for source in sources.values():
        if source.problem is not None or source.tree is None:
            problems.append(source.problem)  # type: ignore[arg-type]
            continue
        found = _grammar_problems(grammar, source)
        if schema is None:
            rules = _rule_problems(source, sources, contexts)
            # A bad date value is reported once, by the Schematron rule that names the ISO forms.
            dates = {(p.line, p.column) for p in rules if p.rule == "date-iso"}
            found = [p for p in found if not ((p.line, p.column) in dates and "expected a date" in p.message)] + rules
        problems += sorted(found, key=lambda p: (p.line, p.column))
    return problems


def _grammar_problems(grammar: relaxng.Schema, source: Source) -> list[Problem]:
    assert source.tree is not None
    locator = Locator(source.tree, source.data)
    problems = []
    for v in relaxng.validate(grammar, source.tree):
        line, column = locator.element(v.element) if v.element is not None else (v.line, 1)
        problems.append(Problem(str(source.path), line, column, "error", v.message, "relaxng"))
    return problems


def _rule_problems(source: Source, sources: dict[Path, Source], contexts: dict[Path, PyXdmNode | None]) -> list[Problem]:
    assert source.tree is not None
    root = edition_root(source.path)
    if root is None:
        name, edition = source.path.name, None
    else:
        name = source.path.resolve().relative_to(root.resolve() / "tei").as_posix()
        if root not in contexts:
            contexts[root] = _edition_context(root, sources)
        edition = contexts[root]
    locator = Locator(source.tree, source.data)
    problems = []
    for f in schematron.run(PROJECT_SCH, to_xdm(source.tree), name, edition):
        line, column = locator.element(locator.child_path(f.path))
        problems.append(Problem(str(source.path), line, column, "error" if f.severity == "error" else "warning", f.message, f.rule))
    return problems


def _edition_context(root: Path, sources: dict[Path, Source]) -> PyXdmNode:
    """All readable documents of the edition, keyed by their path under ``tei/``."""
    tei = root.resolve() / "tei"
    trees = {}
    for path in edition_files(root):
        full = path.resolve()
        source = sources.get(full) or read(path)
        if source.tree is not None:
            trees[full.relative_to(tei).as_posix()] = source.tree
    return schematron.edition_document(trees)
