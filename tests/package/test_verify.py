from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.package.archive import write_zip
from edition.core import Edition
from edition.package.verify import Unreadable, verify


def run_verify(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["verify", str(path)])
    return result.exit_code, result.output


def rezip(bag: Path, edition: Edition, tmp_path: Path) -> Path:
    return write_zip(bag, tmp_path / "damaged.zip", edition.deposit_name, edition.date)


def flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_intact_folder_and_zip_exit_0(bag: Path, zipped: Path) -> None:
    for path in (bag, zipped):
        code, output = run_verify(path)
        assert code == 0, output
        assert "intact" in output and "sha256 and sha512" in output


def test_one_changed_byte_is_named(bag: Path) -> None:
    flip_one_byte(bag / "data" / "html" / "tei" / "texts" / "sample.xml")
    report = verify(bag)
    assert report.changed == ["data/html/tei/texts/sample.xml"]
    assert report.missing == report.added == []
    code, output = run_verify(bag)
    assert code == 1
    assert "changed: data/html/tei/texts/sample.xml" in output


def test_same_size_change_is_found_by_checksum_not_size(bag: Path) -> None:
    target = bag / "data" / "html" / "sample.html"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Ein", "Eni"), encoding="utf-8")  # same byte count: Payload-Oxum still matches
    assert verify(bag).changed == ["data/html/sample.html"]


def test_removed_file_is_named(bag: Path) -> None:
    (bag / "data" / "html" / "pdf" / "sample.pdf").unlink()
    code, output = run_verify(bag)
    assert code == 1
    assert "missing: data/html/pdf/sample.pdf" in output


def test_added_file_is_named(bag: Path) -> None:
    (bag / "data" / "html" / "extra.html").write_text("<p>new</p>", encoding="utf-8")
    code, output = run_verify(bag)
    assert code == 1
    assert "added: data/html/extra.html" in output


def test_changed_tag_file_is_named(bag: Path) -> None:
    info = bag / "bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace("2026-11-22", "2026-11-23"), encoding="utf-8")
    assert verify(bag).changed == ["bag-info.txt"]


def test_damage_inside_a_zip_is_named(bag: Path, edition: Edition, tmp_path: Path) -> None:
    flip_one_byte(bag / "data" / "metadata" / "sample.datacite.xml")
    (bag / "data" / "html" / "tei" / "register" / "persons.xml").unlink()
    (bag / "data" / "notes.txt").write_text("added", encoding="utf-8")
    code, output = run_verify(rezip(bag, edition, tmp_path))
    assert code == 1
    assert "changed: data/metadata/sample.datacite.xml" in output
    assert "missing: data/html/tei/register/persons.xml" in output
    assert "added: data/notes.txt" in output


def test_corrupt_member_of_a_zip_is_named(zipped: Path, tmp_path: Path) -> None:
    """A byte flipped inside the zip's compressed data: the member fails its CRC and is reported changed."""
    with zipfile.ZipFile(zipped) as zf:
        info = zf.getinfo("edition-1.0.0/data/html/tei/texts/sample.xml")
    data = bytearray(zipped.read_bytes())
    header_len = 30 + len(info.filename.encode()) + len(info.extra)
    data[info.header_offset + header_len + info.compress_size // 2] ^= 0xFF
    damaged = tmp_path / "flipped.zip"
    damaged.write_bytes(bytes(data))
    code, output = run_verify(damaged)
    assert code == 1
    assert "changed: data/html/tei/texts/sample.xml" in output


def test_unreadable_inputs_exit_2(tmp_path: Path, bag: Path) -> None:
    not_zip = tmp_path / "deposit.zip"
    not_zip.write_bytes(b"this is not a zip file")
    no_bag = tmp_path / "empty"
    no_bag.mkdir()
    for path in (tmp_path / "absent.zip", not_zip, no_bag):
        code, output = run_verify(path)
        assert code == 2, output
        assert "unreadable" in output
    with pytest.raises(Unreadable, match="bagit.txt"):
        verify(no_bag)


def test_zip_of_nothing_but_an_unsafe_member_is_no_bag(tmp_path: Path) -> None:
    """Zip slip inside a bag is damage (test_verify_zip.py); with no bag beside it there is nothing to check."""
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../outside.txt", "x")
    code, output = run_verify(evil)
    assert code == 2
    assert "holds no bag" in output
    assert not (tmp_path.parent / "outside.txt").exists()


def test_verify_accepts_a_bag_at_the_top_of_a_zip(bag: Path, tmp_path: Path) -> None:
    flat = tmp_path / "flat.zip"
    shutil.make_archive(str(flat.with_suffix("")), "zip", bag)
    assert verify(flat).intact
