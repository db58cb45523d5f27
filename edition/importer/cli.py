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
from .meta import read_meta
from .pipeline import run
from .source import SourceError, read_source
from .writer import Links


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--meta", "meta_path", type=click.Path(path_type=Path, dir_okay=False), help="Metadata TOML (default: SOURCE with .toml).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help="TEI file to write.")
def import_command(source: Path, meta_path: Path | None, output: Path) -> None:
    """Import a PDF's raw text extraction SOURCE as a TEI draft.

    Reconstructs pages, line-end hyphenation, paragraphs, headings, lists,
    quotations and footnotes, writes OUTPUT and prints what it found and what
    it was unsure of. When OUTPUT lies in an edition, its edition.toml gives the
    register prefix and path and the calendar policy.
    """
    try:
        src = read_source(source)  # the source first: a missing source explains a missing .toml
        edition_dir = find_edition_dir(output.parent)
        cfg = C.load(edition_dir / C.FILE_NAME) if edition_dir else None
        meta = read_meta(meta_path or source.with_suffix(".toml"), cfg.calendar if cfg else C.Calendar())
        data, report = run(src, meta, _links(cfg, output) if cfg else Links())
        if output.stem != meta.id:
            raise SourceError(str(output), 0, 0, f"file name must be the essay id: {meta.id}.xml")
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
