"""`edition validate FILE` outside an edition: the register references it could not check are named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from edition.cli import main
from edition.paths import ROOT

ESSAY = ROOT / "editions" / "russische-revolution" / "texts" / "meschkat-vorbild.xml"
WARNING = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): warning: register references could not be checked"
                     r" \((?P<count>\d+) element\(s\) with @ref=\"psn:…\"\): the file belongs to no edition .+ \[ref-unchecked\]$")


def _validate(path: Path):
    return CliRunner().invoke(main, ["validate", str(path)])


def test_references_outside_an_edition_are_reported_unchecked(tmp_path: Path) -> None:
    alone = Path(shutil.copyfile(ESSAY, tmp_path / ESSAY.name))
    result = _validate(alone)
    assert result.exit_code == 0, result.output  # a warning, not an error
    lines = [line for line in result.output.splitlines() if "ref-unchecked" in line]
    assert len(lines) == 1, result.output
    match = WARNING.match(lines[0])
    assert match, lines[0]
    references = len(re.findall(r'<[^>]*\sref="psn:', alone.read_text(encoding="utf-8")))
    assert int(match["count"]) == references > 0
    # The line points at the first element with a register reference.
    first = alone.read_text(encoding="utf-8").splitlines()[int(match["line"]) - 1]
    assert 'ref="psn:' in first[int(match["col"]) - 1:]
    assert result.output.endswith("1 file checked, valid: 0 errors, 1 warning\n")


def test_no_warning_without_references_or_inside_an_edition(tmp_path: Path) -> None:
    text = ESSAY.read_text(encoding="utf-8")
    plain = tmp_path / "plain.xml"
    plain.write_text(re.sub(r'\sref="psn:[^"]*"', "", text), encoding="utf-8")
    assert "ref-unchecked" not in _validate(plain).output
    assert "ref-unchecked" not in _validate(ESSAY).output
