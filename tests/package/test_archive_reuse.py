"""The deposit zip: the same bytes as zipfile writes, and the same bytes whether members were
deflated afresh or copied from the previous zip."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from edition.package import archive
from edition.package.archive import write_zip, zip_timestamp


def bag(folder: Path, pages: dict[str, bytes]) -> Path:
    for rel, data in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    manifest = "".join(f"{hashlib.sha256(d).hexdigest()}  {r}\n" for r, d in sorted(pages.items())
                       if r.startswith("data/"))
    (folder / "manifest-sha256.txt").write_text(manifest, encoding="utf-8")
    return folder


PAGES = {
    "data/html/a.html": b"<p>" + b"Erste Seite " * 4000 + b"</p>",
    "data/html/b.html": b"<p>zweite</p>",
    "data/html/\u00fcber.html": "<p>Umlaut im Namen</p>".encode(),
    "data/pdf/a.pdf": bytes(range(256)) * 300,
    "bagit.txt": b"BagIt-Version: 1.0\n",
}


def zipfile_zip(folder: Path, path: Path, root: str, date: str) -> bytes:
    """What zipfile itself writes for the same members (the format this module follows)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.comment = archive.COMMENT
        for f in sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix()):
            info = zipfile.ZipInfo(f"{root}/{f.relative_to(folder).as_posix()}", date_time=zip_timestamp(date))
            info.external_attr = archive.FILE_MODE << 16
            info.create_system = archive.UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, f.read_bytes(), compresslevel=archive.LEVEL)
    return path.read_bytes()


def test_same_bytes_as_zipfile(tmp_path: Path) -> None:
    folder = bag(tmp_path / "bag", PAGES)
    ours = write_zip(folder, tmp_path / "ours.zip", "ed-1.0", "2026-01-02").read_bytes()
    assert ours == zipfile_zip(folder, tmp_path / "theirs.zip", "ed-1.0", "2026-01-02")
    with zipfile.ZipFile(tmp_path / "ours.zip") as zf:
        assert zf.testzip() is None
        assert zf.read("ed-1.0/data/html/\u00fcber.html") == PAGES["data/html/\u00fcber.html"]


def test_reused_members_give_the_fresh_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = bag(tmp_path / "one", PAGES)
    old = write_zip(first, tmp_path / "old.zip", "ed-1.0", "2026-01-02")
    changed = {**PAGES, "data/html/b.html": b"<p>zweite, ge\xc3\xa4ndert</p>"}
    second = bag(tmp_path / "two", changed)
    copied: list[str] = []
    read: list[str] = []
    member, read_bytes = archive._Members.member, Path.read_bytes

    def spy(self, name: str, sha256: str):
        found = member(self, name, sha256)
        if found is not None:
            copied.append(name)
        return found

    def spy_read(path: Path) -> bytes:
        read.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(archive._Members, "member", spy)
    monkeypatch.setattr(Path, "read_bytes", spy_read)
    again = write_zip(second, tmp_path / "again.zip", "ed-1.0", "2026-01-02", previous=old).read_bytes()
    # The unchanged payload files were copied, by the bag's manifest, without being read; the
    # changed one and the tag files were read and deflated afresh.
    assert sorted(copied) == ["ed-1.0/data/html/a.html", "ed-1.0/data/html/\u00fcber.html", "ed-1.0/data/pdf/a.pdf"]
    assert sorted(n for n in read if n != "again.zip") == ["b.html", "bagit.txt", "manifest-sha256.txt"]
    fresh = write_zip(second, tmp_path / "fresh.zip", "ed-1.0", "2026-01-02").read_bytes()
    assert again == fresh
    with zipfile.ZipFile(tmp_path / "again.zip") as zf:
        assert zf.testzip() is None
        assert zf.read("ed-1.0/data/html/b.html") == changed["data/html/b.html"]


def test_without_a_manifest_members_are_compared_by_their_bytes(tmp_path: Path) -> None:
    """A folder whose manifest is gone: each file is read, and copied only if its bytes have the old digest."""
    old = write_zip(bag(tmp_path / "one", PAGES), tmp_path / "old.zip", "ed-1.0", "2026-01-02")
    second = bag(tmp_path / "two", {**PAGES, "data/html/b.html": b"<p>anders</p>"})
    (second / "manifest-sha256.txt").unlink()
    again = write_zip(second, tmp_path / "again.zip", "ed-1.0", "2026-01-02", previous=old).read_bytes()
    assert again == write_zip(second, tmp_path / "fresh.zip", "ed-1.0", "2026-01-02").read_bytes()


def test_a_damaged_or_foreign_predecessor_is_not_used(tmp_path: Path) -> None:
    folder = bag(tmp_path / "bag", PAGES)
    fresh = write_zip(folder, tmp_path / "fresh.zip", "ed-1.0", "2026-01-02").read_bytes()
    (tmp_path / "junk.zip").write_bytes(b"PK not a zip")
    foreign = tmp_path / "foreign.zip"
    zipfile_zip(folder, foreign, "ed-1.0", "2026-01-02")
    with zipfile.ZipFile(foreign, "a") as zf:
        zf.comment = b"deflated by another zlib"
    for previous in (tmp_path / "junk.zip", foreign, tmp_path / "missing.zip"):
        assert write_zip(folder, tmp_path / "out.zip", "ed-1.0", "2026-01-02", previous=previous).read_bytes() == fresh


def test_members_deflated_ahead_give_the_fresh_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Members deflated while the build waited (by path or as bytes) are taken as they are; the
    others, and those the previous zip holds unchanged, are not deflated ahead; the zip is the same bytes."""
    old = write_zip(bag(tmp_path / "one", PAGES), tmp_path / "old.zip", "ed-1.0", "2026-01-02")
    changed = {**PAGES, "data/html/b.html": b"<p>zweite, ge\xc3\xa4ndert</p>", "data/pdf/c.pdf": b"%PDF-1.7 neu" * 99}
    second = bag(tmp_path / "two", changed)
    ready = archive.Deflated(tmp_path / "deflated", previous=old)
    sha = {rel: hashlib.sha256(data).hexdigest() for rel, data in changed.items()}
    ready.add([(f"ed-1.0/{rel}", second / rel, sha[rel]) for rel in changed if rel.startswith("data/html/")])
    ready.put("ed-1.0/data/pdf/c.pdf", changed["data/pdf/c.pdf"])
    # Only the changed page and the new PDF: a.html and über.html are in the previous zip as they are.
    assert ready.member(sha["data/html/b.html"]) is not None and ready.member(sha["data/pdf/c.pdf"]) is not None
    assert ready.member(sha["data/html/a.html"]) is None
    deflated: list[int] = []
    real = archive._deflate
    monkeypatch.setattr(archive, "_deflate", lambda data: deflated.append(len(data)) or real(data))
    ahead = write_zip(second, tmp_path / "ahead.zip", "ed-1.0", "2026-01-02", previous=old, ready=ready).read_bytes()
    ready.close()
    assert len(deflated) == 2  # the tag files (bagit.txt, the manifest) only: every payload member was ready or reused
    monkeypatch.setattr(archive, "_deflate", real)
    assert ahead == write_zip(second, tmp_path / "fresh.zip", "ed-1.0", "2026-01-02").read_bytes()
