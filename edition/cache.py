"""The toolkit's cache folder: what is costly to find out and can be found out again.

``$EDITION_CACHE``, else ``$XDG_CACHE_HOME/tei-edition``, else ``~/.cache/tei-edition``. Every
entry is named by the hash of what it was made from, so a stale entry is never read; deleting the
folder only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any


def cache_dir(part: str) -> Path:
    """The cache subfolder ``part`` (not created: writers create it when they write)."""
    base = os.environ.get("EDITION_CACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = str(Path(xdg) / "tei-edition") if xdg else str(Path.home() / ".cache" / "tei-edition")
    return Path(base) / part


def read_json(part: str, key: str) -> Any:
    """The entry ``key`` of the subfolder ``part``, or None when there is none (or it is damaged)."""
    text = read_text(part, f"{key}.json")
    try:
        return None if text is None else json.loads(text)
    except ValueError:
        return None


def write_json(part: str, key: str, data: Any) -> None:
    """Record ``data`` as the entry ``key`` of ``part``, whole or not at all (written aside, then renamed)."""
    write_text(part, f"{key}.json", json.dumps(data, ensure_ascii=False))


def read_text(part: str, name: str) -> str | None:
    """The text of the entry ``name`` of ``part``, or None when there is none."""
    try:
        return (cache_dir(part) / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_text(part: str, name: str, text: str) -> None:
    """Record ``text`` as the entry ``name`` of ``part``, whole or not at all (written aside, then renamed)."""
    folder = cache_dir(part)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staged = folder / f".{name}.{os.getpid()}.tmp"
        staged.write_text(text, encoding="utf-8")
        os.replace(staged, folder / name)
    except OSError:
        pass  # an unwritable cache only costs time


def digest(*parts: bytes | str) -> str:
    """The SHA-256 of ``parts``, each length-prefixed (so no two different lists of parts collide)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def installed_version(dist: str) -> str:
    """The installed version of a distribution (a part of keys: an engine update redoes its outputs)."""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


#: The engines whose versions are part of the toolkit's key.
ENGINES = ("saxonche", "typst", "bagit", "pagefind", "lxml")


def toolkit_key() -> str:
    """The toolkit's version, its xslt/ folder (stylesheets, Typst template, site assets), Python code and engines.

    Coarse on purpose: any toolkit change redoes every output made with it, which is never wrong.
    """
    from . import __version__
    from .paths import ROOT, XSLT

    files = sorted([*(p for p in XSLT.rglob("*") if p.is_file()), *(ROOT / "edition").rglob("*.py")])
    engines = [f"{name}=={installed_version(name)}" for name in ENGINES]
    return digest(__version__, *engines, *(f"{p.relative_to(ROOT)}:{digest(p.name, p.read_bytes())}" for p in files))
