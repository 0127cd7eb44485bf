"""Merging reports of one event across articles, as GDELT counts mentions.

Events with the same CAMEO code, source code and target code whose dates lie within
``window_days`` of the first report (default 1 day: wires and papers report a day's events the
next morning) become one merged event. Events with no resolved source or target code are not
merged: "?gunmen" in two stories need not be the same gunmen. Counts follow GDELT: NumMentions
(reports), NumArticles (distinct articles), NumSources (distinct outlets).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

WINDOW_DAYS = 1


@dataclass(frozen=True, slots=True)
class MergedEvent:
    merged_id: str
    date: str
    type: str
    cameo: str
    source_code: str | None
    target_code: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    event_ids: tuple[str, ...]
    first: dict[str, Any]

    def row(self) -> dict[str, Any]:
        """The first report's flat row with the merged counts, for exports."""
        return {**self.first, "event_id": self.merged_id, "num_mentions": self.num_mentions,
                "num_articles": self.num_articles, "num_sources": self.num_sources}


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def merge_events(rows: Sequence[dict[str, Any]], *, window_days: int = WINDOW_DAYS
                 ) -> list[MergedEvent]:
    """Group flat event rows (from :meth:`Store.events`) into merged events, in date order."""
    groups: dict[tuple, list[list[dict[str, Any]]]] = {}
    singles: list[list[dict[str, Any]]] = []
    for row in sorted(rows, key=lambda r: (r.get("date") or "", r["event_id"])):
        src, tgt, day = row.get("source_code"), row.get("target_code"), _day(row.get("date"))
        if not src or not tgt or day is None:
            singles.append([row])
            continue
        clusters = groups.setdefault((row["cameo"], src, tgt), [])
        last = clusters[-1] if clusters else None
        if last is not None and (day - _day(last[0]["date"])).days <= window_days:  # type: ignore[operator]
            last.append(row)
        else:
            clusters.append([row])
    out = []
    for cluster in [c for cs in groups.values() for c in cs] + singles:
        first = cluster[0]
        out.append(MergedEvent(
            merged_id=first["event_id"], date=(first.get("date") or "")[:10],
            type=first["type"], cameo=first["cameo"], source_code=first.get("source_code"),
            target_code=first.get("target_code"), num_mentions=len(cluster),
            num_articles=len({r["article_id"] for r in cluster}),
            num_sources=len({r.get("outlet") or r["article_id"] for r in cluster}),
            event_ids=tuple(r["event_id"] for r in cluster), first=first))
    return sorted(out, key=lambda m: (m.date, m.merged_id))


__all__ = ["MergedEvent", "WINDOW_DAYS", "merge_events"]
