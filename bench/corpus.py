"""Nothing silently lost: every file of ../shared/corpus/ through `edition new`, `add`, `build --allow-invalid`.

The corpus is ROOT.parent/shared/corpus (beside the checkout); without it the script exits 2.
One edition is made from all of its files in a temporary folder and built with the checkout's
toolkit; then, per file:

* word recall of the TEI ``<text>`` (every text node under the root's ``tei:text``, comments and
  processing instructions left out) in the HTML reading page (the visible text of its ``<main>``)
  and in the PDF (``pdftotext -bbox-layout``, the text area of each page): |source ∩ output| /
  |source|, words counted as multisets;
* verse lines (tei:l), speeches (tei:sp), table cells (tei:cell), figures (tei:figure) in the
  source, and how many the reading page shows as an element of their own: a visible element (not
  in a note's popover, which repeats the note) whose class holds the TEI name (the stylesheets'
  ``class="{local-name()}"`` convention), or the HTML counterpart (``td``/``th`` for cells,
  ``figure`` for figures); 0 when not marked; and how many the PDF lays out as one: the calls of
  its Typst markup for each (``#verse-line``, ``#speech``, ``tei-cell``, ``#tei-figure``);
* ids that occur more than once on the reading page; validation errors the build reported for the
  file; whether its PDF was made.

Words: the text is NFKC-normalised (NFC plus compatibility forms, so PDF ligatures such as ﬁ read
as fi), soft hyphens removed, case-folded (after the line-end rules below), then split into runs of letters and digits (every other
character, punctuation, hyphens and apostrophes included, separates words). Element boundaries
separate words except inside the known inline elements (TEI ``hi``, ``persName``…; HTML ``span``,
``em``, ``a``…); the alternatives of a TEI ``choice``, ``app`` or ``subst`` (sic and corr, lem and
rdg, add and del) are read apart, in the TEI and in the HTML (children of an element of class
``choice``, ``app``, ``subst``), as are the pieces of an XML example (egXML, shown as code). A line break (TEI ``lb``/``pb``/``cb``, HTML ``br``, a line of
``pdftotext``) after a soft hyphen, or after a hyphen (- ‐ ¬) before a lower-case letter, joins
the two halves into one word, as does any TEI break with ``@break="no"``. Not visible in the
HTML, hence not read: scripts, styles, templates, ``hidden`` elements and ``.visually-hidden``
text for screen readers. The normalised and the diplomatic reading of one place (``.reading-norm``,
``.reading-dipl``: the reader's switch) are read apart, like the alternatives of the TEI; a break inside a word
(``.lb-join``) joins it. Not read as part of the text flow: the margin labels of pages (``.pb-label``) and paragraphs (``.pnum``), footnote markers (``.noteref-wrap``) and their
popovers (``.note-pop``; the notes section holds the same text). Not read in the PDF: what stands
outside the text area of a page (the margins edition.typ sets): running heads, folios and the page
labels of the source in the outer margin, all artifacts of the PDF's tagged structure; pieces of
text that touch on a line are one word (pdftotext parts a word where a page label is drawn
between its letters); the word joiners the book sets (U+2060, no line break) part words, as they
do in any text extraction.

    python3 bench/corpus.py [--show N]   (N: the most frequent lost words per file and output)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from lxml import etree, html

from edition.paths import ROOT
from edition.project import slug
from edition.transform.pdf import typst_markup
from edition.xmlio import NS, parse

CORPUS = ROOT.parent / "shared" / "corpus"
EDITION = [sys.executable, "-c", "from edition.cli import main; main()"]  # the checkout's toolkit

LINE, JOIN = "\x01", "\x00"  # markers in the flow text: a line break, a break that keeps the word whole
TOUCHING = 0.3  # pt: pieces of text on a PDF line this close or closer are one word
TEI_INLINE = frozenset(
    "abbr add addName am app choice corr damage date del distinct emph ex expan foreign forename g genName "
    "geogName gloss hi lem measure mentioned name nameLink num orgName orig pc persName placeName q quote rdg "
    "reg roleName rs said seg sic soCalled subst supplied surname surplus term time title unclear w c "
    "ref author editor edition publisher pubPlace biblScope".split())
TEI_BREAKS = frozenset({"lb", "pb", "cb"})
TEI_ALTERNATIVES = frozenset({"choice", "app", "subst"})  # their children are read apart (sic · corr, lem · rdg)
HTML_INLINE = frozenset(
    "a abbr b bdi bdo button cite code data del dfn em i ins kbd label mark q s samp small span strong sub sup "
    "time u var".split())
HTML_SKIP = frozenset({"script", "style", "template", "noscript"})
HTML_SKIP_CLASSES = frozenset({"visually-hidden", "pb-label", "pnum", "noteref-wrap", "note-pop"})
HTML_READINGS = frozenset({"reading-norm", "reading-dipl"})
HTML_ALTERNATIVES = frozenset(TEI_ALTERNATIVES)  # the stylesheets' class="{local-name()}": children read apart
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
KINDS = ("l", "sp", "cell", "figure")
HTML_COUNTERPARTS = {"cell": {"td", "th"}, "figure": {"figure"}}
# the Typst calls of xslt/pdf/behaviours.xsl that lay out each kind as a structure of its own
PDF_CALLS = {"l": "#verse-line(", "sp": "#speech[", "cell": "tei-cell(", "figure": "#tei-figure["}
TYPST_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')  # every source text is one: no call is counted inside it


def words(flow: str) -> Counter[str]:
    """The words of a flow text (see the module docstring) as a multiset."""
    text = unicodedata.normalize("NFKC", flow)
    text = re.sub(rf"[-\u2010\u00ac\u00ad]?\s*{JOIN}\s*", "", text)
    text = re.sub(rf"\u00ad\s*(?:{LINE}\s*)+", "", text)  # a soft hyphen at a line end: the word goes on
    text = re.sub(rf"(\w)[-\u2010\u00ac]\s*(?:{LINE}\s*)+(\w)",  # case-folded after: Samen-|Korn stays two words
                  lambda m: m[1] + m[2] if m[2].islower() else f"{m[1]} {m[2]}", text)
    return Counter(re.findall(r"[^\W_]+", text.replace("\u00ad", "").casefold()))


def _space(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


def tei_flow(el: etree._Element) -> Iterator[str]:
    """The text under ``el`` with word boundaries made explicit."""
    name = etree.QName(el).localname
    if name in TEI_BREAKS:
        yield JOIN if el.get("break") == "no" else LINE
        return
    # examples of XML (egXML) are shown as code, their markup between the words: read each piece apart
    example = etree.QName(el).namespace == EXAMPLES_NS
    block = name not in TEI_INLINE or example or etree.QName(el.getparent()).localname in TEI_ALTERNATIVES
    if block:
        yield " "
    yield _space(el.text)
    for child in el:
        if isinstance(child.tag, str):  # comments and PIs: only their tail is text
            yield from tei_flow(child)
        yield _space(child.tail)
    if block:
        yield " "


def html_flow(el: html.HtmlElement) -> Iterator[str]:
    """The visible text under ``el`` with word boundaries made explicit."""
    if el.tag == "br":
        yield LINE
        return
    if el.tag in HTML_SKIP or el.get("hidden") is not None or HTML_SKIP_CLASSES & set(el.classes):
        return
    if "lb-join" in el.classes:  # a break inside a word, shown only in the diplomatic reading
        yield JOIN
        return
    # the normalised and the diplomatic reading of one place are never shown together: read apart
    parent = el.getparent()
    block = (el.tag not in HTML_INLINE or bool(HTML_READINGS & set(el.classes))
             or (parent is not None and bool(HTML_ALTERNATIVES & set(parent.classes))))
    if block:
        yield " "
    yield _space(el.text)
    for child in el:
        if isinstance(child.tag, str):
            yield from html_flow(child)
        yield _space(child.tail)
    if block:
        yield " "


def _page_margins() -> dict[str, float]:
    """The book's page margins in points (inside, outside, top, bottom), as edition.typ sets them."""
    typ = (ROOT / "xslt" / "pdf" / "edition.typ").read_text(encoding="utf-8")
    found = {name: re.search(rf"\b{name}(?: =|:) (\d+(?:\.\d+)?)mm", typ) for name in ("inside", "outside", "top", "bottom")}
    missing = [name for name, m in found.items() if m is None]
    if missing:
        sys.exit(f"edition.typ: no page margin {', '.join(missing)} in mm; the bench cannot find the text area")
    return {name: float(m[1]) * 72 / 25.4 for name, m in found.items() if m}


