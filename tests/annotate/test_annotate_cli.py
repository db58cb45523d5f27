"""`edition annotate` end to end: in place, idempotent, formatting kept, errors, report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "annotate"
SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "sample-edition" / "tei"


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "tei")
    return tmp_path / "tei"


def invoke(*args: str):
    return CliRunner().invoke(main, ["annotate", *args], catch_exceptions=False)


def strip_tags(data: bytes) -> bytes:
    return re.sub(rb"</?(?:persName|date)\b[^>]*>", b"", data)


def test_in_place_keeps_everything_but_adds_markup(edition):
    essay = edition / "essays" / "probe.xml"
    before = essay.read_bytes()
    result = invoke(str(essay))
    assert result.exit_code == 0
    after = essay.read_bytes()
    assert after != before
    # Removing what was added gives back the file byte for byte (existing persName included,
    # so compare with the original stripped the same way).
    assert strip_tags(after) == strip_tags(before)
    assert after.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI')
    assert b'<persName ref="psn:luxemburg-rosa">Rosa <pb n="2"/>Luxemburg</persName>' in after
    assert "8 persName, 8 date added" in result.stderr


def test_second_run_changes_nothing(edition):
    essay = edition / "essays" / "probe.xml"
    invoke(str(essay))
    once = essay.read_bytes()
    invoke(str(essay))
    assert essay.read_bytes() == once


def test_annotated_sample_edition_is_a_fixpoint(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "tei")
    essay = tmp_path / "tei" / "essays" / "sample.xml"
    before = essay.read_bytes()
    assert invoke(str(essay)).exit_code == 0
    after = essay.read_bytes()
    # Everything the sample encodes by hand stays; text and formatting are untouched.
    assert strip_tags(after) == strip_tags(before)
    assert after.split(b"</teiHeader>")[0] == before.split(b"</teiHeader>")[0]
    assert invoke(str(essay)).exit_code == 0 and essay.read_bytes() == after


def test_bad_xml_names_file_line_column_and_writes_nothing(edition):
    bad = edition / "essays" / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><p>Lenin</text></TEI>\n')
    before = bad.read_bytes()
    result = invoke(str(bad))
    assert result.exit_code == 1
    assert re.search(r"bad\.xml:3:\d+: error:", result.output)
    assert "Traceback" not in result.output
    assert bad.read_bytes() == before


def test_entities_refused(edition):
    evil = edition / "essays" / "evil.xml"
    evil.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x "Lenin">]>\n<TEI><p>&x;</p></TEI>\n')
    result = invoke(str(evil))
    assert result.exit_code == 1 and "entit" in result.output


def test_missing_register_is_an_error(tmp_path):
    essay = tmp_path / "essays" / "x.xml"
    essay.parent.mkdir()
    essay.write_bytes((FIXTURES / "essays" / "probe.xml").read_bytes())
    result = invoke(str(essay))
    assert result.exit_code == 1 and "persons.xml" in result.output and "cannot read" in result.output


def test_report_lines_and_ignore_list(edition):
    essay = edition / "essays" / "probe.xml"
    result = invoke("--report", "--dictionary", str(edition / "none.txt"), str(essay))
    lines = [line for line in result.stdout.splitlines() if line]
    pattern = re.compile(r"^.+probe\.xml:(\d+): (name|ambiguous|date): (\S.*?) — .+$")
    assert lines and all(pattern.match(line) for line in lines)
    got = {(pattern.match(line).group(2), pattern.match(line).group(3)) for line in lines}
    assert ("ambiguous", "Kirchner") in got
    assert ("name", "Gerö") in got  # letters German does not use
    assert ("name", "Axelrod") in got  # after a forename ("Pawel Axelrod")
    assert ("name", "Ernö") not in got  # explained in review-ignore.txt
    # line numbers point at the token in the file as written
    text = essay.read_text(encoding="utf-8").splitlines()
    for line in lines:
        m = pattern.match(line)
        assert m.group(3).split()[0] in text[int(m.group(1)) - 1]


def test_report_ignore_line_without_reason_is_an_error(edition):
    (edition / "register" / "review-ignore.txt").write_text("name Gerö\n", encoding="utf-8")
    result = invoke("--report", str(edition / "essays" / "probe.xml"))
    assert result.exit_code == 1 and "review-ignore.txt:1:1" in result.output


def test_dry_run_writes_nothing(edition):
    essay = edition / "essays" / "probe.xml"
    before = essay.read_bytes()
    assert invoke("--dry-run", str(essay)).exit_code == 0
    assert essay.read_bytes() == before
