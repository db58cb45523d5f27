"""The deposit's records, by XSLT: DataCite 4.5 and Dublin Core per text and for the edition (from the
teiHeaders), PREMIS 3 for every payload file and the bag's README (from the inventory, :mod:`.inventory`)."""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from ..xmlio import TEI_NS, parse, parse_header
from ..cache import digest, read_text, toolkit_key, write_text
from ..xslt import to_xdm, transform
from ..core import Edition

STYLESHEETS = {"datacite": Path("metadata/datacite.xsl"), "dc": Path("metadata/dublin-core.xsl")}
PREMIS_XSL = Path("metadata/premis.xsl")
README_XSL = Path("metadata/readme.xsl")
CACHE = "metadata"  #: the cache folder of the texts' records


class MetadataError(Exception):
    pass


def page_url(edition: Edition, site: Path, essay_id: str, pages: dict[str, str] | None = None) -> str:
    """The published URL of a text's reading page: the edition's base URL + the page's path in the site
    ("" while the edition has no base URL). ``pages`` (:func:`reading_pages` of ``site``) spares a walk of the site."""
    found = (pages if pages is not None else reading_pages(site)).get(essay_id)
    if found is None:
        raise MetadataError(f"{site}: the site has no reading page for essay '{essay_id}' ({essay_id}.html)")
    return urljoin(edition.url, found) if edition.url else ""


def reading_pages(site: Path) -> dict[str, str]:
    """Where the site has a reading page of each text id: ``ID.html``, else ``ID/index.html`` (the first by path)."""
    pages: dict[str, str] = {}
    for suffix in ("*.html", "index.html"):
        for page in sorted(site.rglob(suffix)):
            rel = page.relative_to(site).as_posix()
            key = page.stem if suffix == "*.html" else page.parent.name
            if suffix == "index.html" and page.parent == site:
                continue
            pages.setdefault(key, rel)
    return pages


def write_metadata(edition: Edition, site: Path, out_dir: Path) -> list[Path]:
    """Write ``<id>.datacite.xml`` and ``<id>.dc.xml`` for every essay and the edition into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    edition_tree = edition.header
    register = edition.register_tree()
    # A text's records are a function of the toolkit, the text, the edition document, the register
    # and the parameters: kept in the cache by that key, so an unchanged text is not transformed again.
    shared = digest(toolkit_key(), edition.header_bytes, etree.tostring(register),
                    repr(sorted(edition.stylesheet_params.items())))
    # Handed to Saxon once, not once per record.
    common = {"edition": to_xdm(edition_tree), "register": to_xdm(register), **edition.stylesheet_params}
    parts = etree.Element("parts")
    pages = reading_pages(site)
    written = []
    for essay in edition.texts:
        url = page_url(edition, site, essay.stem, pages)
        part = etree.SubElement(parts, "part", url=url)
        # The text's authors, who are among the edition's creators.
        header = parse_header(essay)
        if header is not None:
            part.extend(copy.deepcopy(a) for a in header.iterfind(f"{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}author"))
        local = f"{edition.deposit_name}/texts/{essay.stem}"
        key = digest(shared, essay.read_bytes(), url, local)
        text = None
        for name, stylesheet in STYLESHEETS.items():
            target = out_dir / f"{essay.stem}.{name}.xml"
            record = read_text(CACHE, f"{key}.{name}.xml")
            if record is None:
                text = text or to_xdm(parse(essay))
                record = transform(stylesheet, text, {**common, "url": url, "local-id": local})
                write_text(CACHE, f"{key}.{name}.xml", record)
            target.write_text(record, encoding="utf-8")
            written.append(target)
    for name, stylesheet in STYLESHEETS.items():
        params = {**common, "url": edition.url, "parts": parts, "local-id": edition.deposit_name}
        written.append(_write(out_dir / f"{edition.id}.{name}.xml", stylesheet, edition_tree, params))
    return sorted(written)


def _write(path: Path, stylesheet: Path, source, params: dict) -> Path:
    path.write_text(transform(stylesheet, source, params), encoding="utf-8")
    return path


def write_premis(edition: Edition, inventory: etree._ElementTree, path: Path) -> Path:
    """PREMIS 3: every payload file (format, size, fixity, creating application), the events that
    made the texts and the deposit, the programs involved."""
    return _write(path, PREMIS_XSL, inventory, {"edition": edition.header})


def write_readme(edition: Edition, inventory: etree._ElementTree, path: Path) -> Path:
    """The bag's README: what the deposit holds and how to open, check and cite it, in plain text."""
    return _write(path, README_XSL, inventory, {"edition": edition.header})
