"""`edition annotate` against text size: a DTA print (../shared/corpus) with its body repeated
1, 4 and 16 times (about 0.2, 0.8 and 3 MB), tagged with the bundled register, without and with
--report. Prints wall-clock seconds of the command and seconds per MB (flat = linear).
Run: python3 bench/annotate.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from edition.paths import ROOT

SOURCE = ROOT.parent / "shared" / "corpus" / "de-dta-droysen_historik_1868.xml"
REGISTER = ROOT / "editions" / "russische-revolution" / "register" / "persons.xml"


def repeated(text: str, times: int) -> str:
    """``text`` with its body's content ``times`` over, ids made unique per copy."""
    start, end = text.index("<body>") + len("<body>"), text.index("</body>")
    copies = (re.sub(r'xml:id="([^"]+)"', rf'xml:id="\1-{n}"', text[start:end]) for n in range(times))
    return text[:start] + "".join(copies) + text[end:]


def timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from edition.cli import main; main()", "annotate", *args],
                   capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    print(f"{'copies':>6} {'MB':>6} {'annotate s':>11} {'s/MB':>6} {'--report s':>11} {'s/MB':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for times in (1, 4, 16):
            path = Path(tmp) / f"text-{times}.xml"
            path.write_text(repeated(text, times), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            plain = timed("--dry-run", "--register", str(REGISTER), str(path))
            report = timed("--dry-run", "--report", "--register", str(REGISTER), str(path))
            print(f"{times:6d} {mb:6.2f} {plain:11.2f} {plain / mb:6.2f} {report:11.2f} {report / mb:6.2f}")


if __name__ == "__main__":
    main()
