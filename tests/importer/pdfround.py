"""Round trips through real PDFs: TEI texts → the toolkit's own PDFs (an edition made with ``edition new`` and
``edition add``, typeset by the PDF step) → ``pdftotext`` (default, ``-raw``, ``-layout``) → ``edition import``
→ scored against the TEI source: its words (multisets), its notes (found with text, word for word after the
right two words) and its headings (found, letter case aside: a PDF may set them in capitals).

The PDF prints more than the essay (a title page, the text's particulars, contents, the person register,
notes on the edition, an imprint): those words count against the precision, as they would for any book.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import importgen as G
from importscore import T, _no_notes, _stream
from lxml import etree

from edition.errors import LocatedError
from edition.importer.meta import Meta
from edition.importer.pipeline import run
from edition.importer.source import parse_source

MODES = {"default": [], "raw": ["-raw"], "layout": ["-layout"]}


@dataclass
class Round:
    text: str
    mode: str
    recall: float = 0.0
    precision: float = 0.0
    notes: int = 0  #: notes of the TEI source
    found: int = 0  #: notes of the import that have a text
    placed: int = 0  #: notes after the right two words with the right text, word for word (any text for a lost one)
    heads: int = 0  #: headings of the TEI source
    heads_found: int = 0  #: of them, found as headings of the import
    heads_import: int = 0  #: headings of the import (the PDF's title page and apparatus add some)
    error: str = ""


def build_pdfs(texts: list[Path], work: Path) -> list[Path]:
    """An edition in ``work/ed`` holding ``texts``, and their PDFs in ``work/pdf`` (made again only when missing)."""
    from edition.project import add_texts, new_edition
    from edition.transform.pdf import build_pdf

    ed = work / "ed"
    if not (ed / "edition.toml").exists():
        new_edition(ed, "Rundreise", "de", "2026-01-01")
    copied, problems = add_texts(ed, texts)
    assert not problems, problems
    out = []
    for tei in copied:
        pdf = work / "pdf" / f"{tei.stem}.pdf"
        if not pdf.exists():
            build_pdf(tei, ed, pdf)
        out.append(pdf)
    return out


def extract(pdf: Path, mode: str) -> bytes:
    return subprocess.run(["pdftotext", *MODES[mode], str(pdf), "-"], capture_output=True, check=True).stdout


def source_text(tei: Path) -> G.Text:
    return G.set_quotes(G.read_text(tei), False)


def meta_for(t: G.Text) -> Meta:
    title = t.title + ["", ""]
    return Meta(
        id="pdf", language="de", title=G._ANCHOR.sub("", title[0]), subtitle=G._ANCHOR.sub("", title[1]), author=t.author,
        author_ref="", year="", original_note="", rights="", abstract="", publisher="bench", edition="0", date="2026-01-01",
        licence="CC0", licence_target="", encoder="bench", changes=(("2026-01-01", "round trip"),),
    )


def round_trip(tei: Path, pdf: Path, mode: str) -> Round:
    t = source_text(tei)
    r = Round(tei.stem, mode)
    try:
        data, _ = run(parse_source(extract(pdf, mode), f"{tei.stem}.txt"), meta_for(t))
    except LocatedError as exc:
        r.error = str(exc)
        return r
    text = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)).find(f"{T}text")
    stream = " ".join(t.title + [t.byline] + [b.text for b in t.blocks])
    want = Counter(G._words(stream) + [w for s in t.notes for w in G._words(s)])
    got = Counter(G.TOK.findall(" ".join(text.itertext())))
    common = sum((got & want).values())
    r.recall, r.precision = common / max(1, sum(want.values())), common / max(1, sum(got.values()))
    _, notes = _stream(text)
    key = [(tuple(G._words(stream[: m.start()])[-2:]), " ".join(G.TOK.findall(t.notes[int(m.group(1))]))) for m in G._ANCHOR.finditer(stream)]
    r.notes, r.found = len(key), sum(1 for _, s in notes if s)
    # A note lost in the source is printed with the toolkit's placeholder: any text after the right words is right.
    r.placed = sum(1 for k in key if k in notes or not k[1] and any(before == k[0] for before, _ in notes))
    found = [" ".join(G.TOK.findall("".join(_no_notes(h)))).casefold() for h in text.iter(f"{T}head")]
    heads, r.heads_import = set(found), len(found)
    want_heads = [" ".join(G._words(b.text)).casefold() for b in t.blocks if b.kind == "head"]
    r.heads, r.heads_found = len(want_heads), sum(1 for h in want_heads if h in heads)
    return r
