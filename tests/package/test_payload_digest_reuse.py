"""The payload's digests: a file that is the same file as one hashed for the last bag (an unchanged
output linked again) keeps its digests; any other file is read and hashed."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from edition.package import bag


@pytest.fixture()
def hashed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The names of the files read and hashed, in a cache folder of the test's own."""
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    names: list[str] = []
    real = bag._digest

    def counting(path: Path) -> bag.Digest:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(bag, "_digest", counting)
    return names


def payload(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def truth(folder: Path) -> dict[str, tuple[int, str, str]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, hashlib.sha256(p.read_bytes()).hexdigest(),
                                               hashlib.sha512(p.read_bytes()).hexdigest())
            for p in folder.rglob("*") if p.is_file()}


def as_tuples(digests: dict[str, bag.Digest]) -> dict[str, tuple[int, str, str]]:
    return {k: (d.size, d.sha256, d.sha512) for k, d in digests.items()}


def test_linked_files_keep_their_digests(tmp_path: Path, hashed: list[str]) -> None:
    first = payload(tmp_path / "one", {"a.html": b"alpha", "sub/b.pdf": b"beta" * 100, "c.xml": b"<c/>"})
    assert as_tuples(bag.payload_digests(first)) == truth(first)
    assert sorted(hashed) == ["a.html", "b.pdf", "c.xml"]
    hashed.clear()
    # The next bag: two files linked from the last one, one written anew with other bytes.
    second = tmp_path / "two"
    (second / "sub").mkdir(parents=True)
    os.link(first / "a.html", second / "a.html")
    os.link(first / "sub" / "b.pdf", second / "sub" / "b.pdf")
    (second / "c.xml").write_bytes(b"<c>new</c>")
    digests = bag.payload_digests(second)
    assert hashed == ["c.xml"]
    assert as_tuples(digests) == truth(second)
    assert list(digests) == ["a.html", "c.xml", "sub/b.pdf"]  # manifest order: files, then folders


def test_a_copy_or_a_file_changed_in_place_is_hashed_again(tmp_path: Path, hashed: list[str]) -> None:
    first = payload(tmp_path / "one", {"a.html": b"alpha", "b.html": b"beta"})
    bag.payload_digests(first)
    hashed.clear()
    with (first / "a.html").open("r+b") as f:  # the same inode, other bytes, a later time
        f.write(b"ALPHA")
    stat = (first / "a.html").stat()
    os.utime(first / "a.html", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    second = payload(tmp_path / "two", {"b.html": b"beta"})  # equal bytes, another file
    os.link(first / "a.html", second / "a.html")
    digests = bag.payload_digests(second)
    assert sorted(hashed) == ["a.html", "b.html"]
    assert as_tuples(digests) == truth(second)


def test_a_damaged_record_only_costs_time(tmp_path: Path, hashed: list[str]) -> None:
    first = payload(tmp_path / "one", {"a.html": b"alpha"})
    bag.payload_digests(first)
    record = Path(os.environ["EDITION_CACHE"]) / "digests" / "last.json"
    stat = (first / "a.html").stat()
    wrong = [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, "0" * 64, "zz"]
    for damage in ("{not json", '[[1, 2], "x", null]', '{"a": 1}', json.dumps([wrong])):
        record.write_text(damage)
        hashed.clear()
        assert as_tuples(bag.payload_digests(first)) == truth(first)
        assert hashed == ["a.html"]
