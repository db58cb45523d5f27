"""DataCite 4.5 and Dublin Core records per essay and for the edition, by XSLT from the teiHeader."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from ..xmlio import parse
from ..xslt import transform
from .sources import Edition

STYLESHEETS = {"datacite": Path("metadata/datacite.xsl"), "dc": Path("metadata/dublin-core.xsl")}


class MetadataError(Exception):
    pass


def page_url(edition: Edition, site: Path, essay_id: str) -> str:
    """The published URL of an essay's reading page: the edition's base URL + the page's path in the site."""
    pages = sorted(site.rglob(f"{essay_id}.html")) + sorted(site.rglob(f"{essay_id}/index.html"))
    if not pages:
        raise MetadataError(f"{site}: the site has no reading page for essay '{essay_id}' ({essay_id}.html)")
    return urljoin(edition.url, pages[0].relative_to(site).as_posix())


def write_metadata(edition: Edition, site: Path, out_dir: Path) -> list[Path]:
    """Write ``<id>.datacite.xml`` and ``<id>.dc.xml`` for every essay and the edition into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    edition_tree = parse(edition.edition_xml)
    common = {"edition": edition_tree}
    if edition.register.exists():
        common["register"] = parse(edition.register)
    parts = etree.Element("parts")
    records: list[tuple[str, etree._ElementTree, str]] = []
    for essay in edition.essays:
        tree = parse(essay)
        url = page_url(edition, site, essay.stem)
        etree.SubElement(parts, "part", url=url)
        records.append((essay.stem, tree, url))
    written = []
    for name, stylesheet in STYLESHEETS.items():
        for essay_id, tree, url in records:
            written.append(_write(out_dir / f"{essay_id}.{name}.xml", stylesheet, tree, {**common, "url": url}))
        written.append(
            _write(out_dir / f"{edition.id}.{name}.xml", stylesheet, edition_tree, {**common, "url": edition.url, "parts": parts})
        )
    return sorted(written)


def _write(path: Path, stylesheet: Path, source, params: dict) -> Path:
    path.write_text(transform(stylesheet, source, params), encoding="utf-8")
    return path
