"""Every page passes the Nu HTML Checker (no errors) and axe-core (no violations)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from edition.paths import ROOT

NODE = ROOT / "tests" / "node" / "node_modules"
VNU = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE / "axe-core" / "axe.min.js"
PAGES = ["index.html", "sample.html", "register.html", "chronologie.html", "suche.html"]


def test_nu_html_checker_reports_no_errors(sample_site: Path) -> None:
    assert VNU.is_file(), "run scripts/install-test-deps.sh (npm install in tests/node)"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *[str(sample_site / p) for p in PAGES]],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == [], json.dumps(messages, ensure_ascii=False, indent=1)
    assert result.returncode == 0


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_axe_reports_no_violations(page, site_url: str, name: str) -> None:
    assert AXE.is_file(), "run scripts/install-test-deps.sh (npm install in tests/node)"
    page.goto(site_url + name)
    if name == "suche.html":  # also check the page with results in it
        page.fill("#suchbegriff", "Lenin")
        page.keyboard.press("Enter")
        page.locator("#suchergebnisse li").first.wait_for()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert violations == []
    # Open popovers and cards are part of the page too: check with one of each shown.
    if name == "sample.html":
        page.locator("#anm2-ref").click()
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"]] == []
