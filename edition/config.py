"""An edition's policy as data: ``edition.toml``, parsed with tomllib and checked.

Everything the toolkit must not know of one edition lives here: title, editors, publisher,
base URL and persistent identifier, licence, languages, calendars, the register and its id
prefix, the validation profile and the annotation vocabulary. Problems are reported as
``edition.toml:line:col: error: …``; a key's line is found in the text, since tomllib keeps
no positions.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LocatedError

FILE_NAME = "edition.toml"
PROFILES = ("strict", "tei", "custom")
#: Word lists an edition adds to the toolkit's per-language date vocabulary (edition/annotate/vocabulary/).
VOCABULARY_KEYS = ("units", "before_number")
IDENTIFIER_TYPES = ("DOI", "URN", "Handle", "ARK")
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class ConfigError(LocatedError):
    """A problem in ``edition.toml``."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str


@dataclass(frozen=True)
class Identifier:
    type: str  #: DOI, URN, Handle or ARK
    value: str


@dataclass(frozen=True)
class Calendar:
    """Julian dating: ``julian`` for every text, else only for texts whose header declares it;
    dates before ``switch`` (the first Gregorian day, ISO) are Julian as printed."""

    julian: bool = False
    switch: str = ""  #: the first day of the Gregorian calendar, e.g. "1918-02-14"


@dataclass(frozen=True)
class Config:
    path: Path
    id: str
    title: str
    version: str
    date: str  #: ISO 8601: the date of every output
    publisher: str
    place: str
    description: str
    editors: tuple[Person, ...]
    responsibilities: tuple[Person, ...]  #: who did what (TEI respStmt): role is the resp text
    source: str  #: what the edition is based on (TEI sourceDesc)
    about: tuple[str, ...]  #: paragraphs about the edition (its landing page)
    base_url: str  #: "" when the edition is not (yet) published at an address
    identifier: Identifier | None
    licence_url: str
    licence_text: str
    language: str  #: the texts' default language
    interface: str  #: the language of labels in every output
    calendar: Calendar
    texts: str  #: folder of the texts, relative to the edition
    register: str  #: the person register, relative to the edition ("" for none)
    register_prefix: str
    profile: str
    relaxng: str  #: custom profile: RELAX NG grammar, relative to the edition ("" for none)
    schematron: str  #: custom profile: Schematron, relative to the edition ("" for none)
    vocabulary: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    odd: str = ""  #: the edition's own processing model (TEI ODD), relative to the edition ("" for none)
    review_ignore: str = ""  #: explained review-report lines, relative to the edition ("": beside the register)
    sources: str = "sources"  #: folder of the raw sources the texts are imported from, relative to the edition

    @property
    def dir(self) -> Path:
        return self.path.parent


def load(path: Path) -> Config:
    """Read and check ``path``; raise :class:`ConfigError` naming file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), 1, exc.start + 1, "not UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        line, col = (int(match[1]), int(match[2])) if match else (1, 1)
        raise ConfigError(str(path), line, col, _TOML_POSITION.sub("", str(exc)).strip()) from None
    return _check(_Reader(path, text, data))


class _Reader:
    """Typed access to the parsed TOML that reports where a bad value stands."""

    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.lines, self.data = path, text.splitlines(), data

    def where(self, table: str, key: str = "") -> tuple[int, int]:
        """Line and column of ``key`` in ``[table]``, else of the table's header, else (1, 1)."""
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(#.*)?$") if table else None
        inside, found = not table, (1, 1)
        for no, line in enumerate(self.lines, 1):
            if header and header.match(line):
                inside, found = True, (no, 1) if found == (1, 1) else found
                continue
            if re.match(r"^\s*\[", line):
                inside = False
                continue
            if inside and key and (m := re.match(r"^(\s*)" + re.escape(key) + r"\s*=", line)):
                return no, len(m[1]) + 1
        return found

    def fail(self, table: str, key: str, message: str) -> ConfigError:
        line, col = self.where(table, key)
        name = f"{table}.{key}" if table and key else table or key
        return ConfigError(str(self.path), line, col, f"{name}: {message}")

    def table(self, name: str) -> dict[str, Any]:
        node: Any = self.data
        for part in name.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        if not isinstance(node, dict):
            raise self.fail(name, "", "must be a table")
        return node

    def string(self, table: str, key: str, default: str | None = None) -> str:
        value = self.table(table).get(key, default)
        if value is None:
            raise self.fail(table, key, "is required")
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str):
            raise self.fail(table, key, f"must be a string, not {type(value).__name__}")
        return value.strip()

    def strings(self, table: str, key: str) -> tuple[str, ...]:
        value = self.table(table).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(table, key, "must be a list of strings")
        return tuple(value)


