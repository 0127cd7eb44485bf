"""Writing coded articles as json, jsonl, tsv or a table for people (DESIGN.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from dyad.records import FLAT_EVENT_COLUMNS, CodedArticle, flatten_event

FORMATS = ("json", "jsonl", "tsv", "table")


class Writer:
    """Streams coded articles to ``out`` in one format; ``close()`` finishes a table."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self._header_done = False

    def write(self, coded: CodedArticle) -> None:
        if self.fmt == "json":
            self.out.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "jsonl":
            for ev in coded.events:
                row = {"article_id": coded.id, **ev.to_dict()}
                self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt == "tsv":
            if not self._header_done:
                self.out.write("\t".join(FLAT_EVENT_COLUMNS) + "\n")
                self._header_done = True
            for ev in coded.events:
                row = flatten_event(coded.id, ev)
                self.out.write("\t".join(_cell(row[c]) for c in FLAT_EVENT_COLUMNS) + "\n")
        else:
            self.out.write(render_table(coded) + "\n")

    def write_all(self, items: Iterable[CodedArticle]) -> int:
        n = 0
        for coded in items:
            self.write(coded)
            n += 1
        return n


def _cell(value: object) -> str:
    return str(value).replace("\t", " ").replace("\n", " ")


def render_table(coded: CodedArticle) -> str:
    """A plain-text table of one article's events and quotes, for reading in a terminal."""
    lines = [f"== {coded.id}  {coded.date or ''}  {coded.outlet or ''}".rstrip()]
    if not coded.events:
        lines.append("   (no events)")
    for ev in coded.events:
        src = (ev.source.code or f"?{ev.source.text}") if ev.source else "-"
        tgt = (ev.target.code or f"?{ev.target.text}") if ev.target else "-"
        mode = f"/{ev.mode}" if ev.mode else ""
        when = ev.date.value if ev.date else ""
        where = ev.place.name if ev.place else ""
        lines.append(f"   {ev.event_id:<28} {src:>10} -> {tgt:<10} {ev.type}{mode:<14} "
                     f"cameo {ev.cameo:<5} {ev.status:<12} {when:<10} {where:<12} "
                     f"'{ev.trigger.text}'")
    for q in coded.quotes:
        who = (q.speaker.code or q.speaker.text) if q.speaker else "?"
        text = q.text if len(q.text) < 70 else q.text[:67] + "..."
        lines.append(f"   quote {q.kind:<8} {who:>10} {q.cue or '':<10} \"{text}\"")
    return "\n".join(lines)


__all__ = ["FORMATS", "Writer", "render_table"]
