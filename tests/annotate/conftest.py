"""Helpers for the annotate tests: a tiny essay around a body snippet, and the fixture register."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.annotate import register as R
from edition.annotate.names import compile_forms
from edition.annotate.tagger import Result, annotate
from edition.xmlio import parse_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "annotate"
REGISTER = FIXTURES / "register" / "persons.xml"


def essay(body: str, *, julian: bool = False) -> bytes:
    cal = (
        '<profileDesc><calendarDesc><calendar xml:id="t-julian"><p>Julianisch</p></calendar></calendarDesc></profileDesc>'
        if julian
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t"><teiHeader><fileDesc><titleStmt><title>Lenin 1917</title>'
        "</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>"
        f"{cal}</teiHeader><text><body>{body}</body></text></TEI>\n"
    ).encode()


@pytest.fixture(scope="session")
def register() -> R.Register:
    return R.load(REGISTER)


@pytest.fixture(scope="session")
def run(register):
    matcher = compile_forms(register.forms)

    def _run(body: str, *, julian: bool = False) -> tuple[str, Result]:
        tree = parse_bytes(essay(body, julian=julian))
        result = annotate(tree, register, matcher)
        inner = tree.getroot().find("{http://www.tei-c.org/ns/1.0}text/{http://www.tei-c.org/ns/1.0}body")
        xml = etree.tostring(inner, encoding="unicode")
        return xml.split(">", 1)[1].rsplit("</body>", 1)[0].replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""), result

    return _run
