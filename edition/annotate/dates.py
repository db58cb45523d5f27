"""A date grammar: finds dates in running text and normalises them to ISO 8601.

Each phrase yields the attributes of a TEI ``date`` (see the encoding guide):
points ``when``, ranges ``from``/``to``, imprecise spans ``notBefore``/``notAfter``,
``cert="medium"`` where a year or century came from context, and for dates in the
Julian calendar ``when-custom`` (as printed) beside a Gregorian ``when``.

The phrases are fixed here; their words (month names, seasons, qualifiers, units …) are
language data (``vocabulary/de.toml``, ``en.toml``), extended by an edition's ``edition.toml``.
Conservative by design: a number that is not clearly a date is left alone and
returned as an :class:`Issue` for the review report.

Conventions (documented in the README of this package; the German words stand for their
counterparts in every language):
* ``Anfang`` (``Beginn``, ``frühen``)/``Mitte``/``Ende`` (``späten``) split a year into Jan–Apr/May–Aug/Sep–Dec, a month into
  days 1–10/11–20/21–end, a decade into years 0–3/4–6/7–9, a century into thirds.
* Centuries are counted strictly: the 19th century is 1801–1900.
* Seasons: Frühjahr/Frühling Mar–May, Sommer Jun–Aug, Herbst Sep–Nov; ``Winter`` only
  with a year pair (``Winter 1917/18`` = Dec 1917–Feb 1918), alone it is reported.
* A two-digit decade (``90er Jahre``) takes the century that puts it nearest to the
  year in context; a missing year (``am 25. Oktober``) is the year in context.
  Both get ``cert="medium"``.  No context: not tagged, reported.
* Julian: a day date is Julian when followed by ``(nach altem Kalender)``/``alten Stils``/``a. St.``,
  or when the text's header or its edition declares the Julian calendar and the day falls before
  the switch (:attr:`Context.switch`, the first Gregorian day); then ``neuen Stils``/``n. St.``
  marks an exception.  So is a third of a month (``Ende September``).  Month, season and year
  precision are left as printed (the shift of 10–13 days is below their precision).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from . import vocabulary
from .julian import is_valid_julian, julian_to_gregorian

Y = r"(?:1\d{3}|20\d{2})"
NB = r"(?<![\d.,])"  # not glued to a preceding number (3.000, 1,5)
NA = r"(?!\d|[.,]\d)"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


def _cue(word: str) -> str:
    """A whole word, capitalised or not (it may open a sentence)."""
    return rf"\b[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


def _remark(pieces: dict[str, Any], key: str) -> re.Pattern[str] | None:
    """A calendar remark right after a date, in brackets or not: ``(nach altem Kalender)``."""
    return re.compile(rf"\s*\(?\s*(?:{pieces[key]})") if key in pieces else None


@dataclass(frozen=True, eq=False)
class Grammar:
    """The date grammar of one language: its words and the phrases compiled from them."""

    language: str
    months: dict[str, int]
    seasons: dict[str, tuple[int, int, int, int]]  #: start month, start day, end month, end day (0: last)
    thirds: dict[str, str]  #: qualifier or decade adjective → "first", "middle" or "last"
    units: frozenset[str]  #: after a four-digit number: a quantity, not a year
    phrases: re.Pattern[str]
    non_date_before: re.Pattern[str]  #: before a number: a page or issue number
    yearless_cue: re.Pattern[str]  #: before a month or season without a year
    julian_mark: re.Pattern[str] | None
    gregorian_mark: re.Pattern[str] | None
    date_like: re.Pattern[str]  #: numbers the review report shows when they are not in a date


@cache
def grammar(language: str, units: tuple[str, ...] = (), before_number: tuple[str, ...] = ()) -> Grammar | None:
    """The grammar of ``language`` with an edition's extra ``units`` and ``before_number`` words;
    None when the toolkit has no vocabulary for the language (then no date is tagged)."""
    data = vocabulary.read(language)
    if data is None:
        return None
    g: dict[str, Any] = data.get("grammar", {})
    words = data.get("words", {})
    months = dict(data["months"])
    seasons: dict[str, tuple[int, int, int, int]] = {k: (v[0], v[1], v[2], v[3]) for k, v in data.get("seasons", {}).items()}
    qualifiers = {w: third for third, ws in data.get("qualifiers", {}).items() for w in ws}
    adjectives = {w: third for third, ws in data.get("decade_adjectives", {}).items() for w in ws}
    month = _alternation(months) + r"(?!\w)"
    q = _alternation(qualifiers)
    gap = g.get("qualifier_gap", r"\s+")
    phrases = []
    if g.get("numeric"):
        phrases.append(rf"(?P<num>{NB}(?P<num_d>{DAY})\.(?P<num_m>0?[1-9]|1[0-2])\.(?P<num_y>{Y}){NA})")
    if "day_month" in g:
        phrases.append(rf"(?P<day>{NB}(?P<day_d>{DAY}){g['day_month']}(?P<day_m>{month})(?:\s+(?P<day_y>{Y}){NA})?)")
    if "month_day" in g:
        phrases.append(rf"(?P<md>(?P<md_m>{month})\s+(?P<md_d>{DAY}){g['month_day']}(?!\w)(?:,?\s+(?P<md_y>{Y}){NA})?)")
    if qualifiers:
        phrases.append(rf"(?P<qm>(?P<qm_q>{q}){gap}(?P<qm_m>{month})(?:\s+(?P<qm_y>{Y}){NA})?)")
    if all(k in g for k in ("decade_suffix", "decade_article", "decade_word")) and qualifiers and adjectives:
        phrases.append(
            rf"(?P<dc>(?:(?P<dc_q>{q})\s+)?(?P<dc_art>{g['decade_article']}\s+)?(?:(?P<dc_adj>{_alternation(adjectives)})\s+)?"
            rf"{NB}(?P<dc_n>\d{{2}}|{Y}){g['decade_suffix']}(?:\s+(?P<dc_j>{g['decade_word']}))?(?!\w))"
        )
    if "ordinal" in g and "century" in g:
        article = rf"(?:{g['century_article']}\s+)?" if "century_article" in g else ""
        phrases.append(rf"(?P<cy>(?:(?P<cy_q>{q}){gap}{article})?{NB}(?P<cy_n>[1-9]|1\d|2[01]){g['ordinal']}{g['century']}(?!\w))")
    if "between" in g and "and" in g:
        phrases.append(rf"(?P<btw>(?:{g['between']})\s+(?P<btw_a>{Y})\s+(?:{g['and']})\s+(?P<btw_b>{Y}){NA})")
    range_from = rf"(?:(?:{g['range_from']})\s+)?" if "range_from" in g else ""
    range_to = f"|{g['range_to']}" if "range_to" in g else ""
    phrases.append(rf"(?P<rg>{range_from}{NB}(?P<rg_a>{Y})\s*(?:–|-{range_to})\s*(?P<rg_b>{Y}|\d{{2}})(?!\w|[.,]\d))")
    phrases.append(rf"(?P<sl>{NB}(?P<sl_a>{Y})/(?P<sl_b>{Y}|\d{{2}})(?!\w|[.,]\d))")
    open_words = [f"(?P<op_{key}>{g[word]})" for key, word in (("to", "until"), ("from", "since")) if word in g]
    if open_words:
        article = rf"(?:(?:{g['year_article']})\s+)?" if "year_article" in g else ""
        year_word = rf"(?:(?:{g['year_word']})\s+)?" if "year_word" in g else ""
        phrases.append(rf"(?P<op>(?:{'|'.join(open_words)})\s+{article}{year_word}(?P<op_y>{Y}){NA})")
    of_year = rf"(?:(?:{g['of_year']})\s+)?" if "of_year" in g else ""
    if qualifiers:
        phrases.append(rf"(?P<qy>(?P<qy_q>{q}){gap}{of_year}(?P<qy_y>{Y}){NA})")
    if seasons:
        phrases.append(
            rf"(?P<ss>(?<!\w)(?P<ss_s>{_alternation(seasons)})(?:\s+{of_year}(?P<ss_y>{Y})(?:/(?P<ss_y2>{Y}|\d{{2}}))?)?(?!\w|[.,]\d))"
        )
    phrases.append(rf"(?P<mo>(?P<mo_m>{month})(?:\s+(?P<mo_y>{Y}){NA})?)")
    phrases.append(rf"(?P<yr>{NB}(?P<yr_y>{Y}){NA}(?!\w))")
    before = _alternation((*words.get("before_number", ()), *before_number))
    cues = "|".join(map(_cue, words.get("yearless_cues", ()))) or "(?!)"
    suffix = g.get("decade_suffix", "")
    date_like = [r"\d{1,2}\.\d{1,2}\.(?:\d{2,4})?"] if g.get("numeric") else []
    date_like += [rf"\d{{1,2}}{g['day_month']}{month}"] if "day_month" in g else []
    date_like += [rf"{month}\s+\d{{1,2}}"] if "month_day" in g else []
    date_like += [rf"(?:1\d{{3}}|20\d{{2}})(?:{suffix})?", rf"\d{{2}}{suffix}"] if suffix else [r"(?:1\d{3}|20\d{2})"]
    return Grammar(
        language=language,
        months=months,
        seasons=seasons,
        thirds=qualifiers | adjectives,
        units=frozenset((*words.get("units", ()), *units)),
        phrases=re.compile("|".join(phrases)),
        non_date_before=re.compile(rf"{before}\s*$"),
        yearless_cue=re.compile(rf"(?:{cues})\s+$"),
        julian_mark=_remark(g, "julian_mark"),
        gregorian_mark=_remark(g, "gregorian_mark"),
        date_like=re.compile(rf"(?<![\d.,])(?:{'|'.join(date_like)})(?!\d|[.,]\d)"),
    )


@dataclass
class Context:
    """What earlier text tells about later dates, in document order."""

    year: int | None = None
    julian_default: bool = False  # the text's header or its edition declares the Julian calendar
    calendar_ref: str | None = None  # "#ESSAYID-julian" if the header declares it
    switch: date | None = None  # the first Gregorian day: unmarked day dates before it are Julian
    grammar: Grammar | None = field(default_factory=lambda: grammar("de"))  # the text's language


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    attrs: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Issue:
    start: int
    end: int
    why: str


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    s = f"{y:04d}"
    if m is not None:
        s += f"-{m:02d}"
    if d is not None:
        s += f"-{d:02d}"
    return s


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _span(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> dict[str, str]:
    return {"notBefore": _iso(y1, m1, d1), "notAfter": _iso(y2, m2, d2)}


def _qualified_year(third: str | None, y: int) -> dict[str, str]:
    if third is None:
        return {"when": _iso(y)}
    m1, m2 = {"first": (1, 4), "middle": (5, 8), "last": (9, 12)}[third]
    return _span(y, m1, 1, y, m2, _last(y, m2))


def _before_switch(y: int, m: int, d: int, ctx: Context) -> bool:
    """Whether the printed day, read as Julian, lies before the calendar switch."""
    if ctx.switch is None:
        raise _Reject("Julian calendar declared, but no switch date (edition.toml [calendar] switch, or a date in the calendar declaration)")
    return is_valid_julian(y, m, d) and julian_to_gregorian(y, m, d) < ctx.switch


def _qualified_month(third: str | None, y: int, m: int, ctx: Context) -> dict[str, str]:
    if third is None:
        return {"when": _iso(y, m)}
    d1, d2 = {"first": (1, 10), "middle": (11, 20), "last": (21, _last(y, m))}[third]
    if ctx.julian_default and _before_switch(y, m, d2, ctx):
        if ctx.calendar_ref is None:
            raise _Reject("Julian date, but the header declares no Julian calendar")
        # Ten days are finer than the 10–13-day shift: give the printed span and its Gregorian equivalent.
        return {
            "calendar": ctx.calendar_ref,
            "datingMethod": ctx.calendar_ref,
            "notBefore-custom": _iso(y, m, d1),
            "notAfter-custom": _iso(y, m, d2),
            "notBefore": julian_to_gregorian(y, m, d1).isoformat(),
            "notAfter": julian_to_gregorian(y, m, d2).isoformat(),
        }
    return _span(y, m, d1, y, m, d2)


def _year_span(third: str | None, first: int, length: int) -> dict[str, str]:
    """A decade or century (``length`` years from ``first``), optionally narrowed to about a third."""
    if third is not None:
        thirds = {10: (0, 3, 4, 6, 7, 9), 100: (0, 32, 33, 65, 66, 99)}[length]
        a, b = {"first": thirds[0:2], "middle": thirds[2:4], "last": thirds[4:6]}[third]
        return _span(first + a, 1, 1, first + b, 12, 31)
    return _span(first, 1, 1, first + length - 1, 12, 31)


def _nearest_century(two_digits: int, ctx_year: int) -> int:
    """The decade 19xx/18xx/… whose middle lies nearest the year in context."""
    candidates = [c * 100 + two_digits for c in range(ctx_year // 100 - 1, ctx_year // 100 + 2)]
    return min(candidates, key=lambda d: (abs(d + 5 - ctx_year), -d))


class _Reject(Exception):
    """A date-like phrase that is not tagged; carries the reason for the report."""


def _day(y: int, m: int, d: int, inferred: bool, text: str, end: int, ctx: Context, gr: Grammar) -> dict[str, str]:
    """Attributes of a day date printed as ``y-m-d`` and followed, from ``end``, by ``text``."""
    julian_mark = gr.julian_mark.match(text, end) if gr.julian_mark else None
    gregorian_mark = gr.gregorian_mark.match(text, end) if gr.gregorian_mark else None
    julian = bool(julian_mark) or (ctx.julian_default and not gregorian_mark and _before_switch(y, m, d, ctx))
    attrs: dict[str, str] = {}
    if julian:
        if ctx.calendar_ref is None:
            raise _Reject("Julian date, but the header declares no Julian calendar")
        if not is_valid_julian(y, m, d):
            raise _Reject("no such day in the Julian calendar")
        greg = julian_to_gregorian(y, m, d)
        attrs = {
            "calendar": ctx.calendar_ref,
            "datingMethod": ctx.calendar_ref,
            "when-custom": _iso(y, m, d),
            "when": greg.isoformat(),
        }
    else:
        try:
            date(y, m, d)
        except ValueError:
            raise _Reject("no such day") from None
        attrs = {"when": _iso(y, m, d)}
    if inferred:
        attrs["cert"] = "medium"
    return attrs


def _context_year(ctx: Context) -> int:
    if ctx.year is None:
        raise _Reject("year not given and no year in context")
    return ctx.year


def _interpret(m: re.Match[str], text: str, ctx: Context, gr: Grammar) -> tuple[int, dict[str, str], int | None]:
    """(start, attrs, year for the context) of a grammar match, or raise :class:`_Reject`."""
    g = m.groupdict()
    kind = m.lastgroup
    start = m.start()
    if kind in ("num", "day", "md"):
        d = int(g[f"{kind}_d"])
        mon = int(g["num_m"]) if kind == "num" else gr.months[g[f"{kind}_m"]]
        ytext = g[f"{kind}_y"]
        y = int(ytext) if ytext else _context_year(ctx)
        attrs = _day(y, mon, d, ytext is None, text, m.end(), ctx, gr)
        return start, attrs, y if ytext else None
    if kind == "qm":
        ytext = g["qm_y"]
        y = int(ytext) if ytext else _context_year(ctx)
        attrs = _qualified_month(gr.thirds[g["qm_q"]], y, gr.months[g["qm_m"]], ctx)
        return start, attrs | ({} if ytext else {"cert": "medium"}), y if ytext else None
    if kind == "dc":
        n, q = g["dc_n"], g["dc_q"] or g["dc_adj"]
        third = gr.thirds[q] if q else None
        if not g["dc_j"] and not (g["dc_q"] and g["dc_art"]):
            if len(n) == 4:  # "1905er Revolution": an adjective of the year
                return m.start("dc_n"), {"when": n}, int(n)
            raise _Reject("two-digit year adjective; century unknown")
        if len(n) == 4:
            if int(n) % 10:
                raise _Reject("not a decade")
            return start, _year_span(third, int(n), 10), None
        if int(n) % 10:
            raise _Reject("not a decade")
        first = _nearest_century(int(n), _context_year(ctx))
        return start, _year_span(third, first, 10) | {"cert": "medium"}, None
    if kind == "cy":
        n = int(g["cy_n"])
        return start, _year_span(gr.thirds[g["cy_q"]] if g["cy_q"] else None, (n - 1) * 100 + 1, 100), None
    if kind in ("btw", "rg", "sl"):
        a, btext = int(g[f"{kind}_a"]), g[f"{kind}_b"]
        b = int(btext) if len(btext) == 4 else a // 100 * 100 + int(btext)
        if b <= a:
            raise _Reject("range does not run forward")
        return start, {"from": _iso(a), "to": _iso(b)}, b
    if kind == "op":
        y = int(g["op_y"])
        key = "to" if g.get("op_to") else "from"
        return start, {key: _iso(y)}, y
    if kind == "qy":
        y = int(g["qy_y"])
        return start, _qualified_year(gr.thirds[g["qy_q"]], y), y
    if kind == "ss":
        season, ytext, y2text = g["ss_s"], g["ss_y"], g["ss_y2"]
        if ytext is None and not gr.yearless_cue.search(text, 0, start):
            raise _Reject("")  # a season word, not a date
        y = int(ytext) if ytext else _context_year(ctx)
        m1, d1, m2, d2 = gr.seasons[season]
        if m2 < m1:  # winter: into the next year
            if not y2text:
                raise _Reject(f"{season.lower()} of which year pair?")
            y2 = int(y2text) if len(y2text) == 4 else y // 100 * 100 + int(y2text)
            if y2 != y + 1:
                raise _Reject(f"{season.lower()} years not consecutive")
            return start, _span(y, m1, d1, y2, m2, d2 or _last(y2, m2)), y2
        if y2text:
            raise _Reject("season with a year pair")
        attrs = _span(y, m1, d1, y, m2, d2 or _last(y, m2)) | ({} if ytext else {"cert": "medium"})
        return start, attrs, y if ytext else None
    if kind == "mo":
        ytext = g["mo_y"]
        if ytext is None and not gr.yearless_cue.search(text, 0, start):
            raise _Reject("")  # "August Bebel", "Mai" as a word
        y = int(ytext) if ytext else _context_year(ctx)
        return start, {"when": _iso(y, gr.months[g["mo_m"]])} | ({} if ytext else {"cert": "medium"}), (
            y if ytext else None
        )
    # plain year
    y = int(g["yr_y"])
    if gr.non_date_before.search(text, 0, start):
        raise _Reject("")  # page or issue number
    follow = re.match(r"\s*(\S+)", text[m.end():])
    if follow and follow.group(1).rstrip(".,;:") in gr.units:
        raise _Reject("a quantity?")
    return start, {"when": _iso(y)}, y


def find_dates(text: str, ctx: Context) -> tuple[list[DateMatch], list[Issue]]:
    """Dates in ``text`` (left to right; ``ctx`` is updated as years are read)."""
    found: list[DateMatch] = []
    issues: list[Issue] = []
    gr = ctx.grammar
    if gr is None:  # a language without vocabulary: no dates are looked for
        return found, issues
    for m in gr.phrases.finditer(text):
        try:
            start, attrs, year = _interpret(m, text, ctx, gr)
        except _Reject as why:
            if str(why):
                issues.append(Issue(m.start(), m.end(), str(why)))
            continue
        found.append(DateMatch(start, m.end(), attrs))
        if year is not None:
            ctx.year = year
    return found, issues


def context_year_of(attrs: dict[str, str]) -> int | None:
    """The year an existing ``date`` element gives the context; mirrors :func:`find_dates`,
    so that a second run sees the same context as the first (idempotence)."""
    if attrs.get("cert"):
        return None
    for key in ("when-custom", "notAfter-custom", "to", "when", "from"):
        if re.match(r"\d{4}", attrs.get(key, "")):
            return int(attrs[key][:4])
    before, after = attrs.get("notBefore", ""), attrs.get("notAfter", "")
    if re.match(r"\d{4}", before) and re.match(r"\d{4}", after):
        y1, y2 = int(before[:4]), int(after[:4])
        if y1 == y2 or (y2 == y1 + 1 and before.endswith("-12-01")):
            return y2
    return None
