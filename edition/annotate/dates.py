"""A German date grammar: finds dates in running text and normalises them to ISO 8601.

Each phrase yields the attributes of a TEI ``date`` (see the encoding guide):
points ``when``, ranges ``from``/``to``, imprecise spans ``notBefore``/``notAfter``,
``cert="medium"`` where a year or century came from context, and for Russian
dates in the Julian calendar ``when-custom`` (as printed) beside a Gregorian ``when``.

Conservative by design: a number that is not clearly a date is left alone and
returned as an :class:`Issue` for the review report.

Conventions (documented in the README of this package):
* ``Anfang`` (``Beginn``, ``frühen``)/``Mitte``/``Ende`` (``späten``) split a year into Jan–Apr/May–Aug/Sep–Dec, a month into
  days 1–10/11–20/21–end, a decade into years 0–3/4–6/7–9, a century into thirds.
* Centuries are counted strictly: the 19th century is 1801–1900.
* Seasons: Frühjahr/Frühling Mar–May, Sommer Jun–Aug, Herbst Sep–Nov; ``Winter`` only
  with a year pair (``Winter 1917/18`` = Dec 1917–Feb 1918), alone it is reported.
* A two-digit decade (``90er Jahre``) takes the century that puts it nearest to the
  year in context; a missing year (``am 25. Oktober``) is the year in context.
  Both get ``cert="medium"``.  No context: not tagged, reported.
* Julian: a day date before 1 February 1918 is Julian when followed by ``(nach altem
  Kalender)``/``alten Stils``/``a. St.``, or when the essay header declares the Julian
  calendar (then ``neuen Stils``/``n. St.`` marks an exception); so is a third of a month
  (``Ende September``).  Month, season and year precision are left as printed (the 13-day
  shift is below their precision).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from .julian import RUSSIAN_SWITCH_JULIAN, is_valid_julian, julian_to_gregorian

MONTHS = {
    "Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6,
    "Juli": 7, "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}
SEASONS = {  # (start month, start day, end month, end day)
    "Frühjahr": (3, 1, 5, 31), "Frühling": (3, 1, 5, 31),
    "Sommer": (6, 1, 8, 31), "Frühsommer": (6, 1, 7, 15), "Hochsommer": (7, 1, 8, 15), "Spätsommer": (7, 16, 8, 31),
    "Herbst": (9, 1, 11, 30), "Frühherbst": (9, 1, 10, 15), "Spätherbst": (10, 16, 11, 30),
    "Winter": (12, 1, 2, 0),  # end day 0: last day of February of the following year
}
#: Words after a four-digit number that make it a quantity, not a year.
UNITS = frozenset(
    "Mann Menschen Personen Soldaten Tote Toten Arbeiter Arbeiterinnen Bauern Delegierte Delegierten "
    "Mitglieder Kilometer km Meter Werst Rubel Mark Dollar Pesos Pud Tonnen Prozent % Stück Exemplare Seiten".split()
)
#: Words before a number that make it a page, issue or paragraph number.
NON_DATE_BEFORE = re.compile(r"(?:S\.|Nr\.|Bd\.|Heft|Nummer|Abs\.|Art\.|§|Seiten?|Anm\.|Fn\.)\s*$")

Y = r"(?:1\d{3}|20\d{2})"
NB = r"(?<![\d.,])"  # not glued to a preceding number (3.000, 1,5)
NA = r"(?!\d|[.,]\d)"
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?!\w)"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
Q = "(?:Anfang|Beginn|Mitte|Ende)"
#: Qualifier words → the third they select (``Beginn`` reads as ``Anfang``; decade adjectives too).
THIRD = {"Anfang": "Anfang", "Beginn": "Anfang", "Mitte": "Mitte", "Ende": "Ende",
         "frühen": "Anfang", "mittleren": "Mitte", "späten": "Ende"}
SEASON = "(?:" + "|".join(sorted(SEASONS, key=len, reverse=True)) + ")"

GRAMMAR = re.compile(
    "|".join(
        [
            rf"(?P<num>{NB}(?P<num_d>{DAY})\.(?P<num_m>0?[1-9]|1[0-2])\.(?P<num_y>{Y}){NA})",
            rf"(?P<day>{NB}(?P<day_d>{DAY})\.\s?(?P<day_m>{MONTH})(?:\s+(?P<day_y>{Y}){NA})?)",
            rf"(?P<qm>(?P<qm_q>{Q})\s+(?P<qm_m>{MONTH})(?:\s+(?P<qm_y>{Y}){NA})?)",
            rf"(?P<dc>(?:(?P<dc_q>{Q})\s+)?(?P<dc_art>(?:[Ii]n\s+)?(?:den|der)\s+)?(?:(?P<dc_adj>frühen|mittleren|späten)\s+)?"
            rf"{NB}(?P<dc_n>\d{{2}}|{Y})er"
            rf"(?:\s+(?P<dc_j>Jahren|Jahre))?(?!\w))",
            rf"(?P<cy>(?:(?P<cy_q>{Q})\s+(?:des\s+)?)?{NB}(?P<cy_n>[1-9]|1\d|2[01])\.\s?Jahrhunderts?(?!\w))",
            rf"(?P<btw>[Zz]wischen\s+(?P<btw_a>{Y})\s+und\s+(?P<btw_b>{Y}){NA})",
            rf"(?P<rg>(?:(?P<rg_von>[Vv]on)\s+)?{NB}(?P<rg_a>{Y})\s*(?:–|-|bis)\s*(?P<rg_b>{Y}|\d{{2}})(?!\w|[.,]\d))",
            rf"(?P<sl>{NB}(?P<sl_a>{Y})/(?P<sl_b>{Y}|\d{{2}})(?!\w|[.,]\d))",
            rf"(?P<op>(?P<op_w>[Bb]is|[Aa]b|[Ss]eit)\s+(?:(?:zum|dem)\s+)?(?:Jahre?\s+)?(?P<op_y>{Y}){NA})",
            rf"(?P<qy>(?P<qy_q>{Q})\s+(?:(?:des\s+)?Jahres\s+)?(?P<qy_y>{Y}){NA})",
            rf"(?P<ss>(?P<ss_s>{SEASON})(?:\s+(?:des\s+Jahres\s+)?(?P<ss_y>{Y})(?:/(?P<ss_y2>{Y}|\d{{2}}))?)?(?!\w|[.,]\d))",
            rf"(?P<mo>(?P<mo_m>{MONTH})(?:\s+(?P<mo_y>{Y}){NA})?)",
            rf"(?P<yr>{NB}(?P<yr_y>{Y}){NA}(?!\w))",
        ]
    )
)
JULIAN_MARK = re.compile(
    r"\s*\(?\s*(?:nach\s+(?:dem\s+)?(?:alten|altem|julianischen|julianischem)\s+Kalender|alten\s+Stils|a\.\s?St\.)"
)
GREGORIAN_MARK = re.compile(
    r"\s*\(?\s*(?:nach\s+(?:dem\s+)?(?:neuen|neuem|gregorianischen|gregorianischem)\s+Kalender|neuen\s+Stils|n\.\s?St\.)"
)
YEARLESS_CUE = re.compile(r"(?:\b[Ii]m|\b[Ss]eit|\b[Bb]is|\b[Aa]b|\b[Vv]om|\b[Aa]m)\s+$")


@dataclass
class Context:
    """What earlier text tells about later dates, in document order."""

    year: int | None = None
    julian_default: bool = False  # the essay header declares the Julian calendar
    calendar_ref: str | None = None  # "#ESSAYID-julian" if declared


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


def _qualified_year(q: str | None, y: int) -> dict[str, str]:
    if q is None:
        return {"when": _iso(y)}
    m1, m2 = {"Anfang": (1, 4), "Mitte": (5, 8), "Ende": (9, 12)}[THIRD[q]]
    return _span(y, m1, 1, y, m2, _last(y, m2))


def _qualified_month(q: str | None, y: int, m: int, ctx: Context) -> dict[str, str]:
    if q is None:
        return {"when": _iso(y, m)}
    d1, d2 = {"Anfang": (1, 10), "Mitte": (11, 20), "Ende": (21, _last(y, m))}[THIRD[q]]
    if ctx.julian_default and ctx.calendar_ref and (y, m, d2) < RUSSIAN_SWITCH_JULIAN:
        # Ten days are finer than the 13-day shift: give the printed span and its Gregorian equivalent.
        return {
            "calendar": ctx.calendar_ref,
            "datingMethod": ctx.calendar_ref,
            "notBefore-custom": _iso(y, m, d1),
            "notAfter-custom": _iso(y, m, d2),
            "notBefore": julian_to_gregorian(y, m, d1).isoformat(),
            "notAfter": julian_to_gregorian(y, m, d2).isoformat(),
        }
    return _span(y, m, d1, y, m, d2)


def _year_span(q: str | None, first: int, length: int) -> dict[str, str]:
    """A decade or century (``length`` years from ``first``), optionally narrowed to about a third."""
    if q is not None:
        thirds = {10: (0, 3, 4, 6, 7, 9), 100: (0, 32, 33, 65, 66, 99)}[length]
        a, b = {"Anfang": thirds[0:2], "Mitte": thirds[2:4], "Ende": thirds[4:6]}[THIRD[q]]
        return _span(first + a, 1, 1, first + b, 12, 31)
    return _span(first, 1, 1, first + length - 1, 12, 31)


def _nearest_century(two_digits: int, ctx_year: int) -> int:
    """The decade 19xx/18xx/… whose middle lies nearest the year in context."""
    candidates = [c * 100 + two_digits for c in range(ctx_year // 100 - 1, ctx_year // 100 + 2)]
    return min(candidates, key=lambda d: (abs(d + 5 - ctx_year), -d))


class _Reject(Exception):
    """A date-like phrase that is not tagged; carries the reason for the report."""


def _day(y: int, m: int, d: int, inferred: bool, text: str, end: int, ctx: Context) -> tuple[dict[str, str], int]:
    """Attributes of a day date; returns them and the end of any calendar remark."""
    julian_mark = JULIAN_MARK.match(text, end)
    gregorian_mark = GREGORIAN_MARK.match(text, end)
    before_switch = (y, m, d) < RUSSIAN_SWITCH_JULIAN
    julian = bool(julian_mark) or (ctx.julian_default and before_switch and not gregorian_mark)
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
    return attrs, end


def _context_year(ctx: Context) -> int:
    if ctx.year is None:
        raise _Reject("year not given and no year in context")
    return ctx.year


def _interpret(m: re.Match[str], text: str, ctx: Context) -> tuple[int, dict[str, str], int | None]:
    """(start, attrs, year for the context) of a grammar match, or raise :class:`_Reject`."""
    g = m.groupdict()
    kind = m.lastgroup
    start = m.start()
    if kind == "num" or kind == "day":
        d = int(g[f"{kind}_d"])
        mon = int(g["num_m"]) if kind == "num" else MONTHS[g["day_m"]]
        ytext = g[f"{kind}_y"]
        y = int(ytext) if ytext else _context_year(ctx)
        attrs, _ = _day(y, mon, d, ytext is None, text, m.end(), ctx)
        return start, attrs, y if ytext else None
    if kind == "qm":
        ytext = g["qm_y"]
        y = int(ytext) if ytext else _context_year(ctx)
        attrs = _qualified_month(g["qm_q"], y, MONTHS[g["qm_m"]], ctx)
        return start, attrs | ({} if ytext else {"cert": "medium"}), y if ytext else None
    if kind == "dc":
        n, q = g["dc_n"], g["dc_q"] or g["dc_adj"]
        if not g["dc_j"] and not (g["dc_q"] and g["dc_art"]):
            if len(n) == 4:  # "1905er Revolution": an adjective of the year
                return m.start("dc_n"), {"when": n}, int(n)
            raise _Reject("two-digit year adjective; century unknown")
        if len(n) == 4:
            if int(n) % 10:
                raise _Reject("not a decade")
            return start, _year_span(q, int(n), 10), None
        if int(n) % 10:
            raise _Reject("not a decade")
        first = _nearest_century(int(n), _context_year(ctx))
        return start, _year_span(q, first, 10) | {"cert": "medium"}, None
    if kind == "cy":
        n = int(g["cy_n"])
        return start, _year_span(g["cy_q"], (n - 1) * 100 + 1, 100), None
    if kind in ("btw", "rg", "sl"):
        a, btext = int(g[f"{kind}_a"]), g[f"{kind}_b"]
        b = int(btext) if len(btext) == 4 else a // 100 * 100 + int(btext)
        if b <= a:
            raise _Reject("range does not run forward")
        return start, {"from": _iso(a), "to": _iso(b)}, b
    if kind == "op":
        y = int(g["op_y"])
        key = "to" if g["op_w"].lower() == "bis" else "from"
        return start, {key: _iso(y)}, y
    if kind == "qy":
        y = int(g["qy_y"])
        return start, _qualified_year(g["qy_q"], y), y
    if kind == "ss":
        season, ytext, y2text = g["ss_s"], g["ss_y"], g["ss_y2"]
        if ytext is None and not YEARLESS_CUE.search(text, 0, start):
            raise _Reject("")  # a season word, not a date
        y = int(ytext) if ytext else _context_year(ctx)
        m1, d1, m2, d2 = SEASONS[season]
        if season == "Winter":
            if not y2text:
                raise _Reject("winter of which year pair?")
            y2 = int(y2text) if len(y2text) == 4 else y // 100 * 100 + int(y2text)
            if y2 != y + 1:
                raise _Reject("winter years not consecutive")
            return start, _span(y, 12, 1, y2, 2, _last(y2, 2)), y2
        if y2text:
            raise _Reject("season with a year pair")
        attrs = _span(y, m1, d1, y, m2, d2) | ({} if ytext else {"cert": "medium"})
        return start, attrs, y if ytext else None
    if kind == "mo":
        ytext = g["mo_y"]
        if ytext is None and not YEARLESS_CUE.search(text, 0, start):
            raise _Reject("")  # "August Bebel", "Mai" as a word
        y = int(ytext) if ytext else _context_year(ctx)
        return start, {"when": _iso(y, MONTHS[g["mo_m"]])} | ({} if ytext else {"cert": "medium"}), (
            y if ytext else None
        )
    # plain year
    y = int(g["yr_y"])
    if NON_DATE_BEFORE.search(text, 0, start):
        raise _Reject("")  # page or issue number
    follow = re.match(r"\s*(\S+)", text[m.end():])
    if follow and follow.group(1).rstrip(".,;:") in UNITS:
        raise _Reject("a quantity?")
    return start, {"when": _iso(y)}, y


def find_dates(text: str, ctx: Context) -> tuple[list[DateMatch], list[Issue]]:
    """Dates in ``text`` (left to right; ``ctx`` is updated as years are read)."""
    found: list[DateMatch] = []
    issues: list[Issue] = []
    for m in GRAMMAR.finditer(text):
        try:
            start, attrs, year = _interpret(m, text, ctx)
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
