"""The name matcher finds exactly what one alternation of all forms (longest first) finds, leftmost
and without overlap, with the boundary rules of :mod:`edition.annotate.names`."""

from __future__ import annotations

import random
import re

from edition.annotate import register as R
from edition.annotate.names import APOSTROPHES, HYPHENS, _form_pattern, compile_forms
from edition.paths import ROOT

BUNDLED_REGISTER = ROOT / "editions" / "russische-revolution" / "register" / "persons.xml"
# Forms of every shape: one word, several, initials, capitals, sibilant endings, hyphenated, and
# forms that begin with a character that is no word character.
SHAPES = {"W. I. Lenin": "a", "Lenin": "a", "LENIN": "a", "Marx": "b", "Karl Marx": "b", "Liebknecht": "c",
          "Luxemburg-Liebknecht": "d", "„Genosse X“": "e", "'t Hooft": "f", "Ilse": "g", "Ilses": "h"}
GLUE = [" ", "", "-", "\n", "'", "’", "s ", ". ", "s", "S ", "ismus ", " \n  "]


def _reference(forms: dict[str, frozenset[str]]):
    """The specification: one regex, each form a group, longest first."""
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    alternation = "|".join(f"({_form_pattern(f)})" for f in ordered) or "(?!)"
    regex = re.compile(f"(?<![\\w{HYPHENS}{APOSTROPHES}])(?:{alternation})(?![\\w{HYPHENS}])(?![{APOSTROPHES}]\\w)")
    return lambda text: [(m.start(), m.end(), ordered[m.lastindex - 1]) for m in regex.finditer(text)]


def _check(forms: dict[str, frozenset[str]], texts: list[str]) -> int:
    expected, matcher = _reference(forms), compile_forms(forms)
    found = 0
    for text in texts:
        got = [(m.start, m.end, m.form) for m in matcher.find(text)]
        assert got == expected(text), text
        assert all(m.ids == forms[m.form] for m in matcher.find(text))
        found += len(got)
    return found


def test_random_texts_of_every_shape() -> None:
    forms = {form: frozenset({pid}) for form, pid in SHAPES.items()}
    rng = random.Random(15)
    vocabulary = [*forms, "Lenins", "Marx'", "Marx’", "Stalinismus", "der", "und", "„", "“", "t", "I.", "W."]
    texts = ["".join(rng.choice(vocabulary) + rng.choice(GLUE) for _ in range(rng.randint(0, 25))) for _ in range(2000)]
    assert _check(forms, texts) > 1000  # the texts do mention the forms


def test_the_bundled_register_on_the_bundled_texts() -> None:
    register = R.load(BUNDLED_REGISTER)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "editions" / "russische-revolution" / "texts").glob("*.xml"))]
    assert _check(dict(register.forms), texts) > 100


def test_no_forms_find_nothing() -> None:
    assert compile_forms({}).find("Lenin und Marx") == []
