"""A validation problem and the report formats (text, JSON, JUnit XML)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

from lxml import etree

Severity = Literal["error", "warning"]

#: Rule ids of problems that mean "this input could not be read or checked at all" (exit code 2).
UNREADABLE_RULES = frozenset({"io", "xml", "rules"})


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"

    @property
    def unreadable(self) -> bool:
        return self.rule in UNREADABLE_RULES


def summary(problems: list[Problem], file_count: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    bad_files = len({p.file for p in problems if p.severity == "error"})
    verdict = "valid" if errors == 0 else f"{bad_files} invalid"
    return (
        f"{file_count} file{'s' if file_count != 1 else ''} checked, {verdict}: "
        f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    )


def as_text(problems: list[Problem], file_count: int) -> str:
    return "".join(f"{p}\n" for p in problems) + summary(problems, file_count) + "\n"


def as_json(problems: list[Problem], files: list[str]) -> str:
    report = {
        "files": files,
        "valid": not any(p.severity == "error" for p in problems),
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
        "problems": [asdict(p) for p in problems],
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def as_junit(problems: list[Problem], files: list[str]) -> str:
    """One test case per file; its errors are failures, its warnings go to system-out."""
    suite = etree.Element(
        "testsuite",
        name="edition validate",
        tests=str(len(files)),
        failures=str(len({p.file for p in problems if p.severity == "error"})),
        errors="0",
        skipped="0",
    )
    for name in files:
        case = etree.SubElement(suite, "testcase", classname="edition.validate", name=name)
        own = [p for p in problems if p.file == name]
        errors = [p for p in own if p.severity == "error"]
        warnings = [p for p in own if p.severity == "warning"]
        if errors:
            failure = etree.SubElement(case, "failure", type="invalid", message=f"{len(errors)} error(s): {errors[0].message}")
            failure.text = "\n".join(map(str, errors))
        if warnings:
            etree.SubElement(case, "system-out").text = "\n".join(map(str, warnings))
    suites = etree.Element("testsuites")
    suites.append(suite)
    return etree.tostring(suites, encoding="unicode", pretty_print=True, doctype='<?xml version="1.0" encoding="UTF-8"?>')
