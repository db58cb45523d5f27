"""Placeholder until its issue lands: says so and exits 2."""

import click


@click.command("build", help="Build the edition: validate, HTML, PDF, deposit. (not implemented yet)", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def build_command(args: tuple[str, ...]) -> None:
    raise click.UsageError("'edition build' is not implemented yet")
