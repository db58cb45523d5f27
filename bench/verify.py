"""Peak memory and bytes written of `edition verify`, for a normal deposit and for a zip bomb.

The bomb is the sample deposit plus a 1 GiB member of zeros (about 1 MB deflated) that the
manifests, Payload-Oxum and tag manifests all list: a valid bag that only the limits refuse.
Each verify runs in a fresh Python process; its peak RSS (VmHWM) is its own and "written" is every
byte it wrote (/proc/self/io wchar: /tmp, other files and its output).

    python3 bench/verify.py [--size-mib N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "package"))

from test_verify_zip import listed_bomb  # noqa: E402  (the tests' builder of a listed bomb)

from edition.package.archive import write_zip  # noqa: E402
from edition.package.bag import make_deposit_bag  # noqa: E402
from edition.core import read_edition  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"
# LIMITS: None is `edition verify` as shipped; a number lifts the ratio limit so all of the bomb is read.
CHILD = """
import sys
from pathlib import Path
from edition.package.verify import Limits, Unreadable, verify
limits = Limits() if sys.argv[2] == "None" else Limits(max_ratio=int(sys.argv[2]))
try:
    report = verify(Path(sys.argv[1]), limits)
    verdict = "intact" if report.intact else "damaged: " + "; ".join(map(str, report.findings))
except Unreadable as exc:
    verdict = f"unreadable: {exc}"
written = next(int(line.split()[1]) for line in open("/proc/self/io") if line.startswith("wchar:"))
# VmHWM, not ru_maxrss: Linux carries the forking parent's peak into ru_maxrss across exec.
peak = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(peak, written, verdict, sep="\\t")
"""


def deposit(work: Path) -> Path:
    """The sample edition's deposit with a small stand-in site and PDF (as tests/package/conftest.py)."""
    shutil.copytree(SAMPLE, work / "edition")
    edition = read_edition(work / "edition")
    site, pdf = work / "site", work / "pdf"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><title>Beispieledition</title>", encoding="utf-8")
    (site / "sample.html").write_text("<!DOCTYPE html><title>Ein Beispiel</title>", encoding="utf-8")
    pdf.mkdir()
    (pdf / "sample.pdf").write_bytes(b"%PDF-1.7\n% stand-in\n")
    (work / "bag").mkdir()
    bag = make_deposit_bag(work / "bag", edition, site, pdf)
    return write_zip(bag, work / f"{edition.deposit_name}.zip", edition.deposit_name, edition.date)


def measure(label: str, zip_path: Path, max_ratio: int | None = None) -> None:
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", CHILD, str(zip_path), str(max_ratio)],
                           capture_output=True, text=True, check=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    peak, written, verdict = child.stdout.rstrip("\n").split("\t", 2)
    print(f"{label:<34} {zip_path.stat().st_size / 1e6:8.2f} MB  {int(peak) / 2**20:8.1f} MiB  "
          f"{int(written):>12,} B  {seconds:6.2f} s  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="size of the bomb member (default 1024)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-verify-") as tmp:
        normal = deposit(Path(tmp))
        bomb = listed_bomb(normal, Path(tmp) / "bomb.zip", args.size_mib << 20)
        print(f"{'zip':<34} {'on disk':>11}  {'peak RSS':>12}  {'written':>14}  {'time':>8}  verdict")
        measure("normal deposit (floor)", normal)
        measure(f"{args.size_mib} MiB bomb, as shipped", bomb)
        measure(f"{args.size_mib} MiB bomb, ratio limit lifted", bomb, max_ratio=10**6)


if __name__ == "__main__":
    main()
