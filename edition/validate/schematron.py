"""ISO Schematron with XPath 3.1: compiled to XSLT by ``xslt/schematron/compile.xsl``, run by saxonche."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode, PyXsltExecutable

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


def run(schema: Path, document: PyXdmNode, file_name: str, index: str | None, register_prefix: str = "psn") -> list[Finding]:
    """Apply ``schema`` to ``document``; ``index`` is what its edition's other documents answer to
    it (a JSON object, see :mod:`.index`), None outside an edition."""
    executable = compiled(schema)
    executable.clear_parameters()
    executable.set_parameter("file-name", processor().make_string_value(file_name))
    executable.set_parameter("register-prefix", processor().make_string_value(register_prefix))
    executable.set_parameter("index", processor().make_string_value(index or "{}"))
    try:
        report = executable.transform_to_string(xdm_node=document)
    except Exception as exc:
        raise XsltError(f"{schema}: {exc}") from None
    root = etree.fromstring((report or "<problems/>").encode())
    return [Finding(p.get("rule"), p.get("severity"), p.get("path"), p.text or "") for p in root.iter("problem")]
