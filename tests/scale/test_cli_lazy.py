"""`edition --help` lists every command without importing one; each command's help line is its own."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys

import click
from click.testing import CliRunner

from edition.cli import COMMANDS, main


def test_listed_help_lines_are_the_commands_own() -> None:
    for name, (module, attribute, summary) in COMMANDS.items():
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command) and command.name == name
        assert summary == command.get_short_help_str(limit=300), name


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = re.findall(r"^  (\S+)", result.output.split("Commands:")[1], re.M)
    assert listed == list(COMMANDS)


def _modules_after(*args: str) -> list[str]:
    code = ("import json, sys\nfrom edition.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)), file=sys.stderr)" % list(args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_help_imports_no_command_module_nor_engine() -> None:
    loaded = _modules_after("--help")
    commands = {module for module, _, _ in COMMANDS.values()}
    assert not commands & set(loaded)
    assert not {"lxml", "saxonche", "typst", "rich", "bagit"} & {m.split(".")[0] for m in loaded}


def test_validate_imports_only_validation(tmp_path) -> None:
    loaded = set(_modules_after("validate", "--help"))
    assert "edition.validate.cli" in loaded
    assert not {"edition.build", "edition.annotate.cli", "edition.importer.cli", "edition.transform.cli",
                "edition.package.cli", "typst", "bagit", "rich"} & loaded
