"""`edition serve`: preview the built HTML edition on localhost."""

from __future__ import annotations

from pathlib import Path

import click

from .serve import make_server


@click.command("serve")
@click.argument("edition_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--site", "site", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The built site to serve (default: EDITION_DIR/build/site).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
def serve_command(edition_dir: Path | None, site: Path | None, host: str, port: int) -> None:
    """Preview the HTML edition of EDITION_DIR (default: the current folder) on localhost; Ctrl+C stops."""
    site = site or (edition_dir or Path.cwd()) / "build" / "site"
    if not (site / "index.html").is_file():
        raise click.ClickException(f"{site}: no built site here (index.html missing); run 'edition build' first")
    try:
        server = make_server(site, host, port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"Serving {site} at http://{bound_host}:{bound_port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()
