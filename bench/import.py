"""How well `edition import` reconstructs extractions it was not made for.

Generates extractions of several TEI texts in several layout habits (tests/importer/importgen.py),
imports each and scores the import against its answer key (tests/importer/importscore.py).
Prints, per habit and overall: the share of extractions whose notes, lost notes, pages (their
count and every printed number) and headings are exact, whose list items are as many as the
key's, whose date lines and signatures are as many as the key's, whose title page lines (place and year) are kept out of the text and noted in the header, notes placed, paragraphs and block quotations found with their first and
last words in the key's order (recall and precision of an alignment), and the words' recall and
precision (multisets; the lowest of an extraction and the mean).

    python3 bench/import.py [--count N] [--words W] [--first SEED] [--show NAME] [--failures]
    python3 bench/import.py --pdf [--work DIR]

``--first`` picks the seeds (FIRST, FIRST + 1, …): the default run uses 1…N; other values give
extractions the importer was not developed on.

``--pdf`` takes round trips through real PDFs instead (tests/importer/pdfround.py): the fixture, the
bundled edition's essays and the DTA prose prints are typeset by the toolkit into DIR (default
/tmp/importer/pdf-round; PDFs already there are reused), extracted with pdftotext (default, -raw,
-layout), imported and scored against their TEI sources: words, notes (with text; placed after the
right words with the right text), headings (found of the source's; the import's own count, which the
PDF's title page and apparatus raise).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "importer"))

import importgen  # noqa: E402
import pdfround  # noqa: E402
from importscore import Score, meta_for, score  # noqa: E402

from edition.importer.pipeline import run  # noqa: E402
from edition.importer.source import parse_source  # noqa: E402
from edition.errors import LocatedError  # noqa: E402


def import_one(x: importgen.Extraction) -> tuple[Score | None, str]:
    try:
        data, report = run(parse_source(x.text.encode(), f"{x.name}.txt"), meta_for(x))
    except LocatedError as exc:
        return None, str(exc)
    return score(data, x.key), report.format()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--words", type=int, default=1800)
    ap.add_argument("--first", type=int, default=1, help="the first seed")
    ap.add_argument("--show", help="print the extraction, the report and the score of this one")
    ap.add_argument("--failures", action="store_true", help="name the extractions that miss the goal and what they miss")
    ap.add_argument("--pdf", action="store_true", help="round trips through the toolkit's own PDFs instead")
    ap.add_argument("--work", type=Path, default=Path("/tmp/importer/pdf-round"), help="where --pdf builds its edition and PDFs")
    args = ap.parse_args()
    if args.pdf:
        return pdf_rounds(args.work)
    start = time.perf_counter()
    xs = importgen.corpus(args.count, args.words, args.first)
    by_habit: dict[str, list[tuple[importgen.Extraction, Score | None]]] = defaultdict(list)
    for x in xs:
        s, rep = import_one(x)
        by_habit[x.habit.name].append((x, s))
        if args.show and x.name == args.show:
            print(x.text, "\n", rep, "\n", s, "\n", x.key.heads, sep="")
        if args.failures and (s is None or _missed(s)):
            print(f"{x.name}: {rep if s is None else ', '.join(_missed(s))}")
    texts = {x.name.split("-" + x.habit.name)[0] for x in xs}
    print(f"{len(xs)} extractions of {len(texts)} texts, {len(by_habit)} habits, {time.perf_counter() - start:.1f} s")
    head = f"{'habit':<18} {'n':>3} {'notes=':>7} {'lost=':>6} {'pages=':>7} {'heads=':>7} {'items=':>7} {'closer=':>7} {'tpage=':>7} {'placed':>7} {'paras':>6} {'p prec':>6} {'quotes':>6} {'rec min':>8} {'rec avg':>8} {'prec min':>8} {'prec avg':>8} {'errors':>6}"
    print(head)
    rows = list(by_habit.items()) + [("overall", [r for rs in by_habit.values() for r in rs])]
    for name, rs in rows:
        ok = [s for _, s in rs if s]
        n = len(rs)

        def share(f) -> str:
            return f"{100 * sum(1 for s in ok if f(s)) / n:6.0f}%"

        placed = sum(s.notes_right for s in ok) / max(1, sum(s.notes for s in ok))
        paras = sum(s.paras_right for s in ok) / max(1, sum(s.paragraphs_key for s in ok))
        p_prec = sum(s.paras_right for s in ok) / max(1, sum(s.paragraphs for s in ok))
        q_key = sum(s.quotes_key for s in ok)
        quotes = f"{100 * sum(s.quotes_right for s in ok) / q_key:5.1f}%" if q_key else "-"
        rec = [s.recall for s in ok] or [0.0]
        prec = [s.precision for s in ok] or [0.0]
        print(
            f"{name:<18} {n:>3} {share(lambda s: s.notes_exact):>7} {share(lambda s: s.lost_exact):>6} {share(lambda s: s.pages_exact):>7} "
            f"{share(lambda s: s.heads_exact):>7} {share(lambda s: s.items == s.items_key):>7} {share(lambda s: s.closers == s.closers_key):>7} {share(lambda s: s.title_page_kept):>7} {100 * placed:6.1f}% {100 * paras:5.1f}% {100 * p_prec:5.1f}% {quotes:>6} {min(rec):8.4f} {sum(rec) / len(rec):8.4f} "
            f"{min(prec):8.4f} {sum(prec) / len(prec):8.4f} {n - len(ok):>6}"
        )
    goal = [s for _, rs in rows[-1:] for _, s in rs]
    good = sum(1 for s in goal if s and s.notes_exact and s.lost_exact and s.pages_exact and s.heads_exact)
    words = sum(1 for s in goal if s and s.recall >= 0.998 and s.precision >= 0.998)
    paras = sum(s.paras_right for s in goal if s) / max(1, sum(s.paragraphs_key for s in goal if s))
    print(f"paragraphs found with their first and last words, in order: {100 * paras:.1f}%")
    print(f"goal: notes, lost notes, pages and headings all exact in {good}/{len(goal)} ({100 * good / len(goal):.0f}%, goal 95%); words >= 0.998 both ways in {words}/{len(goal)}")


def pdf_rounds(work: Path) -> None:
    start = time.perf_counter()
    texts = [importgen.FIXTURES / "gen-werkstatt.xml", *sorted((ROOT / "editions" / "russische-revolution" / "texts").glob("*.xml"))]
    texts += [p for p in importgen.texts() if p.parent == importgen.SHARED]
    pdfs = pdfround.build_pdfs(texts, work)
    print(f"{'text':<38} {'mode':<8} {'rec':>7} {'prec':>7} {'notes':>7} {'text':>5} {'placed':>6} {'heads':>5} {'found':>5} {'import':>6}")
    for tei, pdf in zip(texts, pdfs):
        for mode in pdfround.MODES:
            r = pdfround.round_trip(tei, pdf, mode)
            if r.error:
                print(f"{r.text[:38]:<38} {mode:<8} error: {r.error}")
                continue
            print(f"{r.text[:38]:<38} {mode:<8} {r.recall:7.4f} {r.precision:7.4f} {r.notes:7} {r.found:5} {r.placed:6} {r.heads:5} {r.heads_found:5} {r.heads_import:6}")
    print(f"{len(texts)} texts x {len(pdfround.MODES)} extractions, {time.perf_counter() - start:.1f} s")


def _missed(s: Score) -> list[str]:
    out = [f"{what} {got}/{want}" for what, ok, got, want in (
        ("notes", s.notes_exact, s.notes_right, s.notes), ("lost", s.lost_exact, s.lost_right, s.lost_key),
        ("pages", s.pages_exact, s.pages, s.pages_key), ("heads", s.heads_exact, s.heads_right, s.heads_key),
    ) if not ok]
    return out + [f"words {s.recall:.4f}/{s.precision:.4f}"] if min(s.recall, s.precision) < 0.998 else out


if __name__ == "__main__":
    main()
