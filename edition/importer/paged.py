"""Pages of an extraction whose page breaks are known (pdftotext's form feeds).

Each page is read from the evidence of the whole document, not from fixed positions:

* **furniture** — a line at the top or bottom edge of a page is a running head or
  foot (``fw``) when the same words stand at an edge of several pages; a number there
  is the printed page number when it fits the page sequence (number − position is the
  same on most numbered pages), so a number printed on some pages only is still one;
* **foot** — a page's note block begins after a separator (blank or rule line) with a
  label that a marker in the page's text above supports: the next numbers of a running
  count (``12 Text``), or per-page marks (``*) Text``, ``1) Text``), which are renumbered
  through the text; lines before the first label continue the previous page's note when
  that note is still open;
* everything else is **body**, with its blank and separator lines kept as evidence for
  paragraphs and headings.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .hyphenation import is_hyphenated
from .pages import INDENT, URL_ONLY, BodyLine, Layout, Page, ZoneLine, rule_length, shortest_full, spacing_habit

_FOOT = re.compile(r"^\s*(\d{1,3}|\*+\)|\d{1,2}\))\s+(\S.*?)\s*$")
_LONE = re.compile(r"^\s*(\d{1,4})\s*$")
#: A note's label on a line of its own, its text on the next (a superscript label set apart by the extractor).
_LABEL_ALONE = re.compile(r"^\s*(\d{1,3}|\*+\)|\d{1,2}\))\s*$")
_EDGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s{2,}\S|\S\s{2,}(\d{1,4})\s*$")
_OPEN_END = re.compile(r"[.!?)\]»«\"“”']\s*$")
_MARKED = re.compile(r"[^\W\d_][.,;:!?»«“”)]?\d{1,3}(?![\d.,:])")  # a marker glued to its word, in a line of text
_INITIAL = re.compile(r"(?:^|\s)[A-ZÄÖÜ]\.\s*$")


def _key(line: str) -> str:
    """A line's words without numbers: what repeats in a running head."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "", line)).strip().casefold()


def _glued(mark: str) -> re.Pattern[str]:
    return re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\s\d][.,;:!?)\]»«\"“”’]))" + re.escape(mark) + (r"(?!\d)" if mark[-1].isdigit() else ""))


def _apart(mark: str) -> re.Pattern[str]:
    """A marker set off by a space after a word (``Zelle 1, welche``)."""
    return re.compile(r"(?<=[^\W\d_]) " + re.escape(mark) + r"(?=[\s.,;:]|$)")


def _page_number(line: str) -> int | None:
    m = _LONE.match(line) or _EDGE_NUMBER.search(line)
    return int(next(g for g in m.groups() if g)) if m else None


