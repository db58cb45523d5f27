"""Assemble the deposit as a BagIt 1.0 bag (RFC 8493) with the PyPI ``bagit`` library.

Every file is packed once. The site already carries the TEI (``html/tei/``) and the PDFs
(``html/pdf/``) it links, so those copies are the deposit's: the site keeps working when
unpacked, and nothing is stored twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit

from .inventory import describe_payload
from .metadata import write_metadata, write_premis, write_readme
from .site import site_files
from ..core import Edition
from ..validate.profiles import profile_of

CHECKSUMS = ["sha256", "sha512"]
# bagit 1.9 writes "BagIt-Version: 0.97"; the bag follows RFC 8493, so it declares 1.0.
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
README = "README.txt"
PREMIS = "premis.xml"


def make_deposit_bag(bag_dir: Path, edition: Edition, site: Path, pdf_dir: Path) -> Path:
    """Fill the empty folder ``bag_dir`` with the payload and make it a bag.

    Payload (``data/``): ``html/`` (the site, with the TEI in ``html/tei/`` and the PDFs in
    ``html/pdf/``), ``sources/`` (edition.toml and the raw sources the texts were imported from),
    ``schema/`` (the validation profile's schemas), ``metadata/`` (DataCite and Dublin Core per text
    and for the edition, PREMIS for every file). ``README.txt`` beside ``bagit.txt`` explains it all.
    """
    # Laid out in bag_dir itself: bagit moves it all into data/.
    _copy_payload(bag_dir, edition, site, pdf_dir)
    write_metadata(edition, bag_dir / "html", bag_dir / "metadata")
    inventory = describe_payload(bag_dir, edition)
    write_premis(edition, inventory, bag_dir / "metadata" / PREMIS)
    bag = bagit.make_bag(str(bag_dir), bag_info=bag_info(edition), checksums=CHECKSUMS)
    write_readme(edition, inventory, bag_dir / README)
    (bag_dir / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    bag.save()  # rewrites the tag manifests, which cover bagit.txt and the README
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


def _copy_payload(payload: Path, edition: Edition, site: Path, pdf_dir: Path) -> None:
    for rel in site_files(site):
        _copy(site / rel, payload / "html" / rel)
    # The site's PDFs are the built ones; any the site lacks are added where it links them.
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        if not (payload / "html" / "pdf" / pdf.name).is_file():
            _copy(pdf, payload / "html" / "pdf" / pdf.name)
    _copy(edition.config_path, payload / "sources" / edition.config_path.name)
    for source in edition.raw_sources:
        _copy(source, payload / "sources" / source.relative_to(edition.raw_sources_dir))
    for schema in profile_of(edition).files:
        _copy(schema, payload / "schema" / schema.name)


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def _sort_by_name(path: Path) -> None:
    # bagit lists tag files in os.listdir() order, which varies between file systems.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(sorted(lines, key=lambda line: line.split(maxsplit=1)[1])), encoding="utf-8")
