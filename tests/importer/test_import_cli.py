"""`edition import SOURCE [-o OUT] [--meta META.toml]`: any output name, metadata guessed from the
text when there is none (and said so), pdftotext's form feeds read as page breaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.importer.source import SourceError, parse_source
from edition.xmlio import NS, parse

FIX = Path(__file__).parents[1] / "fixtures" / "importer"
#: pdftotext's habit: every page ends with a form feed; a running head and a page number on page 2.
PDFTOTEXT = (
    "Ein kurzer Versuch\n\nvon Erika Muster\n\n"
    "Der erste Absatz beginnt hier und er läuft über die ganze Breite der gedruckten Seite,\n"
    "so wie es sich gehört, und dann folgt eine Zeile mit einer Trennung im Wort Arbeiterpoli-\n"
    "tik1 und dem Rest des Satzes, der weiter und weiter geht bis an das Ende der Zeile dort.\n"
    "\n1 Eine Fußnote mit ihrer Nummer am Fuß der ersten Seite.\n"
    "\fErika Muster\n"
    "Zweiter Abschnitt\n\n"
    "Hier endet der Text auf der zweiten Seite mit einem ganzen Satz, der nichts weiter will.\n"
    "2\n\f"
)


def _import(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["import", *args], env=env or {"SOURCE_DATE_EPOCH": "1767225600"})


def test_without_metadata_title_author_and_id_are_guessed_and_reported(tmp_path: Path) -> None:
    src = tmp_path / "probe.txt"
    src.write_text(PDFTOTEXT, encoding="utf-8")
    out = tmp_path / "drafts" / "Mein Entwurf.xml"
    res = _import(tmp_path, str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "guessed: title from the first lines of the text: 'Ein kurzer Versuch'" in res.output
    assert "guessed: author from the byline: 'Erika Muster'" in res.output
    assert "guessed: id from the output name: mein-entwurf" in res.output
    assert "guessed: revision date 2026-01-01 (SOURCE_DATE_EPOCH)" in res.output
    tei = parse(out).getroot()
    assert tei.findtext(".//tei:titleStmt/tei:title", namespaces=NS) == "Ein kurzer Versuch"
    assert tei.findtext(".//tei:titleStmt/tei:author/tei:persName", namespaces=NS) == "Erika Muster"
    assert tei.findtext(".//tei:idno[@type='essay']", namespaces=NS) == "mein-entwurf"
    assert tei.find(".//tei:revisionDesc/tei:change", NS).get("when") == "2026-01-01"
    # The form feeds are the page breaks; the running head and the printed number are furniture.
    assert [pb.get("n") for pb in tei.iterfind(".//tei:text//tei:pb", NS)] == ["1", "2"]
    body = "".join(tei.find(".//tei:body", NS).itertext())
    assert "Erika Muster" not in body and "Arbeiterpolitik" in body
    assert tei.findtext(".//tei:note[@n='1']", namespaces=NS) == "Eine Fußnote mit ihrer Nummer am Fuß der ersten Seite."
    assert [h.text for h in tei.iterfind(".//tei:head", NS)] == ["Zweiter Abschnitt"]
    assert "line 14: 2 read as the printed page number" in res.output
    assert "lines 10: 1 running heads/feet dropped (erika muster)" in res.output
    res = CliRunner().invoke(main, ["validate", str(out)])
    assert res.exit_code == 0, res.output


def test_output_defaults_to_the_source_name_and_is_deterministic(tmp_path: Path) -> None:
    src = tmp_path / "probe.txt"
    src.write_text(PDFTOTEXT, encoding="utf-8")
    assert _import(tmp_path, str(src)).exit_code == 0
    first = (tmp_path / "probe.xml").read_bytes()
    assert _import(tmp_path, str(src)).exit_code == 0
    assert (tmp_path / "probe.xml").read_bytes() == first


def test_metadata_beside_the_source_is_used_and_any_output_name_is_fine(tmp_path: Path) -> None:
    src = tmp_path / "mini.txt"
    src.write_bytes((FIX / "mini-double.txt").read_bytes())
    (tmp_path / "mini.toml").write_bytes((FIX / "mini.toml").read_bytes())
    out = tmp_path / "anders.xml"
    res = _import(tmp_path, str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "guessed" not in res.output
    assert parse(out).getroot().findtext(".//tei:idno[@type='essay']", namespaces=NS) == "mini"


def test_form_feeds_are_page_breaks_other_controls_are_refused() -> None:
    src = parse_source(b"eins\nzwei\n\fdrei\nvier\f\nf\xc3\xbcnf\n\f", "x.txt")
    assert src.lines == ["eins", "zwei", "drei", "vier", "fünf"] and sorted(src.breaks) == [2, 4]
    with pytest.raises(SourceError, match=r"x.txt:2:2: error: control character U\+000D"):
        parse_source(b"eins\nz\rwei\n", "x.txt")