def analyse_paged(lines: list[str], breaks: frozenset[int]) -> Layout:
    starts = sorted({0} | set(breaks))
    spans = [list(range(a, b)) for a, b in zip(starts, starts[1:] + [len(lines)])]
    doubts: list[str] = []
    spacing = spacing_habit(lines)
    marks, margins = _page_marks(lines, spans)
    if margins:
        shown = ", ".join(str(i + 1) for i in sorted(margins)[:12]) + (", …" if len(margins) > 12 else "")
        doubts.append(f"lines {shown}: {len(margins)} page marks of another print taken out of the margin beside the text")
        lines = [margins.get(i, line) for i, line in enumerate(lines)]
    if marks:
        shown = ", ".join(str(i + 1) for i in sorted(marks)[:12]) + (", …" if len(marks) > 12 else "")
        doubts.append(f"lines {shown}: {len(marks)} page marks of another print dropped ({lines[min(marks)].strip()} …)")
    edges = [[i for i in span if lines[i].strip() and i not in marks] for span in spans]

    # Running heads/feet: the same words at the same edge (top or bottom) of two pages or more.
    seen: Counter[tuple[str, str]] = Counter()
    for p, content in enumerate(edges):
        # Page 1's top line is the title's place: it does not count towards a running head.
        for pos, i in ([("top", content[0])] if p else []) + [("bottom", content[-1])] if content else ():
            # Words repeat in a running head; punctuation alone (a note's ``69.`` under ``S.``) is none,
            # nor a note whose label a marker of its page supports (a citation given twice, ``17 Ebd.``).
            label = _FOOT.match(lines[i])
            note = label and label.group(1).isdigit() and _glued(label.group(1)).search("\n".join(lines[j] for j in content if j != i))
            if re.search(r"[^\W\d_]{2}", _key(lines[i])) and not note:
                seen[(pos, _key(lines[i]))] += 1
    # The top line of later pages that repeats the title or the author of page 1 is one too, however few
    # pages there are (at the foot of a page such a line may be a signature).
    front = {re.sub(r"^(?:von|by)\s+", "", _key(lines[i])) for i in (edges[0][:5] if edges else [])}
    tops = Counter(_key(lines[c[0]]) for c in edges[1:] if c)
    # Twice is the least a repetition can be: the count of pages is the document's, the rule is not.
    running_at = {edge: {k for (pos, k), n in seen.items() if pos == edge and n >= 2} for edge in ("top", "bottom")}
    running = running_at["top"] | running_at["bottom"]

    def runs(i: int, content: list[int]) -> set[str]:
        """The running words of the edge(s) line ``i`` stands at."""
        return (running_at["top"] if i == content[0] else set()) | (running_at["bottom"] if i == content[-1] else set())
    # Once on one of several later pages it is a heading that repeats the title (a title page before the text).
    heads = {k for k in front & set(tops) if tops[k] >= min(2, len(spans) - 1)} - {""}
    # At a later page's foot such a line is a running foot only with a page number set apart (a signature has none).
    feet = {_key(lines[c[-1]]) for c in edges[1:] if c and _EDGE_NUMBER.search(lines[c[-1]])} & front - {""}

    # Printed page numbers: numbers at an edge that agree on one offset to the page position.
    cands: list[tuple[int, int, int]] = []  # (page, line, number)
    for p, content in enumerate(edges):
        for i in dict.fromkeys([content[0], content[-1]] if content else []):
            n = _page_number(lines[i])
            if n is not None and len(content) > 1 and (_LONE.match(lines[i]) or _key(lines[i]) in runs(i, content) | heads | feet):
                cands.append((p, i, n))
    offsets = Counter(n - p for p, _, n in cands)
    offset, votes = offsets.most_common(1)[0] if offsets else (None, 0)
    # Two agreeing numbers make a sequence (the least evidence of one offset), or one lone number as said below.
    if votes < 2 and not (cands and _LONE.match(lines[cands[0][1]]) and cands[0][2] > cands[0][0] and not _backed(lines, edges, cands[0])):
        # One number alone makes a sequence only as a lone number at an edge, above the page's position, and not
        # where a marker of its number in its page's text reads it as that note's label (the readings compete).
        offset = None
    printed: dict[int, str] = {}
    furniture: set[int] = set(marks)
    for p, i, n in cands:
        if n - p == offset:
            printed[p] = str(n)
            furniture.add(i)
            doubts.append(f"line {i + 1}: {n} read as the printed page number (it fits the page sequence, {votes} of {len(cands)} edge numbers agree)")
        elif _LONE.match(lines[i]):
            doubts.append(f"line {i + 1}: lone number {n} at a page edge does not fit the page sequence; kept as text")
    fw: list[int] = []
    for p, content in enumerate(edges):
        for i in dict.fromkeys([content[0], content[-1]] if content else []):
            # On the first page the words of a running head are the title, not furniture.
            repeated = (
                _key(lines[i]) in runs(i, content) or i == content[0] and len(content) > 2 and _key(lines[i]) in heads
                or p > 0 and i == content[-1] and _key(lines[i]) in feet and bool(_EDGE_NUMBER.search(lines[i]))
            )
            if repeated and i not in furniture and (p > 0 or i == content[-1] and len(content) > 1):
                furniture.add(i)
                fw.append(i + 1)
    if fw:
        shown = ", ".join(map(str, fw[:12])) + (", …" if len(fw) > 12 else "")
        doubts.append(f"lines {shown}: {len(fw)} running heads/feet dropped ({'; '.join(sorted(running | heads))[:120]})")

    lines, lifted = _lift_trailing_labels(lines, spans, furniture, doubts)
    per_page = _per_page_marks(lines, spans, furniture)
    rule = rule_length(lines)
    floor = _full_floor(lines, spans, furniture)
    words = sorted(len(w) for i in range(len(lines)) if i not in furniture for w in lines[i].split())
    long_word = words[int(0.9 * (len(words) - 1))] if words else 0
    indented = _indents_paragraphs(lines, spans, furniture)
    # A note goes on over a page only from a full page: the page lengths give what full is.
    sizes = [max(c) - span[0] + 1 if c else 0 for span, c in zip(spans, edges)]
    full = max(sizes, default=0)  # no page holds more than a full one (within a line: a blank dropped at its end)
    body: list[BodyLine] = []
    zone: list[ZoneLine] = []
    pages: list[Page] = []
    dropped: list[tuple[int, str]] = []
    last = 0  # the last note number given
    open_note = noted = False  # the page before ended in an open note / with a note block
    for p, span in enumerate(spans):
        kept = [i for i in span if i not in furniture]
        text_lines = [i for i in kept if lines[i].strip()]
        if not text_lines:
            continue
        foot, labels = _foot(lines, kept, last, per_page, open_note, p > 0 and sizes[p - 1] >= full - 1, indented, noted, rule, (floor, long_word), lifted)
        body_idx = [i for i in kept if foot is None or i < foot]
        page_no = len(pages) + 1
        first_body = next((i for i in body_idx if lines[i].strip()), None)
        pages.append(Page(page_no, (first_body if first_body is not None else text_lines[0]) + 1, printed.get(p)))
        # Per-page marks become running numbers, in the order they stand in the page's text.
        renumber: dict[str, int] = {}
        blank = sep = False
        for i in body_idx:
            raw = lines[i]
            if not raw.strip():
                if raw:  # a whitespace-only line: the separator before headings and date lines
                    sep = True
                elif spacing == "single":
                    blank = True
                continue
            if per_page:
                raw = _renumber(raw, per_page, renumber, last, {mark for mark, _ in labels.values()})
            body.append(BodyLine(i + 1, raw, page_start=i == first_body, blank_before=blank, sep_before=sep, page=page_no))
            blank = sep = False
        last += len(renumber)
        if foot is not None:
            for i in (i for i in kept if i >= foot and lines[i].strip()):
                before = [z for z in zone if z.page == page_no]
                # Open above: the page's last foot line so far, or, before any, the note the page before left open.
                open_above = _open(before[-1].raw) if before else open_note
                if URL_ONLY.match(lines[i]) and not open_above:
                    # A URL alone after a finished note repeats a link of the PDF; after an open one it ends the note.
                    dropped.append((i + 1, lines[i].strip()))
                    continue
                lab = labels.get(i)
                if lab is None:
                    zone.append(ZoneLine(i + 1, lines[i], page=page_no))
                    continue
                mark, rest = lab
                n = renumber.get(mark) if per_page else int(mark)
                if n is None:
                    zone.append(ZoneLine(i + 1, lines[i], page=page_no))
                    continue
                zone.append(ZoneLine(i + 1, lines[i], n, rest, page=page_no))
                last = max(last, n)
            tail = [z for z in zone if z.page == page_no]
            open_note = bool(tail) and _open(tail[-1].raw)
            noted = bool(tail)
        else:
            open_note = noted = False
        if not per_page:  # markers whose text is lost still count
            for i in body_idx:
                for m in re.finditer(r"(?<=[^\W\d_])(\d{1,3})(?!\d)", lines[i]):
                    last = max(last, int(m.group(1))) if int(m.group(1)) == last + 1 else last
    return Layout(spacing, body, zone, pages, dropped, doubts, len(fw))


