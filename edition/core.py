"""An edition, read once: its ``edition.toml``, its texts and its register, handed to every step.

An edition is a folder holding ``edition.toml``; the texts live in its texts folder
(``texts/`` unless configured), the person register where ``[register] persons`` says.
The edition's own TEI document (title, editors, publication, licence — what the outputs
print about the edition) is generated from the configuration, so the policy has one home.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from . import config as C
from .errors import LocatedError
from .paths import XSLT
from .xmlio import TEI_NS, XML_NS, parse

#: The name of the generated edition document in the site and the deposit.
HEADER_NAME = "edition.xml"


class NoEdition(LocatedError):
    """The folder holds no edition."""


@dataclass(frozen=True)
class Edition:
    dir: Path
    config: C.Config

    # ------------------------------------------------------------ files

    @property
    def config_path(self) -> Path:
        return self.config.path

    @property
    def texts_dir(self) -> Path:
        return self.dir / self.config.texts

    @property
    def texts(self) -> list[Path]:
        """The texts, in a stable order (by file name)."""
        return sorted(self.texts_dir.glob("*.xml"))

    @property
    def register(self) -> Path | None:
        """The person register, or None when the edition has none."""
        return self.dir / self.config.register if self.config.register else None

    @property
    def raw_sources_dir(self) -> Path:
        """The raw sources the texts were imported from (text extractions and their .toml): ``sources/`` unless configured."""
        return self.dir / self.config.sources

    @property
    def raw_sources(self) -> list[Path]:
        """The files below the sources folder, in a stable order; hidden files and links out of it are left out."""
        root = self.raw_sources_dir
        inside = root.resolve()
        files = [p for p in root.rglob("*") if p.is_file() and p.resolve().is_relative_to(inside)] if root.is_dir() else []
        return sorted((p for p in files if not any(part.startswith(".") for part in p.relative_to(root).parts)),
                      key=lambda p: p.relative_to(root).as_posix())

    @property
    def sources(self) -> list[Path]:
        """The TEI files an editor writes: the texts and the register (if it exists)."""
        return [*self.texts, *([self.register] if self.register and self.register.is_file() else [])]

    # ------------------------------------------------------------ facts

    @property
    def id(self) -> str:
        return self.config.id

    @property
    def version(self) -> str:
        return self.config.version

    @property
    def date(self) -> str:
        return self.config.date

    @property
    def publisher(self) -> str:
        return self.config.publisher

    @property
    def url(self) -> str:
        return self.config.base_url

    @property
    def description(self) -> str:
        return self.config.description

    @property
    def interface(self) -> str:
        """The language of every label in the outputs: configured, else the texts' language."""
        return self.config.interface or self.config.language

    @property
    def stylesheet_params(self) -> dict[str, str]:
        """The edition's policy every output stylesheet reads (labels, register references)."""
        odd = (self.dir / self.config.odd).resolve().as_uri() if self.config.odd else ""
        return {"interface-language": self.interface, "register-prefix": self.config.register_prefix, "edition-odd": odd}

    @property
    def deposit_name(self) -> str:
        return f"{self.id}-{self.version}"

    @cached_property
    def header(self) -> etree._ElementTree:
        """The edition's TEI document, generated from ``edition.toml``."""
        return header_tei(self.config)

    def register_tree(self) -> etree._ElementTree:
        """The person register, parsed safely; an empty one when the edition keeps none."""
        if self.register is not None and self.register.is_file():
            return parse(self.register)
        root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
        root.set(f"{{{XML_NS}}}id", "register")
        file_desc = _el(_el(root, "teiHeader"), "fileDesc")
        _el(_el(file_desc, "titleStmt"), "title", self.config.title)
        _el(_el(file_desc, "publicationStmt"), "p")
        _el(_el(file_desc, "sourceDesc"), "p")
        _el(_el(_el(root, "text"), "body"), "p")
        return root.getroottree()

    @property
    def header_bytes(self) -> bytes:
        return etree.tostring(self.header, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def find_edition_dir(start: Path) -> Path | None:
    """The edition ``start`` (a folder or a file) belongs to: the nearest folder upwards holding edition.toml."""
    here = start.resolve()
    for folder in [here, *here.parents] if here.is_dir() else here.parents:
        if (folder / C.FILE_NAME).is_file():
            return folder
    return None


def read_edition(folder: Path | None = None) -> Edition:
    """The edition in ``folder`` (default: the current folder); :class:`NoEdition` or :class:`config.ConfigError` if none."""
    folder = (folder or Path.cwd()).resolve()
    if not (folder / C.FILE_NAME).is_file():
        raise NoEdition(str(folder), 0, 0, f"no {C.FILE_NAME} here; make an edition with 'edition new FOLDER' or name one")
    return Edition(folder, C.load(folder / C.FILE_NAME))


# ---------------------------------------------------------------- the generated edition document


def _el(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{TEI_NS}}}{name}", attrs)
    if text:
        child.text = text
    return child


