from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.package.metadata import MetadataError, page_url, write_metadata
from edition.core import Edition, read_edition

DATACITE_XSD = Path(__file__).resolve().parents[1] / "fixtures" / "reference" / "datacite-4.5" / "metadata.xsd"
DC = {"dc": "http://purl.org/dc/elements/1.1/", "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}
DATACITE = {"d": "http://datacite.org/schema/kernel-4"}


@pytest.fixture
def records(edition: Edition, outputs: tuple[Path, Path], tmp_path: Path) -> Path:
    write_metadata(edition, outputs[0], tmp_path / "metadata")
    return tmp_path / "metadata"


@pytest.fixture(scope="module")
def datacite_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATACITE_XSD)))


def test_records_for_each_essay_and_the_edition(records: Path) -> None:
    assert sorted(p.name for p in records.iterdir()) == [
        "edition.datacite.xml", "edition.dc.xml", "sample.datacite.xml", "sample.dc.xml",
    ]


@pytest.mark.parametrize("name", ["sample", "edition"])
def test_datacite_validates_against_the_4_5_schema(records: Path, datacite_schema: etree.XMLSchema, name: str) -> None:
    doc = etree.parse(str(records / f"{name}.datacite.xml"))
    assert datacite_schema.validate(doc), datacite_schema.error_log


def test_essay_datacite_carries_the_header(records: Path) -> None:
    doc = etree.parse(str(records / "sample.datacite.xml"))
    first = lambda xpath: doc.xpath(f"string({xpath})", namespaces=DATACITE)  # noqa: E731
    # No DOI exists: the identifier is the URL the sources give, honestly typed as URL.
    assert first("/d:resource/d:identifier/@identifierType") == "URL"
    assert first("/d:resource/d:identifier") == "https://example.org/beispiel/sample.html"
    # The author resolved through the register: regular name, given and family name.
    assert first("//d:creators/d:creator/d:creatorName") == "Muster, Max"
    assert first("//d:creators/d:creator/d:familyName") == "Muster"
    assert doc.xpath("/d:resource/d:titles/d:title/text()", namespaces=DATACITE) == ["Ein Beispiel", "Lenin und die Folgen"]
    assert first("//d:publicationYear") == "2026"
    assert first("//d:dates/d:date[@dateType='Issued']") == "2026-11-22"
    assert first("//d:rights/@rightsURI") == "https://creativecommons.org/licenses/by/4.0/"
    assert first("//d:description[@descriptionType='Abstract']") == "Ein kurzer Beispieltext."
    assert first("//d:relatedIdentifier[@relationType='IsPartOf']") == "https://example.org/beispiel/"
    assert first("//d:contributor[@contributorType='Editor']/d:contributorName") == "Erika Muster"
    # The printed original (2017) is a related item, not the publication year of the edition.
    assert first("//d:relatedItem[@relationType='IsVariantFormOf']/d:publicationYear") == "2017"


def test_edition_datacite_lists_its_essays(records: Path) -> None:
    doc = etree.parse(str(records / "edition.datacite.xml"))
    assert doc.xpath("//d:relatedIdentifier[@relationType='HasPart']/text()", namespaces=DATACITE) == [
        "https://example.org/beispiel/sample.html"
    ]
    assert doc.xpath("string(//d:resourceType/@resourceTypeGeneral)", namespaces=DATACITE) == "Collection"
    # The creators: the texts' authors (as the register names them), then the edition's editors.
    assert doc.xpath("//d:creator/d:creatorName/text()", namespaces=DATACITE) == ["Muster, Max", "Erika Muster"]


