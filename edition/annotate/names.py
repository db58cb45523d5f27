"""Find register name forms in running German text.

Rules (why): a mention is a whole word sequence, optionally with the German
genitive ending (``Lenins``, ``Trotzkis``; ``Marx'`` after a sibilant).  Names
inside derived words and compounds are not mentions of the person
(``Stalinismus``, ``Kerenski-Offensive``, ``Machnobewegung``, ``Nach-Lenin-Zeit``),
so a form must not touch a letter, digit or hyphen on either side.  Words of a
form may be separated by any whitespace (line breaks), and the text given here
has page/line-break milestones removed, so names split around ``<pb/>`` match.
Longer forms are tried first, so full names win over surnames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HYPHENS = "\\-\u2010\u2011"
APOSTROPHES = "'\u2019"
SIBILANT_END = ("s", "ß", "x", "z", "ce")


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    form: str
    ids: frozenset[str]


def _form_pattern(form: str) -> str:
    words = [re.escape(w) for w in form.split(" ")]
    genitive = "S" if form.isupper() else "s"
    ending = f"[{APOSTROPHES}]" if form.lower().endswith(SIBILANT_END) else genitive
    return r"\s+".join(words) + f"(?:{ending})?"


@dataclass(frozen=True)
class Matcher:
    regex: re.Pattern[str]
    ordered: tuple[str, ...]  # regex group i+1 is ordered[i]
    forms: dict[str, frozenset[str]]

    def find(self, text: str) -> list[NameMatch]:
        out = []
        for m in self.regex.finditer(text):
            form = self.ordered[m.lastindex - 1]
            out.append(NameMatch(m.start(), m.end(), form, self.forms[form]))
        return out


def compile_forms(forms: dict[str, frozenset[str]]) -> Matcher:
    """One regex over all forms, longest first (so full names win over surnames)."""
    ordered = tuple(sorted(forms, key=lambda f: (-len(f), f)))
    alternation = "|".join(f"({_form_pattern(f)})" for f in ordered) or "(?!)"
    pattern = (
        f"(?<![\\w{HYPHENS}{APOSTROPHES}])"
        f"(?:{alternation})"
        f"(?![\\w{HYPHENS}])(?![{APOSTROPHES}]\\w)"
    )
    return Matcher(re.compile(pattern), ordered, forms)