def _full_floor(lines: list[str], spans: list[list[int]], furniture: set[int]) -> float:
    """How short a full line of the text can be (``shortest_full`` of the lines that run on: hyphenated at
    their end, or followed in lower case); with no such line, every line counts as full."""
    known: list[int] = []
    for span in spans:
        kept = [i for i in span if i not in furniture]
        for a, b in zip(kept, kept[1:]):
            above, below = lines[a].strip(), lines[b].strip()
            if above and (is_hyphenated(lines[a]) or below[:1].islower() and not _OPEN_END.search(above)):
                known.append(len(above))
    return shortest_full(known) or 0.0


#: A page reference alone on its line: a short prefix without a word (``S.``, ``p.``, ``[``) and a number.
_PAGE_MARK = re.compile(r"^\s*([^\W\d_]{1,2}\.)?\s*\[?(\d{1,4})\]?\s*$")
#: A page reference with a prefix in a margin beside a line of text (pdftotext -layout): at its start or its end,
#: two spaces at least between it and the text.
_MARGIN_MARK = re.compile(r"^(\s*)([^\W\d_]{1,2}\.)\s*\[?(\d{1,4})\]?\s{2,}(?=\S)|(?<=\S)\s{2,}([^\W\d_]{1,2}\.)\s*\[?(\d{1,4})\]?\s*$")


