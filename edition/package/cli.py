"""Placeholder until its issue lands: says so and exits 2."""

import click


@click.command("deposit", help="Write the archival BagIt deposit (not implemented yet)")
def deposit_command() -> None:
    raise click.UsageError("'edition deposit' is not implemented yet")


@click.command("verify", help="Verify a deposit's fixity (not implemented yet)")
@click.argument("bag")
def verify_command(bag: str) -> None:
    raise click.UsageError("'edition verify' is not implemented yet")
