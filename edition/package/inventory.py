"""The facts about every payload file that the PREMIS record and the bag's README are made from.

For each file: its path in the bag, size, SHA-256 and SHA-512, format (see :mod:`.formats`),
what it is (its role) and which program made it; plus the programs with their versions and the
outcome of validating the edition's TEI. Everything comes from the files and the installed
programs, nothing from the clock: ``describe_payload`` returns the same document for the same
payload. The stylesheets turn these facts (with the texts' teiHeaders) into PREMIS and prose.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from importlib import metadata
from pathlib import Path

from lxml import etree

from . import formats
from .. import __version__
from ..cache import digest, read_json, write_json
from ..core import HEADER_NAME, Edition
from ..paths import XSLT
from ..xmlio import parse_header
from ..validate.profiles import profile_of

ASSETS = XSLT / "html" / "assets"
GRAMMARS = (".rng", ".rnc", ".xsd", ".sch", ".odd")  # the profile's files that validate (not its README)
#: The programs that write deposit files: key → (name, PyPI distribution giving the version).
APPLICATIONS = {
    "tei-edition": ("tei-edition", None),
    "saxon": ("SaxonC-HE (saxonche)", "saxonche"),
    "typst": ("Typst", "typst"),
    "pagefind": ("Pagefind", "pagefind"),
    "lxml": ("lxml (libxml2)", "lxml"),
    "bagit": ("bagit-python", "bagit"),
}


@dataclass(frozen=True)
class Digest:
    """A payload file's size and checksums, as the manifests and the PREMIS record give them."""

    size: int
    sha256: str
    sha512: str


@dataclass(frozen=True)
class Role:
    kind: str  # text, register, edition-document, configuration, source, schema, page, pdf, search-index, asset, metadata, file
    made_by: tuple[str, ...] = ()  # keys of APPLICATIONS
    derived_from: tuple[str, ...] = ()  # bag paths


def describe_payload(payload: Path, edition: Edition, digests: dict[str, Digest],
                     validated: tuple[int, int] | None = None,
                     identified: Mapping[str, formats.Format] | None = None) -> etree._ElementTree:
    """The inventory of ``payload`` (the bag's ``data/``) whose files have ``digests`` (relative path →
    size, SHA-256, SHA-512), as XML: ``<inventory>`` with ``<application>``, ``<validation>``, one
    ``<file>`` per payload file and one ``<text>`` (its teiHeader) per text. Files are told apart
    by their SHA-256. ``validated``: the errors and warnings of validating the edition's files, if just
    done; ``identified``: the formats of files identified moments ago (:func:`identify_formats`)."""
    contents = {rel: digests[rel].sha256 for rel in sorted(digests)}
    texts = {_sha256(t): t for t in edition.texts}
    # Where the deposit holds each text: the site's copy, byte for byte.
    text_paths = {texts[data].stem: f"data/{rel}" for rel, data in contents.items() if data in texts}
    register = _sha256(edition.register) if edition.register and edition.register.is_file() else None
    assets = {_sha256(p) for p in ASSETS.rglob("*") if p.is_file()}
    root = etree.Element("inventory", edition=edition.id, version=edition.version, date=edition.date,
                         name=edition.deposit_name, pronom=formats.PRONOM_RELEASE)
    for key, (name, dist) in APPLICATIONS.items():
        etree.SubElement(root, "application", key=key, name=name, version=_version(dist))
    _validation(root, edition, validated)
    found = identify_formats(payload, digests, identified=identified)
    for rel, data in contents.items():
        role = _role(rel, data, texts, text_paths, register, assets, edition)
        fmt = found[rel]
        el = etree.SubElement(root, "file", path=f"data/{rel}", role=role.kind, size=str(digests[rel].size),
                              sha256=data, sha512=digests[rel].sha512, format=fmt.name, mime=fmt.mime)
        for name, value in (("format-version", fmt.version), ("puid", fmt.puid), ("made-by", " ".join(role.made_by))):
            if value:
                el.set(name, value)
        for source in role.derived_from:
            etree.SubElement(el, "source", path=source)
    # The texts' headers, for what they say about each text's source and history.
    for text in edition.texts:
        holder = etree.SubElement(root, "text", id=text.stem, path=text_paths.get(text.stem, ""))
        header = parse_header(text)
        if header is not None:
            holder.append(header)
    return root.getroottree()


