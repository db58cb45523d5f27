"""`edition validate`: exit codes, output formats, messages with file:line:col."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.validate import validate_files

from validate_support import FIXTURES, SAMPLE, rule_edition

UNSAFE = FIXTURES / "validate" / "unsafe"
LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+) \[(?P<rule>[a-z-]+)\]$")


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def test_valid_edition_exits_0_with_summary() -> None:
    result = run(SAMPLE)
    assert result.exit_code == 0, result.output
    assert result.output == "2 files checked, valid: 0 errors, 0 warnings\n"


def test_invalid_file_exits_1_one_line_per_problem(tmp_path: Path) -> None:
    edition, (essay,) = rule_edition("note-sequence", "fail", tmp_path)
    result = run(edition)
    assert result.exit_code == 1
    *lines, summary = result.output.splitlines()
    (line,) = lines
    m = LINE.match(line)
    assert m and m["file"] == str(essay) and m["rule"] == "note-sequence" and m["sev"] == "error"
    # line:col is the start tag of the offending <note>
    source_line = essay.read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
    assert source_line[int(m["col"]) - 1:].startswith('<note place="foot" n="3">')
    assert summary == "3 files checked, 1 invalid: 1 error, 0 warnings"


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    edition, _ = rule_edition("register-unreferenced", "fail", tmp_path)
    result = run(edition)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "2 files checked, valid: 0 errors, 1 warning"


def test_malformed_xml_exits_2_with_parser_position() -> None:
    result = run(UNSAFE / "malformed.xml")
    assert result.exit_code == 2
    assert result.output.startswith(f"{UNSAFE / 'malformed.xml'}:4:25: error: Opening and ending tag mismatch: fileDesc line 4 and fileDsc [xml]")


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run(tmp_path / "nope.xml")
    assert result.exit_code == 2
    assert "cannot read file" in result.output


def test_unknown_schema_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--schema", tmp_path / "missing.rng", SAMPLE)
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_json_format(tmp_path: Path) -> None:
    edition, _ = rule_edition("pb-sequence", "fail", tmp_path)
    result = run("--format", "json", edition)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["errors"] == 1 and len(report["files"]) == 3
    (problem,) = report["problems"]
    assert problem["rule"] == "pb-sequence" and problem["severity"] == "error"
    assert set(problem) == {"file", "line", "column", "severity", "message", "rule"}


def test_junit_format(tmp_path: Path) -> None:
    edition, (essay,) = rule_edition("ref-resolves", "fail", tmp_path)
    result = run("--format", "junit", edition)
    assert result.exit_code == 1
    suite = etree.fromstring(result.stdout.encode()).find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    failed = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == [str(essay)]
    assert "[ref-resolves]" in failed[0].find("failure").text


def test_schema_tei_all_validates_any_tei(tei_all: etree.RelaxNG, tmp_path: Path) -> None:
    edition, (essay,) = rule_edition("ref-resolves", "fail", tmp_path)
    # A dangling person reference is valid TEI: tei_all sees no problem, the project rules do.
    assert run("--schema", "tei_all", essay).exit_code == 0
    assert run(essay).exit_code == 1


def test_schema_path(tmp_path: Path) -> None:
    rng = tmp_path / "only-tei.rng"
    rng.write_text('<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    result = run("--schema", rng, SAMPLE / "tei" / "register" / "persons.xml")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith(":3:3: error: element <teiHeader> not allowed in <TEI>; expected nothing [relaxng]")


def test_grammar_messages_say_what_was_expected(tmp_path: Path) -> None:
    essay = tmp_path / "bad.xml"
    text = (SAMPLE / "tei" / "essays" / "sample.xml").read_text(encoding="utf-8")
    essay.write_text(text.replace('<q rend="de">', '<q rend="fett">').replace("<list>", "<list><p>x</p>").replace('<pb n="2"/>', "<pb/>"), encoding="utf-8")
    messages = [p.message for p in validate_files([essay]) if p.rule == "relaxng"]
    assert messages == [
        '<q> @rend="fett" is invalid; expected "de", "guillemets", "guillemets-de", "straight", "single-de", "single-guillemets" or "single-guillemets-de"',
        "<pb> lacks required attribute @n",
        "element <p> not allowed in <list>; expected <item>",
    ]
