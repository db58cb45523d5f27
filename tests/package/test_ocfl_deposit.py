"""The deposit as an OCFL object: versions that store only what changed, checked by ocfl-py's
validator and by `edition verify`."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import bagit
import ocfl
import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.core import Edition, read_edition
from edition.package.bag import make_deposit_bag
from edition.package.ocfl_store import OcflError, add_to_root, object_id
from edition.package.verify import verify


def valid(obj: Path) -> tuple[bool, str]:
    passed, validator = ocfl.Object().validate(str(obj), log_warnings=False, check_digests=True)
    return passed, str(validator)


def content_files(version: Path) -> list[str]:
    root = version / "content"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def digests(bag: Path) -> dict[str, str]:
    return {p.relative_to(bag).as_posix(): hashlib.sha512(p.read_bytes()).hexdigest() for p in bag.rglob("*") if p.is_file()}


def test_first_deposit_is_a_valid_object_whose_version_is_the_bag(bag: Path, edition: Edition, tmp_path: Path) -> None:
    added = add_to_root(tmp_path / "root", bag, edition)
    assert (added.version, added.new, added.identifier) == ("v1", True, "https://example.org/beispiel/")
    assert valid(added.path)[0], valid(added.path)[1]
    assert content_files(added.path / "v1") == sorted(digests(bag))
    # The storage root as a whole validates too.
    store = ocfl.StorageRoot(root=str(tmp_path / "root"))
    assert store.validate() and store.good_objects == 1
    # A version extracted again is the bag, intact.
    ocfl.Object().extract(str(added.path), "v1", str(tmp_path / "out"))
    assert bagit.Bag(str(tmp_path / "out")).validate()


def test_the_same_deposit_again_adds_no_version(bag: Path, edition: Edition, tmp_path: Path) -> None:
    first = add_to_root(tmp_path / "root", bag, edition)
    again = add_to_root(tmp_path / "root", bag, edition)
    assert (again.version, again.new, again.path) == ("v1", False, first.path)
    assert not (first.path / "v2").exists()


def test_a_changed_edition_is_a_new_version_storing_only_the_changed_files(
        bag: Path, edition: Edition, outputs: tuple[Path, Path], tmp_path: Path) -> None:
    added = add_to_root(tmp_path / "root", bag, edition)
    text = edition.texts[0]
    text.write_text(text.read_text(encoding="utf-8").replace("</body>", "<p>Ein neuer Absatz.</p></body>"), encoding="utf-8")
    site = outputs[0]
    shutil.copyfile(text, site / "tei" / "texts" / text.name)  # the rebuilt site carries the changed text
    (tmp_path / "bag2").mkdir()
    bag2 = make_deposit_bag(tmp_path / "bag2", read_edition(edition.dir), *outputs)
    second = add_to_root(tmp_path / "root", bag2, edition)
    assert (second.version, second.new) == ("v2", True)
    assert valid(second.path)[0], valid(second.path)[1]
    before, after = digests(bag), digests(bag2)
    changed = sorted(name for name in after if before.get(name) != after[name])
    assert "data/html/tei/texts/sample.xml" in changed and "data/html/index.html" not in changed
    assert content_files(second.path / "v2") == changed
    assert second.stored == len(changed) < len(after)
    report = verify(second.path)
    assert report.intact and report.kind == "OCFL object v2", report.findings


def test_verify_names_a_damaged_content_file(bag: Path, edition: Edition, tmp_path: Path) -> None:
    added = add_to_root(tmp_path / "root", bag, edition)
    damaged = added.path / "v1" / "content" / "data" / "html" / "tei" / "texts" / "sample.xml"
    data = bytearray(damaged.read_bytes())
    data[100] ^= 0x20
    damaged.write_bytes(bytes(data))
    for target in (added.path, tmp_path / "root"):
        result = CliRunner().invoke(main, ["verify", str(target)])
        assert result.exit_code == 1, result.output
        assert "invalid: " in result.output  # ocfl-py's fixity error
        assert "v1/data/html/tei/texts/sample.xml" in result.output  # and the bag's own checksums
        assert "Traceback" not in result.output


def test_verify_an_intact_object_and_root(bag: Path, edition: Edition, tmp_path: Path) -> None:
    added = add_to_root(tmp_path / "root", bag, edition)
    for target in (added.path, tmp_path / "root"):
        result = CliRunner().invoke(main, ["verify", str(target)])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[-1].startswith(f"intact: {target} (OCFL ")


def test_a_folder_that_is_no_storage_root_is_refused(bag: Path, edition: Edition, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("not a repository", encoding="utf-8")
    with pytest.raises(OcflError, match="not an OCFL storage root"):
        add_to_root(busy, bag, edition)
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]


def test_object_id_is_the_persistent_identifier_as_uri(edition: Edition) -> None:
    config = edition.config_path
    assert object_id(edition) == "https://example.org/beispiel/"
    config.write_text(config.read_text(encoding="utf-8") + '\n[edition.identifier]\ntype = "DOI"\nvalue = "10.5555/beispiel"\n',
                      encoding="utf-8")
    assert object_id(read_edition(edition.dir)) == "https://doi.org/10.5555/beispiel"


def test_same_bag_gives_the_same_object_bytes(make_bag: Callable[[str], Path], edition: Edition, tmp_path: Path) -> None:
    objects = [add_to_root(tmp_path / f"root{n}", make_bag(f"bag{n}"), edition).path for n in (1, 2)]
    files = [{p.relative_to(o).as_posix(): p.read_bytes() for p in o.rglob("*") if p.is_file()} for o in objects]
    assert files[0] == files[1]
    assert b'"created": "2026-11-22T00:00:00Z"' in files[0]["inventory.json"]
