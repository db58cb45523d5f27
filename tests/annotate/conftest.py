"""Helpers for the annotate tests: a tiny essay around a body snippet, and the fixture register."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.annotate import register as R
from edition.annotate.names import compile_forms
from edition.annotate.tagger import Policy, Result, annotate
from edition.xmlio import parse_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "annotate"
REGISTER = FIXTURES / "register" / "persons.xml"


def essay(body: str, *, julian: bool = False, switch: str | None = "1918-02-14", lang: str = "") -> bytes:
    """A text around ``body``; ``julian``: its header declares the Julian calendar, with ``switch`` as the importer writes it."""
    when = f'; gregorianisch ab <date when="{switch}">{switch}</date>' if switch else ""
    cal = (
        f'<profileDesc><calendarDesc><calendar xml:id="t-julian"><p>Julianisch{when}</p></calendar></calendarDesc></profileDesc>'
        if julian
        else ""
    )
    xml_lang = f' xml:lang="{lang}"' if lang else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t"{xml_lang}><teiHeader><fileDesc><titleStmt><title>Lenin 1917</title>'
        "</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>"
        f"{cal}</teiHeader><text><body>{body}</body></text></TEI>\n"
    ).encode()


@pytest.fixture(scope="session")
def register() -> R.Register:
    return R.load(REGISTER)


@pytest.fixture(scope="session")
def run(register):
    matcher = compile_forms(register.forms)

    def _run(body: str, *, policy: Policy = Policy(), **header) -> tuple[str, Result]:
        tree = parse_bytes(essay(body, **header))
        result = annotate(tree, register, matcher, policy)
        inner = tree.getroot().find("{http://www.tei-c.org/ns/1.0}text/{http://www.tei-c.org/ns/1.0}body")
        xml = etree.tostring(inner, encoding="unicode")
        return xml.split(">", 1)[1].rsplit("</body>", 1)[0].replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""), result

    return _run
