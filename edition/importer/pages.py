"""Page reconstruction: split the extraction into body lines and page-foot note lines.

Two layout habits are detected, not assumed:

* ``double``: the extractor put a blank line after every text line.  Blank lines
  then carry no information; a *missing* blank line marks a page boundary, and
  the lines run together between two pages are the page foot (footnotes).
* ``single``: lines follow each other; blank lines separate paragraphs and open
  a page's footnote block.

In both, the first line of a page starts with a space.  A page foot ends where
the next page starts; a lone number in a page foot that cannot be a note label
is a printed page number.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

#: A line indented as a paragraph's first line (2–8 spaces: an em or two in any type size as pdftotext -layout
#: prints it; a centred line or a column stands further in), as layouts that indent paragraphs print it.
INDENT = re.compile(r"^ {2,8}\S")

LABEL = re.compile(r"^\s*(\d{1,3})(?:\s+(\S.*?))?\s*$")
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


@dataclass
class BodyLine:
    no: int
    raw: str
    page_start: bool = False
    page_certain: bool = True
    blank_before: bool = False
    sep_before: bool = False
    page: int = 0  # 1-based position of the page this line is on
    dash_item: bool = False  #: opens a list item with a dash (``– erstens;``), as the blocks read it

    @property
    def text(self) -> str:
        return self.raw.strip()


@dataclass
class ZoneLine:
    """A line of a page foot; ``label`` when it starts with a note number, ``rest`` the text after it."""

    no: int
    raw: str
    label: int | None = None
    rest: str | None = None
    page: int = 0


@dataclass
class Page:
    position: int
    line: int
    printed: str | None = None
    certain: bool = True


@dataclass
class Layout:
    spacing: str
    body: list[BodyLine]
    zone: list[ZoneLine]
    pages: list[Page]
    dropped: list[tuple[int, str]] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    running_heads: int = 0  #: running heads/feet left out as page furniture


def spacing_habit(lines: list[str]) -> str:
    text = [i for i, line in enumerate(lines) if line.strip()]
    if not text:
        return "single"
    followed = sum(1 for i in text if i + 1 < len(lines) and lines[i + 1] == "")
    return "double" if followed / len(text) > 0.5 else "single"  # most lines: a habit of the whole extraction


def shortest_full(lengths: list[int]) -> float | None:
    """How short a line that runs full can be, from the lengths of lines known to run full (a word hyphenated at
    their end, or a sentence going on in lower case on the next line): their shortest tenth, which is how far
    the measure lets a full line fall short (by a long word that did not fit, or by the letters of a
    proportional typeface). Lengths under half their median are left out: a heading or a list item that goes
    on in lower case says nothing of the measure. None without such lines."""
    if not lengths:
        return None
    half = statistics.median(lengths) / 2
    full = sorted(n for n in lengths if n >= half)
    return float(full[int(0.1 * (len(full) - 1))])


def rule_length(lines: list[str]) -> float:
    """The length from which a whitespace-only line is a note rule, read from the document's own such lines
    (shorter ones separate sections). Where their lengths fall into two groups (the longer at least twice
    the shorter: a rule drawn across the measure beside the space or two an extractor leaves), the longer
    group; where all are alike, they are rules if most stand right above a numbered line (a note's label),
    else separators (infinity: no line is a rule)."""
    sizes = sorted({len(x) for x in lines if x and not x.strip()})
    if not sizes:
        return math.inf
    gap, longer = max(((b / a, b) for a, b in zip(sizes, sizes[1:])), default=(1.0, sizes[0]))
    if gap >= 2:
        return float(longer)
    blanks = [i for i, x in enumerate(lines) if x and not x.strip()]
    above = sum(1 for i in blanks if LABEL.match(next((x for x in lines[i + 1 :] if x.strip()), "")))
    return float(sizes[0]) if 2 * above > len(blanks) else math.inf


class _Builder:
    def __init__(self, rule: float = math.inf) -> None:
        self.rule = rule  #: the length from which a whitespace-only line is a note rule (``rule_length``)
        self.body: list[BodyLine] = []
        self.zone: list[ZoneLine] = []
        self.dropped: list[tuple[int, str]] = []
        self.printed: dict[int, str] = {}  # line of the page start it belongs to -> printed number
        self.last_label = 0
        self.pending_printed: str | None = None
        self.sep = False
        self.blank = False

    def body_line(self, no: int, raw: str, *, page_start: bool = False, certain: bool = True) -> None:
        if self.pending_printed is not None:
            self.printed[no] = self.pending_printed
            self.pending_printed = None
            page_start = True
        self.body.append(BodyLine(no, raw, page_start, certain, self.blank, self.sep))
        self.sep = self.blank = False

    def page_foot_number(self, raw: str) -> None:
        """A printed number at the foot of the page being read: it is that page's."""
        start = next((x.no for x in reversed(self.body) if x.page_start), self.body[0].no if self.body else None)
        if start is not None:
            self.printed[start] = raw.strip()

    def zone_line(self, no: int, raw: str) -> bool:
        """Record a page-foot line; False if it is a printed page number instead."""
        if URL_ONLY.match(raw) and not (self.zone and not re.search(r"[.!?)\]»«\"“”']\s*$", self.zone[-1].raw)):
            # A URL alone after a finished note repeats a link of the PDF; after an open one it ends the note.
            self.dropped.append((no, raw.strip()))
            return True
        m = LABEL.match(raw)
        if m:
            n = int(m.group(1))
            if n > self.last_label:
                self.last_label = n
                self.zone.append(ZoneLine(no, raw, n, m.group(2)))
                return True
            if m.group(2) is None:
                self.pending_printed = m.group(1)
                return False
        self.zone.append(ZoneLine(no, raw))
        return True


def _is_rule(raw: str, b: _Builder) -> bool:
    return bool(raw) and not raw.strip() and len(raw) >= b.rule


def _double(lines: list[str], b: _Builder) -> None:
    runs: list[list[int]] = []
    for i, raw in enumerate(lines):
        if raw == "":
            if runs and runs[-1]:
                runs.append([])
            continue
        if not runs:
            runs.append([])
        runs[-1].append(i)
    runs = [r for r in runs if r]
    numbers = _page_numbers_before_starts(lines, runs)
    in_zone = False
    for run in runs:
        for k, i in enumerate(run):
            raw, no = lines[i], i + 1
            last_of_many = len(run) > 1 and k == len(run) - 1
            starts_page = last_of_many and raw[:1].isspace() and bool(raw.strip())
            if i in numbers:
                b.page_foot_number(raw)  # the next line starts a page (or the file ends)
                in_zone = False
                continue
            if b.pending_printed is not None:
                in_zone = False
                b.body_line(no, raw)
            elif in_zone:
                if starts_page:
                    in_zone = False
                    b.body_line(no, raw, page_start=True)
                elif not b.zone_line(no, raw):
                    pass  # printed page number: the next line starts the page
            elif not raw.strip():
                if _is_rule(raw, b):
                    in_zone = True
                else:
                    b.sep = True
            elif k == 0 or starts_page:
                b.body_line(no, raw, page_start=starts_page or no == 1)
            else:
                in_zone = True
                b.zone_line(no, raw)


def _page_numbers_before_starts(lines: list[str], runs: list[list[int]]) -> set[int]:
    """Lone numbers at a page's foot (right before a page start, or ending the file) that agree on one offset
    to the page position (at least two of them, or the only one): printed page numbers, also where only
    some pages print one."""
    cands: list[tuple[int, int, int]] = []  # (line index, page position, number)
    page = 1
    for run in runs:
        for k, i in enumerate(run):
            raw = lines[i]
            starts = len(run) > 1 and k == len(run) - 1 and raw[:1].isspace() and bool(raw.strip())
            if k + 1 < len(run) and re.fullmatch(r"\s*\d{1,4}\s*", raw):
                nxt = lines[run[k + 1]]
                if k + 2 == len(run) and nxt[:1].isspace() and nxt.strip():
                    cands.append((i, page, int(raw)))
            page += starts
    last = runs[-1][-1] if runs else -1
    if runs and (len(runs) > 1 or len(runs[0]) > 1) and re.fullmatch(r"\s*\d{1,4}\s*", lines[last]):
        cands.append((last, page, int(lines[last])))  # the last page's number ends the file
    offsets = Counter(n - p for _, p, n in cands)
    if not offsets:
        return set()
    best, votes = offsets.most_common(1)[0]
    # Two agreeing numbers make a sequence: the least evidence of one offset.
    if votes < 2 and not (len(cands) == 1 and cands[0][2] > cands[0][1]):
        return set()  # one number alone makes a sequence only as the only one, above its page's position
    return {i for i, p, n in cands if n - p == best}


def _single(lines: list[str], b: _Builder) -> None:
    in_zone = False
    for i, raw in enumerate(lines):
        no = i + 1
        if not raw.strip():
            if _is_rule(raw, b):
                in_zone = True
            elif raw:
                b.sep = True
            elif not in_zone:
                b.blank = True
            continue
        if b.pending_printed is not None:
            in_zone = False
            b.body_line(no, raw)
        elif in_zone:
            if raw[:1].isspace():
                in_zone = False
                b.body_line(no, raw, page_start=True)
            else:
                b.zone_line(no, raw)
        else:
            m = LABEL.match(raw)
            if b.blank and m and m.group(2) and int(m.group(1)) > b.last_label and not raw[:1].isspace():
                in_zone = True
                b.blank = False
                b.zone_line(no, raw)
            elif raw[:1].isspace() and no > 1:
                b.body_line(no, raw, page_start=True, certain=False)
            else:
                b.body_line(no, raw, page_start=no == 1)


def _settle_uncertain(body: list[BodyLine], doubts: list[str], end: int) -> None:
    """A leading space after body text starts a page or indents a line. The readings compete by the page
    lengths they give (in physical lines, foot lines included; the last page may be short) against a page
    size, which is itself one of two readings: the distance of the leading spaces (every one a page start)
    or of the starts the text shows for certain (after a page foot). The size whose pages fit best wins;
    the leading spaces, the extractor's page-start mark, unless the other fits by a line per page better."""
    if not any(not line.page_certain for line in body):
        return
    starts = [line for line in body if line.page_start]
    sure = [line.no for line in starts if line.page_certain]
    sizes = [statistics.median([b.no - a.no for a, b in zip(starts, starts[1:])])]
    if len(sure) > 1:
        sizes.append(statistics.median([b - a for a, b in zip(sure, sure[1:])]))
    readings = [_pages_for(starts, size, end) for size in sizes]
    # Misfit per page; page lengths are whole lines, so under a line per page apart the two fit alike.
    _, size, kept = min(readings, key=lambda r: r[0] / len(r[2]) + (0 if r is readings[0] else 1))
    for line in starts[1:]:
        if not line.page_certain and line.no in kept:
            doubts.append(f"line {line.no}: page start inferred from the leading space alone (pages of about {size:.0f} lines)")
        elif not line.page_certain:
            line.page_start = False
            doubts.append(f"line {line.no}: leading space not taken as a page start (mid-page for pages of about {size:.0f} lines)")


def _pages_for(starts: list[BodyLine], size: float, end: int) -> tuple[float, float, set[int]]:
    """The uncertain starts kept for pages of ``size`` (each where two pages fit it better than one),
    with the pages' total misfit."""
    def off(length: int, last: bool) -> float:
        return max(0.0, length - size) if last else abs(length - size)

    kept, prev, cost = {starts[0].no}, starts[0].no, 0.0
    for k, line in enumerate(starts[1:], 1):
        nxt = starts[k + 1].no if k + 1 < len(starts) else end
        last = k + 1 == len(starts)
        if line.page_certain or off(line.no - prev, False) + off(nxt - line.no, last) <= off(nxt - prev, last):
            cost += off(line.no - prev, False)
            kept.add(line.no)
            prev = line.no
    return cost + off(end - prev, True), size, kept


def analyse(lines: list[str]) -> Layout:
    b = _Builder(rule_length(lines))
    spacing = spacing_habit(lines)
    (_double if spacing == "double" else _single)(lines, b)
    doubts: list[str] = []
    _settle_uncertain(b.body, doubts, len(lines) + 1)
    if b.body:
        b.body[0].page_start = True
    # Number the pages in source order; page-foot lines belong to the page above them.
    pages: list[Page] = []
    events = sorted([(x.no, 0, x) for x in b.body] + [(z.no, 1, z) for z in b.zone], key=lambda e: (e[0], e[1]))
    for _, _, item in events:
        if isinstance(item, BodyLine) and item.page_start:
            pages.append(Page(len(pages) + 1, item.no, b.printed.get(item.no), item.page_certain))
        item.page = len(pages)
    for no, n in b.printed.items():
        doubts.append(f"line {no}: printed page number {n} read for the page that starts here (a lone number at a page foot)")
    return Layout(spacing, b.body, b.zone, pages, b.dropped, doubts)
