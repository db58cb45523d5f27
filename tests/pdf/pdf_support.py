"""For the PDF tests: a TEI document around a body, the text of a PDF as poppler's pdftotext reads
it, and the calls of the Typst markup that enclose a word."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

WORD_JOINER = "\u2060"  # invisible; the book sets it where a line must not break (hard hyphens, note markers)


def pdf_text(pdf: Path) -> str:
    """pdftotext's text of ``pdf`` (pages parted by form feeds), word joiners left out."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.replace(WORD_JOINER, "")


TEI = "http://www.tei-c.org/ns/1.0"


def document(body: str) -> str:
    return (f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>Behaviour</title></titleStmt>'
            '<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc>'
            f'</teiHeader><text><body><div><head>Behaviour</head>{body}</div></body></text></TEI>')


def enclosing_calls(markup: str, word: str) -> list[str]:
    """The names of the calls whose parentheses or content block hold the string literal that
    starts with ``word``, outermost first (``#note("1", [#list(…, [#"w";])])`` → note, list)."""
    stack: list[str] = []
    last_closed = ""
    i = 0
    while i < len(markup):
        c = markup[i]
        if c == '"':  # a string literal: source text, never markup
            end = i + 1
            while markup[end] != '"':
                end += 2 if markup[end] == "\\" else 1
            if markup[i + 1:end].startswith(word):
                return [name for name in stack if name]
            i = end + 1
            continue
        if c in "([":
            name = re.search(r"[\w.-]*$", markup[:i])[0]
            stack.append(last_closed if c == "[" and not name and markup[i - 1] == ")" else name)
        elif c in ")]" and stack:
            last_closed = stack.pop()
        i += 1
    raise AssertionError(f"{word} is not in the markup")
