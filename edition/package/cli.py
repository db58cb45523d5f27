"""``edition deposit`` and ``edition verify``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .verify import Unreadable, verify


@click.command("deposit")
@click.argument("edition_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Build folder (default: EDITION_DIR/build, i.e. build/ of the project).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="PDFs built in parallel.")
@click.pass_context
def deposit_command(ctx: click.Context, edition_dir: Path | None, out: Path | None, jobs: int) -> None:
    """Write the archival deposit build/deposit/<edition>-<version>.zip (a BagIt 1.0 bag).

    The bag holds the TEI, the HTML site, the PDFs and DataCite/Dublin Core
    metadata; site and PDFs are brought up to date first, as `edition build` does.
    """
    from ..build import run_build

    sys.exit(run_build(edition_dir, out, jobs, targets={"deposit"}))


@click.command("verify")
@click.argument("bag", type=click.Path(path_type=Path))
def verify_command(bag: Path) -> None:
    """Check a deposit (zip or folder): every checksum and that no file is missing or added.

    Exit status: 0 intact, 1 damaged, 2 unreadable.
    """
    try:
        report = verify(bag)
    except Unreadable as exc:
        click.echo(f"unreadable: {exc}", err=True)
        sys.exit(2)
    for label, names in (("missing", report.missing), ("added", report.added), ("changed", report.changed)):
        for name in names:
            click.echo(f"{label}: {name}")
    for problem in report.problems:
        click.echo(f"damaged: {problem}")
    if report.intact:
        click.echo(f"intact: {bag} ({report.files} files, {' and '.join(report.algorithms)} checked)")
        sys.exit(0)
    click.echo(f"damaged: {bag}", err=True)
    sys.exit(1)
