"""Font coverage is read from the cmaps once per font file and then from the cache folder, and read
again when the file changes or the entry is damaged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from edition.transform import pdf_fonts


@pytest.fixture()
def font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of an installed fallback font, and a cache folder of the test's own."""
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    installed = next((f for f in pdf_fonts.chain() if f.files), None)
    assert installed is not None, "no fallback font installed (scripts/install-test-deps.sh installs them)"
    copy = tmp_path / Path(installed.files[0]).name
    shutil.copyfile(installed.files[0], copy)
    return copy


def cmap(path: Path) -> frozenset[int]:
    return frozenset(TTFont(str(path), fontNumber=0, lazy=True).getBestCmap())


def test_ranges_round_trip() -> None:
    points = frozenset({0x20, 0x21, 0x22, 0x41, 0x1F600, 0x10FFFD})
    assert pdf_fonts._ranges(points) == "20-22\n41-41\n1f600-1f600\n10fffd-10fffd\n"
    assert pdf_fonts._points(pdf_fonts._ranges(points)) == points
    assert pdf_fonts._points("") == frozenset()


def test_second_read_comes_from_the_cache(font: Path) -> None:
    reads: list[Path] = []

    def read() -> frozenset[int]:
        reads.append(font)
        return cmap(font)

    entries = Path(os.environ["EDITION_CACHE"]) / "fonts"
    before = len(list(entries.glob("*.cmap")))
    first = pdf_fonts._cached(font, "face 0", read)
    second = pdf_fonts._cached(font, "face 0", read)
    assert first == second == cmap(font) and len(first) > 100
    assert len(reads) == 1
    assert len(list(entries.glob("*.cmap"))) == before + 1


def test_a_changed_or_damaged_entry_is_read_again(font: Path) -> None:
    calls: list[int] = []

    def read() -> frozenset[int]:
        calls.append(1)
        return frozenset({len(calls)})

    assert pdf_fonts._cached(font, "face 0", read) == {1}
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the file was replaced
    assert pdf_fonts._cached(font, "face 0", read) == {2}
    for damage in ("zz-zz\n", "41-4"):  # not hexadecimal; cut short (no final newline)
        for entry in (Path(os.environ["EDITION_CACHE"]) / "fonts").glob("*.cmap"):
            entry.write_text(damage)
        assert pdf_fonts._cached(font, "face 0", read) == {len(calls)}
    assert len(calls) == 4


def test_chain_is_the_same_from_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    fresh = pdf_fonts.chain.__wrapped__()
    cached = pdf_fonts.chain.__wrapped__()
    assert fresh == cached
    assert pdf_fonts._primary_coverage() == fresh[0].coverage
