"""``edition annotate FILE…``: tag persons and dates in place; ``--report`` lists what needs review."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import click

from .. import config as C
from ..core import find_edition_dir
from ..errors import LocatedError
from ..xmlio import parse_bytes
from . import register as R
from . import report as RP
from . import vocabulary
from .names import Matcher, compile_forms
from .rewrite import serialise, write_atomic
from .tagger import Policy, annotate

IGNORE_NAME = "review-ignore.txt"


@cache
def _config(edition_dir: Path) -> C.Config:
    return C.load(edition_dir / C.FILE_NAME)


def _setting(file: Path) -> tuple[Policy, Path | None, Path]:
    """The policy, register (None: the edition has none) and ignore list of ``file``: from the
    edition.toml of the edition it lies in; outside an edition the defaults, with the register
    beside the texts (``tei/essays/x.xml`` → ``tei/register/persons.xml``)."""
    edition_dir = find_edition_dir(file)
    if edition_dir is None:
        register = file.resolve().parent.parent / "register" / "persons.xml"
        return Policy(), register, register.parent / IGNORE_NAME
    cfg = _config(edition_dir)
    register = cfg.dir / cfg.register if cfg.register else None
    ignore = cfg.dir / cfg.review_ignore if cfg.review_ignore else (register.parent if register else cfg.dir) / IGNORE_NAME
    return Policy.of(cfg), register, ignore


@click.command(
    "annotate",
    help="Tag persons (persName from the register) and dates (ISO values) in TEI files, "
    "in place and idempotently. With --report, list capitalised words and date-like "
    "numbers that need an editor's review.",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
              help="persons.xml (default: the register of the file's edition.toml; "
              "outside an edition ../register/persons.xml beside each file).")
@click.option("--report", is_flag=True, help="Print the review report (file:line: kind: token — context).")
@click.option("--ignore", "ignore_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Explained report lines (default: [register] review_ignore of edition.toml, "
              "else review-ignore.txt beside the register).")
@click.option("--dictionary", type=click.Path(dir_okay=False, path_type=Path), default=RP.DEFAULT_DICTIONARY,
              show_default=True, help="German word list for the report's name heuristic.")
@click.option("--dry-run", is_flag=True, help="Do not write; only log and report.")
def annotate_command(
    files: tuple[Path, ...], register_path: Path | None, report: bool, ignore_path: Path | None,
    dictionary: Path, dry_run: bool,
) -> None:
    registers: dict[Path | None, tuple[R.Register, Matcher]] = {None: (R.build([]), compile_forms({}))}
    words = RP.load_dictionary(dictionary) if report else frozenset()
    if report and not words:
        click.echo(f"warning: no dictionary at {dictionary}; the name report will be noisy", err=True)
    failed = False
    open_lines = 0
    for file in files:
        try:
            policy, default_register, default_ignore = _setting(file)
            reg_path = register_path or default_register
            if reg_path not in registers:
                reg = R.load(reg_path)
                registers[reg_path] = (reg, compile_forms(reg.forms))
            reg, regex = registers[reg_path]
            original = file.read_bytes()
            tree = parse_bytes(original, str(file))
            result = annotate(tree, reg, regex, policy)
            if result.grammar is None:
                click.echo(f"{file}: warning: no date vocabulary for language {result.language!r} "
                           f"(there are: {', '.join(vocabulary.available())}); dates not tagged", err=True)
            # No markup added: the file stays byte for byte as it was, however it was written.
            out = serialise(tree, original) if result.persons or result.dates else original
            if out != original and not dry_run:
                write_atomic(file, out)
            click.echo(f"{file}: {result.persons} persName, {result.dates} date added", err=True)
            for d in result.decisions:
                click.echo(RP.format_line(file, d), err=True)
            if report:
                ignores = RP.load_ignores(ignore_path or default_ignore)
                fresh = parse_bytes(out, str(file))  # line numbers of the file as written
                for f in RP.merge(result.open, RP.findings(fresh, reg, words, result.grammar, result.language)):
                    if not RP.suppressed(f, file, ignores):
                        click.echo(RP.format_line(file, f))
                        open_lines += 1
        except (LocatedError, OSError) as exc:
            click.echo(f"{file}: error: {exc}" if isinstance(exc, OSError) else str(exc), err=True)
            failed = True
    if report:
        click.echo(f"{open_lines} report line(s) open", err=True)
    if failed:
        sys.exit(1)
