"""Which files of the built site the deposit keeps: all but the Pagefind scripts no page loads.

Pagefind writes its own search interfaces (``pagefind-ui.js``, ``pagefind-modular-ui.js``,
``pagefind-component-ui.js``, ``pagefind-highlight.js`` with their CSS) beside the index into every
bundle; a site with its own search page loads none of them. A bundle's script or style sheet is
kept when the site's pages and scripts name it, directly or through a kept script (``pagefind.js``
loads ``pagefind-worker.js``). The index data (entry, meta, fragments, wasm) is loaded by names
``pagefind.js`` computes, so it is always kept.
"""

from __future__ import annotations

from pathlib import Path

BUNDLE_MARKER = "pagefind-entry.json"
CODE = (".js", ".css")
TEXT = (".html", ".htm", ".js", ".css", ".json")


def site_files(site: Path) -> list[str]:
    """The paths (relative to ``site``, sorted) the deposit holds."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    bundles = {f.rpartition("/")[0] for f in files if f.rpartition("/")[2] == BUNDLE_MARKER}
    optional = {f for f in files if f.rpartition("/")[0] in bundles and f.endswith(CODE)}
    kept = [f for f in files if f not in optional]
    reached = _reached(site, [f for f in kept if f.endswith(TEXT)], optional)
    return sorted([*kept, *reached])


def _reached(site: Path, roots: list[str], optional: set[str]) -> set[str]:
    """The optional files whose names the roots mention, and those the mentioned ones mention in turn.

    A name mentioned reaches that file in every bundle (a script loads its bundle's own copy);
    each text is searched once per distinct name, however many bundles there are."""
    by_name: dict[str, set[str]] = {}
    for candidate in optional:
        by_name.setdefault(candidate.rpartition("/")[2], set()).add(candidate)
    reached: set[str] = set()
    todo = list(roots)
    while todo and by_name:
        text = (site / todo.pop()).read_text(encoding="utf-8", errors="replace")
        for name in sorted(n for n in by_name if n in text):
            found = by_name.pop(name)
            reached |= found
            todo.extend(sorted(found))
    return reached
