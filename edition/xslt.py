"""Run XSLT 3.0 with saxonche: one processor per process, each stylesheet compiled once.

Stylesheets never read user files themselves (no ``doc()`` on input): Python parses every
input safely with :mod:`edition.xmlio` and hands Saxon the resulting document, so the
no-network/no-entity guarantee holds for the whole pipeline.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonProcessor, PyXdmNode, PyXsltExecutable

from .paths import XSLT


class XsltError(Exception):
    """A stylesheet failed to compile or run; the message names the stylesheet."""


@cache
def processor() -> PySaxonProcessor:
    return PySaxonProcessor(license=False)


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


def to_xdm(tree: etree._ElementTree | etree._Element, base_uri: str | None = None) -> PyXdmNode:
    """Hand an (already safely parsed) lxml tree to Saxon."""
    text = etree.tostring(tree, encoding="unicode")
    kwargs: dict[str, Any] = {"xml_text": text}
    if base_uri:
        kwargs["base_uri"] = base_uri
    return processor().parse_xml(**kwargs)


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
