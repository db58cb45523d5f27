"""`edition build` at scale: editions of 10, 100 (and with --large 1,000) texts, built cold with
-j 1 and -j 2, then rebuilt after one text changed; and, side by side, single transforms and
validations against their peers.

The texts are the bundled essays and the files of ../shared/corpus/ that are valid TEI, copied
round-robin with every xml:id (and every pointer to it) made unique per copy and the words of each
copy's text nodes in another order (no layout is reused), in an edition of the `tei` profile with
the bundled register. Each build runs as its own `edition build` process.
Printed per size (medians of --repeat cold builds each, -j 1 and -j 2 alternating; 1,000 texts
once): seconds per text (wall clock, process start included), the -j 2 speed-up,
the CPU seconds per text of the -j 1 build (all its processes: less sensitive to other load),
the peak RSS of the largest single process of the build (the driver or a worker), and the
rebuild after one word of one text changed, as a share of the cold -j 2 build. Goals (issue 15):
seconds per text flat (±10 %) from 10 to 1,000; -j 2 ≥ 1.8× at 100; RSS flat; rebuild ≤ 5 %.
Then the corpus pages (landing, register, chronology, search, zur-edition) of each size made in a
process of their own from the full corpus of texts and from the texts' summaries, as the build
makes them: seconds and peak RSS side by side (--corpus-pages-only: just these, 10/100/1,000).

The side-by-side table: the toolkit's HTML page transform of a text against a Saxon identity
transform of the same document, against the TEI Consortium Stylesheets' html/html.xsl where a copy
is given (bench/teic.py: in no package registry and not vendored, so --tei-stylesheets DIR or
TEI_STYLESHEETS; without one that column is left out, saying so), and `edition validate --schema
tei_all` against jing (Java and the Debian package jing).
Run: python3 bench/scale.py [--large] [--sizes 10,100] [--tei-stylesheets DIR]   (SHARED=/path/to/shared if not ../shared)
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from edition.cache import cache_dir
from edition.paths import ROOT, TEI_ALL

BUNDLED = ROOT / "editions" / "russische-revolution"
CORPUS = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "corpus"  # SHARED: ../shared elsewhere
EDITION = [sys.executable, "-c", "from edition.cli import main; main()"]
# Runs a command; prints the peak RSS (KiB) of its largest process and the CPU seconds of all, the workers included.
GRAMMARS = cache_dir("relaxng")
FONTS = cache_dir("fonts")
PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "sys.stderr.write(r.stdout + r.stderr); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(u.ru_maxrss, u.ru_utime + u.ru_stime); sys.exit(r.returncode)")


def valid_sources() -> list[Path]:
    """The bundled essays and the corpus files valid in the tei profile (tei_all and the general rules)."""
    from edition.validate import validate_files
    from edition.validate.profiles import GENERAL_SCH

    corpus = [p for p in sorted(CORPUS.glob("*.xml"))
              if not any(e.severity == "error" for e in validate_files([p], "tei_all", GENERAL_SCH))]
    return sorted((BUNDLED / "texts").glob("*.xml")) + corpus


def unique_copy(text: str, suffix: str) -> str:
    """``text`` with every xml:id, and every #pointer to one of them, ending in ``suffix``."""
    ids = set(re.findall(r'xml:id="([^"]+)"', text))
    text = re.sub(r'xml:id="([^"]+)"', rf'xml:id="\1{suffix}"', text)

    def pointers(m: re.Match[str]) -> str:
        tokens = [f"#{t[1:]}{suffix}" if t.startswith("#") and t[1:] in ids else t for t in m.group(2).split(" ")]
        return f'{m.group(1)}="{" ".join(tokens)}"'

    text = re.sub(r'(\s(?:target|ref|corresp|sameAs|who|wit|resp|source|hand|next|prev|synch|copyOf|calendar|datingMethod|facs|start|end))="([^"]*)"',
                  pointers, text)
    return re.sub(r'(<idno type="essay">)([^<]+)(<)', rf"\g<1>\g<2>{suffix}\g<3>", text)


