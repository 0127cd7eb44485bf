"""Writing the store out: JSON Lines, CSV, GDELT 2.0 event rows, POLECAT-style rows, Parquet.

GDELT 2.0 event table, 61 columns in GDELT's order. What dyad fills:

| GDELT column | from dyad |
|---|---|
| GLOBALEVENTID | a stable 63-bit hash of the event id |
| SQLDATE, MonthYear, Year, FractionDate | the event date (its publication date when none) |
| Actor1Code / Actor2Code | source / target code (`IRQGOV`) |
| Actor1Name / Actor2Name | the resolved name |
| Actor1CountryCode / Actor2CountryCode | ISO-3 country (or IGO, IMG, ...) |
| Actor1Type1Code / Actor2Type1Code | sector (`GOV`, `MIL`, ...) |
| IsRootEvent | 1 for events in the first sentence (GDELT's lead paragraph rule) |
| EventCode, EventBaseCode, EventRootCode | CAMEO code, its 3- and 2-digit prefixes |
| QuadClass, GoldsteinScale | quad 1-4 and the CAMEO weight |
| NumMentions, NumSources, NumArticles | 1, 1, 1 per report; with `--merged`, the counts of the merged event (see `merge.py`) |
| ActionGeo_* | the event's place: type (1 country, 4 city), name, FIPS-free ISO-3, lat/lon, geonameid |
| DATEADDED | the export time, YYYYMMDDhhmmss |
| SOURCEURL | the article URL (or its id when none) |

Known groups, ethnic and religious codes, AvgTone and the actor geographies are left empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from dyad.errors import InputError
from dyad.records import FLAT_EVENT_COLUMNS

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")],
    "DATEADDED", "SOURCEURL",
)
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Quad Code",
    "Goldstein", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Recipient Name", "Recipient Country", "Recipient Primary Sector", "Place Name",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Story ID", "Source", "Publication Date",
    "Headline", "Status", "Trigger", "Rule", "CAMEO",
)
FORMATS = ("gdelt", "polecat", "jsonl", "csv", "parquet")


def _event_id(event_id: str) -> int:
    return int.from_bytes(hashlib.sha1(event_id.encode()).digest()[:8], "big") >> 1


def gdelt_row(ev: dict[str, Any], *, added: str) -> list[str]:
    date = (ev.get("date") or "")[:10]
    day = date.replace("-", "") if len(date) == 10 else ""
    year = date[:4]
    frac = ""
    if day:
        d = dt.date.fromisoformat(date)
        frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    cameo = ev.get("cameo") or ""

    def actor(prefix: str) -> list[str]:
        return [ev.get(f"{prefix}_code") or "", ev.get(f"{prefix}_text") or "",
                ev.get(f"{prefix}_country") or "", "", "", "", "",
                ev.get(f"{prefix}_sector") or "", "", ""]

    geo = [""] * 8
    if ev.get("place"):
        lat, lon = ev.get("lat"), ev.get("lon")
        geo = ["4" if ev.get("place") != ev.get("place_country") else "1", ev["place"],
               ev.get("place_country") or "", "", "", "" if lat is None else str(lat),
               "" if lon is None else str(lon), ""]
    row = [str(_event_id(ev["event_id"])), day, day[:6], year, frac,
           *actor("source"), *actor("target"),
           "1" if str(ev.get("sentence_index")) == "0" else "0", cameo, cameo[:3], cameo[:2],
           str(ev.get("quad") or ""), str(ev.get("goldstein") or ""),
           str(ev.get("num_mentions", 1)), str(ev.get("num_sources", 1)),
           str(ev.get("num_articles", 1)), "",
           *([""] * 8), *([""] * 8), *geo, added, ev.get("url") or ev.get("article_id", "")]
    return row


def polecat_row(ev: dict[str, Any]) -> list[str]:
    return [str(x) if x is not None else "" for x in (
        ev["event_id"], ev.get("date"), ev.get("type"), ev.get("mode"), ev.get("contexts"),
        ev.get("quad"), ev.get("goldstein"), ev.get("source_text"), ev.get("source_country"),
        "", ev.get("source_sector"), ev.get("target_text"), ev.get("target_country"),
        ev.get("target_sector"), ev.get("place"), ev.get("place_country"), ev.get("lat"),
        ev.get("lon"), "", ev.get("article_id"), ev.get("outlet"), ev.get("date"), "",
        ev.get("status"), ev.get("trigger"), ev.get("rule"), ev.get("cameo"))]


_FLOAT_COLUMNS = frozenset({"goldstein", "lat", "lon", "confidence"})
_INT_COLUMNS = frozenset({"quad", "sentence_index", "trigger_start", "trigger_end"})


def _arrow_type(column: str) -> Any:
    import pyarrow as pa

    if column in _FLOAT_COLUMNS:
        return pa.float64()
    if column in _INT_COLUMNS:
        return pa.int64()
    return pa.string()


def _typed(value: Any, column: str) -> Any:
    """Numbers as numbers in Parquet, so pandas and R read them without casting."""
    if value is None or value == "":
        return None
    if column in _FLOAT_COLUMNS:
        return float(value)
    if column in _INT_COLUMNS:
        return int(value)
    return str(value)


def export(events: Sequence[dict[str, Any]], fmt: str, out: IO[str] | None, *,
           path: str | None = None) -> int:
    """Write ``events`` (rows from :meth:`Store.events`) in ``fmt``; return the row count."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if path is None:
            raise InputError("parquet needs a file: give -o FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        cols = list(FLAT_EVENT_COLUMNS) + ["outlet", "url"]
        table = pa.table({c: pa.array([_typed(e.get(c), c) for e in events], type=_arrow_type(c))
                          for c in cols})
        pq.write_table(table, Path(path))
        return len(events)
    assert out is not None
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        cols = list(FLAT_EVENT_COLUMNS) + ["outlet", "url"]
        w = csv.writer(out)
        w.writerow(cols)
        for e in events:
            w.writerow(["" if e.get(c) is None else e.get(c) for c in cols])
    elif fmt == "gdelt":
        added = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
        for e in events:
            out.write("\t".join(c.replace("\t", " ") for c in gdelt_row(e, added=added)) + "\n")
    else:
        w = csv.writer(out, delimiter="\t")
        w.writerow(POLECAT_COLUMNS)
        for e in events:
            w.writerow(polecat_row(e))
    return len(events)


__all__ = ["FORMATS", "GDELT_COLUMNS", "POLECAT_COLUMNS", "export", "gdelt_row"]
