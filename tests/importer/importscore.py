"""Score an import (TEI bytes) against the answer key of a generated extraction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from edition.importer.meta import Meta
from importgen import TOK, Extraction, Key

T = "{http://www.tei-c.org/ns/1.0}"


@dataclass
class Score:
    notes: int  # key notes
    notes_right: int  # placed after the right words, lost or not as in the key, text word for word
    lost_key: int
    lost_right: int  # lost in the key and marked lost (gap) in the import, at the right place
    lost_false: int  # marked lost in the import where the key has a text
    notes_exact: bool
    lost_exact: bool
    pages_key: int
    pages: int
    page_names_right: bool  # every pb/@n is the page's printed number, or its position where none is printed
    heads_key: int
    heads_right: int
    heads_exact: bool
    paragraphs_key: int
    paragraphs: int
    paras_right: int  # paragraphs of the key found with their first and last word, in order (an alignment)
    quotes_key: int
    quotes: int  # block quotations in the import
    quotes_right: int  # block quotations of the key found with their first and last word, in order
    items_key: int
    items: int  # list items in the import
    closers_key: int
    closers: int  # date lines and signatures in the import
    title_page_key: int  # lines of the title page beyond title, subtitle and byline
    title_page_kept: bool  # each of them out of the text, in the header's note on the title page
    recall: float
    precision: float

    @property
    def pages_exact(self) -> bool:
        return self.pages == self.pages_key and self.page_names_right


def meta_for(x: Extraction) -> Meta:
    """The metadata an editor would give for a generated extraction: title, subtitle and author as printed."""
    title = x.key.title + ["", ""]
    return Meta(
        id="gen", language="de", title=title[0], subtitle=title[1], author=x.key.author, author_ref="", year="",
        original_note="", rights="", abstract="", publisher="bench", edition="0", date="2026-01-01",
        licence="CC0", licence_target="", encoder="bench", changes=(("2026-01-01", "generated extraction"),),
    )


def _stream(text: etree._Element) -> tuple[list[str], list[tuple[tuple[str, ...], str | None]]]:
    """Words of the running text in order, and each note's two words before it with its text (None: gap)."""
    words: list[str] = []
    notes: list[tuple[tuple[str, ...], str | None]] = []

    def walk(e: etree._Element) -> None:
        words.extend(TOK.findall(e.text or ""))
        for c in e:
            if isinstance(c.tag, str) and etree.QName(c).localname == "note":
                lost = c.find(f"{T}gap[@reason='lost']") is not None
                notes.append((tuple(words[-2:]), None if lost else " ".join(TOK.findall("".join(c.itertext())))))
            elif isinstance(c.tag, str):
                walk(c)
            words.extend(TOK.findall(c.tail or ""))

    walk(text)
    return words, notes


def score(tei: bytes, key: Key) -> Score:
    root = etree.fromstring(tei, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    text = root.find(f"{T}text")
    _, notes = _stream(text)
    key_notes = [(before, None if s is None else " ".join(TOK.findall(s))) for before, s in key.notes]
    right = sum(1 for a, b in zip(notes, key_notes) if a == b)
    lost_right = sum(1 for a, b in zip(notes, key_notes) if b[1] is None and a == b)
    lost_false = sum(1 for a, b in zip(notes, key_notes) if a[1] is None and b[1] is not None)
    heads = [" ".join(TOK.findall("".join(_no_notes(h)))) for h in text.iter(f"{T}head")]
    paras = [_ends(p) for p in text.iter(f"{T}p") if not _in_note(p)]
    quotes = [_ends(q) for q in text.iter(f"{T}quote") if etree.QName(q.getparent()).localname == "div"]
    heads_right = sum(1 for h in key.heads if h in heads)
    got = Counter(TOK.findall(" ".join(text.itertext())))
    want = Counter(key.words)
    common = sum((got & want).values())
    return Score(
        notes=len(key_notes), notes_right=right,
        lost_key=sum(1 for _, s in key_notes if s is None), lost_right=lost_right, lost_false=lost_false,
        notes_exact=notes == key_notes,
        lost_exact=[a[1] is None for a in notes] == [b[1] is None for b in key_notes],
        pages_key=key.pages, pages=len(text.findall(f".//{T}pb")),
        page_names_right=[pb.get("n") for pb in text.iter(f"{T}pb")] == [n or str(p) for p, n in enumerate(key.printed, 1)],
        heads_key=len(key.heads), heads_right=heads_right, heads_exact=heads == key.heads,
        paragraphs_key=len(key.paras), paragraphs=len(paras), paras_right=_aligned(paras, key.paras),
        quotes_key=len(key.quotes), quotes=len(quotes), quotes_right=_aligned(quotes, key.quotes),
        items_key=key.items, items=len(text.findall(f".//{T}item")),
        closers_key=key.closers, closers=len(text.findall(f".//{T}dateline")) + len(text.findall(f".//{T}signed")),
        title_page_key=len(key.title_page), title_page_kept=_title_page_kept(root, text, key.title_page),
        recall=common / max(1, sum(want.values())), precision=common / max(1, sum(got.values())),
    )


def _title_page_kept(root: etree._Element, text: etree._Element, lines: list[str]) -> bool:
    """The title page's lines are no text (no block of the text holds their words) and the header notes them."""
    note = " ".join(TOK.findall(" ".join("".join(n.itertext()) for n in root.iterfind(f".//{T}sourceDesc//{T}note[@type='titlePage']"))))
    blocks = [" ".join(TOK.findall("".join(_no_notes(b)))) for b in text.iter(f"{T}head", f"{T}p", f"{T}item", f"{T}dateline", f"{T}signed")]
    return all(" ".join(TOK.findall(s)) in note and " ".join(TOK.findall(s)) not in blocks for s in lines)


def _ends(e: etree._Element) -> tuple[str, str]:
    w = TOK.findall("".join(_no_notes(e)))
    return (w[0], w[-1]) if w else ("", "")


def _in_note(e: etree._Element) -> bool:
    return any(etree.QName(a).localname == "note" for a in e.iterancestors())


def _aligned(found: list[tuple[str, str]], key: list[tuple[str, str]]) -> int:
    """The longest common subsequence: a paragraph split, merged or misplaced counts against itself and its neighbours."""
    prev = [0] * (len(key) + 1)
    for f in found:
        cur = [0]
        for j, k in enumerate(key):
            cur.append(prev[j] + 1 if f == k else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _no_notes(e: etree._Element) -> list[str]:
    out = [e.text or ""]
    for c in e:
        if not (isinstance(c.tag, str) and etree.QName(c).localname == "note"):
            out += _no_notes(c)
        out.append(c.tail or "")
    return out
