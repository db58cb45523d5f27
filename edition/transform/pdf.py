"""The PDF edition: one essay → one archival book PDF (PDF/A-3b + PDF/UA-1, TEI attached).

``xslt/pdf/pdf.xsl`` turns the TEI into Typst markup (all source text as escaped string
literals); the Typst compiler from the pinned ``typst`` wheel lays it out with
``xslt/pdf/edition.typ`` in its bundled Libertinus Serif, falling back to the installed fonts of
``pdf_fonts.FALLBACK_FAMILIES`` only, so the same sources and fonts give the same bytes.
"""

from __future__ import annotations

import ctypes
import functools
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import typst
from lxml import etree

from ..core import read_edition
from ..paths import XSLT
from ..xmlio import NS, XML_NS, XmlInputError, parse
from ..xslt import transform
from . import pdf_fonts
from .pdf_fonts import Family

STYLESHEET = Path("pdf/pdf.xsl")
UNMODELLED = Path("model/unmodelled.xsl")
TEMPLATE = XSLT / "pdf" / "edition.typ"
PDF_STANDARDS = ["a-3b", "ua-1"]


class PdfBuildError(Exception):
    """Typst could not lay out an essay; the message names the essay."""


def _printed_attributes(el: etree._Element) -> tuple[str, ...]:
    """Attributes whose value the book prints: page and note numbers, licence addresses."""
    return ("n", "target") if etree.QName(el).localname == "licence" else ("n",)


def _typeset_tree(root: etree._Element, source: Path, families: tuple[Family, ...]) -> list[str]:
    """Replace, in place, every character no font has by its substitute; one warning per line."""
    missing: dict[int, list[str]] = {}

    def fix(text: str | None, line: int | None) -> str | None:
        if not text:
            return text
        printed, lost = pdf_fonts.typeset(text, families)
        missing.setdefault(line or 0, []).extend(lost)
        return printed

    for node in root.iter():
        if isinstance(node.tag, str):  # an element (comments and PIs print nothing but their tail)
            node.text = fix(node.text, node.sourceline)
            for name in _printed_attributes(node):
                if node.get(name):
                    node.set(name, fix(node.get(name), node.sourceline))
        if node is not root:
            node.tail = fix(node.tail, node.getparent().sourceline)
    return [f"{source}:{line}: warning: no font has {', '.join(map(pdf_fonts.describe, dict.fromkeys(chars)))};"
            f" printed as {' '.join(dict.fromkeys(map(pdf_fonts.substitute, chars)))}"
            for line, chars in sorted(missing.items()) if chars]


def _mentioned_persons(essay: etree._ElementTree, persons: etree._ElementTree, prefix: str) -> list[etree._Element]:
    """The register entries the essay's index prints (the others would only give false warnings)."""
    start = f"{prefix}:"
    ids = {ref.strip()[len(start):] for ref in essay.xpath("//tei:text//tei:persName/@ref", namespaces=NS) if ref.strip().startswith(start)}
    return [p for p in persons.xpath("//tei:person[@xml:id]", namespaces=NS)
            if p.get(f"{{{XML_NS}}}id") in ids]


def _font_dir(folder: Path, families: tuple[Family, ...]) -> list[str]:
    """A folder linking exactly the fallback font files (Typst reads folders, not files)."""
    files = pdf_fonts.font_files(families)
    folder.mkdir()
    for i, path in enumerate(files):
        (folder / f"{i:02d}-{Path(path).name}").symlink_to(path)
    return [str(folder)] if files else []


@dataclass(frozen=True)
class Book:
    """An essay ready for Typst: its markup, the fonts it needs and the warnings for substitutes."""

    markup: str
    families: tuple[Family, ...]
    warnings: list[str]


def _chars(roots: list[etree._Element]) -> set[str]:
    """Every character of the text and attributes under ``roots`` (a superset of what is printed)."""
    chars: set[str] = set()
    for root in roots:
        for e in root.iter():
            for s in (e.text, e.tail, *e.attrib.values()):
                chars.update(s or "")
    return chars


