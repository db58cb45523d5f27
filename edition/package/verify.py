"""Full fixity and completeness check of a bag, as a folder or a zip.

A zip is checked where it lies: each member is hashed as it streams out of the zip, against
the manifests read from the zip itself. Nothing is extracted, so nothing is written to disk
and a member's name cannot point anywhere; memory stays at one block per member. Members a
deposit never holds (duplicate names, unsafe names, links, encrypted or unusual compression)
are findings of their own, and members are not inflated past the :class:`Limits`.

A folder is checked the same way, without following links; once it passes, the ``bagit``
library checks it as well.

An OCFL object (or a storage root, each object in it) is checked by ``ocfl-py``'s validator,
every content file's digest included; then the object's head version is checked as the bag it
holds, read from the content files the inventory names.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import posixpath
import re
import stat
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

import bagit

from . import ocfl_store

BLOCK = 1 << 20
MANIFEST = re.compile(r"(tag)?manifest-(\w+)\.txt")
# What reading a damaged zip member raises: its data is damaged, the zip is still readable.
CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError)


class Unreadable(Exception):
    """The path is not a readable bag (no such file, not a zip, no bagit.txt, no usable manifest)."""


@dataclass(frozen=True)
class Limits:
    """How far verify inflates a zip; zipfile never inflates a member past its declared size."""

    max_ratio: int = 100  # deflated text rarely passes 20:1; deflate's own maximum is 1032:1
    ratio_floor: int = 1 << 20  # members up to this size may be as compressible as they like
    margin: int = 64 << 20  # tag files and slack on top of the payload size bag-info.txt declares
    max_total: int = 16 << 30  # whatever bag-info.txt declares
    max_tag_file: int = 64 << 20  # bagit.txt, bag-info.txt and manifests are parsed in memory


@dataclass(frozen=True)
class Finding:
    kind: str  # missing, added, changed, duplicate, unsafe, symlink, special, refused, damaged
    name: str  # relative to the bag; a zip member outside the bag by its full name
    detail: str = ""

    def __str__(self) -> str:
        shown = self.name if self.name.isprintable() else repr(self.name)  # a name cannot break the line
        return f"{self.kind}: {shown}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0  # files whose checksums were compared
    algorithms: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the OCFL validator advises; not damage
    kind: str = "bag"  # bag, or "OCFL object vN" / "OCFL storage root"

    @property
    def intact(self) -> bool:
        return not self.findings

    def names(self, kind: str) -> list[str]:
        return [f.name for f in self.findings if f.kind == kind]

    @property
    def missing(self) -> list[str]:
        return self.names("missing")

    @property
    def added(self) -> list[str]:
        return self.names("added")

    @property
    def changed(self) -> list[str]:
        return self.names("changed")


@dataclass(frozen=True)
class Member:
    """A regular file of the bag: its size and how to read it."""

    size: int
    open: Callable[[], IO[bytes]]
    packed: int | None = None  # compressed size in a zip
    refused: str = ""  # why it is not read at all


def verify(path: Path, limits: Limits = Limits()) -> Report:
    """Check a bag folder, a zipped bag, an OCFL object or storage root; raise :class:`Unreadable`
    if it cannot be read as any of them."""
    if ocfl_store.is_object(path):
        return _verify_ocfl_object(path, path.name)
    if ocfl_store.is_root(path):
        return _verify_ocfl_root(path)
    if path.is_dir():
        return _verify_folder(path)
    if not path.is_file():
        raise Unreadable(f"{path}: no such file or folder")
    try:
        with zipfile.ZipFile(path) as zf:
            findings: list[Finding] = []
            members = _zip_members(zf, findings)
            return _check(members, findings, limits)
    except zipfile.BadZipFile as exc:
        raise Unreadable(f"{path}: not a zip file, or its directory is damaged ({exc})") from None
    except OSError as exc:
        raise Unreadable(f"{path}: {exc.strerror or exc}") from None
    except Unreadable as exc:
        raise Unreadable(f"{path}: {exc}") from None


def _verify_folder(bag_dir: Path) -> Report:
    findings: list[Finding] = []
    try:
        report = _check(_folder_members(bag_dir, findings), findings, Limits())
    except OSError as exc:
        raise Unreadable(f"{exc.filename or bag_dir}: {exc.strerror or exc}") from None
    except Unreadable as exc:
        raise Unreadable(f"{bag_dir}: {exc}") from None
    if report.intact:
        try:  # a second opinion from the library that made the bag
            bagit.Bag(str(bag_dir)).validate(completeness_only=True)
        except bagit.BagError as exc:
            report.findings.append(Finding("damaged", bag_dir.name, f"bagit: {exc}"))
    return report


def _verify_ocfl_root(root: Path) -> Report:
    import ocfl

    store = ocfl.StorageRoot(root=str(root))
    try:
        store.open_root_fs()
        objects = sorted(store.object_paths())
    except (ocfl.StorageRootException, OSError) as exc:
        raise Unreadable(f"{root}: not a readable OCFL storage root ({exc})") from None
    report = Report(kind=f"OCFL storage root, {len(objects)} object{'' if len(objects) == 1 else 's'}")
    for rel in objects:
        found = _verify_ocfl_object(root / rel, rel)
        report.findings += found.findings
        report.warnings += found.warnings
        report.files += found.files
        report.algorithms = sorted({*report.algorithms, *found.algorithms})
    return report


def _verify_ocfl_object(obj: Path, label: str) -> Report:
    """ocfl-py's validation of the object, then its head version checked as a bag."""
    import ocfl

    with ocfl_store.quiet():
        passed, validator = ocfl.Object().validate(str(obj), log_warnings=True, check_digests=True)
    messages = sorted(validator.log.messages)
    report = Report([Finding("invalid", label, m) for m in messages if m.startswith("[E")],
                    warnings=[f"{label}: {m}" for m in messages if m.startswith("[W")])
    if not passed and not report.findings:
        report.findings.append(Finding("invalid", label, "the OCFL validator did not pass the object"))
    try:
        with ocfl_store.quiet():
            inventory = ocfl.Object(path=str(obj)).parse_inventory()
        state = inventory.version(inventory.head).state
        manifest = inventory.manifest
    except Exception as exc:  # whatever a damaged inventory raises: the validator has named it
        if not report.findings:
            report.findings.append(Finding("invalid", label, f"inventory unreadable: {exc}"))
        return report
    report.kind = f"OCFL object {inventory.head}"
    members: dict[str, Member] = {}
    for digest, logical in state.items():
        content = obj / manifest.get(digest, ["?"])[0]
        if content.is_file() and not content.is_symlink():
            members.update({name: Member(content.stat().st_size, partial(_open_no_follow, str(content))) for name in logical})
    findings: list[Finding] = []
    try:
        bag = _check(members, findings, Limits())
    except Unreadable as exc:
        report.findings.append(Finding("invalid", label, f"{inventory.head} holds no bag: {exc}"))
        return report
    report.findings += [Finding(f.kind, f"{label}/{inventory.head}/{f.name}", f.detail) for f in bag.findings]
    report.files, report.algorithms = bag.files, bag.algorithms
    return report


