"""The review report: what an editor should look at after ``edition annotate``.

Lines are ``file:line: kind: token — context (why)``; kinds:

* ``name`` — a capitalised word that looks like a name but is in no register form.
  German capitalises every noun, so a word is *not* reported when it is
  (1) a word of a register form or derived from a register name (``Stalinismus``),
  (2) an acronym (``KPD``), (3) found lowercase elsewhere in the same file (sentence-initial
  function words and adjectives), or (4) a German word: in the dictionary
  (``/usr/share/dict/ngerman``, Debian ``wngerman``), inflected from one, a compound
  ending in one, or ending in a noun suffix (``-ung``, ``-ismus`` …).
  It *is* reported despite (3)/(4) when it directly follows a register forename, or when it
  has letters German does not use (``Chávez``).
  Words of another language are no names either: those inside an element whose ``xml:lang``
  is not the text's, and, in notes and bibliographic references, those among more function
  words of another language than of the text's (``La Internacional Comunista en México``;
  the per-language lists are ``vocabulary/stopwords-LANG.txt``). A word right after a register
  forename is still reported.
* ``ambiguous`` — a register form of several persons with no context to choose; untagged.
* ``date`` — a number that looks like a date but is not inside a ``date``.

Reviewed lines are explained in ``review-ignore.txt`` beside the register (or where
``[register] review_ignore`` in edition.toml says), one per line::

    # kind  token  [file.xml]  — reason (required)
    name    Narodniki             — Bewegung, keine Person
    date    1500    dallmer.xml   — Truppenstärke, kein Jahr

A matching line suppresses that kind/token (in that file, or in every file).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..xmlio import TEI_NS, XML_NS, XmlInputError
from . import vocabulary
from .dates import Grammar
from .register import Register
from .rewrite import Chunk, line_of, walk
from .tagger import Finding, context_of

DEFAULT_DICTIONARY = Path("/usr/share/dict/ngerman")
WORD = re.compile(r"[^\W\d_]+")
NOUN_SUFFIX = re.compile(
    r"(?:ung|heit|keit|schaft|tion|sion|ismus|ist|ität|tum|nis|ling|chen|lein|ur|ie|ik|ei|ment|anz|enz|age|ät|ose|ik)"
    r"(?:en|e|s|n|es|se|ern|er)?$"
)
INFLECTION = ("s", "es", "n", "en", "e", "er", "ern", "em", "nen")
#: "in Omsk", "nach Samara": a place, not a person.
PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus", "bei"})
NON_GERMAN = re.compile(r"[^A-Za-zÄÖÜäöüß]")
#: Where a passage in another language is most likely a title, not running text: notes and references.
BIBLIOGRAPHIC = frozenset(f"{{{TEI_NS}}}{n}" for n in ("note", "bibl", "biblStruct", "listBibl", "title"))
#: Words on each side of a candidate whose language is counted.
WINDOW = 4


def load_stopwords() -> dict[str, frozenset[str]]:
    """Function words per language (``vocabulary/stopwords-LANG.txt``, one lowercase word a line)."""
    out = {}
    for path in sorted(vocabulary.DIR.glob("stopwords-*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out[path.stem.removeprefix("stopwords-")] = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    return out


STOPWORDS = load_stopwords()


def _element_of(chunk: Chunk) -> etree._Element:
    seg = chunk.segments[0]
    return seg.node if seg.slot == "text" else seg.node.getparent()


def _foreign_element(element: etree._Element, language: str) -> bool:
    """Is the nearest xml:lang around ``element`` another language than the text's?"""
    lang = next((e.get(f"{{{XML_NS}}}lang") for e in element.iterancestors() if e.get(f"{{{XML_NS}}}lang")), None)
    own = element.get(f"{{{XML_NS}}}lang") or lang
    return own is not None and own.split("-")[0].lower() != language


def _foreign_words(words: list[str], language: str) -> bool:
    """More function words of some other language than of the text's among ``words``; a word both
    languages use (``des``, ``in``) counts for neither."""
    own = STOPWORDS.get(language, frozenset())
    lowered = [w.lower() for w in words]
    mine = sum(w in own for w in lowered)
    return any(
        (theirs := sum(w in stop - own for w in lowered)) > 0 and theirs > mine
        for lang, stop in STOPWORDS.items() if lang != language
    )


def load_dictionary(path: Path | None) -> frozenset[str]:
    if path is None or not path.is_file():
        return frozenset()
    words = path.read_text(encoding="utf-8", errors="replace").split()
    return frozenset(words) | frozenset(w.lower() for w in words)


