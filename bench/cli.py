"""Single calls, in CPU seconds (user + system of the child process, medians of --runs):
a bare interpreter, `edition --help`, and `edition validate FILE --schema tei_all` on corpus files
beside jing on the same grammar and files (where Java and jing are installed).

`edition validate` outside an edition checks tei_all and the general rules; `--schema tei_all`
checks the grammar alone, which is what jing does. The first call after installing records that
tei_all compiles (one full compile, shown as "first call"); every later call decides validity on
the grammar restricted to the file's names. Each call gets a cache folder with only that record,
so no call reuses the validation result of another.
Run: python3 bench/cli.py [--runs N]
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
from pathlib import Path

from edition.cache import cache_dir
from edition.paths import ROOT, TEI_ALL

CORPUS = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "corpus"  # SHARED: ../shared elsewhere
FILES = ["de-dta-droysen_historik_1868.xml", "de-dracor-leisewitz.xml", "letters-anthology.xml", "tei-testbasic.xml"]
EDITION = [sys.executable, "-c", "from edition.cli import main; main()"]


def cpu(command: list[str], env: dict[str, str] | None = None) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, capture_output=True, check=False, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def uncached(command: list[str]) -> float:
    """CPU seconds of ``command`` with a cache folder holding only the record that tei_all compiles,
    so no validation result of an earlier call is reused."""
    with tempfile.TemporaryDirectory() as cache:
        shutil.copytree(cache_dir("relaxng"), Path(cache) / "relaxng")
        return cpu(command, {**os.environ, "EDITION_CACHE": cache})


def median(command: list[str], runs: int) -> float:
    return statistics.median(uncached(command) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    bare = median([sys.executable, "-c", "pass"], runs)
    helped = median([*EDITION, "--help"], runs)
    print(f"CPU s, median of {runs}")
    print(f"  python3 -c pass        {bare:6.3f}")
    print(f"  edition --help         {helped:6.3f}  ({helped / bare:.1f}× a bare interpreter; aim ≤ 0.15 s)")
    with tempfile.TemporaryDirectory() as cache:
        first = cpu([*EDITION, "validate", "--schema", "tei_all", str(CORPUS / FILES[0])], {**os.environ, "EDITION_CACHE": cache})
    print(f"  first call on a fresh cache (records that tei_all compiles): {first:.2f}")
    jing = shutil.which("jing")
    print(f"\n  {'file':<36} {'MB':>5} {'--schema tei_all':>17} {'validate FILE':>14} {'jing':>7} {'ratio':>6}")
    for name in FILES:
        path = CORPUS / name
        grammar = median([*EDITION, "validate", "--schema", "tei_all", str(path)], runs)
        whole = median([*EDITION, "validate", str(path)], runs)
        theirs = median([jing, str(TEI_ALL), str(path)], runs) if jing else float("nan")
        print(f"  {name:<36} {path.stat().st_size / 1e6:5.2f} {grammar:17.3f} {whole:14.3f} {theirs:7.3f} {grammar / theirs:5.2f}×")
    if not jing:
        print("  (jing not installed: apt-get install jing)")


if __name__ == "__main__":
    main()
