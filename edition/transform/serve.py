"""Preview a built site on localhost with the standard library's HTTP server.

``edition serve`` logs each request as one line on stderr (method, path, status, size), so an
editor sees what the browser asked for and what was missing; servers started for tests and
screenshots (:func:`serve_in_thread`) stay quiet.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site's files; logs one line per request to ``log`` (None: nothing)."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".wasm": "application/wasm"}

    def __init__(self, *args: object, log: TextIO | None = None, **kwargs: object) -> None:
        self.log = log
        self.status: int | None = None
        self.length = ""  # Content-Length as sent
        super().__init__(*args, **kwargs)  # handles the request: everything it uses must be set before

    def end_headers(self) -> None:
        # Logged when the headers are complete and before the body goes out: status and size are known.
        if self.log is not None and self.status is not None:
            # What the client sent, made printable: a request cannot break the log's lines.
            target = self.path if self.command else repr(self.requestline)
            size = f" ({int(self.length):,} bytes)" if self.length.isdigit() and self.status < 400 else ""
            line = f"{self.command or '-'} {target} {self.status}{size}"
            self.log.write(line.encode("ascii", "backslashreplace").decode("ascii") + "\n")
            self.log.flush()
        super().end_headers()

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.length = str(value)
        super().send_header(keyword, value)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.status = int(getattr(code, "value", code))  # logged with the headers (end_headers)

    def log_error(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass  # send_error calls log_request as well, with the status: one line per request

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000,
                log: TextIO | bool = True) -> ThreadingHTTPServer:
    """An HTTP server for ``site`` (port 0 picks a free port: see ``server.server_address``) that logs
    its requests to ``log``: True for stderr, False for nowhere, or a stream."""
    stream = sys.stderr if log is True else log or None
    handler = functools.partial(SiteHandler, directory=str(site), log=stream)
    return ThreadingHTTPServer((host, port), handler)


def serve_in_thread(site: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Start serving ``site`` quietly in a daemon thread; call ``shutdown()`` on the result to stop."""
    server = make_server(site, host, port, log=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
