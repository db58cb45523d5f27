"""The ``edition`` command: one subcommand per pipeline step.

import → annotate → validate → transform (build html / build pdf) → package (deposit, verify).
Each step's command lives beside its code; this module only assembles them.
"""

from __future__ import annotations

import click

from . import __version__
from .annotate.cli import annotate_command
from .build import build_command
from .importer.cli import import_command
from .package.cli import deposit_command, verify_command
from .project import add_command, new_command
from .transform.cli import serve_command
from .validate.cli import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
def main() -> None:
    """Publish a scholarly edition from TEI-XML.

    `edition new DIR` makes an edition, `edition add DIR TEXT.xml` puts texts in it,
    `edition build DIR` validates it and builds its HTML site, PDFs and archival
    deposit into DIR/build/. Without DIR, commands work on the edition in the
    current folder. `edition COMMAND --help` explains each step.
    """


for command in (
    new_command,
    add_command,
    import_command,
    annotate_command,
    validate_command,
    build_command,
    serve_command,
    deposit_command,
    verify_command,
):
    main.add_command(command)
