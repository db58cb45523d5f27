"""`edition new`, `edition add`, `edition build DIR`: an edition anywhere, from nothing but its texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from edition import config as C
from edition.cli import main
from edition.core import read_edition
from edition.package.verify import verify
from edition.paths import ROOT

BRIEF = ROOT / "tests" / "fixtures" / "plain" / "brief.xml"


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args), catch_exceptions=False)


def test_new_makes_a_complete_skeleton(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    folder = tmp_path / "myed"
    result = run("new", str(folder), "--title", "Briefe an Freunde", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "README.md", "edition.toml", "register", "register/persons.xml", "texts",
    ]
    cfg = C.load(folder / "edition.toml")
    assert (cfg.id, cfg.title, cfg.interface, cfg.profile) == ("briefe-an-freunde", "Briefe an Freunde", "en", "tei")
    assert cfg.calendar == C.Calendar(julian=False, switch="") and cfg.base_url == ""
    assert cfg.date == "2025-12-01"


def test_new_refuses_a_folder_with_content(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "note.txt").write_text("mine", encoding="utf-8")
    result = run("new", str(tmp_path / "x"))
    assert result.exit_code == 1 and "not empty" in result.output
    assert (tmp_path / "x" / "note.txt").read_text(encoding="utf-8") == "mine"


def test_add_copies_tei_and_names_what_it_refuses(tmp_path: Path) -> None:
    folder = tmp_path / "myed"
    run("new", str(folder))
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text("<html/>", encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(folder), str(BRIEF), str(broken), str(other)])
    assert result.exit_code == 1
    assert (folder / "texts" / "brief.xml").read_bytes() == BRIEF.read_bytes()
    assert f"{broken}:1:" in result.output and f"{other}:1:1: error: not a TEI document" in result.output
    assert sorted(p.name for p in (folder / "texts").iterdir()) == ["brief.xml"]


def test_add_outside_an_edition_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["add", str(tmp_path), str(BRIEF)])
    assert result.exit_code == 1 and "no edition.toml here" in result.output


@pytest.mark.slow
def test_new_add_build_gives_site_pdf_and_intact_deposit(tmp_path: Path) -> None:
    folder = tmp_path / "myed"
    assert run("new", str(folder), "--title", "Briefe").exit_code == 0
    assert run("add", str(folder), str(BRIEF)).exit_code == 0
    result = run("build", str(folder))
    assert result.exit_code == 0, result.output
    build = folder / "build"
    assert (build / "site" / "brief.html").is_file() and (build / "pdf" / "brief.pdf").is_file()
    page = (build / "site" / "brief.html").read_text(encoding="utf-8")
    assert "die Straßen sind voller Menschen." in page
    edition = read_edition(folder)
    report = verify(build / "deposit" / f"{edition.deposit_name}.zip")
    assert report.intact
    # The only file made by hand is the text: the rest came from `edition new`.
    assert sorted(p.relative_to(folder).as_posix() for p in folder.iterdir() if p.name != "build") == [
        "README.md", "edition.toml", "register", "texts",
    ]
    assert "example.org" not in page


def test_commands_default_to_the_edition_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "myed"
    run("new", str(folder))
    run("add", str(folder), str(BRIEF))
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "2 files checked, valid" in result.output or "checked, valid" in result.output


@pytest.mark.slow
def test_invalid_text_stops_the_build_unless_allowed(tmp_path: Path) -> None:
    folder = tmp_path / "myed"
    run("new", str(folder))
    text = BRIEF.read_text(encoding="utf-8").replace("<p>die Straßen", "<p><bogus/>die Straßen")
    (folder / "texts" / "brief.xml").write_text(text, encoding="utf-8")
    line = text[: text.index("<bogus/>")].count("\n") + 1
    stopped = run("build", str(folder))
    assert stopped.exit_code == 1
    assert f"{folder / 'texts' / 'brief.xml'}:{line}:" in stopped.output and "<bogus>" in stopped.output
    assert not (folder / "build").exists()
    allowed = run("build", "--allow-invalid", str(folder))
    assert allowed.exit_code == 0, allowed.output
    assert f"{folder / 'texts' / 'brief.xml'}:{line}:" in allowed.output and "--allow-invalid" in allowed.output
    assert "die Straßen" in (folder / "build" / "site" / "brief.html").read_text(encoding="utf-8")
    # Published past its errors, the edition is revalidated by the next build without the flag.
    assert run("build", str(folder)).exit_code == 1


REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register"><teiHeader><fileDesc>
<titleStmt><title>Personen</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>
</fileDesc></teiHeader><text><body><listPerson><person xml:id="anna-beispiel">
<persName type="reg"><surname>Beispiel</surname>, <forename>Anna</forename></persName></person></listPerson></body></text></TEI>
"""


