"""The one error type for a problem at a place in a file."""

from __future__ import annotations


class LocatedError(Exception):
    """A problem in a file; ``str()`` gives ``file:line:col: error: message`` (line 0: the file as a whole)."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        super().__init__(file, line, column, message)
        self.file, self.line, self.column, self.message = file, line, column, message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: error: {self.message}"
