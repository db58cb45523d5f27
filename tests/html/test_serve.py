"""`edition serve` previews a built site on localhost."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.transform.serve import make_server, serve_in_thread


def test_serve_refuses_a_folder_without_a_site(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--site", str(tmp_path)])
    assert result.exit_code == 1
    assert "no built site here" in result.output and "Traceback" not in result.output


def test_serve_serves_the_site_on_localhost(sample_site: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from edition.cli import main; main()", "serve", "--site", str(sample_site), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith("Serving "), line + (proc.stderr.read() if proc.poll() is not None and proc.stderr else "")
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "sample.html", timeout=10) as response:
            assert response.status == 200
            assert "Ein Beispiel" in response.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    # `edition serve` logs the request on stderr.
    assert "GET /sample.html 200 (" in (proc.stderr.read() if proc.stderr else "")


def test_serve_logs_each_request_on_one_line(sample_site: Path) -> None:
    log = io.StringIO()
    server = make_server(sample_site, "127.0.0.1", 0, log=log)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with urllib.request.urlopen(base + "sample.html", timeout=10) as response:
            size = len(response.read())
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(base + "fehlt%0A.html", timeout=10)
    finally:
        server.shutdown()
        server.server_close()
    assert log.getvalue().splitlines() == [f"GET /sample.html 200 ({size:,} bytes)", "GET /fehlt%0A.html 404"]


def test_servers_for_tests_stay_quiet(sample_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server = serve_in_thread(sample_site)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/sample.html", timeout=10) as response:
            assert response.status == 200
    finally:
        server.shutdown()
        server.server_close()
    assert capsys.readouterr().err == ""
