"""dyad's exceptions, one base and a shallow tree.

    DyadError
    ├── InputError      bad input: an article, a file, a date, a command-line value
    ├── DataError       a knowledge file in the package or given by the user is malformed
    ├── ModelError      the spaCy model cannot be loaded
    └── StoreError      the SQLite store cannot be opened or written

Every message says what was wrong, where (file, line, record id) and how to fix it.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base of every error dyad raises on purpose."""


class InputError(DyadError):
    """An input record, file or value is unusable; the message names it and the fix."""


class DataError(DyadError):
    """A knowledge file is malformed; the message names the file and line."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        super().__init__(f"{path}:{line}: {problem}")


class ModelError(DyadError):
    """The spaCy model could not be loaded."""


class StoreError(DyadError):
    """The store could not be opened, migrated or written."""


__all__ = ["DataError", "DyadError", "InputError", "ModelError", "StoreError"]
