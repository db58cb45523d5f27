"""Which characters the PDF can typeset, and what it prints for the others.

The face is Libertinus Serif, embedded in the typst wheel. Characters it lacks fall back along
``FALLBACK_FAMILIES``, as far as those fonts are installed; a character no font has is printed as
``[U+XXXX]`` and reported, because PDF/A forbids a missing glyph (Typst stops the whole book).
Coverage is read from the fonts' cmaps once per font file and kept in the cache folder, keyed by
the file's path, size and modification time (decoding the cmaps of the installed fallbacks took
0.6 s, paid again by every worker process).
"""

from __future__ import annotations

import io
import mmap
import struct
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import typst
from fontTools.ttLib import TTFont, TTLibError

from ..cache import digest, read_text, write_text

PRIMARY = "Libertinus Serif"
#: After Libertinus, in this order, where installed (Debian packages in parentheses):
FALLBACK_FAMILIES = (
    "Noto Serif",  # Latin, Greek, Cyrillic in full (fonts-noto-core)
    "Junicode", "Junicode Two Beta",  # medieval and early-modern Latin, MUFI (fonts-junicode)
    "DejaVu Serif",  # (fonts-dejavu-core)
    "Noto Serif CJK SC",  # Chinese, Japanese, Korean (fonts-noto-cjk)
    "Noto Sans Symbols", "Noto Sans Symbols2",  # (fonts-noto-core)
    "Symbola",  # emoji in outline, as PDF/A wants them (fonts-symbola)
)
#: The variants the layout asks for (style, weight): text, emph, strong, both.
VARIANTS = (("normal", 400), ("italic", 400), ("normal", 700), ("italic", 700))

# Characters that need no glyph: XML whitespace collapses to spaces, Typst hides
# default-ignorable code points (Unicode's Default_Ignorable_Code_Point) and breaks lines at NEL
# and the line/paragraph separators.
_IGNORABLE_RANGES = (
    (0x0009, 0x000A), (0x000D, 0x000D),
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    (0x0085, 0x0085), (0x2028, 0x2029),
)
# PDF/UA forbids U+FEFF in text; U+2060 WORD JOINER means the same and is allowed.
_REPLACED = str.maketrans({"\ufeff": "\u2060"})


class FontSetupError(Exception):
    """The fonts of the typst wheel could not be read (an unknown wheel layout)."""


def ignorable(c: str) -> bool:
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES)


@dataclass(frozen=True)
class Family:
    name: str
    coverage: frozenset[int]  # code points every variant of the family has
    files: tuple[str, ...]  # font files to hand to Typst (empty: embedded in the wheel)


def _cmap(font: TTFont) -> frozenset[int]:
    return frozenset(font.getBestCmap() or {})


def _ranges(points: frozenset[int]) -> str:
    """Code points as lines of hexadecimal ``first-last`` runs."""
    runs: list[list[int]] = []
    for cp in sorted(points):
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(f"{a:x}-{b:x}\n" for a, b in runs)


def _points(ranges: str) -> frozenset[int]:
    return frozenset(cp for line in ranges.split() for a, b in [line.split("-")] for cp in range(int(a, 16), int(b, 16) + 1))


def _cached(path: Path, what: str, read: Callable[[], frozenset[int]]) -> frozenset[int]:
    """``read()``, the code points ``what`` of the file at ``path`` has, from the cache while the file is unchanged."""
    stat = path.stat()
    name = digest(str(path), what, str(stat.st_size), str(stat.st_mtime_ns)) + ".cmap"
    known = read_text("fonts", name)
    if known is not None and known.endswith("\n"):  # whole: written last
        try:
            return _points(known)
        except ValueError:
            pass  # damaged: read the font again
    points = read()
    write_text("fonts", name, _ranges(points) + "\n")
    return points


_FONT_ERRORS = (TTLibError, struct.error, AssertionError, IndexError, KeyError, ValueError, TypeError)
_MAX_FONT = 16 << 20


def _face(data: bytes) -> tuple[str, tuple[str, int], frozenset[int]]:
    """Family, variant and cmap of one OpenType font."""
    font = TTFont(io.BytesIO(data), lazy=True)
    italic = bool(font["OS/2"].fsSelection & 1)
    return font["name"].getDebugName(1), ("italic" if italic else "normal", font["OS/2"].usWeightClass), _cmap(font)


def _typst_module() -> Path:
    return next(Path(typst.__file__).parent.glob("_typst*"))