def _page_marks(lines: list[str], spans: list[list[int]]) -> tuple[set[int], dict[int, str]]:
    """Lines that only mark where a page of another print begins (``S. 12`` in a margin, as editions print
    them), and lines of text with such a mark in their margin (each without it): a page reference with a
    prefix, on two pages at least, its numbers rising page by page. A bare number is not one (a page's own
    number, a note label). Each prefix makes its own sequence: a page's own number in brackets (``[2]``)
    beside the marks (``S. [1]``, ``S. [3]``) does not break theirs."""
    found: dict[str, list[tuple[int, int, int, str | None]]] = {}
    for p, span in enumerate(spans):
        for i in span:
            if (m := _PAGE_MARK.match(lines[i])) and not _LONE.match(lines[i]):
                found.setdefault(m.group(1) or "", []).append((p, i, int(m.group(2)), None))
            elif m := _MARGIN_MARK.search(lines[i]):
                prefix, n = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
                rest = lines[i][: m.start()] + (m.group(1) or "") + lines[i][m.end() :]
                found.setdefault(prefix, []).append((p, i, int(n), rest))
    seqs = [seq for seq in found.values() if _rising(seq)]
    return {i for seq in seqs for _, i, _, rest in seq if rest is None}, {i: rest for seq in seqs for _, i, _, rest in seq if rest is not None}


def _rising(seq: list[tuple[int, int, int, str | None]]) -> bool:
    """Two marks at least, their numbers rising page by page."""
    return len(seq) >= 2 and all(b[2] > a[2] and b[0] >= a[0] for a, b in zip(seq, seq[1:]))


def _backed(lines: list[str], edges: list[list[int]], cand: tuple[int, int, int]) -> bool:
    """A marker of the candidate's number stands glued in the text of its page (above it)."""
    page, at, n = cand
    return bool(_glued(str(n)).search("\n".join(lines[i] for i in edges[page] if i < at)))