def test_datacite_carries_the_persistent_identifier_and_authority_ids(edition: Edition, outputs: tuple[Path, Path],
                                                                      tmp_path: Path, datacite_schema: etree.XMLSchema) -> None:
    config = edition.config_path
    config.write_text(config.read_text(encoding="utf-8") + '\n[edition.identifier]\ntype = "DOI"\nvalue = "10.5555/beispiel"\n',
                      encoding="utf-8")
    register = edition.register
    register.write_text(register.read_text(encoding="utf-8").replace(
        '<person xml:id="muster-max">', '<person xml:id="muster-max">\n        <idno type="GND">118000000</idno>'), encoding="utf-8")
    write_metadata(read_edition(edition.dir), outputs[0], tmp_path / "pid")
    whole = etree.parse(str(tmp_path / "pid" / "edition.datacite.xml"))
    essay = etree.parse(str(tmp_path / "pid" / "sample.datacite.xml"))
    for record in (whole, essay):
        datacite_schema.assertValid(record)
    get = lambda doc, xpath: doc.xpath(xpath, namespaces=DATACITE)  # noqa: E731
    assert [(i.get("identifierType"), i.text) for i in get(whole, "/d:resource/d:identifier")] == [("DOI", "10.5555/beispiel")]
    assert [(i.get("relatedIdentifierType"), i.text) for i in get(essay, "//d:relatedIdentifier[@relationType='IsPartOf']")] == [
        ("DOI", "10.5555/beispiel"), ("URL", "https://example.org/beispiel/")]
    for record in (whole, essay):
        (ident,) = get(record, "//d:creator[d:creatorName='Muster, Max']/d:nameIdentifier")
        assert (ident.get("nameIdentifierScheme"), ident.get("schemeURI"), ident.text) == ("GND", "https://d-nb.info/gnd/", "118000000")


def test_dublin_core_records(records: Path) -> None:
    essay = etree.parse(str(records / "sample.dc.xml"))
    assert essay.getroot().tag == f"{{{DC['oai_dc']}}}dc"
    values = lambda doc, el: doc.xpath(f"//dc:{el}/text()", namespaces=DC)  # noqa: E731
    assert values(essay, "title") == ["Ein Beispiel. Lenin und die Folgen"]
    assert values(essay, "creator") == ["Muster, Max"]
    assert values(essay, "date") == ["2026-11-22"]
    assert values(essay, "identifier") == ["https://example.org/beispiel/sample.html"]
    assert values(essay, "language") == ["de"]
    assert values(essay, "relation") == ["https://example.org/beispiel/"]
    assert values(essay, "source") == ["Max Muster, Ein Beispiel, 2017, 2 Seiten."]
    edition = etree.parse(str(records / "edition.dc.xml"))
    assert values(edition, "title") == ["Beispieledition"]
    assert values(edition, "creator") == ["Muster, Max", "Erika Muster"]
    assert values(edition, "relation") == ["https://example.org/beispiel/sample.html"]
    # Only the 15 elements of simple Dublin Core.
    allowed = {"title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
               "format", "identifier", "source", "language", "relation", "coverage", "rights"}
    for doc in (essay, edition):
        assert {etree.QName(el).localname for el in doc.getroot()} <= allowed


def test_essay_without_a_reading_page_is_an_error(edition: Edition, tmp_path: Path) -> None:
    (tmp_path / "empty-site").mkdir()
    with pytest.raises(MetadataError, match="no reading page for essay 'sample'"):
        page_url(edition, tmp_path / "empty-site", "sample")


def test_edition_without_address_gets_local_identifiers(edition: Edition, outputs: tuple[Path, Path], tmp_path: Path,
                                                         datacite_schema: etree.XMLSchema) -> None:
    """No base URL in edition.toml: no URL is invented; records name themselves inside the deposit."""
    config = edition.config_path
    config.write_text(config.read_text(encoding="utf-8").replace('base_url = "https://example.org/beispiel/"\n', ""),
                      encoding="utf-8")
    write_metadata(read_edition(edition.dir), outputs[0], tmp_path / "local")
    ns = {"d": "http://datacite.org/schema/kernel-4"}
    for name, expected in (("edition", "edition-1.0.0"), ("sample", "edition-1.0.0/texts/sample")):
        record = etree.parse(str(tmp_path / "local" / f"{name}.datacite.xml"))
        datacite_schema.assertValid(record)
        (identifier,) = record.xpath("/d:resource/d:identifier", namespaces=ns)
        assert (identifier.get("identifierType"), identifier.text) == ("Local", expected)
        assert not record.xpath("//d:relatedIdentifier[not(normalize-space())]", namespaces=ns)
    assert "example.org" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "local").iterdir())
