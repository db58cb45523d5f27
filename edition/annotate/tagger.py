"""Tag persons and dates in one TEI tree, in document order.

Ambiguous forms (one form, several register persons) are resolved by the nearest
earlier *cue* for one of the candidates: a tagged mention (existing or new) or a
bare forename of a candidate (``der 17jährige Wladimir … Uljanow`` → Lenin).  With
no cue the mention stays untagged and is reported; every resolution is logged so
an editor can check it.  Dates read their context (year in force, the text's
calendar and language) from the text before them; a footnote's years do not leak
into the main text.  What an edition decides (register prefix, calendar, extra
words) comes in a :class:`Policy`, read from its ``edition.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from ..config import Config
from ..xmlio import NS, TEI_NS, XML_NS
from . import dates as D
from .names import Matcher
from .register import Register
from .rewrite import Chunk, Event, line_of, walk, wrap


@dataclass(frozen=True)
class Finding:
    line: int
    kind: str
    token: str
    context: str
    why: str = ""


@dataclass(frozen=True)
class Policy:
    """An edition's annotation policy; the defaults hold for a text outside any edition."""

    prefix: str = "psn"  #: persName/@ref = "PREFIX:ID"
    language: str = "de"  #: of a text without xml:lang
    julian: bool = False  #: the edition's texts are Julian-dated before ``switch``
    switch: date | None = None  #: the first Gregorian day
    vocabulary: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  #: extra words per language

    @classmethod
    def of(cls, cfg: Config) -> Policy:
        switch = date.fromisoformat(cfg.calendar.switch) if cfg.calendar.switch else None
        return cls(cfg.register_prefix, cfg.language, cfg.calendar.julian, switch, cfg.vocabulary)

    def grammar(self, language: str) -> D.Grammar | None:
        extra = self.vocabulary.get(language, {})
        return D.grammar(language, extra.get("units", ()), extra.get("before_number", ()))


@dataclass
class Result:
    language: str  # of the text: its dates were read with this language's grammar, if there is one
    grammar: D.Grammar | None
    persons: int = 0
    dates: int = 0
    open: list[Finding] = field(default_factory=list)  # not tagged: for the report
    decisions: list[Finding] = field(default_factory=list)  # tagged by a heuristic: for the log


def context_of(text: str, start: int, end: int, width: int = 30) -> str:
    left = " ".join(text[max(0, start - width) : start].split())
    right = " ".join(text[end : end + width].split())
    return f"{left} [{' '.join(text[start:end].split())}] {right}".strip()


def text_language(root: etree._Element, policy: Policy) -> str:
    """The primary subtag of the text's xml:lang (``de-AT`` → ``de``), else the edition's language."""
    return (root.get(f"{{{XML_NS}}}lang") or policy.language).split("-")[0].lower()


def calendar_context(root: etree._Element, policy: Policy) -> D.Context:
    """Julian dating is declared by the header's ``calendar[@xml:id='TEXTID-julian']`` or by the edition.

    The switch is the first full ``date/@when`` inside that calendar declaration (the first
    Gregorian day, as the importer writes it), else the edition's ``[calendar] switch``.
    """
    cal_id = f"{root.get(f'{{{XML_NS}}}id')}-julian"
    declared = next(
        (c for c in root.iterfind("tei:teiHeader//tei:calendarDesc/tei:calendar", NS) if c.get(f"{{{XML_NS}}}id") == cal_id),
        None,
    )
    return D.Context(
        julian_default=declared is not None or policy.julian,
        calendar_ref=f"#{cal_id}" if declared is not None else None,
        switch=(_declared_switch(declared) if declared is not None else None) or policy.switch,
        grammar=policy.grammar(text_language(root, policy)),
    )


def _declared_switch(calendar: etree._Element) -> date | None:
    for when in calendar.xpath(".//tei:date/@when", namespaces=NS):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            try:
                return date.fromisoformat(when)
            except ValueError:  # not a day; the validator names it
                return None
    return None


