"""Text from the TEI that lands inside a <script> (JSON-LD) cannot end or comment out that script."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from html_support import built_site, make_edition, serving

# A title that, unescaped, opens an HTML comment inside the script (script data double-escaped
# state): the rest of the page then becomes part of the script and the body is never shown.
HOSTILE_TITLE = "Ein <!--<script> & </script> Beispiel"
PAGES = ["index.html", "sample.html", "register.html", "chronologie.html", "suche.html"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_edition(tmp_path_factory.mktemp("hostile-title"))
    essay = root / "tei" / "essays" / "sample.xml"
    escaped = HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = essay.read_text(encoding="utf-8")
    text = text.replace('<title type="main">Ein Beispiel</title>', f'<title type="main">{escaped}</title>', 1)
    assert escaped in text
    essay.write_text(text, encoding="utf-8")
    # The edition title (from edition.toml) shows on every page's JSON-LD too.
    config = root / "edition.toml"
    ctext = config.read_text(encoding="utf-8")
    ctext = ctext.replace('title = "', 'title = "<!--<script> ', 1)
    assert "<!--<script>" in ctext
    config.write_text(ctext, encoding="utf-8")
    return built_site(root, root / "site")


def script_texts(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)


def test_json_ld_has_no_markup_characters(hostile_site: Path) -> None:
    for name in PAGES:
        scripts = script_texts((hostile_site / name).read_text(encoding="utf-8"))
        assert scripts, name
        for text in scripts:
            assert not set("<>&") & set(text), (name, text)
            json.loads(text)


@pytest.mark.browser
def test_reading_page_shows_body_and_json_ld_gives_title_back(hostile_site: Path, page) -> None:
    for url in serving(hostile_site):
        page.goto(url + "sample.html")
        body = page.evaluate("document.body ? document.body.innerText : ''")
        assert "Lenin" in body
        assert page.locator("#abs1").is_visible()
        data = page.evaluate(
            "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
            ".map(s => JSON.parse(s.textContent))")
        assert len(data) == 1
        assert data[0]["headline"].startswith(HOSTILE_TITLE)
        assert "<!--<script> " in data[0]["isPartOf"]["name"]
        for name in PAGES:
            page.goto(url + name)
            assert page.evaluate("document.querySelectorAll('main').length") == 1, name
            parsed = page.evaluate(
                "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
                ".map(s => JSON.parse(s.textContent).name || JSON.parse(s.textContent).headline)")
            assert len(parsed) == 1, name
