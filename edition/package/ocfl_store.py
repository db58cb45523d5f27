"""The deposit as an OCFL object (OCFL 1.1, with the PyPI ``ocfl-py`` library).

Each deposit is one version of the edition's object: the bag as its content, so every version
extracts to a complete bag. A new version stores only the files that changed; the others are
referenced from earlier versions (OCFL forward deltas). The object's identifier is the edition's
persistent identifier as a URI, else its base URL, else its id; a version's date is the
edition's date, so the same sources give the same object.

A storage root that does not exist yet is made (layout: hashed n-tuple, extension 0003). An
object is changed only in a copy beside it (content files hard-linked, they never change) that
replaces it once complete, made beside the storage root: an interrupted deposit leaves the
root and the object as they were.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import Edition

if TYPE_CHECKING:  # ocfl-py (and the file systems it brings) loads only when an OCFL object is used
    import ocfl

LAYOUT = "0003-hash-and-id-n-tuple-storage-layout"
ROOT_MARK = "0=ocfl_1."
OBJECT_MARK = "0=ocfl_object_1."
# A DOI, Handle or ARK as a URI: OCFL object ids should be URIs.
URI_FORMS = {"DOI": "https://doi.org/{}", "Handle": "https://hdl.handle.net/{}", "ARK": "https://n2t.net/{}", "URN": "{}"}


class OcflError(Exception):
    """The storage root or object cannot be used; the message names it."""


@dataclass(frozen=True)
class Added:
    identifier: str
    path: Path  # the object's folder
    version: str  # the head version after the deposit
    new: bool  # False: the object already held exactly this deposit

    @property
    def stored(self) -> int:
        """How many files the head version stores itself (the others it references from earlier versions)."""
        content = self.path / self.version / "content"
        return sum(1 for p in content.rglob("*") if p.is_file()) if content.is_dir() else 0


def object_id(edition: Edition) -> str:
    ident = edition.config.identifier
    if ident:
        return URI_FORMS[ident.type].format(ident.value)
    return edition.url or edition.id


def created(iso_date: str) -> str:
    """``YYYY[-MM[-DD]]`` → the RFC 3339 date-time OCFL records, at midnight UTC of the first day it names."""
    year, month, day = (iso_date.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def is_root(path: Path) -> bool:
    return path.is_dir() and any(p.name.startswith(ROOT_MARK) for p in path.iterdir())


def is_object(path: Path) -> bool:
    return path.is_dir() and any(p.name.startswith(OBJECT_MARK) for p in path.iterdir())


def add_to_root(root: Path, bag: Path, edition: Edition) -> Added:
    """Add the bag folder ``bag`` to the edition's object in the storage root ``root``."""
    import ocfl

    identifier = object_id(edition)
    metadata = ocfl.VersionMetadata(created=created(edition.date), message=f"{edition.deposit_name}: version "
                                    f"{edition.version} of the edition, {edition.date}", name=edition.publisher,
                                    address=edition.url or None)
    with quiet():
        try:
            store = _open_root(root)
        except (ocfl.StorageRootException, OSError) as exc:
            raise OcflError(f"{root}: error: {getattr(exc, 'strerror', None) or exc}") from None
        target = root / store.object_path(identifier)
        scratch = root.resolve().parent  # work beside the root, never inside it: the root stays valid meanwhile
        if not target.exists():
            _create(target, identifier, bag, metadata, scratch)
            return Added(identifier, target, "v1", True)
        if not is_object(target):
            raise OcflError(f"{target}: error: in the place of the edition's object, but no OCFL object")
        return _add_version(target, identifier, bag, metadata, scratch)


def _open_root(root: Path) -> ocfl.StorageRoot:
    import ocfl

    if not root.exists() or (root.is_dir() and not any(root.iterdir())):
        if root.exists():
            root.rmdir()  # ocfl-py makes the folder itself
        root.parent.mkdir(parents=True, exist_ok=True)
        store = ocfl.StorageRoot(root=str(root), layout_name=LAYOUT)
        store.initialize()
        return store
    if not is_root(root):
        raise OcflError(f"{root}: error: not an OCFL storage root (no 0=ocfl_1.x) and not empty")
    store = ocfl.StorageRoot(root=str(root))
    store.open_root_fs()
    store.check_root_structure()
    return store


def _create(target: Path, identifier: str, bag: Path, metadata: ocfl.VersionMetadata, scratch: Path) -> None:
    import ocfl

    with tempfile.TemporaryDirectory(prefix=f".{target.name}-deposit-", dir=scratch) as work:
        ocfl.Object(identifier=identifier).create(srcdir=str(bag), metadata=metadata, objdir=str(Path(work) / "object"))
        target.parent.mkdir(parents=True, exist_ok=True)
        (Path(work) / "object").rename(target)


def _add_version(target: Path, identifier: str, bag: Path, metadata: ocfl.VersionMetadata, scratch: Path) -> Added:
    import ocfl

    with tempfile.TemporaryDirectory(prefix=f".{target.name}-deposit-", dir=scratch) as work:
        copy = Path(work) / "object"
        _link_copy(target, copy)
        try:
            inventory = ocfl.Object().add_version_with_content(objdir=str(copy), srcdir=str(bag), metadata=metadata,
                                                               abort_if_no_difference=True)
        except (ocfl.ObjectException, ocfl.NewVersionException) as exc:
            raise OcflError(f"{target}: error: {exc}") from None
        if inventory is None:  # the head version holds this very bag
            head = ocfl.Object(path=str(target)).parse_inventory().head
            return Added(identifier, target, head, False)
        old = Path(work) / "old"
        target.rename(old)
        copy.rename(target)
        return Added(identifier, target, inventory.head, True)


def _link_copy(src: Path, dst: Path) -> None:
    """Copy an object: content files hard-linked (OCFL never rewrites them), everything else copied,
    since inventories are rewritten in place."""

    def place(source: str, destination: str) -> None:
        if f"{os.sep}content{os.sep}" in os.path.relpath(source, src):
            try:
                os.link(source, destination)
                return
            except OSError:
                pass  # another file system, or links not allowed: copy
        shutil.copy2(source, destination)

    shutil.copytree(src, dst, copy_function=place)


@contextmanager
def quiet() -> Iterator[None]:
    """ocfl-py logs every step at INFO on the root logger; the command says what happened itself."""
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(previous)