def _forename_cues(register: Register) -> dict[str, str]:
    """Forename → the one person it points to, for persons with an ambiguous form."""
    owners: dict[str, set[str]] = {}
    for ids in register.forms.values():
        if len(ids) > 1:
            for pid in ids:
                for name in register.forenames_of(pid):
                    owners.setdefault(name, set()).add(pid)
    return {name: next(iter(pids)) for name, pids in owners.items() if len(pids) == 1}


def annotate(tree: etree._ElementTree, register: Register, matcher: Matcher, policy: Policy = Policy()) -> Result:
    root = tree.getroot()
    ctx = calendar_context(root, policy)
    prefix = f"{policy.prefix}:"
    saved_years: list[int | None] = []
    cue: dict[str, int] = {}
    forename_cue = _forename_cues(register)
    forename_re = (
        re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, sorted(forename_cue, key=len, reverse=True))) + r")(?![\w\-])")
        if forename_cue
        else None
    )
    order = 0
    result = Result(text_language(root, policy), ctx.grammar)
    for item in list(walk(root)):
        if isinstance(item, Event):
            if item.kind == "enter-note":
                saved_years.append(ctx.year)
            elif item.kind == "leave-note":
                ctx.year = saved_years.pop()
            elif item.node.tag == f"{{{TEI_NS}}}persName" and (item.node.get("ref") or "").startswith(prefix):
                order += 1
                cue[item.node.get("ref")[len(prefix):]] = order
            elif item.node.tag == f"{{{TEI_NS}}}date":
                year = D.context_year_of(dict(item.node.attrib))
                ctx.year = year if year is not None else ctx.year
            continue
        order = _chunk(item, register, matcher, forename_re, forename_cue, ctx, cue, order, result, prefix)
    return result


def _chunk(
    chunk: Chunk,
    register: Register,
    matcher: Matcher,
    forename_re: re.Pattern[str] | None,
    forename_cue: dict[str, str],
    ctx: D.Context,
    cue: dict[str, int],
    order: int,
    result: Result,
    prefix: str,
) -> int:
    text = chunk.text
    spans: list[tuple[int, int, str, object]] = [(n.start, n.end, "name", n) for n in matcher.find(text)]
    found, issues = D.find_dates(text, ctx)
    spans += [(d.start, d.end, "date", d) for d in found]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int, str, object]] = []
    for s in spans:
        if not chosen or s[0] >= chosen[-1][1]:
            chosen.append(s)
    for issue in issues:
        if not any(c[0] < issue.end and issue.start < c[1] for c in chosen):
            token = " ".join(text[issue.start : issue.end].split())
            result.open.append(Finding(line_of(chunk, issue.start), "date", token, context_of(text, issue.start, issue.end), issue.why))
    # Forename cues outside chosen spans, merged with the spans in text order.
    events: list[tuple[int, str, object]] = [(c[0], "span", c) for c in chosen]
    if forename_re is not None:
        for m in forename_re.finditer(text):
            if not any(c[0] <= m.start() < c[1] for c in chosen):
                events.append((m.start(), "cue", forename_cue[m.group(1)]))
    events.sort(key=lambda e: e[0])
    wraps: list[tuple[int, int, etree._Element]] = []
    for _, kind, payload in events:
        if kind == "cue":
            order += 1
            cue[payload] = order
            continue
        start, end, what, match = payload
        token = " ".join(text[start:end].split())
        if what == "date":
            el = etree.Element(f"{{{TEI_NS}}}date", match.attrs)
            wraps.append((start, end, el))
            result.dates += 1
            continue
        ids = match.ids
        if len(ids) == 1:
            pid = next(iter(ids))
        else:
            known = [p for p in ids if p in cue]
            if not known:
                result.open.append(
                    Finding(line_of(chunk, start), "ambiguous", token, context_of(text, start, end), " / ".join(sorted(ids)))
                )
                continue
            pid = max(known, key=lambda p: cue[p])
            result.decisions.append(
                Finding(line_of(chunk, start), "resolved", token, context_of(text, start, end), f"→ {prefix}{pid} (nearest earlier cue)")
            )
        order += 1
        cue[pid] = order
        wraps.append((start, end, etree.Element(f"{{{TEI_NS}}}persName", {"ref": f"{prefix}{pid}"})))
        result.persons += 1
    for start, end, el in reversed(wraps):
        wrap(chunk, start, end, el)
    return order
