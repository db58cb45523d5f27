"""Assemble the deposit as a BagIt 1.0 bag (RFC 8493), in the form the PyPI ``bagit`` library writes and checks.

Every file is packed once. The site already carries the TEI (``html/tei/``) and the PDFs
(``html/pdf/``) it links, so those copies are the deposit's: the site keeps working when
unpacked, and nothing is stored twice. The built files are linked into the bag, not copied (the
build never writes a file twice). Each payload file is read and hashed once, in threads: the
same SHA-256 and SHA-512 go into the PREMIS record and the payload manifests, which are written
as ``bagit.make_bag`` writes them (the files of a folder, then its subfolders, by name), as are
the tag manifests (bagit reads every manifest entry twice over when it opens a bag to save it:
seconds for a large edition). ``bagit`` validates the bag in the tests and in ``edition verify``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..cache import read_json, write_json
from ..executor import local_threads
from ..files import link_or_copy
from .formats import Format
from .inventory import Digest, describe_payload, identify_formats
from .metadata import write_metadata, write_premis, write_readme
from .site import site_files
from ..core import Edition
from ..validate.profiles import profile_of

CHECKSUMS = ["sha256", "sha512"]
# bagit 1.9 writes "BagIt-Version: 0.97"; the bag follows RFC 8493, so it declares 1.0.
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
README = "README.txt"
PREMIS = "premis.xml"


def make_deposit_bag(bag_dir: Path, edition: Edition, site: Path, pdf_dir: Path, link: bool = False,
                     validated: tuple[int, int] | None = None) -> Path:
    """Fill the empty folder ``bag_dir`` with the payload and make it a bag.

    Payload (``data/``): ``html/`` (the site, with the TEI in ``html/tei/`` and the PDFs in
    ``html/pdf/``), ``sources/`` (edition.toml and the raw sources the texts were imported from),
    ``schema/`` (the validation profile's schemas), ``metadata/`` (DataCite and Dublin Core per text
    and for the edition, PREMIS for every file). ``README.txt`` beside ``bagit.txt`` explains it all.
    With ``link`` the site's files and the PDFs are linked, not copied: for a bag that lives only
    until it is zipped (a file written in place later would change both). ``validated``: the errors
    and warnings of the validation the caller has just run of the edition's files, for the PREMIS
    record (else they are validated again).
    """
    return finish_deposit_bag(begin_deposit_bag(bag_dir, edition, site, link), pdf_dir, validated)


@dataclass
class BagStart:
    """A bag begun before the PDFs are there (:func:`begin_deposit_bag`)."""

    bag_dir: Path
    edition: Edition
    site: Path
    link: bool
    site_listed: frozenset[Path]  #: the site's files when the bag was begun
    digests: dict[str, Digest]  #: of the payload files so far (relative to data/)
    formats: dict[str, Format]

    @property
    def payload(self) -> Path:
        return self.bag_dir / "data"


def begin_deposit_bag(bag_dir: Path, edition: Edition, site: Path, link: bool = False) -> BagStart:
    """The part of the bag the PDFs do not change: the site's files as they are now, the sources,
    schemas and DataCite/Dublin Core records, each hashed and identified. The build makes it while
    the PDFs are typeset (it was a third of the deposit's time after them); :func:`finish_deposit_bag` completes it."""
    payload = bag_dir / "data"
    listed = frozenset(p for p in site.rglob("*") if p.is_file())
    _copy_payload(payload, edition, site, link)
    write_metadata(edition, payload / "html", payload / "metadata")
    digests = payload_digests(payload, save=False)
    return BagStart(bag_dir, edition, site, link, listed, digests, identify_formats(payload, digests, save=False))


def finish_deposit_bag(start: BagStart, pdf_dir: Path, validated: tuple[int, int] | None = None) -> Path:
    """Add the PDFs (and whatever else the site has gained since the bag was begun) and make the bag:
    PREMIS, manifests, bag-info, README, tag manifests."""
    bag_dir, edition, payload = start.bag_dir, start.edition, start.payload
    for path in sorted(p for p in start.site.rglob("*") if p.is_file() and p not in start.site_listed):
        _copy(path, payload / "html" / path.relative_to(start.site), start.link)
    # The site's PDFs are the built ones; any the site lacks are added where it links them.
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        if not (payload / "html" / "pdf" / pdf.name).is_file():
            _copy(pdf, payload / "html" / "pdf" / pdf.name, start.link)
    digests = payload_digests(payload, start.digests)
    inventory = describe_payload(payload, edition, digests, validated, start.formats)
    premis = write_premis(edition, inventory, payload / "metadata" / PREMIS)
    digests[premis.relative_to(payload).as_posix()] = _digest(premis)
    _write_manifests(bag_dir, digests)
    info = {**bag_info(edition), "Payload-Oxum": f"{sum(d.size for d in digests.values())}.{len(digests)}"}
    info.setdefault("Bag-Software-Agent", f"tei-edition {__version__}")
    (bag_dir / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    # One line a field, sorted by name, as bagit writes bag-info.txt (a value's line breaks become spaces).
    fields = (f"{key}: {' '.join(str(value).splitlines())}\n" for key, value in sorted(info.items()))
    (bag_dir / "bag-info.txt").write_text("".join(fields), encoding="utf-8")
    write_readme(edition, inventory, bag_dir / README)
    _write_tag_manifests(bag_dir)
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


def _copy_payload(payload: Path, edition: Edition, site: Path, link: bool) -> None:
    for rel in site_files(site):  # the built files: linked if asked
        _copy(site / rel, payload / "html" / rel, link)
    _copy(edition.config_path, payload / "sources" / edition.config_path.name)
    for source in edition.raw_sources:
        _copy(source, payload / "sources" / source.relative_to(edition.raw_sources_dir))
    for schema in profile_of(edition).files:
        _copy(schema, payload / "schema" / schema.name)


def _copy(src: Path, dst: Path, link: bool = False) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    (link_or_copy if link else shutil.copyfile)(src, dst)


def payload_digests(payload: Path, done: Mapping[str, Digest] | None = None, save: bool = True) -> dict[str, Digest]:
    """Size, SHA-256 and SHA-512 of every file below ``payload`` (relative path → digests), in manifest order.

    A file that is the same file as one hashed for the last bag (the same device, inode, size and
    modification time: an unchanged output linked from the last build) keeps its digests, as git's
    index does; so does one ``done`` gives (hashed moments ago); the others are read and hashed, in
    threads. (Of a rebuild after one changed text of 1,000, hashing every file again took 1.6 s.)
    With ``save`` these files' digests are the record the next bag's are taken from."""
    files = list(_walk(payload))
    record = read_json("digests", "last")
    known = {tuple(entry[:4]): entry[4:] for entry in record if _well_formed(entry)} if isinstance(record, list) else {}
    done = done or {}

    def digest(path: Path) -> tuple[tuple[int, ...], Digest]:
        stat = path.stat()
        key = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if (given := done.get(path.relative_to(payload).as_posix())) is not None:
            return key, given
        hit = known.get(key)
        return key, Digest(stat.st_size, *hit) if hit else _digest(path)

    with ThreadPoolExecutor(local_threads(4)) as threads:  # hashlib releases the GIL
        found = list(threads.map(digest, files))
    if save:
        write_json("digests", "last", [[*key, d.sha256, d.sha512] for key, d in found])
    return dict(zip((f.relative_to(payload).as_posix() for f in files), (d for _, d in found)))


def _well_formed(entry: object) -> bool:
    """A record entry as written: device, inode, size, time, then the two digests in hexadecimal."""
    return (isinstance(entry, list) and len(entry) == 6 and all(type(n) is int for n in entry[:4])
            and all(isinstance(h, str) and len(h) == n and set(h) <= _HEX for h, n in zip(entry[4:], (64, 128))))


_HEX = set("0123456789abcdef")


def _digest(path: Path) -> Digest:
    data = path.read_bytes()
    return Digest(len(data), hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest())


def _walk(folder: Path):
    """The files below ``folder`` in bagit's manifest order: a folder's files by name, then its subfolders by name."""
    for here, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            yield Path(here) / name


def _write_manifests(bag_dir: Path, digests: dict[str, Digest]) -> None:
    order = sorted(digests, key=lambda rel: _walk_key(rel))
    for alg in CHECKSUMS:
        lines = "".join(f"{getattr(digests[rel], alg)}  {_encode('data/' + rel)}\n" for rel in order)
        (bag_dir / f"manifest-{alg}.txt").write_text(lines, encoding="utf-8")


def _walk_key(rel: str) -> tuple:
    """Sorts paths as :func:`_walk` visits them: at each level a folder's own files before its subfolders."""
    *folders, name = rel.split("/")
    return (*((1, f) for f in folders), (0, name))


def _encode(path: str) -> str:
    # RFC 8493 2.1.3: line breaks in a file name are percent-encoded, as bagit does.
    return path.replace("\r", "%0D").replace("\n", "%0A")


def _write_tag_manifests(bag_dir: Path) -> None:
    """The tag manifests over the bag's other top-level files (bagit.txt, bag-info.txt, the payload
    manifests, the README), as bagit writes them, by name (bagit lists them in os.listdir() order,
    which varies between file systems)."""
    tags = sorted(p for p in bag_dir.iterdir() if p.is_file() and not p.name.startswith("tagmanifest-"))
    for alg in CHECKSUMS:
        lines = "".join(f"{hashlib.new(alg, p.read_bytes()).hexdigest()} {p.name}\n" for p in tags)
        (bag_dir / f"tagmanifest-{alg}.txt").write_text(lines, encoding="utf-8")
