"""The one error type for a problem at a place in a file."""

from __future__ import annotations


class LocatedError(Exception):
    """A problem in a file; ``str()`` gives ``file:line:col: error: message``, or ``file: error: message``
    where the problem is the file as a whole (line 0). Every step's located problems are of this type."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        super().__init__(file, line, column, message)
        self.file, self.line, self.column, self.message = file, line, column, message

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: error: {self.message}"
