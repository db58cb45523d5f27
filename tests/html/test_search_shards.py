"""Search indexes split into shards named by their content: which pages go where, that a changed
text re-indexes its own shard only (the others are linked from the last site), and that a reader
still finds every text from the search page (Chromium)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from html_support import SAMPLE, serving

from edition.transform import html
from edition.transform.html import build_html, merged_bundles, search_bundles

CORPUS = ["index.html", "register.html", "suche.html"]
#: A word of its own for each text (no one a prefix or stem of another), and the word that replaces the first.
WORDS = ["Apfelbaumhain", "Birnenspalier", "Kirschgarten", "Pflaumenwiese"]
NEW = "Quittenhecke"


def pages(names: list[str], lang: str = "de", body: str = "") -> dict[str, str]:
    return {n: f'<!DOCTYPE html>\n<html lang="{lang}"><body>{n}{body}</body></html>' for n in names}


def test_few_pages_one_index_per_language() -> None:
    bundles = search_bundles({**pages(["a.html", "b.html"]), **pages(["e.html"], "en")}, CORPUS, "de", shard=4)
    assert [(b.folder, b.lang, b.pages, b.keyed) for b in bundles] == [
        ("pagefind", "de", ("a.html", "b.html", "index.html", "register.html", "suche.html"), False),
        ("pagefind-en", "en", ("e.html",), False)]
    assert merged_bundles(bundles) == "en:pagefind-en/"


def test_many_pages_shards_named_by_content() -> None:
    names = [f"t{n:03d}.html" for n in range(40)]
    bundles = search_bundles(pages(names), CORPUS, "de", shard=8)
    primary, *shards = bundles
    assert (primary.folder, primary.pages) == ("pagefind", tuple(CORPUS))  # the corpus pages alone
    assert len(shards) == 8 and all(b.keyed and b.folder.startswith("pagefind-de-") for b in shards)  # 40/8 → 5 → 8
    assert sorted(p for b in shards for p in b.pages) == names  # every text once
    assert merged_bundles(bundles).split() == [f"de:{b.folder}/" for b in shards]
    # One changed text: only its shard gets another name.
    changed = {**pages(names), "t007.html": pages(["t007.html"], body="geändert")["t007.html"]}
    again = search_bundles(changed, CORPUS, "de", shard=8)
    moved = {b.folder for b in again} ^ {b.folder for b in bundles}
    assert len(moved) == 2 and any("t007.html" in b.pages for b in again if b.folder in moved)
    # One more text: the others stay in their shards (the number of shards has not doubled).
    more = search_bundles({**pages(names), **pages(["t999.html"])}, CORPUS, "de", shard=8)
    assert {p: b.pages for b in bundles[1:] for p in b.pages if p != "t999.html"}.keys() == set(names)
    assert len({b.folder for b in more} - {b.folder for b in bundles}) == 1


@pytest.mark.browser
@pytest.mark.slow
def test_sharded_site_rebuilt_after_one_change_finds_every_text(
        page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, add_renamed_copies) -> None:
    edition = tmp_path / "ed"
    shutil.copytree(SAMPLE, edition)
    add_renamed_copies(edition, 3)
    essays = sorted((edition / "tei" / "essays").glob("*.xml"))
    for n, essay in enumerate(essays):  # a word of its own in each text's first paragraph
        text = essay.read_text(encoding="utf-8")
        at = text.index("</p>", text.index("<body"))
        essay.write_text(text[:at] + f" {WORDS[n]}" + text[at:], encoding="utf-8")
    monkeypatch.setattr(html, "SHARD_PAGES", 1)
    first = tmp_path / "site1"
    build_html(edition, first)
    shards = sorted(p.name for p in first.iterdir() if p.name.startswith("pagefind-de-"))
    assert len(shards) >= 2, shards
    essays[0].write_text(essays[0].read_text(encoding="utf-8").replace(WORDS[0], NEW), encoding="utf-8")
    second = tmp_path / "site2"
    build_html(edition, second, previous=first)
    kept = sorted(p.name for p in second.iterdir() if p.name.startswith("pagefind-de-"))
    assert len(set(kept) - set(shards)) == 1, (shards, kept)  # the changed text's shard alone is new
    for name in set(kept) & set(shards):  # the others are the last site's files, linked
        for f in (second / name).rglob("*"):
            if f.is_file():
                assert os.stat(f).st_ino == os.stat(first / name / f.relative_to(second / name)).st_ino
    for url in serving(second):
        # Each word is found in its text's page (and the chronology, which quotes the paragraph), nowhere else.
        stems = [e.stem for e in essays]
        for word, found in [(NEW, stems[:1]), (WORDS[0], []), *((w, [s]) for w, s in zip(WORDS[1:], stems[1:]))]:
            page.goto(url + "suche.html?q=" + word)
            page.wait_for_function("document.getElementById('suchstatus').textContent.trim().length > 0 "
                                   "&& !document.getElementById('suchstatus').textContent.includes('…')")
            hrefs = page.locator("#suchergebnisse a.result-place").evaluate_all("links => links.map(a => a.getAttribute('href'))")
            texts = sorted({h.split("/")[-1].split(".html")[0] for h in hrefs} & set(stems))
            assert texts == found, (word, hrefs)
