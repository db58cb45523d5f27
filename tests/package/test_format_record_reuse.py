"""The payload's formats: a file whose bytes and suffix were identified for the last bag keeps that
format without being read again; new bytes, another suffix or a damaged record are identified afresh."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from edition.cache import cache_dir
from edition.package import formats, inventory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
TEI = b'<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"/>'


@pytest.fixture()
def identified(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The names of the files identified (read), in a cache folder of the test's own."""
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    names: list[str] = []
    real = formats.identify

    def counting(path: Path) -> formats.Format:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(formats, "identify", counting)
    return names


def payload(folder: Path, files: dict[str, bytes]) -> tuple[Path, dict[str, inventory.Digest]]:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder, {name: inventory.Digest(len(data), hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest())
                    for name, data in sorted(files.items())}


def test_known_bytes_are_not_read_again(tmp_path: Path, identified: list[str]) -> None:
    first = inventory.identify_formats(*payload(tmp_path / "one", {"a.pdf": PDF, "t/b.xml": TEI, "c.xml": b"<c/>"}))
    assert sorted(identified) == ["a.pdf", "b.xml", "c.xml"]
    assert first["t/b.xml"] == formats.TEI_TEXT and first["a.pdf"].name == "Portable Document Format"
    identified.clear()
    # The next bag: the PDF and the TEI unchanged (one under another name), c.xml changed, d.txt new,
    # and the TEI's bytes under another suffix.
    second = inventory.identify_formats(*payload(tmp_path / "two", {"a.pdf": PDF, "t/renamed.xml": TEI, "c.xml": b"<c>no",
                                                             "d.txt": b"text", "e.bin": TEI}))
    assert sorted(identified) == ["c.xml", "d.txt", "e.bin"]
    assert second["a.pdf"] == first["a.pdf"] and second["t/renamed.xml"] == formats.TEI_TEXT
    assert second["c.xml"] == formats.UNKNOWN  # not well-formed any more
    assert second == {rel: formats.identify(tmp_path / "two" / rel) for rel in second}  # what identifying all would say


@pytest.mark.parametrize("record", ['{"code": "other", "files": []}', "[1, 2]", "{not json",
                                    '{"code": "%s", "files": [["x", ".pdf", "PDF"]]}'])
def test_another_or_damaged_record_is_not_trusted(tmp_path: Path, identified: list[str], record: str) -> None:
    files = {"a.pdf": PDF, "b.xml": TEI}
    inventory.identify_formats(*payload(tmp_path / "one", files))
    path = cache_dir("formats") / "last.json"
    if "%s" in record:  # the right code, a malformed entry
        record = record % json.loads(path.read_text(encoding="utf-8"))["code"]
    path.write_text(record, encoding="utf-8")
    identified.clear()
    again = inventory.identify_formats(*payload(tmp_path / "two", files))
    assert sorted(identified) == ["a.pdf", "b.xml"] and again["b.xml"] == formats.TEI_TEXT


def test_formats_given_are_taken_and_an_unsaved_call_keeps_the_record(tmp_path: Path, identified: list[str]) -> None:
    """The build identifies the site's files while the PDFs are typeset (unsaved), then all files
    with those formats given: each file is read at most once, and the record is the whole bag's."""
    inventory.identify_formats(*payload(tmp_path / "old", {"a.pdf": PDF}))
    folder, digests = payload(tmp_path / "new", {"a.pdf": PDF, "b.xml": TEI, "c.xml": b"<c/>"})
    identified.clear()
    early = inventory.identify_formats(folder, {k: v for k, v in digests.items() if k != "a.pdf"}, save=False)
    assert sorted(identified) == ["b.xml", "c.xml"]
    record = json.loads((cache_dir("formats") / "last.json").read_text(encoding="utf-8"))["files"]
    assert [entry[1] for entry in record] == [".pdf"]  # unsaved: the last bag's record stands
    identified.clear()
    full = inventory.identify_formats(folder, digests, identified=early)
    assert identified == []  # the PDF from the record, the others as given
    assert full["b.xml"] == formats.TEI_TEXT and full["a.pdf"].name == "Portable Document Format" and full["c.xml"] == early["c.xml"]
    record = json.loads((cache_dir("formats") / "last.json").read_text(encoding="utf-8"))["files"]
    assert sorted(entry[1] for entry in record) == [".pdf", ".xml", ".xml"]
