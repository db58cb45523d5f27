"""The date grammar's language resources, as data: one TOML file per language beside this module.

``de.toml`` and ``en.toml`` hold month names, seasons, qualifiers (Anfang/Mitte/Ende), general
words before or after a number that make it no year, and the regular-expression pieces of the
phrases (``[grammar]``; a missing piece switches its phrase off). What one edition adds (units
such as Werst or Pesos) is not here but in its ``edition.toml`` (``[vocabulary.<lang>]``), which
extends these lists; see :data:`edition.config.VOCABULARY_KEYS`.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DIR = Path(__file__).resolve().parent


def available() -> tuple[str, ...]:
    """The languages with a vocabulary file."""
    return tuple(sorted(p.stem for p in DIR.glob("*.toml")))


@cache
def read(language: str) -> dict[str, Any] | None:
    """The parsed vocabulary of ``language`` (a primary subtag: de, en), or None if there is none."""
    path = DIR / f"{language}.toml"
    # The code comes from a text's xml:lang: only a bare subtag may name a file.
    if not re.fullmatch(r"[a-z]{2,3}", language) or not path.is_file():
        return None
    return tomllib.loads(path.read_text(encoding="utf-8"))
