"""`edition build` end to end with the real validator, HTML and PDF builders."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner, Result

import edition.build as build_module
from edition.cli import main
from edition.package.verify import verify

Snapshot = Callable[[Path], dict[str, bytes]]

ZIP = "deposit/edition-1.0.0.zip"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Record which PDFs and sites are built (the real builders still run)."""
    seen: dict[str, list[str]] = {"pdf": [], "html": [], "deposit": []}
    pdf_job, site, deposit = build_module._pdf_job, build_module.build_site, build_module.build_deposit

    def spy_pdf(essay: Path, *args):
        seen["pdf"].append(essay.stem)
        return pdf_job(essay, *args)

    def spy_site(*args):
        seen["html"].append("site")
        return site(*args)

    def spy_deposit(*args):
        seen["deposit"].append("zip")
        return deposit(*args)

    # Other work in a shared tree may touch the toolkit between two builds; hold its key still
    # (test_toolkit_key_is_stable covers the real one).
    key = build_module.toolkit_key()
    monkeypatch.setattr(build_module, "toolkit_key", lambda: key)
    monkeypatch.setattr(build_module, "_pdf_job", spy_pdf)
    monkeypatch.setattr(build_module, "build_site", spy_site)
    monkeypatch.setattr(build_module, "build_deposit", spy_deposit)
    return seen


def test_full_build_writes_site_pdfs_and_deposit(build: Callable[..., Result], edition_dir: Path) -> None:
    result = build()
    assert result.exit_code == 0, result.output
    out = edition_dir / "build"
    assert (out / "site" / "index.html").is_file()
    assert (out / "site" / "sample.html").is_file()
    assert sorted(p.name for p in (out / "pdf").iterdir()) == ["sample.pdf", "second.pdf"]
    assert (out / "pdf" / "sample.pdf").read_bytes().startswith(b"%PDF-")
    # The summary says what was built and where.
    assert "2 of 2 built" in result.output and str(out / "site") in result.output.replace("\n", "")
    report = verify(out / ZIP)
    assert report.intact and report.files > 20


def test_deposit_zip_is_a_valid_bag_of_the_real_outputs(build: Callable[..., Result], edition_dir: Path, tmp_path: Path) -> None:
    assert build().exit_code == 0
    with zipfile.ZipFile(edition_dir / "build" / ZIP) as zf:
        zf.extractall(tmp_path / "unzipped")
    bag = bagit.Bag(str(tmp_path / "unzipped" / "edition-1.0.0"))
    assert bag.validate() is True
    data = bag.path + "/data"
    for expected in ("html/tei/texts/second.xml", "html/tei/register/persons.xml", "html/tei/edition.xml", "sources/edition.toml",
                     "html/index.html", "html/second.html", "html/pdf/sample.pdf", "metadata/second.datacite.xml",
                     "metadata/edition.dc.xml", "metadata/premis.xml"):
        assert Path(data, expected).is_file(), expected
    # The deposited PDF is the built one, byte for byte.
    assert Path(data, "html/pdf/sample.pdf").read_bytes() == (edition_dir / "build" / "pdf" / "sample.pdf").read_bytes()


def test_two_builds_give_the_same_bytes(build: Callable[..., Result], edition_dir: Path, tmp_path: Path, snapshot: Snapshot) -> None:
    other = tmp_path / "again"
    shutil.copytree(edition_dir, other)
    assert build().exit_code == 0
    assert build(edition=other).exit_code == 0
    first, second = snapshot(edition_dir / "build"), snapshot(other / "build")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_unchanged_sources_rebuild_nothing(build: Callable[..., Result], edition_dir: Path, calls: dict[str, list[str]]) -> None:
    assert build().exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in (edition_dir / "build").rglob("*")}
    calls["pdf"].clear(), calls["html"].clear(), calls["deposit"].clear()
    result = build()
    assert result.exit_code == 0
    assert "nothing to do" in result.output
    assert calls == {"pdf": [], "html": [], "deposit": []}
    assert {p: p.stat().st_mtime_ns for p in (edition_dir / "build").rglob("*")} == before


def test_changed_essay_rebuilds_only_what_depends_on_it(build: Callable[..., Result], edition_dir: Path, calls: dict[str, list[str]]) -> None:
    assert build().exit_code == 0
    unchanged_pdf = (edition_dir / "build" / "pdf" / "sample.pdf").read_bytes()
    calls["pdf"].clear(), calls["html"].clear(), calls["deposit"].clear()
    second = edition_dir / "tei" / "essays" / "second.xml"
    second.write_text(second.read_text(encoding="utf-8").replace("Kursivem", "Schrägem"), encoding="utf-8")
    result = build()
    assert result.exit_code == 0, result.output
    assert calls == {"pdf": ["second"], "html": ["site"], "deposit": ["zip"]}
    assert "1 of 2 built" in result.output
    assert (edition_dir / "build" / "pdf" / "sample.pdf").read_bytes() == unchanged_pdf


def test_register_change_rebuilds_every_pdf(build: Callable[..., Result], edition_dir: Path, calls: dict[str, list[str]]) -> None:
    assert build().exit_code == 0
    calls["pdf"].clear()
    register = edition_dir / "tei" / "register" / "persons.xml"
    register.write_text(register.read_text(encoding="utf-8").replace("fiktiver Autor", "erfundener Autor"), encoding="utf-8")
    assert build().exit_code == 0
    assert sorted(calls["pdf"]) == ["sample", "second"]


