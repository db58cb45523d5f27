"""The toolkit as a user gets it: the wheel, installed (not editable) into a fresh venv, run outside the checkout.

The venv sees this machine's site-packages so the pinned engines are reused; pip runs with
``--no-index`` throughout, so nothing is downloaded. The checkout is not importable from the
folder the commands run in: every resource must come from the installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHECKOUT = Path(__file__).resolve().parents[2]
SAMPLE = CHECKOUT / "tests" / "fixtures" / "sample-edition"
# What the build does not read: left out of the copy it builds from, so setuptools' own
# build/ and egg-info folders never land in the checkout (whose build/ is the edition's output).
NOT_SOURCE = shutil.ignore_patterns(".git", "build", "tests", "bench", "__pycache__", "*.egg-info", ".pytest_cache", "node_modules")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args} exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src") / "tei-edition"
    shutil.copytree(CHECKOUT, src, symlinks=True, ignore=NOT_SOURCE)
    out = tmp_path_factory.mktemp("dist")
    _ok(_run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
             "--disable-pip-version-check", "-q", "-w", out, src, cwd=out))
    [built] = out.glob("tei_edition-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    # No pip of its own: the machine's pip (visible through --system-site-packages) installs into it.
    _ok(_run(sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv, cwd=venv))
    # --ignore-installed: the checkout's editable install is visible too and must not count as "already there".
    _ok(_run(venv / "bin" / "python", "-m", "pip", "install", "--no-index", "--no-deps", "--ignore-installed",
             "--disable-pip-version-check", "-q", wheel, cwd=venv))
    return venv


@pytest.fixture(scope="module")
def env(venv: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH"}}
    return {**clean, "VIRTUAL_ENV": str(venv), "PATH": f"{venv / 'bin'}{os.pathsep}{clean.get('PATH', '')}"}


@pytest.fixture()
def elsewhere(tmp_path: Path) -> Path:
    """A working folder outside the checkout."""
    assert not tmp_path.is_relative_to(CHECKOUT)
    return tmp_path


@pytest.fixture(scope="module")
def installed(venv: Path, env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installed ``edition`` package folder, which must be the venv's and not the checkout's."""
    where = _ok(_run(venv / "bin" / "python", "-c", "import edition; print(edition.__file__)",
                     cwd=tmp_path_factory.mktemp("cwd"), env=env))
    package = Path(where.strip()).parent
    assert package.is_relative_to(venv), f"edition imported from {package}, not from the venv {venv}"
    return package


def test_wheel_ships_tei_all_with_its_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"edition/resources/schema/tei_all.rng", "edition/resources/schema/TEI-LICENCE.md"} <= names
    assert "BSD-2-Clause" in zipfile.ZipFile(wheel).read("edition/resources/schema/TEI-LICENCE.md").decode()


def test_installed_package_holds_every_stylesheet_schema_and_module(installed: Path) -> None:
    assert _files(installed / "resources" / "xslt") == _files(CHECKOUT / "xslt")
    assert _files(installed / "resources" / "schema") == _files(CHECKOUT / "tei" / "schema")
    # A subpackage without __init__.py or a data folder outside resources/ would be left out of the wheel.
    code = {p.relative_to(CHECKOUT / "edition").as_posix() for p in (CHECKOUT / "edition").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and "resources" not in p.parts}
    shipped = {p.relative_to(installed).as_posix() for p in installed.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and "resources" not in p.parts}
    assert shipped == code


def test_version(venv: Path, env: dict[str, str], elsewhere: Path) -> None:
    version = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert _ok(_run(venv / "bin" / "edition", "--version", cwd=elsewhere, env=env)).strip() == f"edition, version {version}"


def test_validate_against_tei_all_without_shared(venv: Path, env: dict[str, str], elsewhere: Path, installed: Path) -> None:
    good = elsewhere / "good.xml"
    shutil.copyfile(SAMPLE / "tei" / "essays" / "sample.xml", good)
    result = _run(venv / "bin" / "edition", "validate", "--schema", "tei_all", good.name, cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid: 0 errors" in result.stdout

    text = good.read_text(encoding="utf-8")
    line = text[: text.index("<body>")].count("\n") + 1
    (elsewhere / "bad.xml").write_text(text.replace("<body>", "<body><bogus/>", 1), encoding="utf-8")
    result = _run(venv / "bin" / "edition", "validate", "--schema", "tei_all", "bad.xml", cwd=elsewhere, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"bad.xml:{line}:" in result.stdout and "<bogus> not allowed in <body>" in result.stdout


def test_build_an_edition(venv: Path, env: dict[str, str], elsewhere: Path, installed: Path) -> None:
    edition = elsewhere / "myed"
    shutil.copytree(SAMPLE, edition)
    _ok(_run(venv / "bin" / "edition", "build", edition.name, cwd=elsewhere, env=env))
    build = edition / "build"
    assert "</html>" in (build / "site" / "index.html").read_text(encoding="utf-8")
    assert (build / "site" / "sample.html").is_file()
    assert (build / "pdf" / "sample.pdf").read_bytes().startswith(b"%PDF-")
    [deposit] = (build / "deposit").glob("*.zip")
    assert zipfile.ZipFile(deposit).testzip() is None


def test_new_add_build_in_an_empty_folder(venv: Path, env: dict[str, str], elsewhere: Path, installed: Path) -> None:
    """The issue's promise: in an empty folder, new + add + build with the installed toolkit."""
    folder = elsewhere / "empty"
    folder.mkdir()
    text = folder / "brief.xml"
    shutil.copyfile(CHECKOUT / "tests" / "fixtures" / "plain" / "brief.xml", text)
    edition = venv / "bin" / "edition"
    _ok(_run(edition, "new", "myed", "--title", "Briefe", cwd=folder, env=env))
    _ok(_run(edition, "add", "myed", "brief.xml", cwd=folder, env=env))
    _ok(_run(edition, "build", "myed", cwd=folder, env=env))
    build = folder / "myed" / "build"
    assert "die Straßen sind voller Menschen." in (build / "site" / "brief.html").read_text(encoding="utf-8")
    assert (build / "pdf" / "brief.pdf").read_bytes().startswith(b"%PDF-")
    _ok(_run(edition, "verify", str(next((build / "deposit").glob("*.zip"))), cwd=folder, env=env))
