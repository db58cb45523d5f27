"""``edition deposit`` and ``edition verify``."""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .verify import Unreadable, verify

if TYPE_CHECKING:
    from ..core import Edition


@click.command("deposit")
@click.argument("edition_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Build folder (default: EDITION_DIR/build, i.e. build/ of the project).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="PDFs built in parallel.")
@click.option("--ocfl", "ocfl_root", type=click.Path(path_type=Path), default=None,
              help="Also add the deposit to this OCFL storage root (made if missing) as a new version of the edition's object.")
@click.pass_context
def deposit_command(ctx: click.Context, edition_dir: Path | None, out: Path | None, jobs: int, ocfl_root: Path | None) -> None:
    """Write the archival deposit build/deposit/<edition>-<version>.zip (a BagIt 1.0 bag); --ocfl ROOT adds it to an OCFL storage root.

    The bag holds the HTML site with the TEI and PDFs it links, the raw sources
    and edition.toml, the schemas, DataCite/Dublin Core records, PREMIS for
    every file and a README; site and PDFs are brought up to date first, as
    `edition build` does. It prints the zip's path, also when nothing changed.
    With --ocfl ROOT the bag becomes the next version of the edition's OCFL
    object in ROOT, storing only the files that changed.
    """
    from ..build import run_build
    from ..core import read_edition

    status = run_build(edition_dir, out, jobs, targets={"deposit"})
    if status:
        sys.exit(status)
    edition = read_edition(edition_dir)
    zip_path = (out or edition.dir / "build").resolve() / "deposit" / f"{edition.deposit_name}.zip"
    click.echo(f"deposit: {zip_path}")
    if ocfl_root is not None:
        sys.exit(_add_to_ocfl(zip_path, ocfl_root, edition))


def _add_to_ocfl(zip_path: Path, root: Path, edition: Edition) -> int:
    """Put the verified zip's bag into the storage root; 0, or 1 with one line naming what failed."""
    from .ocfl_store import OcflError, add_to_root

    report = verify(zip_path)
    if not report.intact:
        click.echo(f"{zip_path}: error: the deposit is damaged ({report.findings[0]}); nothing was added to {root}", err=True)
        return 1
    with tempfile.TemporaryDirectory(prefix="edition-ocfl-") as tmp:
        with zipfile.ZipFile(zip_path) as zf:
            zf.extractall(tmp)  # verified above: regular files below one folder, no unsafe names
        try:
            added = add_to_root(root.resolve(), Path(tmp) / edition.deposit_name, edition)
        except OcflError as exc:
            click.echo(f"{exc}; nothing was added", err=True)
            return 1
    if added.new:
        click.echo(f"OCFL: {added.version} of {added.identifier} in {added.path} "
                   f"({added.stored} file{'' if added.stored == 1 else 's'} stored anew)")
    else:
        click.echo(f"OCFL: {added.identifier} in {added.path} already holds this deposit as {added.version}")
    return 0


@click.command("verify")
@click.argument("bag", type=click.Path(path_type=Path))
def verify_command(bag: Path) -> None:
    """Check a deposit (zip, bag folder or OCFL object): every checksum, and that nothing is missing, added or out of place.

    BAG is a bag folder, its zip, an OCFL object or an OCFL storage root. A zip is checked where it lies, nothing is extracted. An OCFL object (or
    every object of an OCFL storage root) is checked by ocfl-py's validator,
    then its head version as a bag. One line per finding:
    missing, added, changed (also a zip member whose data is corrupt), duplicate,
    unsafe (a name with .. or an absolute path), symlink, special, damaged (a tag
    file or Payload-Oxum), refused (a zip member not read: encrypted, or it would
    inflate more than 100:1, or past the payload size bag-info.txt declares plus
    64 MiB, or past 16 GiB), invalid (an OCFL validation error). OCFL warnings
    are shown and do not make a deposit damaged.

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
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    for finding in report.findings:
        click.echo(str(finding))
    what = "" if report.kind == "bag" else f"{report.kind}, "
    if report.intact:
        click.echo(f"intact: {bag} ({what}{report.files} files, {' and '.join(report.algorithms)} checked)")
        sys.exit(0)
    count = len(report.findings)
    click.echo(f"damaged: {bag} ({what}{count} finding{'' if count == 1 else 's'})", err=True)
    sys.exit(1)