def rotate_words(text: str, shift: int) -> str:
    """``text`` with the words of every text node of its ``<text>`` rotated by ``shift`` places.

    Each copy then says the same words in another order: no two texts share a paragraph, as in a
    real corpus. (Typst memoizes layouts within a process: exact copies typeset in half the time,
    which made the larger editions look cheaper per text than they are.)"""
    def node(m: re.Match[str]) -> str:
        if m.group(1) is None:  # a comment or CDATA section: as it is
            return m.group(0)
        parts = re.split(r"(\s+)", m.group(1))
        words = [w for w in parts[0::2] if w]
        if len(words) < 2:
            return m.group(0)
        k = shift % len(words)
        turned = iter(words[k:] + words[:k])
        parts[0::2] = [next(turned) if w else w for w in parts[0::2]]
        return f">{''.join(parts)}"

    at = re.search(r"<text[\s>]", text).start()
    return text[:at] + re.sub(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|>([^<]+)(?=<)", node, text[at:], flags=re.S)


def make_edition(target: Path, size: int, sources: list[Path]) -> Path:
    subprocess.run([*EDITION, "new", str(target), "--title", f"Scale {size}", "--date", "2026-01-01"],
                   check=True, capture_output=True)
    shutil.copyfile(BUNDLED / "register" / "persons.xml", target / "register" / "persons.xml")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    # Rounds of ten (the sources, then the first of them again to fill the round), so that the
    # editions of 10, 100 and 1,000 texts have the same mix of texts: seconds per text compare.
    # Each copy's words turn by its own number, the filler's too: rotated by the round alone, it
    # was the same text as the round's first, which one worker typeset from Typst's memory in a
    # tenth of the time (0.15 s instead of 1.24 for Dallmer) while two workers each did it anew.
    texts += texts[: -len(texts) % 10]
    for n in range(size):
        stem, text = texts[n % len(texts)]
        copy = rotate_words(unique_copy(text, f"-{n:04d}"), n)
        (target / "texts" / f"{stem}-{n:04d}.xml").write_text(copy, encoding="utf-8")
    return target


def build(edition: Path, out: Path, *args: str) -> tuple[float, int, float]:
    """Wall-clock seconds, peak RSS (MB) of the largest process and CPU seconds of one `edition build`.

    Its cache folder is its own (nothing of another build is reused) but for what a machine finds
    out once: that tei_all compiles (bench/cli.py shows its cost) and which characters the installed
    fonts have."""
    cache = out.parent / "cache"
    if not cache.exists():
        shutil.copytree(GRAMMARS, cache / "relaxng")
        if FONTS.is_dir():
            shutil.copytree(FONTS, cache / "fonts")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *EDITION, "build", *args, "-o", str(out), str(edition)],
                          capture_output=True, text=True, env={**os.environ, "EDITION_CACHE": str(out.parent / "cache")})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"edition build {' '.join(args)} {edition} failed:\n{done.stderr[-3000:]}")
    rss, cpu = done.stdout.split()[-2:]
    # The build's own summary: how long each step took.
    steps = re.findall(r"validated in [\d.]+ s|(?:PDF|HTML site|deposit)\s.*? in [\d.]+ s", done.stderr)
    print(f"    {' '.join(args)} {edition.name}: {'; '.join(' '.join(s.split()) for s in steps)}", flush=True)
    return seconds, int(rss) // 1024, float(cpu)


