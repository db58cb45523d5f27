"""The metadata file beside a source (``<id>.toml``): what is known about the essay.

A text dated in the Julian calendar says so here (an edition can say it for all its texts,
``[calendar]`` in edition.toml)::

    [calendar]
    julian = true
    switch = "1918-02-14"   # the first Gregorian day (Russia); may come from edition.toml instead
    note = "Julianischer Kalender (in Russland bis Februar 1918)"   # how the header describes it
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..config import Calendar
from .source import SourceError

_ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Meta:
    id: str
    language: str
    title: str
    subtitle: str
    author: str
    author_ref: str
    year: str
    original_note: str
    rights: str
    abstract: str
    publisher: str
    edition: str
    date: str
    licence: str
    licence_target: str
    encoder: str
    changes: tuple[tuple[str, str], ...]
    julian_switch: str = ""  #: dated Julian before this first Gregorian day (YYYY-MM-DD); "": Gregorian
    calendar_note: str = ""  #: the header's description of the Julian calendar


def read_meta(path: Path, edition: Calendar = Calendar()) -> Meta:
    """Read ``path``; ``edition`` is the calendar policy of the edition the text goes into."""
    shown = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(shown, 0, 0, f"cannot read metadata: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise SourceError(shown, 1, 1, "metadata file is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        raise SourceError(shown, line, col, f"invalid TOML: {str(exc).split(' (at line')[0]}") from None

    def get(table: str, key: str, required: bool = False) -> str:
        value = data.get(table, {}).get(key, "") if table else data.get(key, "")
        if required and not value:
            raise SourceError(shown, 1, 1, f"missing required key {table + '.' if table else ''}{key}")
        if not isinstance(value, str):
            raise SourceError(shown, 1, 1, f"{table + '.' if table else ''}{key} must be a string")
        return value

    essay_id = get("", "id", True)
    if not _ID.match(essay_id):
        raise SourceError(shown, 1, 1, f"id {essay_id!r} must be a lowercase slug (a-z, 0-9, -)")
    changes = tuple((c.get("when", ""), c.get("what", "")) for c in data.get("change", []))
    if not changes or not all(w and t for w, t in changes):
        raise SourceError(shown, 1, 1, "at least one [[change]] with 'when' and 'what' is required (the revision date comes from here, never from the clock)")
    for when, _ in changes:
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", when):
            raise SourceError(shown, 1, 1, f"change date {when!r} is not YYYY-MM-DD")
    julian_switch = _julian_switch(data.get("calendar", {}), edition, shown)
    return Meta(
        id=essay_id,
        language=get("", "language") or "de",
        title=get("essay", "title", True),
        subtitle=get("essay", "subtitle"),
        author=get("essay", "author", True),
        author_ref=get("essay", "author_ref"),
        year=get("original", "year"),
        original_note=get("original", "note"),
        rights=get("original", "rights"),
        abstract=get("essay", "abstract"),
        publisher=get("file", "publisher", True),
        edition=get("file", "edition", True),
        date=changes[-1][0],
        licence=get("file", "licence", True),
        licence_target=get("file", "licence_target"),
        encoder=get("file", "encoder", True),
        changes=changes,
        julian_switch=julian_switch,
        calendar_note=get("calendar", "note"),
    )


def _julian_switch(table: dict[str, object], edition: Calendar, shown: str) -> str:
    """The switch of a Julian-dated text ("" for a Gregorian one): the text's ``[calendar]`` first, then its edition's."""
    julian = table.get("julian", edition.julian)
    if not isinstance(julian, bool):
        raise SourceError(shown, 1, 1, "calendar.julian must be true or false")
    raw = table.get("switch") or edition.switch
    switch = raw.isoformat() if isinstance(raw, dt.date) else raw
    if not julian:
        return ""
    if not (isinstance(switch, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", switch)):
        raise SourceError(shown, 1, 1, "a Julian text needs calendar.switch = \"YYYY-MM-DD\" (the first Gregorian day), here or in edition.toml")
    try:
        dt.date.fromisoformat(switch)
    except ValueError:
        raise SourceError(shown, 1, 1, f"calendar.switch {switch!r} is no day") from None
    return switch
