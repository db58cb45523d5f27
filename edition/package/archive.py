"""Deterministic zip: sorted entries, fixed timestamps and permissions, so the same bag gives the same bytes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

FILE_MODE = 0o100644  # regular file, rw-r--r--
UNIX = 3  # ZipInfo.create_system


def zip_timestamp(iso_date: str) -> tuple[int, int, int, int, int, int]:
    """``YYYY[-MM[-DD]]`` → zip date_time at midnight (zip cannot store dates before 1980)."""
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso_date)
    if not match:
        raise ValueError(f"not an ISO 8601 date: {iso_date!r}")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return (max(year, 1980), month, day, 0, 0, 0)


def write_zip(folder: Path, zip_path: Path, root: str, iso_date: str) -> Path:
    """Zip every file below ``folder`` under the top-level name ``root``."""
    stamp = zip_timestamp(iso_date)
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    with zipfile.ZipFile(zip_path, "w") as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{root}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.external_attr = FILE_MODE << 16
            info.create_system = UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return zip_path
