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


_WORD = re.compile(r"\w+")
_BEFORE = f"(?<![\\w{HYPHENS}{APOSTROPHES}])"
_AFTER = f"(?![\\w{HYPHENS}])(?![{APOSTROPHES}]\\w)"


@dataclass(frozen=True)
class Matcher:
    """The register's forms, found as one alternation of them (longest first) would find them,
    in time linear in the text: only where a word starts that a form can start with is any form tried.

    A form beginning with a word character can match only where the text's word run equals the
    form's first run (or that run with the genitive ending, for a one-word form); a form beginning
    otherwise is looked for on its own (``elsewhere``).
    """

    ordered: tuple[str, ...]  # priority order: longest first
    forms: dict[str, frozenset[str]]
    patterns: tuple[re.Pattern[str], ...]  # patterns[i] matches ordered[i] at a position, with its boundaries
    by_word: dict[str, tuple[int, ...]]  # a word run of the text → the forms that can start there, by priority
    elsewhere: tuple[int, ...]  # forms not starting with a word character

    def find(self, text: str) -> list[NameMatch]:
        candidates: dict[int, list[int]] = {}
        for m in _WORD.finditer(text):
            forms = self.by_word.get(m.group())
            if forms:
                candidates[m.start()] = list(forms)
        for i in self.elsewhere:
            for m in re.finditer(f"(?={self.patterns[i].pattern})", text):
                candidates.setdefault(m.start(), []).append(i)
        out: list[NameMatch] = []
        end = 0
        for start in sorted(candidates):
            if start < end:
                continue  # inside the previous mention: matches do not overlap
            for i in sorted(candidates[start]):
                m = self.patterns[i].match(text, start)
                if m:
                    form = self.ordered[i]
                    out.append(NameMatch(m.start(), m.end(), form, self.forms[form]))
                    end = m.end()
                    break
        return out


def _start_words(form: str) -> list[str] | None:
    """The word runs of a text where ``form`` can begin; None if it begins with another character."""
    first = _WORD.match(form)
    if first is None:
        return None
    words = [first.group()]
    if first.end() == len(form) and not form.lower().endswith(SIBILANT_END):
        words.append(form + ("S" if form.isupper() else "s"))  # the genitive joins the run
    return words


def compile_forms(forms: dict[str, frozenset[str]]) -> Matcher:
    """The matcher of all forms, longest first (so full names win over surnames)."""
    ordered = tuple(sorted(forms, key=lambda f: (-len(f), f)))
    patterns = tuple(re.compile(f"{_BEFORE}{_form_pattern(f)}{_AFTER}") for f in ordered)
    by_word: dict[str, list[int]] = {}
    elsewhere: list[int] = []
    for i, form in enumerate(ordered):
        words = _start_words(form)
        if words is None:
            elsewhere.append(i)
        for word in words or ():
            by_word.setdefault(word, []).append(i)
    return Matcher(ordered, forms, patterns, {w: tuple(ix) for w, ix in by_word.items()}, tuple(elsewhere))
