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
import math
import os
import re
import shutil
import subprocess
from collections import ChainMap
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from ..cache import digest as _sha, installed_version
from ..core import HEADER_NAME, Edition, read_edition
from ..executor import local_threads
from ..files import link_or_copy
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
#: The corpus page that lists the search indexes (the only one that reads them).
SEARCH_PAGE = "suche.html"
ESSAY_XSLT = HTML_XSLT / "essay.xsl"
SUMMARIES_XSLT = HTML_XSLT / "summaries.xsl"
#: Reading pages per search index above which a language's pages are split into several (search_bundles).
#: Pagefind takes about 20 ms a page: a changed text costs about 1.3 s of indexing, the shards of a
#: larger edition are indexed side by side, and a reader's search loads one index more per 64 texts.
SHARD_PAGES = 64
PAGEFIND_VERSION = installed_version("pagefind")
_HTML_LANG = re.compile(r'<html\b[^>]*?\slang="([^"]*)"')

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


def corpus_pages(edition: Edition, summaries: list[str], params: dict[str, str], names: list[str] | None = None,
                 search_bundles: str | None = None) -> dict[str, str]:
    """The corpus pages ``names`` (default: all of SITE_PAGES) from the texts' summaries, as file
    name → text; the search page also with the list of the indexes it merges (:func:`merged_bundles`)."""
    corpus = to_xdm(summary_corpus(edition, summaries))
    search = {**params, "search-bundles": search_bundles} if search_bundles is not None else params
    return {name: transform(SITE_PAGES[name], corpus, search if name == SEARCH_PAGE else params)
            for name in (names if names is not None else SITE_PAGES)}


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


class SiteWriter:
    """Writes the site's files into ``out_dir``; a file whose bytes the previous site (``previous``)
    holds already is linked from there instead, so an unchanged file keeps its identity from build
    to build (the build replaces its folders whole and never writes a file in place)."""

    def __init__(self, out_dir: Path, previous: Path | None = None) -> None:
        self.out_dir, self.previous = out_dir, previous
        self.keys: dict[str, str] = {}  #: file or folder of the site → the key of what it was made from (for the next build)

    def write(self, rel: str, data: bytes) -> None:
        target = self.out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.previous / rel if self.previous is not None else None
        if old is not None and old.is_file() and old.stat().st_size == len(data) and old.read_bytes() == data:
            try:
                os.link(old, target)
                return
            except OSError:
                pass  # another file system: write it
        target.write_bytes(data)

    def copy(self, rel: str, source: Path) -> None:
        self.write(rel, source.read_bytes())

    def link(self, rel: str, source: Path) -> None:
        """A file the build itself made (and will never write in place) into the site, linked."""
        (self.out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, self.out_dir / rel)

    def link_tree(self, rel: str) -> bool:
        """Link the previous site's folder ``rel`` whole (a bundle named by its content); False if it has none."""
        old = self.previous / rel if self.previous is not None else None
        if old is None or not old.is_dir():
            return False
        shutil.copytree(old, self.out_dir / rel, copy_function=link_or_copy)
        return True


def copy_sources(edition: Edition, site: SiteWriter) -> None:
    """The TEI for download: texts byte for byte, the register, and the generated edition document."""
    site.write(f"tei/{HEADER_NAME}", edition.header_bytes)
    if edition.register is not None and edition.register.is_file():
        site.copy(f"tei/register/{edition.register.name}", edition.register)
    for path in edition.texts:
        site.copy(f"tei/texts/{path.name}", path)


def site_images(edition: Edition) -> tuple[dict[str, Path], list[str]]:
    """The images the texts' ``graphic/@url`` name (relative to the text, inside the edition), as
    site path → file, and a warning for each left out (once per text and address, with the number
    of figures).

    A figure whose image is not copied shows its description (figDesc/desc/head) instead: the
    warning says which and why, so nothing is lost silently."""
    copied: dict[str, Path] = {}
    left_out: dict[tuple[Path, str], tuple[int, str, int]] = {}  # (text, url) → first line, why, count
    root = edition.dir.resolve()
    for path in edition.texts:
        data = path.read_bytes()
        if b"graphic" not in data:  # no element of that name (a malformed text fails where its page is made)
            continue
        for graphic in parse_bytes(data, str(path)).getroot().iter(f"{{{TEI_NS}}}graphic"):
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


def copy_images(images: dict[str, Path], site: SiteWriter) -> None:
    for url, target in images.items():
        site.copy(url, target)


def copy_pdfs(pdf_dir: Path, site: SiteWriter, essay_ids: list[str], link: bool = False) -> None:
    for essay_id in essay_ids:
        pdf = pdf_dir / f"{essay_id}.pdf"
        if pdf.is_file():
            (site.link if link else site.copy)(f"pdf/{pdf.name}", pdf)


