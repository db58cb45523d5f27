"""`edition serve` previews a built site on localhost."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from edition.cli import main


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
