"""Hostile XML is refused before anything is loaded or expanded."""

from __future__ import annotations

from edition.validate import validate_files

from validate_support import FIXTURES

UNSAFE = FIXTURES / "validate" / "unsafe"


def test_external_entity_is_refused_unread() -> None:
    (problem,) = validate_files([UNSAFE / "xxe.xml"])
    assert (problem.line, problem.column, problem.rule, problem.severity) == (3, 3, "xml", "error")
    assert "entity declarations are not allowed" in problem.message
    assert problem.unreadable
    assert "root:" not in str(problem)  # nothing of /etc/passwd


def test_billion_laughs_is_refused_unexpanded() -> None:
    (problem,) = validate_files([UNSAFE / "billion-laughs.xml"])
    assert (problem.line, problem.rule) == (3, "xml")
    assert "refusing to load or expand" in problem.message
    assert "lol" not in problem.message
