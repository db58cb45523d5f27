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


EDITION_TOML = """[edition]
id = "probe"
title = "Probe"
date = 2026-11-22
publisher = "Ich"

[calendar]
default = "julian"
switch = "1918-02-14"

[register]
persons = "personen/register.xml"
prefix = "per"

[vocabulary.de]
units = ["Werst"]
"""


def _edition(root: Path, body: str, header: str = "") -> Path:
    """A minimal edition: edition.toml, the fixture register where it says, one text."""
    (root / "edition.toml").write_text(EDITION_TOML, encoding="utf-8")
    (root / "personen").mkdir(parents=True)
    shutil.copy(FIXTURES / "register" / "persons.xml", root / "personen" / "register.xml")
    (root / "personen" / "review-ignore.txt").write_text("date  1500  — Marschstrecke, kein Jahr\n", encoding="utf-8")
    text = root / "texts" / "t.xml"
    text.parent.mkdir()
    text.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t"><teiHeader><fileDesc>'
        "<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
        f"</fileDesc>{header}</teiHeader><text><body><p>{body}</p></body></text></TEI>\n",
        encoding="utf-8",
    )
    return text


def test_annotate_reads_the_edition_toml_of_the_files_edition(tmp_path):
    calendar = '<profileDesc><calendarDesc><calendar xml:id="t-julian"><p>Julianisch</p></calendar></calendarDesc></profileDesc>'
    text = _edition(tmp_path, "Am 25. Oktober 1917 zog Lenin 1500 Werst weit.", calendar)
    result = invoke("--report", "--dictionary", str(tmp_path / "none.txt"), str(text))
    assert result.exit_code == 0, result.output
    xml = text.read_text(encoding="utf-8")
    assert '<persName ref="per:lenin-wladimir">Lenin</persName>' in xml  # register and prefix from edition.toml
    assert 'when-custom="1917-10-25" when="1917-11-07">25. Oktober 1917</date>' in xml  # the edition's switch
    assert "1500</date>" not in xml  # an edition unit
    # the quantity is reported, and explained in review-ignore.txt beside the configured register
    assert ": date: " not in result.stdout and ": name: Werst" in result.stdout
    (tmp_path / "personen" / "review-ignore.txt").unlink()
    assert ": date: 1500 — " in invoke("--report", "--dry-run", str(text)).stdout


def test_without_declaration_1848_stays_gregorian(tmp_path):
    """A file in no edition: defaults (no calendar), register beside the texts."""
    shutil.copytree(FIXTURES / "register", tmp_path / "register")
    text = tmp_path / "essays" / "t.xml"
    text.parent.mkdir()
    text.write_bytes((FIXTURES / "essays" / "probe.xml").read_bytes().replace(
        b'<calendarDesc><calendar xml:id="probe-julian"><p>Julianischer Kalender; gregorianisch ab <date when="1918-02-14">1918-02-14</date>.</p></calendar></calendarDesc>',
        b"",
    ).replace(b"Im Mai 1887", b"Am 18. M\xc3\xa4rz 1848"))
    assert invoke(str(text)).exit_code == 0
    assert '<date when="1848-03-18">18. März 1848</date>' in text.read_text(encoding="utf-8")


def test_a_bad_edition_toml_is_a_located_error(tmp_path):
    text = _edition(tmp_path, "Lenin.")
    (tmp_path / "edition.toml").write_text(EDITION_TOML.replace('units = ["Werst"]', 'monate = ["Jänner"]'), encoding="utf-8")
    result = invoke(str(text))
    assert result.exit_code == 1 and f"{tmp_path / 'edition.toml'}:" in result.output and "vocabulary.de.monate" in result.output
    assert "persName" not in text.read_text(encoding="utf-8")
