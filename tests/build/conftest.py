from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from edition.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sample-edition"


@pytest.fixture
def edition_dir(tmp_path: Path) -> Path:
    """The sample edition plus a second essay (a renamed copy), so that dependencies can be told apart."""
    target = tmp_path / "edition"
    shutil.copytree(FIXTURE, target)
    sample = (target / "tei" / "essays" / "sample.xml").read_text(encoding="utf-8")
    second = (
        sample.replace('xml:id="sample', 'xml:id="second')
        .replace("#sample-", "#second-")
        .replace('<idno type="essay">sample<', '<idno type="essay">second<')
        .replace("Ein kurzer Beispieltext.", "Ein zweiter Beispieltext.")
    )
    (target / "tei" / "essays" / "second.xml").write_text(second, encoding="utf-8")
    return target


@pytest.fixture
def build(edition_dir: Path) -> Callable[..., Result]:
    """Run `edition build ARGS… EDITION_DIR` (or a subcommand) and return click's result."""

    def run(*args: str, edition: Path = edition_dir) -> Result:
        return CliRunner().invoke(main, ["build", *args, str(edition)])

    return run


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Every file below a folder (hidden ones included) with its bytes."""
    return _snapshot
