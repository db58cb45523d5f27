"""`edition build --scheduler tcp://HOST:PORT`: the per-text steps on a Dask cluster (a LocalCluster
started here, two worker processes) give the bytes of a local build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from edition.cli import main
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sample-edition"
COPIES = 3  # with the sample, four texts: each of the two workers gets tasks of every step


@pytest.fixture
def edition_copy(add_renamed_copies):
    """A function making the sample edition with renamed copies of its essay at a target folder."""
    def make(target: Path) -> Path:
        shutil.copytree(FIXTURE, target)
        add_renamed_copies(target, COPIES)
        return target
    return make


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


def test_cluster_build_is_the_local_build(scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          edition_copy) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache-dask"))
    on_cluster = edition_copy(tmp_path / "cluster")
    result = CliRunner().invoke(main, ["build", "--scheduler", scheduler, str(on_cluster)])
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache-local"))
    local = edition_copy(tmp_path / "local")
    assert CliRunner().invoke(main, ["build", "-j", "1", str(local)]).exit_code == 0
    assert _files(on_cluster / "build") == _files(local / "build")


def test_unreachable_scheduler_is_one_line(tmp_path: Path, edition_copy) -> None:
    edition = edition_copy(tmp_path / "edition")
    result = CliRunner().invoke(main, ["build", "--scheduler", "tcp://127.0.0.1:9", str(edition)])
    assert result.exit_code == 2
    assert result.output.startswith("build stopped: --scheduler tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert "Traceback" not in result.output and not (edition / "build").exists()
