"""`edition import` on tiny, empty and damaged sources: a TEI draft or one located error line, exit 2."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

FIX = Path(__file__).parents[1] / "fixtures" / "importer"
TEI = "{http://www.tei-c.org/ns/1.0}"


def run_import(tmp_path: Path, data: bytes) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run the real console command (a traceback would show on stderr) on ``data`` as mini.txt."""
    src = tmp_path / "mini.txt"
    src.write_bytes(data)
    out = tmp_path / "out" / "mini.xml"
    res = subprocess.run(
        [sys.executable, "-c", "from edition.cli import main; main()", "import", str(src), "--meta", str(FIX / "mini.toml"), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    return res, out


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        (b"", "1:1", "the file holds no text"),
        (b"\n\n   \n", "1:1", "the file holds no text"),
        (b" \f\n\f  \n\f", "1:1", "the file holds no text"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "1:1", "control character U+007F"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "1:1", "not UTF-8 (byte 0x89)"),
        (b"Gr\xfc\xdfe aus K\xf6ln.\n", "1:3", "not UTF-8 (byte 0xfc)"),
        (b"\xff\xfeE\x00i\x00n\x00", "1:1", "not UTF-8 (byte 0xff)"),
        # Only the title from the metadata: nothing is left for the body.
        (b" Ein kurzer Versuch\n", "1:1", "no body text"),
        (b" Ein kurzer Versuch\nvon Erika Muster\n", "2:1", "no body text"),
    ],
)
def test_unusable_source_is_one_located_line_exit_2_nothing_written(
    tmp_path: Path, data: bytes, where: str, message: str,
) -> None:
    res, out = run_import(tmp_path, data)
    src = tmp_path / "mini.txt"
    assert res.returncode == 2, res.stderr
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith(f"{src}:{where}: error: ") and message in lines[0], lines[0]
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


@pytest.mark.parametrize(
    "data",
    [
        b"Nur eine Zeile.",
        b"Nur eine Zeile.\n",
        b"  eingerueckt, ein Satz ohne Punkt",
        b"1\n",
        b"- \n",
        b"EINE UEBERSCHRIFT\n",
        b"\xef\xbb\xbfMit BOM.\r\n",
        b" Ein kurzer Versuch\nDer einzige Satz.\n",
    ],
)
def test_one_line_source_gives_a_well_formed_draft(tmp_path: Path, data: bytes) -> None:
    res, out = run_import(tmp_path, data)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{TEI}TEI" and root.find(f"{TEI}text/{TEI}body") is not None
    assert f"wrote {out}" in res.stdout
    # The draft gets the permissions of any file the user makes, not the private ones of a temp file.
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_unwritable_output_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    res, out = run_import(tmp_path, b"Nur eine Zeile.\n")
    assert res.returncode == 2
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{out}: error: "), res.stderr
    assert blocker.read_text(encoding="utf-8").startswith("a file")
