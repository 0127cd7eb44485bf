"""Publication dates: the anchor every relative time expression is resolved against."""

from __future__ import annotations

import datetime as dt

from dyad.errors import InputError


def normalize_pub_date(value: object, *, where: str = "input") -> str | None:
    """Return ``YYYY-MM-DD`` for a date or ISO 8601 timestamp; None for empty; else InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise InputError(f"{where}: date {text!r} is not a valid date; write it as YYYY-MM-DD "
                         "(or a full ISO 8601 timestamp)") from None


__all__ = ["normalize_pub_date"]