def _lift_trailing_labels(lines: list[str], spans: list[list[int]], furniture: set[int], doubts: list[str]) -> tuple[list[str], set[int]]:
    """pdftotext's default reading order sets the label of a page's first note after the page's last note text,
    alone: a lone number ending the page, below the labels of the page's other notes (all higher), backed by
    a marker above. It labels the note text that opens the foot: the lines above the first other label (or
    above it) back to the body's last line, told from note lines by its measure (the longest lines that carry a
    marker, which only body text does: notes are set smaller, their lines hold more letters), or a blank line
    (which alone tells a page's only note from a block quotation, set smaller too).
    The label is put before that text; returns the lines and the indices of the lines so labelled."""
    marked = sorted(len(x.strip()) for k, x in enumerate(lines) if k not in furniture and _MARKED.search(x))
    measure = marked[int(0.95 * (len(marked) - 1))] if marked else 0
    out, lifted = list(lines), set()
    for span in spans:
        kept = [i for i in span if i not in furniture and lines[i].strip()]
        # What follows the page's last label without a word (a page number, a margin's page mark ``S. 2``) ends it too:
        # a lone number is a label only where a marker of its number stands in the page's text.
        text = "\n".join(lines[i] for i in kept)
        while kept and not re.search(r"[^\W\d_]{3}", lines[kept[-1]]) and not (
            _LABEL_ALONE.match(lines[kept[-1]]) and _glued(lines[kept[-1]].strip()).search(text)
        ):
            kept.pop()
        alone = [k for k, i in enumerate(kept) if (m := _LABEL_ALONE.match(lines[i])) and m.group(1).isdigit()]
        if len(kept) < 3 or not alone or alone[-1] != len(kept) - 1:
            continue
        n = int(lines[kept[-1]].strip())
        first = alone[0] if len(alone) > 1 else alone[-1]
        if any(int(lines[kept[k]].strip()) <= n for k in alone[:-1]) or first < 2:
            continue
        j = first - 1  # the note's last line
        while j - 1 > 0 and kept[j - 1] == kept[j] - 1 and len(lines[kept[j - 1]].strip()) > measure:
            j -= 1
        # Alone on its page, the label has no other labels to confirm the order: its text must stand set off by a
        # blank line (a block quotation is set smaller too, right under the text that leads to it).
        alone_on_page = len(alone) == 1 and kept[j - 1] == kept[j] - 1
        if alone_on_page or not _glued(str(n)).search("\n".join(lines[i] for i in kept[:j])):
            continue
        out[kept[j]] = f"{n} {lines[kept[j]].strip()}"
        out[kept[-1]] = ""
        lifted.add(kept[j])
        doubts.append(f"line {kept[-1] + 1}: label {n} alone after the page's last note text (pdftotext's reading order) taken for the note that opens the foot at line {kept[j] + 1}")
    for span in spans:
        _sunk_labels(out, [i for i in span if i not in furniture], lifted, doubts)
    return out, lifted


def _sunk_labels(lines: list[str], kept: list[int], lifted: set[int], doubts: list[str]) -> None:
    """pdftotext -layout may set a label alone right under its note's first line (the superscript sunk a line),
    a blank line under it before the note goes on: that first line opens a group after a blank, stands
    indented where the label stood, and a marker of the label's number stands above it on the page."""
    for k, i in enumerate(kept):
        m = _LABEL_ALONE.match(lines[i])
        if not (m and m.group(1).isdigit() and k >= 2 and kept[k - 1] == i - 1 and not lines[i - 2].strip()):
            continue
        above = lines[i - 1]
        if not above.strip() or not above[:1].isspace() or _FOOT.match(above) or _LABEL_ALONE.match(above):
            continue
        if i + 1 < len(lines) and lines[i + 1].strip() or not _glued(m.group(1)).search("\n".join(lines[x] for x in kept[: k - 1])):
            continue
        lines[i - 1] = f"{m.group(1)} {above.strip()}"
        lines[i] = ""
        lifted.add(i - 1)
        doubts.append(f"line {i + 1}: label {m.group(1)} alone under its note's first line (pdftotext -layout) taken for the note at line {i}")


