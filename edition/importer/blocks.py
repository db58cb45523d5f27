"""Blocks: front matter, headings, paragraphs, list items and date lines from body lines.

Every rule reads the layout of the source (line lengths, separators, capitals,
blank lines where the habit gives them meaning); none knows the words of a
particular essay except the title, subtitle and author from its metadata.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
import unicodedata
from dataclasses import dataclass, field, replace

from .hyphenation import Join, is_hyphenated, join
from .pages import INDENT, BodyLine, shortest_full

PB = "\x01{}\x03"  # page-break sentinel; the number is the page's position in the source
SENTENCE_END = re.compile(r"[.!?:…\"»«“”')\]]$")
#: Dot leaders of a table set as text (``constant ...... ab``): never a heading.
LEADERS = re.compile(r"\.{4,}|(?:\. ){3,}")
_TRAILING_MARKER = re.compile(r"(?<=[^\d\s])\d{1,3}$")
ENUMERATED = re.compile(r"^(?:(?:\d{1,2}[.)]|[a-z]\))\s+\S|[IVXL]{1,5}\.\s+[a-zäöüß])")
#: A numbered section heading: a Roman numeral and a capitalised title (``II. Die Kritik.``).
NUMBERED_HEAD = re.compile(r"^[IVXL]{1,5}\.\s+[A-ZÄÖÜ]")
BULLET = re.compile(r"^[\ue000-\uf8ff•▪■◦‣∙]\s+")
#: A dash before a line opens a list item only with evidence (see ``_mark_dash_items``): it also opens lines of prose.
DASH = re.compile(r"^[–-]\s+(?=\S)")
DATELINE = re.compile(
    r"^[^,]{2,80}?(?:,\s*(?:(?:im|am|den)\s+)?|\s+(?:im|am|den)\s+)(?:\d{1,2}\.\s*)?(?:[A-ZÄÖÜ][a-zäöü]+\s+)?\d{4}\.?$"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
#: Without lines known to run full (a tiny text), a line this share of the median length is short.
FALLBACK_SHORT_SHARE = 0.9


@dataclass
class Block:
    kind: str  # title | subtitle | byline | head | p | item | dateline
    lines: list[BodyLine]
    text: str = ""
    page_before: int | None = None  # the block starts a page
    joins: list[Join] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.lines[0].no


@dataclass(frozen=True)
class Habits:
    spacing: str
    full_length: float
    trailing_spaces_end_paragraph: bool
    #: Lines under this length end short of the measure (a possible paragraph end); see ``short_limit``.
    short: float = 0.0
    width: int = 0  #: the measure: the longest lines of the text (95th percentile)
    indented: bool = False  #: paragraphs open with an indented first line (pdftotext -layout)
    hyphenated: tuple[int, ...] = ()  #: lengths of the hyphenated lines, sorted: lines that run to the measure
    #: A line alone that ends like a sentence is a heading only if it is this short (``§. 3.``, ``Vorwort.``),
    #: or right after a heading as long as the numbered headings (see head_words); None while those are sought.
    head_words: int | None = None
    numbered_words: int = 0
    #: The text sets a separator line after its headings too (most short unpunctuated lines after one have one
    #: after them): a line after a separator without one after it is no heading.
    closed_heads: bool = False
    #: No line of the text is set off by a blank or separator line: headings stand between lines of text.
    unspaced: bool = False


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", " ", re.sub(r"(?<=[^\d\s])\d{1,3}$", "", text)).strip()


def _stripped(line: BodyLine) -> str:
    return _TRAILING_MARKER.sub("", line.text)


def ends_sentence(line: BodyLine) -> bool:
    """Final punctuation; dot leaders (a table row's ``Samen .......``) are none."""
    text = _stripped(line)
    return bool(SENTENCE_END.search(text)) and not re.search(r"(?:\.{4,}|(?:\. ){3,}\.?)$", text)


def is_caps(text: str) -> bool:
    """Words in capitals (a Roman numeral is a number, not a word: ``XXVII. 142.)``)."""
    letters = [c for w in text.split() if not re.fullmatch(r"\W*[IVXLCDM]+\W*", w) for c in w if c.isalpha()]
    # Four letters at least: an acronym (``SPD``, ``USA``) is a word of the sentence, not a heading in capitals.
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def detect_habits(body: list[BodyLine], spacing: str) -> Habits:
    hyphenated = [len(x.text) for x in body if is_hyphenated(x.raw)]
    full = statistics.median(hyphenated) if hyphenated else statistics.median(len(x.text) for x in body)
    wide = [x for x in body if re.search(r"\S {2,}$", x.raw)]
    ending = sum(1 for x in wide if ends_sentence(x))
    lengths = sorted(len(x.text) for x in body)
    # The measure: the 95th percentile, as the longest lines may be a URL or a table row run past it.
    width = lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0
    # An indent of a few spaces after a line that ends a sentence, nearly always: the text's paragraph habit.
    # (An indented line under an unindented one: the lines of an indented block say nothing.)
    after = [ends_sentence(a) for a, b in zip(body, body[1:]) if INDENT.match(b.raw) and not b.page_start and not a.raw[:1].isspace()]
    # "Nearly always": four in five, over three cases at least (one or two indents may be a quotation's).
    indented = len(after) >= 3 and sum(after) >= 0.8 * len(after)
    # Trailing spaces end paragraphs where three in four lines with them end a sentence, over five cases at least.
    return Habits(
        spacing, float(full), len(wide) >= 5 and ending / len(wide) >= 0.75, short_limit(body), width, indented, tuple(sorted(hyphenated)),
        closed_heads=_closed_heads(body, width), unspaced=_unspaced(body),
    )


def _unspaced(body: list[BodyLine]) -> bool:
    """The text sets nothing off: its blank and separator lines inside a page stand mostly beside page furniture
    (a margin's page mark, a number line: pdftotext's default order leaves them), fewer between two lines of words."""
    mid = [(a, b) for a, b in zip(body, body[1:]) if (b.blank_before or b.sep_before) and not b.page_start and b.page == a.page]
    words = sum(1 for a, b in mid if _wordy(a.text) and _wordy(b.text))
    return bool(body) and (not mid or words < len(mid) - words)


def short_limit(body: list[BodyLine]) -> float:
    """The length under which a line ends short of the measure (``shortest_full`` of the lines known to run full)."""
    full = shortest_full([len(a.text) for a, b in zip(body, body[1:] + [None]) if is_hyphenated(a.raw) or b is not None and _goes_on(a, b)])
    if full is None:
        lengths = [len(x.text) for x in body]
        return FALLBACK_SHORT_SHARE * statistics.median(lengths) if lengths else 0.0
    return full


def _goes_on(a: BodyLine, b: BodyLine) -> bool:
    """``b`` continues the sentence of ``a`` on the same page, in lower case."""
    return b.text[:1].islower() and not ends_sentence(a) and not (b.page_start or b.blank_before or b.sep_before)


def _closed_heads(body: list[BodyLine], width: int) -> bool:
    """Do most lines that look like headings (after a separator line, ending short of the measure ``width``,
    a capital on the next line) have a separator line after them, or after their second line?"""
    closed = []
    for k, line in enumerate(body[:-1]):
        nxt = body[k + 1].text
        ends_short = len(line.text) + 1 + len(nxt.split()[0] if nxt else "") <= width  # the next word would have fit
        if line.sep_before and ends_short and not is_hyphenated(line.raw) and nxt[:1].isupper():
            closed.append(any(x.sep_before or x.page_start for x in body[k + 1 : k + 3]))
    return 2 * sum(closed) > len(closed)


def wrapped(line: BodyLine, nxt: BodyLine | None, habits: Habits) -> bool:
    """The line ends only because the next word did not fit the measure: the sentence runs on."""
    word = nxt.text.split()[0] if nxt is not None and nxt.text else ""
    # A paragraph's indent takes room of the measure too.
    length = len(line.raw.rstrip()) if habits.indented and INDENT.match(line.raw) else len(line.text)
    return bool(word) and length + 1 + len(word) > habits.width


def _wordy(text: str) -> bool:
    """Half its words at least are words (three letters or more), as a heading's: not a row of figures, a page
    mark or a formula (a share of the line's own words, no length of a text)."""
    tokens = text.split()
    return sum(1 for w in tokens if sum(c.isalpha() for c in w) >= 3) >= 0.5 * len(tokens)


def _room_short(line: BodyLine, nxt: BodyLine, habits: Habits) -> bool:
    """The next word would not have fitted the shortest full line of the text after ``line``."""
    word = nxt.text.split()[0] if nxt.text else ""
    return bool(word) and len(line.text) + 1 + len(word) > habits.short


def front_blocks(body: list[BodyLine], title: str, subtitle: str, author: str) -> tuple[list[Block], int]:
    """Title, subtitle and byline at the top of page 1, recognised by the metadata."""
    blocks: list[Block] = []
    targets = [("title", _key(title)), ("subtitle", _key(subtitle)), ("byline", _key(author))]
    i = 0
    while i < len(body) and (i == 0 or not body[i].page_start):
        key = _key(body[i].text)
        targets = [(kind, t) for kind, t in targets if kind not in {b.kind for b in blocks}]  # each part once
        # The author's name and a word or two more (``von``, ``by``, ``Dr.``): a byline, not a sentence that names them.
        if author and "byline" in dict(targets) and _key(author) in key and len(key.split()) <= len(_key(author).split()) + 2:
            blocks.append(Block("byline", [body[i]]))
            i += 1
            continue
        for kind, target in (t for t in targets if t[0] != "byline"):
            if not target or not target.startswith(key):
                continue
            j, acc = i, key
            while acc != target and j + 1 < len(body) and target.startswith(acc + " " + _key(body[j + 1].text)):
                j += 1
                acc = acc + " " + _key(body[j].text)
            if acc == target:
                blocks.append(Block(kind, body[i : j + 1]))
                i = j + 1
                break
        else:
            break
    return blocks, i


#: A line of a table of contents: dot leaders, then a page number.
_CONTENTS = re.compile(r"(?:\.\s?){4,}\s*[\dIVXLCivxlc]+$")


def contents(body: list[BodyLine]) -> list[BodyLine]:
    """The lines of a table of contents: runs of two or more entries that end in dot leaders and a page number
    (a table of figures would have no page numbers), with an entry's first lines where it wrapped. They repeat
    the headings and say where they stand in the PDF: no text of the essay."""
    entries = [k for k, x in enumerate(body) if _CONTENTS.search(x.text)]
    runs: list[list[int]] = []
    for k in entries:
        if runs and k - runs[-1][-1] <= 2 and all(not _CONTENTS.search(body[j].text) for j in range(runs[-1][-1] + 1, k)):
            runs[-1] += list(range(runs[-1][-1] + 1, k + 1))  # a wrapped entry's first line belongs to it
        else:
            runs.append([k])
    return [body[k] for run in runs if sum(1 for k in run if k in entries) >= 2 for k in run]


def title_page(body: list[BodyLine], start: int) -> int:
    """Where the text begins after a title page: the lines left on page 1 after the title, subtitle and byline
    (``body[:start]``) when the text begins on a later page, none of them is a line of running text (each
    ends short of the measure that the text's own full lines show, and none goes on in lower case) and the
    last names a year, as an imprint closes a title page (a publisher, then place and year). A heading pushed
    to the foot of page 1 names none. Returns ``start`` where page 1 holds text."""
    if not start or start >= len(body) or body[start].page_start:
        return start
    end = next((k for k in range(start, len(body)) if body[k].page_start), None)
    if end is None:
        return start
    short = short_limit(body[end:])
    rest = body[start:end]
    if all(len(x.text) < short for x in rest) and not any(_goes_on(a, b) for a, b in zip(rest, rest[1:])) and _YEAR.search(rest[-1].text):
        return end
    return start


def head_words(body: list[BodyLine], habits: Habits, after_front: bool) -> Habits:
    """The habits with the text's length of a heading that ends like a sentence: a third of the text's
    typical sentence (its median, in words), as a title is much shorter than the sentences around it;
    right after a heading (a heading under a heading), as long as the longest numbered heading, which
    the layout shows without a word count."""
    blocks = segment(body, habits, after_front)
    sure = [len(_plain(b).split()) for b in blocks if b.kind == "head" and len(b.lines) == 1 and NUMBERED_HEAD.match(_plain(b)) and re.search(r"[.!?]$", _plain(b))]
    sentences = [len(x.split()) for b in blocks if b.kind == "p" for x in re.split(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[A-ZÄÖÜ])", _plain(b))]
    typical = int(statistics.median(sentences)) // 3 if sentences else 0
    return replace(habits, head_words=typical, numbered_words=max(sure, default=0))


def _plain(b: Block) -> str:
    return " ".join(x.text for x in b.lines)


def _item(line: BodyLine) -> bool:
    return bool(BULLET.match(line.text)) or line.dash_item


def _mark_dash_items(body: list[BodyLine]) -> None:
    """Lines that open with a dash are list items where they stand in a run of two or more, each after a line
    that ends a clause or a sentence (``:``, ``;``, ``.``): a dash inside prose follows a line that runs on."""
    # A period ends a clause after a word, not after an abbreviation's letter or two (``u. s.``).
    ends = re.compile(r"(?:[:;!?]|[^\W\d_]{3}\.|\)[.;:]?)$")
    dashed = [k for k, x in enumerate(body) if DASH.match(x.text) and k and ends.search(_stripped(body[k - 1]))]
    for k in dashed:
        # The run: another such line above or below, the lines between it and this one the wrapped rest of an
        # item (none ends a clause, no blank or separator line sets them off).
        body[k].dash_item = any(
            d != k and not any(ends.search(_stripped(body[x])) for x in range(min(d, k), max(d, k) - 1))
            and not any(body[x].blank_before or body[x].sep_before for x in range(min(d, k) + 1, max(d, k) + 1))
            for d in dashed
        )


def segment(body: list[BodyLine], habits: Habits, after_front: bool) -> list[Block]:
    _mark_dash_items(body)
    words = habits.head_words or 0
    short = habits.short
    blocks: list[Block] = []
    i = 0
    while i < len(body):
        line = body[i]
        prev = blocks[-1] if blocks else None
        nxt = body[i + 1] if i + 1 < len(body) else None
        text = line.text
        if (line.sep_before or line.blank_before or line.page_start or habits.unspaced and prev is not None and ends_sentence(prev.lines[-1])) and DATELINE.match(text):
            blocks.append(Block("dateline", [line]))
            i += 1
            continue
        # A closer stands together: a name atop the next page signs only where the text ends with it, else it
        # opens what follows (a heading).
        if prev is not None and prev.kind == "dateline" and (nxt is None or not line.page_start) and _signature(line, nxt, habits.unspaced):
            blocks.append(Block("signed", [line]))
            i += 1
            continue
        j = _quotation(body, i, habits)
        if j >= 0:
            blocks.append(Block("quote", body[i : j + 1]))
            i = j + 1
            continue
        j = _standalone(body, i, habits, prev is not None and prev.kind == "head") if habits.spacing == "single" else -1
        if j >= 0:
            blocks.append(Block("head", body[i : j + 1]))
            i = j + 1
            continue
        if is_caps(text):
            j = i
            while j + 1 < len(body) and is_caps(body[j + 1].text) and not body[j + 1].sep_before:
                j += 1
            blocks.append(Block("head", body[i : j + 1]))
            i = j + 1
            continue
        isolated = (
            len(text) < short
            # A short title ending in a period counts where a separator line follows it.
            and not text[:1].islower()  # a heading opens a unit: lower case goes on with a sentence
            # (or, where no line is set off, a title's few words ending in a period, as a numbered heading's; a blank
            # line above sets it off as a separator under it does)
            and (_stripped(line)[-1:].isalnum() or nxt is not None and (nxt.sep_before or habits.unspaced or line.blank_before) and text.endswith(".") and len(text.split()) <= words)
            and not _item(line)
            # where the text sets no blank or separator lines at all (pdftotext -raw), any place may hold one that has
            # words (not a page mark ``S. 6``) and ends where the next word would have fitted the shortest full line
            # or after a blank line, where a paragraph's first line would run full (pdftotext -layout sets none under a heading)
            and (line.page_start or (habits.unspaced or line.blank_before) and _wordy(text) and nxt is not None and not _room_short(line, nxt, habits) or (prev is None and after_front) or (prev is not None and prev.kind == "dateline"))
            and (prev is None or prev.kind in ("head", "dateline") or ends_sentence(prev.lines[-1]))
            and nxt is not None
            and (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] == "§")  # a numbered section opens under it
            and not ENUMERATED.match(nxt.text)  # the line that opens an enumeration is text
            # a line that ended only because the next word did not fit the measure runs on into the next
            and not (wrapped(line, nxt, habits) and not nxt.sep_before)
        )
        # A separator line also stands after headings in some extractions: a full line that runs on is text.
        # A full line with a sentence ending inside it is the first line of a paragraph.
        full_text = len(text) >= short and (prev is not None and prev.kind == "head" or re.search(r"[^\W\d_]{2}[.?]\s+\S", text))
        # Right after a heading or a block quotation, a line that ends only because the next word did not fit, above a full line,
        # opens a paragraph (a heading under a heading would end short of the measure).
        fills = (
            prev is not None and prev.kind in ("head", "quote") and nxt is not None and not ends_sentence(line)
            and wrapped(line, nxt, habits) and (len(nxt.text) >= short or is_hyphenated(nxt.raw))
        )
        runs_on = bool(full_text) or fills or _runs_on(line, nxt, body[i + 2] if i + 2 < len(body) else None, words)
        # A bulleted line is a list item, a line in parentheses a remark: neither is a heading.
        aside = _item(line) or text.startswith("(") and _stripped(line).rstrip(".")[-1:] == ")"
        # Where separator lines close headings, a page's top edge opens one as a separator line would.
        top = habits.closed_heads and line.page_start and prev is not None and ends_sentence(prev.lines[-1])
        if ((line.sep_before or top) and not runs_on and not aside) or isolated:
            j = i
            # A heading that fills the line wrapped onto the next one, a short line without final punctuation.
            while (
                j + 1 < len(body)
                and j - i < 2  # three lines at most: a heading longer than that is set as a paragraph
                # no longer than the line above, or longer only because a long word did not fit up there
                and (len(body[j + 1].text) <= len(body[j].text) or len(body[j].text) + 1 + len(body[j + 1].text.split()[0]) > len(body[j + 1].text))
                and (body[j + 1].text[-1:].isalnum() or j + 2 >= len(body) or body[j + 2].sep_before or body[j + 2].blank_before)
                and not body[j + 1].sep_before
                and len(body[j + 1].text) < short
            ):
                j += 1
            closed = j + 1 >= len(body) or body[j + 1].sep_before or body[j + 1].page_start
            if closed or not habits.closed_heads:
                blocks.append(Block("head", body[i : j + 1]))
                i = j + 1
                continue
        if _item(line):
            blocks.append(Block("item", [line]))
        elif prev is not None and prev.kind in ("p", "item") and not _breaks(prev.lines[-1], line, habits, short):
            prev.lines.append(line)
        else:
            blocks.append(Block("p", [line]))
        i += 1
    return blocks


def _runs_on(line: BodyLine, nxt: BodyLine | None, after: BodyLine | None, head_words: int) -> bool:
    """The sentence goes on (a hyphenated word, or lower case in the next line and beyond it):
    running text, not a heading. A short heading of two lines may go on in lower case."""
    if is_hyphenated(line.raw):
        return True
    if nxt is None or nxt.sep_before or nxt.page_start or not nxt.text[:1].islower():
        return False
    two_lines = after is None or after.sep_before or after.blank_before or after.page_start
    return not (two_lines and len((line.text + " " + nxt.text).split()) <= 2 * head_words)


_OPENING = "„»«\"‚›‹"
_CLOSING = "“«»\"‘‹›”"


def _quotation(body: list[BodyLine], i: int, habits: Habits) -> int:
    """A block quotation: lines set off before and after that wrap at a narrower measure of their own
    (lines end where the next word would still have fit the text's measure, but not the block's;
    none ends short of the block's), ending a sentence; two such lines, or one in a block of three
    lines or in quote marks.
    Returns the index of its last line, -1 if it is none."""
    set_off = body[i].blank_before or body[i].sep_before or body[i].page_start and i > 0 and ends_sentence(body[i - 1])
    if not set_off or _item(body[i]) or ENUMERATED.match(body[i].text):
        return -1
    j = i
    while j + 1 < len(body) and not (body[j + 1].blank_before or body[j + 1].sep_before):
        j += 1
    run = body[i : j + 1]
    if len(run) < 2 or not ends_sentence(run[-1]):
        return -1
    # pdftotext -layout shows a block's own left margin: every line indented (a paragraph indents its first only).
    if all(INDENT.match(x.raw) for x in run):
        return j
    measure = max(len(x.text) for x in run)
    # The text's full lines outside the block: its hyphenated lines (they run to the measure), the shortest 5 % of them.
    outside = Counter(habits.hyphenated) - Counter(len(x.text) for x in run if is_hyphenated(x.raw))
    full = sorted(outside.elements())
    if measure >= (full[int(0.05 * (len(full) - 1))] if full else habits.full_length):
        return -1  # the block's lines reach as far as the text's full lines: no narrower measure
    evidence = 0
    for a, b in zip(run, run[1:]):
        room = len(a.text) + 1 + len(b.text.split()[0])
        if is_hyphenated(a.raw) or room > habits.width:
            continue  # a split word, or a next word too long for either measure: no evidence either way
        if room <= measure:
            return -1  # the line ends short of the block's own measure: a paragraph's end
        evidence += 1
    marked = run[0].text[:1] in _OPENING and _stripped(run[-1]).rstrip(".!?;")[-1:] in _CLOSING
    # One line of evidence alone could be a wrapped heading's: more lines or quote marks must confirm it.
    # Evidence counted, not measured: two line ends that a narrower measure explains, or one and a second sign.
    if evidence >= 2 or evidence and (marked or len(run) >= 3):
        return j
    return -1


def _signature(line: BodyLine, nxt: BodyLine | None, unspaced: bool = False) -> bool:
    """A name alone on the line after a date line: capitalised words, no sentence, set off from what follows
    (where the text sets nothing off, ``unspaced``, a new line with a capital)."""
    words = line.text.split()
    # A personal name has two to five words (first names, particles, surname): a property of names, not of a text.
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w in ("von", "van", "de", "zu") for w in words) and (
        nxt is None or nxt.blank_before or nxt.sep_before or nxt.page_start or unspaced and nxt.text[:1].isupper()
    )


