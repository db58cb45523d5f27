"""Validation results are recorded by the hash of what they depend on: the same file, schemas and
edition index are not checked twice; a change to any of them is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import edition.validate.run as run
from edition.validate import validate_files

from validate_support import SAMPLE


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    seen: list[str] = []
    real = run._check

    def spy(path: Path, *args):
        seen.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(run, "_check", spy)
    return seen


def test_unchanged_files_are_not_checked_again(checks: list[str], tmp_path: Path) -> None:
    edition = Path(shutil.copytree(SAMPLE, tmp_path / "edition"))
    files = run.edition_files(edition)
    first = validate_files(files)
    assert sorted(checks) == ["persons.xml", "sample.xml"]
    checks.clear()
    assert validate_files(files) == first and checks == []
    essay = edition / "tei" / "essays" / "sample.xml"
    essay.write_text(essay.read_text(encoding="utf-8").replace('<note place="foot" n="1"', '<note place="foot" n="7"', 1),
                     encoding="utf-8")
    changed = validate_files(files)
    assert checks == ["sample.xml"]  # the register's index entries did not change
    assert any(p.rule == "note-sequence" for p in changed) and changed != first


def test_what_the_index_answers_decides_which_files_are_checked_again(checks: list[str], tmp_path: Path) -> None:
    edition = Path(shutil.copytree(SAMPLE, tmp_path / "edition"))
    files = run.edition_files(edition)
    validate_files(files)
    checks.clear()
    essay = edition / "tei" / "essays" / "sample.xml"
    text = essay.read_text(encoding="utf-8")
    essay.write_text(text.replace("</body>", '<p><persName ref="psn:nobody">Niemand</persName></p></body>', 1),
                     encoding="utf-8")
    problems = validate_files(files)
    assert checks == ["sample.xml"]  # the register asks nothing about psn:nobody
    assert any(p.rule == "ref-resolves" and "psn:nobody" in p.message for p in problems)
    checks.clear()
    # No essay names Lenin any more: the register's own answer changes, so it is checked again.
    essay.write_text(essay.read_text(encoding="utf-8").replace('ref="psn:lenin-wladimir"', ""), encoding="utf-8")
    problems = validate_files(files)
    assert sorted(checks) == ["persons.xml", "sample.xml"]
    assert any(p.rule == "register-unreferenced" and "lenin-wladimir" in p.message for p in problems)
