"""Per-text build steps: reading pages rendered one by one are the whole corpus's pages, an unchanged
text is neither validated nor rendered nor typeset again, and worker processes give the same bytes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import edition.build as build_module
from edition.core import read_edition
from edition.executor import PARALLEL_FROM, Processes
from edition.transform import html
from edition.xslt import to_xdm

Snapshot = Callable[[Path], dict[str, bytes]]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Which texts each per-text step ran on (the real tasks still run, in the build's process)."""
    seen: dict[str, list[str]] = {"validate": [], "page": [], "pdf": []}
    validate, page, pdf = build_module._validate_job, build_module._page_job, build_module._pdf_job

    def spy_validate(check):
        seen["validate"].append(check.path.stem)
        return validate(check)

    def spy_page(edition_dir: Path, text: Path, *args):
        seen["page"].append(text.stem)
        return page(edition_dir, text, *args)

    def spy_pdf(essay: Path, *args):
        seen["pdf"].append(essay.stem)
        return pdf(essay, *args)

    key = build_module.toolkit_key()  # other work in a shared tree may touch the toolkit meanwhile
    monkeypatch.setattr(build_module, "toolkit_key", lambda: key)
    monkeypatch.setattr(build_module, "_validate_job", spy_validate)
    monkeypatch.setattr(build_module, "_page_job", spy_page)
    monkeypatch.setattr(build_module, "_pdf_job", spy_pdf)
    return seen


def test_pages_rendered_one_by_one_are_the_corpus_pages(edition_dir: Path) -> None:
    edition = read_edition(edition_dir)
    params = edition.stylesheet_params
    whole = html.render_pages(to_xdm(html.load_corpus(edition)), [html.text_id(t) for t in edition.texts], params)
    for text in edition.texts:
        assert html.essay_page(edition, text, params) == whole[f"{text.stem}.html"]