def visible(el: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """``el`` and the elements under it that the reader sees in the text flow (as html_flow reads
    them): a note's popover repeats the note, so its verse lines would count twice."""
    if not isinstance(el.tag, str) or el.tag in HTML_SKIP or el.get("hidden") is not None \
            or HTML_SKIP_CLASSES & set(el.classes):
        return
    yield el
    for child in el:
        yield from visible(child)


def pdf_structures(markup: str) -> dict[str, int]:
    """How often the PDF's Typst markup lays out each kind as a structure of its own."""
    code = TYPST_STRING.sub('""', markup)
    return {kind: code.count(call) for kind, call in PDF_CALLS.items()}


def pdf_text(pdf: Path) -> tuple[str, list[str]]:
    """The text area of the PDF's pages as a flow (its lines as line breaks) and what pdftotext
    complained of. The page furniture — running heads, folios, the page labels in the outer
    margin, all marked as artifacts in the PDF — stands outside the text area and is not read, as
    the HTML's page labels are not; a word broken across two pages then reads whole."""
    result = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
                            capture_output=True, text=True, check=True)
    # pdftotext's XHTML names a DTD: never loaded
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False, huge_tree=True)
    doc = etree.fromstring(result.stdout.encode("utf-8"), parser)
    margin, ns = _page_margins(), {"x": "http://www.w3.org/1999/xhtml"}
    lines = []
    for number, page in enumerate(doc.iterfind(".//x:page", ns), start=1):
        width, height = float(page.get("width")), float(page.get("height"))
        left = margin["inside"] if number % 2 else margin["outside"]  # bound at the left: recto's inside is left
        right = width - (margin["outside"] if number % 2 else margin["inside"])
        for line in page.iterfind(".//x:line", ns):
            text, end = "", None
            for w in line.iterfind("x:word", ns):
                x0, x1 = float(w.get("xMin")), float(w.get("xMax"))
                if float(w.get("yMax")) <= margin["top"] or float(w.get("yMin")) >= height - margin["bottom"] \
                        or x1 <= left or x0 >= right:
                    continue
                # pieces that touch are one word on the page (pdftotext parts a word where a mark
                # drawn between its letters, such as a page label, interrupts the text)
                text += ("" if end is not None and x0 - end < TOUCHING else " ") + (w.text or "")
                end = x1
            if text.strip():
                lines.append(text.strip())
    return LINE.join(lines), result.stderr.splitlines()


