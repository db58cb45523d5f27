"""Validate files: RELAX NG and Schematron in one pass per file, with the edition as context."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from saxonche import PyXdmMap, PyXdmNode

from .. import xmlio
from ..paths import SCHEMA
from ..xslt import XsltError, to_xdm
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
    documents = Documents(sources)
    problems: list[Problem] = []
    for source in sources.values():
        if source.problem is not None or source.tree is None:
            problems.append(source.problem)  # type: ignore[arg-type]
            continue
        locator = Locator(source.tree, source.data)
        found = _grammar_problems(grammar, source, locator)
        if schema is None:
            rules = _rule_problems(source, documents, locator)
            # A bad date value is reported once, by the Schematron rule that names the ISO forms.
            dates = {(p.line, p.column) for p in rules if p.rule == "date-iso"}
            found = [p for p in found if not ((p.line, p.column) in dates and "expected a date" in p.message)] + rules
        problems += sorted(found, key=lambda p: (p.line, p.column))
    return problems


class Documents:
    """Saxon trees of the edition's documents, each built once and shared: the document being
    validated is the same node as its entry in ``$edition`` (a large essay is held once)."""

    def __init__(self, sources: dict[Path, Source]) -> None:
        self.sources = sources
        self.nodes: dict[Path, PyXdmNode | None] = {}
        self.editions: dict[Path, PyXdmMap] = {}

    def node(self, path: Path) -> PyXdmNode | None:
        full = path.resolve()
        if full not in self.nodes:
            source = self.sources.get(full) or read(path)
            self.nodes[full] = to_xdm(source.tree) if source.tree is not None else None
        return self.nodes[full]

    def edition(self, root: Path) -> PyXdmMap:
        """All readable documents of the edition at ``root``, keyed by their path under ``tei/``."""
        if root not in self.editions:
            tei = root.resolve() / "tei"
            nodes = {path.resolve().relative_to(tei).as_posix(): self.node(path) for path in edition_files(root)}
            self.editions[root] = schematron.edition_map({name: n for name, n in nodes.items() if n is not None})
        return self.editions[root]


def _grammar_problems(grammar: relaxng.Schema, source: Source, locator: Locator) -> list[Problem]:
    assert source.tree is not None
    problems = []
    for v in relaxng.validate(grammar, source.tree):
        line, column = locator.element(v.element) if v.element is not None else (v.line, 1)
        problems.append(Problem(str(source.path), line, column, "error", v.message, "relaxng"))
    return problems


def _rule_problems(source: Source, documents: Documents, locator: Locator) -> list[Problem]:
    assert source.tree is not None
    root = edition_root(source.path)
    name = source.path.name if root is None else source.path.resolve().relative_to(root.resolve() / "tei").as_posix()
    try:
        edition = documents.edition(root) if root is not None else None
        node = documents.node(source.path)
        assert node is not None  # the source was read: it has a tree
        findings = schematron.run(PROJECT_SCH, node, name, edition)
    except XsltError as exc:
        # The rules could not be checked on this file: say so at its root element, and go on.
        line, column = locator.element(source.tree.getroot())
        return [Problem(str(source.path), line, column, "error", f"the encoding rules could not be checked: {_first_line(exc)}", "rules")]
    problems = []
    for f in findings:
        line, column = locator.element(locator.child_path(f.path))
        problems.append(Problem(str(source.path), line, column, "error" if f.severity == "error" else "warning", f.message, f.rule))
    return problems


def _first_line(exc: Exception) -> str:
    """Saxon's message without the stylesheet path and the stack it appends."""
    text = str(exc).split(": ", 1)[-1].strip()
    return " ".join(text.splitlines()[0].split()) if text else "unknown error"
