"""Publication dates: the anchor every relative time expression is resolved against.

Feeds and exports write dates in many ways. Accepted, besides ISO 8601 dates and timestamps:
RFC 2822 ("Tue, 20 Oct 2015 08:30:00 GMT", as in RSS), month names ("October 20, 2015",
"20 Oct 2015") and slash dates, which are read month/day/year as US outlets write them
("8/9/19" is 9 August 2019; two-digit years are this century unless that is in the future).
A slash date that is impossible in that order ("20/10/2015") is refused, not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from dyad.errors import InputError

_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
            "%b. %d, %Y", "%A, %B %d, %Y")


def normalize_pub_date(value: object, *, where: str = "input") -> str | None:
    """Return ``YYYY-MM-DD`` for a date written in a form above; None for empty; else InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    parsed = _parse(text)
    if parsed is None:
        hint = " (slash dates are read month/day/year)" if _SLASH.fullmatch(text) else ""
        raise InputError(f"{where}: date {text!r} is not a valid date{hint}; write it as "
                         "YYYY-MM-DD (or a full ISO 8601 timestamp)")
    if parsed > dt.date.today() + dt.timedelta(days=1):
        raise InputError(f"{where}: date {text!r} is in the future; give the date the article "
                         "was published, as YYYY-MM-DD")
    return parsed.isoformat()


def _parse(text: str) -> dt.date | None:
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if m := _SLASH.fullmatch(text):
        month, day, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            this = dt.date.today().year
            year += 2000 if 2000 + year <= this + 1 else 1900
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if "," in text[:5] or text[-3:].isalpha() or text[-5:-4] in "+-":
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    for fmt in _WRITTEN:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


__all__ = ["normalize_pub_date"]
