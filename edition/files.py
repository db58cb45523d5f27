"""Placing built files again: a hard link where the file system allows, else a copy."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Make ``target`` hold ``source``'s bytes: a hard link (the build replaces its outputs whole and
    never writes one in place, so an output can be shared by an old and a new folder), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