def test_invalid_essay_stops_the_build_and_writes_nothing(build: Callable[..., Result], edition_dir: Path) -> None:
    essay = edition_dir / "tei" / "essays" / "second.xml"
    essay.write_text(essay.read_text(encoding="utf-8").replace("<p>Ein Vorwort", "<p><bogus/>Ein Vorwort"), encoding="utf-8")
    before = sorted(p.name for p in edition_dir.parent.iterdir())
    result = build()
    assert result.exit_code == 1
    assert f"{essay}:51:" in result.output  # file:line:col of the problem
    assert "nothing was built or written" in result.output
    assert not (edition_dir / "build").exists()
    assert sorted(p.name for p in edition_dir.parent.iterdir()) == before  # no temporary folder left behind
    assert sorted(p.name for p in edition_dir.iterdir()) == ["edition.toml", "tei"]


def test_invalid_essay_leaves_the_previous_build_untouched(build: Callable[..., Result], edition_dir: Path, snapshot: Snapshot) -> None:
    assert build().exit_code == 0
    before = snapshot(edition_dir / "build")
    essay = edition_dir / "tei" / "essays" / "sample.xml"
    essay.write_text(essay.read_text(encoding="utf-8").replace("<head>Vorwort</head>", "<head/>"), encoding="utf-8")
    assert build().exit_code == 1
    assert snapshot(edition_dir / "build") == before


def test_failing_step_leaves_no_half_written_output(build: Callable[..., Result], edition_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_site(plan, site_dir: Path, *args) -> None:
        site_dir.mkdir()
        (site_dir / "index.html").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "build_site", broken_site)
    result = build()
    assert result.exit_code == 1
    assert "disk full" in result.output and "Traceback" not in result.output
    assert not (edition_dir / "build").exists()  # not even the PDFs that were complete
    assert [p.name for p in edition_dir.parent.iterdir() if p.name.startswith(".")] == []


def test_html_and_pdf_subcommands_build_one_output(build: Callable[..., Result], edition_dir: Path) -> None:
    assert build("pdf").exit_code == 0
    assert sorted(p.name for p in (edition_dir / "build").iterdir()) == [".build-manifest.json", "pdf"]
    assert build("html").exit_code == 0
    assert (edition_dir / "build" / "site" / "pdf" / "sample.pdf").is_file()  # the site links the PDFs present
    assert not (edition_dir / "build" / "deposit").exists()
    # The full build then only adds the deposit.
    result = build()
    assert "nothing to do" not in result.output
    assert "0 of 2 built" in result.output and (edition_dir / "build" / ZIP).is_file()


def test_parallel_pdfs_match_serial_ones(build: Callable[..., Result], edition_dir: Path, tmp_path: Path, snapshot: Snapshot) -> None:
    other = tmp_path / "serial"
    shutil.copytree(edition_dir, other)
    assert build("--jobs", "2", "pdf").exit_code == 0
    assert build("pdf", edition=other).exit_code == 0
    assert snapshot(edition_dir / "build" / "pdf") == snapshot(other / "build" / "pdf")


def test_removed_essay_loses_its_pdf(build: Callable[..., Result], edition_dir: Path) -> None:
    assert build().exit_code == 0
    (edition_dir / "tei" / "essays" / "second.xml").unlink()
    assert build().exit_code == 0
    assert sorted(p.name for p in (edition_dir / "build" / "pdf").iterdir()) == ["sample.pdf"]
    assert not (edition_dir / "build" / "site" / "second.html").exists()


def test_out_option_and_deposit_command(edition_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    result = CliRunner().invoke(main, ["deposit", str(edition_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert verify(out / ZIP).intact
    assert not (edition_dir / "build").exists()


def test_broken_edition_toml_is_reported_with_its_line(build: Callable[..., Result], edition_dir: Path) -> None:
    config = edition_dir / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('date = 2026-11-22', 'date = "22.11.2026"'), encoding="utf-8")
    result = build()
    assert result.exit_code == 2
    assert f"{config}:7:1: error: edition.date:" in result.output and "Traceback" not in result.output
    assert not (edition_dir / "build").exists()


def test_folder_without_edition_toml_is_named(build: Callable[..., Result], edition_dir: Path) -> None:
    (edition_dir / "edition.toml").unlink()
    result = build()
    assert result.exit_code == 2
    assert f"{edition_dir}: error: no edition.toml here" in result.output


def test_toolkit_change_rebuilds_everything(build: Callable[..., Result], edition_dir: Path, calls: dict[str, list[str]],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert build().exit_code == 0
    calls["pdf"].clear(), calls["html"].clear(), calls["deposit"].clear()
    key = build_module.toolkit_key()
    monkeypatch.setattr(build_module, "toolkit_key", lambda: key + "-changed stylesheet")  # as if a stylesheet changed
    assert build().exit_code == 0
    assert calls == {"pdf": ["sample", "second"], "html": ["site"], "deposit": ["zip"]}


def test_deleted_output_is_rebuilt(build: Callable[..., Result], edition_dir: Path, calls: dict[str, list[str]]) -> None:
    assert build().exit_code == 0
    calls["pdf"].clear(), calls["html"].clear(), calls["deposit"].clear()
    (edition_dir / "build" / ZIP).unlink()
    assert build().exit_code == 0
    assert calls == {"pdf": [], "html": [], "deposit": ["zip"]}
    assert verify(edition_dir / "build" / ZIP).intact


def test_toolkit_key_is_stable() -> None:
    assert build_module.toolkit_key() == build_module.toolkit_key()
