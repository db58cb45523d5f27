"""Placeholder until its issue lands: says so and exits 2."""

import click


@click.command("annotate", help="Tag persons and dates in TEI files from the register. (not implemented yet)", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def annotate_command(args: tuple[str, ...]) -> None:
    raise click.UsageError("'edition annotate' is not implemented yet")
