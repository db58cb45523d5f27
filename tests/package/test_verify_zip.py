"""Damage that lives in the zip itself: corrupt members, duplicate, unsafe and link members, bombs.

Each is checked through the CLI: one line naming the member, exit 1, no traceback.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.package.verify import Limits, verify

ROOT = "edition-1.0.0"
ESSAY = f"{ROOT}/data/html/tei/texts/sample.xml"


def run_verify(path: Path) -> tuple[int, str]:
    """Exit code and the findings (stdout); the verdict line on stderr is checked once here."""
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 1:
        assert result.stderr.startswith(f"damaged: {path} (")
    return result.exit_code, result.stdout if result.exit_code < 2 else result.stderr


def copy_zip(src: Path, dst: Path, extra: Iterable[tuple[zipfile.ZipInfo | str, bytes]] = (),
             replace: Callable[[str, bytes], bytes] = lambda name, data: data) -> Path:
    """``src`` member by member into ``dst`` (each through ``replace``), then the ``extra`` members."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, replace(info.filename, old.read(info)))
        for info, data in extra:
            new.writestr(info, data)
    return dst


def test_corrupt_deflate_stream_is_a_changed_member(zipped: Path, tmp_path: Path) -> None:
    """The first byte of the deflate data says 'block type 3', which does not exist: zlib fails, not the CRC."""
    with zipfile.ZipFile(zipped) as zf:
        info = zf.getinfo(ESSAY)
    data = bytearray(zipped.read_bytes())
    data[info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)] = 0b111
    damaged = tmp_path / "deflate.zip"
    damaged.write_bytes(bytes(data))
    code, output = run_verify(damaged)
    assert code == 1, output
    assert "changed: data/html/tei/texts/sample.xml (corrupt in the zip: " in output
    assert "Traceback" not in output


