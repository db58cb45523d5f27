"""Validation speed: schema compile times, then time per document and per MB.

Covers the bundled edition's documents and a generated ~5 MB TEI essay (sections of the
sample essay repeated, notes and pages renumbered so the file is valid).
Run: python3 bench/validate.py
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from edition.paths import DEFAULT_EDITION, ROOT
from edition.validate import edition_files, relaxng, schematron, validate_files
from edition.validate.run import PROJECT_SCH

SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition" / "tei" / "essays" / "sample.xml"


def timed(fn, *args):
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


def report(label: str, paths: list[Path]) -> None:
    size = sum(p.stat().st_size for p in paths) / 1e6
    problems, seconds = timed(validate_files, paths)
    per_doc = seconds / len(paths)
    print(f"{label}: {len(paths)} documents, {size:.2f} MB, {seconds:.3f} s "
          f"({per_doc * 1000:.1f} ms/document, {seconds / size:.2f} s/MB), {len(problems)} problems")
    for path in paths:
        _, one = timed(validate_files, [path])
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}: "
              f"{path.stat().st_size / 1e6:.3f} MB, {one * 1000:.1f} ms")


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
    report("bundled edition", edition_files(DEFAULT_EDITION))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "sample.xml"  # file name = essay id, as the rules require
        big.write_text(generated_essay(5_000_000), encoding="utf-8")
        report("generated essay", [big])
        if relaxng.TEI_ALL.is_file():
            _, t = timed(validate_files, [big], "tei_all")
            print(f"  same file against tei_all only: {t:.3f} s")


if __name__ == "__main__":
    main()
