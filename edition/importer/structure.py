"""Divisions: front (title, byline, preface), body sections, back (author note)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block

#: Headings that name a preface (a section closed by a date line is one too).
PREFACE_HEADS = {"vorwort", "vorbemerkung", "geleitwort", "preface", "foreword"}


@dataclass
class Div:
    type: str
    blocks: list[Block] = field(default_factory=list)  # head first if any; items grouped by the writer


@dataclass
class Structure:
    front: list[Block]
    preface: Div | None
    body: list[Div]
    back: Div | None


def build(front: list[Block], blocks: list[Block], author: str) -> Structure:
    divs: list[Div] = []
    for b in blocks:
        if b.kind == "head" or not divs:
            divs.append(Div("section" if b.kind == "head" else "introduction"))
        divs[-1].blocks.append(b)
    preface = None
    if divs and divs[0].type == "section":
        head = re.sub(r"\W+", "", divs[0].blocks[0].text).casefold()
        if head in PREFACE_HEADS or any(b.kind == "dateline" for b in divs[0].blocks):
            preface = divs.pop(0)
            preface.type = "preface"
    back = None
    if divs and author:
        last = divs[-1].blocks[-1]
        if last.kind == "p" and last.page_before and last.text.startswith(author) and len(divs[-1].blocks) > 1:
            divs[-1].blocks.pop()
            back = Div("author", [last])
    return Structure(front, preface, divs, back)
