"""``edition validate``: check TEI files; exit 0 valid, 1 invalid, 2 unreadable input or usage error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import FILE_NAME
from ..core import find_edition_dir, read_edition
from ..errors import LocatedError
from .profiles import Profile, profile_of
from . import problems as report
from .relaxng import SchemaError
from .run import edition_files, validate_files


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder means its edition's texts and register (or every .xml below it)."""
    if not paths:
        return [_shown(p) for p in edition_files(Path.cwd())]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += edition_files(path) if (path / FILE_NAME).is_file() else sorted(path.rglob("*.xml"))
        else:
            files.append(path)
    return files


def _profile(files: list[Path]) -> Profile:
    """The profile of the edition the first file belongs to; the tei profile outside an edition."""
    folder = find_edition_dir(files[0]) if files else None
    return profile_of(read_edition(folder) if folder else None)


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when below it (shorter problem lines)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text", show_default=True,
              help="text: one line per problem and a summary; json and junit for CI systems.")
@click.option("--schema", metavar="tei_all|PATH.rng", default=None,
              help="Validate against this RELAX NG grammar only, instead of the edition's validation profile.")
def validate_command(paths: tuple[Path, ...], fmt: str, schema: str | None) -> None:
    """Validate TEI files against their edition's validation profile.

    PATHS are TEI files or edition folders (default: the edition in the current
    folder: its texts and register). The profile comes from the edition.toml of
    the edition the first file belongs to (strict: the essay schema and its
    rules; tei: TEI P5 tei_all; custom: the edition's grammar); a file in no
    edition is checked against tei_all. Each problem is printed as
    `file:line:col: error|warning: message [rule-id]`.

    Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable input or usage error.
    """
    try:
        files = _expand(paths)
        profile = _profile(files)
    except LocatedError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    if not files:
        raise click.UsageError("no TEI files to validate")
    # --schema: that grammar alone; else the profile's grammar and rules.
    rules = None if schema is not None else profile.rules
    try:
        problems = validate_files(files, schema if schema is not None else profile.schema, rules, profile.register_prefix)
    except SchemaError as exc:
        raise click.UsageError(str(exc)) from None
    names = [str(f) for f in files]
    if fmt == "json":
        click.echo(report.as_json(problems, names), nl=False)
    elif fmt == "junit":
        click.echo(report.as_junit(problems, names), nl=False)
    else:
        click.echo(report.as_text(problems, len(files)), nl=False)
    if fmt != "text":
        click.echo(report.summary(problems, len(files)), err=True)
    if any(p.unreadable for p in problems):
        sys.exit(2)
    sys.exit(1 if any(p.severity == "error" for p in problems) else 0)
