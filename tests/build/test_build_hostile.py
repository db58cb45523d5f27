"""`edition build` on damaged input and after a killed build: located stops, nothing written, no leftovers."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import edition.build as build_module
from edition.core import Edition
from edition.package.verify import verify
from edition.xslt import XsltError

ZIP = "deposit/edition-1.0.0.zip"
#: Every line the build prints on a stop is located or says what happened.
STOP_LINE = re.compile(r"^(?:\S+?: (?:error|warning): .+|build stopped: .+|nothing was written to .+|… and \d+ more .+)$")


def damage(essay: Path, old: str, new: str) -> None:
    text = essay.read_text(encoding="utf-8")
    assert old in text
    essay.write_text(text.replace(old, new, 1), encoding="utf-8")


def temp_folders(edition_dir: Path) -> list[Path]:
    return sorted(edition_dir.glob(".build-tmp-*"))


def assert_located_stop(result: Result, essay: Path, edition_dir: Path) -> None:
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines and all(STOP_LINE.match(line) for line in lines), result.output
    assert re.search(rf"^{re.escape(str(essay))}(?::\d+:\d+)?: error: ", result.output, re.M), result.output
    # Only the damaged file is blamed, not the others validated beside it.
    others = [p for p in (edition_dir / "tei").rglob("*.xml") if p != essay]
    assert not any(f"{p}:" in result.output for p in others), result.output
    assert not (edition_dir / "build").exists()
    assert temp_folders(edition_dir) == []


DAMAGE = {
    "duplicated sourceDesc": ("</sourceDesc>", "</sourceDesc><sourceDesc><p>Noch eine Quelle.</p></sourceDesc>"),
    "nesting deeper than 100": ("</body>", "<div>" * 150 + "<p>tief</p>" + "</div>" * 150 + "</body>"),
    "element name outside ASCII": ("</body>", "<p><zürich>Ort</zürich></p></body>"),
    "not well-formed": ("</body>", "<p>offen</body>"),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_damaged_essay_stops_with_a_located_line(build: Callable[..., Result], edition_dir: Path, case: str) -> None:
    essay = edition_dir / "tei" / "essays" / "second.xml"
    damage(essay, *DAMAGE[case])
    assert_located_stop(build(), essay, edition_dir)


def test_unreachable_dtd_is_never_loaded_and_the_build_goes_on(build: Callable[..., Result], edition_dir: Path) -> None:
    """A DOCTYPE naming a DTD nobody can reach changes nothing: no parser ever loads it."""
    essay = edition_dir / "tei" / "essays" / "second.xml"
    damage(essay, "<TEI ", '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n<TEI ')
    result = build()
    assert result.exit_code == 0, result.output
    assert (edition_dir / "build" / "pdf" / "second.pdf").is_file()


def test_validator_failure_names_the_file_it_was_reading(build: Callable[..., Result], edition_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import edition.validate.run as validate_run

    essay = edition_dir / "tei" / "essays" / "second.xml"
    real = validate_run.validate_file

    def failing(path, *args):
        if Path(path).name == essay.name:
            raise RuntimeError("engine gave up\n  at some internal place")
        return real(path, *args)

    monkeypatch.setattr(validate_run, "validate_file", failing)
    result = build()
    assert_located_stop(result, essay, edition_dir)
    assert f"{essay}: error: engine gave up at some internal place" in result.output


def test_pdf_step_failure_names_the_essay(build: Callable[..., Result], edition_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import edition.transform.pdf as pdf

    essay = edition_dir / "tei" / "essays" / "second.xml"

    def failing(source: Path, edition: Path, out_pdf: Path):
        if source.name == essay.name:
            raise XsltError("/toolkit/xslt/pdf/essay.xsl: XTDE0640 circularity")
        out_pdf.write_bytes(b"%PDF-1.7 stand-in")
        return []

    monkeypatch.setattr(pdf, "build_pdf", failing)
    result = build()
    assert_located_stop(result, essay, edition_dir)
    assert f"{essay}: error: /toolkit/xslt/pdf/essay.xsl: XTDE0640 circularity" in result.output


def test_html_step_failure_names_the_edition(build: Callable[..., Result], edition_dir: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import edition.transform.html as html

    def failing(*args) -> None:
        raise html.HtmlBuildError("pagefind failed")

    monkeypatch.setattr(html, "write_site", failing)
    result = build()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{edition_dir}: error: pagefind failed" in result.output
    assert not (edition_dir / "build").exists() and temp_folders(edition_dir) == []


@pytest.mark.parametrize("returned", [None, ["/x/second.xml:7: warning: no font has U+1F600; shown as U+FFFD"]])
def test_pdf_warnings_are_printed_and_the_build_goes_on(build: Callable[..., Result], edition_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch, returned: list[str] | None) -> None:
    import edition.transform.pdf as pdf

    real = pdf.build_pdf

    def with_warnings(*args):
        real(*args)
        return returned

    monkeypatch.setattr(pdf, "build_pdf", with_warnings)
    result = build()
    assert result.exit_code == 0, result.output
    assert result.output.count("warning: no font has U+1F600") == (2 if returned else 0)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from edition.cli import main; main()", *args]


def test_killed_build_leaves_nothing_the_next_build_does_not_remove(build: Callable[..., Result], edition_dir: Path) -> None:
    proc = subprocess.Popen(cli("build", str(edition_dir)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # Mid-way: validated, PDFs under way in the temporary folder.
    while not any((d / "pdf").exists() for d in temp_folders(edition_dir)):
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(temp_folders(edition_dir)) == 1  # what a kill leaves
    result = build()
    assert result.exit_code == 0, result.output
    assert temp_folders(edition_dir) == []
    out = edition_dir / "build"
    assert (out / "site" / "index.html").is_file() and (out / "site" / "second.html").is_file()
    assert sorted(p.name for p in (out / "pdf").iterdir()) == ["sample.pdf", "second.pdf"]
    assert verify(out / ZIP).intact


def test_folder_of_a_running_build_is_kept_until_its_process_is_gone(build: Callable[..., Result], edition_dir: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    running = edition_dir / f".build-tmp-{sleeper.pid}-abc"
    dead = edition_dir / f".build-tmp-{gone.pid}-def"
    unnamed = edition_dir / ".build-tmp-xyz"  # as the toolkit named them before it recorded the process
    for folder in (running, dead, unnamed):
        (folder / "pdf").mkdir(parents=True)
    try:
        assert build().exit_code == 0
        assert temp_folders(edition_dir) == [running]
        assert (running / "pdf").is_dir()
    finally:
        sleeper.kill()
        sleeper.wait()
    result = build()  # nothing to rebuild, but the leftover goes
    assert result.exit_code == 0 and "nothing to do" in result.output
    assert temp_folders(edition_dir) == []


def test_own_temporary_folder_is_named_by_its_process(build: Callable[..., Result], edition_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = build_module.validation_step

    def spy(edition: Edition):
        seen.extend(p.name for p in temp_folders(edition.dir))
        return real(edition)

    monkeypatch.setattr(build_module, "validation_step", spy)
    assert build().exit_code == 0
    assert len(seen) == 1 and seen[0].startswith(f".build-tmp-{os.getpid()}-")
