"""The facts about an edition directory that building and packaging need.

Everything comes from the sources (``tei/edition.xml``), never from the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..xmlio import NS, XML_NS, XmlInputError, parse


@dataclass(frozen=True)
class Edition:
    dir: Path
    id: str  #: TEI/@xml:id of tei/edition.xml
    version: str  #: editionStmt/edition/@n
    date: str  #: publicationStmt/date/@when (ISO 8601): the date of every output
    publisher: str
    url: str  #: publicationStmt/idno[@type='URL']
    description: str

    @property
    def tei(self) -> Path:
        return self.dir / "tei"

    @property
    def edition_xml(self) -> Path:
        return self.tei / "edition.xml"

    @property
    def register(self) -> Path:
        return self.tei / "register" / "persons.xml"

    @property
    def essays(self) -> list[Path]:
        return sorted((self.tei / "essays").glob("*.xml"))

    @property
    def deposit_name(self) -> str:
        return f"{self.id}-{self.version}"


def _text(tree, xpath: str) -> str:
    return " ".join(" ".join(tree.xpath(f"string({xpath})", namespaces=NS).split()).split())


def read_edition(edition_dir: Path) -> Edition:
    """Read ``tei/edition.xml``; raise :class:`XmlInputError` naming what is missing."""
    path = edition_dir / "tei" / "edition.xml"
    tree = parse(path)
    root = tree.getroot()
    stmt = "/tei:TEI/tei:teiHeader/tei:fileDesc"
    facts = {
        "id": root.get(f"{{{XML_NS}}}id", ""),
        "version": _text(tree, f"{stmt}/tei:editionStmt/tei:edition/@n"),
        "date": _text(tree, f"{stmt}/tei:publicationStmt/tei:date/@when"),
        "publisher": _text(tree, f"{stmt}/tei:publicationStmt/tei:publisher"),
        "url": _text(tree, f"{stmt}/tei:publicationStmt/tei:idno[@type='URL']"),
        "description": _text(tree, "/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:projectDesc"),
    }
    where = {
        "id": "TEI/@xml:id",
        "version": "editionStmt/edition/@n",
        "date": "publicationStmt/date/@when",
        "publisher": "publicationStmt/publisher",
        "url": "publicationStmt/idno[@type='URL']",
    }
    for key, xpath in where.items():
        if not facts[key]:
            raise XmlInputError(str(path), root.sourceline or 1, 1, f"the edition document needs {xpath}")
    return Edition(dir=edition_dir, **facts)
