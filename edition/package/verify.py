"""Full fixity and completeness check of a bag, as a folder or a zip."""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import bagit


class Unreadable(Exception):
    """The path is not a readable bag (no such file, not a zip, no bagit.txt, broken tag files)."""


@dataclass
class Report:
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # anything else bagit finds
    files: int = 0  # files whose checksums were compared
    algorithms: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not (self.missing or self.added or self.changed or self.problems)


def verify(path: Path) -> Report:
    """Check a bag folder or a zipped bag; raise :class:`Unreadable` if it cannot be read as a bag."""
    if path.is_dir():
        return verify_bag(path)
    if not path.is_file():
        raise Unreadable(f"{path}: no such file or folder")
    if not zipfile.is_zipfile(path):
        raise Unreadable(f"{path}: neither a folder nor a zip file")
    with tempfile.TemporaryDirectory(prefix="edition-verify-") as tmp:
        damaged = _extract(path, Path(tmp))
        root = _bag_root(path, Path(tmp))
        report = verify_bag(root)
        prefix = root.relative_to(tmp).as_posix()
    # A member whose zip CRC fails was not extracted: it is changed, not missing.
    for member in damaged:
        name = member if prefix == "." else member.removeprefix(prefix + "/")
        if name in report.missing:
            report.missing.remove(name)
        report.changed.append(name)
    report.changed.sort()
    return report


def verify_bag(bag_dir: Path) -> Report:
    try:
        bag = bagit.Bag(str(bag_dir))
    except bagit.BagError as exc:
        raise Unreadable(f"{bag_dir}: {exc}") from None
    report = Report(algorithms=sorted(bag.algorithms))
    on_disk = {p.relative_to(bag_dir).as_posix() for p in bag_dir.rglob("*") if p.is_file()}
    listed = {PurePosixPath(*Path(name).parts).as_posix(): hashes for name, hashes in bag.entries.items()}
    report.missing = sorted(set(listed) - on_disk)
    # Only the tag manifests themselves are not listed in a manifest.
    report.added = sorted(name for name in on_disk - set(listed) if not _is_tagmanifest(name))
    for name in sorted(set(listed) & on_disk):
        report.files += 1
        if _digests(bag_dir / name, listed[name]) != {alg: h.lower() for alg, h in listed[name].items()}:
            report.changed.append(name)
    if report.intact:
        try:  # what the checks above do not cover: structure, bagit.txt, fetch.txt, Payload-Oxum
            bag.validate(completeness_only=True)
        except bagit.BagError as exc:
            report.problems.append(str(exc))
    return report


def _is_tagmanifest(name: str) -> bool:
    return "/" not in name and name.startswith("tagmanifest-") and name.endswith(".txt")


def _digests(path: Path, hashes: dict[str, str]) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in hashes}
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            for h in hashers.values():
                h.update(block)
    return {alg: h.hexdigest() for alg, h in hashers.items()}


def _extract(zip_path: Path, dest: Path) -> list[str]:
    """Extract safely (no absolute paths, no ``..``); return the names of members that fail their CRC."""
    damaged = []
    try:
        with zipfile.ZipFile(zip_path) as zf:
            for info in zf.infolist():
                parts = PurePosixPath(info.filename).parts
                if info.filename.startswith("/") or ".." in parts or "\\" in info.filename:
                    raise Unreadable(f"{zip_path}: unsafe member name {info.filename!r}")
                target = dest.joinpath(*parts)
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    target.write_bytes(zf.read(info))
                except zipfile.BadZipFile:
                    damaged.append(PurePosixPath(*parts).as_posix())
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unreadable(f"{zip_path}: {exc}") from None
    return damaged


def _bag_root(zip_path: Path, dest: Path) -> Path:
    if (dest / "bagit.txt").exists():
        return dest
    tops = [p for p in dest.iterdir() if p.is_dir()]
    if len(tops) == 1 and (tops[0] / "bagit.txt").exists():
        return tops[0]
    raise Unreadable(f"{zip_path}: holds no bag (no bagit.txt at its top or in its single top-level folder)")
