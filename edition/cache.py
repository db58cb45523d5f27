"""The toolkit's cache folder: what is costly to find out and can be found out again.

``$EDITION_CACHE``, else ``$XDG_CACHE_HOME/tei-edition``, else ``~/.cache/tei-edition``. Every
entry is named by the hash of what it was made from, so a stale entry is never read; deleting the
folder only costs time.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(part: str) -> Path:
    """The cache subfolder ``part`` (not created: writers create it when they write)."""
    base = os.environ.get("EDITION_CACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = str(Path(xdg) / "tei-edition") if xdg else str(Path.home() / ".cache" / "tei-edition")
    return Path(base) / part