def _standalone(body: list[BodyLine], i: int, habits: Habits, after_head: bool) -> int:
    """Single spacing: one or two lines alone between blank lines (or page edges) that end
    without sentence punctuation (or are a few words ending in one, as ``§. 3.``) are a heading;
    returns the index of its last line, -1 if it is none."""
    line = body[i]
    before = body[i - 1] if i else None
    if line.page_start and before is not None and not ends_sentence(before) and (
        not before.blank_before and len(before.text) >= habits.short or wrapped(before, line, habits)
    ):
        return -1  # the sentence of the page before goes on here (its last line is full, or ended for want of room)
    if line.page_start and before is not None and LEADERS.search(before.text):
        return -1  # a table set as text (dot leaders) goes on over the page
    if not (line.blank_before or line.sep_before or line.page_start) or not (line.text[:1].isupper() or line.text[:1].isdigit() or line.text[:1] == "§"):
        return -1
    for j in (i, i + 1):
        if j >= len(body) or (j > i and (body[j].blank_before or body[j].sep_before or body[j].page_start)):
            return -1
        after = body[j + 1] if j + 1 < len(body) else None
        if after is not None and not (after.blank_before or after.sep_before or after.page_start):
            continue
        if after is None or _item(line) or len(body[j].text) >= habits.short:
            return -1
        if after.page_start and not after.blank_before and (
            len(line.text) >= habits.short or wrapped(body[j], after, habits) or after.text[:1].islower()
        ):
            return -1  # text running on over the page break
        last = _stripped(body[j])
        words = sum(len(body[k].text.split()) for k in range(i, j + 1))
        if DATELINE.match(last) or len(body[j].text) >= habits.short and j == i:
            return -1
        if after is not None and ENUMERATED.match(after.text) or ENUMERATED.match(line.text) and re.search(r"[.;]$", last) and j == i:
            return -1  # an enumeration and the line that opens it are paragraphs
        joined = " ".join(body[k].text for k in range(i, j + 1))
        if is_hyphenated(body[j].raw) or LEADERS.search(joined) or not _wordy(joined):
            return -1  # a formula or a row of figures, not a heading
        if any(";" in body[k].text for k in range(i, j + 1)):
            return -1  # a semicolon joins clauses: a sentence, not a title
        # Two lines whose first is short are no paragraph (its lines run full); one line must look like a title.
        if j > i and (is_hyphenated(line.raw) or wrapped(line, body[j], habits)):
            return -1  # the first line ended at the measure: running text
        # The first line ended where the next word may not have fitted a full line (the shortest full lines
        # of the text: a proportional typeface sets more or fewer letters): a paragraph of two lines.
        if j > i and len(line.text) < habits.short and not re.search(r"[,;:]$", last) and not _room_short(line, body[j], habits):
            return j
        limit = habits.head_words
        short_title = (
            NUMBERED_HEAD.match(line.text) and (limit is None or words <= max(2 * limit, habits.numbered_words))
            or limit is not None and (words <= limit or after_head and words <= habits.numbered_words)
        )
        if not re.search(r"[.,;:!?…\"»«“”')\]]$", last) or (re.search(r"[.!?]$", last) and short_title):
            return j
        return -1
    return -1


