"""What format a deposited file is in, with its PRONOM identifier (PUID) where PRONOM has one.

Identified from the file's first bytes where the format says who it is (PDF header, gzip magic,
HTML doctype, the XML root element), else from its name. The PUIDs are those of PRONOM's
signature file v109; a format PRONOM does not register (TOML) has a name and no PUID.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..xmlio import TEI_NS

#: The PRONOM release the identifiers below are taken from.
PRONOM_RELEASE = "DROID signature file v109"


@dataclass(frozen=True)
class Format:
    name: str
    version: str = ""
    puid: str = ""  # PRONOM unique identifier, "" where PRONOM has none
    mime: str = "application/octet-stream"


PDF_PUIDS = {"1.0": "fmt/14", "1.1": "fmt/15", "1.2": "fmt/16", "1.3": "fmt/17", "1.4": "fmt/18", "1.5": "fmt/19",
             "1.6": "fmt/20", "1.7": "fmt/276", "2.0": "fmt/1129"}
# PDF/A by part and conformance level, as the file's XMP metadata declares them (pdfaid).
PDFA_PUIDS = {"1a": "fmt/95", "1b": "fmt/354", "2a": "fmt/476", "2b": "fmt/477", "2u": "fmt/478", "3a": "fmt/479",
              "3b": "fmt/480", "3u": "fmt/481"}
HTML5 = Format("Hypertext Markup Language", "5", "fmt/471", "text/html")
HTML = Format("Hypertext Markup Language", "", "fmt/96", "text/html")
XML = {"1.0": Format("Extensible Markup Language", "1.0", "fmt/101", "application/xml"),
       "1.1": Format("Extensible Markup Language", "1.1", "fmt/1776", "application/xml")}
TEI_TEXT = Format("TEI P5 - Single Text File", "P5", "fmt/1476", "application/tei+xml")
TEI_CORPUS = Format("TEI P5 XML - Corpus File", "P5", "fmt/1477", "application/tei+xml")
GZIP = Format("GZIP Format", "", "x-fmt/266", "application/gzip")
BY_SUFFIX = {
    ".txt": Format("Plain Text File", "", "x-fmt/111", "text/plain"),
    ".css": Format("Cascading Style Sheet", "", "x-fmt/224", "text/css"),
    ".js": Format("JavaScript file", "", "x-fmt/423", "text/javascript"),
    ".json": Format("JSON Data Interchange Format", "", "fmt/817", "application/json"),
    ".md": Format("Markdown", "", "fmt/1149", "text/markdown"),
    ".toml": Format("TOML (Tom's Obvious Minimal Language)", "1.0", "", "application/toml"),
    ".woff": Format("Web Open Font Format", "1.0", "fmt/616", "font/woff"),
    ".woff2": Format("Web Open Font Format", "2.0", "fmt/1172", "font/woff2"),
    ".ttf": Format("TrueType Font", "", "x-fmt/453", "font/ttf"),
    ".otf": Format("OpenType Font File", "", "fmt/520", "font/otf"),
    ".png": Format("Portable Network Graphics", "", "", "image/png"),
    ".jpg": Format("JPEG File Interchange Format", "", "", "image/jpeg"),
    ".jpeg": Format("JPEG File Interchange Format", "", "", "image/jpeg"),
    ".gif": Format("Graphics Interchange Format", "", "", "image/gif"),
    ".svg": Format("Scalable Vector Graphics", "", "", "image/svg+xml"),
    ".webp": Format("WebP", "", "", "image/webp"),
}
UNKNOWN = Format("unidentified")


def identify(path: Path) -> Format:
    with path.open("rb") as fh:
        head = fh.read(1024)
    if match := re.match(rb"%PDF-(\d\.\d)", head):
        return _pdf(path, match[1].decode())
    if head.startswith(b"\x1f\x8b"):
        return GZIP
    suffix = path.suffix.lower()
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if suffix in (".html", ".htm"):
        return HTML5 if re.match(rb"<!doctype\s+html\s*>", text, re.IGNORECASE) else HTML
    if suffix in (".xml", ".rng", ".sch", ".xsl", ".odd") or text.startswith(b"<?xml"):
        return _xml(path, text)
    return BY_SUFFIX.get(suffix, UNKNOWN)


def _pdf(path: Path, version: str) -> Format:
    """PDF by its header's version, or PDF/A where its XMP metadata claims a part and conformance level."""
    data = path.read_bytes()
    part = re.search(rb"pdfaid:part(?:>|=[\"'])\s*([1-4])", data)
    level = re.search(rb"pdfaid:conformance(?:>|=[\"'])\s*([ABUabu])", data)
    if part and level:
        key = (part[1] + level[1]).decode().lower()
        return Format("PDF/A - Portable Document Format", key, PDFA_PUIDS.get(key, ""), "application/pdf")
    return Format("Portable Document Format", version, PDF_PUIDS.get(version, ""), "application/pdf")


def _xml(path: Path, head: bytes) -> Format:
    """TEI P5 by its root element, else XML by its declared version; a file that is no XML is unidentified."""
    declared = re.match(rb"<\?xml\s+version\s*=\s*[\"'](1\.[01])", head)
    # Parsed whole: only a well-formed file is XML. No DTD, entity or network is ever loaded.
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False, huge_tree=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError:
        return UNKNOWN
    if root.tag == f"{{{TEI_NS}}}TEI":
        return TEI_TEXT
    if root.tag == f"{{{TEI_NS}}}teiCorpus":
        return TEI_CORPUS
    return XML[declared[1].decode() if declared else "1.0"]
