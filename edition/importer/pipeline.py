"""The import: source text + metadata → TEI bytes + report."""

from __future__ import annotations

import re

from . import blocks as blk
from . import notes as nts
from . import quotes, structure, writer
from .hyphenation import mid_line_compounds
from .meta import Meta
from .paged import analyse_paged
from .pages import Layout, analyse
from .report import Report
from .source import Source, SourceError


def _layout(src: Source) -> Layout:
    """Pages with their body, feet and furniture.

    Form feeds give the pages. Without them, single-spaced pages are found by the leading
    space that starts them and then read like any paged extraction (edges, feet by their
    labels); double-spaced ones by the rhythm of their blank lines, which also marks the feet.
    """
    if src.breaks:
        return analyse_paged(src.lines, src.breaks)
    lay = analyse(src.lines)
    if lay.spacing == "double":
        return lay
    paged = analyse_paged(src.lines, frozenset(p.line - 1 for p in lay.pages[1:]))
    paged.doubts = [d for d in lay.doubts if "page start" in d or "leading space" in d] + paged.doubts
    return paged


def _marker_line(joined: str, blocks: list[blk.Block], m: nts.Marker) -> int:
    """The source line of marker ``m`` in ``joined`` (the blocks' texts, one a line): the line of its block that
    holds its number after the end of the word before it, else the block's first line."""
    block = blocks[joined.count("\n", 0, m.start)]
    word = re.search(r"([^\W\d_]{1,4})[^\w\s]*\s?$", joined[joined.rfind("\n", 0, m.start) + 1 : m.start])
    for line in block.lines:
        if word and re.search(re.escape(word.group(1)) + r"[^\w\s]*\s?" + str(m.n) + r"(?!\d)", line.raw):
            return line.no
    return block.first


def _between(at: dict[int, int], n: int) -> tuple[int | None, int | None]:
    """The lines of the markers found before and after a missing marker ``n``: where it should stand."""
    return max((line for k, line in at.items() if k < n), default=None), min((line for k, line in at.items() if k > n), default=None)