def page_language(page: str) -> str:
    """The language a page's ``<html lang>`` declares (the stylesheets write it on the first element)."""
    match = _HTML_LANG.search(page, 0, 4096)
    return match.group(1) if match else ""


@dataclass(frozen=True)
class Bundle:
    """One Pagefind index of the site: its folder, the language it stems by, the pages it holds."""

    folder: str
    lang: str
    pages: tuple[str, ...]
    keyed: bool = False  #: named by its content (a shard): the previous site's folder of that name is the same index


def search_bundles(pages: Mapping[str, str], corpus: list[str], interface: str, shard: int | None = None) -> list[Bundle]:
    """The site's Pagefind indexes, one per page language: ``pagefind/`` for the interface language
    (with the corpus pages), ``pagefind-LANG/`` for another. A language with more than ``shard``
    reading pages has them split instead into indexes of about ``shard`` pages, each named by its
    content (``pagefind-LANG-KEY/``), so a changed text re-indexes its own share only and the
    others are taken from the last build; the corpus pages then have ``pagefind/`` to themselves.
    ``pages`` are the reading pages (name → page), ``corpus`` the names of the corpus pages (in the
    interface language). The search page merges them all (assets/search.js)."""
    shard = shard or SHARD_PAGES
    groups: dict[str, list[str]] = {interface: []}
    for name in sorted(pages):
        if lang := page_language(pages[name]):
            groups.setdefault(lang, []).append(name)
    bundles: list[Bundle] = []
    for lang, texts in sorted(groups.items()):
        own = sorted(corpus) if lang == interface else []
        if len(texts) <= shard:
            bundles.append(Bundle(search_bundle(lang, interface), lang, tuple(sorted([*own, *texts]))))
            continue
        if own:
            bundles.append(Bundle("pagefind", lang, tuple(own)))
        # Shards by a hash of the page's name, their number a power of two: adding or removing a
        # text moves no other text to another shard until the number doubles.
        count = 1 << max(0, math.ceil(len(texts) / shard) - 1).bit_length()
        shards: dict[int, list[str]] = {}
        for name in texts:
            shards.setdefault(int(_sha(name)[:8], 16) % count, []).append(name)
        for _, members in sorted(shards.items()):
            key = _sha(PAGEFIND_VERSION, lang, *(f"{n}\n{pages[n]}" for n in members))[:16]
            bundles.append(Bundle(f"pagefind-{lang}-{key}", lang, tuple(members), keyed=True))
    return bundles


def merged_bundles(bundles: list[Bundle]) -> str:
    """The search page's list of the indexes it merges into ``pagefind/``'s: ``LANG:FOLDER/`` each."""
    return " ".join(f"{b.lang}:{b.folder}/" for b in bundles if b.folder != "pagefind")


def search_bundle(lang: str, interface: str) -> str:
    """Where the index of one language lives: ``pagefind/`` for the interface language, else ``pagefind-LANG/``."""
    return "pagefind" if lang == interface else f"pagefind-{lang}"


def index_search(site: SiteWriter, bundles: list[Bundle], pages: Mapping[str, str] | None = None,
                 recorded: Mapping[str, str] | None = None) -> None:
    """Write each bundle's Pagefind index, with its language's stemming, several at once. A bundle
    named by its content is linked from the previous site when that has it; so is another whose
    pages (``pages``: name → page) are those the previous site's index was recorded for (``recorded``)."""
    todo = []
    for bundle in bundles:
        if bundle.keyed:
            if site.link_tree(bundle.folder):
                continue
        elif pages is not None:
            key = site.keys[bundle.folder] = _index_key(bundle, pages)
            if recorded is not None and recorded.get(bundle.folder) == key and site.link_tree(bundle.folder):
                continue
        todo.append(bundle)
    with ThreadPoolExecutor(local_threads(len(todo))) as threads:
        for result in threads.map(lambda b: _pagefind(site.out_dir, b), todo):
            if result.returncode != 0:
                raise HtmlBuildError(f"pagefind failed on {site.out_dir}: {result.stderr.strip() or result.stdout.strip()}")


def _index_key(bundle: Bundle, pages: Mapping[str, str]) -> str:
    """What a bundle's index is made from: Pagefind's version, the language and the pages it indexes.
    Where any page marks its body (``data-pagefind-body``), Pagefind leaves out those that do not
    (the search page), so they are no part of the index."""
    texts = [(name, pages[name]) for name in bundle.pages]
    marked = [(name, text) for name, text in texts if "data-pagefind-body" in text]
    return _sha(PAGEFIND_VERSION, bundle.lang, *(f"{name}\n{text}" for name, text in marked or texts))


