"""Every kind of damage to a bag, each checked in the folder and, zipped again, in the zip.

The verdict must be exactly the expected lines on stdout and exit 1.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.package.archive import write_zip
from edition.core import Edition


def findings(path: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout.splitlines()


def flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_manifest_line(bag: Path, manifest: str, name: str) -> None:
    """Change the checksum listed for ``name`` (its last hex digit)."""
    path = bag / manifest
    text = path.read_text(encoding="utf-8")
    digest = re.search(rf"^(\w+) +{re.escape(name)}$", text, re.M)[1]  # type: ignore[index]
    path.write_text(text.replace(digest, digest[:-1] + ("0" if digest[-1] != "0" else "1")), encoding="utf-8")


def both_ways(bag: Path, edition: Edition, tmp_path: Path) -> list[tuple[int, list[str]]]:
    """The verdict on the damaged folder and on the same bag zipped."""
    zipped = write_zip(bag, tmp_path / "damaged.zip", edition.deposit_name, edition.date)
    return [findings(bag), findings(zipped)]


@pytest.mark.parametrize("payload", [
    "data/html/tei/texts/sample.xml", "data/html/sample.html", "data/html/pdf/sample.pdf", "data/metadata/sample.datacite.xml",
])
def test_byte_flipped_in_each_payload_kind(bag: Path, edition: Edition, tmp_path: Path, payload: str) -> None:
    flip_one_byte(bag / payload)
    assert both_ways(bag, edition, tmp_path) == [(1, [f"changed: {payload}"])] * 2


def test_file_removed(bag: Path, edition: Edition, tmp_path: Path) -> None:
    (bag / "data" / "html" / "tei" / "register" / "persons.xml").unlink()
    assert both_ways(bag, edition, tmp_path) == [(1, ["missing: data/html/tei/register/persons.xml"])] * 2


def test_file_added(bag: Path, edition: Edition, tmp_path: Path) -> None:
    (bag / "data" / "html" / "extra.html").write_text("<p>new</p>", encoding="utf-8")
    assert both_ways(bag, edition, tmp_path) == [(1, ["added: data/html/extra.html"])] * 2


def test_tag_file_added(bag: Path, edition: Edition, tmp_path: Path) -> None:
    (bag / "notes.txt").write_text("a note", encoding="utf-8")
    assert both_ways(bag, edition, tmp_path) == [(1, ["added: notes.txt"])] * 2


def test_manifest_edited(bag: Path, edition: Edition, tmp_path: Path) -> None:
    edit_manifest_line(bag, "manifest-sha256.txt", "data/html/pdf/sample.pdf")
    assert both_ways(bag, edition, tmp_path) == [(1, [
        "changed: data/html/pdf/sample.pdf (manifest-sha256.txt disagrees; the other checksums match)",
        "changed: manifest-sha256.txt",
    ])] * 2


def test_tagmanifest_edited(bag: Path, edition: Edition, tmp_path: Path) -> None:
    edit_manifest_line(bag, "tagmanifest-sha512.txt", "bag-info.txt")
    assert both_ways(bag, edition, tmp_path) == [(1, [
        "changed: bag-info.txt (tagmanifest-sha512.txt disagrees; the other checksums match)",
    ])] * 2


def test_bag_info_edited(bag: Path, edition: Edition, tmp_path: Path) -> None:
    edit(bag / "bag-info.txt", "2026-11-22", "2026-11-23")
    assert both_ways(bag, edition, tmp_path) == [(1, ["changed: bag-info.txt"])] * 2


def test_payload_oxum_edited_with_its_checksums(bag: Path, edition: Edition, tmp_path: Path) -> None:
    """Tag manifests brought in line with the edit: the Payload-Oxum itself no longer adds up."""
    info = bag / "bag-info.txt"
    oxum = re.search(r"Payload-Oxum: (\d+)\.(\d+)", info.read_text(encoding="utf-8"))
    assert oxum
    edit(info, oxum[0], f"Payload-Oxum: {int(oxum[1]) + 1}.{oxum[2]}")
    for alg in ("sha256", "sha512"):
        tagmanifest = bag / f"tagmanifest-{alg}.txt"
        lines = tagmanifest.read_text(encoding="utf-8").splitlines()
        tagmanifest.write_text("".join(
            f"{hashlib.new(alg, (bag / line.split()[1]).read_bytes()).hexdigest()}  {line.split()[1]}\n" for line in lines
        ), encoding="utf-8")
    size, count = int(oxum[1]), int(oxum[2])
    assert both_ways(bag, edition, tmp_path) == [(1, [
        f"damaged: bag-info.txt (Payload-Oxum says {size + 1:,} bytes in {count} files, "
        f"the payload has {size:,} bytes in {count})",
    ])] * 2


def test_both_tagmanifests_missing_are_named(bag: Path, edition: Edition, tmp_path: Path) -> None:
    for alg in ("sha256", "sha512"):
        (bag / f"tagmanifest-{alg}.txt").unlink()
    assert both_ways(bag, edition, tmp_path) == [(1, ["missing: tagmanifest-sha256.txt",
                                                      "missing: tagmanifest-sha512.txt"])] * 2


def test_one_tagmanifest_missing_is_named(bag: Path, edition: Edition, tmp_path: Path) -> None:
    (bag / "tagmanifest-sha512.txt").unlink()
    assert both_ways(bag, edition, tmp_path) == [(1, ["missing: tagmanifest-sha512.txt"])] * 2


def test_malformed_manifest_line(bag: Path, edition: Edition, tmp_path: Path) -> None:
    manifest = bag / "manifest-sha256.txt"
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write("nonsense\n")
    number = len(manifest.read_text(encoding="utf-8").splitlines())
    code, lines = findings(bag)
    assert code == 1
    assert lines == [f"damaged: manifest-sha256.txt (line {number} is not 'CHECKSUM PATH')"]


def test_manifest_naming_a_path_outside_the_bag(bag: Path) -> None:
    with (bag / "manifest-sha256.txt").open("a", encoding="utf-8") as fh:
        fh.write(f"{'0' * 64}  data/../../../etc/passwd\n")
    code, lines = findings(bag)
    assert code == 1
    assert lines[0] == "unsafe: ../../etc/passwd (leads out of the bag, listed in manifest-sha256.txt)"


def test_payload_file_missing_from_one_manifest(bag: Path) -> None:
    manifest = bag / "manifest-sha512.txt"
    manifest.write_text("".join(line for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.endswith(" data/html/pdf/sample.pdf\n")), encoding="utf-8")
    code, lines = findings(bag)
    assert code == 1
    assert lines == ["damaged: data/html/pdf/sample.pdf (not listed in manifest-sha512.txt)", "changed: manifest-sha512.txt"]


def test_symlink_inside_a_bag_folder_is_not_followed(bag: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the bag", encoding="utf-8")
    pdf = bag / "data" / "html" / "pdf" / "sample.pdf"
    pdf.unlink()
    pdf.symlink_to(secret)
    (bag / "data" / "linked").symlink_to(tmp_path, target_is_directory=True)
    code, lines = findings(bag)
    assert code == 1
    assert lines == [f"symlink: data/linked (a link to {tmp_path}, not a file)",
                     f"symlink: data/html/pdf/sample.pdf (a link to {secret}, not a file)"]


def test_pipe_inside_a_bag_folder_is_not_read(bag: Path) -> None:
    """Reading a FIFO would block forever."""
    os.mkfifo(bag / "data" / "html" / "pipe")
    code, lines = findings(bag)
    assert code == 1
    assert lines == ["special: data/html/pipe (a device, pipe or socket, not a file)"]


def test_name_with_a_line_break_stays_on_one_line(bag: Path) -> None:
    (bag / "data" / "html" / "two\nlines.html").write_text("x", encoding="utf-8")
    code, lines = findings(bag)
    assert code == 1
    assert lines == ["added: 'data/html/two\\nlines.html'"]


@pytest.mark.parametrize(("damage", "message"), [
    (lambda bag: (bag / "bagit.txt").unlink(), "bagit.txt: missing"),
    (lambda bag: (bag / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8"),
     "bagit.txt: BagIt-Version or Tag-File-Character-Encoding is missing"),
    (lambda bag: (bag / "bagit.txt").write_bytes(b"\xff\xfe"), "bagit.txt: not utf-8: invalid start byte at byte 0"),
    (lambda bag: [(bag / f"manifest-{alg}.txt").unlink() for alg in ("sha256", "sha512")],
     "no readable payload manifest (manifest-ALGORITHM.txt)"),
])
def test_no_bag_to_check_is_unreadable(bag: Path, damage: Callable[[Path], object], message: str) -> None:
    damage(bag)
    result = CliRunner().invoke(main, ["verify", str(bag)])
    assert result.exit_code == 2
    assert result.stderr == f"unreadable: {bag}: {message}\n"


def test_bagit_has_the_last_word_on_a_folder(tmp_path: Path) -> None:
    """A bag with nothing in it and no data/ passes our checks; bagit requires data/, and says so."""
    empty = tmp_path / "empty"
    empty.mkdir()
    bagit.make_bag(str(empty), checksums=["sha256"])
    (empty / "data").rmdir()
    (empty / "manifest-sha256.txt").write_text("", encoding="utf-8")  # bagit writes none for an empty payload
    (empty / "tagmanifest-sha256.txt").write_text("".join(
        f"{hashlib.sha256((empty / name).read_bytes()).hexdigest()}  {name}\n"
        for name in ("bag-info.txt", "bagit.txt", "manifest-sha256.txt")), encoding="utf-8")
    code, lines = findings(empty)
    assert code == 1
    assert lines == [f"damaged: empty (bagit: Expected data directory {empty / 'data'} does not exist)"]
