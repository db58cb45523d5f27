"""Validate files: RELAX NG and Schematron in one pass per file, with the edition as context.

One file at a time, in stages, so that a large file's structures never coexist: the grammar is
checked first (piecewise when it can be, see :mod:`.stream`, else on the whole lxml tree, which is
then dropped), then the rules on Saxon's tree, and only then are the problems' lines and columns
looked up in the text. The other documents of the edition reach the rules as an index of small
summaries (:mod:`.index`), never as trees: each file is checked on its own, in any process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from .. import xmlio
from ..cache import digest, installed_version, read_json, write_json
from ..config import FILE_NAME
from ..core import find_edition_dir, read_edition
from ..paths import SCHEMA, XSLT
from ..xslt import XsltError, parse_file, to_xdm
from . import relaxng, schematron, stream
from .index import Index, summary_of
from .locate import ElementPath, Locator, element_path, schematron_path
from .problems import Problem, Severity

PROJECT_SCH = SCHEMA / "edition.sch"


@dataclass
class Source:
    """A file read whole: its name for messages, its tree (None if unreadable) and raw bytes."""

    path: Path
    tree: etree._ElementTree | None
    data: bytes
    problem: Problem | None = None


def edition_files(edition_dir: Path) -> list[Path]:
    """The TEI documents of the edition in ``edition_dir``: its texts and its register."""
    return read_edition(edition_dir).sources


def edition_root(path: Path) -> Path | None:
    """The edition folder ``path`` belongs to (the nearest one upwards with an edition.toml)."""
    return find_edition_dir(path)


def read(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Source(path, None, b"", Problem(str(path), 0, 0, "error", f"cannot read file: {exc.strerror or exc}", "io"))
    try:
        return Source(path, xmlio.parse_bytes(data, str(path)), data)
    except xmlio.XmlInputError as exc:
        return Source(path, None, data, Problem(str(path), exc.line, exc.column, "error", exc.message, "xml"))


@dataclass(frozen=True)
class Finding:
    """A problem before its start tag is looked up: the element's path, or where to say it otherwise."""

    path: ElementPath | None
    fallback: tuple[int, int]
    severity: Severity
    message: str
    rule: str


def validate_files(paths: list[Path], schema: str | None = None, rules: Path | None = None,
                   register_prefix: str = "psn") -> list[Problem]:
    """Problems of ``paths``: the project's RELAX NG + Schematron (``schema`` None), or the RELAX NG
    ``schema`` (``"tei_all"`` or a path to a .rng) with the Schematron ``rules`` if given. Never
    raises for bad input; raises :class:`relaxng.SchemaError` when ``schema`` itself is unusable."""
    problems: list[Problem] = []
    for check in checks(paths, schema, rules, register_prefix):
        found = check.recorded()
        problems += found if found is not None else check.run()
    return problems


@dataclass(frozen=True)
class Check:
    """The validation of one file, with everything it depends on (picklable: it runs on any worker)."""

    path: Path
    schema: str | None
    rules: Path | None
    register_prefix: str
    context: str | None  #: the file's ``$index`` (:meth:`Index.context`), None outside an edition
    key: str  #: :func:`validation_key`
    names: tuple[frozenset[str], frozenset[str]] | None = None  #: the edition's :attr:`Index.vocabulary`

    def recorded(self) -> list[Problem] | None:
        """The problems recorded for this key by an earlier check, or None."""
        return cached_problems(self.key)

    def run(self) -> list[Problem]:
        """Check the file and record its problems."""
        return validate_file(self.path, self.schema, self.rules, self.register_prefix, self.context, self.key, self.names)


