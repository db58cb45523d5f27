"""Build the static HTML edition: XSLT pages, assets, TEI downloads, Pagefind search index.

Every input is parsed safely (:mod:`edition.xmlio`) and handed to the stylesheets as one corpus
document; the stylesheets never open files themselves. Output is deterministic: the same
sources give the same bytes (no clock, no generated ids).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from ..paths import XSLT
from ..xmlio import XML_NS, XmlInputError, parse
from ..xslt import to_xdm, transform

CORPUS_NS = "urn:tei-edition"
HTML_XSLT = Path("html")
ASSETS = XSLT / "html" / "assets"

#: Site pages built once per edition: file name → stylesheet.
SITE_PAGES = {
    "index.html": HTML_XSLT / "landing.xsl",
    "register.html": HTML_XSLT / "register.xsl",
    "chronologie.html": HTML_XSLT / "chronology.xsl",
    "suche.html": HTML_XSLT / "search.xsl",
}
ESSAY_XSLT = HTML_XSLT / "essay.xsl"


class HtmlBuildError(Exception):
    """The edition cannot be built as HTML; the message says which file and why."""


def essay_paths(edition_dir: Path) -> list[Path]:
    """The essay files of an edition, in a stable order (by file name)."""
    return sorted((edition_dir / "tei" / "essays").glob("*.xml"))


def load_corpus(edition_dir: Path) -> etree._Element:
    """Parse edition, register and essays safely and wrap them in one corpus element."""
    tei = edition_dir / "tei"
    corpus = etree.Element(f"{{{CORPUS_NS}}}corpus", nsmap={"ed": CORPUS_NS})
    for part, path in (("edition", tei / "edition.xml"), ("register", tei / "register" / "persons.xml")):
        etree.SubElement(corpus, f"{{{CORPUS_NS}}}{part}").append(parse(path).getroot())
    essays = etree.SubElement(corpus, f"{{{CORPUS_NS}}}essays")
    for path in essay_paths(edition_dir):
        root = parse(path).getroot()
        if root.get(f"{{{XML_NS}}}id") != path.stem:
            raise XmlInputError(str(path), root.sourceline or 1, 1, f'<TEI xml:id="{root.get(f"{{{XML_NS}}}id")}"> must equal the file name "{path.stem}"')
        essays.append(root)
    return corpus


def render_pages(corpus: PyXdmNode, essay_ids: list[str]) -> dict[str, str]:
    """Every HTML page of the site as file name → text."""
    pages = {name: transform(xsl, corpus) for name, xsl in SITE_PAGES.items()}
    for essay_id in essay_ids:
        pages[f"{essay_id}.html"] = transform(ESSAY_XSLT, corpus, {"essay-id": essay_id})
    return pages


def copy_sources(edition_dir: Path, out_dir: Path) -> None:
    """The TEI sources for download, byte for byte, in the edition's own layout."""
    tei = edition_dir / "tei"
    for path in [tei / "edition.xml", tei / "register" / "persons.xml", *essay_paths(edition_dir)]:
        target = out_dir / "tei" / path.relative_to(tei)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def copy_pdfs(pdf_dir: Path, out_dir: Path, essay_ids: list[str]) -> None:
    for essay_id in essay_ids:
        pdf = pdf_dir / f"{essay_id}.pdf"
        if pdf.is_file():
            (out_dir / "pdf").mkdir(exist_ok=True)
            shutil.copyfile(pdf, out_dir / "pdf" / pdf.name)


def index_search(out_dir: Path) -> None:
    """Build the Pagefind index (German stemming from <html lang="de">) into out_dir/pagefind."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(out_dir), "--force-language", "de", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise HtmlBuildError(f"pagefind failed on {out_dir}: {result.stderr.strip() or result.stdout.strip()}")


def build_html(edition_dir: Path, out_dir: Path, pdf_dir: Path | None = None) -> None:
    """Write the complete HTML site of the edition at ``edition_dir`` into ``out_dir``.

    Reading pages link their PDF at ``pdf/<essay-id>.pdf``; PDFs found in ``pdf_dir`` are copied there.
    """
    corpus_tree = load_corpus(edition_dir)
    essay_ids = [path.stem for path in essay_paths(edition_dir)]
    pages = render_pages(to_xdm(corpus_tree), essay_ids)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    shutil.copytree(ASSETS, out_dir / "assets", dirs_exist_ok=True)
    copy_sources(edition_dir, out_dir)
    if pdf_dir is not None:
        copy_pdfs(pdf_dir, out_dir, essay_ids)
    index_search(out_dir)
