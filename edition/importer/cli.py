"""``edition import``: a raw text extraction + its metadata → a TEI draft."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click

from .. import config as C
from ..core import find_edition_dir
from ..errors import LocatedError
from .guess import guess_meta
from .meta import read_meta
from .pipeline import run
from .source import SourceError, read_source
from .writer import Links


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--meta", "meta_path", type=click.Path(path_type=Path, dir_okay=False), help="Metadata TOML (default: SOURCE with .toml, if there is one).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="TEI file to write (default: SOURCE with .xml).")
def import_command(source: Path, meta_path: Path | None, output: Path | None) -> None:
    """Import a PDF's raw text extraction SOURCE as a TEI draft.

    Reconstructs pages, line-end hyphenation, paragraphs, headings, lists,
    quotations and footnotes, writes OUTPUT and prints what it found and what
    it was unsure of. pdftotext output (form feeds as page breaks) is read as
    it is. Without a metadata file, title and author come from the text and the
    id from OUTPUT's name, and the report says so. When OUTPUT lies in an
    edition, its edition.toml gives the register prefix and path and the
    calendar policy.
    """
    output = output or source.with_suffix(".xml")
    try:
        src = read_source(source)  # the source first: a missing source explains a missing .toml
        edition_dir = find_edition_dir(output.parent)
        cfg = C.load(edition_dir / C.FILE_NAME) if edition_dir else None
        meta_path = meta_path or (source.with_suffix(".toml") if source.with_suffix(".toml").is_file() else None)
        guessed: list[str] = []
        if meta_path:
            meta = read_meta(meta_path, cfg.calendar if cfg else C.Calendar())
        else:
            meta, guessed = guess_meta(src.lines, source, output.stem, cfg)
        data, report = run(src, meta, _links(cfg, output) if cfg else Links())
        report.guessed = guessed
        write_draft(output, data)
    except (SourceError, LocatedError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{output}: error: cannot write: {exc.strerror or exc}")
    click.echo(report.format())
    click.echo(f"wrote {output}")


def _links(cfg: C.Config, output: Path) -> Links:
    """The edition's register prefix, and its register as seen from the text."""
    if not cfg.register:
        return Links(cfg.register_prefix, None)
    register = os.path.relpath(cfg.dir / cfg.register, output.resolve().parent)
    return Links(cfg.register_prefix, Path(register).as_posix())


def _fail(line: str) -> NoReturn:
    """Unusable input or output: one line on stderr, exit 2 (as ``edition validate``)."""
    click.echo(line, err=True)
    sys.exit(2)


def write_draft(output: Path, data: bytes) -> None:
    """Write beside the target and move into place: never a half-written file."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a draft is an ordinary file
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
