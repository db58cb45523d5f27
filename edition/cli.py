"""The ``edition`` command: one subcommand per pipeline step.

import → annotate → validate → transform (build html / build pdf) → package (deposit, verify).
Each step's command lives beside its code; this module only names them. A command's module is
imported when that command runs, not before: `edition --help` and `edition validate FILE` load
only what they use (the listing below carries each command's one-line help for that).
"""

from __future__ import annotations

import importlib

import click

from . import __version__

#: name → (module, attribute, the command's one-line help as `edition --help` lists it).
COMMANDS = {
    "new": ("edition.project", "new_command",
             'Make a new, buildable edition in FOLDER: edition.toml, texts/, an empty register, a README.'),
    "add": ("edition.project", "add_command",
             'Copy TEI FILES into the edition in FOLDER (its texts folder), checking each.'),
    "import": ("edition.importer.cli", "import_command",
             "Import a PDF's raw text extraction SOURCE as a TEI draft."),
    "annotate": ("edition.annotate.cli", "annotate_command",
             'Tag persons (persName from the register) and dates (ISO values) in TEI files, in place and idempotently.'),
    "validate": ("edition.validate.cli", "validate_command",
             "Validate TEI files against their edition's validation profile."),
    "build": ("edition.build", "build_command",
             'Build the edition: validate, then the HTML site, the PDFs and the deposit.'),
    "serve": ("edition.transform.cli", "serve_command",
             'Preview the HTML edition of EDITION_DIR (default: the current folder) on localhost; Ctrl+C stops.'),
    "deposit": ("edition.package.cli", "deposit_command",
             'Write the archival deposit build/deposit/<edition>-<version>.zip (a BagIt 1.0 bag); --ocfl ROOT adds it to an OCFL storage root.'),
    "verify": ("edition.package.cli", "verify_command",
             'Check a deposit (zip, bag folder or OCFL object): every checksum, and that nothing is missing, added or out of place.'),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; their help lines are known without importing them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, _, summary) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
def main() -> None:
    """Publish a scholarly edition from TEI-XML.

    `edition new DIR` makes an edition, `edition add DIR TEXT.xml` puts texts in it,
    `edition build DIR` validates it and builds its HTML site, PDFs and archival
    deposit into DIR/build/. Without DIR, commands work on the edition in the
    current folder. `edition COMMAND --help` explains each step.
    """
