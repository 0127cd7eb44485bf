"""``dyad ingest``, ``dyad events`` and ``dyad export`` (filled in by the store)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    return None