def _breaks(before: BodyLine, line: BodyLine, habits: Habits, short: float) -> bool:
    """Does a new paragraph start at ``line``?"""
    if habits.spacing == "single" and line.blank_before or line.sep_before and ends_sentence(before):
        return True  # a separator line (whitespace only) after a finished sentence sets a block off
    if habits.indented and INDENT.match(line.raw) and ends_sentence(before):
        return True
    starts = line.text[:1]
    if not (starts.isupper() or starts.isdigit() or starts in "\"„«»‚"):
        return False
    if not ends_sentence(before):
        return False
    if len(before.text) < short and not _room_short(before, line, habits):  # the next word would have fitted
        return True
    return habits.trailing_spaces_end_paragraph and bool(re.search(r"\S {2,}$", before.raw))


def assemble(block: Block, compounds: frozenset[str]) -> None:
    """Join the block's lines into one string with page-break sentinels; record hyphen joins."""
    text = ""
    for k, line in enumerate(block.lines):
        part = (DASH if line.dash_item else BULLET).sub("", line.text) if k == 0 else line.text
        part = re.sub(r"\s{2,}", " ", part)
        pb = PB.format(line.page) if line.page_start else ""
        if k == 0:
            if pb:
                block.page_before = line.page
            text = part
        elif is_hyphenated(block.lines[k - 1].raw):
            # A page break after the line's only word (``geschicht-`` alone atop a page) moves on to the word it joins.
            held = re.search(r"(?:\x01\d+\x03)+$", text)
            if held:
                text, pb = text[: held.start()], held.group() + pb
            if pb:  # the word stays joined; the page break follows it
                first, _, rest = part.partition(" ")
                part = first + pb + (" " + rest if rest else "")
            text, j = join(text, part, block.lines[k - 1].no, compounds)
            block.joins.append(j)
        else:
            text = text + " " + pb + part
    block.text = text
