"""One validating reader for dyad's tab-separated knowledge files (packaged or the user's)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from dyad.errors import DataError


def packaged(name: str) -> tuple[str, list[str]]:
    """The lines of a data file shipped in ``dyad/data`` and the name to cite in errors."""
    ref = resources.files("dyad") / "data" / name
    with ref.open("r", encoding="utf-8") as fh:
        return f"dyad/data/{name}", fh.readlines()


def user_file(path: str | Path) -> tuple[str, list[str]]:
    p = Path(path)
    try:
        return str(p), p.read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(str(p), 0, f"cannot read the file ({e}); give a UTF-8 text file") from e


def rows(where: str, lines: Sequence[str], columns: Sequence[str], *,
         required: Sequence[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; the first non-comment line is the header."""
    header: list[str] | None = None
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            if tuple(header) != tuple(columns):
                raise DataError(where, lineno, "header must be the tab-separated columns: "
                                + ", ".join(columns))
            continue
        if len(cells) != len(columns):
            raise DataError(where, lineno, f"expected {len(columns)} tab-separated columns "
                                           f"({', '.join(columns)}), found {len(cells)}")
        row = dict(zip(columns, cells, strict=False))
        for col in required:
            if not row[col]:
                raise DataError(where, lineno, f"column '{col}' is empty")
        yield lineno, row
    if header is None:
        raise DataError(where, 1, "the file has no header line; first line must name the columns: "
                        + ", ".join(columns))


__all__ = ["packaged", "rows", "user_file"]
