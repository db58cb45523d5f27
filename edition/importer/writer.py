"""Serialise the reconstructed essay as a TEI document (header + text), pretty-printed.

Only structural elements are indented; mixed content (p, head, note, …) is
written exactly as reconstructed, so indentation never adds or removes a space.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..xmlio import TEI_NS, XML_NS
from .blocks import Block
from .meta import Meta
from .quotes import Node
from .structure import Div, Structure

T = "{%s}" % TEI_NS
XML_ID = "{%s}id" % XML_NS
XML_LANG = "{%s}lang" % XML_NS
_STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "editionStmt", "publicationStmt", "sourceDesc",
    "encodingDesc", "listPrefixDef", "editorialDecl", "correction", "normalization", "hyphenation",
    "quotation", "segmentation", "stdVals", "interpretation", "profileDesc", "abstract", "langUsage",
    "calendarDesc", "calendar", "revisionDesc", "availability", "respStmt", "author", "text", "front",
    "body", "back", "div", "list", "docTitle", "closer",
}


@dataclass(frozen=True)
class Links:
    """Where the text's person references point (the edition's ``[register]``)."""

    prefix: str = "psn"  #: persName/@ref = "PREFIX:ID"
    register: str | None = "../register/persons.xml"  #: the register relative to the text; None: no register


@dataclass(frozen=True)
class Facts:
    """What the import found, for the header's editorial declarations."""

    source_name: str
    sha256: str
    spacing: str
    pages: int
    printed_pages: tuple[tuple[int, str], ...]
    joins: int
    kept_hyphens: int
    notes: int
    lost_notes: int
    dropped_lines: int
    form_feeds: bool = False  #: the extraction marks its page breaks (pdftotext)
    running_heads: int = 0  #: running heads/feet (fw) left out
    title_page: tuple[str, ...] = ()  #: lines of the title page beyond title, subtitle and byline (place, year, publisher)


def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    attrs = {("{%s}%s" % (XML_NS, k[4:]) if k.startswith("xml_") else k): v for k, v in attrs.items()}
    e = etree.Element(T + tag, attrs, nsmap={None: TEI_NS}) if parent is None else etree.SubElement(parent, T + tag, attrs)
    if text is not None:
        e.text = text
    return e


