"""Join line-end hyphenation; keep the hyphen where it belongs to the word.

A line-end hyphen is a hyphen right after a letter with nothing after it (a
spaced dash ``der - `` is not one).  The continuation decides:

* lower case (``Arbeiterpoli-`` / ``tik``) → joined without the hyphen,
  unless the first part ends in an acronym (``US-`` / ``amerikanisch``) or the text
  prints the same compound with its hyphen inside a line (``Sowjet-regierung``);
* upper case (``Bucharin-`` / ``Fraktion``) → a real compound: the hyphen stays;
* ``und``/``oder``/… (``Arbeiter-`` / ``und``) → a suspended compound: hyphen and space stay.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

#: A soft hyphen (U+00AD) at a line's end is the typesetter's own break: some extractors keep it instead of ``-``.
SOFT = "\u00ad"
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")
_SUSPENDED = {"und", "oder", "bzw.", "sowie", "wie", "als", "bis"}
_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,}$")
_FIRST = re.compile(r"\S+")
_LAST_WORD = re.compile(r"(\S+)[-\u00ad]$")


@dataclass(frozen=True)
class Join:
    left: str
    right: str
    result: str
    kept: bool
    line: int
    doubtful: str | None = None


def is_hyphenated(raw: str) -> bool:
    """True if the raw line ends in a line-end hyphen (no trailing space after it)."""
    return bool(LINE_END_HYPHEN.search(raw))


def join(left: str, right: str, line: int, compounds: frozenset[str] = frozenset()) -> tuple[str, Join]:
    """Join ``left`` (ending in ``word-``) with the continuation ``right``.

    ``compounds`` holds hyphenated words found mid-line in the source: a join
    whose solid result appears there with a hyphen is reported as doubtful.
    """
    word = _LAST_WORD.search(left).group(1)
    m = _FIRST.match(right)
    nxt = m.group(0) if m else ""
    head = nxt[:1]
    doubt = None
    if left.endswith(SOFT):
        glue, kept = "", False  # a soft hyphen only ever breaks a word: it never stays
    elif nxt.lower() in _SUSPENDED:
        glue, kept = "- ", True
    elif head.islower() and not _ACRONYM.search(word):
        glue, kept = "", False
    elif head.islower():
        glue, kept, doubt = "-", True, "acronym before the hyphen: kept"
    elif head.isupper():
        glue, kept = "-", True
        doubt = "continuation in upper case: hyphen kept"
    else:
        glue, kept, doubt = "-", True, "continuation is not a letter: hyphen kept"
    if not kept and not left.endswith(SOFT) and f"{_strip(word)}-{_strip_lead(nxt)}" in compounds:
        # The text itself prints this compound with a hyphen: that evidence outweighs the lower case.
        glue, kept = "-", True
        doubt = f"'{_strip(word)}-{_strip_lead(nxt)}' is printed with a hyphen elsewhere: hyphen kept"
    result = left[:-1] + glue + right
    shown = _strip(word) + glue.strip() + _strip_lead(nxt)
    return result, Join(word + "-", nxt, shown, kept, line, doubt)


def _strip(word: str) -> str:
    return re.sub(r"^\W+", "", word)


def _strip_lead(word: str) -> str:
    return re.sub(r"[^\w-]+$|\d+$", "", re.sub(r"[^\w-].*$", "", word))


def mid_line_compounds(lines: list[str]) -> frozenset[str]:
    """Hyphenated words printed inside a line more often than solid (evidence for real hyphens).

    The two readings compete: ``Sowjet-regierung`` inside lines against ``Sowjetregierung``
    anywhere in the text; a typo printed once with a hyphen does not outweigh the solid word.
    """
    hyphenated: Counter[str] = Counter()
    solid: Counter[str] = Counter()
    for raw in lines:
        line = raw.rstrip()
        for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", line):
            if not line.endswith(w + "-"):
                hyphenated[w] += 1
        solid.update(re.findall(r"[^\W\d_]+", re.sub(r"[^\W\d_]+[-\u00ad]$", "", line)))
    return frozenset(w for w, n in hyphenated.items() if n > solid[w.replace("-", "")])