def unmodelled(essay: Path, tree: etree._ElementTree) -> list[str]:
    """One warning per element name of the text that the processing model (xslt/model/) lacks,
    and one per element name whose words the model leaves out (behaviour omit)."""
    def times(count: str) -> str:
        return f"{count} time{'s' if count != '1' else ''}"

    lines = [line.split() for line in transform(UNMODELLED, tree).splitlines() if line.strip()]
    return [f"{essay}: warning: {name} has no model; its text is kept ({times(count)})" if kind == "unmodelled"
            else f"{essay}: warning: {name} is left out by the model ({times(count)}, {rest[0]} words)"
            for kind, name, count, *rest in lines]


def prepare(essay: Path, edition_dir: Path) -> Book:
    """The Typst markup for ``essay`` (the TEI is attached under its own file name), each
    character without a glyph replaced by its substitute."""
    ed = read_edition(edition_dir)
    edition_file = ed.config_path  # the generated edition document's facts come from here
    persons_file = ed.register or ed.config_path
    tree, edition, persons = parse(essay), ed.header, ed.register_tree()
    printed = [(tree.getroot(), essay), (edition.getroot(), edition_file)]
    printed += [(person, persons_file) for person in _mentioned_persons(tree, persons, ed.config.register_prefix)]
    try:
        families = pdf_fonts.families_for(_chars([root for root, _ in printed]))
    except pdf_fonts.FontSetupError as exc:
        raise PdfBuildError(f"{essay}: {exc}") from None
    warnings = [w for root, source in printed for w in _typeset_tree(root, source, families)]
    params = {"edition": edition, "persons": persons, "source-name": essay.name, **ed.stylesheet_params}
    markup = transform(STYLESHEET, tree, params)
    return Book(markup, families, unmodelled(essay, tree) + warnings)


def typst_markup(essay: Path, edition_dir: Path) -> str:
    """The Typst markup for ``essay`` with the fonts of this machine."""
    return prepare(essay, edition_dir).markup


def build_pdf(essay: Path, edition_dir: Path, out_pdf: Path) -> list[str]:
    """Write the PDF of ``essay`` to ``out_pdf``; nothing is written unless it succeeds.

    Returns the warnings for elements the processing model lacks (``file: warning: …``) and for
    characters no font has (``file:line: warning: …``); prints nothing."""
    book = prepare(essay, edition_dir)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="edition-pdf-") as tmp:
        work = Path(tmp)
        (work / "main.typ").write_text(book.markup, encoding="utf-8")
        shutil.copyfile(TEMPLATE, work / "edition.typ")
        shutil.copyfile(essay, work / essay.name)  # the attachment: the TEI source byte for byte
        try:
            pdf = typst.compile(
                str(work / "main.typ"),
                root=str(work),
                font_paths=_font_dir(work / "fonts", book.families),
                ignore_system_fonts=True,
                sys_inputs={"fallback-fonts": "\n".join(f.name for f in book.families[1:])},
                pdf_standards=PDF_STANDARDS,
            )
        except typst.TypstError as exc:
            hints = "".join(f"\n  hint: {h}" for h in exc.hints or [])
            raise PdfBuildError(f"{essay}: typesetting failed: {exc.message}{hints}") from None
        finally:
            return_freed_memory()
        staged = out_pdf.with_name(f".{out_pdf.name}.tmp")
        staged.write_bytes(pdf)
        os.replace(staged, out_pdf)
    return book.warnings


def return_freed_memory() -> None:
    """Give the memory Typst freed back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    Typst drops what it memoized for earlier documents, but glibc keeps the freed pages in the
    process: one process typesetting 30 texts held 988 MB after them, 524 MB when trimmed after
    each (tens of milliseconds), and 339 MB once a few small texts followed the large ones."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


__all__ = ["build_pdf", "typst_markup", "unmodelled", "prepare", "Book", "PdfBuildError", "XmlInputError"]
