"""The Schematron → XSLT compiler on small schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.validate import schematron
from edition.xslt import XsltError, to_xdm

SCH = """<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <sch:ns prefix="t" uri="urn:t"/>
  <sch:let name="limit" value="2"/>
  <sch:pattern>
    <sch:rule context="t:item[@special]"><sch:report id="special" role="warning" test="true()">special <sch:name/></sch:report></sch:rule>
    <sch:rule context="t:item"><sch:assert id="small" test="xs:integer(@n) le $limit" xmlns:xs="http://www.w3.org/2001/XMLSchema">n=<sch:value-of select="@n"/> exceeds <sch:value-of select="$limit"/></sch:assert></sch:rule>
  </sch:pattern>
  {extra}
</sch:schema>"""


def schema(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "s.sch"
    path.write_text(SCH.replace("{extra}", extra), encoding="utf-8")
    return path


def test_first_matching_rule_fires_with_roles_ids_and_paths(tmp_path: Path) -> None:
    doc = etree.fromstring(b'<list xmlns="urn:t"><item n="1"/><item n="3"/><item n="9" special="1"/></list>')
    findings = schematron.run(schema(tmp_path), to_xdm(doc), "doc.xml", None)
    assert findings == [
        schematron.Finding("small", "error", "1/2", "n=3 exceeds 2"),
        # The third item matches the first rule only: one rule per node and pattern.
        schematron.Finding("special", "warning", "1/3", "special item"),
    ]


def test_unsupported_constructs_stop_compilation(tmp_path: Path) -> None:
    with pytest.raises(XsltError, match="sch:phase"):
        schematron.compile_to_xslt(schema(tmp_path, '<sch:phase id="p"/>'))


def test_compilation_is_deterministic(tmp_path: Path) -> None:
    path = schema(tmp_path)
    assert schematron.compile_to_xslt(path) == schematron.compile_to_xslt(path)
