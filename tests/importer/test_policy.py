"""`edition import` takes its policy from the metadata and from the edition the draft lands in:
calendar declaration only for Julian-dated texts, register prefix and path from edition.toml."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from edition.cli import main
from edition.xmlio import NS, parse

FIX = Path(__file__).parents[1] / "fixtures" / "importer"
SOURCE = FIX / "mini-double.txt"
EDITION = """[edition]
id = "probe"
title = "Probe"
date = 2026-11-22
publisher = "Ich"
"""
JULIAN = '\n[calendar]\njulian = true\nswitch = "1918-02-14"\nnote = "Julianischer Kalender (in Russland)"\n'


def _meta(tmp_path: Path, extra: str = "") -> Path:
    meta = tmp_path / "mini.toml"
    text = (FIX / "mini.toml").read_text(encoding="utf-8").replace('author = "Erika Muster"', 'author = "Erika Muster"\nauthor_ref = "muster-erika"')
    meta.write_text(text.replace("\n[[change]]", extra + "\n[[change]]"), encoding="utf-8")
    return meta


def _import(meta: Path, out: Path):
    return CliRunner().invoke(main, ["import", str(SOURCE), "--meta", str(meta), "-o", str(out)])


def _calendars(out: Path) -> list:
    return parse(out).getroot().findall(".//tei:profileDesc/tei:calendarDesc/tei:calendar", NS)


def test_no_calendar_declared_unless_asked(tmp_path: Path) -> None:
    out = tmp_path / "mini.xml"
    assert _import(_meta(tmp_path), out).exit_code == 0
    assert _calendars(out) == []
    root = parse(out).getroot()
    assert root.find(".//tei:author/tei:persName", NS).get("ref") == "psn:muster-erika"
    prefix = root.find(".//tei:prefixDef", NS)
    assert (prefix.get("ident"), prefix.get("replacementPattern")) == ("psn", "../register/persons.xml#$1")


def test_julian_text_declares_its_calendar_with_the_switch(tmp_path: Path) -> None:
    out = tmp_path / "mini.xml"
    assert _import(_meta(tmp_path, JULIAN), out).exit_code == 0
    [calendar] = _calendars(out)
    assert calendar.get("{http://www.w3.org/XML/1998/namespace}id") == "mini-julian"
    assert "".join(calendar.find("tei:p", NS).itertext()) == "Julianischer Kalender (in Russland); gregorianisch ab 1918-02-14."
    assert calendar.find("tei:p/tei:date", NS).get("when") == "1918-02-14"
    res = CliRunner().invoke(main, ["validate", str(out)])
    assert res.exit_code == 0, res.output


def test_julian_without_switch_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "mini.xml"
    res = _import(_meta(tmp_path, "\n[calendar]\njulian = true\n"), out)
    assert res.exit_code == 2 and "calendar.switch" in res.output and not out.exists()


def test_the_edition_gives_prefix_register_and_calendar(tmp_path: Path) -> None:
    (tmp_path / "edition.toml").write_text(
        EDITION + '\n[calendar]\ndefault = "julian"\nswitch = "1918-02-14"\n'
        '\n[register]\npersons = "personen/register.xml"\nprefix = "per"\n',
        encoding="utf-8",
    )
    out = tmp_path / "texts" / "mini.xml"
    res = _import(_meta(tmp_path), out)
    assert res.exit_code == 0, res.output
    root = parse(out).getroot()
    assert root.find(".//tei:author/tei:persName", NS).get("ref") == "per:muster-erika"
    prefix = root.find(".//tei:prefixDef", NS)
    assert (prefix.get("ident"), prefix.get("replacementPattern")) == ("per", "../personen/register.xml#$1")
    [calendar] = _calendars(out)
    assert calendar.find("tei:p/tei:date", NS).get("when") == "1918-02-14"


def test_a_text_can_opt_out_of_its_editions_julian_calendar(tmp_path: Path) -> None:
    (tmp_path / "edition.toml").write_text(EDITION + '\n[calendar]\ndefault = "julian"\nswitch = "1918-02-14"\n', encoding="utf-8")
    out = tmp_path / "texts" / "mini.xml"
    assert _import(_meta(tmp_path, "\n[calendar]\njulian = false\n"), out).exit_code == 0
    assert _calendars(out) == []


def test_an_edition_without_register_gets_no_references(tmp_path: Path) -> None:
    (tmp_path / "edition.toml").write_text(EDITION, encoding="utf-8")
    out = tmp_path / "texts" / "mini.xml"
    assert _import(_meta(tmp_path), out).exit_code == 0
    root = parse(out).getroot()
    assert root.find(".//tei:author/tei:persName", NS).get("ref") is None
    assert root.find(".//tei:listPrefixDef", NS) is None


def test_a_bad_edition_toml_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "edition.toml").write_text(EDITION + '\n[calendar]\ndefault = "julian"\n', encoding="utf-8")
    res = _import(_meta(tmp_path), tmp_path / "texts" / "mini.xml")
    assert res.exit_code == 2 and f"{tmp_path / 'edition.toml'}:" in res.output and "switch" in res.output


def test_imported_julian_text_is_annotated_with_its_own_switch(tmp_path: Path) -> None:
    """Round trip outside any edition: the switch travels in the calendar declaration."""
    out = tmp_path / "essays" / "mini.xml"
    assert _import(_meta(tmp_path, JULIAN), out).exit_code == 0
    register = tmp_path / "register" / "persons.xml"
    register.parent.mkdir()
    register.write_bytes((Path(__file__).parents[1] / "fixtures" / "annotate" / "register" / "persons.xml").read_bytes())
    res = CliRunner().invoke(main, ["annotate", str(out)])
    assert res.exit_code == 0, res.output
    xml = out.read_text(encoding="utf-8")
    # "im Jahr 1917 … am 3.Juli": a Julian day before the switch
    assert 'datingMethod="#mini-julian" when-custom="1917-07-03" when="1917-07-16" cert="medium">3.Juli</date>' in xml