def change_one_text(edition: Path) -> None:
    """One word added to the first paragraph of one text's ``<text>`` (its ids and references stay; a
    paragraph of the header might not reach the reading page, its share of the search or the PDF)."""
    text = sorted((edition / "texts").glob("*.xml"))[len(list((edition / "texts").glob("*.xml"))) // 2]
    data = text.read_text(encoding="utf-8")
    at = data.index("</p>", re.search(r"<text[\s>]", data).end())
    text.write_text(data[:at] + " geändert" + data[at:], encoding="utf-8")


def scale(sizes: list[int], repeats: int = 3) -> None:
    sources = valid_sources()  # this validates tei_all once: the record GRAMMARS holds
    from edition.transform.pdf_fonts import chain
    chain()  # and reads the installed fonts' coverage once: the record FONTS holds
    # Byte-compiled as an installed toolkit is (pip compiles on install): with PYTHONDONTWRITEBYTECODE
    # set, an editable checkout's changed modules were compiled again by every process (0.07 s each).
    compileall.compile_dir(ROOT / "edition", quiet=1)
    print(f"texts from {len(sources)} sources; CPUs: {os.cpu_count()}")
    print(f"{'texts':>6} {'MB':>6} {'-j1 s/text':>11} {'-j2 s/text':>11} {'speed-up':>9} {'CPU s/text':>11} {'-j1 s/MB':>9}"
          f" {'RSS -j1':>8} {'RSS -j2':>8} {'rebuild 1':>10} {'share':>6}")
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-scale-{size}-") as tmp:
            work = Path(tmp)
            edition = make_edition(work / "edition", size, sources)
            mb = sum(p.stat().st_size for p in (edition / "texts").glob("*.xml")) / 1e6
            # Each cold build gets its own output and cache folder, so nothing is reused; -j 1 and
            # -j 2 alternate, and the medians are printed (a shared machine's speed drifts).
            runs: list[tuple[tuple[float, int, float], tuple[float, int, float]]] = []
            for n in range(repeats if size <= 100 else 1):
                one, two = work / f"one-{n}", work / f"two-{n}"
                one.mkdir()
                two.mkdir()
                runs.append((build(edition, one / "build", "-j", "1"), build(edition, two / "build", "-j", "2")))
            serial, rss1, cpu1 = (statistics.median(r[0][k] for r in runs) for k in range(3))
            parallel, rss2, _ = (statistics.median(r[1][k] for r in runs) for k in range(3))
            rss1, rss2 = int(rss1), int(rss2)
            change_one_text(edition)
            rebuild, _, _ = build(edition, work / f"two-{len(runs) - 1}" / "build", "-j", "2")
            rows.append((size, serial / size, parallel / size, serial / mb))
            print(f"{size:6d} {mb:6.1f} {serial / size:11.3f} {parallel / size:11.3f} {serial / parallel:8.2f}×"
                  f" {cpu1 / size:11.3f} {serial / mb:9.3f} {rss1:6d}MB {rss2:6d}MB {rebuild:9.2f}s {rebuild / parallel:6.1%}",
                  flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"seconds per text, {last[0]} vs {first[0]} texts: -j1 {last[1] / first[1]:.2f}×, -j2 {last[2] / first[2]:.2f}×;"
              f" seconds per MB -j1 {last[3] / first[3]:.2f}×")
        # A build is a fixed part (interpreters, stylesheet compiles, the corpus pages' and the search
        # index's own work) and a part per text: the seconds each further text adds, between two
        # sizes, show whether that part grows with the corpus; the fixed part is what is left.
        for (n, one, two, _), (m, one_m, two_m, _) in zip(rows, rows[1:]):
            added1, added2 = (one_m * m - one * n) / (m - n), (two_m * m - two * n) / (m - n)
            print(f"each text added from {n} to {m}: -j1 {added1:.3f} s, -j2 {added2:.3f} s;"
                  f" fixed part -j1 {one * n - added1 * n:.1f} s, -j2 {two * n - added2 * n:.1f} s")


# The corpus pages of an edition in a process of their own: from the corpus of its texts, or from
# the texts' summaries made beforehand (each from a corpus of that text alone, as the build does);
# prints the seconds and the process's peak RSS (KiB).
CORPUS_PAGES = """
import resource, sys, time
from pathlib import Path
from edition.core import read_edition
from edition.transform import html
from edition.xslt import to_xdm
edition, summaries = read_edition(Path(sys.argv[1])), Path(sys.argv[2])
params = edition.stylesheet_params
start = time.perf_counter()
if sys.argv[3] == "texts":
    html.render_pages(to_xdm(html.load_corpus(edition)), [], params)
elif sys.argv[3] == "summaries":
    html.corpus_pages(edition, [(summaries / f"{t.stem}.xml").read_text(encoding="utf-8") for t in edition.texts], params)
else:
    summaries.mkdir()
    for text in edition.texts:
        (summaries / f"{text.stem}.xml").write_text(html.text_outputs(edition, text, params)[1], encoding="utf-8")
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def corpus_pages(sizes: list[int]) -> None:
    """The corpus pages (landing, register, chronology, search, zur-edition) from the full corpus
    against from per-text summaries, which is how the build makes them: seconds and peak RSS."""
    sources = valid_sources()
    print("\ncorpus pages from the texts (each page summarising them itself) vs from their summaries (one process each)")
    print(f"{'texts':>6} {'MB':>6} {'summaries MB':>13} {'texts s':>8} {'summaries s':>12} {'ratio':>6}"
          f" {'texts RSS':>10} {'summaries RSS':>14} {'ratio':>6}")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-pages-{size}-") as tmp:
            edition = make_edition(Path(tmp) / "edition", size, sources)
            held = Path(tmp) / "summaries"

            def run(way: str) -> tuple[float, int]:
                done = subprocess.run([sys.executable, "-c", CORPUS_PAGES, str(edition), str(held), way],
                                      capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    sys.exit(f"corpus pages from {way} failed:\n{done.stderr[-3000:]}")
                seconds, rss = done.stdout.split()[-2:]
                return float(seconds), int(rss) // 1024

            run("make")
            mb = sum(p.stat().st_size for p in (edition / "texts").glob("*.xml")) / 1e6
            smb = sum(p.stat().st_size for p in held.glob("*.xml")) / 1e6
            (ts, tr), (ss, sr) = run("texts"), run("summaries")
            print(f"{size:6d} {mb:6.1f} {smb:13.1f} {ts:7.1f}s {ss:11.1f}s {ss / ts:6.2f} {tr:8d}MB {sr:12d}MB {sr / tr:6.2f}",
                  flush=True)


def cpu_of(command: list[str], runs: int = 3) -> float:
    """Median CPU seconds of ``command``, each run with a cache folder holding only the tei_all record
    (so no validation result of an earlier run is reused)."""
    import resource

    def one() -> float:
        with tempfile.TemporaryDirectory() as cache:
            shutil.copytree(GRAMMARS, Path(cache) / "relaxng")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, capture_output=True, check=False, env={**os.environ, "EDITION_CACHE": cache})
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    return statistics.median(one() for _ in range(runs))


def side_by_side(tei_stylesheets: str | None = None) -> None:
    from edition.core import read_edition
    from edition.transform import html
    from edition.xslt import processor, to_xdm, transform
    from teic import side_by_side as against_tei_stylesheets

    print("\nside by side (medians of 3)")
    edition = read_edition(BUNDLED)
    corpus = to_xdm(html.load_corpus(edition))
    identity = processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>'))
    for path in edition.texts:
        page = statistics.median(_timed(lambda: transform(html.ESSAY_XSLT, corpus, {**edition.stylesheet_params,
                                                                                  "essay-id": html.text_id(path)}))
                                 for _ in range(3))
        node = to_xdm(html.load_corpus(edition))
        copy = statistics.median(_timed(lambda: identity.transform_to_string(xdm_node=node)) for _ in range(3))
        print(f"  HTML page {path.name}: {page:.3f} s; Saxon identity of the corpus document: {copy:.3f} s"
              f" ({page / copy:.1f}×)")
    against_tei_stylesheets(tei_stylesheets, edition)
    jing = shutil.which("jing")
    for path in [*edition.texts, CORPUS / "de-dta-droysen_historik_1868.xml"]:
        ours = cpu_of([*EDITION, "validate", "--schema", "tei_all", str(path)])
        theirs = cpu_of([jing, str(TEI_ALL), str(path)]) if jing else float("nan")
        print(f"  tei_all {path.name}: edition validate {ours:.2f} s CPU, jing {theirs:.2f} s CPU ({ours / theirs:.2f}×)")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also 1,000 texts (about an hour here)")
    parser.add_argument("--sizes", default=None, help="comma-separated sizes instead (e.g. 10,25)")
    parser.add_argument("--repeat", type=int, default=3, help="cold builds of each size up to 100 texts (medians printed; 1,000: one)")
    parser.add_argument("--no-side-by-side", action="store_true")
    parser.add_argument("--side-by-side-only", action="store_true")
    parser.add_argument("--corpus-pages-only", action="store_true",
                        help="only the corpus pages from texts vs summaries (10, 100, 1,000 texts; a few minutes)")
    parser.add_argument("--tei-stylesheets", metavar="DIR", default=None,
                        help="a copy of the TEI Stylesheets (DIR/html/html.xsl) for the side-by-side table; else $TEI_STYLESHEETS")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [10, 100, *([1000] if args.large else [])]
    if args.corpus_pages_only:
        corpus_pages([int(s) for s in args.sizes.split(",")] if args.sizes else [10, 100, 1000])
        return
    if not args.side_by_side_only:
        scale(sizes, args.repeat)
        corpus_pages(sizes)
    if not args.no_side_by_side:
        side_by_side(args.tei_stylesheets)


if __name__ == "__main__":
    main()