def _check(r: _Reader) -> Config:
    e = "edition"
    known = {"edition", "languages", "calendar", "register", "texts", "sources", "validation", "vocabulary", "model"}
    for top in r.data:
        if top not in known:
            raise r.fail(top, "", f"unknown table (known: {', '.join(sorted(known))})")
    edition_id = r.string(e, "id")
    if not _ID.match(edition_id):
        raise r.fail(e, "id", f"{edition_id!r} must be lower-case letters, digits and hyphens, starting with a letter")
    date = r.string(e, "date")
    if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", date):
        raise r.fail(e, "date", f"{date!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    base_url = r.string(e, "base_url", "")
    if base_url and not re.match(r"^https?://[^\s/]+", base_url):
        raise r.fail(e, "base_url", f"{base_url!r} is not an http(s) address")
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    return Config(
        path=r.path,
        id=edition_id,
        title=_required(r, e, "title"),
        version=r.string(e, "version", "1.0.0"),
        date=date,
        publisher=_required(r, e, "publisher"),
        place=r.string(e, "place", ""),
        description=r.string(e, "description", ""),
        editors=_people(r, "editors", "role", "editor"),
        responsibilities=_people(r, "contributors", "resp", ""),
        source=r.string(e, "source", ""),
        about=tuple(p.strip() for p in re.split(r"\n\s*\n", r.string(e, "about", "")) if p.strip()),
        base_url=base_url,
        identifier=_identifier(r),
        licence_url=r.string(f"{e}.licence", "url", ""),
        licence_text=r.string(f"{e}.licence", "text", ""),
        language=_language(r, "default", "de"),
        interface=_language(r, "interface", ""),
        calendar=_calendar(r),
        texts=r.string("texts", "folder", "texts"),
        register=r.string("register", "persons", ""),
        register_prefix=_prefix(r),
        profile=_profile(r),
        relaxng=r.string("validation", "relaxng", ""),
        schematron=r.string("validation", "schematron", ""),
        vocabulary=_vocabulary(r),
        odd=_odd(r),
        review_ignore=r.string("register", "review_ignore", ""),
        sources=r.string("sources", "folder", "sources"),
    )


def _required(r: _Reader, table: str, key: str) -> str:
    value = r.string(table, key)
    if not value:
        raise r.fail(table, key, "must not be empty")
    return value


def _people(r: _Reader, key: str, role_key: str, default_role: str) -> tuple[Person, ...]:
    """``[[edition.KEY]]`` entries with ``name`` and ``ROLE_KEY``."""
    raw = r.table("edition").get(key, [])
    ok = isinstance(raw, list) and all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in raw)
    if not ok or any(not isinstance(p.get(role_key, default_role), str) for p in raw):
        raise r.fail(f"edition.{key}", "", f'each [[edition.{key}]] needs name = "…" and {role_key} = "…"')
    people = tuple(Person(p["name"].strip(), p.get(role_key, default_role).strip()) for p in raw)
    if any(not p.name or not p.role for p in people):
        raise r.fail(f"edition.{key}", "", f"name and {role_key} must not be empty")
    return people


def _identifier(r: _Reader) -> Identifier | None:
    table = r.table("edition.identifier")
    if not table:
        return None
    kind, value = r.string("edition.identifier", "type"), r.string("edition.identifier", "value")
    if kind not in IDENTIFIER_TYPES:
        raise r.fail("edition.identifier", "type", f"{kind!r} is not one of {', '.join(IDENTIFIER_TYPES)}")
    if not value:
        raise r.fail("edition.identifier", "value", "must not be empty")
    return Identifier(kind, value)


def _language(r: _Reader, key: str, default: str) -> str:
    value = r.string("languages", key, default)
    if value and not _LANG.match(value):
        raise r.fail("languages", key, f"{value!r} is not a language tag such as de or en")
    return value


def _calendar(r: _Reader) -> Calendar:
    kind = r.string("calendar", "default", "gregorian")
    if kind not in ("gregorian", "julian"):
        raise r.fail("calendar", "default", f"{kind!r} must be gregorian or julian")
    switch = r.string("calendar", "switch", "")
    if (kind == "julian" or switch) and not _is_day(switch):
        raise r.fail("calendar", "switch", "a Julian edition needs the Gregorian date of its calendar switch, YYYY-MM-DD")
    return Calendar(julian=kind == "julian", switch=switch)


def _is_day(text: str) -> bool:
    """``YYYY-MM-DD`` naming a day that exists."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _prefix(r: _Reader) -> str:
    prefix = r.string("register", "prefix", "psn")
    if not re.match(r"^[a-z][a-z0-9]*$", prefix):
        raise r.fail("register", "prefix", f"{prefix!r} must be lower-case letters and digits")
    return prefix


def _profile(r: _Reader) -> str:
    profile = r.string("validation", "profile", "tei")
    if profile not in PROFILES:
        raise r.fail("validation", "profile", f"{profile!r} is not one of {', '.join(PROFILES)}")
    if profile == "custom" and not (r.table("validation").get("relaxng") or r.table("validation").get("schematron")):
        raise r.fail("validation", "profile", "custom needs relaxng = \"…\" or schematron = \"…\"")
    return profile


def _odd(r: _Reader) -> str:
    """``[model] odd``: the edition's TEI ODD, whose elementSpecs replace the toolkit's for the same elements."""
    odd = r.string("model", "odd", "")
    if odd and not (r.path.parent / odd).is_file():
        raise r.fail("model", "odd", f"{odd!r}: no such file beside edition.toml")
    return odd


def _vocabulary(r: _Reader) -> dict[str, dict[str, tuple[str, ...]]]:
    """``[vocabulary.de] units = […], before_number = […]``: words the annotator adds, per language,
    to the toolkit's vocabulary of that language."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, table in r.table("vocabulary").items():
        if not isinstance(table, dict):
            raise r.fail(f"vocabulary.{lang}", "", "must be a table of word lists")
        for key in table:
            if key not in VOCABULARY_KEYS:
                raise r.fail(f"vocabulary.{lang}", key, f"unknown word list (known: {', '.join(VOCABULARY_KEYS)})")
        out[lang] = {key: r.strings(f"vocabulary.{lang}", key) for key in table}
    return out
