"""Placeholder until its issue lands: says so and exits 2."""

import click


@click.command("serve", help="Preview the HTML edition on localhost. (not implemented yet)", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def serve_command(args: tuple[str, ...]) -> None:
    raise click.UsageError("'edition serve' is not implemented yet")
