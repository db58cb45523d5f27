"""Quotations and inline milestones: a block's string → a small tree of nodes.

A node is a ``str``, ``("pb", position)``, ``("note", n)``, ``("ref", target, text)``
or ``("q", rend, children)``.  Quote marks leave the text and go to ``q/@rend``;
a block whose marks do not pair is left with its marks as printed (and reported).
"""

from __future__ import annotations

import re
from typing import Union

Node = Union[str, tuple]

#: opening mark → (closing mark, rend)
_PAIRS_FRENCH = {"„": ("“", "de"), "«": ("»", "guillemets"), "‚": ("‘", "single-de"), "‹": ("›", "single-guillemets")}
_PAIRS_GERMAN = {"„": ("“", "de"), "»": ("«", "guillemets-de"), "‚": ("‘", "single-de"), "›": ("‹", "single-guillemets-de")}
_TOKEN = re.compile(r"\x01(\d+)\x03|\x02(\d+)\x03|[„“«»‚‘‹›\"]")
URL = re.compile(r"(?:https?://|www\.)[^\s\x01-\x03]+")


def guillemet_style(text: str) -> dict[str, tuple[str, str]]:
    """« first: French/Swiss style «…»; » first: German style »…«."""
    m = re.search(r"[«»]", text)
    return _PAIRS_GERMAN if m and m.group() == "»" else _PAIRS_FRENCH


def parse(text: str) -> tuple[list[Node], bool]:
    """Nodes for ``text``; False as second value if the quote marks did not pair."""
    nodes = _parse(text, quotes=True)
    if nodes is None:
        return _parse(text, quotes=False), False
    return nodes, True


def _parse(text: str, quotes: bool) -> list[Node] | None:
    pairs = guillemet_style(text)
    closers = {close: opener for opener, (close, _) in pairs.items()}
    root: list[Node] = []
    stack: list[tuple[str, str, list[Node]]] = []  # (opener, rend, children)
    pos = 0

    def out() -> list[Node]:
        return stack[-1][2] if stack else root

    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            out().append(text[pos : m.start()])
        pos = m.end()
        tok = m.group()
        if m.group(1):
            out().append(("pb", int(m.group(1))))
        elif m.group(2):
            out().append(("note", int(m.group(2))))
        elif not quotes:
            out().append(tok)
        elif tok == '"':
            if stack and stack[-1][0] == '"':
                _close(stack, out)
            else:
                stack.append(('"', "straight", []))
        elif stack and closers.get(tok) == stack[-1][0]:
            _close(stack, out)
        elif tok in pairs:
            stack.append((tok, pairs[tok][1], []))
        else:
            return None  # a closing mark with nothing open
    if pos < len(text):
        out().append(text[pos:])
    if stack:
        return None
    return _merge(root)


def _close(stack: list[tuple[str, str, list[Node]]], out) -> None:
    _, rend, children = stack.pop()
    out().append(("q", rend, _merge(children)))


def _merge(nodes: list[Node]) -> list[Node]:
    merged: list[Node] = []
    for n in nodes:
        if isinstance(n, str) and merged and isinstance(merged[-1], str):
            merged[-1] += n
        else:
            merged.append(n)
    return merged


def link_urls(nodes: list[Node], known: dict[str, str]) -> list[Node]:
    """Wrap URLs in text nodes as ``ref``; ``known`` maps a URL without scheme to a full one."""
    result: list[Node] = []
    for n in nodes:
        if isinstance(n, str):
            pos = 0
            for m in URL.finditer(n):
                url = re.sub(r"[.,;:)]+$", "", m.group())
                if pos < m.start():
                    result.append(n[pos : m.start()])
                bare = re.sub(r"^https?://", "", url)
                target = url if url.startswith("http") else known.get(bare, "http://" + bare)
                result.append(("ref", target, url))
                pos = m.start() + len(url)
            if pos < len(n):
                result.append(n[pos:])
        elif n[0] == "q":
            result.append(("q", n[1], link_urls(n[2], known)))
        else:
            result.append(n)
    return result