def _label(key: str, lang: str) -> tuple[str, str]:
    """The language and text of ``key`` in xslt/common/labels.xml for ``lang``: itself, its primary
    language, else German (the outputs refuse an interface language labels.xml lacks)."""
    labels = parse(XSLT / "common" / "labels.xml").getroot()
    texts = labels.xpath("lb:label[@key = $key]/*", namespaces={"lb": "urn:tei-edition:labels"}, key=key)
    by_lang = {etree.QName(t).localname: t.text or "" for t in texts}
    return next((tag, by_lang[tag]) for tag in (lang, lang.split("-")[0].lower(), "de") if tag in by_lang)


def header_tei(cfg: C.Config) -> etree._ElementTree:
    """``edition.toml`` as the TEI document every output reads for the edition's facts."""
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}id", cfg.id)
    root.set(f"{{{XML_NS}}}lang", cfg.language)
    file_desc = _el(_el(root, "teiHeader"), "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", cfg.title)
    for person in cfg.editors:
        _el(title_stmt, "editor", person.name, role=person.role)
    for resp in cfg.responsibilities:
        stmt = _el(title_stmt, "respStmt")
        _el(stmt, "resp", resp.role)
        _el(stmt, "name", resp.name)
    edition_stmt = _el(file_desc, "editionStmt")
    _el(edition_stmt, "edition", f"{cfg.version}", n=cfg.version)
    pub = _el(file_desc, "publicationStmt")
    _el(pub, "publisher", cfg.publisher)
    if cfg.place:
        _el(pub, "pubPlace", cfg.place)
    _el(pub, "date", cfg.date, when=cfg.date)
    if cfg.licence_url or cfg.licence_text:
        licence = _el(_el(pub, "availability"), "licence", cfg.licence_text or cfg.licence_url)
        if cfg.licence_url:
            licence.set("target", cfg.licence_url)
    if cfg.base_url:
        _el(pub, "idno", cfg.base_url, type="URL")
    if cfg.identifier:
        _el(pub, "idno", cfg.identifier.value, type=cfg.identifier.type)
    source_desc = _el(file_desc, "sourceDesc")
    _el(source_desc, "p", cfg.source or None)
    encoding = _el(root[0], "encodingDesc")
    if cfg.description:
        _el(_el(encoding, "projectDesc"), "p", cfg.description)
    # The outputs normalise the reading text's typography (xslt/common/typography.xsl): declared
    # here, in the interface language, so that no output changes the text silently.
    lang, text = _label("typography-declaration", cfg.interface or cfg.language)
    declared = _el(_el(_el(encoding, "editorialDecl"), "normalization"), "p", text)
    if lang != cfg.language:
        declared.set(f"{{{XML_NS}}}lang", lang)
    about = _el(_el(_el(root, "text"), "body"), "div", type="about")
    for paragraph in cfg.about or ("",):
        _el(about, "p", paragraph or None)
    return root.getroottree()