def identify_formats(payload: Path, digests: Mapping[str, Digest], save: bool = True,
                     identified: Mapping[str, formats.Format] | None = None) -> dict[str, formats.Format]:
    """The format of each payload file (relative path → its digests in ``digests``).

    A format depends on a file's bytes and suffix only, so one recorded for the last bag under the
    same SHA-256 and suffix, by the same identification code, is taken again, and so is one
    ``identified`` gives; the others are identified (which reads every XML and PDF file whole: 2.4 s
    of a 1,000-text rebuild's deposit). With ``save`` these are the record the next bag's are taken from."""
    code = digest(Path(formats.__file__).read_bytes())
    record = read_json("formats", "last")
    known: dict[tuple[str, str], formats.Format] = {}
    if isinstance(record, dict) and record.get("code") == code and isinstance(record.get("files"), list):
        for entry in record["files"]:
            if isinstance(entry, list) and len(entry) == 6 and all(isinstance(v, str) for v in entry):
                known[(entry[0], entry[1])] = formats.Format(*entry[2:])
    identified = identified or {}
    found: dict[str, formats.Format] = {}
    for rel in sorted(digests):
        key = (digests[rel].sha256, Path(rel).suffix.lower())
        found[rel] = identified.get(rel) or known.get(key) or formats.identify(payload / rel)
        known[key] = found[rel]
    if save:
        files = [[digests[rel].sha256, Path(rel).suffix.lower(), *astuple(found[rel])] for rel in found]
        write_json("formats", "last", {"code": code, "files": files})
    return found


def _role(rel: str, data: str, texts: dict[str, Path], text_paths: dict[str, str], register: str | None,
          assets: set[str], edition: Edition) -> Role:
    """What a payload file is, told by where the deposit put it and, in the site, by its bytes' SHA-256 (``data``)."""
    top, _, rest = rel.partition("/")
    stem = Path(rel).stem
    essay = (text_paths[stem],) if stem in text_paths else ()
    config = f"data/sources/{edition.config_path.name}"
    if top == "sources":
        return Role("configuration") if rest == edition.config_path.name else Role("source")
    if top == "schema":
        return Role("schema")
    if top == "metadata":
        made_from = essay or (f"data/html/tei/{HEADER_NAME}",)
        return Role("metadata", ("tei-edition", "saxon"), made_from)
    if data in texts:
        return Role("text")
    if register is not None and data == register:
        return Role("register")
    if data == hashlib.sha256(edition.header_bytes).hexdigest():
        return Role("edition-document", ("tei-edition", "lxml"), (config,))
    if rel.endswith(".pdf"):
        return Role("pdf", ("tei-edition", "saxon", "typst"), essay)
    if rel.endswith(".html"):
        return Role("page", ("tei-edition", "saxon"), essay)
    if "/pagefind" in f"/{rest}":  # a Pagefind bundle: pagefind/, pagefind-LANG/
        return Role("search-index", ("pagefind",))
    if data in assets:
        return Role("asset", ("tei-edition",))
    return Role("file")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _validation(root: etree._Element, edition: Edition, outcome: tuple[int, int] | None) -> None:
    """The outcome of validating the TEI as `edition validate` does — ``outcome`` (errors, warnings)
    if the caller has just done so, else validated here — so the record states what was seen
    (``problem`` says why validation could not run, when the profile's schema is unusable)."""
    from ..validate import validate_files
    from ..validate.relaxng import SchemaError

    profile = profile_of(edition)
    el = etree.SubElement(root, "validation", profile=profile.name, files=str(len(edition.sources)),
                          schemas=" ".join(f"data/schema/{p.name}" for p in profile.files if p.suffix in GRAMMARS))
    if outcome is not None:
        el.set("errors", str(outcome[0]))
        el.set("warnings", str(outcome[1]))
        return
    try:
        problems = validate_files(edition.sources, profile.schema, profile.rules, profile.register_prefix)
    except SchemaError as exc:
        el.set("problem", str(exc))
        return
    errors = sum(p.severity == "error" for p in problems)
    el.set("errors", str(errors))
    el.set("warnings", str(len(problems) - errors))


def _version(dist: str | None) -> str:
    if dist is None:
        return __version__
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""
