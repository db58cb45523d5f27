"""Benchmark `edition build`: cold full build, no-change rebuild, 50-essay corpus with --jobs 1 and 2.

Run: python3 bench/build.py   (prints figures; wall-clock time of the `edition` command, process start included)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "sample-edition"
CORPUS_SIZE = 50


def edition_source() -> Path:
    """The bundled edition when it has essays, else the sample fixture edition."""
    return ROOT if any((ROOT / "tei" / "essays").glob("*.xml")) else FIXTURE


def copy_edition(source: Path, target: Path) -> Path:
    for sub in ("edition.xml", "essays", "register", "schema"):
        path = source / "tei" / sub
        if path.is_dir():
            shutil.copytree(path, target / "tei" / sub)
        elif path.is_file():
            (target / "tei").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / "tei" / sub)
    return target


def generate_corpus(source: Path, target: Path, size: int) -> Path:
    """``size`` essays made from the source's essays by renaming their ids (text unchanged)."""
    copy_edition(source, target)
    essays_dir = target / "tei" / "essays"
    originals = sorted(essays_dir.glob("*.xml"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in originals}
    for p in originals:
        p.unlink()
    stems = sorted(texts)
    for n in range(size):
        stem = stems[n % len(stems)]
        new = f"{stem}-{n:02d}"
        text = re.sub(rf'(xml:id="|#|<idno type="essay">){re.escape(stem)}\b', rf"\g<1>{new}", texts[stem])
        (essays_dir / f"{new}.xml").write_text(text, encoding="utf-8")
    return target


def timed_build(edition_dir: Path, *args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", "from edition.cli import main; main()", "build", *args, str(edition_dir)],
        capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"edition build {' '.join(args)} {edition_dir} failed:\n{result.stderr}")
    return elapsed


def main() -> None:
    source = edition_source()
    essays = len(list((source / "tei" / "essays").glob("*.xml")))
    print(f"edition: {source} ({essays} essays); CPUs: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        edition_dir = copy_edition(source, work / "edition")
        print(f"cold full build:        {timed_build(edition_dir):6.2f} s")
        print(f"no-change rebuild:      {timed_build(edition_dir):6.2f} s")
        corpus = generate_corpus(source, work / "corpus", CORPUS_SIZE)
        size = sum(p.stat().st_size for p in (corpus / "tei" / "essays").glob("*.xml")) / 1e6
        for jobs in (1, 2):
            shutil.rmtree(corpus / "build", ignore_errors=True)
            seconds = timed_build(corpus, "--jobs", str(jobs))
            print(f"{CORPUS_SIZE} essays ({size:.1f} MB TEI), --jobs {jobs}: {seconds:6.2f} s")


if __name__ == "__main__":
    main()
