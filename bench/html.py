"""Print the HTML build time for the bundled edition and for a generated 5 MB TEI essay.

The bundled edition is editions/russische-revolution; the generated essay replaces the text of a
copy of the sample fixture edition (tests/fixtures/sample-edition).
Usage: python3 bench/html.py [--mb 5]
"""

from __future__ import annotations

import argparse
import copy
import shutil
import tempfile
import time
from pathlib import Path

from lxml import etree

from edition.core import read_edition
from edition.paths import ROOT
from edition.transform import html
from edition.xmlio import NS, TEI_NS, parse
from edition.xslt import to_xdm

BUNDLED = ROOT / "editions" / "russische-revolution"
SAMPLE = ROOT / "tests" / "fixtures" / "sample-edition"


def big_essay(target_bytes: int) -> bytes:
    """The sample essay with its body section repeated until the file reaches ``target_bytes``;
    notes and page breaks renumbered so the document still follows the encoding contract."""
    tree = parse(read_edition(SAMPLE).texts[0])
    body = tree.find(".//tei:body", NS)
    section = copy.deepcopy(body.find("tei:div", NS))
    unit = len(etree.tostring(section))
    while len(etree.tostring(tree)) < target_bytes:
        missing = target_bytes - len(etree.tostring(tree))
        for _ in range(max(1, missing // unit)):
            body.append(copy.deepcopy(section))
    for n, note in enumerate(tree.iterfind(".//tei:note[@place='foot']", NS), start=1):
        note.set("n", str(n))
    for n, pb in enumerate(tree.iter(f"{{{TEI_NS}}}pb"), start=1):
        pb.set("n", str(n))
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def timed_build(edition_dir: Path, label: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        start = time.perf_counter()
        edition = read_edition(edition_dir)
        corpus = html.load_corpus(edition)
        parsed = time.perf_counter()
        ids = [html.text_id(p) for p in edition.texts]
        pages = html.render_pages(to_xdm(corpus), ids, edition.stylesheet_params)
        rendered = time.perf_counter()
        html.build_html(edition_dir, out)  # the full build, including assets and the search index
        total = time.perf_counter() - rendered
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(f"{label}: parse {parsed - start:.2f} s, XSLT {len(pages)} pages {rendered - parsed:.2f} s, "
              f"full build_html {total:.2f} s ({size / 1e6:.1f} MB site)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated essay in MB")
    args = parser.parse_args()
    timed_build(BUNDLED, f"bundled edition ({len(read_edition(BUNDLED).texts)} essays)")
    timed_build(BUNDLED, "bundled edition, stylesheets already compiled")
    with tempfile.TemporaryDirectory() as tmp:
        edition_dir = Path(shutil.copytree(SAMPLE, Path(tmp) / "big"))
        data = big_essay(int(args.mb * 1_000_000))
        read_edition(edition_dir).texts[0].write_bytes(data)
        timed_build(edition_dir, f"generated essay ({len(data) / 1e6:.1f} MB TEI)")


if __name__ == "__main__":
    main()