# Reading the bag: regular files only; everything else is a finding.


def _folder_members(root: Path, findings: list[Finding]) -> dict[str, Member]:
    members: dict[str, Member] = {}
    folders = [(root, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = prefix + entry.name
                if entry.is_symlink():
                    findings.append(Finding("symlink", name, f"a link to {os.readlink(entry.path)}, not a file"))
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((Path(entry.path), name + "/"))
                elif entry.is_file(follow_symlinks=False):
                    size = entry.stat(follow_symlinks=False).st_size
                    members[name] = Member(size, partial(_open_no_follow, entry.path))
                else:
                    findings.append(Finding("special", name, "a device, pipe or socket, not a file"))
    return members


def _open_no_follow(path: str) -> IO[bytes]:
    # The file may have become a link since it was listed.
    return os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb")


def _zip_members(zf: zipfile.ZipFile, findings: list[Finding]) -> dict[str, Member]:
    by_name: dict[str, list[zipfile.ZipInfo]] = defaultdict(list)
    for info in zf.infolist():
        if unsafe := _unsafe_name(info.filename):
            findings.append(Finding("unsafe", info.filename, unsafe))
        else:
            by_name[PurePosixPath(info.filename).as_posix()].append(info)
    root = _bag_root(by_name)
    members: dict[str, Member] = {}
    for path, infos in sorted(by_name.items()):
        name = path.removeprefix(root)
        if root and not path.startswith(root):
            if not infos[0].is_dir():
                findings.append(Finding("added", path, "outside the bag folder"))
        elif len(infos) > 1:
            findings.append(Finding("duplicate", name, f"{len(infos)} members under this name"))
        elif kind := _not_a_file(infos[0]):
            findings.append(Finding(kind[0], name, kind[1]))
        elif not infos[0].is_dir():
            info = infos[0]
            members[name] = Member(info.file_size, partial(zf.open, info), info.compress_size, _unsupported(info))
    return members


def _unsafe_name(name: str) -> str:
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "absolute path"
    if "\\" in name:
        return "backslash in the name"
    if ".." in PurePosixPath(name).parts:
        return "leads out of the bag"
    return ""


def _not_a_file(info: zipfile.ZipInfo) -> tuple[str, str] | None:
    """Kind and detail of a link or special file; mode 0 is a zip tool that records no mode."""
    mode = info.external_attr >> 16 if info.create_system == 3 else 0
    if stat.S_ISLNK(mode):
        return "symlink", "a link, not a file"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "special", "a device, pipe or socket, not a file"
    return None


def _unsupported(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x1:
        return "encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"compression method {info.compress_type}; deposits are stored or deflated"
    return ""


def _bag_root(by_name: dict[str, list[zipfile.ZipInfo]]) -> str:
    """``""`` for a bag at the top of the zip, else ``"FOLDER/"`` for a bag in its one top-level folder."""
    if "bagit.txt" in by_name:
        return ""
    tops = sorted({name.split("/", 1)[0] + "/" for name in by_name if f"{name.split('/', 1)[0]}/bagit.txt" in by_name})
    if len(tops) != 1:
        raise Unreadable("holds no bag (no bagit.txt at its top or in a single top-level folder)")
    return tops[0]


# Checking: the tag files say what the bag holds, and every member is held against them.

ALGORITHMS = frozenset(a for a in hashlib.algorithms_guaranteed if not a.startswith("shake_"))  # shake needs a length


def _check(members: dict[str, Member], findings: list[Finding], limits: Limits) -> Report:
    encoding = _bagit_txt(members, limits)
    oxum = _oxum(_bag_info(members, encoding, limits, findings), findings)
    manifests = {name: m for name in sorted(members) if (m := MANIFEST.fullmatch(name)) and m[2] in ALGORITHMS}
    listed: dict[str, dict[str, str]] = defaultdict(dict)
    read = [name for name, m in manifests.items() if _read_manifest(members, name, m[2], encoding, limits, listed, findings)]
    payload_algs = sorted(m[2] for name, m in manifests.items() if not m[1] and name in read)
    tag_algs = sorted(m[2] for m in manifests.values() if m[1])
    if not payload_algs:
        raise Unreadable("no readable payload manifest (manifest-ALGORITHM.txt)")
    # Each payload manifest should have its tag manifest; without one the tag files are unchecked, not added.
    findings += [Finding("missing", f"tagmanifest-{alg}.txt") for alg in payload_algs if alg not in tag_algs]
    findings += [Finding("damaged", path, f"not listed in manifest-{alg}.txt")
                 for path, hashes in sorted(listed.items()) if path.startswith("data/")
                 for alg in payload_algs if alg not in hashes]
    own = {name for name, m in manifests.items() if m[1]}
    if not tag_algs:  # nothing lists the tag files (bagit.txt, a README …): unchecked, not added
        own |= {name for name in members if "/" not in name}
    flagged = {f.name for f in findings}
    findings += [Finding("missing", name) for name in sorted(listed.keys() - members.keys() - flagged)]
    findings += [Finding("added", name) for name in sorted(members.keys() - listed.keys() - own - flagged)]
    report = Report(findings, algorithms=sorted({*payload_algs, *tag_algs}))
    to_read = sorted(listed.keys() & members.keys() - flagged)
    refused = _refusals(members, to_read, _budget(oxum, limits), limits)
    for name in to_read:
        if name in refused:
            findings.append(Finding("refused", name, refused[name]))
            continue
        report.files += 1
        if problem := _compare(name, members[name], listed[name]):
            findings.append(problem)
    if not findings and oxum:
        _check_oxum(members, oxum, findings)
    return report


def _bagit_txt(members: dict[str, Member], limits: Limits) -> str:
    """The tag files' encoding, once bagit.txt shows a bag this code reads."""
    try:
        tags = _parse_tags(_read_text(members, "bagit.txt", "utf-8", limits))
    except _BadTagFile as exc:
        raise Unreadable(f"bagit.txt: {exc.detail}") from None
    version, encoding = tags.get("BagIt-Version"), tags.get("Tag-File-Character-Encoding")
    if version is None or encoding is None:
        raise Unreadable("bagit.txt: BagIt-Version or Tag-File-Character-Encoding is missing")
    if not re.fullmatch(r"0\.9[7-9]|1\.\d+", version):
        raise Unreadable(f"bagit.txt: BagIt-Version {version} (verify reads 0.97 to 1.x)")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise Unreadable(f"bagit.txt: unknown Tag-File-Character-Encoding {encoding}") from None
    return encoding


def _bag_info(members: dict[str, Member], encoding: str, limits: Limits, findings: list[Finding]) -> dict[str, str]:
    if "bag-info.txt" not in members:
        return {}
    try:
        return _parse_tags(_read_text(members, "bag-info.txt", encoding, limits))
    except _BadTagFile as exc:
        findings.append(Finding(exc.kind, "bag-info.txt", exc.detail))
        return {}


def _oxum(info: dict[str, str], findings: list[Finding]) -> tuple[int, int] | None:
    """Payload-Oxum as (bytes, files)."""
    if (value := info.get("Payload-Oxum")) is None:
        return None
    if not (match := re.fullmatch(r"(\d+)\.(\d+)", value)):
        findings.append(Finding("damaged", "bag-info.txt", f"Payload-Oxum {value!r} is not BYTES.FILES"))
        return None
    return int(match[1]), int(match[2])


def _check_oxum(members: dict[str, Member], oxum: tuple[int, int], findings: list[Finding]) -> None:
    sizes = [m.size for name, m in members.items() if name.startswith("data/")]
    if (sum(sizes), len(sizes)) != oxum:
        findings.append(Finding("damaged", "bag-info.txt", f"Payload-Oxum says {oxum[0]:,} bytes in {oxum[1]} files, "
                                                           f"the payload has {sum(sizes):,} bytes in {len(sizes)}"))


def _read_manifest(members: dict[str, Member], name: str, alg: str, encoding: str, limits: Limits,
                   listed: dict[str, dict[str, str]], findings: list[Finding]) -> bool:
    """Add the manifest's lines to ``listed``; False if it cannot be read at all."""
    try:
        text = _read_text(members, name, encoding, limits).removeprefix("\ufeff")
    except _BadTagFile as exc:
        findings.append(Finding(exc.kind, name, exc.detail))
        return False
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.strip().split(None, 1)
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) != 2:
            findings.append(Finding("damaged", name, f"line {number} is not 'CHECKSUM PATH'"))
            continue
        # As bagit reads it: a leading * (binary mode) dropped, CR and LF percent-encoded.
        path = posixpath.normpath(parts[1].lstrip("*")).replace("%0D", "\r").replace("%0A", "\n")
        if unsafe := _unsafe_name(path):
            findings.append(Finding("unsafe", path, f"{unsafe}, listed in {name}"))
        elif alg in listed[path]:
            findings.append(Finding("duplicate", path, f"listed twice in {name}"))
        else:
            listed[path][alg] = parts[0].lower()
    return True


def _parse_tags(text: str) -> dict[str, str]:
    """``Name: value`` lines, continued by indented lines; of a repeated name the first counts (as in bagit)."""
    pairs: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line[0].isspace() and pairs:
            pairs[-1][1] += " " + line.strip()
        elif ":" in line:
            pairs.append([part.strip() for part in line.split(":", 1)])
        else:
            raise _BadTagFile("damaged", f"line {number} is not 'Name: value'")
    tags: dict[str, str] = {}
    for name, value in pairs:
        tags.setdefault(name, value)
    return tags


class _BadTagFile(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind, self.detail = kind, detail


def _read_text(members: dict[str, Member], name: str, encoding: str, limits: Limits) -> str:
    if (member := members.get(name)) is None:
        raise _BadTagFile("missing", "missing")
    if why := _refusal(member, limits) or (
            member.size > limits.max_tag_file and f"{member.size:,} bytes, over the {limits.max_tag_file:,} a tag file may have"):
        raise _BadTagFile("refused", why)
    try:
        with member.open() as fh:
            data = fh.read(limits.max_tag_file + 1)
    except CORRUPT as exc:
        raise _BadTagFile("changed", f"corrupt in the zip: {exc}") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _BadTagFile("damaged", f"not {encoding}: {exc.reason} at byte {exc.start}") from None


# Limits: decided from the zip's directory, before a byte is inflated.


def _refusal(member: Member, limits: Limits) -> str:
    if member.refused or member.packed is None:
        return member.refused
    if member.size > limits.ratio_floor and member.size > limits.max_ratio * member.packed:
        ratio = member.size // max(member.packed, 1)
        return f"expands {member.size:,} bytes from {member.packed:,}, {ratio}:1, over the limit {limits.max_ratio}:1"
    return ""


def _budget(oxum: tuple[int, int] | None, limits: Limits) -> tuple[int, str]:
    """How many bytes verify inflates in all, and why that many."""
    if oxum and oxum[0] + limits.margin < limits.max_total:
        return oxum[0] + limits.margin, f": the payload size bag-info.txt declares plus {limits.margin:,}"
    return limits.max_total, ""


def _refusals(members: dict[str, Member], names: list[str], budget: tuple[int, str], limits: Limits) -> dict[str, str]:
    """Why each zip member that is not read is refused; within the budget the smallest members go first."""
    refused = {name: why for name in names if (why := _refusal(members[name], limits))}
    spent = 0
    for name in sorted(set(names) - refused.keys(), key=lambda n: (members[n].size, n)):
        size = members[name].size
        if members[name].packed is not None and spent + size > budget[0]:
            refused[name] = f"{size:,} bytes would pass the limit of {budget[0]:,} bytes{budget[1]}"
        else:
            spent += size
    return refused


def _compare(name: str, member: Member, expected: dict[str, str]) -> Finding | None:
    try:
        found = _digests(member, expected)
    except CORRUPT as exc:
        return Finding("changed", name, f"corrupt in the zip: {exc}")
    differ = [alg for alg in sorted(expected) if found[alg] != expected[alg]]
    if not differ:
        return None
    if len(differ) < len(expected):  # the other checksum matches: the manifest line is what changed
        manifest = "manifest" if name.startswith("data/") else "tagmanifest"
        return Finding("changed", name, " and ".join(f"{manifest}-{alg}.txt" for alg in differ)
                       + " disagrees; the other checksums match")
    return Finding("changed", name)


def _digests(member: Member, algorithms: dict[str, str]) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    with member.open() as fh:
        while block := fh.read(BLOCK):
            for h in hashers.values():
                h.update(block)
    return {alg: h.hexdigest() for alg, h in hashers.items()}
