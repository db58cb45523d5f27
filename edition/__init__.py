"""tei-edition: publish scholarly editions from TEI-XML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tei-edition")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
