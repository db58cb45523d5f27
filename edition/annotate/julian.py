"""Julian → Gregorian day conversion via the Julian Day Number.

When a country left the Julian calendar is an edition's policy (``[calendar] switch`` in
``edition.toml``: the first Gregorian day, e.g. 1918-02-14 for Russia), not known here.
"""

from __future__ import annotations

from datetime import date

def julian_to_jdn(year: int, month: int, day: int) -> int:
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of the Julian ``year-month-day`` (proleptic, any year ≥ 1)."""
    # date.toordinal() is 1 on 0001-01-01 (Gregorian), whose JDN is 1721426.
    return date.fromordinal(julian_to_jdn(year, month, day) - 1721425)


def is_valid_julian(year: int, month: int, day: int) -> bool:
    """Julian months have Gregorian lengths except that every 4th year is a leap year."""
    lengths = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= month <= 12 and 1 <= day <= lengths[month - 1]
