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
    try:
        return json.loads((cache_dir(part) / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(part: str, key: str, data: Any) -> None:
    """Record ``data`` as the entry ``key`` of ``part``, whole or not at all (written aside, then renamed)."""
    folder = cache_dir(part)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staged = folder / f".{key}.{os.getpid()}.tmp"
        staged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(staged, folder / f"{key}.json")
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
