"""Golden-file test: the whole reading page of the sample essay, byte for byte.

After an intended change of the output, regenerate with ``UPDATE_GOLDEN=1 pytest tests/html/test_golden.py``
and review the diff of ``tests/html/golden/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("golden")
PAGES = ["sample.html", "index.html", "register.html", "chronologie.html"]


def normalise(html: str) -> str:
    """Line endings and trailing blanks only: everything else is meant to be stable."""
    return "\n".join(line.rstrip() for line in html.replace("\r\n", "\n").split("\n")).rstrip("\n") + "\n"


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_golden_file(sample_site: Path, name: str) -> None:
    actual = normalise((sample_site / name).read_text(encoding="utf-8"))
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run with UPDATE_GOLDEN=1 to create it"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from {golden}; if intended, regenerate with UPDATE_GOLDEN=1"