def run(src: Source, meta: Meta, links: writer.Links = writer.Links()) -> tuple[bytes, Report]:
    rep = Report(src.name)
    lay = _layout(src)
    rep.spacing, rep.pages = lay.spacing, len(lay.pages)
    rep.printed_pages = [(p.position, p.printed) for p in lay.pages if p.printed]
    rep.doubts += lay.doubts
    if src.invisible:
        shown = ", ".join(map(str, src.invisible[:12])) + (", …" if len(src.invisible) > 12 else "")
        rep.doubts.append(f"lines {shown}: invisible format characters (word joiners, zero-width spaces, soft hyphens inside a line) removed")
    compounds = mid_line_compounds(src.lines)

    toc = blk.contents(lay.body)
    if toc:
        rep.doubts.append(f"lines {toc[0].no}–{toc[-1].no}: {len(toc)} lines of a table of contents left out (dot leaders and page numbers)")
        left_out = {x.no for x in toc}
        lay.body = [x for x in lay.body if x.no not in left_out]
    front, start = blk.front_blocks(lay.body, meta.title, meta.subtitle, meta.author)
    text_start = blk.title_page(lay.body, start)
    imprint, start = lay.body[start:text_start], text_start
    rep.doubts += [f"line {x.no}: {x.text!r} on the title page kept out of the text (noted in the header's source description)" for x in imprint]
    if start == len(lay.body):
        # A TEI body needs content; an empty one would be a draft that can never validate.
        last = lay.body[-1].no if lay.body else len(src.lines)
        raise SourceError(src.shown, last, 1, "no body text: every line is front matter, page furniture or a note")
    habits = blk.head_words(lay.body[start:], blk.detect_habits(lay.body[start:], lay.spacing), bool(front))
    body_blocks = blk.segment(lay.body[start:], habits, after_front=bool(front))
    all_blocks = front + body_blocks
    for b in all_blocks:
        blk.assemble(b, compounds)

    # Markers: one pass over all blocks in reading order.
    # A page that begins with a block is marked in front of it, so markers know their page.
    lead = [blk.PB.format(b.page_before) if b.page_before else "" for b in all_blocks]
    joined = "\n".join(m + b.text for m, b in zip(lead, all_blocks))
    markers, missing = nts.find_markers(joined, frozenset(z.label for z in lay.zone if z.label))
    at = {m.n: _marker_line(joined, all_blocks, m) for m in markers}
    rep.markers_apart = [(m.n, at[m.n]) for m in markers if m.apart]
    texts_at = {z.label: z.no for z in lay.zone if z.label}
    rep.markers_missing = [(n, _between(at, n), texts_at.get(n)) for n in missing]
    joined = nts.replace_markers(joined, markers)
    for b, m, t in zip(all_blocks, lead, joined.split("\n")):
        b.text = t[len(m) :]

    items = nts.assign(nts.note_items(lay.zone), markers, rep.doubts)
    for it in items:
        nts.assemble(it, compounds)
    known = {re.sub(r"^https?://", "", url): url for _, url in lay.dropped}
    note_nodes: dict[int, list[quotes.Node] | None] = {m.n: None for m in markers}
    for it in items:
        nodes, paired = quotes.parse(it.text)
        if not paired:
            rep.doubts.append(f"line {it.first}: quote marks in note {it.number} do not pair; left as printed")
        note_nodes[it.number] = quotes.link_urls(nodes, known)
    note_text = " ".join(it.text for it in items)
    for no, url in lay.dropped:
        if re.sub(r"^https?://", "", url) not in note_text:
            rep.doubts.append(f"line {no}: URL-only line {url} does not repeat a note URL, dropped anyway")
    rep.dropped = [url for _, url in lay.dropped]

    inline: dict[int, list[quotes.Node]] = {}
    for b in all_blocks:
        nodes, paired = quotes.parse(b.text)
        if not paired:
            rep.doubts.append(f"line {b.first}: quote marks do not pair in this {b.kind}; left as printed")
        inline[id(b)] = nodes
    st = structure.build(front, body_blocks, meta.author)

    joins = [j for b in all_blocks for j in b.joins] + [j for it in items for j in it.joins]
    rep.joins = len(joins)
    rep.kept_hyphens = [f"{j.result} (line {j.line})" for j in joins if j.kept]
    rep.doubtful_joins = [f"line {j.line}: {j.left}/{j.right} → {j.result}: {j.doubtful}" for j in joins if j.doubtful and not j.kept]
    rep.headings = [re.sub(r"\x01\d+\x03|\x02\d+\x03", "", b.text) for b in body_blocks if b.kind == "head"]
    rep.paragraphs = sum(1 for b in body_blocks if b.kind == "p")
    rep.list_items = sum(1 for b in body_blocks if b.kind == "item")
    rep.quotations = [b.first for b in body_blocks if b.kind == "quote"]
    rep.notes_with_text = sorted(n for n, v in note_nodes.items() if v is not None)
    rep.notes_lost = sorted(n for n, v in note_nodes.items() if v is None)
    rep.front = [b.kind for b in front] + ([f"title page ({len(imprint)} more lines)"] if imprint else []) + (["preface"] if st.preface else [])
    rep.back = st.back is not None
    rep.doubts += [f"line {b.first}: text begins with a space mid-page (indent?)" for b in body_blocks if b.lines[0].raw[:1].isspace() and not b.page_before]

    facts = writer.Facts(
        src.name, src.sha256, lay.spacing, len(lay.pages), tuple(rep.printed_pages),
        len(joins), len(rep.kept_hyphens), len(note_nodes), len(rep.notes_lost), len(lay.dropped),
        bool(src.breaks), lay.running_heads, tuple(x.text for x in imprint),
    )
    root = writer.el(None, "TEI", xml_id=meta.id, xml_lang=meta.language)
    writer.header(root, meta, facts, links)
    ctx = writer.Context(meta.id, {p.position: p.printed for p in lay.pages if p.printed}, note_nodes)
    writer.text(root, st, inline, ctx, meta.author)
    return writer.serialise(root), rep

