"""Placeholder until its issue lands: says so and exits 2."""

import click


@click.command("validate", help="Validate TEI files against the project schema. (not implemented yet)", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def validate_command(args: tuple[str, ...]) -> None:
    raise click.UsageError("'edition validate' is not implemented yet")
