"""ISO Schematron with XPath 3.1: compiled to XSLT by ``xslt/schematron/compile.xsl``, run by saxonche."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXdmMap, PyXdmNode, PyXsltExecutable

from .. import xmlio
from ..xslt import XsltError, processor, transform

COMPILER = Path("schematron/compile.xsl")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    path: str  # element positions from the root element, e.g. "1/2/5"
    message: str


def compile_to_xslt(schema: Path) -> str:
    """The XSLT 3.0 text compiled from the Schematron at ``schema``."""
    return transform(COMPILER, xmlio.parse(schema))


@cache
def compiled(schema: Path) -> PyXsltExecutable:
    """The executable for ``schema``, compiled once per process."""
    text = compile_to_xslt(schema)
    try:
        executable = processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
    except Exception as exc:  # PySaxonApiError
        raise XsltError(f"{schema}: compiled Schematron does not compile: {exc}") from None
    if executable is None:
        raise XsltError(f"{schema}: compiled Schematron does not compile")
    return executable


def run(schema: Path, document: PyXdmNode, file_name: str, edition: PyXdmMap | None, register_prefix: str = "psn") -> list[Finding]:
    """Apply ``schema`` to ``document``; ``edition`` holds the other documents of its edition."""
    executable = compiled(schema)
    executable.clear_parameters()
    executable.set_parameter("file-name", processor().make_string_value(file_name))
    executable.set_parameter("register-prefix", processor().make_string_value(register_prefix))
    if edition is not None:
        executable.set_parameter("edition", edition)
    try:
        report = executable.transform_to_string(xdm_node=document)
    except Exception as exc:
        raise XsltError(f"{schema}: {exc}") from None
    root = etree.fromstring((report or "<problems/>").encode())
    return [Finding(p.get("rule"), p.get("severity"), p.get("path"), p.text or "") for p in root.iter("problem")]


def edition_map(documents: dict[str, PyXdmNode]) -> PyXdmMap:
    """The ``$edition`` parameter: path under ``tei/`` → document, each document parsed once."""
    proc = processor()
    return proc.make_map({proc.make_string_value(name): node for name, node in sorted(documents.items())})