@pytest.mark.slow
def test_register_prefix_comes_from_edition_toml(tmp_path: Path) -> None:
    folder = tmp_path / "myed"
    run("new", str(folder))
    config = folder / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('prefix = "psn"', 'prefix = "per"'), encoding="utf-8")
    (folder / "register" / "persons.xml").write_text(REGISTER, encoding="utf-8")
    text = BRIEF.read_text(encoding="utf-8").replace("<signed>Anna</signed>", '<signed><persName ref="per:anna-beispiel">Anna</persName></signed>')
    (folder / "texts" / "brief.xml").write_text(text, encoding="utf-8")
    result = run("build", str(folder))
    assert result.exit_code == 0, result.output
    register = (folder / "build" / "site" / "register.html").read_text(encoding="utf-8")
    assert "Beispiel" in register and "brief.html" in register
    pdf = folder / "build" / "pdf" / "brief.pdf"
    import subprocess
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Beispiel, Anna" in words
    # A reference with another prefix is not into this register: validation names it.
    (folder / "texts" / "brief.xml").write_text(text.replace('ref="per:anna-beispiel"', 'ref="per:niemand"'), encoding="utf-8")
    stopped = run("build", str(folder))
    assert stopped.exit_code == 1 and "per:niemand" in stopped.output


@pytest.mark.slow
def test_edition_odd_overrides_a_model_in_both_outputs(tmp_path: Path) -> None:
    """[model] odd in edition.toml: the edition's elementSpec replaces the toolkit's, in HTML and PDF alike."""
    folder = tmp_path / "myed"
    run("new", str(folder))
    run("add", str(folder), str(BRIEF))
    (folder / "model.odd").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><schemaSpec ident="mine">'
        '<elementSpec ident="salute" mode="change"><model behaviour="omit"/></elementSpec>'
        # p has the toolkit's own templates in both outputs: the edition's model wins over them
        '<elementSpec ident="p" mode="change"><model behaviour="block"><param name="content" value="\'Neu: \', node()"/>'
        "</model></elementSpec></schemaSpec></body></text></TEI>", encoding="utf-8")
    config = folder / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[model]\nodd = "model.odd"\n', encoding="utf-8")
    result = run("build", str(folder))
    assert result.exit_code == 0, result.output
    page = (folder / "build" / "site" / "brief.html").read_text(encoding="utf-8")
    import subprocess
    pdf = subprocess.run(["pdftotext", str(folder / "build" / "pdf" / "brief.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    for output in (page, pdf):
        assert "die Straßen sind voller Menschen." in output
        assert "Lieber Freund" not in output  # the salute, omitted by the edition's model
        assert "Neu: " in output  # the paragraph, shown by the edition's model


def test_missing_edition_odd_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "myed"
    run("new", str(folder))
    config = folder / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[model]\nodd = "gone.odd"\n', encoding="utf-8")
    with pytest.raises(C.ConfigError, match=r"model\.odd: 'gone\.odd': no such file"):
        C.load(config)
