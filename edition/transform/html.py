"""Build the static HTML edition: XSLT pages, assets, TEI downloads, Pagefind search index.

Every input is parsed safely (:mod:`edition.xmlio`) and handed to the stylesheets as one corpus
document; the stylesheets never open files themselves. Output is deterministic: the same
sources give the same bytes (no clock, no generated ids).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from ..core import HEADER_NAME, Edition, read_edition
from ..paths import XSLT
from ..xmlio import XML_NS, parse
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


def text_id(path: Path) -> str:
    """A text's id in the site: its file name (``NAME.xml`` → ``NAME.html``)."""
    return path.stem


def load_corpus(edition: Edition) -> etree._Element:
    """Parse register and texts safely and wrap them, with the edition document, in one corpus element.

    The pages know a text by its root's ``xml:id``, which in this copy is always the file name:
    the strict profile requires that of every text, and other TEI keeps its own id out of the site.
    """
    corpus = etree.Element(f"{{{CORPUS_NS}}}corpus", nsmap={"ed": CORPUS_NS})
    for part, tree in (("edition", edition.header), ("register", edition.register_tree())):
        etree.SubElement(corpus, f"{{{CORPUS_NS}}}{part}").append(copy.deepcopy(tree.getroot()))
    essays = etree.SubElement(corpus, f"{{{CORPUS_NS}}}essays")
    for path in edition.texts:
        root = parse(path).getroot()
        root.set(f"{{{XML_NS}}}id", text_id(path))
        essays.append(root)
    return corpus


def render_pages(corpus: PyXdmNode, essay_ids: list[str], common: dict[str, str]) -> dict[str, str]:
    """Every HTML page of the site as file name → text; ``common`` are the edition's stylesheet parameters."""
    pages = {name: transform(xsl, corpus, common) for name, xsl in SITE_PAGES.items()}
    for essay_id in essay_ids:
        pages[f"{essay_id}.html"] = transform(ESSAY_XSLT, corpus, {**common, "essay-id": essay_id})
    return pages


def copy_sources(edition: Edition, out_dir: Path) -> None:
    """The TEI for download: texts byte for byte, the register, and the generated edition document."""
    tei = out_dir / "tei"
    (tei / "texts").mkdir(parents=True, exist_ok=True)
    (tei / HEADER_NAME).write_bytes(edition.header_bytes)
    if edition.register is not None and edition.register.is_file():
        (tei / "register").mkdir(exist_ok=True)
        shutil.copyfile(edition.register, tei / "register" / edition.register.name)
    for path in edition.texts:
        shutil.copyfile(path, tei / "texts" / path.name)


def copy_pdfs(pdf_dir: Path, out_dir: Path, essay_ids: list[str]) -> None:
    for essay_id in essay_ids:
        pdf = pdf_dir / f"{essay_id}.pdf"
        if pdf.is_file():
            (out_dir / "pdf").mkdir(exist_ok=True)
            shutil.copyfile(pdf, out_dir / "pdf" / pdf.name)


def index_search(out_dir: Path, language: str) -> None:
    """Build the Pagefind index (German stemming from <html lang="de">) into out_dir/pagefind."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(out_dir), "--force-language", language, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise HtmlBuildError(f"pagefind failed on {out_dir}: {result.stderr.strip() or result.stdout.strip()}")


def build_html(edition_dir: Path, out_dir: Path, pdf_dir: Path | None = None) -> None:
    """Write the complete HTML site of the edition at ``edition_dir`` into ``out_dir``.

    Reading pages link their PDF at ``pdf/<text-id>.pdf``; PDFs found in ``pdf_dir`` are copied there.
    """
    edition = read_edition(edition_dir)
    corpus_tree = load_corpus(edition)
    essay_ids = [text_id(path) for path in edition.texts]
    pages = render_pages(to_xdm(corpus_tree), essay_ids, edition.stylesheet_params)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    shutil.copytree(ASSETS, out_dir / "assets", dirs_exist_ok=True)
    copy_sources(edition, out_dir)
    if pdf_dir is not None:
        copy_pdfs(pdf_dir, out_dir, essay_ids)
    index_search(out_dir, edition.config.language)
