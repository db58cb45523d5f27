"""What the import found and where an editor should look."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    source: str
    spacing: str = ""
    pages: int = 0
    printed_pages: list[tuple[int, str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    paragraphs: int = 0
    list_items: int = 0
    quotations: list[int] = field(default_factory=list)  #: first lines of block quotations
    notes_with_text: list[int] = field(default_factory=list)
    notes_lost: list[int] = field(default_factory=list)
    markers_apart: list[tuple[int, int]] = field(default_factory=list)  #: (number, line)
    #: (number, lines of the markers found before and after it, the line of its note text if any)
    markers_missing: list[tuple[int, tuple[int | None, int | None], int | None]] = field(default_factory=list)
    joins: int = 0
    kept_hyphens: list[str] = field(default_factory=list)
    doubtful_joins: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    front: list[str] = field(default_factory=list)
    back: bool = False
    guessed: list[str] = field(default_factory=list)  #: metadata taken from the text (no metadata file)

    def format(self) -> str:
        def nums(xs: list[int]) -> str:
            return ", ".join(map(str, xs)) or "none"

        out = [
            f"import of {self.source}",
            *([f"  no metadata file; guessed: {g}" for g in self.guessed]),
            f"  layout: {self.spacing}-spaced lines",
            f"  pages: {self.pages}" + (f" (printed numbers: {', '.join(f'page {p} = {n}' for p, n in self.printed_pages)})" if self.printed_pages else " (no printed page number survives)"),
            f"  front: {', '.join(self.front) or 'none'}; back (author note): {'yes' if self.back else 'no'}",
            f"  headings: {len(self.headings)}",
            *(f"    - {h}" for h in self.headings),
            f"  paragraphs: {self.paragraphs}; list items: {self.list_items}"
            + (f"; block quotations: {len(self.quotations)} (lines {nums(self.quotations)})" if self.quotations else ""),
            f"  notes: {len(self.notes_with_text) + len(self.notes_lost)} markers; with text: {len(self.notes_with_text)} ({nums(self.notes_with_text)}); text lost: {len(self.notes_lost)} ({nums(self.notes_lost)})",
            f"  line-end hyphenation: {self.joins} joins, hyphen kept in {len(self.kept_hyphens)}" + (f" ({', '.join(self.kept_hyphens)})" if self.kept_hyphens else ""),
        ]
        if self.dropped:
            out.append(f"  dropped: {len(self.dropped)} URL-only lines repeating note URLs")
        unsure = (
            [f"line {line}: marker {n} stands apart from its word (accepted to fill the sequence)" for n, line in self.markers_apart]
            + [f"{_where(around)}: marker {n} not found in the text" + (f" (its note text at line {text})" if text else "") for n, around, text in self.markers_missing]
            + self.doubtful_joins
            + self.doubts
        )
        out.append(f"unsure ({len(unsure)}):")  # each with the line(s) to look at
        out += [f"  - {u}" for u in unsure] or ["  nothing"]
        return "\n".join(out)


def _where(around: tuple[int | None, int | None]) -> str:
    """Where a missing marker should stand: between the lines of its neighbours."""
    before, after = around
    if before and after and before != after:
        return f"lines {before}–{after}"
    return f"line {before or after}" if before or after else "line 1"