def _per_page_marks(lines: list[str], spans: list[list[int]], furniture: set[int]) -> str:
    """'*' or ')' when the notes are marked per page (``*)``, ``1)``); '' when numbered through."""
    styles: Counter[str] = Counter()
    text = "\n".join(lines)
    for span in spans:
        for i in span:
            alone = i + 1 in span and lines[i + 1].strip() and _LABEL_ALONE.match(lines[i])
            m = _FOOT.match(lines[i]) or alone
            if m and i not in furniture:
                label = m.group(1)
                if label.isdigit():  # a running number counts only with a marker of its number in the text
                    styles["n"] += bool(_glued(label).search(text))
                else:
                    styles["*" if label.startswith("*") else ")"] += 1
    for i in (i for span in spans for i in span):
        styles[")"] += len(re.findall(r"[^\W\d_]\d{1,2}\)", lines[i]))
        styles["*"] += len(re.findall(r"[^\W\d_\s]\*+\)", lines[i]))
    best = max(("*", ")"), key=lambda s: styles[s])
    return best if styles[best] > styles["n"] else ""


def _renumber(raw: str, style: str, renumber: dict[str, int], last: int, labelled: set[str] = frozenset()) -> str:
    """Replace the per-page marks of ``style`` in a text line with running numbers (recorded in ``renumber``)."""
    # Stars never stand in prose, so they are marks even set off by a space (``Zelle *)``); numbers set off
    # by a space only where a label of the page's foot supports them (``1)`` also opens enumerations).
    mark = r"(\*+\))" if style == "*" else r"(\d{1,2}\))"
    pat = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\s\d][.,;:!?)\]»«\"“”’])|(?<=[^\W\d_] ))" + mark)

    def sub(m: re.Match[str]) -> str:
        apart = raw[m.start() - 1 : m.start()] == " "
        if apart and style != "*" and m.group(1) not in labelled:
            return m.group(0)
        if m.group(1) in renumber:
            return m.group(0)
        renumber[m.group(1)] = last + len(renumber) + 1
        return str(renumber[m.group(1)])

    return pat.sub(sub, raw)


def _open(line: str) -> bool:
    """A note line that leaves its note open: no final punctuation, or a single capital and a period
    (an initial or an abbreviation such as ``S.``, which a name or a number must follow)."""
    return not _OPEN_END.search(line) or bool(_INITIAL.search(line))


def _indents_paragraphs(lines: list[str], spans: list[list[int]], furniture: set[int]) -> bool:
    """Does the text open its paragraphs with an indent (pdftotext -layout)? Nearly every indented
    line follows a line that ends a sentence."""
    after = []
    for span in spans:
        kept = [i for i in span if i not in furniture and lines[i].strip()]
        # An indented line under an unindented one (the lines of an indented block say nothing).
        after += [bool(_OPEN_END.search(re.sub(r"(?<=[^\d\s])\d{1,3}$", "", lines[a].rstrip()))) for a, b in zip(kept, kept[1:]) if INDENT.match(lines[b]) and not lines[a][:1].isspace() and b == a + 1]
    return len(after) >= 3 and sum(after) >= 0.8 * len(after)


