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
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from ..core import HEADER_NAME, Edition, read_edition
from ..paths import XSLT
from ..xmlio import TEI_NS, XML_NS, parse
from ..xslt import to_xdm, transform
from . import WEB_IMAGES

CORPUS_NS = "urn:tei-edition"
HTML_XSLT = Path("html")
ASSETS = XSLT / "html" / "assets"

#: Site pages built once per edition: file name → stylesheet.
SITE_PAGES = {
    "index.html": HTML_XSLT / "landing.xsl",
    "register.html": HTML_XSLT / "register.xsl",
    "chronologie.html": HTML_XSLT / "chronology.xsl",
    "suche.html": HTML_XSLT / "search.xsl",
    "zur-edition.html": HTML_XSLT / "editorial.xsl",
}
ESSAY_XSLT = HTML_XSLT / "essay.xsl"


class HtmlBuildError(Exception):
    """The edition cannot be built as HTML; the message says which file and why."""


def text_id(path: Path) -> str:
    """A text's id in the site: its file name (``NAME.xml`` → ``NAME.html``)."""
    return path.stem


def load_corpus(edition: Edition, texts: list[Path] | None = None) -> etree._Element:
    """Parse register and texts (default: all of the edition's) safely and wrap them, with the
    edition document, in one corpus element.

    The pages know a text by its root's ``xml:id``, which in this copy is always the file name:
    the strict profile requires that of every text, and other TEI keeps its own id out of the site.
    """
    corpus = etree.Element(f"{{{CORPUS_NS}}}corpus", nsmap={"ed": CORPUS_NS})
    for part, tree in (("edition", edition.header), ("register", edition.register_tree())):
        etree.SubElement(corpus, f"{{{CORPUS_NS}}}{part}").append(copy.deepcopy(tree.getroot()))
    essays = etree.SubElement(corpus, f"{{{CORPUS_NS}}}essays")
    for path in edition.texts if texts is None else texts:
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


def essay_page(edition: Edition, path: Path, params: dict[str, str]) -> str:
    """The reading page of one text, made from a corpus of that text alone: a reading page shows
    its text, the register and the edition, never another text (the build renders the pages of a
    corpus one by one, in any process; tests/build check they are the pages of the whole corpus)."""
    corpus = to_xdm(load_corpus(edition, [path]))
    return transform(ESSAY_XSLT, corpus, {**params, "essay-id": text_id(path)})


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


def copy_images(edition: Edition, out_dir: Path) -> tuple[list[str], list[str]]:
    """Copy the images the texts' ``graphic/@url`` name (relative to the text, inside the edition)
    into the site under the same path; return the paths copied and a warning for each left out
    (once per text and address, with the number of figures).

    A figure whose image is not copied shows its description (figDesc/desc/head) instead: the
    warning says which and why, so nothing is lost silently."""
    copied: dict[str, Path] = {}
    left_out: dict[tuple[Path, str], tuple[int, str, int]] = {}  # (text, url) → first line, why, count
    root = edition.dir.resolve()
    for path in edition.texts:
        for graphic in parse(path).getroot().iter(f"{{{TEI_NS}}}graphic"):
            url = (graphic.get("url") or "").strip()
            if not url:
                continue
            target = (path.parent / url).resolve()
            why = None
            if "://" in url or url.startswith(("/", "data:")) or ".." in Path(url).parts or not target.is_relative_to(root):
                why = "is not a file inside the edition"
            elif Path(url).suffix.lower() not in WEB_IMAGES or any(c.isspace() for c in url):
                why = "is no web image file name"
            elif not target.is_file():
                why = "is not found beside the text"
            elif url in copied and copied[url] != target:
                why = f"names another file than an earlier text's {url!r}"
            elif url not in copied:
                copied[url] = target
                (out_dir / url).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(target, out_dir / url)
            if why:
                line, _, count = left_out.get((path, url), (graphic.sourceline or 0, why, 0))
                left_out[(path, url)] = (line, why, count + 1)
    warnings = [f"{path}:{line}: warning: graphic {url!r} {why}; the figure shows its description"
                + (f" ({count} figures)" if count > 1 else "")
                for (path, url), (line, why, count) in left_out.items()]
    return sorted(copied), warnings


def copy_pdfs(pdf_dir: Path, out_dir: Path, essay_ids: list[str]) -> None:
    for essay_id in essay_ids:
        pdf = pdf_dir / f"{essay_id}.pdf"
        if pdf.is_file():
            (out_dir / "pdf").mkdir(exist_ok=True)
            shutil.copyfile(pdf, out_dir / "pdf" / pdf.name)


def page_languages(out_dir: Path, names: list[str]) -> dict[str, list[str]]:
    """The site's pages grouped by the language their ``<html lang>`` declares."""
    groups: dict[str, list[str]] = {}
    for name in names:
        lang = etree.parse(str(out_dir / name), etree.HTMLParser(no_network=True)).getroot().get("lang") or ""
        groups.setdefault(lang, []).append(name)
    return groups


def search_bundle(lang: str, interface: str) -> str:
    """Where the index of one language lives: ``pagefind/`` for the interface language, else ``pagefind-LANG/``."""
    return "pagefind" if lang == interface else f"pagefind-{lang}"


def index_search(out_dir: Path, groups: dict[str, list[str]], interface: str) -> None:
    """One Pagefind index per page language, each with that language's stemming; the search page
    merges them (assets/search.js), so a reader finds every text whatever its language."""
    for lang, names in sorted(groups.items()):
        if not lang:
            continue
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(out_dir), "--glob", "{" + ",".join(sorted(names)) + "}",
             "--output-subdir", search_bundle(lang, interface), "--force-language", lang, "--quiet"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise HtmlBuildError(f"pagefind failed on {out_dir}: {result.stderr.strip() or result.stdout.strip()}")


def build_html(edition_dir: Path, out_dir: Path, pdf_dir: Path | None = None,
               essay_pages: Callable[[list[Path], dict[str, str]], dict[str, str]] | None = None) -> list[str]:
    """Write the complete HTML site of the edition at ``edition_dir`` into ``out_dir``; return
    warnings (``file:line: warning: …``) for what a page could not show as encoded.

    Reading pages link their PDF at ``pdf/<text-id>.pdf``; PDFs found in ``pdf_dir`` are copied there.
    ``essay_pages`` (texts, stylesheet parameters → file name → page, as :func:`essay_page`
    makes each) lets the build render the reading pages elsewhere; default: here, from the corpus.
    """
    edition = read_edition(edition_dir)
    corpus_tree = load_corpus(edition)
    essay_ids = [text_id(path) for path in edition.texts]
    out_dir.mkdir(parents=True, exist_ok=True)
    images, warnings = copy_images(edition, out_dir)
    params = {**edition.stylesheet_params, "site-images": " ".join(images)}
    if essay_pages is None:
        pages = render_pages(to_xdm(corpus_tree), essay_ids, params)
    else:
        pages = {**render_pages(to_xdm(corpus_tree), [], params), **essay_pages(edition.texts, params)}
    for name, text in pages.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    shutil.copytree(ASSETS, out_dir / "assets", dirs_exist_ok=True)
    copy_sources(edition, out_dir)
    if pdf_dir is not None:
        copy_pdfs(pdf_dir, out_dir, essay_ids)
    index_search(out_dir, page_languages(out_dir, sorted(pages)), edition.interface)
    return warnings
