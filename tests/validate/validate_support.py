"""Per-rule fixture editions for the validator tests."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "sample-edition"
RULES = FIXTURES / "validate" / "rules"


def rule_edition(rule: str, variant: str, tmp_path: Path) -> tuple[Path, list[Path]]:
    """A copy of the sample edition with the fixture overlay ``rules/<rule>/<variant>/tei`` laid over it;
    returns the edition directory and the overlay's files inside it."""
    edition = tmp_path / "edition"
    shutil.copytree(SAMPLE, edition)
    overlay = RULES / rule / variant
    shutil.copytree(overlay, edition, dirs_exist_ok=True)
    return edition, sorted(edition / f.relative_to(overlay) for f in overlay.rglob("*.xml"))