def checks(paths: list[Path], schema: str | None = None, rules: Path | None = None,
           register_prefix: str = "psn") -> list[Check]:
    """The checks of ``paths`` (each file once), as :func:`validate_files` runs them."""
    rules = PROJECT_SCH if schema is None else rules
    files = list({p.resolve(): p for p in map(Path, paths)}.values())
    indexes: dict[Path, Index] = {}
    found: list[Check] = []
    for path in files:
        context = names = None
        root = edition_root(path)
        if rules is not None and root is not None:
            if root not in indexes:
                indexes[root] = edition_index(root)
            context = indexes[root].context(rule_name(root, path), register_prefix)
            names = indexes[root].vocabulary
        found.append(Check(path, schema, rules, register_prefix, context,
                           validation_key(path, schema, rules, register_prefix, context), names))
    return found


def edition_index(root: Path) -> Index:
    """The index of the edition at ``root``: a summary of each of its readable documents."""
    summaries = {rule_name(root, p): s for p in edition_files(root) if (s := summary_of(p)) is not None}
    return Index(summaries)


def validate_file(path: Path, schema: str | None, rules: Path | None, register_prefix: str,
                  context: str | None, key: str | None = None,
                  names: tuple[frozenset[str], frozenset[str]] | None = None) -> list[Problem]:
    """The problems of one file, in the order of their place in it; ``context`` is its ``$index``
    (:meth:`Index.context`), None outside an edition. A pure function of the file's bytes, the
    schemas, the validator's code and ``context``, so it runs on any worker and is recorded in the
    cache under ``key`` (:func:`validation_key`) when given. ``names`` (element and attribute
    names the grammar is restricted to besides the file's own: :attr:`Index.vocabulary`) change
    no verdict, only how often the restricted grammar is compiled."""
    grammar_path = relaxng.schema_path(schema)
    problems = _check(path, relaxng.load(grammar_path), stream.chunking(grammar_path), rules, register_prefix, context, names)
    if key is not None:
        write_json("validation", key, [asdict(p) for p in problems])
    return problems


def validation_key(path: Path, schema: str | None, rules: Path | None, register_prefix: str, context: str | None) -> str:
    """The hash of everything the problems of ``path`` depend on: its name and bytes, the grammar,
    the rules, the validator's code and engines, the register prefix and the file's ``$index``."""
    try:
        data = path.read_bytes()
    except OSError:
        data = b"\0unreadable"  # an unreadable file is checked (and reported) every time
    grammar = relaxng.schema_path(schema)
    parts = [_code_key(), str(path), data, _file_hash(grammar), _file_hash(rules) if rules else "", register_prefix, context or ""]
    return digest(*parts)


def cached_problems(key: str) -> list[Problem] | None:
    """The problems recorded under ``key``, or None."""
    found = read_json("validation", key)
    try:
        return None if found is None else [Problem(**p) for p in found]
    except TypeError:
        return None  # an entry not of this form: checked again


@cache
def _code_key() -> str:
    """The validator's own code, stylesheets and engines (once per process)."""
    code = sorted([*Path(__file__).parent.glob("*.py"), Path(xmlio.__file__), *(XSLT / "schematron").rglob("*.xsl")])
    versions = [f"{name}=={installed_version(name)}" for name in ("lxml", "saxonche", "tei-edition")]
    return digest(*versions, *(f"{p.name}:{_file_hash(p)}" for p in code))


