"""The bundled edition (editions/russische-revolution) builds, and every page passes the Nu checker and axe-core."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_support import built_site, serving
from test_validators import AXE, VNU

from edition.core import read_edition
from edition.paths import ROOT

pytestmark = pytest.mark.slow
BUNDLED = ROOT / "editions" / "russische-revolution"


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(BUNDLED, tmp_path_factory.mktemp("bundled") / "site")


@pytest.fixture(scope="module")
def bundled_url(bundled_site: Path) -> Iterator[str]:
    yield from serving(bundled_site)


def test_every_essay_has_a_reading_page(bundled_site: Path) -> None:
    for path in read_edition(BUNDLED).texts:
        assert (bundled_site / f"{path.stem}.html").is_file()
        assert (bundled_site / "tei" / "texts" / path.name).read_bytes() == path.read_bytes()


def test_nu_checker_on_every_page(bundled_site: Path) -> None:
    pages = sorted(str(p) for p in bundled_site.glob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == [], json.dumps(messages[:20], ensure_ascii=False, indent=1)


@pytest.mark.browser
def test_axe_on_every_page(bundled_site: Path, bundled_url: str, page) -> None:
    found = {}
    for html_file in sorted(bundled_site.glob("*.html")):
        page.goto(bundled_url + html_file.name)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        if result["violations"]:
            found[html_file.name] = [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    assert found == {}
