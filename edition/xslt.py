"""Run XSLT 3.0 with saxonche: one processor per process, each stylesheet compiled once.

Stylesheets never read user files themselves (no ``doc()`` on input): Python parses every
input safely with :mod:`edition.xmlio` and hands Saxon the resulting document without its
DOCTYPE, so the no-network/no-entity guarantee holds for the whole pipeline. The processor is
configured to refuse any DOCTYPE and any non-file URI as well, in case a text slips through.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonProcessor, PyXdmNode, PyXsltExecutable

from .paths import XSLT


class XsltError(Exception):
    """A stylesheet failed to compile or run; the message names the stylesheet."""


_PARSER_FEATURE = "http://saxon.sf.net/feature/parserFeature?uri="
_PARSER_PROPERTY = "http://saxon.sf.net/feature/parserProperty?uri="
_SAFE_CONFIGURATION = {
    # Only our own stylesheets are ever loaded by URI (xsl:include/import from xslt/).
    "http://saxon.sf.net/feature/allowedProtocols": "file",
    "http://saxon.sf.net/feature/xinclude-aware": "false",
    # No DTD, hence no entity can be declared, loaded or expanded.
    _PARSER_FEATURE + "http://apache.org/xml/features/disallow-doctype-decl": "true",
    _PARSER_FEATURE + "http://apache.org/xml/features/nonvalidating/load-external-dtd": "false",
    _PARSER_FEATURE + "http://xml.org/sax/features/external-general-entities": "false",
    _PARSER_FEATURE + "http://xml.org/sax/features/external-parameter-entities": "false",
    # The JDK's limits guard against entity expansion, which the refused DOCTYPE already rules
    # out; left on they reject real documents (over 100,000 &amp; or &lt;, nesting over 100)
    # that lxml has read. lxml's own limits (256 levels) apply before Saxon sees a document.
    _PARSER_PROPERTY + "jdk.xml.maxElementDepth": "0",
    _PARSER_PROPERTY + "jdk.xml.maxGeneralEntitySizeLimit": "0",
    _PARSER_PROPERTY + "jdk.xml.totalEntitySizeLimit": "0",
}


@cache
def processor() -> PySaxonProcessor:
    proc = PySaxonProcessor(license=False)
    for name, value in _SAFE_CONFIGURATION.items():
        proc.set_configuration_property(name, value)
    return proc


@cache
def compile_stylesheet(path: Path) -> PyXsltExecutable:
    """Compile the stylesheet at ``path`` (relative paths are under ``xslt/``), once per process."""
    full = path if path.is_absolute() else XSLT / path
    compiler = processor().new_xslt30_processor()
    try:
        executable = compiler.compile_stylesheet(stylesheet_file=str(full))
    except Exception as exc:  # saxonche raises PySaxonApiError
        raise XsltError(f"{full}: cannot compile: {exc}") from None
    if executable is None:
        raise XsltError(f"{full}: cannot compile")
    return executable


def _top_level(tree: etree._ElementTree | etree._Element) -> list[etree._Element]:
    """The nodes to hand over: top-level comments and processing instructions around the
    document element, never the DOCTYPE (it would make a parser load its DTD)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if root.getparent() is not None:  # an element inside a document: just its subtree
        return [root]
    return [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]


def parse_file(path: Path) -> PyXdmNode:
    """Saxon's tree of the file at ``path``, which must already be known safe: read by
    :mod:`edition.xmlio` without error and without a DOCTYPE (the processor refuses one anyway)."""
    try:
        return processor().parse_xml(xml_file_name=str(path))
    except Exception as exc:  # PySaxonApiError
        raise XsltError(f"{path}: {exc}") from None


def to_xdm(tree: etree._ElementTree | etree._Element) -> PyXdmNode:
    """Hand an (already safely parsed) lxml tree to Saxon.

    Streamed into a temporary UTF-8 file rather than a string: a text copy would be held three
    times (Python, C, Java UTF-16) while Saxon builds its tree, which is what dominates memory on
    large documents.
    """
    with tempfile.NamedTemporaryFile(prefix="edition-xdm-", suffix=".xml") as handle:
        with etree.xmlfile(handle, encoding="utf-8") as out:
            for node in _top_level(tree):
                out.write(node, with_tail=False)
        handle.flush()
        return parse_file(Path(handle.name))


def xdm_value(value: Any) -> Any:
    """Python value → XDM value for a stylesheet parameter."""
    proc = processor()
    if isinstance(value, (etree._ElementTree, etree._Element)):
        return to_xdm(value)
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    if isinstance(value, PyXdmNode):
        return value
    return proc.make_string_value(str(value))


def transform(
    stylesheet: Path,
    source: etree._ElementTree | etree._Element | PyXdmNode,
    params: dict[str, Any] | None = None,
    base_output_uri: Path | None = None,
) -> str:
    """Apply ``stylesheet`` to ``source`` and return the principal result as a string.

    ``xsl:result-document`` outputs are written relative to ``base_output_uri`` when given.
    """
    executable = compile_stylesheet(stylesheet)
    executable.clear_parameters()
    for name, value in (params or {}).items():
        executable.set_parameter(name, xdm_value(value))
    node = source if isinstance(source, PyXdmNode) else to_xdm(source)
    if base_output_uri is not None:
        executable.set_base_output_uri(base_output_uri.resolve().as_uri() + "/")
    try:
        result = executable.transform_to_string(xdm_node=node)
    except Exception as exc:
        raise XsltError(f"{stylesheet}: {exc}") from None
    return result or ""
