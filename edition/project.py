"""``edition new`` and ``edition add``: an edition project anywhere, its texts copied in with a check."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import click

from . import config as C
from .core import read_edition
from .errors import LocatedError
from .xmlio import XmlInputError, parse_bytes

EMPTY_REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>{title}</title></titleStmt>
      <publicationStmt><p>{publisher}</p></publicationStmt>
      <sourceDesc><p>{source}</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <!-- Add persons as <listPerson><person xml:id="ID"><persName>…</persName></person></listPerson>;
       a text points to one with <persName ref="psn:ID">. -->
  <text><body><p/></body></text>
</TEI>
"""

WORDING = {
    "de": {"register": "Personenregister", "source": "Vom Herausgeber erstellt.", "publisher": "Herausgeber"},
    "en": {"register": "Index of persons", "source": "Compiled by the editors.", "publisher": "Editors"},
}

TOML = '''# The edition's policy: everything the toolkit needs to know about this edition.
# Every key is explained in the README of tei-edition ("edition.toml").

[edition]
id = "{id}"
title = "{title}"
version = "0.1.0"
date = {date}                      # the date of every output (never the clock)
publisher = "{publisher}"
# place = ""
# description = ""
# base_url = "https://…/"         # where the site will be published; leave out until known
# [edition.identifier]            # a persistent identifier, when there is one
# type = "DOI"                    # DOI, URN, Handle or ARK
# value = "10.…"

# [[edition.editors]]
# name = ""
# role = "editor"

# [edition.licence]
# url = "https://creativecommons.org/licenses/by/4.0/"
# text = "CC BY 4.0"

[languages]
default = "{lang}"                 # the texts' language
interface = "{lang}"               # labels in every output (de or en)

[calendar]
default = "gregorian"              # or "julian", with switch = "YYYY-MM-DD" (first Gregorian day)

[texts]
folder = "texts"

[register]
persons = "register/persons.xml"
prefix = "psn"                     # persName ref="psn:ID" points into the register
# review_ignore = "register/review-ignore.txt"   # explained lines of `edition annotate --report`

# [vocabulary.de]                  # words the annotator needs beyond the language's defaults
# units = ["Werst"]                # after a four-digit number: a quantity, not a year
# before_number = ["Blatt"]        # before a number: a page, issue or paragraph number, not a date

[validation]
profile = "tei"                    # tei: any TEI P5 + general rules; strict: the essay schema; custom
'''

README = """# {title}

An edition made with tei-edition.

* `texts/` — the TEI texts, one file per text (`NAME.xml` becomes `build/site/NAME.html` and
  `build/pdf/NAME.pdf`). Add texts with `edition add {folder} FILE.xml …`.
* `register/persons.xml` — the person register; `<persName ref="psn:ID">` in a text points to
  `<person xml:id="ID">` here.
* `edition.toml` — title, editors, licence, languages, calendar, validation profile.

Build everything (site, PDFs, archival deposit) into `build/`:

    edition build {folder}

Check the texts only: `edition validate {folder}`. Preview the site: `edition serve {folder}`.
"""


