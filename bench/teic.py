"""The toolkit's HTML page transform side by side with the TEI Consortium Stylesheets' HTML
conversion (`html/html.xsl`, https://github.com/TEIC/Stylesheets) and a Saxon identity transform,
in one process: one saxonche processor configured as the toolkit's (no DTD, no entity, no
non-file URI), every stylesheet compiled once (compile seconds printed apart), each transform
timed as the median of 3 runs (wall clock and CPU), the three interleaved, on a document already
parsed (safely, by edition.xmlio); the toolkit's page from a corpus of the text alone, as the
build makes it.

The Stylesheets are in no package registry and are not part of this repository: point
`--tei-stylesheets DIR` (bench/scale.py) or TEI_STYLESHEETS at a folder holding them
(DIR/html/html.xsl with ../common/, ../i18n.xml and ../VERSION beside, as in their repository).
The texts: the bundled essays, a DTA print of ../shared/corpus/ and that print's body repeated to
about 3 MB (ids made unique per copy, as bench/annotate.py does).
Run alone: python3 bench/teic.py [DIR]
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from edition.core import Edition, read_edition
from edition.paths import ROOT, XSLT
from edition.transform import html
from edition.xmlio import parse
from edition.xslt import processor, to_xdm, transform

ENV = "TEI_STYLESHEETS"
UPSTREAM = "https://github.com/TEIC/Stylesheets"
BUNDLED = ROOT / "editions" / "russische-revolution"
DTA_PRINT = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "corpus" / "de-dta-droysen_historik_1868.xml"
LARGE_COPIES = 15  # about 2.9 MB of TEI from the 0.19 MB print
IDENTITY = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>')


def stylesheets_dir(given: str | None) -> Path | None:
    """The folder of the TEI Stylesheets named on the command line or in $TEI_STYLESHEETS, if it
    holds html/html.xsl."""
    folder = given or os.environ.get(ENV)
    if folder and (Path(folder) / "html" / "html.xsl").is_file():
        return Path(folder).resolve()
    return None


def left_out(given: str | None) -> str:
    """The one line printed instead of the comparison."""
    folder = given or os.environ.get(ENV)
    why = f"no html/html.xsl under {folder}" if folder else "no TEI Stylesheets given"
    return (f"  TEI Stylesheets column left out ({why}): fetch {UPSTREAM} (not vendored here) and pass "
            f"--tei-stylesheets DIR or set {ENV}=DIR")


def repeated_print(source: Path, times: int, folder: Path) -> Path:
    """``source`` with its body's content ``times`` over, every xml:id made unique per copy."""
    text = source.read_text(encoding="utf-8")
    start, end = text.index("<body>") + len("<body>"), text.index("</body>")
    copies = (re.sub(r'xml:id="([^"]+)"', rf'xml:id="\1-{n}"', text[start:end]) for n in range(times))
    target = folder / f"{source.stem}-x{times}.xml"
    target.write_text(text[:start] + "".join(copies) + text[end:], encoding="utf-8")
    return target


def _medians(*fns: Callable[[], object], runs: int = 3) -> list[tuple[float, float]]:
    """Median wall-clock and CPU seconds (this process, all its threads) of each of ``fns``, run
    in turn ``runs`` times: interleaved, so a change of load on the machine falls on all alike."""
    seconds: list[list[tuple[float, float]]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, times in zip(fns, seconds):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return [(statistics.median(w for w, _ in times), statistics.median(c for _, c in times)) for times in seconds]


def _compiled(**source: str):
    """A stylesheet compiled by the toolkit's processor, and the seconds it took."""
    start = time.perf_counter()
    executable = processor().new_xslt30_processor().compile_stylesheet(**source)
    return executable, time.perf_counter() - start


def compare(stylesheets: Path, edition: Edition, texts: list[Path]) -> None:
    """Print compile seconds, then per text the three transforms' medians and ours / TEI."""
    identity, identity_compile = _compiled(stylesheet_text=IDENTITY)  # first: it bears the processor's warm-up
    _, ours_compile = _compiled(stylesheet_file=str(XSLT / html.ESSAY_XSLT))
    tei, tei_compile = _compiled(stylesheet_file=str(stylesheets / "html" / "html.xsl"))
    print(f"  compile: toolkit page {ours_compile:.2f} s, TEI Stylesheets html.xsl {tei_compile:.2f} s, "
          f"identity {identity_compile:.2f} s")
    params = edition.stylesheet_params
    for path in texts:
        corpus = to_xdm(html.load_corpus(edition, [path]))  # the text, register and edition, as the build has it
        document = to_xdm(parse(path))
        page_params = {**params, "essay-id": html.text_id(path)}
        (ours, ours_cpu), (theirs, theirs_cpu), (copy, copy_cpu) = _medians(
            lambda: transform(html.ESSAY_XSLT, corpus, page_params),
            lambda: tei.transform_to_string(xdm_node=document),
            lambda: identity.transform_to_string(xdm_node=document))
        size = path.stat().st_size / 1e6
        print(f"  HTML {path.name} ({size:.2f} MB): toolkit {ours:.3f} s, TEI Stylesheets {theirs:.3f} s, "
              f"identity {copy:.3f} s; toolkit / TEI Stylesheets {ours / theirs:.2f}× "
              f"(CPU {ours_cpu:.3f} / {theirs_cpu:.3f} / {copy_cpu:.3f} s: {ours_cpu / theirs_cpu:.2f}×)")


def side_by_side(given: str | None, edition: Edition) -> None:
    """The TEI Stylesheets rows of bench/scale.py's side-by-side table, or the line saying why not."""
    stylesheets = stylesheets_dir(given)
    if stylesheets is None:
        print(left_out(given))
        return
    print(f"  against the TEI Stylesheets in {stylesheets}")
    with tempfile.TemporaryDirectory(prefix="bench-teic-") as folder:
        large = repeated_print(DTA_PRINT, LARGE_COPIES, Path(folder))
        compare(stylesheets, edition, [*edition.texts, DTA_PRINT, large])


if __name__ == "__main__":
    side_by_side(sys.argv[1] if len(sys.argv) > 1 else None, read_edition(BUNDLED))