def header(root: etree._Element, meta: Meta, facts: Facts, links: Links) -> None:
    h = el(root, "teiHeader")
    fd = el(h, "fileDesc")
    ts = el(fd, "titleStmt")
    el(ts, "title", meta.title, type="main")
    if meta.subtitle:
        el(ts, "title", meta.subtitle, type="sub")
    author = el(ts, "author")
    if meta.author_ref and links.register:
        el(author, "persName", meta.author, ref=f"{links.prefix}:{meta.author_ref}")
    else:
        el(author, "persName", meta.author)
    rs = el(ts, "respStmt")
    el(rs, "resp", "TEI-Kodierung")
    el(rs, "name", meta.encoder)
    es = el(fd, "editionStmt")
    el(es, "edition", f"Version {meta.edition}", n=meta.edition)
    ps = el(fd, "publicationStmt")
    el(ps, "publisher", meta.publisher)
    el(ps, "date", meta.date, when=meta.date)
    av = el(ps, "availability")
    lic = el(av, "licence", meta.licence)
    if meta.licence_target:
        lic.set("target", meta.licence_target)
    el(ps, "idno", meta.id, type="essay")
    sd = el(fd, "sourceDesc")
    orig = el(sd, "bibl", type="original")
    el(orig, "author", meta.author).tail = ", "
    el(orig, "title", meta.title + (f". {meta.subtitle}" if meta.subtitle else ""), level="a").tail = ", "
    if meta.year:
        el(orig, "date", meta.year, when=meta.year).tail = ", "
    el(orig, "extent", f"{facts.pages} Seiten").tail = "."
    if meta.original_note:
        orig[-1].tail = ". "
        el(orig, "note", meta.original_note)
    if meta.rights:
        el(orig, "note", meta.rights, type="rights")
    if facts.title_page:
        el(orig, "note", " · ".join(facts.title_page), type="titlePage")
    ex = el(sd, "bibl", "Rohe Textextraktion des PDF: ", type="extraction")
    el(ex, "idno", facts.source_name, type="file").tail = ", SHA-256 "
    el(ex, "idno", facts.sha256, type="SHA-256").tail = "."

    enc = el(h, "encodingDesc")
    if links.register:
        lp = el(enc, "listPrefixDef")
        el(lp, "prefixDef", ident=links.prefix, matchPattern="(.+)", replacementPattern=f"{links.register}#$1")
    ed = el(enc, "editorialDecl")
    el(el(ed, "correction"), "p", "Der Text folgt der Extraktion; Druckfehler bleiben stehen (Korrekturen werden mit choice/sic/corr ausgezeichnet).")
    el(el(ed, "normalization"), "p", "Mehrfache Leerzeichen sind zu einem zusammengefasst, Leerzeichen am Zeilenanfang und -ende entfernt; Aufzählungszeichen (Symbolschrift) sind durch list/item ersetzt. Die Schreibung bleibt unverändert, Überschriften in Versalien stehen wie gedruckt.")
    el(el(ed, "hyphenation", eol="none"), "p", f"Zeilenendtrennungen sind aufgelöst ({facts.joins} Fälle, auch über Seitenumbrüche und Fußnotenblöcke hinweg); der Trennstrich bleibt nur bei Komposita mit großgeschriebenem zweitem Glied, bei Komposita, die der Text auch im Zeileninneren mit Bindestrich druckt, und bei Ergänzungsstrichen stehen ({facts.kept_hyphens} Fälle).")
    el(el(ed, "quotation", marks="none"), "p", "Anführungszeichen sind entfernt und in q/@rend festgehalten (de „…“, guillemets «…», guillemets-de »…«, straight \"…\").")
    printed = "; ".join(f"Seite {pos}: gedruckt {n}" for pos, n in facts.printed_pages)
    agree = all(str(pos) == n for pos, n in facts.printed_pages)
    pages = (
        (f"Seitenumbrüche (pb) aus den Seitenvorschüben der Extraktion ({facts.pages} Seiten). " if facts.form_feeds else
         f"Seitenumbrüche (pb) aus dem Layout der Extraktion erschlossen ({facts.pages} Seiten): neue Seite = Zeile mit führendem Leerzeichen nach dem Fußnotenblock bzw. nach dem Bruch im Zeilenrhythmus. ")
        + (f"{facts.running_heads} lebende Kolumnentitel (fw) sind weggelassen. " if facts.running_heads else "")
        + (f"Gedruckte Seitenzahlen erhalten: {printed}; " if printed else "Keine gedruckte Seitenzahl erhalten; ")
        + ("pb/@n ist die Position der Seite in der Quelle (1 = Titelseite)" + (", sie stimmt mit den erhaltenen gedruckten Zahlen überein." if printed and agree else "."))
    )
    absatz = (
        "Absätze sind aus Zeilenlängen erschlossen (kurze Zeile mit Satzschlusszeichen, danach Großbuchstabe), da die Extraktion jeder Zeile eine Leerzeile folgen lässt."
        if facts.spacing == "double"
        else "Absätze folgen den Leerzeilen der Extraktion und kurzen Zeilen mit Satzschlusszeichen."
    )
    notes = f"Fußnoten stehen an ihrer Ankerstelle ({facts.notes}); {facts.lost_notes} Fußnotentexte fehlen in der Extraktion und sind als gap reason=\"lost\" markiert."
    dropped = f" {facts.dropped_lines} Zeilen am Ende, die nur URLs aus den Fußnoten wiederholen (Linkanmerkungen des PDF), sind weggelassen." if facts.dropped_lines else ""
    el(el(ed, "segmentation"), "p", f"{pages} {absatz} {notes}{dropped}")
    el(el(ed, "stdVals"), "p", "Datumsangaben nach ISO 8601; @when gregorianisch, julianische Daten zusätzlich in @when-custom.")
    el(el(ed, "interpretation"), "p", "Importentwurf: Personen und Daten sind noch nicht ausgezeichnet.")

    pd = el(h, "profileDesc")
    if meta.abstract:
        el(el(pd, "abstract"), "p", meta.abstract)
    el(el(pd, "langUsage"), "language", "Deutsch" if meta.language == "de" else meta.language, ident=meta.language)
    if meta.julian_switch:
        # The switch as a date in the declaration: a text carries its calendar policy wherever it goes
        # (edition annotate reads it there before edition.toml).
        cal = el(el(pd, "calendarDesc"), "calendar", xml_id=f"{meta.id}-julian")
        switch = el(cal, "p", f"{meta.calendar_note or 'Julianischer Kalender'}; gregorianisch ab ")
        el(switch, "date", meta.julian_switch, when=meta.julian_switch).tail = "."
    rd = el(h, "revisionDesc")
    for when, what in meta.changes:
        el(rd, "change", what, when=when)


