"""Every file of ../shared/corpus/ (real TEI from other projects) goes through `edition new`,
`edition add` and `edition build --allow-invalid`, and nothing of it is silently lost: each file
has its HTML page and its PDF, both keep at least 99.9 % of the words of its <text> (as multisets,
counted by bench/corpus.py's rules), the PDF lays out each verse line, speech, table cell and
figure as a structure of its own, no HTML id occurs twice on a page, and every page of the site
passes the Nu HTML Checker (no errors) and axe-core in Chromium (no violations).

The corpus lies beside the checkout (CI clones the repository with ../shared next to it); without
it the tests fail, never skip. The edition is built once for the module."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

from bench.corpus import KINDS, Row, read_html, read_pdf, recall, source_row
from edition.project import slug
from edition.transform.pdf import typst_markup

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
FILES = sorted(CORPUS.glob("*.xml"))
EDITION = [sys.executable, "-c", "from edition.cli import main; main()"]
RECALL = 0.999
NODE = REPO / "tests" / "node" / "node_modules"  # scripts/install-test-deps.sh installs them


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EDITION, *args], capture_output=True, text=True, check=False, cwd=REPO)


@dataclass(frozen=True)
class Built:
    rows: dict[str, Row]  #: per corpus file name
    log: list[str]
    site: Path  #: the built site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if not FILES:
        pytest.fail(f"the corpus is missing: no TEI files in {CORPUS} (clone the shared folder beside the checkout)")
    folder = tmp_path_factory.mktemp("corpus") / "edition"
    steps = [("new", str(folder), "--title", "Corpus", "--lang", "en", "--date", "2026-01-01"),
             ("add", str(folder), *map(str, FILES)),
             ("build", str(folder), "--allow-invalid")]
    log: list[str] = []
    for step in steps:
        done = run(*step)
        log += (done.stdout + done.stderr).splitlines()
        assert done.returncode == 0, f"edition {step[0]} failed ({done.returncode}):\n{done.stderr[-3000:]}"
    rows = {}
    for file in FILES:
        # a text keeps its file name, or a slug of it where that is no id (as edition add names it)
        text = next((t for t in (folder / "texts" / f"{stem}.xml" for stem in (file.stem, slug(file.stem))) if t.is_file()), None)
        assert text is not None, f"{file.name}: not added to the edition"
        row = source_row(text.stem, file)
        read_html(row, folder / "build" / "site" / f"{text.stem}.html")
        read_pdf(row, folder / "build" / "pdf" / f"{text.stem}.pdf", log, partial(typst_markup, text, folder))
        rows[file.name] = row
    return Built(rows, log, folder / "build" / "site")


def test_the_corpus_is_there() -> None:
    assert CORPUS.is_dir() and FILES, f"the corpus is missing: {CORPUS}"


def test_every_file_has_its_page_and_its_pdf(built: Built) -> None:
    missing = {name: problem for name, r in built.rows.items() if (problem := r.html_problem or r.pdf_problem)}
    assert not missing, missing


def test_the_pdf_keeps_the_words(built: Built) -> None:
    low = {name: round(recall(r.source, r.pdf_words), 4) for name, r in built.rows.items()
           if recall(r.source, r.pdf_words) < RECALL}
    assert not low, f"PDF word recall below {RECALL}: {low}"


def test_the_html_keeps_the_words(built: Built) -> None:
    low = {name: round(recall(r.source, r.html_words), 4) for name, r in built.rows.items()
           if recall(r.source, r.html_words) < RECALL}
    assert not low, f"HTML word recall below {RECALL}: {low}"


def test_the_pdf_lays_out_every_structure(built: Built) -> None:
    wrong = {name: {k: (r.counts[k], r.pdf_shown.get(k, 0)) for k in KINDS if r.counts[k] != r.pdf_shown.get(k, 0)}
             for name, r in built.rows.items()}
    wrong = {name: kinds for name, kinds in wrong.items() if kinds}
    assert not wrong, f"kind: (in the source, laid out in the PDF): {wrong}"


def test_no_html_id_twice(built: Built) -> None:
    twice = {name: r.duplicate_ids for name, r in built.rows.items() if r.duplicate_ids}
    assert not twice, twice


def test_every_page_passes_the_nu_checker(built: Built) -> None:
    pages = sorted(built.site.glob("*.html"))
    result = subprocess.run(["java", "-jar", str(NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"), "--errors-only",
                             "--format", "json", *map(str, pages)], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert len(pages) > len(FILES) and messages == [], json.dumps(messages, ensure_ascii=False, indent=1)[:3000]


@pytest.mark.browser
def test_every_page_passes_axe(built: Built, browser) -> None:
    from edition.transform.serve import serve_in_thread

    server = serve_in_thread(built.site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    found = {}
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for html_page in sorted(built.site.glob("*.html")):
            page.goto(url + html_page.name)
            page.add_script_tag(path=str(NODE / "axe-core" / "axe.min.js"))
            violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
            if violations:
                found[html_page.name] = [(v["id"], v["nodes"][0]["target"]) for v in violations]
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    assert found == {}, found
