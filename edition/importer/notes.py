"""Footnotes: markers in the running text and note texts from the page feet.

Markers are digits glued to a word or to punctuation (``Folgen1``, ``.»1``,
``Kämpfe49und``).  Only the *expected next number* is accepted, which keeps
years, ``21jährige`` or ``3.Juli`` as text; a number standing apart
(``suchte. 9 Dies``) is accepted only to fill a gap in the sequence.

Note texts are the page-foot items: a labelled item carries its number; an
unlabelled one takes the first marker of its page that has no text yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .hyphenation import Join, is_hyphenated, join
from .pages import ZoneLine

NOTE = "\x02{}\x03"  # note sentinel in body text
# A number after a single letter (A1, A2) is a formula's index, not a marker: a word has two letters.
_GLUED = re.compile(r"(?:(?<=[^\W\d_][^\W\d_])|(?<=[^\s\d\x01-\x03][.,;:!?)\]»«\"“”’]))(\d{1,3})(?![\d])(?!,\d)")
_APART = re.compile(r"(?<=[^\W\d_]|[.,;:!?»«\"“”)]) (\d{1,3})(?=[\s.,;:\x01]|$)")
_PB = re.compile(r"\x01(\d+)\x03")


@dataclass
class Marker:
    n: int
    start: int
    end: int
    apart: bool
    page: int = 0


@dataclass
class NoteText:
    page: int
    label: int | None
    lines: list[ZoneLine] = field(default_factory=list)
    number: int | None = None
    text: str = ""
    joins: list[Join] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.lines[0].no if self.lines else 0


def find_markers(text: str, supported: frozenset[int] = frozenset()) -> tuple[list[Marker], list[int]]:
    """Markers 1..N in order in ``text``; also the numbers skipped as not found.

    ``supported`` are the numbers a note text carries: for them a number standing apart is a marker too.
    """
    glued = [Marker(int(m.group(1)), m.start(1), m.end(1), False) for m in _GLUED.finditer(text)]
    apart = [Marker(int(m.group(1)), m.start(), m.end(1), True) for m in _APART.finditer(text)]
    found: list[Marker] = []
    missing: list[int] = []
    prev, n = -1, 1
    while True:
        g = next((m for m in glued if m.n == n and m.start > prev), None)
        g1 = next((m for m in glued if m.n == n + 1 and m.start > prev), None)
        bound = g1.start if g1 else len(text)
        a = next((m for m in apart if m.n == n and prev < m.start < bound), None)
        # A number standing apart fills a gap before a glued marker, or has a note text of its number.
        pick = g if g and g.start < bound else (a if g1 or n in supported else None) or g
        if pick is None:
            if g1 is None:
                break
            missing.append(n)
        else:
            found.append(pick)
            prev = pick.end
        n += 1
    page = 1
    pbs = [(m.start(), int(m.group(1))) for m in _PB.finditer(text)]
    for marker in found:
        while pbs and pbs[0][0] < marker.start:
            page = pbs.pop(0)[1]
        marker.page = page
    return found, missing


def replace_markers(text: str, markers: list[Marker]) -> str:
    for m in sorted(markers, key=lambda m: m.start, reverse=True):
        text = text[: m.start] + NOTE.format(m.n) + text[m.end :]
    return text


def note_items(zone: list[ZoneLine]) -> list[NoteText]:
    """Group page-foot lines into note texts (labelled or not)."""
    items: list[NoteText] = []
    awaiting = False
    for z in zone:
        if z.label is not None:
            items.append(NoteText(z.page, z.label, [] if z.rest is None else [z]))
            awaiting = z.rest is None
        elif awaiting:
            items[-1].lines.append(z)
            awaiting = False
        elif not items or z.raw[:1].isspace() or items[-1].page != z.page:
            items.append(NoteText(z.page, None, [z]))
        else:
            items[-1].lines.append(z)
    return items


def assign(items: list[NoteText], markers: list[Marker], doubts: list[str]) -> list[NoteText]:
    """Give every note text its number; unlabelled texts take their page's free markers in order."""
    labelled = {it.label for it in items if it.label is not None}
    taken: set[int] = set()
    kept: list[NoteText] = []
    # Does the text lose labels? Only a text without a label stands after a labelled one on its page; where
    # none does, a text without one that opens a page's foot goes on with the note the page before ended with.
    loses_labels = any(it.label is None and any(x.page == it.page and x.label is not None for x in items[:k]) for k, it in enumerate(items))
    for k, it in enumerate(items):
        opens_foot = not any(x.page == it.page for x in items[:k])
        if it.label is None and opens_foot and kept and not loses_labels:
            doubts.append(f"line {it.first}: note text without number atop its page's foot taken as the rest of note {kept[-1].number} (no other note text of the text lacks its number)")
            kept[-1].lines.extend(it.lines)
            continue
        if it.label is not None:
            it.number = it.label
            if it.label not in {m.n for m in markers}:
                doubts.append(f"line {it.first}: note text {it.label} has no marker in the text")
        else:
            low = max((x.number for x in kept if x.page == it.page and x.number), default=0)
            high = next((x.label for x in items[k + 1 :] if x.page == it.page and x.label), 10**6)
            free = [m.n for m in markers if m.page == it.page and low < m.n < high and m.n not in labelled | taken]
            if free:
                it.number = free[0]
                doubts.append(f"line {it.first}: note text without number assigned to marker {it.number} on its page")
            elif kept:
                doubts.append(f"line {it.first}: note text without number and without a free marker on its page: appended to note {kept[-1].number}")
                kept[-1].lines.extend(it.lines)
                continue
            else:
                doubts.append(f"line {it.first}: note text without number and without a marker: kept as note 0")
                it.number = 0
        taken.add(it.number)
        kept.append(it)
    return kept


def assemble(item: NoteText, compounds: frozenset[str]) -> None:
    text = ""
    for k, z in enumerate(item.lines):
        part = z.rest if (k == 0 and z.rest is not None) else z.raw.strip()
        part = re.sub(r"\s{2,}", " ", part)
        if k == 0:
            text = part
        elif is_hyphenated(item.lines[k - 1].raw):
            text, j = join(text, part, item.lines[k - 1].no, compounds)
            item.joins.append(j)
        else:
            text = f"{text} {part}"
    item.text = text