def _file_hash(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "absent"
    return _hash_of(path.resolve(), stat.st_mtime_ns, stat.st_size)


@cache
def _hash_of(path: Path, mtime_ns: int, size: int) -> str:
    """A file's hash, once per process while its time and size stay (tei_all: 1 MB for each file checked)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "absent"


def _check(path: Path, grammar: relaxng.Schema, pieces: stream.Chunking | None, rules: Path | None,
           register_prefix: str, context: str | None, names: tuple[frozenset[str], frozenset[str]] | None) -> list[Problem]:
    node: PyXdmNode | XsltError | None = None
    alone = rules is not None and edition_root(path) is None
    if pieces is not None and stream.check(path, pieces, grammar=True):
        found: list[Finding] = _unchecked_references(xmlio.parse(path), register_prefix) if alone else []
        locator = Locator(path, "UTF-8")
        if rules:
            node = _saxon(lambda: parse_file(path))
    else:
        source = read(path)
        if source.tree is None:
            assert source.problem is not None
            return [source.problem]
        tree = source.tree
        found = _grammar_problems(grammar, tree, names) + (_unchecked_references(tree, register_prefix) if alone else [])
        locator = Locator(source.data, tree.docinfo.encoding)
        if rules:
            node = _saxon(lambda: to_xdm(tree))
        del source, tree  # the whole tree goes before the rules run on Saxon's
    if rules:
        checked = _rule_problems(path, node, rules, register_prefix, context)
        # A bad date value is reported once, by the Schematron rule that names the ISO forms.
        dates = {f.path for f in checked if f.rule == "date-iso"}
        found = [f for f in found if not (f.path in dates and "expected a date" in f.message)] + checked
    places = locator.positions(f.path for f in found if f.path is not None)
    located = []
    for f in found:
        line, column = places.get(f.path, f.fallback) if f.path is not None else f.fallback
        located.append(Problem(str(path), line, column, f.severity, f.message, f.rule))
    return sorted(located, key=lambda p: (p.line, p.column))


def _saxon(build: Callable[[], PyXdmNode]) -> PyXdmNode | XsltError:
    """Saxon's tree, or the error that kept Saxon from building it (reported as a rules failure)."""
    try:
        return build()
    except XsltError as exc:
        return exc


def _unchecked_references(tree: etree._ElementTree, register_prefix: str) -> list[Finding]:
    """Outside an edition there is no register to look references up in: one warning, at the first."""
    start = f"{register_prefix}:"
    refs = [el for el in tree.iter(etree.Element) if any(t.startswith(start) for t in (el.get("ref") or "").split())]
    if not refs:
        return []
    return [Finding(element_path(refs[0]), (refs[0].sourceline or 1, 1), "warning",
                    f"register references could not be checked ({len(refs)} element(s) with @ref=\"{start}…\"):"
                    f" the file belongs to no edition (no {FILE_NAME} in its folder or above), so there is no register",
                    "ref-unchecked")]


def _grammar_problems(grammar: relaxng.Schema, tree: etree._ElementTree,
                      names: tuple[frozenset[str], frozenset[str]] | None) -> list[Finding]:
    return [Finding(element_path(v.element) if v.element is not None else None,
                    (v.element.sourceline or 1, 1) if v.element is not None else (v.line, 1),
                    "error", v.message, "relaxng") for v in relaxng.validate(grammar, tree, names)]


def _rule_problems(path: Path, node: PyXdmNode | XsltError | None, rules: Path, register_prefix: str,
                   context: str | None) -> list[Finding]:
    root = edition_root(path)
    name = path.name if root is None else rule_name(root, path)
    try:
        if isinstance(node, XsltError):
            raise node
        assert node is not None  # the file was read: it has a tree
        findings = schematron.run(rules, node, name, context, register_prefix)
    except XsltError as exc:
        # The rules could not be checked on this file: say so at its root element, and go on.
        return [Finding((1,), (1, 1), "error", f"the encoding rules could not be checked: {_first_line(exc)}", "rules")]
    return [Finding(schematron_path(f.path), (1, 1), "error" if f.severity == "error" else "warning", f.message, f.rule)
            for f in findings]


def rule_name(root: Path, path: Path) -> str:
    """How the rules name a document of the edition at ``root``: its path in the edition folder."""
    full, base = path.resolve(), root.resolve()
    return full.relative_to(base).as_posix() if full.is_relative_to(base) else full.name


def _first_line(exc: Exception) -> str:
    """Saxon's message without the stylesheet path and the stack it appends."""
    text = str(exc).split(": ", 1)[-1].strip()
    return " ".join(text.splitlines()[0].split()) if text else "unknown error"