@cache
def _pagefind_binary() -> str:
    """The Pagefind executable the pinned ``pagefind[bin]`` installs, run directly: ``python -m
    pagefind`` starts an interpreter only to find it (0.2 s of each index's run)."""
    from pagefind_bin import get_executable

    return str(get_executable().resolve())


def _pagefind(out_dir: Path, bundle: Bundle) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_pagefind_binary(), "--site", str(out_dir), "--glob", "{" + ",".join(bundle.pages) + "}",
         "--output-subdir", bundle.folder, "--force-language", bundle.lang, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )


def site_inputs(edition: Edition) -> tuple[dict[str, Path], list[str], dict[str, str]]:
    """What every page of the site is made with: the images it copies (site path → file), a
    warning for each image left out, and the stylesheet parameters."""
    images, warnings = site_images(edition)
    return images, warnings, {**edition.stylesheet_params, "site-images": " ".join(sorted(images))}


def write_site(edition: Edition, out_dir: Path, essay_pages: Mapping[str, str], summaries: list[str],
               images: dict[str, Path], params: dict[str, str], previous: Path | None = None,
               inputs: str | None = None, recorded: Mapping[str, str] | None = None) -> SiteWriter:
    """Write the site into ``out_dir`` around the texts' reading pages (name → page, each taken
    once at a time: they may be read from files) and summaries (in text order): the corpus pages,
    images, assets, TEI downloads and the search indexes; return its writer (the PDFs may follow:
    :func:`copy_pdfs`).

    With ``inputs`` (the key of the toolkit, configuration, register and ``params``) the writer's
    keys say what the corpus pages and the indexes not named by their content were made from; the
    previous site's are taken again where ``recorded`` (its keys) shows the same: a changed text
    whose summary is unchanged remakes at most the search page (when its list of indexes changed)
    and does not index the corpus pages again (of a rebuild of 1 of 1,000 texts, 5 and 3.5 s)."""
    # The search page (a corpus page) lists the indexes it merges.
    bundles = search_bundles(essay_pages, list(SITE_PAGES), edition.interface)
    listed = merged_bundles(bundles)
    site = SiteWriter(out_dir, previous)
    corpus: dict[str, str] = {}
    if inputs is not None:
        made_from = _sha(inputs, edition.header_bytes, *summaries)
        keys = {name: _sha(made_from, name, listed if name == SEARCH_PAGE else "") for name in SITE_PAGES}
        site.keys.update(keys)
        corpus = _recorded_pages(previous, keys, recorded or {})
    if stale := [name for name in SITE_PAGES if name not in corpus]:
        corpus.update(corpus_pages(edition, summaries, params, stale, listed))
    corpus = {name: corpus[name] for name in SITE_PAGES}
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_images(images, site)
    for name, text in corpus.items():
        if name not in essay_pages:  # a text's own page goes before a corpus page of its name
            site.write(name, text.encode("utf-8"))
    for name in essay_pages:
        site.write(name, essay_pages[name].encode("utf-8"))
    for asset in sorted(p for p in ASSETS.rglob("*") if p.is_file()):
        site.copy(f"assets/{asset.relative_to(ASSETS).as_posix()}", asset)
    copy_sources(edition, site)
    index_search(site, bundles, ChainMap(essay_pages, corpus) if inputs is not None else None, recorded)
    return site


def _recorded_pages(previous: Path | None, keys: Mapping[str, str], recorded: Mapping[str, str]) -> dict[str, str]:
    """Those of the previous site's pages (name → text) that are there and were recorded made from the key ``keys`` gives them."""
    if previous is None:
        return {}
    return {name: (previous / name).read_text(encoding="utf-8") for name, key in keys.items()
            if recorded.get(name) == key and (previous / name).is_file()}


def build_html(edition_dir: Path, out_dir: Path, pdf_dir: Path | None = None, previous: Path | None = None) -> list[str]:
    """Write the complete HTML site of the edition at ``edition_dir`` into ``out_dir``, every page
    made in this process; return warnings (``file:line: warning: …``) for what a page could not
    show as encoded. Reading pages link their PDF at ``pdf/<text-id>.pdf``; PDFs found in
    ``pdf_dir`` are copied there. Files and search indexes the site ``previous`` (the last
    build's) holds unchanged are linked from it, and so are the PDFs (then the build's own).
    (The build makes the pages in its workers: edition/build.py.)
    """
    edition = read_edition(edition_dir)
    images, warnings, params = site_inputs(edition)
    done = [text_outputs(edition, path, params) for path in edition.texts]
    pages = {f"{text_id(path)}.html": page for path, (page, _) in zip(edition.texts, done)}
    site = write_site(edition, out_dir, pages, [summary for _, summary in done], images, params, previous)
    if pdf_dir is not None:
        copy_pdfs(pdf_dir, site, [text_id(path) for path in edition.texts], link=previous is not None)
    return warnings
