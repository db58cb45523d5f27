"""``edition import``: a raw text extraction + its metadata → a TEI draft."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from .meta import read_meta
from .pipeline import run
from .source import SourceError, read_source


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--meta", "meta_path", type=click.Path(path_type=Path, dir_okay=False), help="Metadata TOML (default: SOURCE with .toml).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help="TEI file to write.")
def import_command(source: Path, meta_path: Path | None, output: Path) -> None:
    """Import a PDF's raw text extraction SOURCE as a TEI draft.

    Reconstructs pages, line-end hyphenation, paragraphs, headings, lists,
    quotations and footnotes, writes OUTPUT and prints what it found and what
    it was unsure of.
    """
    try:
        src = read_source(source)  # the source first: a missing source explains a missing .toml
        meta = read_meta(meta_path or source.with_suffix(".toml"))
        data, report = run(src, meta)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    if output.stem != meta.id:
        raise click.ClickException(f"{output}: file name must be the essay id: {meta.id}.xml")
    output.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and move into place: never a half-written file.
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    click.echo(report.format())
    click.echo(f"wrote {output}")
