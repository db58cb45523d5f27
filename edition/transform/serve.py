"""Preview a built site on localhost with the standard library's HTTP server."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for ``site`` (port 0 picks a free port: see ``server.server_address``)."""
    handler = functools.partial(QuietHandler, directory=str(site))
    return ThreadingHTTPServer((host, port), handler)


def serve_in_thread(site: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Start serving ``site`` in a daemon thread; call ``shutdown()`` on the result to stop."""
    server = make_server(site, host, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