def test_truncated_zip_is_unreadable(zipped: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(zipped.read_bytes()[: zipped.stat().st_size // 2])
    code, output = run_verify(cut)
    assert code == 2, output
    assert output.startswith(f"unreadable: {cut}: ")


def test_duplicate_member_name_is_damage(zipped: Path, tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        dup = copy_zip(zipped, tmp_path / "dup.zip", extra=[(ESSAY, b"<TEI>another text</TEI>")])
    code, output = run_verify(dup)
    assert code == 1, output
    assert output.splitlines()[0] == "duplicate: data/html/tei/texts/sample.xml (2 members under this name)"


def test_same_path_spelled_twice_is_a_duplicate(zipped: Path, tmp_path: Path) -> None:
    """``a//b`` and ``a/./b`` extract to ``a/b``: the same file, twice."""
    dup = copy_zip(zipped, tmp_path / "dup.zip", extra=[(f"{ROOT}/data/html/tei/./texts//sample.xml", b"<TEI/>")])
    code, output = run_verify(dup)
    assert code == 1
    assert "duplicate: data/html/tei/texts/sample.xml (2 members under this name)" in output


@pytest.mark.parametrize(("name", "why"), [
    (f"{ROOT}/../../outside.txt", "leads out of the bag"),
    ("/etc/cron.d/evil", "absolute path"),
    ("C:/Windows/evil.dll", "absolute path"),
    (f"{ROOT}\\..\\evil.txt", "backslash in the name"),
])
def test_zip_slip_member_is_damage_and_nothing_is_written(zipped: Path, tmp_path: Path, name: str, why: str) -> None:
    evil = copy_zip(zipped, tmp_path / "evil.zip", extra=[(name, b"x")])
    code, output = run_verify(evil)
    assert code == 1, output
    assert output.splitlines() == [f"unsafe: {name} ({why})"]
    assert not (tmp_path.parent / "outside.txt").exists()


def test_symlink_member_is_damage(zipped: Path, tmp_path: Path) -> None:
    link = zipfile.ZipInfo(f"{ROOT}/data/html/passwd")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    evil = copy_zip(zipped, tmp_path / "link.zip", extra=[(link, b"/etc/passwd")])
    code, output = run_verify(evil)
    assert code == 1, output
    assert output.splitlines() == ["symlink: data/html/passwd (a link, not a file)"]


def test_symlink_member_replacing_a_listed_file_is_one_finding(zipped: Path, tmp_path: Path) -> None:
    link = zipfile.ZipInfo(f"{ROOT}/data/html/pdf/sample.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(zipped) as old, zipfile.ZipFile(tmp_path / "link.zip", "w") as new:
        for info in old.infolist():
            new.writestr(link if info.filename == link.filename else info, old.read(info))
    code, output = run_verify(tmp_path / "link.zip")
    assert code == 1
    assert output.splitlines() == ["symlink: data/html/pdf/sample.pdf (a link, not a file)"]


def test_member_outside_the_bag_folder_is_added(zipped: Path, tmp_path: Path) -> None:
    stray = copy_zip(zipped, tmp_path / "stray.zip", extra=[("README.txt", b"hello")])
    code, output = run_verify(stray)
    assert code == 1
    assert output.splitlines() == ["added: README.txt (outside the bag folder)"]


def test_encrypted_member_is_refused(zipped: Path, tmp_path: Path) -> None:
    """Marked encrypted (flag bit 0): zipfile would raise; verify refuses the member."""
    with zipfile.ZipFile(zipped) as zf:
        info = zf.getinfo(ESSAY)
    data = bytearray(zipped.read_bytes())
    data[info.header_offset + 6] |= 1  # local header
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46:entry + 46 + len(ESSAY)] != ESSAY.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 8] |= 1  # central directory
    locked = tmp_path / "locked.zip"
    locked.write_bytes(bytes(data))
    code, output = run_verify(locked)
    assert code == 1, output
    assert "refused: data/html/tei/texts/sample.xml (encrypted)" in output


def listed_bomb(zipped: Path, dst: Path, size: int, block: bytes = bytes(1 << 20),
                compression: int = zipfile.ZIP_DEFLATED, name: str = "data/html/pdf/big.pdf") -> Path:
    """``zipped`` plus a member of ``size`` bytes (``block`` repeated) that the manifests, Payload-Oxum and
    tag manifests all list.

    The bag is valid in every respect: only the limits can refuse it.
    """
    rel = f"{ROOT}/{name}"
    digests = {alg: hashlib.new(alg) for alg in ("sha256", "sha512")}
    for _ in range(size // len(block)):
        for h in digests.values():
            h.update(block)

    def with_bomb(member: str, data: bytes) -> bytes:
        tag = member.removeprefix(f"{ROOT}/")
        if tag.startswith("manifest-"):
            return data + f"{digests[tag[9:-4]].hexdigest()}  {name}\n".encode()
        if tag == "bag-info.txt":
            text = data.decode()
            line = next(line for line in text.splitlines() if line.startswith("Payload-Oxum: "))
            size_now, count = map(int, line.split()[1].split("."))
            return text.replace(line, f"Payload-Oxum: {size_now + size}.{count + 1}").encode()
        return data

    with zipfile.ZipFile(zipped) as old:
        members = {info.filename: with_bomb(info.filename, old.read(info)) for info in old.infolist()}
    for alg in ("sha256", "sha512"):  # tag manifests last: they list the edited tag files
        lines = members[f"{ROOT}/tagmanifest-{alg}.txt"].decode().splitlines()
        members[f"{ROOT}/tagmanifest-{alg}.txt"] = "".join(
            f"{hashlib.new(alg, members[f'{ROOT}/{line.split()[1]}']).hexdigest()}  {line.split()[1]}\n" for line in lines
        ).encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
        info = zipfile.ZipInfo(rel)
        info.compress_type = compression
        with zf.open(info, "w", force_zip64=True) as out:
            for _ in range(size // len(block)):
                out.write(block)
    return dst


def test_bomb_builder_makes_a_valid_bag(zipped: Path, tmp_path: Path) -> None:
    """Without limits the bomb is an intact bag: the refusal below is the limits' doing."""
    bomb = listed_bomb(zipped, tmp_path / "bomb.zip", 2 << 20)
    assert verify(bomb, Limits(max_ratio=10**6)).intact


def test_bomb_member_is_refused_by_its_compression_ratio(zipped: Path, tmp_path: Path) -> None:
    bomb = listed_bomb(zipped, tmp_path / "bomb.zip", 64 << 20)
    assert bomb.stat().st_size < 1 << 20
    code, output = run_verify(bomb)
    assert code == 1, output
    [line] = output.splitlines()
    assert line.startswith("refused: data/html/pdf/big.pdf (expands 67,108,864 bytes from ")
    assert line.endswith(":1, over the limit 100:1)")


def test_member_past_the_declared_payload_size_is_refused(zipped: Path, tmp_path: Path) -> None:
    """A listed file grown past Payload-Oxum plus the margin is not read at all."""
    grown = copy_zip(zipped, tmp_path / "grown.zip",
                     replace=lambda name, data: data * 20_000 if name.endswith("sample.pdf") else data)
    report = verify(grown, Limits(margin=10_000))
    refused = [str(f) for f in report.findings if f.kind == "refused"]
    assert len(refused) == 1
    assert refused[0].startswith("refused: data/html/pdf/sample.pdf (400,000 bytes would pass the limit of ")
    assert refused[0].endswith(" bytes: the payload size bag-info.txt declares plus 10,000)")
    assert report.changed == []


def test_absolute_cap_holds_without_payload_oxum(zipped: Path, tmp_path: Path) -> None:
    def drop_oxum(name: str, data: bytes) -> bytes:
        if name.endswith("bag-info.txt"):
            return b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"Payload-Oxum"))
        return data

    no_oxum = copy_zip(zipped, tmp_path / "no-oxum.zip", replace=drop_oxum)
    report = verify(no_oxum, Limits(max_total=2000))
    assert "changed: bag-info.txt" in [str(f) for f in report.findings]
    assert any(str(f).endswith("bytes would pass the limit of 2,000 bytes)") for f in report.findings)


# Memory, measured in a child process: its own peak, not pytest's.
# VmHWM, not ru_maxrss: Linux carries the forking parent's (pytest's) peak into ru_maxrss across exec.
CHILD = """
import sys
from edition.cli import main
try:
    main(["verify", sys.argv[1]])
except SystemExit as exit:
    peak = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    print(peak, exit.code, file=sys.stderr)
"""


def peak_memory(path: Path) -> tuple[int, int]:
    """Peak resident bytes and exit code of ``edition verify PATH``."""
    child = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=False)
    peak, code = child.stderr.split()[-2:]
    return int(peak), int(code)


def test_large_member_is_streamed_not_read_whole(zipped: Path, tmp_path: Path) -> None:
    """48 MiB of incompressible, stored, listed data: checked intact with no more memory than a small bag."""
    big = listed_bomb(zipped, tmp_path / "big.zip", 48 << 20, block=os.urandom(1 << 20),
                      compression=zipfile.ZIP_STORED)
    floor, floor_code = peak_memory(zipped)
    peak, code = peak_memory(big)
    assert (floor_code, code) == (0, 0)
    assert peak - floor < 16 << 20, f"{peak - floor:,} bytes over the floor"


def test_bomb_is_refused_with_bounded_memory(zipped: Path, tmp_path: Path) -> None:
    bomb = listed_bomb(zipped, tmp_path / "bomb.zip", 64 << 20)
    floor, _ = peak_memory(zipped)
    peak, code = peak_memory(bomb)
    assert code == 1
    assert peak - floor < 16 << 20, f"{peak - floor:,} bytes over the floor"
