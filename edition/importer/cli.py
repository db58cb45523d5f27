"""Placeholder until its issue lands: says so and exits 2."""

import click


@click.command("import", help="Import a PDF's raw text extraction as a TEI draft. (not implemented yet)", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def import_command(args: tuple[str, ...]) -> None:
    raise click.UsageError("'edition import' is not implemented yet")