def _in_dictionary(word: str, dictionary: frozenset[str]) -> bool:
    stems = {word} | {word[: -len(e)] for e in INFLECTION if word.endswith(e) and len(word) > len(e) + 2}
    return any(s in dictionary or s.lower() in dictionary for s in stems)


def _is_german(word: str, dictionary: frozenset[str]) -> bool:
    if NOUN_SUFFIX.search(word) or _in_dictionary(word, dictionary):
        return True
    # a compound ends in a dictionary word: Großgrundbesitzer, Soldatenrat, Kriegsziele
    return any(_in_dictionary(word[i:].capitalize(), dictionary) for i in range(3, len(word) - 2))


@dataclass(frozen=True)
class Ignore:
    kind: str
    token: str
    file: str | None


def load_ignores(path: Path) -> list[Ignore]:
    if not path.is_file():
        return []
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = re.split(r"\s(?:—|--)\s", line, maxsplit=1)
        words = parts[0].split()
        if len(parts) != 2 or not parts[1].strip() or len(words) < 2:
            raise XmlInputError(str(path), n, 1, "expected 'kind token [file.xml] — reason'")
        file = words.pop() if len(words) > 2 and words[-1].endswith(".xml") else None
        out.append(Ignore(words[0], " ".join(words[1:]), file))
    return out


def suppressed(finding: Finding, file: Path, ignores: list[Ignore]) -> bool:
    return any(
        i.kind == finding.kind and i.token == finding.token and (i.file is None or fnmatch.fnmatch(file.name, i.file))
        for i in ignores
    )


def _known(word: str, register: Register, surnames: tuple[str, ...]) -> bool:
    words = register.words
    if any(w in words for w in (word, word.rstrip("'’"), word[:-1] if word.endswith("s") else word)):
        return True
    return any(word.startswith(s) and len(word) > len(s) for s in surnames)


def findings(
    tree: etree._ElementTree, register: Register, dictionary: frozenset[str], grammar: Grammar | None,
    language: str = "de",
) -> list[Finding]:
    """Heuristic name and number findings of an (annotated, freshly parsed) tree in ``language``
    (the text's primary language subtag); numbers only when that language has a date ``grammar``."""
    chunks = [c for c in walk(tree.getroot()) if isinstance(c, Chunk)]
    lowercase = {w for c in chunks for w in WORD.findall(c.text) if w[0].islower()}
    forenames = {f for p in register.persons.values() for f in p.forenames}
    surnames = tuple(sorted({p.surname for p in register.persons.values() if len(p.surname) >= 4}))
    out: list[Finding] = []
    for c in chunks:
        words = list(WORD.finditer(c.text))
        element = _element_of(c)
        foreign = _foreign_element(element, language)
        bibliographic = any(e.tag in BIBLIOGRAPHIC for e in (element, *element.iterancestors()))
        for k, m in enumerate(words):
            w = m.group(0)
            if not w[0].isupper() or len(w) < 2 or w.isupper() or _known(w, register, surnames):
                continue
            prev = words[k - 1].group(0) if k and c.text[words[k - 1].end() : m.start()].isspace() else ""
            if prev not in forenames and (foreign or bibliographic and _foreign_words(
                    [x.group(0) for x in words[max(0, k - WINDOW) : k + WINDOW + 1]], language)):
                continue
            evidence = prev in forenames or bool(NON_GERMAN.search(w))
            if not evidence and (prev in PLACE_PREPOSITIONS or w.lower() in lowercase or _is_german(w, dictionary)):
                continue
            out.append(Finding(line_of(c, m.start()), "name", w, context_of(c.text, m.start(), m.end())))
        if grammar is None:
            continue
        for m in grammar.date_like.finditer(c.text):
            if grammar.non_date_before.search(c.text, 0, m.start()):
                continue
            token = " ".join(m.group(0).split())
            out.append(Finding(line_of(c, m.start()), "date", token, context_of(c.text, m.start(), m.end())))
    return out


def merge(open_items: list[Finding], heuristic: list[Finding]) -> list[Finding]:
    """Annotator findings first; a heuristic one on the same line with a token they cover adds nothing."""
    merged = list(open_items)
    for h in heuristic:
        if not any(o.line == h.line and h.token in o.token for o in open_items):
            merged.append(h)
    return sorted(set(merged), key=lambda f: (f.line, f.kind, f.token))


def format_line(file: Path, f: Finding) -> str:
    why = f" ({f.why})" if f.why else ""
    return f"{file}:{f.line}: {f.kind}: {f.token} — {f.context}{why}"