def slug(text: str) -> str:
    """An edition id from a title or folder name: ASCII lower case and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out if out and out[0].isalpha() else f"edition-{out}".strip("-")


def _toml_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def new_edition(folder: Path, title: str, lang: str, date: str) -> list[Path]:
    """Write the skeleton of an edition into ``folder`` (which must be empty or absent); return what was made."""
    if folder.exists() and any(folder.iterdir()):
        raise click.ClickException(f"{folder}: not empty; an edition starts in a new folder")
    words = WORDING.get(lang, WORDING["en"])
    files = {
        folder / C.FILE_NAME: TOML.format(id=slug(title or folder.resolve().name), title=_toml_string(title),
                                          publisher=_toml_string(words["publisher"]), lang=lang, date=date),
        folder / "register" / "persons.xml": EMPTY_REGISTER.format(title=words["register"], publisher=words["publisher"],
                                                                  source=words["source"]),
        folder / "README.md": README.format(title=title, folder=folder),
    }
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    C.load(folder / C.FILE_NAME)  # what we write must read back
    return [*files, folder / "texts"]


def add_texts(folder: Path, files: list[Path]) -> tuple[list[Path], list[str]]:
    """Copy well-formed TEI ``files`` into the edition's texts folder; return (copied, problems)."""
    texts = read_edition(folder).texts_dir
    texts.mkdir(parents=True, exist_ok=True)
    copied, problems = [], []
    for file in files:
        try:
            data = file.read_bytes()
            root = parse_bytes(data, str(file)).getroot()
        except OSError as exc:
            problems.append(str(LocatedError(str(file), 0, 0, f"cannot read file: {exc.strerror or exc}")))
            continue
        except XmlInputError as exc:
            problems.append(str(exc))
            continue
        if root.tag != "{http://www.tei-c.org/ns/1.0}TEI":
            problems.append(f"{file}:{root.sourceline or 1}:1: error: not a TEI document (root element {root.tag})")
            continue
        name = _text_name(file)
        target = texts / f"{name}.xml"
        if target.exists() and target.read_bytes() != data:
            problems.append(str(LocatedError(str(file), 0, 0, f"{target} exists with other content; remove it first")))
            continue
        shutil.copyfile(file, target)
        copied.append(target)
    return copied, problems


def _today() -> str:
    """The day written into a new edition.toml (from then on, outputs take their date from there)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch and epoch.isdigit() else dt.date.today()
    return day.isoformat()


def _text_name(file: Path) -> str:
    """The text's name in the edition: its file name when that is a usable id, else a slug of it."""
    stem = file.stem
    return stem if re.match(r"^[A-Za-z_][A-Za-z0-9_.-]*$", stem) else slug(stem)


@click.command("new")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default=None, help="The edition's title (default: the folder name).")
@click.option("--lang", default="de", show_default=True, help="Language of the texts and of the interface (de, en).")
@click.option("--date", default=None,
              help="Publication date YYYY-MM-DD, the date of every output (default: SOURCE_DATE_EPOCH's day, else today).")
def new_command(folder: Path, title: str | None, lang: str, date: str | None) -> None:
    """Make a new, buildable edition in FOLDER: edition.toml, texts/, an empty register, a README."""
    if not re.match(r"^[a-z]{2,3}$", lang):
        raise click.BadParameter(f"{lang!r} is not a language code such as de or en", param_hint="--lang")
    if date is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        raise click.BadParameter(f"{date!r} is not YYYY-MM-DD", param_hint="--date")
    try:
        made = new_edition(folder, title or folder.resolve().name, lang, date or _today())
    except C.ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    for path in made:
        click.echo(f"made {path}")
    click.echo(f"next: edition add {folder} TEXT.xml …, then edition build {folder}")


@click.command("add")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def add_command(folder: Path, files: tuple[Path, ...]) -> None:
    """Copy TEI FILES into the edition in FOLDER (its texts folder), checking each.

    Exit status: 0 all copied, 1 some were refused (each named with file:line:col).
    """
    if not (folder / C.FILE_NAME).is_file():
        raise click.ClickException(f"{folder}: no {C.FILE_NAME} here; make an edition with 'edition new {folder}'")
    try:
        copied, problems = add_texts(folder, list(files))
    except C.ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    for path in copied:
        click.echo(f"added {path}")
    for problem in problems:
        click.echo(problem, err=True)
    if copied:
        _report_validity(folder, copied)
    sys.exit(1 if problems else 0)


def _report_validity(folder: Path, copied: list[Path]) -> None:
    """Name what the edition's validation profile finds in the texts just added (they stay added)."""
    from .validate import validate_files
    from .validate.profiles import profile_of

    profile = profile_of(read_edition(folder))
    found = validate_files(copied, profile.schema, profile.rules, profile.register_prefix)
    for problem in found:
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in found)
    if errors:
        click.echo(f"{errors} validation error(s) under the {profile.name} profile: fix them, or publish with "
                   f"'edition build {folder} --allow-invalid'", err=True)
