"""`-j N` bounds the build's own threads too (search indexing, hashing, deflating): `-j 1` keeps to one core."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from pathlib import Path

import pytest

from edition import executor as E
from edition.package import archive, bag


def test_local_threads_follow_the_setting() -> None:
    def inside(n: int | None) -> tuple[int, int]:
        E.THREADS.set(n)
        return E.local_threads(), E.local_threads(3)

    assert copy_context().run(inside, 1) == (1, 1)
    assert copy_context().run(inside, 8) == (8, 3)
    assert copy_context().run(inside, None) == (E.default_jobs(), min(E.default_jobs(), 3))
    assert copy_context().run(lambda: (E.THREADS.set(2), E.local_threads(0))[1]) == 1  # never none


@pytest.mark.parametrize("jobs", [1, 2])
def test_hashing_and_deflating_use_as_many_threads_as_jobs(jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    sizes: list[int] = []

    class Counted(ThreadPoolExecutor):
        def __init__(self, max_workers: int) -> None:
            sizes.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(bag, "ThreadPoolExecutor", Counted)
    monkeypatch.setattr(archive, "ThreadPoolExecutor", Counted)
    folder = tmp_path / "bag"
    for n in range(6):
        (folder / f"f{n}.txt").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"f{n}.txt").write_text(f"file {n} " * 50)

    def run() -> None:
        E.THREADS.set(jobs)
        bag.payload_digests(folder)
        archive.write_zip(folder, tmp_path / f"out-{jobs}.zip", "root", "2026-01-01")

    copy_context().run(run)
    assert sizes == [jobs, jobs]