def _embedded_faces() -> Iterator[tuple[str, tuple[str, int], frozenset[int]]]:
    """The CFF-flavoured OpenType fonts inside the typst extension module, found by their sfnt headers."""
    with _typst_module().open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        at = data.find(b"OTTO")
        while at != -1:
            size = 4
            try:
                count = struct.unpack(">H", data[at + 4:at + 6])[0]
                records = [struct.unpack(">4sIII", data[at + 12 + 16 * i:at + 28 + 16 * i]) for i in range(count)]
                end = max((offset + length for _, _, offset, length in records), default=0)
                if 0 < count <= 64 and end <= _MAX_FONT:
                    face = _face(data[at:at + end])
                    size = end
                    yield face
            except _FONT_ERRORS:
                pass  # "OTTO" by chance, not a font
            at = data.find(b"OTTO", at + size)


@cache
def primary() -> Family:
    """Libertinus Serif as Typst embeds it: the coverage shared by its four variants."""
    return Family(PRIMARY, _cached(_typst_module(), PRIMARY, _primary_coverage), ())


def _primary_coverage() -> frozenset[int]:
    faces: dict[tuple[str, int], frozenset[int]] = {}
    for family, variant, cmap in _embedded_faces():
        if family == PRIMARY and variant in VARIANTS:
            faces.setdefault(variant, cmap)
            if len(faces) == len(VARIANTS):
                break
    if len(faces) != len(VARIANTS):
        raise FontSetupError(f"typst {typst.__version__}: the embedded {PRIMARY} was not found")
    return frozenset.intersection(*faces.values())


def _closest(faces: list[typst.FontInfo], style: str, weight: int) -> typst.FontInfo:
    return min(faces, key=lambda f: (abs(f.stretch - 1.0), f.style != style, abs(f.weight - weight), f.path, f.index))


def _installed(name: str, faces: list[typst.FontInfo]) -> Family | None:
    """A fallback family from the faces the layout would pick, or None if they cannot be read."""
    picked = sorted({_closest(faces, s, w) for s, w in VARIANTS}, key=lambda f: (f.path, f.index))
    try:
        cmaps = [_cached(Path(f.path), f"face {f.index}", lambda f=f: _cmap(TTFont(f.path, fontNumber=f.index, lazy=True)))
                 for f in picked]
    except (OSError, *_FONT_ERRORS):
        return None
    return Family(name, frozenset.intersection(*cmaps), tuple(sorted({f.path for f in picked})))


@cache
def chain() -> tuple[Family, ...]:
    """Libertinus, then each fallback family found on this machine."""
    found: dict[str, list[typst.FontInfo]] = {}
    for info in typst.Fonts(include_system_fonts=True, include_embedded_fonts=False).fonts():
        if info.family in FALLBACK_FAMILIES and info.path:
            found.setdefault(info.family, []).append(info)
    fallbacks = (_installed(name, found[name]) for name in FALLBACK_FAMILIES if name in found)
    return (primary(), *(f for f in fallbacks if f is not None))


def families_for(chars: set[str]) -> tuple[Family, ...]:
    """Libertinus alone when it has every character (the book then depends on no installed
    font, and no fallback cmap is read), else the whole chain."""
    if all(ignorable(c) or ord(c) in primary().coverage for c in "".join(chars).translate(_REPLACED)):
        return (primary(),)
    return chain()


def font_files(families: tuple[Family, ...]) -> list[str]:
    return sorted({path for family in families for path in family.files})


def substitute(c: str) -> str:
    return f"[U+{ord(c):04X}]"


def _clusters(s: str) -> Iterator[str]:
    """A base character with the combining marks after it: Typst takes each from one font."""
    start = 0
    for i in range(1, len(s) + 1):
        if i == len(s) or not unicodedata.category(s[i]).startswith("M"):
            yield s[start:i]
            start = i


def _typeset_cluster(cluster: str, families: tuple[Family, ...]) -> tuple[str, list[str]]:
    """The cluster as printed, and the characters no font could give it."""
    needed = {ord(c) for c in cluster if not ignorable(c)}
    if any(needed <= f.coverage for f in families):
        return cluster, []
    home = next((f for f in families if ord(cluster[0]) in f.coverage), None)
    out, missing = [], []
    for c in cluster:
        if ignorable(c) or (home is not None and ord(c) in home.coverage):
            out.append(c)
        else:
            out.append(substitute(c))
            missing.append(c)
    return "".join(out), missing


def typeset(s: str, families: tuple[Family, ...]) -> tuple[str, list[str]]:
    """``s`` as the PDF prints it (substitutes for characters without a glyph), and those characters."""
    s = s.translate(_REPLACED)
    if all(ord(c) in families[0].coverage or ignorable(c) for c in set(s)):
        return s, []  # the common case: all in Libertinus
    parts = [_typeset_cluster(c, families) for c in _clusters(s)]
    return "".join(p for p, _ in parts), [c for _, m in parts for c in m]


def describe(c: str) -> str:
    name = unicodedata.name(c, "")
    return f"U+{ord(c):04X}" + (f" {name}" if name else "")
