"""The metadata file beside a source (``<id>.toml``): what is known about the essay."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

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


def read_meta(path: Path) -> Meta:
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
    )
