"""Deterministic zip: sorted entries, fixed timestamps and permissions, so the same bag gives the same bytes.

The members are deflated in threads (zlib releases the GIL), and a member whose bytes the previous
zip of the same deposit already holds is copied from it compressed, not deflated again: after one
text of many changed, the zip is mostly copying. Either way a member's bytes are those of
``zlib.compressobj(LEVEL, DEFLATED, -15)``, as :mod:`zipfile` writes them, so a zip made afresh and
one made from its predecessor are the same bytes (tests/package/test_archive_reuse.py compares them
with each other and with :mod:`zipfile`'s own output). Archives that would need ZIP64 (65,535 members or 4 GiB) are
written by :mod:`zipfile`, whole.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import threading
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..executor import local_threads

FILE_MODE = 0o100644  # regular file, rw-r--r--
UNIX = 3  # ZipInfo.create_system
VERSION = 20  # "version needed to extract" for deflate, as zipfile writes it
#: zlib's default level: on a 100-text deposit's PDFs, pages and TEI (50 MB) 0.5 % larger than
#: level 9 in half the time (22.5 against 22.4 MB; 5.1 against 9.5 s).
LEVEL = 6
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_LIMIT = 0xFFFFFFFF
_THREADS = 4
_SLICE = 64
#: The zip's comment: how it was deflated (a predecessor's members are reused only when it was deflated alike).
COMMENT = f"deflated by zlib {zlib.ZLIB_RUNTIME_VERSION} at level {LEVEL}".encode("ascii")


def zip_timestamp(iso_date: str) -> tuple[int, int, int, int, int, int]:
    """``YYYY[-MM[-DD]]`` → zip date_time at midnight (zip cannot store dates before 1980)."""
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso_date)
    if not match:
        raise ValueError(f"not an ISO 8601 date: {iso_date!r}")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return (max(year, 1980), month, day, 0, 0, 0)


def write_zip(folder: Path, zip_path: Path, root: str, iso_date: str, previous: Path | None = None,
              ready: Deflated | None = None) -> Path:
    """Zip every file below ``folder`` under the top-level name ``root``, taking unchanged members
    compressed from ``previous`` (an earlier zip of this function, if it is there) and members
    deflated beforehand from ``ready`` (by the SHA-256 the bag's manifest gives them)."""
    stamp = zip_timestamp(iso_date)
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    names = [f"{root}/{p.relative_to(folder).as_posix()}" for p in files]
    if len(files) >= 0xFFFF or sum(p.stat().st_size for p in files) >= _LIMIT:
        return _write_zip64(files, names, zip_path, stamp)
    old = _Members(previous)
    new = _manifest(folder, root)
    with ThreadPoolExecutor(local_threads(_THREADS)) as threads, open(zip_path, "wb") as out:
        central = []
        # In slices, so no more than a slice of deflated members waits in memory for the writer.
        for at in range(0, len(files), _SLICE):
            members = threads.map(lambda n, p: _member(n, p, old, new.get(n), ready), names[at:at + _SLICE],
                                  files[at:at + _SLICE])
            for name, (size, crc, packed) in zip(names[at:at + _SLICE], members):
                central.append(_entry(out, name, size, crc, packed, stamp))
        start = out.tell()
        for record in central:
            out.write(record)
        out.write(_END.pack(b"PK\005\006", 0, 0, len(central), len(central), out.tell() - start, start, len(COMMENT)))
        out.write(COMMENT)
    old.close()
    return zip_path


def _manifest(folder: Path, root: str) -> dict[str, str]:
    """Member name → SHA-256 of the payload files, as the bag's own ``manifest-sha256.txt`` gives them (if it has one).

    A path the manifest percent-encodes (``%``) is left out: its file is read and compared instead."""
    try:
        lines = (folder / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    return {f"{root}/{rel}": digest for digest, _, rel in (line.partition("  ") for line in lines) if rel and "%" not in rel}


def _member(name: str, path: Path, old: _Members, sha256: str | None = None,
            ready: Deflated | None = None) -> tuple[int, int, bytes]:
    """(size, CRC-32, deflated bytes) of one file, the deflated bytes from the old zip where it has them.

    A file the bag's manifest gives the SHA-256 the old zip's manifest gave its member (``sha256``)
    is not read at all: its member is copied with its size and CRC (a rebuild of 1 of 1,000 texts
    read and checked the deposit's 300 MB again for that)."""
    if sha256 is not None:
        if ready is not None and (done := ready.member(sha256)) is not None:
            return done
        if (same := old.member(name, sha256)) is not None:
            return same
    data = path.read_bytes()
    packed = old.packed(name, data)
    return len(data), zlib.crc32(data), _deflate(data) if packed is None else packed


def _deflate(data: bytes) -> bytes:
    deflate = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return deflate.compress(data) + deflate.flush()


class Deflated:
    """Members deflated ahead of their zip, by the SHA-256 of their bytes, held in a file of their own.

    The build deflates each PDF as it comes and the site's files while the last PDFs are typeset,
    so that zipping the deposit at the end is mostly copying (a 100-text build's 67 MB took 2 s of
    CPU to deflate). Members the ``previous`` zip holds as they are now are left to be copied from it."""

    def __init__(self, path: Path, previous: Path | None = None) -> None:
        self._file = open(path, "w+b")
        self._at: dict[str, tuple[int, int, int, int]] = {}  # SHA-256 → size, CRC-32, offset, length
        self._lock = threading.Lock()
        self._old = _Members(previous)

    def add(self, files: list[tuple[str, Path, str]]) -> None:
        """Deflate the files (member name, path, SHA-256 of its bytes) neither held here nor in the
        previous zip, in threads (zlib releases the GIL)."""
        todo = [item for item in files if self._wanted(item[0], item[2])]
        with ThreadPoolExecutor(local_threads(_THREADS)) as threads:
            for at in range(0, len(todo), _SLICE):  # a slice at a time in memory
                list(threads.map(lambda item: self.put(item[0], item[1].read_bytes(), item[2]), todo[at:at + _SLICE]))

    def put(self, name: str, data: bytes, sha256: str | None = None) -> None:
        """Deflate the member ``name`` of these bytes (whose SHA-256 is ``sha256``, if known),
        unless held here or in the previous zip."""
        sha256 = sha256 or hashlib.sha256(data).hexdigest()
        if not self._wanted(name, sha256):
            return
        size, crc, packed = len(data), zlib.crc32(data), _deflate(data)
        with self._lock:
            if sha256 not in self._at:
                self._file.seek(0, os.SEEK_END)
                self._at[sha256] = (size, crc, self._file.tell(), len(packed))
                self._file.write(packed)
                self._file.flush()

    def _wanted(self, name: str, sha256: str) -> bool:
        return sha256 not in self._at and not self._old.holds(name, sha256)

    def member(self, sha256: str) -> tuple[int, int, bytes] | None:
        """(size, CRC-32, deflated bytes) of the file with these bytes, if it was deflated here."""
        found = self._at.get(sha256)
        if found is None:
            return None
        size, crc, offset, length = found
        return size, crc, os.pread(self._file.fileno(), length, offset)

    def close(self) -> None:
        self._file.close()
        self._old.close()


def _entry(out, name: str, size: int, crc: int, packed: bytes, stamp: tuple[int, ...]) -> bytes:
    """Write one member's local header and data; return its central directory record."""
    try:
        encoded, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        encoded, flags = name.encode("utf-8"), 0x800
    year, month, day, hour, minute, second = stamp
    dostime, dosdate = hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day
    offset = out.tell()
    out.write(_LOCAL.pack(b"PK\003\004", VERSION, 0, flags, zipfile.ZIP_DEFLATED, dostime, dosdate, crc, len(packed), size,
                          len(encoded), 0))
    out.write(encoded)
    out.write(packed)
    return _CENTRAL.pack(b"PK\001\002", VERSION, UNIX, VERSION, 0, flags, zipfile.ZIP_DEFLATED, dostime, dosdate, crc,
                         len(packed), size, len(encoded), 0, 0, 0, 0, FILE_MODE << 16, offset) + encoded


class _Members:
    """The deflated members of an earlier zip of this module, read on demand (threads share one file by offset).

    A member is taken when the old bag's ``manifest-sha256.txt`` gives the new bytes' SHA-256 for
    its path and the old zip was deflated by the same zlib (its comment), so what is copied is what
    deflating afresh would make."""

    def __init__(self, path: Path | None) -> None:
        self._fd: int | None = None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._sha256: dict[str, str] = {}
        try:
            if path is None or not path.is_file():
                return
            with zipfile.ZipFile(path) as zf:
                if zf.comment != COMMENT:
                    return
                infos = {i.filename: i for i in zf.infolist() if i.compress_type == zipfile.ZIP_DEFLATED}
                manifests = [n for n in infos if n.count("/") == 1 and n.endswith("/manifest-sha256.txt")]
                root = manifests[0].partition("/")[0] if len(manifests) == 1 else None
                if root is None:
                    return
                for line in zf.read(manifests[0]).decode("utf-8").splitlines():
                    digest, _, rel = line.partition("  ")
                    self._sha256[f"{root}/{rel}"] = digest
            self._infos = infos
            self._fd = os.open(path, os.O_RDONLY)
        except (OSError, zipfile.BadZipFile, UnicodeDecodeError):
            self._infos, self._sha256 = {}, {}  # no usable predecessor: everything is deflated afresh

    def holds(self, name: str, sha256: str) -> bool:
        """Whether the old zip has the member ``name`` and its manifest gave it ``sha256``."""
        return self._fd is not None and name in self._infos and self._sha256.get(name) == sha256

    def member(self, name: str, sha256: str) -> tuple[int, int, bytes] | None:
        """(size, CRC-32, deflated bytes) of the old member if its manifest gave it ``sha256``."""
        info = self._infos.get(name)
        if info is None or self._sha256.get(name) != sha256:
            return None
        packed = self._read(info)
        return None if packed is None else (info.file_size, info.CRC, packed)

    def packed(self, name: str, data: bytes) -> bytes | None:
        """The old member's deflated bytes if its manifest gives these bytes' SHA-256 (payload files only)."""
        info, digest = self._infos.get(name), self._sha256.get(name)
        if info is None or digest is None or self._fd is None or info.file_size != len(data):
            return None
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        return self._read(info)

    def _read(self, info: zipfile.ZipInfo) -> bytes | None:
        if self._fd is None:
            return None
        header = os.pread(self._fd, _LOCAL.size, info.header_offset)
        if len(header) < _LOCAL.size or header[:4] != b"PK\003\004":
            return None
        fields = _LOCAL.unpack(header)
        packed = os.pread(self._fd, info.compress_size, info.header_offset + _LOCAL.size + fields[-2] + fields[-1])
        return packed if len(packed) == info.compress_size else None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)


def _write_zip64(files: list[Path], names: list[str], zip_path: Path, stamp: tuple[int, ...]) -> Path:
    with zipfile.ZipFile(zip_path, "w", allowZip64=True) as zf:
        zf.comment = COMMENT
        for path, name in zip(files, names):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = FILE_MODE << 16
            info.create_system = UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=LEVEL)
    return zip_path
