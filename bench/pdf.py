"""Time and peak memory of the PDF build, per essay.

Each essay is built in a fresh Python process (as `edition build` does with several jobs), so
the figures include compiling the stylesheet and loading the fonts, and the peak resident
memory is that essay's alone. EDITION_DIR is any edition folder (with its edition.toml); the
default is the bundled edition, editions/russische-revolution.

    python3 bench/pdf.py [EDITION_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from edition.core import read_edition

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "editions" / "russische-revolution"
SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
JOB = "import sys; from pathlib import Path; from edition.transform.pdf import build_pdf; build_pdf(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))"


def run_once(essay: Path, edition_dir: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one build in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", JOB, str(essay), str(edition_dir), str(out)], cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {essay} failed")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def pages(pdf: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition_dir", nargs="?", type=Path, default=BUNDLED)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    essays = read_edition(args.edition_dir).texts
    targets = [(e, args.edition_dir) for e in essays] or [(e, SAMPLE) for e in read_edition(SAMPLE).texts]
    print(f"{'essay':32} {'pages':>5} {'best s':>7} {'median s':>8} {'peak MiB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for essay, edition_dir in targets:
            out = Path(tmp) / f"{essay.stem}.pdf"
            results = [run_once(essay, edition_dir, out) for _ in range(args.runs)]
            times = sorted(t for t, _ in results)
            peak = max(m for _, m in results)
            print(f"{essay.stem:32} {pages(out):>5} {times[0]:>7.2f} {times[len(times) // 2]:>8.2f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
