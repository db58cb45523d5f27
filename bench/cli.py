"""Single calls, in CPU seconds (user + system of the child process) and wall seconds, medians of
--runs: a bare interpreter, `edition --help`, and `edition validate FILE --schema tei_all` on corpus
files, valid and invalid ones, beside jing on the same grammar and files (where Java and jing are
installed).

`edition validate` outside an edition checks tei_all and the general rules; `--schema tei_all`
checks the grammar alone, which is what jing does. The first call after installing records that
tei_all compiles (shown as "first call": compiled without automata, see relaxng._check); every
call decides validity on the grammar restricted to the file's names. Each call gets a cache folder with only that record,
so no call reuses the validation result of another.
Run: python3 bench/cli.py [--runs N] [--all]  (--all: every file of the corpus)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from edition.cache import cache_dir
from edition.paths import ROOT, TEI_ALL

CORPUS = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "corpus"  # SHARED: ../shared elsewhere
# Valid, then invalid against tei_all (pl-osinski: misplaced elements; tei-lite-guide: an attribute; testbasic: a foreign element).
FILES = ["de-dta-droysen_historik_1868.xml", "de-dracor-leisewitz.xml", "letters-anthology.xml",
         "pl-osinski.xml", "en-tei-lite-guide.xml", "tei-testbasic.xml"]
EDITION = [sys.executable, "-c", "from edition.cli import main; main()"]


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """CPU and wall seconds of ``command``."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=env)
    after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - start
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def cpu(command: list[str], env: dict[str, str] | None = None) -> float:
    return timed(command, env)[0]


def uncached(command: list[str]) -> tuple[float, float]:
    """CPU and wall seconds of ``command`` with a cache folder holding only the record that tei_all
    compiles, so no validation result of an earlier call is reused."""
    with tempfile.TemporaryDirectory() as cache:
        shutil.copytree(cache_dir("relaxng"), Path(cache) / "relaxng")
        return timed(command, {**os.environ, "EDITION_CACHE": cache})


def medians(command: list[str], runs: int) -> tuple[float, float]:
    """Median CPU and median wall seconds of ``runs`` uncached calls."""
    found = [uncached(command) for _ in range(runs)]
    return statistics.median(c for c, _ in found), statistics.median(w for _, w in found)


def median(command: list[str], runs: int) -> float:
    return medians(command, runs)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--all", action="store_true", help="every file of the corpus, not only the chosen ones")
    args = parser.parse_args()
    runs = args.runs
    bare = median([sys.executable, "-c", "pass"], runs)
    helped = median([*EDITION, "--help"], runs)
    print(f"CPU s, median of {runs}")
    print(f"  python3 -c pass        {bare:6.3f}")
    print(f"  edition --help         {helped:6.3f}  ({helped / bare:.1f}× a bare interpreter; aim ≤ 0.15 s)")
    with tempfile.TemporaryDirectory() as cache:
        first = cpu([*EDITION, "validate", "--schema", "tei_all", str(CORPUS / FILES[0])], {**os.environ, "EDITION_CACHE": cache})
    print(f"  first call on a fresh cache (records that tei_all compiles): {first:.2f}")
    jing = shutil.which("jing")
    print(f"\n  {'file':<40} {'MB':>5} {'valid':>5} {'--schema tei_all':>17} {'jing':>12} {'ratio':>12} {'validate FILE':>14}")
    print(f"  {'':<40} {'':>5} {'':>5} {'CPU / wall':>17} {'CPU / wall':>12} {'CPU / wall':>12} {'CPU':>14}")
    paths = sorted(CORPUS.glob("*.xml")) if args.all else [CORPUS / name for name in FILES]
    for path in paths:
        command = [*EDITION, "validate", "--schema", "tei_all", str(path)]
        valid = subprocess.run(command, capture_output=True, check=False).returncode == 0
        ours, ours_wall = medians(command, runs)
        whole = median([*EDITION, "validate", str(path)], runs)
        theirs, theirs_wall = medians([jing, str(TEI_ALL), str(path)], runs) if jing else (float("nan"), float("nan"))
        print(f"  {path.name:<40} {path.stat().st_size / 1e6:5.2f} {'yes' if valid else 'no':>5} {ours:8.3f} / {ours_wall:5.3f}"
              f" {theirs:5.3f} / {theirs_wall:5.3f} {ours / theirs:5.2f}× / {ours_wall / theirs_wall:4.2f}× {whole:14.3f}")
    if not jing:
        print("  (jing not installed: apt-get install jing)")


if __name__ == "__main__":
    main()
