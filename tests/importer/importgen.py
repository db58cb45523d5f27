"""A deterministic generator of raw PDF text extractions with their answer keys.

A TEI text (a DTA print from ``../shared/corpus``, a text of the bundled edition or a
fixture of ``tests/fixtures/importer``) is read into its logical content — title,
byline, headings, paragraphs, list items, date lines, signatures, block quotations
and footnotes — and laid out as an extractor would give it, in one *habit*: line
width and page height, single or double spacing, page breaks by a leading space or
by form feeds (pdftotext raw or ``-layout``), printed page numbers on all, some or
no pages, running heads, note separators, notes numbered through or per page, lost
note texts, notes continued over pages, headings pushed to page edges, a title page.
The answer key is written from the same data, so it is right by construction.
Only prose is laid out: verse, tables, figures and formulas (and blocks whose sentence
goes on in a table) are left out of text and key alike.

Everything is decided by ``random.Random(seed)``: the same text, habit and seed give
the same bytes.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

T = "{http://www.tei-c.org/ns/1.0}"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "importer"
SHARED = ROOT.parent / "shared" / "corpus"
NOTE = "\x00{}\x00"  # a note anchor in a block's text
_ANCHOR = re.compile(r"\x00(\d+)\x00")
_LB = "\x01"  # a line break of the TEI source, until its hyphen is settled
_Q = ("\x02", "\x04")  # around a quotation (q) in a block's text, until the habit decides how it is set
_QSPAN = re.compile("\x02([^\x02\x04]*)\x04")
_QUOTES = {"de": ("„", "“"), "guillemets": ("«", "»"), "guillemets-de": ("»", "«"), "straight": ('"', '"')}
_SKIP = {"fw", "pb", "milestone", "figure", "table", "formula", "gap", "corr", "reg", "expan", "lg", "sp"}
_BLOCKS = {"head": "head", "p": "p", "item": "item", "dateline": "dateline", "signed": "signed", "salute": "signed", "quote": "quote"}


@dataclass
class Block:
    kind: str  # head | p | item | dateline | signed | quote
    text: str  # printed words, single spaces, note anchors as NOTE


@dataclass
class Text:
    name: str
    title: list[str]  # title lines (main, sub)
    byline: str
    author: str
    blocks: list[Block]
    notes: list[str]  # note texts in anchor order; "" = lost already in the source


@dataclass(frozen=True)
class Habit:
    name: str
    spacing: str = "single"  # single | double
    breaks: str = "space"  # space (leading space starts a page) | ff (pdftotext raw) | layout (pdftotext -layout)
    width: int = 90
    height: int = 40  # lines of a page, notes included
    hyphenate: bool = True
    page_numbers: str = "none"  # none | all | partial
    number_at: str = "bottom"  # top | bottom
    running: str = "none"  # none | head | foot
    separator: str = "blank"  # blank | rule (a long whitespace-only line) | none
    numbering: str = "through"  # through | star (*) per page) | paren (1) per page)
    lost: float = 0.0  # share of note texts missing from the page feet
    continued: bool = True  # a note too long for its page goes on on the next page
    edge_heads: float = 0.0  # chance that a heading is put at the top or bottom of a page
    title_page: bool = False  # the title, subtitle, byline and a place-and-year line alone on page 1
    bullet: str = "•"  # the mark before a list item: "•", or a dash "–" (which also opens lines of prose)
    blank_paragraphs: bool = True  # single spacing: a blank line between paragraphs
    block_quotes: bool = False  # a long quotation that is a sentence of its own is set as a block (narrower measure)
    soft_hyphens: bool = False  # line-end hyphenation printed as U+00AD (the PDF's own hyphenation, as pdftotext keeps it)
    label_alone: bool = False  # a note's label on a line of its own above its text (pdftotext -layout of superscript labels)
    proportional: bool = False  # lines set in a proportional typeface: full lines of one measure differ in characters


@dataclass
class Key:
    """What a perfect import finds."""

    title: list[str]
    author: str
    pages: int
    printed: list[str | None]
    heads: list[str]
    paragraphs: int
    paras: list[tuple[str, str]]  # first and last word of each paragraph (p), in order
    quotes: list[tuple[str, str]]  # first and last word of each block quotation, in order
    items: int
    closers: int
    title_page: list[str]  # lines of the title page beyond title, subtitle and byline (place and year): not text
    notes: list[tuple[tuple[str, ...], str | None]]  # (two words before the anchor, note text or None if lost)
    words: list[str]


@dataclass
class Extraction:
    name: str
    habit: Habit
    text: str
    key: Key
    title: str = ""
    author: str = ""


# ---------------------------------------------------------------- TEI → logical content


def _flat(e: etree._Element, notes: list[str], quote_marks: bool = True) -> str:
    """The printed text of ``e``: notes become anchors, ``lb break=no`` joins, sic not corr."""
    out: list[str] = [e.text or ""]
    for c in e:
        tag = etree.QName(c).localname if isinstance(c.tag, str) else ""
        if tag == "note":
            if c.get("place", "foot") == "foot" or c.get("n"):
                notes.append("")
                k = len(notes) - 1
                lost = c.find(f"{T}gap") is not None and not "".join(c.itertext()).strip()
                notes[k] = "" if lost else _norm(_flat(c, notes))
                out.append(NOTE.format(k))
        elif tag == "lb":
            out.append("" if c.get("break") == "no" else _LB)
        elif tag == "q" and quote_marks:
            a, b = _QUOTES.get(c.get("rend", ""), ("", ""))
            out.append(_Q[0] + a + _flat(c, notes) + b + _Q[1])
        elif tag and tag not in _SKIP:
            out.append(_flat(c, notes))
        out.append(c.tail or "")
    return "".join(out)


def _norm(s: str) -> str:
    # DTA prints keep the line-end hyphen before lb: drop it before a lower-case continuation, keep it (no space) before a capital.
    s = re.sub(r"(?<=[^\W\d_])[-¬]" + _LB + r"\s*(?=(.))", lambda m: "" if m.group(1).islower() else "-", s).replace(_LB, " ")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).replace("\u00ad", "")).strip()


def _next_is(e: etree._Element, tags: set[str]) -> bool:
    """Is the next element after ``e`` (skipping lb/pb/fw/milestone) one of ``tags``?"""
    for sib in e.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        name = etree.QName(sib).localname
        if name not in ("lb", "pb", "fw", "milestone", "cb"):
            return name in tags
    return False


def read_text(path: Path) -> Text:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)).getroot()
    text = root.find(f"{T}text")
    notes: list[str] = []
    title = [_norm(_flat(tp, notes)) for tp in text.iterfind(f".//{T}docTitle/{T}titlePart")][:2]
    by = text.find(f".//{T}byline")
    byline = _norm(_flat(by, notes)) if by is not None else ""
    author = _norm("".join(by.find(f".//{T}docAuthor").itertext())) if by is not None and by.find(f".//{T}docAuthor") is not None else ""
    blocks: list[Block] = []

    def walk(e: etree._Element) -> None:
        for c in e:
            if not isinstance(c.tag, str):
                continue
            tag = etree.QName(c).localname
            if tag in ("titlePage", "docTitle", "byline", "lg", "sp", "table", "figure", "castList", "note"):
                continue
            if tag in _BLOCKS and not (tag == "quote" and c.find(f"{T}p") is not None):
                s = _norm(_flat(c, notes))
                words = _ANCHOR.sub(" ", s).split()
                # Prose only: a block around a table or formula, or a formula line, has no layout here.
                prose = sum(1 for w in words if sum(ch.isalpha() for ch in w) >= 3) >= 0.5 * len(words)
                # A sentence that goes on in a table after the block is cut off without it.
                cut = not re.search(r"[.!?:;»«“\")]$", _ANCHOR.sub("", s).replace(_Q[1], "")) and _next_is(c, {"table", "formula", "figure"})
                if words and prose and not cut and c.find(f".//{T}table") is None and c.find(f".//{T}formula") is None:
                    blocks.append(Block(_BLOCKS[tag], s))
            else:
                walk(c)

    for part in ("front", "body", "back"):
        e = text.find(f"{T}{part}")
        if e is not None:
            walk(e)
    used = {int(k) for b in blocks for k in _ANCHOR.findall(b.text)}
    used |= {int(k) for s in title + [byline] for k in _ANCHOR.findall(s)}
    # A note anchored in a skipped element (a table, a verse) is not printed: drop it, renumber the rest.
    order = sorted(used)
    remap = {old: new for new, old in enumerate(order)}

    def fix(s: str) -> str:
        return _ANCHOR.sub(lambda m: NOTE.format(remap[int(m.group(1))]) if int(m.group(1)) in remap else "", s)

    return Text(path.stem, [fix(t) for t in title], fix(byline), author, [Block(b.kind, fix(b.text)) for b in blocks], [notes[k] for k in order])


#: A quotation of at least this many words may be set as a block (the typesetter's habit, not the importer's).
BLOCK_QUOTE_WORDS = 25


def set_quotes(t: Text, block_quotes: bool) -> Text:
    """The quotations of ``t`` in the habit: inline, or a long one that stands as a sentence of its own
    (after a colon or a sentence end, followed by a new sentence or the paragraph's end) as a block."""

    def inline(s: str) -> str:
        return s.replace(_Q[0], "").replace(_Q[1], "")

    blocks: list[Block] = []
    for b in t.blocks:
        rest = b.text
        while block_quotes and b.kind == "p":
            m = next((m for m in _QSPAN.finditer(rest) if _blockable(rest, m)), None)
            if m is None:
                break
            before, quote, after = rest[: m.start()].strip(), m.group(1), rest[m.end() :]
            stop = re.match(r"^[.!?;]*(?:\x00\d+\x00)?", after).group()  # the quotation's own final mark and note
            after = after[len(stop) :].strip()
            if before:
                blocks.append(Block("p", inline(before)))
            blocks.append(Block("quote", inline(quote + stop)))
            rest = after
        if rest:
            blocks.append(Block(b.kind, inline(rest)))
    return replace(t, title=[inline(x) for x in t.title], byline=inline(t.byline), blocks=blocks, notes=[inline(n) for n in t.notes])


def _blockable(text: str, m: re.Match) -> bool:
    before = _ANCHOR.sub("", text[: m.start()]).rstrip()
    after = _ANCHOR.sub("", text[m.end() :])
    words = len(_ANCHOR.sub(" ", m.group(1)).split())
    opens = not before or before[-1] in ".:!?"
    closes = re.match(r"^[.!?;]*(\s+[A-ZÄÖÜ\d„»«\"(]|\s*$)", after) is not None
    return words >= BLOCK_QUOTE_WORDS and opens and closes


def texts() -> list[Path]:
    """The texts the bench lays out: fixtures always, the edition's texts, the DTA prose prints when ../shared is there."""
    found = sorted(FIXTURES.glob("gen-*.xml")) + sorted((ROOT / "editions" / "russische-revolution" / "texts").glob("*.xml"))
    found += [p for p in sorted(SHARED.glob("de-dta-*.xml")) if "gedichte" not in p.name]  # verse is no essay layout
    return found


def excerpt(t: Text, rng: random.Random, words: int) -> Text:
    """About ``words`` words from a heading on (or the start), with the notes they anchor, renumbered."""
    heads = [i for i, b in enumerate(t.blocks) if b.kind == "head"]
    total = sum(len(b.text.split()) for b in t.blocks)
    start = 0
    if total > words * 1.3 and heads:
        start = rng.choice([h for h in heads if sum(len(b.text.split()) for b in t.blocks[h:]) >= words] or [0])
    chosen: list[Block] = []
    n = 0
    for b in t.blocks[start:]:
        if n >= words and b.kind == "head":
            break
        chosen.append(b)
        n += len(b.text.split())
        if n >= words * 1.4:
            break
    while chosen and chosen[-1].kind == "head":
        chosen.pop()
    keep: list[int] = []
    for s in t.title + [t.byline] + [b.text for b in chosen]:
        keep += [int(k) for k in _ANCHOR.findall(s)]
    remap = {old: new for new, old in enumerate(keep)}

    def fix(s: str) -> str:
        return _ANCHOR.sub(lambda m: NOTE.format(remap[int(m.group(1))]), s)

    return replace(t, title=[fix(x) for x in t.title], byline=fix(t.byline), blocks=[Block(b.kind, fix(b.text)) for b in chosen], notes=[t.notes[k] for k in keep])


# ---------------------------------------------------------------- layout

TOK = re.compile(r"[^\W\d_]+|\d+")
_VOWEL = set("aeiouäöüyAEIOUÄÖÜY")


def _split_at(word: str, room: int) -> int:
    """Where a word may be hyphenated to fit ``room`` characters (0: nowhere).

    At a hyphen of the word, else before a consonant that is followed by a vowel (a rough
    German syllable rule), leaving at least two letters before and three after.
    """
    m = re.match(r"^([^\W\d_]+(?:-[^\W\d_]+)*)", word)
    if not m:
        return 0
    letters = m.group(1)
    best = 0
    for k in range(2, len(letters) - 2):
        if k + 1 > room:
            break
        if letters[k - 1] == "-":
            best = k
        elif "-" not in letters[k - 1 : k + 1] and letters[k] not in _VOWEL and k + 1 < len(letters) and letters[k + 1] in _VOWEL and letters[k - 1].isalpha() and letters[k].isalpha():
            # ch, ck and sch stay together; acronyms are not split
            if not (letters[k - 1] in "cs" and letters[k] in "hck") and not (letters[k - 1].isupper() and letters[k].isupper()):
                best = k
    return best


#: Widths of letters in a proportional typeface, in units of an average letter (a rough Antiqua).
_NARROW, _WIDE = set("fijlrt.,;:!'|()[]-/ "), set("mwMW")


def proportional(s: str) -> float:
    """The width of ``s`` set in a proportional typeface: an extractor's lines of one measure then hold
    more or fewer characters, as real PDFs do."""
    return sum(0.55 if c in _NARROW else 1.45 if c in _WIDE else 1.2 if c.isupper() else 1.0 for c in s)


def wrap(words: list[str], width: int, hyphenate: bool, first: int = 0, soft: bool = False, measure=len) -> list[str]:
    """Greedy lines of ``width`` (the first ``first`` shorter), as wide as ``measure`` says (characters, or
    ``proportional``); a word split at the end gets ``-``, or, with ``soft``, the soft hyphen (U+00AD) a
    PDF's own hyphenation leaves in an extraction."""
    lines: list[str] = []
    cur = ""
    queue = list(words)
    while queue:
        w = queue.pop(0)
        room = width - (first if not lines else 0)
        if not cur:
            cur = w
            continue
        if measure(cur + " " + w) <= room:
            cur += " " + w
            continue
        avail = room - measure(cur + " ")
        fit = max((n for n in range(len(w) + 1) if measure(w[:n] + "-") <= avail), default=0)
        k = _split_at(w, fit + 1) if hyphenate else 0
        if k:
            left, right = w[:k], w[k:]
            lines.append(cur + " " + (left if left.endswith("-") else left + ("\u00ad" if soft else "-")))
            queue.insert(0, right)
            cur = ""
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


@dataclass
class _Line:
    text: str
    kind: str  # body | head | sep | imprint (a title page's place and year)
    notes: list[int] = field(default_factory=list)
    edge: str = ""  # head at a page edge: top | bottom


def _label(h: Habit, k: int, on_page: int) -> str:
    if h.numbering == "star":
        return "*" * on_page + ")"
    if h.numbering == "paren":
        return f"{on_page})"
    return str(k + 1)


def _body_lines(t: Text, h: Habit, rng: random.Random) -> list[_Line]:
    out: list[_Line] = []

    def add(text: str, kind: str) -> None:
        out.append(_Line(text, kind, [int(k) for k in _ANCHOR.findall(text)]))

    def sep() -> None:
        if out and out[-1].kind != "sep":
            out.append(_Line("", "sep"))

    for s in t.title:
        for line in wrap(s.split(), h.width * 2 // 3, False, measure=_measure(h)):
            add(line, "head")
    if t.byline:
        add(t.byline, "head")
    sep()
    if h.title_page:
        add(imprint_line(rng), "imprint")
        out.append(_Line("", "page"))
    prev = ""
    for b in t.blocks:
        words = b.text.split()
        if b.kind == "head":
            sep()
            edge = rng.choice(["top", "bottom"]) if rng.random() < h.edge_heads else ""
            head = wrap(words, h.width * 3 // 4, False, measure=_measure(h))
            for k, line in enumerate(head):
                add(line, "head")
                # A heading is never split by a page break: it opens a page, or its last line ends one.
                if edge == ("top" if k == 0 else "") or edge == "bottom" and k == len(head) - 1:
                    out[-1].edge = edge
            sep()
        elif b.kind in ("dateline", "signed"):
            sep()
            for line in wrap(words, h.width, False, measure=_measure(h)):
                add(line, "head")
            sep()
        elif b.kind == "quote":
            sep()
            for line in wrap(words, h.width - 8, h.hyphenate, soft=h.soft_hyphens, measure=_measure(h)):
                add(("    " if h.breaks == "layout" else "") + line, "body")
            sep()
        else:
            if b.kind == "item":
                words = [h.bullet] + words
            elif prev in ("p", "item") and h.spacing == "single" and h.blank_paragraphs:
                sep()
            indent = 4 if h.breaks == "layout" and b.kind == "p" else 0
            for k, line in enumerate(wrap(words, h.width, h.hyphenate, indent, h.soft_hyphens, _measure(h))):
                add((" " * indent if k == 0 else "") + line, "body")
        prev = b.kind
    return out


def imprint_line(rng: random.Random) -> str:
    """A title page's place and year (``Leipzig 1868``, ``Wien, 1912``, ``Berlin · 2017``): not in the TEI's
    text, so the import must keep it out of the body."""
    place = rng.choice(["Berlin", "Leipzig", "Wien", "Zürich", "Brünn", "Frankfurt am Main"])
    return f"{place}{rng.choice([' ', ', ', ' · '])}{rng.randint(1850, 2020)}"


def _measure(h: Habit):
    return proportional if h.proportional else len


def _render_marks(text: str, labels: dict[int, str]) -> str:
    return _ANCHOR.sub(lambda m: labels[int(m.group(1))], text)


def layout(t: Text, h: Habit, seed: int) -> Extraction:
    rng = random.Random(f"{t.name}/{h.name}/{seed}")
    lines = _body_lines(t, h, rng)
    lost = {k for k, s in enumerate(t.notes) if not s} | {k for k in range(len(t.notes)) if rng.random() < h.lost}
    offset = rng.choice([1, 1, 3, 17, 101, 233])
    pages: list[tuple[list[_Line], list[tuple[int | None, str]]]] = []  # body lines, foot (note, text)
    body: list[_Line] = []
    foot: list[tuple[int | None, str]] = []  # (note index or None for a continuation, its text)
    carry: list[str] = []  # words of a note that goes on on the next page
    labels: dict[int, str] = {}
    on_page = 0
    furniture = (1 if h.page_numbers != "none" else 0) + (1 if h.running != "none" else 0)
    cap = h.height - furniture

    def foot_lines(items: list[tuple[int | None, str]]) -> int:
        n = sum(len(wrap(s.split(), h.width, h.hyphenate, soft=h.soft_hyphens, measure=_measure(h))) + (h.label_alone and k is not None) for k, s in items)
        return n + (1 if items and h.separator != "none" else 0)

    def close() -> None:
        nonlocal body, foot, on_page
        pages.append((body, foot))
        body, foot, on_page = [], [], 0

    def used() -> int:
        return len(body) + foot_lines(foot)

    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "page":
            close()
            i += 1
            continue
        if ln.kind == "sep" and not body:
            i += 1
            continue
        if not body and carry:
            foot.append((None, " ".join(carry)))
            carry = []
        if ln.edge == "top" and body:
            close()
            continue
        if ln.kind == "head" and not ln.edge and body and (i == 0 or lines[i - 1].kind != "head"):
            # A heading stays together and with the first line after it.
            n = next((k for k in range(i, len(lines)) if lines[k].kind != "head"), len(lines)) - i
            if len(body) + n + 2 + foot_lines(foot) > cap:
                close()
                continue
        new = [k for k in ln.notes if k not in lost]
        trial = foot + [(k, t.notes[k]) for k in new]
        if body and len(body) + 1 + foot_lines(trial) > cap:
            # The habit may begin the line's one note here and go on with it on the next page.
            room = cap - len(body) - 1 - foot_lines(foot) - (0 if foot or h.separator == "none" else 1)
            words = t.notes[new[0]].split() if len(new) == 1 else []
            taken = len(" ".join(wrap(words, h.width, False, measure=_measure(h))[:room]).split()) if room > 0 else 0
            if h.continued and 0 < taken < len(words):
                foot.append((new[0], " ".join(words[:taken])))
                carry = words[taken:]
                new = []
            else:
                close()
                continue
            trial = foot
        body.append(ln)
        for k in ln.notes:
            on_page += 1
            labels[k] = _label(h, k, on_page)
        foot = trial
        i += 1
        if ln.edge == "bottom" or carry:
            close()
    if body or foot:
        close()
    if carry:  # the last note went on beyond the last line of text: a page of its own
        pages.append(([], [(None, " ".join(carry))]))

    printed: list[str | None] = []
    for p in range(len(pages)):
        show = h.page_numbers == "all" or (h.page_numbers == "partial" and rng.random() < 0.5)
        printed.append(str(p + offset) if show and (p > 0 or h.page_numbers == "all") else None)
    text = _render(t, h, pages, printed, labels, rng)
    return Extraction(f"{t.name}-{h.name}-{seed}", h, text, _key(t, h, pages, printed, lost), " ".join(_ANCHOR.sub("", s) for s in t.title[:1]), t.author)


def _render(t: Text, h: Habit, pages, printed: list[str | None], labels: dict[int, str], rng: random.Random) -> str:
    out: list[str] = []
    short = t.title[0].split(" ")[0] if t.title else ""
    running_text = _ANCHOR.sub("", t.author or (t.title[0] if t.title else short))[:60]

    def center(s: str) -> str:
        return " " * max(0, (h.width - len(s)) // 2) + s if h.breaks == "layout" else s

    for p, (body, foot) in enumerate(pages):
        page: list[str] = []
        num = printed[p]
        if p > 0 and h.running == "head":
            page.append(center(running_text) if not (num and h.number_at == "top") else center(f"{num}   {running_text}"))
        elif num and h.number_at == "top":
            page.append(center(num))
        for ln in body:
            s = _render_marks(ln.text, labels)
            if ln.kind in ("head", "imprint") and h.breaks == "layout":
                s = center(s)
            page.append(s if ln.kind != "sep" else ("" if h.spacing == "single" else " "))
        while page and page[-1] in ("", " "):
            page.pop()
        foot_out: list[str] = []
        for k, s in foot:
            wrapped = wrap(s.split(), h.width, h.hyphenate, soft=h.soft_hyphens, measure=_measure(h))
            lead = f"{labels[k]} " if k is not None and not h.label_alone else ""
            if k is not None and h.label_alone:
                foot_out.append(labels[k])  # the label on a line of its own, its text under it
                lead = "    " if h.breaks == "layout" else ""
            for j, w in enumerate(wrapped):
                foot_out.append((lead + w) if j == 0 else w)
        if foot_out:
            page.append({"blank": "", "rule": " " * rng.randint(20, 60), "none": None}[h.separator])
            if page[-1] is None:
                page.pop()
            page += foot_out
        if h.running == "foot" and p > 0:
            page.append(center(running_text if not (num and h.number_at == "bottom") else f"{running_text}   {num}"))
        elif num and h.number_at == "bottom":
            page.append(center(num))
        out.append(_spaced(page, h, foot_len=len(foot_out)))
    if h.breaks == "space":
        return "".join(" " + pg for pg in out if pg)
    return "\f".join(out) + "\f"


def _spaced(page: list[str], h: Habit, foot_len: int) -> str:
    """A page's lines as the extractor joins them; double spacing: a blank after each body line, feet run
    together, and the page's last line runs into the next page (the habit of the bundled Dallmer extraction)."""
    if h.spacing == "single":
        return "".join(s + "\n" for s in page)
    body = page[: len(page) - foot_len]
    out = "".join(s + "\n\n" for s in body) + "".join(s + "\n" for s in page[len(body) :])
    return out[:-1] if not foot_len and out.endswith("\n\n") else out


def _words(s: str) -> list[str]:
    return TOK.findall(_ANCHOR.sub(" ", s))


def _ends(s: str) -> tuple[str, str]:
    w = _words(s)
    return (w[0], w[-1]) if w else ("", "")


def _key(t: Text, h: Habit, pages, printed: list[str | None], lost: set[int]) -> Key:
    stream = " ".join(t.title + [t.byline] + [b.text for b in t.blocks])
    notes = []
    for m in _ANCHOR.finditer(stream):
        k = int(m.group(1))
        before = tuple(_words(stream[: m.start()])[-2:])
        notes.append((before, None if k in lost else t.notes[k]))
    words = _words(stream) + [w for k, s in enumerate(t.notes) if k not in lost for w in _words(s)]
    return Key(
        title=[_ANCHOR.sub("", s) for s in t.title], author=t.author, pages=len(pages), printed=printed,
        heads=[" ".join(_words(b.text)) for b in t.blocks if b.kind == "head"],
        paragraphs=sum(1 for b in t.blocks if b.kind in ("p", "quote")),
        paras=[_ends(b.text) for b in t.blocks if b.kind == "p"],
        quotes=[_ends(b.text) for b in t.blocks if b.kind == "quote"],
        items=sum(1 for b in t.blocks if b.kind == "item"),
        closers=sum(1 for b in t.blocks if b.kind in ("dateline", "signed")),
        title_page=[ln.text for body, _ in pages for ln in body if ln.kind == "imprint"],
        notes=notes, words=words,
    )


# ---------------------------------------------------------------- habits

HABITS: list[Habit] = [
    Habit("single-space", separator="blank", page_numbers="none", block_quotes=True),
    Habit("double-space", spacing="double", separator="rule", page_numbers="partial", blank_paragraphs=False),
    # pdftotext on typeset PDFs: proportional type, so full lines differ in characters.
    Habit("pdftotext-raw", breaks="ff", page_numbers="all", running="head", block_quotes=True, proportional=True),
    # As pdftotext -layout gives a PDF typeset by the toolkit itself (Typst): soft hyphens, labels above their notes.
    Habit("pdftotext-layout", breaks="layout", page_numbers="all", number_at="bottom", running="head", blank_paragraphs=False, block_quotes=True,
          soft_hyphens=True, label_alone=True, proportional=True),
    Habit("partial-numbers", breaks="ff", page_numbers="partial", number_at="bottom"),
    Habit("notes-per-page", breaks="ff", numbering="star", page_numbers="all", number_at="top"),
    Habit("notes-paren", numbering="paren", page_numbers="all", block_quotes=True, bullet="–"),
    Habit("lost-notes", lost=0.3, spacing="double", separator="rule", blank_paragraphs=False, block_quotes=True),
    Habit("edge-heads", edge_heads=0.6, breaks="ff", running="foot", page_numbers="all", bullet="–"),
    Habit("title-page", title_page=True, breaks="ff", hyphenate=False, page_numbers="partial"),
]


def vary(h: Habit, rng: random.Random) -> Habit:
    """The habit on a page of another size."""
    return replace(h, width=rng.choice([68, 76, 84, 92, 100]), height=rng.choice([30, 36, 42, 48]))


def generate(path: Path, habit: Habit, seed: int, words: int = 1800) -> Extraction:
    rng = random.Random(f"{path.name}/{habit.name}/{seed}/size")
    t = excerpt(set_quotes(read_text(path), habit.block_quotes), rng, words)
    return layout(t, vary(habit, rng), seed)


def corpus(count: int = 50, words: int = 1800, first: int = 1) -> list[Extraction]:
    """``count`` extractions: the habits in turn, each over the texts in turn, seeds ``first``, ``first`` + 1, …"""
    paths = texts()
    out = []
    for i in range(count):
        r = i // len(HABITS)
        out.append(generate(paths[(i + r) % len(paths)], HABITS[i % len(HABITS)], first + i, words))
    return out
