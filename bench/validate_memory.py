"""Peak memory of validating one large essay inside its edition.

The essay is the sample essay with its body repeated to SIZE megabytes (valid: notes and pages
renumbered), placed in a copy of the sample edition so the cross-document rules run too. It is
validated in a fresh Python process; the figure is that child's peak resident set (ru_maxrss),
which includes Saxon's native heap.

    python3 bench/validate_memory.py [SIZE_MB]   (default 200)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate import generated_essay  # noqa: E402  (the generator of bench/validate.py)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_EDITION = ROOT / "tests" / "fixtures" / "sample-edition"
JOB = ("import sys; from pathlib import Path; from edition.validate import validate_files; "
       "problems = validate_files([Path(sys.argv[1])]); print(len(problems), *problems[:3], sep='\\n')")


def peak_validate(essay: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS (MiB) and output of validating ``essay`` in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", JOB, str(essay)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"validation failed (status {status}): {out}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, out.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size_mb", nargs="?", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        edition = Path(tmp) / "edition"
        shutil.copytree(SAMPLE_EDITION, edition)
        essay = edition / "tei" / "essays" / "sample.xml"  # file name = essay id, as the rules require
        essay.write_text(generated_essay(args.size_mb * 1_000_000), encoding="utf-8")
        size = essay.stat().st_size / 1e6
        seconds, peak, out = peak_validate(essay)
    problems = out.splitlines()[0] if out else "?"
    print(f"validate {size:.0f} MB essay in its edition: {seconds:.1f} s, peak RSS {peak:.0f} MiB, {problems} problems")


if __name__ == "__main__":
    main()
