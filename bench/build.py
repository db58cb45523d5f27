"""Benchmark `edition build`: cold full build, no-change rebuild, 50-essay corpus with --jobs 1 and 2.

The edition is the bundled one (editions/russische-revolution), or the sample fixture edition when
it has no texts; the corpus is a copy of it whose texts are renamed copies of its own.
Run: python3 bench/build.py [--quick]   (prints figures; wall-clock time of the `edition` command,
process start included; --quick: a 10-essay corpus)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from edition.core import read_edition

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "editions" / "russische-revolution"
FIXTURE = ROOT / "tests" / "fixtures" / "sample-edition"


def edition_source() -> Path:
    """The bundled edition when it has texts, else the sample fixture edition."""
    return BUNDLED if read_edition(BUNDLED).texts else FIXTURE


def copy_edition(source: Path, target: Path) -> Path:
    """The edition folder without its outputs."""
    return Path(shutil.copytree(source, target, ignore=shutil.ignore_patterns("build")))


def generate_corpus(source: Path, target: Path, size: int) -> Path:
    """``size`` texts made from the source's texts by renaming their ids (text unchanged)."""
    copy_edition(source, target)
    originals = read_edition(target).texts
    texts = {p.stem: p.read_text(encoding="utf-8") for p in originals}
    for p in originals:
        p.unlink()
    stems = sorted(texts)
    for n in range(size):
        stem = stems[n % len(stems)]
        new = f"{stem}-{n:02d}"
        text = re.sub(rf'(xml:id="|#|<idno type="essay">){re.escape(stem)}\b', rf"\g<1>{new}", texts[stem])
        (originals[0].parent / f"{new}.xml").write_text(text, encoding="utf-8")
    return target


def timed_build(edition_dir: Path, *args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", "from edition.cli import main; main()", "build", *args, str(edition_dir)],
        capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"edition build {' '.join(args)} {edition_dir} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 10-essay corpus instead of 50")
    size = 10 if parser.parse_args().quick else 50
    source = edition_source()
    print(f"edition: {source} ({len(read_edition(source).texts)} essays); CPUs: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        edition_dir = copy_edition(source, work / "edition")
        print(f"cold full build:        {timed_build(edition_dir):6.2f} s")
        print(f"no-change rebuild:      {timed_build(edition_dir):6.2f} s")
        corpus = generate_corpus(source, work / "corpus", size)
        texts = read_edition(corpus).texts
        mb = sum(p.stat().st_size for p in texts) / 1e6
        serial = 0.0
        for jobs in (1, 2):
            shutil.rmtree(corpus / "build", ignore_errors=True)
            seconds = timed_build(corpus, "--jobs", str(jobs))
            serial = serial or seconds
            print(f"{len(texts)} essays ({mb:.1f} MB TEI), --jobs {jobs}: {seconds:6.2f} s (speed-up ×{serial / seconds:.2f})")


if __name__ == "__main__":
    main()