def test_one_changed_text_is_the_only_one_redone(build: Callable[..., Result], edition_dir: Path, tmp_path: Path,
                                                 counted: dict[str, list[str]], snapshot: Snapshot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    assert build("-j", "1").exit_code == 0
    assert sorted(counted["page"]) == sorted(counted["pdf"]) == ["sample", "second"]
    assert sorted(counted["validate"]) == ["persons", "sample", "second"]
    for seen in counted.values():
        seen.clear()
    second = edition_dir / "tei" / "essays" / "second.xml"
    second.write_text(second.read_text(encoding="utf-8").replace("Ein zweiter Beispieltext.", "Ein geänderter Text."),
                      encoding="utf-8")
    result = build("-j", "1")
    assert result.exit_code == 0, result.output
    assert counted == {"validate": ["second"], "page": ["second"], "pdf": ["second"]}
    # The same bytes as a build from nothing.
    fresh = tmp_path / "fresh"
    shutil.copytree(edition_dir, fresh, ignore=shutil.ignore_patterns("build"))
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache-fresh"))
    assert build("-j", "1", edition=fresh).exit_code == 0
    assert snapshot(fresh / "build") == snapshot(edition_dir / "build")


def test_worker_processes_give_the_bytes_of_one_process(build: Callable[..., Result], edition_dir: Path, tmp_path: Path,
                                                        snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch,
                                                        add_renamed_copies: Callable[[Path, int], None]) -> None:
    add_renamed_copies(edition_dir, PARALLEL_FROM)  # enough texts that the steps do go to worker processes
    serial = tmp_path / "serial"
    shutil.copytree(edition_dir, serial)
    started: list[bool] = []
    close = Processes.close

    def spy_close(self: Processes) -> None:
        started.append(any(p is not None for p in self._pools))
        close(self)

    monkeypatch.setattr(Processes, "close", spy_close)
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache-2"))
    two = build("-j", "2")
    assert two.exit_code == 0, two.output
    assert started[:1] == [True] and started.count(True) == 1  # workers started once, for every step
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache-1"))
    assert build("-j", "1", edition=serial).exit_code == 0
    assert snapshot(edition_dir / "build") == snapshot(serial / "build")


@pytest.mark.parametrize("damage, status, where", [
    (("<p>Ein Vorwort", "<p><bogus/>Ein Vorwort"), 1, ":51:"),  # invalid: named by validation, not by a page or PDF
    (("</TEI>", ""), 2, ":"),  # not well-formed: unreadable, whichever step met it first
])
def test_steps_queued_at_once_still_stop_on_validation_and_write_nothing(
        build: Callable[..., Result], edition_dir: Path, add_renamed_copies: Callable[[Path, int], None],
        damage: tuple[str, str], status: int, where: str) -> None:
    add_renamed_copies(edition_dir, PARALLEL_FROM)  # pages and PDFs are queued with the checks
    essay = edition_dir / "tei" / "essays" / "second.xml"
    essay.write_text(essay.read_text(encoding="utf-8").replace(*damage), encoding="utf-8")
    before = sorted(p.name for p in edition_dir.parent.iterdir())
    result = build("-j", "2")
    assert result.exit_code == status, result.output
    assert f"{essay}{where}" in result.output and "Traceback" not in result.output
    assert "nothing was built or written" in result.output
    assert not (edition_dir / "build").exists()
    assert sorted(p.name for p in edition_dir.parent.iterdir()) == before


def test_corpus_pages_and_their_index_kept_while_no_summary_changes(
        build: Callable[..., Result], edition_dir: Path, tmp_path: Path, snapshot: Snapshot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A change that leaves every text's summary as it was (a word in a list) makes again only the
    search page (it lists the texts' indexes, one of which is new) and indexes only the changed
    text's share of the search; a change of a summary (a person named) makes and indexes the rest."""
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    key = build_module.toolkit_key()
    monkeypatch.setattr(build_module, "toolkit_key", lambda: key)
    made: list[str] = []
    indexed: list[str] = []
    corpus_pages, pagefind = html.corpus_pages, html._pagefind

    def spy_corpus(edition, summaries, params, names=None, search_bundles=None):
        made.extend(names if names is not None else html.SITE_PAGES)
        return corpus_pages(edition, summaries, params, names, search_bundles)

    def spy_pagefind(out_dir: Path, bundle: html.Bundle):
        indexed.append(bundle.folder)
        return pagefind(out_dir, bundle)

    monkeypatch.setattr(html, "corpus_pages", spy_corpus)
    monkeypatch.setattr(html, "_pagefind", spy_pagefind)
    monkeypatch.setattr(html, "SHARD_PAGES", 1)  # the texts' pages in indexes of their own, the corpus pages in pagefind/
    assert build("-j", "1").exit_code == 0
    assert made == list(html.SITE_PAGES) and sorted(indexed)[0] == "pagefind" and len(indexed) == 3
    site = edition_dir / "build" / "site"
    kept = ["index.html", "register.html", "chronologie.html", "pagefind/pagefind-entry.json"]
    before = {name: (site / name).stat().st_ino for name in kept}
    second = edition_dir / "tei" / "essays" / "second.xml"
    made.clear(), indexed.clear()
    second.write_text(second.read_text(encoding="utf-8").replace("zweitens", "drittens"), encoding="utf-8")
    result = build("-j", "1")
    assert result.exit_code == 0, result.output
    assert made == [html.SEARCH_PAGE] and len(indexed) == 1 and indexed[0].startswith("pagefind-de-")
    assert {name: (site / name).stat().st_ino for name in kept} == before  # linked from the last site
    assert "drittens" in (site / "second.html").read_text(encoding="utf-8")
    # The same bytes as a build from nothing.
    fresh = tmp_path / "fresh"
    shutil.copytree(edition_dir, fresh, ignore=shutil.ignore_patterns("build"))
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache-fresh"))
    assert build("-j", "1", edition=fresh).exit_code == 0
    assert snapshot(fresh / "build") == snapshot(edition_dir / "build")
    # A summary changed: a person now named in the second text.
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    made.clear(), indexed.clear()
    second.write_text(second.read_text(encoding="utf-8").replace(
        "<item>drittens</item>", '<item><persName ref="psn:muster-max">Muster</persName></item>'), encoding="utf-8")
    result = build("-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(made) == sorted(html.SITE_PAGES) and "pagefind" in indexed
    assert (site / "register.html").stat().st_ino != before["register.html"]
