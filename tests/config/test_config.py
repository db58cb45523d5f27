"""edition.toml: parsed, checked, every problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition import config as C

MINIMAL = """[edition]
id = "meine-edition"
title = "Meine Edition"
date = 2026-11-22
publisher = "Ich"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "edition.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_config_has_general_defaults(tmp_path: Path) -> None:
    cfg = C.load(_write(tmp_path, MINIMAL))
    assert (cfg.id, cfg.title, cfg.date, cfg.version) == ("meine-edition", "Meine Edition", "2026-11-22", "1.0.0")
    assert cfg.calendar == C.Calendar(julian=False, switch="")  # no calendar policy unless declared
    assert (cfg.profile, cfg.register_prefix, cfg.texts, cfg.language) == ("tei", "psn", "texts", "de")
    assert cfg.base_url == "" and cfg.identifier is None and cfg.editors == ()


def test_full_config(tmp_path: Path) -> None:
    cfg = C.load(_write(tmp_path, MINIMAL + """base_url = "https://ed.example.net/x"

[[edition.editors]]
name = "Erika Muster"
role = "editor"

[edition.identifier]
type = "DOI"
value = "10.5281/zenodo.1"

[languages]
default = "de"
interface = "en"

[calendar]
default = "julian"
switch = "1918-02-14"

[register]
persons = "register/persons.xml"
prefix = "per"

[validation]
profile = "strict"

[vocabulary.de]
units = ["Werst", "Pud"]
"""))
    assert cfg.base_url == "https://ed.example.net/x/"
    assert cfg.editors == (C.Person("Erika Muster", "editor"),)
    assert cfg.identifier == C.Identifier("DOI", "10.5281/zenodo.1")
    assert cfg.calendar == C.Calendar(julian=True, switch="1918-02-14")
    assert (cfg.interface, cfg.register_prefix, cfg.profile) == ("en", "per", "strict")
    assert cfg.vocabulary == {"de": {"units": ("Werst", "Pud")}}


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (MINIMAL.replace('id = "meine-edition"', 'id = "Meine Edition"'), 2, "edition.id"),
        (MINIMAL.replace("date = 2026-11-22", 'date = "22.11.2026"'), 4, "not an ISO 8601 date"),
        (MINIMAL + '\n[validation]\nprofile = "lax"\n', 8, "validation.profile"),
        (MINIMAL + '\n[calendar]\ndefault = "julian"\n', 7, "switch"),
        (MINIMAL + '\n[calendar]\nswitch = "1918-02-30"\n', 8, "calendar.switch"),
        (MINIMAL + '\n[vocabulary.de]\nmonths = ["Jänner"]\n', 8, "vocabulary.de.months: unknown word list"),
        (MINIMAL + "\n[edition.identifier]\ntype = \"ISBN\"\nvalue = \"1\"\n", 8, "ISBN"),
        (MINIMAL.replace('title = "Meine Edition"\n', ""), 1, "edition.title: is required"),
        (MINIMAL + "\n[wrong]\n", 7, "unknown table"),
        (MINIMAL + "title = 3\n", 1, "syntax"),  # a duplicated key is a TOML error with its own position
        ('[edition\nid = "x"\n', 1, "syntax"),
    ],
)
def test_problems_are_located(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(C.ConfigError) as caught:
        C.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    if fragment != "syntax":
        assert fragment in message
        assert caught.value.line == line, message
    assert "\n" not in message


def test_unreadable_config(tmp_path: Path) -> None:
    with pytest.raises(C.ConfigError, match="cannot read file"):
        C.load(tmp_path / "edition.toml")


def test_annotation_settings(tmp_path: Path) -> None:
    cfg = C.load(_write(tmp_path, MINIMAL + """
[calendar]
switch = "1918-02-14"

[register]
persons = "register/persons.xml"
review_ignore = "notes/geprueft.txt"

[vocabulary.de]
units = ["Werst", "Pud"]
before_number = ["Bl."]
"""))
    # A switch without a Julian default serves the texts whose header declares the Julian calendar.
    assert cfg.calendar == C.Calendar(julian=False, switch="1918-02-14")
    assert cfg.review_ignore == "notes/geprueft.txt"
    assert cfg.vocabulary == {"de": {"units": ("Werst", "Pud"), "before_number": ("Bl.",)}}
    assert C.load(_write(tmp_path, MINIMAL)).review_ignore == ""
