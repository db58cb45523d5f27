"""Metadata when there is no metadata file: taken from the text and the output name, and said so.

Only what the text shows is taken: the title from the first lines of page 1, the author
from a byline (``von NAME``) or a name line above the title; the id from the output name.
Publisher, licence and encoder come from the edition the draft lands in, else they are
written as unknown. The revision date is ``SOURCE_DATE_EPOCH``'s day, else the edition's
date, else the day the source file was last changed: never the clock of the import.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import statistics
from pathlib import Path

from .. import config as C
from .hyphenation import is_hyphenated
from .meta import Meta
from .pages import shortest_full

UNKNOWN = "unbekannt"
_BYLINE = re.compile(r"^(?:von|by|de|par)\s+(\S.{1,60})$", re.IGNORECASE)
_MARK = re.compile(r"(?<=[^\d\s])\d{1,3}$")
_END = re.compile(r"[.!?:;,]$")


def slug(stem: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", stem.casefold().replace("ß", "ss").translate(str.maketrans("äöüéèáàç", "aoueeaac"))).strip("-")
    return s if s[:1].isalpha() else f"text-{s}" if s else "text"


def _name_like(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words)


def _first_lines(lines: list[str]) -> list[list[str]]:
    """The groups of short lines that open the text (a group ends at a blank or separator line, or at a long line)."""
    double = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b) > 0.5 * max(1, sum(1 for x in lines if x.strip()))
    groups: list[list[str]] = [[]]
    full, sentence = _text_measures(lines[:400])
    for k, raw in enumerate(lines[:60]):
        text = _MARK.sub("", raw.strip()).strip()
        if not raw.strip():
            if groups[-1] and (raw or not double):
                groups.append([])
            continue
        # The text begins with a full line, or a line that ends a sentence longer than a title (half the text's typical sentence).
        if len(text) >= full or _END.search(text) and 2 * len(text.split()) > sentence:
            break
        if k and lines[k][:1].isspace() and not double and groups[-1]:
            groups.append([])  # a new page, or an indented line
        groups[-1].append(text)
        if len(groups) >= _TITLE_PARTS:
            break
    return [g for g in groups if g]


#: A title block has at most this many groups of lines (title, subtitle, author, place and date, publisher):
#: the parts of a title page, not a length of this or that text.
_TITLE_PARTS = 5


def _text_measures(lines: list[str]) -> tuple[float, float]:
    """How long a full line of the text is (``shortest_full`` of the lines that run on, at least as long as its
    median line, as most lines of a text are full: a wrapped title runs on too; without any, its longest line)
    and its typical sentence in words (the median)."""
    text = [x.strip() for x in lines]
    typical = statistics.median([len(x) for x in text if x] or [0])
    known = [len(a) for a, b in zip(text, text[1:]) if len(a) >= typical and (is_hyphenated(a) or b[:1].islower() and not _END.search(a))]
    full = shortest_full(known) or max((len(x) for x in text), default=0)
    sentences = [len(x.split()) for x in re.split(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[A-ZÄÖÜ])", " ".join(t for t in text if t))]
    return full, statistics.median(sentences) if sentences else 0.0


def _subtitle_at(lines: list[str], group_sizes: list[int]) -> int:
    """Where the main title ends among the title lines: after a line that ends a sentence, that stops
    although the next word would have fitted the title's measure (its longest line), or after which the
    lettering changes (capitals / mixed case); the lines of one wrapped title have none of these."""
    measure = max((len(x) for x in lines), default=0)
    starts = {sum(group_sizes[:g]) for g in range(1, len(group_sizes))}  # a blank line between title lines
    for k in range(1, len(lines)):
        prev, nxt = lines[k - 1], lines[k]
        if re.search(r"[,;-]$", prev) or nxt[:1].islower():
            continue  # the phrase runs on
        fits = len(prev) + 1 + len(nxt.split()[0]) <= measure
        if k in starts or fits or re.search(r"[.!?:]$", prev) or _caps(prev) != _caps(nxt):
            return k
    return len(lines)


def _caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def guess_meta(lines: list[str], source: Path, out_stem: str, cfg: C.Config | None) -> tuple[Meta, list[str]]:
    """Metadata from the text; the second value says what was guessed and from where."""
    groups = _first_lines(lines)
    title, author, said = "", "", []
    flat = [x for g in groups[:3] for x in g]
    heading: list[str] = []
    for k, line in enumerate(flat):
        m = _BYLINE.match(line)
        if m and k:
            author, heading = m.group(1), flat[:k]
            break
    if not author and len(groups) >= 2 and len(groups[0]) == 1 and _name_like(groups[0][0]):
        author, heading = groups[0][0], groups[1]
    if not heading and groups:
        heading = groups[0]
    cut = _subtitle_at(heading, [len(g) for g in groups])
    title, subtitle = " ".join(heading[:cut]), " ".join(heading[cut:])
    said.append(f"title from the first lines of the text: {title!r}" if title else "no title found in the text: none written")
    if subtitle:
        said.append(f"subtitle from the title lines (the main title's last line ends before the measure of the title lines, or its style changes): {subtitle!r}")
    said.append(f"author from the byline: {author!r}" if author else "no author found in the text: none written")
    essay_id = slug(out_stem)
    said.append(f"id from the output name: {essay_id}")
    day = _day(source, cfg)
    said.append(f"revision date {day[0]} ({day[1]})")
    publisher = cfg.publisher if cfg and cfg.publisher else UNKNOWN
    licence = cfg.licence_text if cfg and cfg.licence_text else UNKNOWN
    said.append("publisher and licence from edition.toml" if cfg else "publisher, licence and encoder unknown (no metadata, no edition)")
    meta = Meta(
        id=essay_id, language=(cfg.language if cfg and cfg.language else "de"), title=title, subtitle=subtitle, author=author,
        author_ref="", year="", original_note="", rights="", abstract="", publisher=publisher,
        edition=(cfg.version if cfg and cfg.version else "0.1.0"), date=day[0], licence=licence,
        licence_target=(cfg.licence_url if cfg else ""), encoder=publisher,
        changes=((day[0], "Importentwurf ohne Metadatendatei: Titel, Autor und Kennung aus dem Text und dem Dateinamen erschlossen."),),
    )
    return meta, said


def _day(source: Path, cfg: C.Config | None) -> tuple[str, str]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat(), "SOURCE_DATE_EPOCH"
    if cfg and cfg.date:
        return cfg.date, "the edition's date"
    when = dt.datetime.fromtimestamp(source.stat().st_mtime, dt.timezone.utc).date().isoformat()
    return when, "the day the source file was last changed"
