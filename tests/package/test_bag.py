from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import bagit

from edition.core import Edition, read_edition
from edition.package.archive import write_zip, zip_timestamp
from edition.package.bag import make_deposit_bag
from edition.paths import SCHEMA


def test_bag_is_valid_for_the_bagit_library(bag: Path) -> None:
    parsed = bagit.Bag(str(bag))
    assert parsed.validate() is True
    assert parsed.version_info == (1, 0)
    assert sorted(parsed.algorithms) == ["sha256", "sha512"]


def test_bag_declares_bagit_1_0(bag: Path) -> None:
    assert (bag / "bagit.txt").read_text(encoding="utf-8") == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def test_payload_holds_each_file_once(bag: Path) -> None:
    """The site's TEI and PDFs are the deposit's; sources, schemas and metadata beside the site."""
    payload = sorted(p.relative_to(bag / "data").as_posix() for p in (bag / "data").rglob("*") if p.is_file())
    assert payload == [
        "html/assets/edition.css",
        "html/index.html",
        "html/pdf/sample.pdf",
        "html/sample.html",
        "html/tei/edition.xml",
        "html/tei/register/persons.xml",
        "html/tei/texts/sample.xml",
        "metadata/edition.datacite.xml",
        "metadata/edition.dc.xml",
        "metadata/premis.xml",
        "metadata/sample.datacite.xml",
        "metadata/sample.dc.xml",
        "schema/README.md",
        "schema/edition.rng",
        "schema/edition.sch",
        "sources/edition.toml",
        "sources/sample.toml",
        "sources/sample.txt",
    ]
    digests = [line.split()[0] for line in (bag / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()]
    assert len(digests) == len(set(digests))


def test_the_profiles_schemas_go_into_the_bag(edition: Edition, make_bag: Callable[[str], Path]) -> None:
    """The sample edition is on the strict profile: the essay grammar and rules travel with it."""
    bag = make_bag("with-schema")
    for name in ("edition.rng", "edition.sch"):
        assert (bag / "data" / "schema" / name).read_bytes() == (SCHEMA / name).read_bytes()


def test_custom_profile_grammar_goes_into_the_bag(edition: Edition, tmp_path: Path, outputs: tuple[Path, Path]) -> None:
    config = edition.config_path
    (edition.dir / "mine.rng").write_text("<grammar/>", encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace('profile = "strict"', 'profile = "custom"\nrelaxng = "mine.rng"'),
                      encoding="utf-8")
    bag = make_deposit_bag(tmp_path / "custom", read_edition(edition.dir), *outputs)
    assert (bag / "data" / "schema" / "mine.rng").read_text(encoding="utf-8") == "<grammar/>"


def test_bag_info_comes_from_the_sources(bag: Path) -> None:
    info = bagit.Bag(str(bag)).info
    assert info["Source-Organization"] == "tei-edition"
    assert info["External-Description"] == "Eine kleine Edition zum Testen."
    assert info["External-Identifier"] == "https://example.org/beispiel/"
    assert info["Bagging-Date"] == "2026-11-22"  # edition.toml's date, not today
    payload = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"


def test_manifests_list_every_payload_file_in_both_algorithms(bag: Path) -> None:
    payload = {p.relative_to(bag).as_posix() for p in (bag / "data").rglob("*") if p.is_file()}
    for alg, length in (("sha256", 64), ("sha512", 128)):
        lines = (bag / f"manifest-{alg}.txt").read_text(encoding="utf-8").splitlines()
        assert {line.split(maxsplit=1)[1] for line in lines} == payload
        assert all(len(line.split()[0]) == length for line in lines)
        tags = (bag / f"tagmanifest-{alg}.txt").read_text(encoding="utf-8").splitlines()
        assert [t.split()[1] for t in tags] == sorted(["README.txt", "bag-info.txt", "bagit.txt", "manifest-sha256.txt",
                                                       "manifest-sha512.txt"])


def test_same_sources_give_the_same_zip_bytes(edition: Edition, make_bag: Callable[[str], Path], tmp_path: Path) -> None:
    zips = []
    for n in (1, 2):
        bag = make_bag(f"bag{n}")
        zips.append(write_zip(bag, tmp_path / f"{n}.zip", edition.deposit_name, edition.date).read_bytes())
    assert zips[0] == zips[1]


def test_zip_entries_are_sorted_with_fixed_time_and_mode(zipped: Path, edition: Edition) -> None:
    with zipfile.ZipFile(zipped) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert all(n.startswith("edition-1.0.0/") for n in names)
    assert {i.date_time for i in infos} == {(2026, 11, 22, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert "edition-1.0.0/bagit.txt" in names


def test_zip_timestamp_is_clamped_to_the_zip_epoch() -> None:
    assert zip_timestamp("1917-11-07") == (1980, 11, 7, 0, 0, 0)
    assert zip_timestamp("2026") == (2026, 1, 1, 0, 0, 0)
