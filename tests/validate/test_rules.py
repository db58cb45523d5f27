"""Each Schematron rule has a passing and a failing fixture edition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.validate import edition_files, validate_files
from edition.validate.run import PROJECT_SCH

from validate_support import RULES, rule_edition

RULE_IDS = sorted(set(re.findall(r'<sch:assert id="([^"]+)"', PROJECT_SCH.read_text(encoding="utf-8"))))


def test_every_rule_has_both_fixtures() -> None:
    assert RULE_IDS == sorted(p.name for p in RULES.iterdir() if p.is_dir())
    for rule in RULE_IDS:
        assert (RULES / rule / "pass").is_dir() and (RULES / rule / "fail").is_dir()


@pytest.mark.parametrize("rule", RULE_IDS)
def test_failing_fixture_breaks_its_rule(rule: str, tmp_path: Path) -> None:
    edition, overlay = rule_edition(rule, "fail", tmp_path)
    problems = validate_files(edition_files(edition))
    rules = {p.rule for p in problems}
    assert rule in rules, problems
    # The grammar accepts these files: only the Schematron sees the mistake.
    assert "relaxng" not in rules, problems
    hit = next(p for p in problems if p.rule == rule)
    assert Path(hit.file) in overlay
    assert hit.line > 1 and hit.column >= 1
    expected = "warning" if rule == "register-unreferenced" else "error"
    assert hit.severity == expected


@pytest.mark.parametrize("rule", RULE_IDS)
def test_passing_fixture_is_clean(rule: str, tmp_path: Path) -> None:
    edition, _ = rule_edition(rule, "pass", tmp_path)
    assert validate_files(edition_files(edition)) == []


def test_unreferenced_entry_is_only_a_warning(tmp_path: Path) -> None:
    edition, _ = rule_edition("register-unreferenced", "fail", tmp_path)
    (problem,) = validate_files(edition_files(edition))
    assert problem.file.endswith("register/persons.xml")
    assert 'register entry "nemo-niemand" is referenced by no essay' in problem.message


def test_julian_mismatch_names_the_right_gregorian_day(tmp_path: Path) -> None:
    edition, _ = rule_edition("date-julian-gregorian", "fail", tmp_path)
    (problem,) = validate_files(edition_files(edition))
    assert '"1917-10-25" is Gregorian 1917-11-07, not @when "1917-11-08"' in problem.message


def test_clash_names_the_other_file(tmp_path: Path) -> None:
    edition, _ = rule_edition("id-unique", "fail", tmp_path)
    essay, register = sorted(validate_files(edition_files(edition)), key=lambda p: "register" in p.file)
    assert essay.message == 'xml:id "muster-max" is not unique in the edition (also in tei/register/persons.xml)'
    assert register.message == 'xml:id "muster-max" is not unique in the edition (also in tei/essays/muster.xml)'
