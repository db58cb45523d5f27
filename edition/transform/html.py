"""Build the static HTML edition: XSLT pages, assets, TEI downloads, Pagefind search index.

Every input is parsed safely (:mod:`edition.xmlio`) and handed to the stylesheets as one corpus
document; the stylesheets never open files themselves. A text's reading page and its summary
(xslt/html/summary.xsl) are made from a corpus of that text alone; the corpus pages (landing,
register, chronology, search, zur-edition) from a corpus of the summaries, so no process holds
more than one text. Output is deterministic: the same sources give the same bytes (no clock,
no generated ids).
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
from ..xmlio import TEI_NS, XML_NS, parse, parse_bytes
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
SUMMARIES_XSLT = HTML_XSLT / "summaries.xsl"

#: The reading pages and summaries of texts, made wherever the caller runs them: (texts,
#: stylesheet parameters) → (file name → page, each text's summary document in text order).
PerText = Callable[[list[Path], dict[str, str]], tuple[dict[str, str], list[str]]]


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
    corpus = _edition_corpus(edition)
    essays = etree.SubElement(corpus, f"{{{CORPUS_NS}}}essays")
    for path in edition.texts if texts is None else texts:
        root = parse(path).getroot()
        root.set(f"{{{XML_NS}}}id", text_id(path))
        essays.append(root)
    return corpus


def _edition_corpus(edition: Edition) -> etree._Element:
    """A corpus element holding the edition document and the register."""
    corpus = etree.Element(f"{{{CORPUS_NS}}}corpus", nsmap={"ed": CORPUS_NS})
    for part, tree in (("edition", edition.header), ("register", edition.register_tree())):
        etree.SubElement(corpus, f"{{{CORPUS_NS}}}{part}").append(copy.deepcopy(tree.getroot()))
    return corpus


def summary_corpus(edition: Edition, summaries: list[str]) -> etree._Element:
    """The corpus the corpus pages are made from: edition, register and the texts' summaries
    (each a document ``<ed:summaries>`` as :func:`text_outputs` makes it), in text order."""
    corpus = _edition_corpus(edition)
    held = etree.SubElement(corpus, f"{{{CORPUS_NS}}}summaries")
    for i, summary in enumerate(summaries):
        held.extend(parse_bytes(summary.encode("utf-8"), f"<summary {i + 1}>").getroot())
    return corpus


def corpus_pages(edition: Edition, summaries: list[str], params: dict[str, str]) -> dict[str, str]:
    """The corpus pages (SITE_PAGES) from the texts' summaries, as file name → text."""
    corpus = to_xdm(summary_corpus(edition, summaries))
    return {name: transform(xsl, corpus, params) for name, xsl in SITE_PAGES.items()}


def render_pages(corpus: PyXdmNode, essay_ids: list[str], common: dict[str, str]) -> dict[str, str]:
    """Every HTML page of the site as file name → text, from a corpus of texts (the corpus pages
    make the texts' summaries themselves); ``common`` are the edition's stylesheet parameters."""
    pages = {name: transform(xsl, corpus, common) for name, xsl in SITE_PAGES.items()}
    for essay_id in essay_ids:
        pages[f"{essay_id}.html"] = transform(ESSAY_XSLT, corpus, {**common, "essay-id": essay_id})
    return pages


def essay_page(edition: Edition, path: Path, params: dict[str, str], corpus: PyXdmNode | None = None) -> str:
    """The reading page of one text, made from a corpus of that text alone (``corpus``, if the
    caller has it): a reading page shows its text, the register and the edition, never another
    text (the build renders the pages of a corpus one by one, in any process; tests/build check
    they are the pages of the whole corpus)."""
    corpus = corpus or to_xdm(load_corpus(edition, [path]))
    return transform(ESSAY_XSLT, corpus, {**params, "essay-id": text_id(path)})


def text_outputs(edition: Edition, path: Path, params: dict[str, str]) -> tuple[str, str]:
    """The reading page and the summary of one text, both from a corpus of that text alone
    (tests/html/test_summary_pages.py: the corpus pages of the summaries are those of the texts)."""
    corpus = to_xdm(load_corpus(edition, [path]))
    return essay_page(edition, path, params, corpus), transform(SUMMARIES_XSLT, corpus, params)


def _here(edition: Edition) -> PerText:
    """Reading pages and summaries made in this process, one text at a time."""
    def per_text(texts: list[Path], params: dict[str, str]) -> tuple[dict[str, str], list[str]]:
        done = [text_outputs(edition, path, params) for path in texts]
        return {f"{text_id(path)}.html": page for path, (page, _) in zip(texts, done)}, [s for _, s in done]
    return per_text


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


def site_images(edition: Edition) -> tuple[dict[str, Path], list[str]]:
    """The images the texts' ``graphic/@url`` name (relative to the text, inside the edition), as
    site path → file, and a warning for each left out (once per text and address, with the number
    of figures). Reads every text, so a malformed one stops the build before anything is written.

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
            if why:
                line, _, count = left_out.get((path, url), (graphic.sourceline or 0, why, 0))
                left_out[(path, url)] = (line, why, count + 1)
    warnings = [f"{path}:{line}: warning: graphic {url!r} {why}; the figure shows its description"
                + (f" ({count} figures)" if count > 1 else "")
                for (path, url), (line, why, count) in left_out.items()]
    return copied, warnings


def copy_images(images: dict[str, Path], out_dir: Path) -> None:
    for url, target in images.items():
        (out_dir / url).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, out_dir / url)


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


def build_html(edition_dir: Path, out_dir: Path, pdf_dir: Path | None = None, per_text: PerText | None = None) -> list[str]:
    """Write the complete HTML site of the edition at ``edition_dir`` into ``out_dir``; return
    warnings (``file:line: warning: …``) for what a page could not show as encoded.

    Reading pages link their PDF at ``pdf/<text-id>.pdf``; PDFs found in ``pdf_dir`` are copied there.
    ``per_text`` (as :func:`text_outputs` makes each text's page and summary) lets the build make
    them elsewhere or keep them from its last run; default: here, one text at a time.
    """
    edition = read_edition(edition_dir)
    essay_ids = [text_id(path) for path in edition.texts]
    images, warnings = site_images(edition)
    params = {**edition.stylesheet_params, "site-images": " ".join(sorted(images))}
    essay_pages, summaries = (per_text or _here(edition))(edition.texts, params)
    pages = {**corpus_pages(edition, summaries, params), **essay_pages}
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_images(images, out_dir)
    for name, text in pages.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    shutil.copytree(ASSETS, out_dir / "assets", dirs_exist_ok=True)
    copy_sources(edition, out_dir)
    if pdf_dir is not None:
        copy_pdfs(pdf_dir, out_dir, essay_ids)
    index_search(out_dir, page_languages(out_dir, sorted(pages)), edition.interface)
    return warnings