def _foot(lines: list[str], kept: list[int], last: int, per_page: str, open_note: bool, after_full: bool, indented: bool = False, noted: bool = False, rule: float = math.inf, full: tuple[float, int] = (0.0, 0), lifted: frozenset[int] | set[int] = frozenset()) -> tuple[int | None, dict[int, tuple[str, str | None]]]:
    """Where the page's note block begins (None: no block) and its label lines."""
    body_text = ""
    labels: dict[int, tuple[str, str | None]] = {}
    start = None
    expect = last
    prev_blank = False
    group = None  # position of the first line after the last blank line
    for k, i in enumerate(kept):
        raw = lines[i]
        if not raw.strip():
            prev_blank = True
            group = None
            continue
        if prev_blank:
            group = k
        below = lines[kept[k + 1]] if k + 1 < len(kept) else ""
        m = _FOOT.match(raw) or (_LABEL_ALONE.match(raw) if below.strip() and not _FOOT.match(below) and not _LABEL_ALONE.match(below) else None)
        # A label directly under lines set off by a blank, on a page after one that ended with a note: those lines
        # continue that note (body text never runs into a label; a finished-looking note may go on too, as a
        # quotation's source after its closing mark).
        # (Not over a label alone, which may stand right under body text.)
        after_open = (open_note or noted and m is not None and m.re is _FOOT) and group is not None and group > 0
        # A label alone on its line over its text needs no blank line above it: body text has no such line.
        # A label lifted before the foot's first note text (``_lift_trailing_labels``) opens the block too.
        if m and (start is not None or prev_blank or after_open or m.re is _LABEL_ALONE or i in lifted) and k > 0:
            mark = m.group(1)
            if per_page:
                # Set off by a space (``Zelle 1), welche``) the mark counts too: the label below supports it.
                ok = (mark.startswith("*") == (per_page == "*")) and bool(_glued(mark).search(body_text) or _apart(mark).search(body_text))
            else:
                # A number above the last label given, backed by a marker of that number in the page's text above.
                n = int(mark) if mark.isdigit() else -1
                ok = n > expect and bool(_glued(mark).search(body_text) or _apart(mark).search(body_text))
            if ok:
                if start is None:
                    # Under lines of an open note those lines continue it; else a label alone opens the block,
                    # unless the lines above it follow a blank line under text that breaks off (a full page's
                    # text goes on over the page): then the blank opened the block and they continue a note.
                    above = next((lines[kept[a]] for a in range(group - 2, -1, -1) if lines[kept[a]].strip()), "") if group else ""
                    continued = after_full and group is not None and 0 < group < k and bool(above) and not _OPEN_END.search(above)
                    start = i if prev_blank or i in lifted or m.re is _LABEL_ALONE and not (after_open or continued) else kept[group]
                labels[i] = (mark, m.group(2) if m.re is _FOOT else None)
                if not per_page:
                    expect = int(mark)
                prev_blank = False
                continue
        if start is None:
            body_text += raw + "\n"
        prev_blank = False
    if start is None and open_note:
        start = _continuation_start(lines, kept, len(kept), after_full, indented, rule, full)
    return start, labels


def _continuation_start(lines: list[str], kept: list[int], k: int, after_full: bool, indented: bool = False, rule_min: float = math.inf, full: tuple[float, int] = (0.0, 0)) -> int | None:
    """The first line of a continued note (the previous page ended in an open note) above position ``k``
    (``full``: how short a full line of the text can be, and the length of its long words):
    the last separated group, when a rule line or a lower-case start or a full page before says so,
    or, in a text that indents its paragraphs, a group that opens without the indent."""
    j = k - 1
    while j >= 0 and not lines[kept[j]].strip():
        j -= 1
    group_end = j
    while j >= 0 and lines[kept[j]].strip():
        j -= 1
    if j < 0 or group_end < 0 or j + 1 > group_end:
        return None
    first = lines[kept[j + 1]].strip()
    rule = len(lines[kept[j]]) >= rule_min  # a note rule (``rule_length``) over the group
    # A full page before and the text above ending mid-sentence: what stands below is no new paragraph.
    above = next((lines[kept[a]].strip() for a in range(j - 1, -1, -1) if lines[kept[a]].strip()), "")
    # A full line, not a heading: as long as the text's full lines can be (``floor``) but for a long word that did
    # not fit (the next word stands on the next page: one of the text's longest tenth of words), or as long as
    # the page's longest line (nothing on the page shows it ended short).
    floor, long_word = full
    measure = max(len(lines[i].strip()) for i in kept)
    mid_sentence = (len(above) + 1 + long_word >= floor or len(above) >= measure) and not _OPEN_END.search(above)
    unindented = indented and not INDENT.match(lines[kept[j + 1]]) and bool(above)
    return kept[j + 1] if rule or first[:1].islower() or after_full and mid_sentence or unindented else None
