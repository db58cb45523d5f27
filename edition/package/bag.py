"""Assemble the deposit as a BagIt 1.0 bag (RFC 8493) with the PyPI ``bagit`` library."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit

from .metadata import write_metadata
from ..core import HEADER_NAME, Edition
from ..validate.profiles import profile_of

CHECKSUMS = ["sha256", "sha512"]
# bagit 1.9 writes "BagIt-Version: 0.97"; the bag follows RFC 8493, so it declares 1.0.
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def make_deposit_bag(bag_dir: Path, edition: Edition, site: Path, pdf_dir: Path) -> Path:
    """Fill the empty folder ``bag_dir`` with the payload and make it a bag.

    Payload: ``tei/`` (the edition document and edition.toml, texts, register, schemas), ``html/`` (the site),
    ``pdf/``, ``metadata/`` (DataCite and Dublin Core per essay and for the edition).
    """
    _copy_payload(bag_dir, edition, site, pdf_dir)
    write_metadata(edition, site, bag_dir / "metadata")
    bag = bagit.make_bag(str(bag_dir), bag_info=bag_info(edition), checksums=CHECKSUMS)
    (bag_dir / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    bag.save()  # rewrites the tag manifests, which cover bagit.txt
    for alg in CHECKSUMS:
        _sort_by_name(bag_dir / f"tagmanifest-{alg}.txt")
    return bag_dir


def bag_info(edition: Edition) -> dict[str, str]:
    """bag-info.txt from the sources; Bagging-Date is the edition's date, not the clock."""
    ident = edition.config.identifier
    info = {
        "Source-Organization": edition.publisher,
        "External-Description": edition.description or edition.id,
        "External-Identifier": f"{ident.type}:{ident.value}" if ident else edition.url,
        "Internal-Sender-Identifier": edition.deposit_name,
        "Bagging-Date": edition.date,
    }
    return {key: value for key, value in info.items() if value}  # an edition with no address yet has no external id


def _copy_payload(bag_dir: Path, edition: Edition, site: Path, pdf_dir: Path) -> None:
    tei = bag_dir / "tei"
    tei.mkdir(parents=True)
    (tei / HEADER_NAME).write_bytes(edition.header_bytes)
    _copy(edition.config_path, tei / edition.config_path.name)
    for text in edition.texts:
        _copy(text, tei / "texts" / text.name)
    if edition.register is not None and edition.register.is_file():
        _copy(edition.register, tei / "register" / edition.register.name)
    for schema in profile_of(edition).files:
        _copy(schema, tei / "schema" / schema.name)
    shutil.copytree(site, bag_dir / "html", copy_function=shutil.copyfile)
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        _copy(pdf, bag_dir / "pdf" / pdf.name)


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def _sort_by_name(path: Path) -> None:
    # bagit lists tag files in os.listdir() order, which varies between file systems.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(sorted(lines, key=lambda line: line.split(maxsplit=1)[1])), encoding="utf-8")