def add_nodes(parent: etree._Element, nodes: list[Node], ctx: "Context") -> None:
    for n in nodes:
        if isinstance(n, str):
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + n
            else:
                parent.text = (parent.text or "") + n
        elif n[0] == "pb":
            el(parent, "pb", n=ctx.page_n(n[1]))
        elif n[0] == "note":
            ctx.note(parent, n[1])
        elif n[0] == "ref":
            el(parent, "ref", n[2], target=n[1])
        else:
            add_nodes(el(parent, "q", rend=n[1]), n[2], ctx)


class Context:
    def __init__(self, essay_id: str, printed: dict[int, str], notes: dict[int, list[Node] | None]) -> None:
        self.essay_id, self.printed, self.notes = essay_id, printed, notes

    def page_n(self, position: int) -> str:
        return self.printed.get(position, str(position))

    def note(self, parent: etree._Element, n: int) -> None:
        note = el(parent, "note", place="foot", n=str(n), xml_id=f"{self.essay_id}-fn{n}")
        content = self.notes.get(n)
        if content is None:
            el(note, "gap", reason="lost")
        else:
            add_nodes(note, content, self)


def text(root: etree._Element, st: Structure, inline: dict[int, list[Node]], ctx: Context, author: str) -> None:
    """``inline`` maps a block's id() to its parsed nodes."""
    t = el(root, "text")
    front = el(t, "front")
    doc_title = None
    for b in st.front:
        _pb(front, b, ctx)
        if b.kind in ("title", "subtitle"):
            if doc_title is None:
                doc_title = el(front, "docTitle")
            add_nodes(el(doc_title, "titlePart", type="main" if b.kind == "title" else "sub"), inline[id(b)], ctx)
        else:
            doc_title = None
            _byline(el(front, "byline"), inline[id(b)], author, ctx)
    if st.preface:
        _div(front, st.preface, inline, ctx, "preface")
    body = el(t, "body")
    for k, d in enumerate(st.body, 1):
        _div(body, d, inline, ctx, "intro" if d.type == "introduction" else f"s{k - (1 if st.body[0].type == 'introduction' else 0)}")
    if st.back:
        back = el(t, "back")
        _div(back, st.back, inline, ctx, "author")


def _byline(byline: etree._Element, nodes: list[Node], author: str, ctx: Context) -> None:
    if len(nodes) == 1 and isinstance(nodes[0], str):
        s = nodes[0]
        i = s.casefold().find(author.casefold())
        if i >= 0:
            byline.text = s[:i] or None
            el(byline, "docAuthor", s[i : i + len(author)]).tail = s[i + len(author) :] or None
            return
    add_nodes(byline, nodes, ctx)


def _pb(parent: etree._Element, b: Block, ctx: Context) -> None:
    if b.page_before:
        el(parent, "pb", n=ctx.page_n(b.page_before))


def _div(parent: etree._Element, d: Div, inline: dict[int, list[Node]], ctx: Context, suffix: str) -> None:
    div = el(parent, "div", type=d.type, xml_id=f"{ctx.essay_id}-{suffix}")
    lst = None
    # A closer ends its section: date lines and signatures with text after them are paragraphs
    # (TEI allows nothing after a closer but other closing matter).
    last_text = max((i for i, b in enumerate(d.blocks) if b.kind not in ("dateline", "signed")), default=-1)
    for i, b in enumerate(d.blocks):
        if b.kind != "item":
            lst = None
        if b.kind == "item":
            if lst is None:
                lst = el(div, "list")
            _pb(lst, b, ctx)
            add_nodes(el(lst, "item"), inline[id(b)], ctx)
            continue
        _pb(div, b, ctx)
        if b.kind in ("dateline", "signed") and i > last_text:
            # A signature after its date line shares the closer.
            closer = div[-1] if b.kind == "signed" and len(div) and etree.QName(div[-1]).localname == "closer" else el(div, "closer")
            add_nodes(el(closer, b.kind), inline[id(b)], ctx)
        else:
            add_nodes(el(div, {"head": "head", "quote": "quote"}.get(b.kind, "p")), inline[id(b)], ctx)


def indent(e: etree._Element, level: int = 0) -> None:
    """Indent structural elements whose content is only elements."""
    if etree.QName(e).localname not in _STRUCTURAL or not len(e) or (e.text or "").strip():
        return
    if any((c.tail or "").strip() for c in e):
        return
    pad = "\n" + "  " * (level + 1)
    e.text = pad
    for c in e:
        c.tail = pad
        indent(c, level + 1)
    e[-1].tail = "\n" + "  " * level


def serialise(root: etree._Element) -> bytes:
    indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, xml_declaration=False, encoding="UTF-8") + b"\n"
