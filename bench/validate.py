"""Validation speed: schema compile times, then time per document and per MB.

Covers the bundled edition's documents (editions/russische-revolution) and a generated ~5 MB
TEI essay (sections of the sample essay repeated, notes and pages renumbered so the file is
valid) in a copy of the sample fixture edition, so the rules see it inside an edition.
Run: python3 bench/validate.py
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from edition.paths import ROOT
from edition.validate import edition_files, relaxng, schematron, validate_files
from edition.validate.run import PROJECT_SCH

BUNDLED = ROOT / "editions" / "russische-revolution"
SAMPLE_EDITION = ROOT / "tests" / "fixtures" / "sample-edition"
SAMPLE = SAMPLE_EDITION / "tei" / "essays" / "sample.xml"
T = TypeVar("T")


def timed(fn: Callable[..., T], *args: object) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def generated_essay(target_bytes: int) -> str:
    """The sample essay with its body section repeated until the file reaches ``target_bytes``."""
    text = SAMPLE.read_text(encoding="utf-8")
    body_start, body_end = text.index("<body>") + len("<body>"), text.index("</body>")
    section = text[body_start:body_end]
    copies = max(1, target_bytes // len(section.encode()))
    body = section * copies
    counters = {"note": 1, "pb": 1}  # the front keeps note 1 and page 1

    def renumber(m: re.Match[str]) -> str:
        kind = "note" if m.group(1) == "note" else "pb"
        counters[kind] += 1
        return f'<{m.group(1)}{m.group(2) or ""} n="{counters[kind]}"'

    body = re.sub(r'<(note|pb)( place="foot")? n="\d+"', renumber, body)
    return text[:body_start] + body + text[body_end:]


def report(label: str, paths: list[Path], base: Path) -> None:
    size = sum(p.stat().st_size for p in paths) / 1e6
    problems, seconds = timed(validate_files, paths)
    print(f"{label}: {len(paths)} documents, {size:.2f} MB, {seconds:.3f} s "
          f"({seconds / len(paths) * 1000:.1f} ms/document, {seconds / size:.2f} s/MB), {len(problems)} problems")
    for problem in problems[:5]:
        print(f"    {problem}")
    for path in paths:
        _, one = timed(validate_files, [path])
        print(f"  {path.relative_to(base)}: {path.stat().st_size / 1e6:.3f} MB, {one * 1000:.1f} ms")


def main() -> None:
    _, t = timed(relaxng.load, relaxng.PROJECT_RNG)
    print(f"compile edition.rng (lxml/libxml2): {t * 1000:.1f} ms")
    _, t = timed(schematron.compile_to_xslt, PROJECT_SCH)
    print(f"compile edition.sch → XSLT (compile.xsl, saxonche, includes Saxon start-up): {t * 1000:.1f} ms")
    _, t = timed(schematron.compiled, PROJECT_SCH)
    print(f"compile edition.sch: Schematron → XSLT → executable: {t * 1000:.1f} ms")
    if relaxng.TEI_ALL.is_file():
        _, t = timed(relaxng.load, relaxng.TEI_ALL)
        print(f"compile tei_all.rng (lxml/libxml2): {t:.2f} s")
    report("bundled edition", edition_files(BUNDLED), ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        edition_dir = Path(shutil.copytree(SAMPLE_EDITION, Path(tmp) / "big"))
        big = edition_dir / SAMPLE.relative_to(SAMPLE_EDITION)  # file name = essay id, as the rules require
        big.write_text(generated_essay(5_000_000), encoding="utf-8")
        report("generated essay", [big], edition_dir)
        if relaxng.TEI_ALL.is_file():
            _, t = timed(validate_files, [big], "tei_all")
            print(f"  same file against tei_all only: {t:.3f} s")


if __name__ == "__main__":
    main()