def recall(source: Counter[str], output: Counter[str]) -> float:
    total = sum(source.values())
    return sum((source & output).values()) / total if total else 1.0


@dataclass
class Row:
    name: str
    source: Counter[str]
    counts: dict[str, int]
    html_words: Counter[str] = field(default_factory=Counter)
    pdf_words: Counter[str] = field(default_factory=Counter)
    shown: dict[str, int] = field(default_factory=dict)
    pdf_shown: dict[str, int] = field(default_factory=dict)
    duplicate_ids: list[str] = field(default_factory=list)
    errors: int = 0
    html_problem: str = ""
    pdf_problem: str = ""  #: no PDF to read
    pdf_note: str = ""  #: read, with pdftotext's complaints


def source_row(name: str, path: Path) -> Row:
    texts = parse(path).getroot().findall("tei:text", NS)
    flow = "".join(part for text in texts for part in tei_flow(text))
    counts = {kind: sum(len(t.findall(f".//tei:{kind}", NS)) for t in texts) for kind in KINDS}
    return Row(name, words(flow), counts)


def read_html(row: Row, page: Path) -> None:
    if not page.is_file():
        row.html_problem = "no page"
        return
    doc = html.fromstring(page.read_bytes())
    main = next(iter(doc.xpath("//main")), None)
    if main is None:
        row.html_problem = "no <main>"
        return
    row.html_words = words("".join(html_flow(main)))
    row.shown = {kind: sum(1 for el in visible(main) if kind in el.classes or el.tag in HTML_COUNTERPARTS.get(kind, ()))
                 for kind in KINDS}
    ids = Counter(doc.xpath("//@id"))
    row.duplicate_ids = sorted(i for i, n in ids.items() if n > 1)


def read_pdf(row: Row, pdf: Path, build_log: list[str], markup: Callable[[], str]) -> None:
    """The PDF's words and, from ``markup`` (the Typst markup it was made of), its structures."""
    if not pdf.is_file():
        said = [line for line in build_log if f"{row.name}.xml" in line and "error" in line.lower()]
        row.pdf_problem = said[0] if said else "no PDF"
        return
    try:
        flow, complaints = pdf_text(pdf)
    except subprocess.CalledProcessError as exc:
        row.pdf_problem = f"pdftotext: {exc.stderr.strip()}"
        return
    row.pdf_words = words(flow)
    row.pdf_shown = pdf_structures(markup())
    if complaints:
        row.pdf_note = f"pdftotext: {len(complaints)}× {Counter(complaints).most_common(1)[0][0]}"


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EDITION, *args], capture_output=True, text=True, check=False, cwd=ROOT)


