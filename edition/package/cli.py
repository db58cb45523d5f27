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
    """Check a deposit (zip or folder): every checksum, and that nothing is missing, added or out of place.

    A zip is checked where it lies, nothing is extracted. One line per finding:
    missing, added, changed (also a zip member whose data is corrupt), duplicate,
    unsafe (a name with .. or an absolute path), symlink, special, damaged (a tag
    file or Payload-Oxum), refused (a zip member not read: encrypted, or it would
    inflate more than 100:1, or past the payload size bag-info.txt declares plus
    64 MiB, or past 16 GiB).

    \b
    Exit status:
      0  intact
      1  damaged: at least one finding
      2  unreadable: no such file, not a zip, no bag in it, or its bagit.txt
         or payload manifests cannot be read
    """
    try:
        report = verify(bag)
    except Unreadable as exc:
        click.echo(f"unreadable: {exc}", err=True)
        sys.exit(2)
    for finding in report.findings:
        click.echo(str(finding))
    if report.intact:
        click.echo(f"intact: {bag} ({report.files} files, {' and '.join(report.algorithms)} checked)")
        sys.exit(0)
    count = len(report.findings)
    click.echo(f"damaged: {bag} ({count} finding{'' if count == 1 else 's'})", err=True)
    sys.exit(1)