def build(folder: Path, files: list[Path]) -> tuple[list[tuple[Path, Path | None, str]], list[str]]:
    """The edition of ``files`` in ``folder``: per file (source, its text in the edition or None, why
    not), and the lines the build printed."""
    made = run(["new", str(folder), "--title", "Corpus", "--lang", "en", "--date", "2026-01-01"])
    if made.returncode:
        sys.exit(f"edition new failed:\n{made.stderr}")
    result = run(["add", str(folder), *map(str, files)])
    targets = {path.stem: path for path in map(Path, re.findall(r"^added (.+)$", result.stdout, re.M))}
    added = []
    for file in files:  # a text keeps its file name, or a slug of it where that is no id
        refusal = [line for line in result.stderr.splitlines() if line.startswith(f"{file}:")]
        added.append((file, targets.get(file.stem) or targets.get(slug(file.stem)), "; ".join(refusal)))
    built = run(["build", str(folder), "--allow-invalid"])
    print(f"edition build --allow-invalid: exit {built.returncode}")
    return added, (built.stdout + built.stderr).splitlines()


def percent(source: Counter[str], output: Counter[str], problem: str) -> str:
    return "fail" if problem else f"{100 * recall(source, output):6.2f}"


def lost(source: Counter[str], output: Counter[str], n: int) -> str:
    return " ".join(f"{w}×{c}" for w, c in (source - output).most_common(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print the N most frequent lost words per file")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS} (expected ../shared/corpus/ beside the checkout {ROOT})", file=sys.stderr)
        sys.exit(2)
    files = sorted(CORPUS.glob("*.xml"))
    print(f"corpus: {CORPUS} ({len(files)} files)")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        folder = Path(tmp) / "edition"
        added, log = build(folder, files)
        for line in log:
            if line.strip() and not re.match(r"^\S+:\d+:\d+: error:", line):  # the summary; problems are counted per file
                print(f"  {line}")
        for source, text, refusal in added:
            if text is None:
                print(f"{source.name}: not added: {refusal}")
                continue
            row = source_row(text.stem, source)
            row.errors = sum(1 for line in log if line.startswith(f"{text}:") and ": error:" in line)
            read_html(row, folder / "build" / "site" / f"{text.stem}.html")
            read_pdf(row, folder / "build" / "pdf" / f"{text.stem}.pdf", log, partial(typst_markup, text, folder))
            rows.append(row)
    print_table(rows, args.show)


def structures(kind: str, rows: list[Row]) -> str:
    """source/HTML/PDF counts of one kind of structure over ``rows``."""
    counts = (sum(r.counts[kind] for r in rows), sum(r.shown.get(kind, 0) for r in rows),
              sum(r.pdf_shown.get(kind, 0) for r in rows))
    return f"{'/'.join(map(str, counts)):>20}"


def print_table(rows: list[Row], show: int) -> None:
    kinds = "  ".join(f"{k + ' src/html/pdf':>20}" for k in KINDS)
    print(f"\n{'file':40} {'words':>7} {'HTML %':>6} {'PDF %':>6}  {kinds}  {'dup ids':>7} {'errors':>6}  PDF")
    for r in rows:
        shown = "  ".join(structures(k, [r]) for k in KINDS)
        print(f"{r.name:40} {sum(r.source.values()):>7} {percent(r.source, r.html_words, r.html_problem):>6} "
              f"{percent(r.source, r.pdf_words, r.pdf_problem):>6}  {shown}  {len(r.duplicate_ids):>7} {r.errors:>6}  "
              f"{r.pdf_problem or r.pdf_note or 'ok'}")
    total_words = sum(sum(r.source.values()) for r in rows)
    html_kept = sum(sum((r.source & r.html_words).values()) for r in rows)
    pdf_kept = sum(sum((r.source & r.pdf_words).values()) for r in rows)
    shown = "  ".join(structures(k, rows) for k in KINDS)
    failures = sum(1 for r in rows if r.pdf_problem)
    print(f"{'total (' + str(len(rows)) + ' files)':40} {total_words:>7} {100 * html_kept / total_words:>6.2f} "
          f"{100 * pdf_kept / total_words:>6.2f}  {shown}  {sum(len(r.duplicate_ids) for r in rows):>7} "
          f"{sum(r.errors for r in rows):>6}  {failures} failed")
    for r in rows:
        if r.duplicate_ids:
            print(f"{r.name}: duplicate ids {', '.join(r.duplicate_ids[:8])}{' …' if len(r.duplicate_ids) > 8 else ''}")
        if r.html_problem:
            print(f"{r.name}: HTML: {r.html_problem}")
        for label, output in (("HTML", r.html_words), ("PDF", r.pdf_words)):
            if show and r.source - output:
                print(f"{r.name}: lost in {label}: {lost(r.source, output, show)}")


if __name__ == "__main__":
    main()
